import type { Cycle, IsoDate } from './model';

const QUARTER_START = ['01-01', '04-01', '07-01', '10-01'];
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** Parses "2026-Q4" (also "2026Q4", "2026 q4"); returns undefined when the text is not a cycle. */
export function parseCycle(text: string): Cycle | undefined {
  const m = /^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const quarter = Number(m[2]) as Cycle['quarter'];
  return { year, quarter, start: `${year}-${QUARTER_START[quarter - 1]}`, end: `${year}-${QUARTER_END[quarter - 1]}` };
}

export function cycleLabel(cycle: Cycle): string {
  return `${cycle.year}-Q${cycle.quarter}`;
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function inCycle(date: IsoDate, cycle: Cycle): boolean {
  return date >= cycle.start && date <= cycle.end;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Excel's 1900 date system serial number of an ISO date (what a date cell stores). */
export function isoToSerial(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
}

export function serialToIso(serial: number): IsoDate {
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return d.toISOString().slice(0, 10);
}

/** A calendar date written as YYYY-MM-DD (one that exists: not 2026-02-30), or undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? t : undefined;
}

/** The calendar date of a moment in local time, as YYYY-MM-DD (what a person calls "today"). */
export function isoDateOf(d: Date): IsoDate {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
