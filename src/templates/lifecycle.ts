/**
 * The OKR lifecycle as workbook edits: lock the quarter, score it, add a review month, log an annual
 * KR change. Each planner takes the values both adapters read (SheetValues) and the book read from
 * them, and returns a WorkbookEdit (src/templates/edits.ts) plus what to tell the person. Pure:
 * the command line applies the edit to an .xlsx file, the add-in to the open workbook.
 */
import { cycleLabel, isoToSerial } from '../domain/cycle';
import { CHANGE_KIND_WORDS, LEVEL_WORDS, parseWord, RATING_WORDS } from '../domain/labels';
import { activeBook, allCards, cardKey, RATING_CODES, type Card, type IsoDate, type Lang, type Level, type LockEntry, type LockSnapshot, type OkrBook, type RatingCode } from '../domain/model';
import { checkBook, type Finding } from '../domain/rules';
import { cardProgress, quarterReport, type QuarterReport } from '../domain/report';
import { formatScore } from '../domain/messages';
import { parseAddr } from './a1';
import {
  changeLogAppend, changeLogCells, coalesceCells, emptyEdit,
  type ChangeLogRow, type ChartPlan, type SheetAdd, type WorkbookEdit,
} from './edits';
import { Grid, sheetPlan } from './grid';
import { buildLockSheet, isLockSheet } from './lock-sheet';
import type { CellValue, PlanCell } from './plan';
import { filled, lastFilledRow, text, toIsoDate, type RawValue, type SheetValues } from './read-book-values';
import { buildChangeLogSheet, buildRegisterSheet, distributionHeader, REGISTER, REGISTER_COLUMNS, REVIEW_COLUMNS, REVIEW_FIRST_ROW } from './simple-sheets';
import { FROZEN_FILL } from './styles';
import { both, t } from './text';

type Msg = Record<Lang, string>;
const L = (zh: string, en: string): Msg => ({ 'zh-CN': zh, 'en-US': en });

/** A reason the action cannot go ahead, in both languages (exit code 2 on the command line). */
export class LifecycleError extends Error {
  /** `findings`: the rule findings behind the refusal, when there are any (the AGREED problems of a refused lock). */
  constructor(readonly text: Msg, readonly code: string, readonly findings: Finding[] = []) {
    super(text['en-US']);
    this.name = 'LifecycleError';
  }
}

/** Excel's last row. */
export const MAX_ROWS = 1_048_576;

/**
 * Rows are appended below the last filled one; when something sits at the very bottom of a sheet
 * there is no room, and the person is told where instead of the program running out of memory.
 */
export function assertFits(edit: WorkbookEdit): void {
  for (const a of edit.appends) {
    const last = a.row + a.rows.length - 1;
    if (last > MAX_ROWS) {
      throw new LifecycleError({
        'zh-CN': `工作表“${a.sheet}”没有空行可追加（第${MAX_ROWS}行以下已用完）。请删除表末尾多余的内容后重试。`,
        'en-US': `Sheet "${a.sheet}" has no free rows left to append to (row ${MAX_ROWS} is in use). Remove the stray content at the bottom of the sheet and try again.`,
      }, 'NO_ROOM');
    }
  }
}

export interface PlanInput {
  sheets: SheetValues[];
  book: OkrBook;
  lang: Lang;
  /** The date written into the change log (the caller's today). */
  today: IsoDate;
  /** Who does it (written into the change log). */
  by?: string;
}

export const findSheet = (sheets: SheetValues[], key: Parameters<typeof both>[0]): SheetValues | undefined =>
  sheets.find((s) => both(key).includes(text(s.get(1, 1))));

/** A sheet name not yet taken (Excel compares names case-insensitively). */
export function freeName(sheets: SheetValues[], base: string): string {
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}(${i})`.toLowerCase())) return `${base}(${i})`;
}

export const kindWord = (kind: keyof typeof CHANGE_KIND_WORDS, lang: Lang): string => CHANGE_KIND_WORDS[kind][lang];

/** Adds change-log rows: below the last filled row, or — when the sheet is gone — in a new change log. */
export function logRows(edit: WorkbookEdit, sheets: SheetValues[], lang: Lang, rows: ChangeLogRow[]): void {
  const log = findSheet(sheets, 'titleChangeLog');
  if (log) {
    edit.appends.push(changeLogAppend(log, rows));
    return;
  }
  const plan = buildChangeLogSheet(freeName(sheets, t('sheetChangeLog', lang)), lang);
  rows.forEach((r, i) => { plan.rows[4 + i] = changeLogCells(r); });
  edit.sheets.push({ plan, visibility: 'visible' });
}

// ---- lock ---------------------------------------------------------------------------------------

export interface LockInput extends PlanInput {
  /** Lock although some cards are not agreed; the reason goes into the change log. */
  override?: string;
  /** Lock again (a new snapshot) although the quarter is already locked. */
  relock?: boolean;
}

export interface LockPlan {
  edit: WorkbookEdit;
  snapshot: LockSnapshot;
  cards: number;
  objectives: number;
  quarterlyKrs: number;
  /** AGREED errors that the override let through (empty without an override). */
  notAgreed: Finding[];
}

const LOCK = {
  notAgreed: (n: number): Msg => L(
    `有 ${n} 处未协商一致或未签字（AGREED），不能锁定。请先补齐签字，或以 --override "原因" 例外锁定（原因会写入变更记录）。`,
    `${n} AGREED problems (not agreed or not signed): the quarter cannot be locked. Get the sign-offs first, or lock with --override "reason" (the reason goes into the change log).`,
  ),
  already: (on: string): Msg => L(
    `本季度已于 ${on} 锁定。重新锁定会以当前内容替换锁定快照；确需如此请选择“重新锁定”（命令行：--relock）。`,
    `The quarter was already locked on ${on}. Locking again replaces the snapshot with the current text; if that is really intended, choose "lock again" (command line: --relock).`,
  ),
  blankReason: L('例外锁定必须写明原因（--override "原因"）。', 'An override needs a reason (--override "reason").'),
  summary: (c: number, o: number, k: number): Msg => L(`锁定 ${c} 张卡片：${o} 个目标、${k} 个季度KR`, `Locked ${c} cards: ${o} objectives, ${k} quarterly KRs`),
  overrideNote: (reason: string, n: number, who: string): Msg => L(
    `例外锁定，原因：${reason}。未协商一致/未签字 ${n} 处：${who}`,
    `Locked by override, reason: ${reason}. ${n} AGREED problems: ${who}`,
  ),
};

function cardName(c: { level: Level; department?: string; owner?: string }, lang: Lang): string {
  if (c.level === 'company') return LEVEL_WORDS.company[lang];
  return c.level === 'department' ? c.department ?? '' : `${c.department ?? ''}/${c.owner ?? ''}`;
}

/**
 * Locks the quarter: every card must be agreed (AGREED has no errors in phase 'lock') unless an
 * override reason is given. Freezes (locks and greys) each objective's text and each quarterly KR's
 * text, target and criteria, protects the card sheets, stores the snapshot in a very hidden sheet
 * and appends a change-log row.
 */
export function planLock(input: LockInput): LockPlan {
  const { book, lang, sheets } = input;
  if (book.lock && !input.relock) throw new LifecycleError(LOCK.already(book.lock.lockedOn || '?'), 'alreadyLocked');
  if (input.override !== undefined && input.override.trim() === '') throw new LifecycleError(LOCK.blankReason, 'blankReason');
  const notAgreed = checkBook(book, { lang, phase: 'lock' }).filter((f) => f.rule === 'AGREED' && f.severity === 'error');
  if (notAgreed.length && input.override === undefined) throw new LifecycleError(LOCK.notAgreed(notAgreed.length), 'notAgreed', notAgreed);

  const entries: LockEntry[] = [];
  const frozen = new Map<string, { row: number; col: number }[]>();
  const freeze = (sheet: string | undefined, cell: string | undefined) => {
    if (!sheet || !cell) return;
    const list = frozen.get(sheet) ?? [];
    list.push(parseAddr(cell));
    frozen.set(sheet, list);
  };
  let cards = 0;
  let objectives = 0;
  let quarterlyKrs = 0;
  for (const card of allCards(book)) {
    if (card.objectives.length === 0) continue;
    cards++;
    const key = cardKey(card);
    for (const o of card.objectives) {
      objectives++;
      entries.push({ card: key, objectiveNo: o.no, text: o.text });
      freeze(o.ref?.sheet ?? card.sheet, o.ref?.text);
      for (const kr of o.krs) {
        entries.push({ card: key, objectiveNo: o.no, krNo: kr.no, period: kr.period, text: kr.text });
        if (kr.period !== 'quarter') continue;
        quarterlyKrs++;
        for (const c of [kr.ref?.text, kr.ref?.target, kr.ref?.criteria]) freeze(kr.ref?.sheet ?? card.sheet, c);
      }
    }
  }
  const snapshot: LockSnapshot = { lockedOn: input.today, lockedBy: input.by, cycle: cycleLabel(book.cycle), entries };

  const edit = emptyEdit();
  const existing = sheets.find(isLockSheet);
  const name = existing?.name ?? freeName(sheets, t('sheetLock', lang));
  edit.sheets.push({ plan: buildLockSheet(name, lang, snapshot), replaces: existing?.name, visibility: 'veryHidden' });
  for (const [sheet, cells] of frozen) {
    for (const range of coalesceCells(cells)) edit.locks.push({ sheet, range, locked: true, fill: FROZEN_FILL });
    edit.protect.push(sheet);
  }
  const who = notAgreed.map((f) => cardName(f, lang)).filter((v, i, a) => a.indexOf(v) === i);
  logRows(edit, sheets, lang, [{
    date: isoToSerial(input.today),
    kind: kindWord(input.override !== undefined ? 'lock-override' : 'lock', lang),
    newText: `${snapshot.cycle}：${LOCK.summary(cards, objectives, quarterlyKrs)[lang]}`,
    requester: input.by,
    note: input.override !== undefined ? LOCK.overrideNote(input.override.trim(), notAgreed.length, who.join(lang === 'zh-CN' ? '、' : ', '))[lang] : undefined,
    record: true,
  }]);
  assertFits(edit);
  return { edit, snapshot, cards, objectives, quarterlyKrs, notAgreed: input.override !== undefined ? notAgreed : [] };
}

// ---- scoring --------------------------------------------------------------------------------------

export interface ScoreInput extends PlanInput {
  /** Replace the cycle's rows when the register already holds them. */
  replace: boolean;
  /** Add a chart sheet for the quarter (Office.js only: ExcelJS cannot write charts). */
  charts: boolean;
}

export type ScorePlan =
  | { status: 'needsConfirm'; report: QuarterReport; existingRows: number }
  | { status: 'planned'; report: QuarterReport; edit: WorkbookEdit; replacedRows: number; registerSheet: string; chartSheet?: string };

const SCORE = {
  summary: (r: QuarterReport, labels: Record<RatingCode, string>, lang: Lang): string => {
    const dist = RATING_CODES.map((c) => `${labels[c]} ${r.distribution[c]}`).join(lang === 'zh-CN' ? '，' : ', ');
    const company = r.company.score === undefined ? '—' : `${formatScore(round(r.company.score))}${r.company.rating ? `（${labels[r.company.rating]}）` : ''}`;
    const unscored = r.unscored.length;
    return lang === 'zh-CN'
      ? `${r.cycle}：${r.people.length} 人，公司得分 ${company}；个人评级分布：${dist}；未评分KR ${unscored} 个（按0分计）`
      : `${r.cycle}: ${r.people.length} people, company score ${company}; individual ratings: ${dist}; ${unscored} KRs without a score (counted 0)`;
  },
  replaced: (n: number): Msg => L(`重新评分，替换了本周期原有的 ${n} 行`, `Scored again: replaced this cycle's ${n} rows`),
  distTitle: L('评级分布', 'Rating distribution'),
  deptTitle: L('各部门得分', 'Scores by department'),
  rating: L('评级', 'Rating'),
  people: L('人数', 'People'),
  department: L('部门', 'Department'),
  score: L('得分', 'Score'),
  company: L('公司得分', 'Company score'),
};

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
export function planScore(input: ScoreInput): ScorePlan {
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

  const notes = oldRows.length ? SCORE.replaced(oldRows.length)[lang] : undefined;
  logRows(edit, sheets, lang, [{ date: isoToSerial(input.today), kind: kindWord('score', lang), newText: SCORE.summary(report, labels, lang), requester: input.by, note: notes, record: true }]);

  let chartSheet: string | undefined;
  if (input.charts) {
    const add = chartSheetAdd(sheets, report, labels, lang);
    edit.sheets.push(add);
    chartSheet = add.plan.name;
  }
  assertFits(edit);
  return { status: 'planned', report, edit, replacedRows: oldRows.length, registerSheet, chartSheet };
}

/** The quarter's chart sheet: the two small tables the charts show, and the charts. */
function chartSheetAdd(sheets: SheetValues[], report: QuarterReport, labels: Record<RatingCode, string>, lang: Lang): SheetAdd {
  const base = `${t('sheetChartsPrefix', lang)} ${report.cycle}`;
  const existing = sheets.find((s) => s.name.toLowerCase() === base.toLowerCase());
  const title = existing ? text(existing.get(1, 1)) : '';
  const replaces = existing && both('titleCharts').some((w) => title.startsWith(w)) ? existing.name : undefined;
  const name = replaces ?? freeName(sheets, base);
  const g = new Grid();
  g.set(1, 1, { v: `${t('titleCharts', lang)} ${report.cycle}`, s: 'title' });
  g.line(3, 1, [{ v: SCORE.rating[lang], s: 'header' }, { v: SCORE.people[lang], s: 'header' }]);
  RATING_CODES.forEach((c, i) => g.line(4 + i, 1, [{ v: labels[c], s: 'fixed' }, { v: report.distribution[c], s: 'fixed' }]));
  g.line(9, 1, [{ v: SCORE.company[lang], s: 'label' }, { v: report.company.score ?? null, s: 'score' }]);
  g.line(3, 4, [{ v: SCORE.department[lang], s: 'header' }, { v: SCORE.score[lang], s: 'header' }]);
  const depts = report.departments;
  depts.forEach((d, i) => g.line(4 + i, 4, [{ v: d.name, s: 'fixed' }, { v: d.score ?? null, s: 'score' }]));
  const charts: ChartPlan[] = [
    { kind: 'columnClustered', source: 'A3:B7', title: SCORE.distTitle[lang], from: 'G2', to: 'N18' },
    { kind: 'barClustered', source: `D3:E${3 + Math.max(depts.length, 1)}`, title: SCORE.deptTitle[lang], from: 'G20', to: 'N38' },
  ];
  const plan = sheetPlan('charts', 'charts', name, g, { colWidths: [12, 8, 2, 16, 8], protect: false, tabColor: '70AD47' });
  return { plan, replaces, visibility: 'visible', charts };
}

// ---- review month ---------------------------------------------------------------------------------

export interface ReviewInput extends PlanInput {
  /** "YYYY-MM". */
  month: string;
}

export interface ReviewPlan {
  edit: WorkbookEdit;
  sheet: string;
  /** People who got a row. */
  added: { department: string; name: string; progress?: number; deviation?: number }[];
  /** People who already had a row for the month (their rows are not touched). */
  skipped: number;
  /** Progress the time elapsed calls for at the end of the month (0–1). */
  expected: number;
}

const REVIEW = {
  badMonth: (m: string): Msg => L(`月份“${m}”无效，应为 2026-11 这样的格式。`, `Month "${m}" is not valid; write it like 2026-11.`),
  noSheet: L('找不到“月（季）绩效回顾表”。', 'The review sheet was not found.'),
};

/** Share of the cycle that has passed at the end of `month` (0 before it starts, 1 after it ends). */
export function expectedProgress(book: OkrBook, month: string): number {
  const [y, m] = month.split('-').map(Number);
  const startMonth = book.cycle.year * 12 + (book.cycle.quarter - 1) * 3;
  const done = y * 12 + (m - 1) - startMonth + 1;
  return Math.min(1, Math.max(0, done / 3));
}

/** One person's row of a review month: month, department and name filled in, the rest to type. */
export function reviewRow(month: string, dept: string, name: string, progress?: number, deviation?: number): PlanCell[] {
  const cells: PlanCell[] = REVIEW_COLUMNS.map((c) => ({ v: null, s: c.style }));
  cells[0] = { v: month, s: 'input' };
  cells[1] = { v: dept, s: 'fixed' };
  cells[2] = { v: name, s: 'fixed' };
  cells[3] = { v: progress ?? null, s: 'inputPct' };
  cells[10] = { v: deviation ?? null, s: 'inputPct' };
  return cells;
}

/**
 * Adds the rows of a new month to 月（季）绩效回顾表 below everything typed before: one row per
 * person who has no row for that month yet, pre-filled with the current progress (mean KR progress
 * of the card; a KR without progress counts 0) and the deviation rate (计划 − 实际) / 计划, where the
 * plan is the share of the cycle elapsed at the end of the month. Rows typed before are not touched.
 */
export function planReviewMonth(input: ReviewInput): ReviewPlan {
  const { book, sheets, month } = input;
  const mm = /^(\d{4})-(\d{2})$/.exec(month.trim());
  if (!mm || Number(mm[2]) < 1 || Number(mm[2]) > 12) throw new LifecycleError(REVIEW.badMonth(month), 'badMonth');
  const sheet = findSheet(sheets, 'titleReview');
  if (!sheet) throw new LifecycleError(REVIEW.noSheet, 'noReviewSheet');
  const width = REVIEW_COLUMNS.length;
  const have = new Set<string>();
  for (let r = REVIEW_FIRST_ROW; r <= sheet.rowCount; r++) {
    if (text(sheet.get(r, 1)) === month) have.add(`${text(sheet.get(r, 2))}|${text(sheet.get(r, 3))}`);
  }
  const expected = expectedProgress(book, month);
  const added: ReviewPlan['added'] = [];
  const rows: PlanCell[][] = [];
  let skipped = 0;
  for (const card of activeBook(book).individuals) {
    const dept = card.department ?? '';
    const name = card.owner ?? '';
    if (have.has(`${dept}|${name}`)) { skipped++; continue; }
    const progress = cardProgress(card);
    const deviation = progress === undefined || expected === 0 ? undefined : (expected - progress) / expected;
    added.push({ department: dept, name, progress, deviation });
    rows.push(reviewRow(month, dept, name, progress, deviation));
  }
  const edit = emptyEdit();
  if (rows.length) {
    const at = Math.max(REVIEW_FIRST_ROW, lastFilledRow(sheet, REVIEW_FIRST_ROW, width) + 1);
    edit.appends.push({ sheet: sheet.name, row: at, col: 1, rows });
  }
  assertFits(edit);
  return { edit, sheet: sheet.name, added, skipped, expected };
}

// ---- annual KR change -------------------------------------------------------------------------------

export interface AnnualChangeInput extends PlanInput {
  /** Where the annual KR's text is (a KR ref: sheet and cell of its text). */
  sheet: string;
  cell: string;
  newText: string;
  requester: string;
  approver?: string;
  approvedOn?: IsoDate;
  note?: string;
}

const CHANGE = {
  notAnnual: (where: string): Msg => L(`${where} 不是年度KR的内容单元格。只有年度KR可以申请调整；季度KR和目标锁定后不可更改。`, `${where} is not the text of an annual KR. Only annual KRs may be adjusted; quarterly KRs and objectives never change after the lock.`),
  blank: L('请填写调整后的KR内容和申请人。', 'Fill in the new KR text and the requester.'),
};

/** The change-log row of an annual KR change (the "request an annual KR change" form). */
export function planAnnualKrChange(input: AnnualChangeInput): { edit: WorkbookEdit; oldText: string } {
  const { book, lang, sheets } = input;
  if (!input.newText.trim() || !input.requester.trim()) throw new LifecycleError(CHANGE.blank, 'blank');
  const kr = allCards(book).flatMap((c: Card) => c.objectives.flatMap((o) => o.krs))
    .find((k) => k.ref?.sheet === input.sheet && k.ref.text === input.cell.replace(/\$/g, '').toUpperCase());
  if (!kr || kr.period !== 'annual') throw new LifecycleError(CHANGE.notAnnual(`${input.sheet}!${input.cell}`), 'notAnnual');
  const edit = emptyEdit();
  logRows(edit, sheets, lang, [{
    date: isoToSerial(input.today), kind: kindWord('annual-kr-change', lang), sheet: input.sheet, cell: kr.ref?.text,
    oldText: kr.text, newText: input.newText.trim(), requester: input.requester.trim(), approver: input.approver?.trim() || undefined,
    approvedOn: input.approvedOn ? isoToSerial(input.approvedOn) : undefined, note: input.note,
  }]);
  assertFits(edit);
  return { edit, oldText: kr.text };
}

