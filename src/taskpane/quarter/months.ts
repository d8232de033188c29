/** The review month: what a person may type, and which month is offered first. */
import type { QuarterInfo } from '../actions';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

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

/** Why a typed review month cannot be used, or undefined when it can. */
export function monthProblem(value: string, info?: Pick<QuarterInfo, 'firstMonth' | 'lastMonth'>): 'invalid' | 'outside' | undefined {
  const v = value.trim();
  if (!MONTH.test(v)) return 'invalid';
  if (info && (v < info.firstMonth || v > info.lastMonth)) return 'outside';
  return undefined;
}
