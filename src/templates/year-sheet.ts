/**
 * 年度结果: one row per person, department and the company. Each quarter's score is a value, filled
 * in when the quarter is scored (who is who across quarters, transfers included, is the program's
 * business); everything computed from them is a formula over 设置 — the annual score (quarter
 * weights), the ratings (bands), the bonus coefficient and the suggested result application — so
 * HR's edits in 设置 show at once, and LibreOffice can prove the formulas equal domain/year.ts.
 * The columns right of the suggestions are HR's: no command writes them.
 */
import { LEVEL_WORDS, parseWord } from '../domain/labels';
import type { Lang, Level } from '../domain/model';
import { QUARTER_KEYS, type YearLine } from '../domain/year';
import { text as catalogue } from '../i18n';
import { addr, colLetter, rangeAddr } from './a1';
import { ratingFormats, ratingFormula } from './card';
import { Grid, sheetPlan } from './grid';
import { N } from './names';
import type { PlanCell, SheetPlan } from './plan';
import { num, text, type RawValue, type SheetValues } from './read-book-values';

export const YEAR_SHEET = {
  headerRow: 4,
  firstRow: 5,
  level: 1, department: 2, name: 3, id: 4,
  /** Quarter q's score column (1-based q): the four are side by side, so one SUMPRODUCT weighs them. */
  quarterCol: (q: number): number => 4 + q,
  /** Quarter q's rating column. */
  ratingCol: (q: number): number => 8 + q,
  score: 13, rating: 14, bonus: 15, position: 16, salary: 17, training: 18,
  hrFirst: 19, hrLast: 23,
  width: 23,
  /** The rows the rating colours cover (the register's extent). */
  lastFormatted: 2000,
} as const;

const Y = YEAR_SHEET;

export function yearTitle(lang: Lang, year: number): string {
  return `${catalogue(lang).year.title} ${year}`;
}

/** The year a 年度结果 title names ("年度结果 2027"), or undefined when it is not one. */
export function yearOfTitle(title: string): number | undefined {
  for (const lang of ['zh-CN', 'en-US'] as Lang[]) {
    const head = catalogue(lang).year.title;
    const m = /^(\d{4})$/.exec(title.slice(head.length).trim());
    if (title.startsWith(head) && m) return Number(m[1]);
  }
  return undefined;
}

/** The year a 年度结果 sheet is about, or undefined when the sheet is not one. */
export const yearSheetYear = (s: SheetValues): number | undefined => yearOfTitle(text(s.get(1, 1)));

/**
 * The formulas of a row, by the row's own cells. The quarter weights lie in a row of 设置 like the
 * scores here, so SUMPRODUCT pairs them (it counts a blank score as 0, and ISNUMBER leaves an unscored
 * quarter's weight out): Excel 2016, Excel on the web and LibreOffice alike, no array entry needed.
 */
function formulaCells(r: number): Map<number, PlanCell> {
  const cell = (c: number) => addr(r, c);
  const scores = `${cell(Y.quarterCol(1))}:${cell(Y.quarterCol(4))}`;
  const weights = `SUMPRODUCT(ISNUMBER(${scores})*${N.quarterWeights})`;
  const bad = `SUMPRODUCT(ISNUMBER(${scores})*(ROUND(${scores},4)<=${N.fairFrom}))`;
  const rating = cell(Y.rating);
  const byRating = (name: string) => `INDEX(${name},MATCH(${rating},${N.ratingLabels},0))`;
  const out = new Map<number, PlanCell>();
  QUARTER_KEYS.forEach((_, i) => out.set(Y.ratingCol(i + 1), { f: ratingFormula(cell(Y.quarterCol(i + 1))), s: 'formula' }));
  out.set(Y.score, { f: `IF(${weights}=0,"",SUMPRODUCT(ISNUMBER(${scores})*${N.quarterWeights},${scores})/${weights})`, s: 'formulaScore' });
  out.set(Y.rating, { f: ratingFormula(cell(Y.score)), s: 'formula' });
  out.set(Y.bonus, { f: `IF(${rating}="","",${byRating(N.bonus)})`, s: 'formula' });
  out.set(Y.position, { f: `IF(AND(${N.positionAfterBad}>0,${bad}>=${N.positionAfterBad}),${N.positionText}&"","")`, s: 'formula' });
  out.set(Y.salary, { f: `IF(${rating}="","",${byRating(N.salaryAdjust)})`, s: 'formulaPct' });
  out.set(Y.training, { f: `IF(${rating}="","",${byRating(N.training)}&"")`, s: 'formula' });
  return out;
}

/** A whole row: who, the quarter scores, the formulas, and HR's cells (blank, or what HR typed before). */
export function yearRowCells(r: number, line: YearLine, lang: Lang, hr: RawValue[] = []): PlanCell[] {
  const f = formulaCells(r);
  const cells: PlanCell[] = [];
  for (let c = 1; c <= Y.width; c++) {
    const q = QUARTER_KEYS.findIndex((_, i) => Y.quarterCol(i + 1) === c);
    if (c === Y.level) cells.push({ v: LEVEL_WORDS[line.level][lang], s: 'fixed' });
    else if (c === Y.department) cells.push({ v: line.department || null, s: 'fixed' });
    else if (c === Y.name) cells.push({ v: line.name || null, s: 'fixed' });
    else if (c === Y.id) cells.push({ v: line.id ?? null, s: 'fixed' });
    else if (q >= 0) cells.push({ v: line.quarters[q], s: 'score' });
    else if (c >= Y.hrFirst) cells.push({ v: hrValue(hr[c - Y.hrFirst]), s: 'inputWrap' });
    else cells.push(f.get(c) ?? { v: null, s: 'fixed' });
  }
  return cells;
}

const hrValue = (v: RawValue | undefined): string | number | boolean | null =>
  v === undefined || v === null || v === '' ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v;

export interface YearRow extends YearLine {
  row: number;
  /** HR's cells as read (columns S–W). */
  hr: RawValue[];
}

/** Reads a 年度结果 sheet back: its year and rows. */
export function readYearSheet(s: SheetValues): { year: number; rows: YearRow[] } | undefined {
  const year = yearSheetYear(s);
  if (year === undefined) return undefined;
  const rows: YearRow[] = [];
  for (let r = Y.firstRow; r <= s.rowCount; r++) {
    const level = parseWord(LEVEL_WORDS, text(s.get(r, Y.level))) as Level | undefined;
    if (!level) continue;
    const q = (i: number): number | null => num(s.get(r, Y.quarterCol(i))) ?? null;
    const id = text(s.get(r, Y.id));
    rows.push({
      row: r, level, department: text(s.get(r, Y.department)), name: text(s.get(r, Y.name)), ...(id ? { id } : {}),
      quarters: [q(1), q(2), q(3), q(4)],
      hr: Array.from({ length: Y.hrLast - Y.hrFirst + 1 }, (_, i) => s.get(r, Y.hrFirst + i)),
    });
  }
  return { year, rows };
}

export function buildYearSheet(sheetName: string, lang: Lang, year: number, lines: (YearLine & { hr?: RawValue[] })[]): SheetPlan {
  const g = new Grid();
  const T = catalogue(lang).year;
  const C = T.columns;
  g.set(1, 1, { v: yearTitle(lang, year), s: 'title' });
  g.set(2, 1, { v: T.note, s: 'note' });
  const headers = [
    C.level, C.department, C.name, C.id,
    ...QUARTER_KEYS.map((q) => C.quarterScore(q)), ...QUARTER_KEYS.map((q) => C.quarterRating(q)),
    C.score, C.rating, C.bonus, C.position, C.salary, C.training,
    C.hrPosition, C.hrSalary, C.hrTraining, C.hrBonus, C.hrNotes,
  ];
  g.line(Y.headerRow, 1, headers.map((v, i) => ({ v, s: i + 1 >= Y.hrFirst ? 'headerInput' : 'header' })));
  lines.forEach((line, i) => g.line(Y.firstRow + i, 1, yearRowCells(Y.firstRow + i, line, lang, line.hr)));
  const colour = (c: number) => ratingFormats(rangeAddr(Y.firstRow, c, Y.lastFormatted, c), `$${colLetter(c)}${Y.firstRow}`);
  return sheetPlan('year', 'year', sheetName, g, {
    colWidths: [7, 12, 10, 9, 8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 10, 12, 10, 16, 14, 12, 16, 14, 16],
    merges: [rangeAddr(2, 1, 2, Y.width)],
    freeze: { rows: Y.headerRow, cols: 3 },
    conditionalFormats: [...QUARTER_KEYS.flatMap((_, i) => colour(Y.quarterCol(i + 1))), ...colour(Y.score)],
    tabColor: '70AD47',
  });
}
