/**
 * Quarter-end scoring as a workbook edit: the score register's rows (values), the distribution, the
 * change-log row and, in the add-in, the chart sheet.
 */
import { isoToSerial } from '../../domain/cycle';
import { LEVEL_WORDS, parseWord, RATING_WORDS } from '../../domain/labels';
import { RATING_CODES, type Lang, type Level, type OkrBook, type RatingCode } from '../../domain/model';
import { refuse, type Refused } from '../../domain/refusal';
import { checkBook, type Finding } from '../../domain/rules';
import { quarterReport, type QuarterReport } from '../../domain/report';
import { text as catalogue } from '../../i18n';
import { formatScore } from '../../i18n/format';
import { emptyEdit, type ChartPlan, type SheetAdd, type WorkbookEdit } from '../edits';
import { Grid, sheetPlan } from '../grid';
import type { PlanCell } from '../plan';
import { filled, lastFilledRow, text, type RawValue, type SheetValues } from '../read-book-values';
import { buildRegisterSheet, distributionHeader, REGISTER, REGISTER_COLUMNS } from '../simple-sheets';
import { both, t } from '../text';
import { findSheet, freeName, kindWord, logRows, noRoom, openFindingsNote, type PlanInput } from './common';
import { planYearScores } from './year';

export interface ScoreInput extends PlanInput {
  /** Replace the cycle's rows when the register already holds them. */
  replace: boolean;
  /** Add a chart sheet for the quarter (Office.js only: ExcelJS cannot write charts). */
  charts: boolean;
  /**
   * Score although the quarter is not locked or rule errors remain (unsigned cards, unreadable or
   * out-of-range entries, changes since the lock); the reason and the findings go into the change log.
   */
  override?: string;
}

export type ScorePlan =
  | { status: 'needsConfirm'; report: QuarterReport; existingRows: number }
  | {
    status: 'planned'; report: QuarterReport; edit: WorkbookEdit; replacedRows: number; registerSheet: string; chartSheet?: string;
    /** The 年度结果 sheet the quarter's scores went into. */
    yearSheet: string;
    /** What the override let through: a quarter never locked, the rule errors (empty without an override). */
    overridden: { notLocked: boolean; findings: Finding[] };
    /** Register rows of people who left (or departments closed) since this cycle was scored: kept, marked. */
    keptLeavers: number;
  };

/**
 * What stops scoring: a quarter never locked, and every rule error in phase 'score' (cards not
 * signed, entries a formula cannot use, scores outside 0–1, changes since the lock, …).
 */
export function scoreBlockers(book: OkrBook): { notLocked: boolean; findings: Finding[] } {
  return { notLocked: book.lock === undefined, findings: checkBook(book, { phase: 'score' }).filter((f) => f.severity === 'error') };
}

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

interface RegisterRow {
  key: string;
  level: Level;
  name: string;
  cells: PlanCell[];
}

/** The departed mark of the card a register row is about ("已离职 2026-11-28"), if its person left or its department closed. */
function departedMark(book: OkrBook, level: Level, dept: string, name: string): string | undefined {
  if (level === 'individual') return book.individuals.find((c) => c.departed && c.department === dept && c.owner === name)?.departed;
  if (level === 'department') return book.departments.find((c) => c.departed && c.department === dept)?.departed;
  return undefined;
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
  if (input.override !== undefined && input.override.trim() === '') return refuse({ code: 'blankReason' });
  const blockers = scoreBlockers(book);
  const blocked = blockers.notLocked || blockers.findings.length > 0;
  if (blocked && input.override === undefined) return refuse({ code: 'scoreBlocked', ...blockers });
  const report = quarterReport(book);
  const labels = ratingLabels(book, lang);
  const cycle = report.cycle;
  const reg = findSheet(sheets, 'titleRegister');
  const R = REGISTER;
  // A leaver's row carries its mark beside the level word: "个人（已离职 2026-11-28）".
  const levelOf = (v: RawValue): Level => parseWord(LEVEL_WORDS, text(v).replace(/\s*[（(].*$/, '')) ?? 'individual';
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
    ...report.people.map((p): RegisterRow => ({ key: keyOf('individual', p.department, p.name), level: 'individual', name: p.name, cells: lineCells('individual', p.department, p.name, p.score, p.rating) })),
    ...report.departments.map((d): RegisterRow => ({ key: keyOf('department', d.name, ''), level: 'department', name: '', cells: lineCells('department', d.name, '', d.score, d.rating) })),
    { key: keyOf('company', '', ''), level: 'company', name: '', cells: lineCells('company', '', '', report.company.score, report.company.rating) },
  ];

  const edit = emptyEdit();
  const dist = distributionHeader(lang, RATING_CODES.map((c) => labels[c]));
  const distCells: PlanCell[] = [
    { v: cycle, s: 'fixed' }, ...RATING_CODES.map((c): PlanCell => ({ v: report.distribution[c], s: 'fixed' })),
    { v: RATING_CODES.reduce((n, c) => n + report.distribution[c], 0), s: 'fixed' },
  ];
  let registerSheet: string;
  let keptLeavers = 0;
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
    edit.writes.push({ sheet: reg.name, row: R.headerRow, col: R.level, cells: [[{ v: REGISTER_COLUMNS[R.level - 1].title(lang), s: 'header' }]] });
    edit.writes.push({ sheet: reg.name, row: R.headerRow - 1, col: R.distCol, cells: [[dist.title], dist.header] });

    // This cycle's rows already there, each matched to a new one by person: the same level,
    // department and name, else — a person who moved department — the same name when only one row
    // can be meant. A matched row is rewritten in place and HR's cells in it are never written, so
    // what HR typed stays with the person; new people are appended below.
    const olds = oldRows.map((r) => {
      const level = levelOf(reg.get(r, R.level));
      const dept = text(reg.get(r, R.department));
      const name = text(reg.get(r, R.name));
      return { row: r, level, dept, name, key: keyOf(level, dept, name), left: departedMark(book, level, dept, name) };
    });
    const taken = new Set<number>();
    const target = new Map<number, number>();
    rows.forEach((row, i) => {
      const j = olds.findIndex((o, k) => !taken.has(k) && o.key === row.key);
      if (j >= 0) { taken.add(j); target.set(i, j); }
    });
    rows.forEach((row, i) => {
      if (target.has(i) || row.level !== 'individual') return;
      const candidates = olds.flatMap((o, k) => (!taken.has(k) && !o.left && o.level === 'individual' && o.name === row.name ? [k] : []));
      const rivals = rows.filter((r2, i2) => !target.has(i2) && r2.level === 'individual' && r2.name === row.name).length;
      if (candidates.length === 1 && rivals === 1) { taken.add(candidates[0]); target.set(i, candidates[0]); }
    });
    const keepHr = (row: RegisterRow): (PlanCell | null)[] => row.cells.map((cell, i) => (i + 1 >= R.hrFirst && i + 1 <= R.hrLast ? null : cell));
    rows.forEach((row, i) => {
      const j = target.get(i);
      if (j !== undefined) edit.writes.push({ sheet: reg.name, row: olds[j].row, col: 1, cells: [keepHr(row)] });
    });
    const extra = rows.filter((_, i) => !target.has(i));
    if (extra.length) {
      const at = Math.max(R.firstRow, lastFilledRow(reg, R.firstRow, R.width) + 1);
      edit.appends.push({ sheet: reg.name, row: at, col: 1, rows: extra.map((row) => row.cells) });
    }
    olds.forEach((o, k) => {
      if (taken.has(k)) return;
      if (o.left) {
        // The person left (the department was closed) since: the row stays as scored, marked.
        keptLeavers++;
        edit.writes.push({ sheet: reg.name, row: o.row, col: R.level, cells: [[{ v: catalogue(lang).app.registerLeft(LEVEL_WORDS[o.level][lang], o.left), s: 'fixed' }]] });
        return;
      }
      // Any other row left over (the card is gone from the workbook): our cells are cleared, HR's kept.
      const cells = Array.from({ length: R.width }, (_, i): PlanCell | null => (i + 1 >= R.hrFirst && i + 1 <= R.hrLast ? null : { v: null }));
      edit.writes.push({ sheet: reg.name, row: o.row, col: 1, cells: [cells] });
    });
    // The distribution row of the cycle: replaced, or added below the others.
    let distRow = 0;
    for (let r = R.firstRow; r <= reg.rowCount && !distRow; r++) if (text(reg.get(r, R.distCol)) === cycle) distRow = r;
    if (!distRow) {
      distRow = R.firstRow;
      for (let r = R.firstRow; r <= reg.rowCount; r++) if (filled(reg.get(r, R.distCol))) distRow = r + 1;
    }
    edit.writes.push({ sheet: reg.name, row: distRow, col: R.distCol, cells: [distCells] });
  }

  const yearSheet = planYearScores(edit, sheets, book, report, lang);

  const words = catalogue(lang).app;
  const overridden = blocked && input.override !== undefined;
  const notes = [
    overridden ? `${words.scoreOverrideNote((input.override ?? '').trim(), blockers.notLocked)}${openFindingsNote(blockers.findings, lang)}` : '',
    oldRows.length ? words.rescored(oldRows.length) : '',
  ].filter(Boolean).join(words.clauseSep);
  logRows(edit, sheets, lang, [{
    date: isoToSerial(input.today), kind: kindWord(overridden ? 'score-override' : 'score', lang), newText: summary(report, labels, lang),
    requester: input.by, note: notes || undefined, record: true,
  }]);

  let chartSheet: string | undefined;
  if (input.charts) {
    const add = chartSheetAdd(sheets, report, labels, lang);
    edit.sheets.push(add);
    chartSheet = add.plan.name;
  }
  const full = noRoom(edit);
  if (full) return refuse(full);
  return {
    status: 'planned', report, edit, replacedRows: oldRows.length, registerSheet, yearSheet, chartSheet, keptLeavers,
    overridden: overridden ? blockers : { notLocked: false, findings: [] },
  };
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
