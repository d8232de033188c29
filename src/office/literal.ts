import type { PlanCell } from '../templates/plan';

/**
 * What to put in a Range.formulas array for a planned cell. Excel reads a written string as if a
 * person had typed it: "=…", "+…", "-…" and "@…" become formulas (and "=cmd|' /C calc'!A0" a DDE
 * call), "001", "1/2", "2026-12-31", "12:30", "50%", "1e5", "$5", "TRUE" or "#N/A" become numbers,
 * dates, booleans or errors, and full-width digits (１２３) become numbers on CJK systems.
 * A leading apostrophe makes Excel keep the rest as text, exactly as written (the apostrophe is not
 * part of the value). So every string that Excel could read as anything but text gets one: a name or
 * a typed value never becomes a formula or changes its type.
 */
export function cellInput(cell: PlanCell | null | undefined): string | number | boolean {
  if (!cell) return '';
  if (cell.f !== undefined) return `=${cell.f}`;
  const v = cell.v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return textLiteral(v);
  return v;
}

/** First characters that start a formula, a sign or a quote prefix — ASCII or full-width — or whitespace. */
const RISKY_START = /^[=+\-@'＝＋－＠＇\u2212\s]/;
/** Anything with a digit may parse as a number, date, time, percent, currency or fraction. */
const HAS_DIGIT = /[0-9\uff10-\uff19]/;
const OTHER_LITERAL = /^\s*(true|false)\s*$|^\s*#/i;

export function textLiteral(s: string): string {
  if (s === '') return '';
  return RISKY_START.test(s) || HAS_DIGIT.test(s) || OTHER_LITERAL.test(s) ? `'${s}` : s;
}
