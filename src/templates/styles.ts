import type { StyleId, StylePlan } from './plan';

const INPUT_FILL = 'FFF9E5';
const HEADER_FILL = '1F4E79';
const FORMULA_FILL = 'EAF1FB';
const BLOCKED_FILL = 'F2F2F2';
/** Cells frozen by the quarter's lock: grey instead of the input yellow, so people see why they cannot type. */
export const FROZEN_FILL = 'E7E6E6';

/** Number formats of the band ends: the comparison sign is part of what the cell shows. */
export const BAND_FMT = { ge: '"≥ "0.00%', gt: '"> "0.00%', le: '"≤ "0.00%', lt: '"< "0.00%' } as const;

/** Input cells are pale yellow and unlocked; everything else is locked when the sheet is protected. */
export const STYLES: Record<StyleId, StylePlan> = {
  title: { bold: true, size: 16, fontColor: HEADER_FILL, locked: true },
  subtitle: { bold: true, size: 12, fontColor: HEADER_FILL, locked: true },
  label: { bold: true, fill: 'D9E2F3', border: true, locked: true },
  value: { border: true, locked: true },
  header: { bold: true, fill: HEADER_FILL, fontColor: 'FFFFFF', hAlign: 'center', vAlign: 'middle', wrap: true, border: true, locked: true },
  headerInput: { bold: true, fill: 'D9E2F3', border: true, locked: false },
  input: { fill: INPUT_FILL, border: true, vAlign: 'top', locked: false },
  inputWrap: { fill: INPUT_FILL, border: true, wrap: true, vAlign: 'top', locked: false },
  inputPct: { fill: INPUT_FILL, border: true, numFmt: '0%', vAlign: 'top', locked: false },
  inputDate: { fill: INPUT_FILL, border: true, numFmt: 'yyyy-mm-dd', vAlign: 'top', locked: false },
  inputNum: { fill: INPUT_FILL, border: true, numFmt: '0.00', vAlign: 'top', locked: false },
  fixed: { border: true, vAlign: 'top', locked: true },
  fixedCenter: { border: true, hAlign: 'center', vAlign: 'top', locked: true },
  formula: { fill: FORMULA_FILL, border: true, vAlign: 'top', locked: true },
  formulaPct: { fill: FORMULA_FILL, border: true, numFmt: '0.0%', vAlign: 'top', locked: true },
  formulaScore: { fill: FORMULA_FILL, border: true, numFmt: '0.00', bold: true, vAlign: 'top', locked: true },
  check: { fill: FORMULA_FILL, border: true, wrap: true, vAlign: 'top', locked: true },
  note: { italic: true, fontColor: '595959', wrap: true, locked: true },
  blocked: { fill: BLOCKED_FILL, border: true, locked: true },
  text: { wrap: true, vAlign: 'top', locked: true },
  date: { numFmt: 'yyyy-mm-dd', border: true, locked: true },
  pct: { numFmt: '0%', border: true, locked: true },
  score: { numFmt: '0.00', border: true, vAlign: 'top', locked: true },
  fixedPct: { numFmt: '0.0%', border: true, vAlign: 'top', locked: true },
  // Band ends to the 0.01% the scores are compared on (rounded to 4 decimals), with their inclusion.
  bandGe: { numFmt: BAND_FMT.ge, border: true, locked: true },
  bandGt: { numFmt: BAND_FMT.gt, border: true, locked: true },
  bandLe: { numFmt: BAND_FMT.le, border: true, locked: true },
  bandLt: { numFmt: BAND_FMT.lt, border: true, locked: true },
  inputBandGe: { fill: INPUT_FILL, border: true, numFmt: BAND_FMT.ge, locked: false },
  inputBandGt: { fill: INPUT_FILL, border: true, numFmt: BAND_FMT.gt, locked: false },
  inputBandLe: { fill: INPUT_FILL, border: true, numFmt: BAND_FMT.le, locked: false },
};
