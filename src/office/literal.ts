import type { PlanCell } from '../templates/plan';

/**
 * What to put in a Range.formulas array for a planned cell. Excel treats a written string that
 * starts with = + - @ as a formula, and turns "001", "1/2" or "2026-12-31" into numbers and dates;
 * a leading apostrophe makes Excel keep the rest as text. So every string that Excel could read as
 * anything but text is written with one: a name or a typed value never becomes a formula.
 */
export function cellInput(cell: PlanCell | null | undefined): string | number | boolean {
  if (!cell) return '';
  if (cell.f !== undefined) return `=${cell.f}`;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return textLiteral(v);
  return v;
}

const RISKY_START = /^[=+\-@'\s]/;
const NUMBER_OR_DATE_LIKE = /^[\d.,:/%$¥€£()\s-]+$|^(true|false)$|^#/i;

export function textLiteral(s: string): string {
  if (s === '') return '';
  return RISKY_START.test(s) || NUMBER_OR_DATE_LIKE.test(s) ? `'${s}` : s;
}
