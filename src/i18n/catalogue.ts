/**
 * Every word the product shows a person — command line, task pane, ribbon, the sheets' own labels,
 * the rules' findings, refusals — in one typed catalogue per language. Each section's shape lives in
 * types/<section>.ts; each language fills every section in <lang>/<section>.ts, so a key missing or
 * misspelled in either language does not compile.
 */
import type { Lang } from '../domain/model';
import type { AppText } from './types/app';
import type { CliText } from './types/cli';
import type { ExcelText } from './types/excel';
import type { RibbonText } from './types/ribbon';
import type { RulesText } from './types/rules';
import type { IoText } from './types/io';
import type { WordsText } from './types/words';
import type { PaneText } from './types/pane';
import type { SheetsText } from './types/sheets';
import type { YearText } from './types/year';

export type { Lang };

export interface Catalogue {
  /** Refusals of the use cases and the application's own sentences (src/app/). */
  app: AppText;
  /** What the command line prints. */
  cli: CliText;
  /** Excel's errors, for the pane and the ribbon alike. */
  excel: ExcelText;
  /** The ribbon's commands and their result dialog. */
  ribbon: RibbonText;
  /** The rules' titles, hints and finding sentences (rendered by findings.ts). */
  rules: RulesText;
  /** Import problems of organisation and OKR files (src/io). */
  io: IoText;
  /** The enumerations' words (levels, sources, periods, ratings, statuses, change kinds). */
  words: WordsText;
  /** The task pane (src/taskpane). */
  pane: PaneText;
  /** The generated sheets' names, titles, labels and headers (src/templates). */
  sheets: SheetsText;
  /** The OKR year: 年度结果, 设置's year block, `next` and `year`. */
  year: YearText;
}
