/**
 * Every word the product shows a person — command line, task pane, ribbon, the sheets' own labels,
 * the rules' findings, refusals — in one typed catalogue per language. Each section's shape lives in
 * types/<section>.ts; each language fills every section in <lang>/<section>.ts, so a key missing or
 * misspelled in either language does not compile.
 */
import type { Lang } from '../domain/model';
import type { AppText } from './types/app';

export type { Lang };

export interface Catalogue {
  /** Refusals of the use cases and the application's own sentences (src/app/). */
  app: AppText;
}
