/** The review period (a month, or an ISO week): what a person may type, and which month is offered first. */
import { parseReviewPeriod, periodInCycle } from '../../domain/review-period';
import type { QuarterInfo } from '../actions';

/** "YYYY-MM" of a date (local time). */
export function monthOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The review month offered first: this month, moved into the cycle when outside it. */
export function defaultMonth(now: Date, info?: Pick<QuarterInfo, 'firstMonth' | 'lastMonth'>): string {
  const m = monthOf(now);
  if (!info) return m;
  if (m < info.firstMonth) return info.firstMonth;
  if (m > info.lastMonth) return info.lastMonth;
  return m;
}

/** Why a typed review month or week cannot be used, or undefined when it can (the same reading as the command line's). */
export function monthProblem(value: string, info?: Pick<QuarterInfo, 'firstMonth' | 'lastMonth'>): 'invalid' | 'outside' | undefined {
  const period = parseReviewPeriod(value);
  if (!period) return 'invalid';
  const first = info && parseReviewPeriod(info.firstMonth);
  const last = info && parseReviewPeriod(info.lastMonth);
  if (first && last && !periodInCycle(period, { year: 0, quarter: 1, start: first.start, end: last.end })) return 'outside';
  return undefined;
}
