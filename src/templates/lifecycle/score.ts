/**
 * Quarter-end scoring as a workbook edit: the score register's rows (values), the distribution, the
 * change-log row and, in the add-in, the chart sheet.
 */
import { isoToSerial } from '../../domain/cycle';
import { LEVEL_WORDS, parseWord, RATING_WORDS } from '../../domain/labels';
import { RATING_CODES, type Lang, type Level, type OkrBook, type RatingCode } from '../../domain/model';
import { refuse, type Refused } from '../../domain/refusal';
import { quarterReport, type QuarterReport } from '../../domain/report';
import { text as catalogue } from '../../i18n';
import { formatScore } from '../../i18n/format';
import { emptyEdit, type ChartPlan, type SheetAdd, type WorkbookEdit } from '../edits';
import { Grid, sheetPlan } from '../grid';
import type { CellValue, PlanCell } from '../plan';
import { filled, lastFilledRow, text, toIsoDate, type RawValue, type SheetValues } from '../read-book-values';
import { buildRegisterSheet, distributionHeader, REGISTER, REGISTER_COLUMNS } from '../simple-sheets';
import { both, t } from '../text';
import { findSheet, freeName, kindWord, logRows, noRoom, type PlanInput } from './common';

export interface ScoreInput extends PlanInput {
  /** Replace the cycle's rows when the register already holds them. */
  replace: boolean;
  /** Add a chart sheet for the quarter (Office.js only: ExcelJS cannot write charts). */
  charts: boolean;
}

export type ScorePlan =
  | { status: 'needsConfirm'; report: QuarterReport; existingRows: number }
  | { status: 'planned'; report: QuarterReport; edit: WorkbookEdit; replacedRows: number; registerSheet: string; chartSheet?: string };

/** The change-log text of a scoring. */
function summary(r: QuarterReport, labels: Record<RatingCode, string>, lang: Lang): string {
  const words = catalogue(lang).app;
  const score = r.company.score === undefined ? '—' : formatScore(round(r.company.score));
  return words.scoreSummary({
    cycle: r.cycle, people: r.people.length, unscored: r.unscored.length,
    company: r.company.rating && score !== '—' ? words.scoreWithRating(score, labels[r.company.rating]) : score,
    distribution: RATING_CODES.map((c) => `${labels[c]} ${r.distribution[c]}`).join(words.clauseSep),
  });
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

function ratingLabels(book: OkrBook, lang: Lang): Record<RatingCode, string> {
  const out = {} as Record<RatingCode, string>;
  for (const c of RATING_CODES) out[c] = book.settings.ratingLabels?.[c] ?? RATING_WORDS[c][lang];
  return out;
}

/** A value read back from a cell as something a PlanCell can write again. */
function again(v: RawValue): CellValue {
  if (v === undefined) return null;
  if (v instanceof Date) return isoToSerial(toIsoDate(v) as string);
  return v;
}

interface RegisterRow {
  key: string;
  cells: PlanCell[];
}

/**
 * Quarter-end scoring: every score and rating from src/domain/scoring.ts, written as VALUES into the
 * score register — one row per person, then per department, then the company — with the bonus
 * coefficient from 设置 and the five result-application columns left to HR; the rating distribution
 * beside it; a change-log row; and (add-in) a chart sheet. A cycle already in the register is only
 * replaced when `replace` is set: its rows are rewritten in place (what HR typed in them stays with
 * the person), other cycles' rows are not touched.
 */
export function planScore(input: ScoreInput): ScorePlan | Refused {
  const { book, lang, sheets } = input;
  const report = quarterReport(book);
  const labels = ratingLabels(book, lang);
  const cycle = report.cycle;
  const reg = findSheet(sheets, 'titleRegister');
  const R = REGISTER;
  const levelOf = (v: RawValue): Level => parseWord(LEVEL_WORDS, text(v)) ?? 'individual';
  const keyOf = (level: Level, dept: string, name: string) => `${level}|${dept}|${name}`;

  // This cycle's rows already in the register.
  const oldRows: number[] = [];
  if (reg) for (let r = R.firstRow; r <= reg.rowCount; r++) if (text(reg.get(r, R.cycle)) === cycle) oldRows.push(r);
  if (oldRows.length && !input.replace) return { status: 'needsConfirm', report, existingRows: oldRows.length };

  const bonus = (rating: RatingCode | undefined): number | null => (rating ? book.settings.bonus[rating] : null);
  const lineCells = (level: Level, dept: string, name: string, score: number | undefined, rating: RatingCode | undefined): PlanCell[] => {
    const cells: PlanCell[] = [
      { v: cycle, s: 'fixed' }, { v: dept || null, s: 'fixed' }, { v: name || null, s: 'fixed' },
      { v: score ?? null, s: 'score' }, { v: rating ? labels[rating] : null, s: 'fixed' }, { v: bonus(rating), s: 'score' },
    ];
    for (let c = R.hrFirst; c <= R.hrLast; c++) cells.push({ v: null, s: REGISTER_COLUMNS[c - 1].style });
    cells.push({ v: LEVEL_WORDS[level][lang], s: 'fixed' });
    return cells;
  };
  const rows: RegisterRow[] = [
    ...report.people.map((p) => ({ key: keyOf('individual', p.department, p.name), cells: lineCells('individual', p.department, p.name, p.score, p.rating) })),
    ...report.departments.map((d) => ({ key: keyOf('department', d.name, ''), cells: lineCells('department', d.name, '', d.score, d.rating) })),
    { key: keyOf('company', '', ''), cells: lineCells('company', '', '', report.company.score, report.company.rating) },
  ];

  const edit = emptyEdit();
  const dist = distributionHeader(lang, RATING_CODES.map((c) => labels[c]));
  const distCells: PlanCell[] = [
    { v: cycle, s: 'fixed' }, ...RATING_CODES.map((c): PlanCell => ({ v: report.distribution[c], s: 'fixed' })),
    { v: RATING_CODES.reduce((n, c) => n + report.distribution[c], 0), s: 'fixed' },
  ];
  let registerSheet: string;
  if (!reg) {
    const plan = buildRegisterSheet(freeName(sheets, t('sheetRegister', lang)), lang, RATING_CODES.map((c) => labels[c]));
    rows.forEach((row, i) => { plan.rows[R.firstRow - 1 + i] = row.cells; });
    const g = plan.rows[R.firstRow - 1] ?? [];
    while (g.length < R.distCol - 1) g.push(null);
    g.splice(R.distCol - 1, distCells.length, ...distCells);
    plan.rows[R.firstRow - 1] = g;
    edit.sheets.push({ plan, visibility: 'visible' });
    registerSheet = plan.name;
  } else {
    registerSheet = reg.name;
    // Headers this version owns: the level column and the distribution block.
    edit.writes.push({ sheet: reg.name, row: R.headerRow, col: R.level, cells: [[{ v: REGISTER_COLUMNS[R.level - 1].title[lang], s: 'header' }]] });
    edit.writes.push({ sheet: reg.name, row: R.headerRow - 1, col: R.distCol, cells: [[dist.title], dist.header] });

    // What HR typed in this cycle's rows, by person (level, department, name).
    const typed = new Map<string, CellValue[]>();
    const keyAt = new Map<number, string>();
    for (const r of oldRows) {
      const key = keyOf(levelOf(reg.get(r, R.level)), text(reg.get(r, R.department)), text(reg.get(r, R.name)));
      keyAt.set(r, key);
      const hr: CellValue[] = [];
      for (let c = R.hrFirst; c <= R.hrLast; c++) hr.push(again(reg.get(r, c)));
      if (!typed.has(key)) typed.set(key, hr);
    }
    const withHr = (row: RegisterRow, sameRow: boolean): (PlanCell | null)[] => row.cells.map((cell, i) => {
      const c = i + 1;
      if (c < R.hrFirst || c > R.hrLast) return cell;
      if (sameRow) return null; // the same person's row: leave HR's cells alone
      return { v: typed.get(row.key)?.[c - R.hrFirst] ?? null, s: cell.s };
    });
    // Rewrite the cycle's rows in place, append what does not fit, blank what is left over.
    rows.forEach((row, i) => {
      if (i >= oldRows.length) return;
      edit.writes.push({ sheet: reg.name, row: oldRows[i], col: 1, cells: [withHr(row, keyAt.get(oldRows[i]) === row.key)] });
    });
    const extra = rows.slice(oldRows.length);
    if (extra.length) {
      const at = Math.max(R.firstRow, lastFilledRow(reg, R.firstRow, R.width) + 1);
      edit.appends.push({ sheet: reg.name, row: at, col: 1, rows: extra.map((row) => withHr(row, false)) });
    }
    // Rows left over (someone is no longer in the workbook): our cells are cleared, HR's are kept.
    for (const r of oldRows.slice(rows.length)) {
      const cells = Array.from({ length: R.width }, (_, i): PlanCell | null => (i + 1 >= R.hrFirst && i + 1 <= R.hrLast ? null : { v: null }));
      edit.writes.push({ sheet: reg.name, row: r, col: 1, cells: [cells] });
    }
    // The distribution row of the cycle: replaced, or added below the others.
    let distRow = 0;
    for (let r = R.firstRow; r <= reg.rowCount && !distRow; r++) if (text(reg.get(r, R.distCol)) === cycle) distRow = r;
    if (!distRow) {
      distRow = R.firstRow;
      for (let r = R.firstRow; r <= reg.rowCount; r++) if (filled(reg.get(r, R.distCol))) distRow = r + 1;
    }
    edit.writes.push({ sheet: reg.name, row: distRow, col: R.distCol, cells: [distCells] });
  }

  const notes = oldRows.length ? catalogue(lang).app.rescored(oldRows.length) : undefined;
  logRows(edit, sheets, lang, [{ date: isoToSerial(input.today), kind: kindWord('score', lang), newText: summary(report, labels, lang), requester: input.by, note: notes, record: true }]);

  let chartSheet: string | undefined;
  if (input.charts) {
    const add = chartSheetAdd(sheets, report, labels, lang);
    edit.sheets.push(add);
    chartSheet = add.plan.name;
  }
  const full = noRoom(edit);
  if (full) return refuse(full);
  return { status: 'planned', report, edit, replacedRows: oldRows.length, registerSheet, chartSheet };
}

/** The quarter's chart sheet: the two small tables the charts show, and the charts. */
function chartSheetAdd(sheets: SheetValues[], report: QuarterReport, labels: Record<RatingCode, string>, lang: Lang): SheetAdd {
  const words = catalogue(lang).app.charts;
  const base = `${t('sheetChartsPrefix', lang)} ${report.cycle}`;
  const existing = sheets.find((s) => s.name.toLowerCase() === base.toLowerCase());
  const title = existing ? text(existing.get(1, 1)) : '';
  const replaces = existing && both('titleCharts').some((w) => title.startsWith(w)) ? existing.name : undefined;
  const name = replaces ?? freeName(sheets, base);
  const g = new Grid();
  g.set(1, 1, { v: `${t('titleCharts', lang)} ${report.cycle}`, s: 'title' });
  g.line(3, 1, [{ v: words.rating, s: 'header' }, { v: words.people, s: 'header' }]);
  RATING_CODES.forEach((c, i) => g.line(4 + i, 1, [{ v: labels[c], s: 'fixed' }, { v: report.distribution[c], s: 'fixed' }]));
  g.line(9, 1, [{ v: words.company, s: 'label' }, { v: report.company.score ?? null, s: 'score' }]);
  g.line(3, 4, [{ v: words.department, s: 'header' }, { v: words.score, s: 'header' }]);
  const depts = report.departments;
  depts.forEach((d, i) => g.line(4 + i, 4, [{ v: d.name, s: 'fixed' }, { v: d.score ?? null, s: 'score' }]));
  const charts: ChartPlan[] = [
    { kind: 'columnClustered', source: 'A3:B7', title: words.distTitle, from: 'G2', to: 'N18' },
    { kind: 'barClustered', source: `D3:E${3 + Math.max(depts.length, 1)}`, title: words.deptTitle, from: 'G20', to: 'N38' },
  ];
  const plan = sheetPlan('charts', 'charts', name, g, { colWidths: [12, 8, 2, 16, 8], protect: false, tabColor: '70AD47' });
  return { plan, replaces, visibility: 'visible', charts };
}

// ---- review month ---------------------------------------------------------------------------------
