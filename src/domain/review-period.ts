/**
 * A review period: the procedure reviews 每周或每月, so a review row is for a month ("2026-11") or
 * an ISO week ("2026-W45", Monday to Sunday). Pure date arithmetic on ISO dates in UTC.
 */
import type { Cycle, IsoDate } from './model';

export interface ReviewPeriod {
  kind: 'month' | 'week';
  /** As written into the review sheet's first column: "2026-11" or "2026-W45". */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

const DAY_MS = 86_400_000;
const iso = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
const ms = (d: IsoDate): number => Date.parse(`${d}T00:00:00Z`);

/** Monday of ISO week 1 of `year`: the week that holds 4 January. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return jan4 - weekday * DAY_MS;
}

/** How many ISO weeks `year` has (52 or 53). */
function weeksIn(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY_MS));
}

/** Reads "2026-11" or "2026-W45" (also "2026-w45", "2026W45"); undefined when it is neither, or no such month or week. */
export function parseReviewPeriod(text: string): ReviewPeriod | undefined {
  const t = text.trim();
  const month = /^(\d{4})-(\d{2})$/.exec(t);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) return undefined;
    return { kind: 'month', label: t, start: iso(Date.UTC(y, m - 1, 1)), end: iso(Date.UTC(y, m, 0)) };
  }
  const week = /^(\d{4})-?[Ww](\d{2})$/.exec(t);
  if (week) {
    const [y, w] = [Number(week[1]), Number(week[2])];
    if (w < 1 || w > weeksIn(y)) return undefined;
    const monday = week1Monday(y) + (w - 1) * 7 * DAY_MS;
    return { kind: 'week', label: `${y}-W${String(w).padStart(2, '0')}`, start: iso(monday), end: iso(monday + 6 * DAY_MS) };
  }
  return undefined;
}

/** True when some day of the period lies in the cycle (a week may straddle the quarter's first or last day). */
export function periodInCycle(p: ReviewPeriod, cycle: Cycle): boolean {
  return p.end >= cycle.start && p.start <= cycle.end;
}

/**
 * Share of the cycle the plan expects done at the end of the period (0–1). A month counts as a third
 * of the quarter, as the procedure plans by month; a week counts by the days elapsed.
 */
export function expectedShare(p: ReviewPeriod, cycle: Cycle): number {
  if (p.kind === 'month') {
    const [y, m] = p.label.split('-').map(Number);
    const [cy, cm] = cycle.start.split('-').map(Number);
    const done = y * 12 + (m - 1) - (cy * 12 + (cm - 1)) + 1;
    return Math.min(1, Math.max(0, done / 3));
  }
  const days = (ms(cycle.end) - ms(cycle.start)) / DAY_MS + 1;
  const elapsed = (Math.min(ms(p.end), ms(cycle.end)) - ms(cycle.start)) / DAY_MS + 1;
  return Math.min(1, Math.max(0, elapsed / days));
}
