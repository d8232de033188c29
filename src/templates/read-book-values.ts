import { serialToIso } from '../domain/cycle';
import type { IsoDate } from '../domain/model';

/**
 * What the readers see of a sheet: its values, whichever adapter read them. Shared by the book
 * reader and the lifecycle planners (lock, scoring, review), which read the same values.
 */
export type RawValue = string | number | boolean | Date | null | undefined;

export interface SheetValues {
  name: string;
  hidden: boolean;
  /** 1-based; returns the cell's value (a formula cell's result). */
  get(row: number, col: number): RawValue;
  rowCount: number;
}

export function text(v: RawValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export function opt(v: RawValue): string | undefined {
  return text(v) || undefined;
}

/** Whether a person typed anything, including only spaces — exactly what COUNTA sees. */
export function filled(v: RawValue): boolean {
  return v !== null && v !== undefined && v !== '';
}

export function num(v: RawValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return undefined;
}

export function toIsoDate(v: RawValue): IsoDate | undefined {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 0 && v < 2958466) return serialToIso(v);
  if (typeof v === 'string') {
    const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(v);
    if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  }
  return undefined;
}

/** The last row (≥ from) where any of columns 1..cols holds something; from - 1 when none does. */
export function lastFilledRow(s: SheetValues, from: number, cols: number): number {
  let last = from - 1;
  for (let r = from; r <= s.rowCount; r++) {
    for (let c = 1; c <= cols; c++) {
      if (filled(s.get(r, c))) {
        last = r;
        break;
      }
    }
  }
  return last;
}
