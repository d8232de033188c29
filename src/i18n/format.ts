/**
 * The one way a score, a percentage or a date is shown — command line, task pane, ribbon, sheet
 * texts and findings alike — so one score never reads three ways in three places.
 */
import { isoDateOf } from '../domain/cycle';
import type { IsoDate } from '../domain/model';

/** Digits the rating bands compare: a score is rated on its 4-decimal rounding. */
const RATED_DIGITS = 4;
/** Digits a score is shown with: the sheets' own 0.00 number format. */
const SHOWN_DIGITS = 2;

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  const v = Math.round(x * f) / f;
  return Object.is(v, -0) ? 0 : v;
}

/**
 * A score as people read it: rounded like the rating bands round it, then to the sheets' two
 * decimals, trailing zeros dropped but one decimal kept so it still reads as a score:
 * 0.6525 → "0.65", 0.7 → "0.7", 1 → "1.0", -0.1 → "-0.1". Rounding to 4 decimals first means the
 * shown value never crosses a band boundary the rating did not cross.
 */
export function formatScore(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const v = roundTo(roundTo(x, RATED_DIGITS), SHOWN_DIGITS);
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}

/** A fraction as a percentage, up to two decimals: 0.6 → "60%", 0.5714 → "57.14%", 0.30000000000000004 → "30%". */
export function formatPercent(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const v = Math.round(x * 10000) / 100;
  return `${Object.is(v, -0) ? 0 : v}%`;
}

/** A date as every front end shows it: ISO year-month-day in the local calendar (2026-12-31). */
export function formatDate(d: Date | IsoDate): string {
  return typeof d === 'string' ? d : isoDateOf(d);
}
