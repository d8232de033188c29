import type { Lang } from '../domain/model';
import { refusalFindings, type Refusal, type RefusalCode } from '../domain/refusal';
import type { Finding } from '../domain/rules';
import { text } from '../i18n';

/**
 * A use case's refusal as every front end receives it: its typed code and its sentence in the
 * language the use case was asked in (the typed refusal's data is in the sentence).
 */
export interface AppRefused {
  status: 'refused';
  code: RefusalCode;
  message: string;
  /** The findings behind the refusal, when there are any ('notAgreed': every AGREED problem; 'lockErrors', 'scoreBlocked': every error). */
  findings?: Finding[];
  /** Code 'scoreBlocked': the quarter was never locked. */
  notLocked?: boolean;
}

/** The sentence of a refusal in `lang`. */
export function refusalMessage(r: Refusal, lang: Lang): string {
  // The catalogue has one entry per code, each typed for its own refusal; TypeScript cannot narrow
  // the pair (code, entry) through an index, hence the cast to one general signature.
  const render = text(lang).app.refusal[r.code] as (x: Refusal) => string;
  return render(r);
}

export function refused(r: Refusal, lang: Lang): AppRefused {
  const findings = refusalFindings(r);
  return { status: 'refused', code: r.code, message: refusalMessage(r, lang), ...(findings ? { findings } : {}), ...(r.code === 'scoreBlocked' ? { notLocked: r.notLocked } : {}) };
}

