import { RATING_WORDS } from '../domain/labels';
import { RATING_CODES, type Cycle, type Lang, type Organisation } from '../domain/model';
import { colLetter, rangeAddr, sheetRef } from './a1';
import { cardLayout } from './card-layout';
import { decimalValidation, listValidation } from './card-validations';
import type { CardGeometry } from './card';
import { ratingFormats } from './card';
import { Grid, sheetPlan } from './grid';
import { N } from './names';
import type { PlanCell, SheetPlan, StyleId } from './plan';
import { t } from './text';
import { text, type Catalogue } from '../i18n';

/** A table column: its header in a language (from the catalogue), its width and its cells' style. */
export interface Column { title: (lang: Lang) => string; width: number; style: StyleId }

/**
 * A table's columns, in order, each named by its key in the table's `columns` section of the
 * catalogue (so a key missing in a language, or misspelled here, does not compile).
 */
function columnsOf<K extends string>(titles: (c: Catalogue) => Record<K, string>, specs: [K, number, StyleId?][]): Column[] {
  return specs.map(([key, width, style = 'inputWrap']) => ({ title: (lang: Lang) => titles(text(lang))[key], width, style }));
}

function table(g: Grid, lang: Lang, headerRow: number, columns: Column[]): void {
  columns.forEach((c, i) => g.set(headerRow, i + 1, { v: c.title(lang), s: 'header' }));
}

/** The note in row 2 spans the table below it, so it reads on one or two lines instead of a tall narrow column. */
function noteMerge(columns: number): string {
  return rangeAddr(2, 1, 2, columns);
}

function inputRows(g: Grid, from: number, count: number, columns: Column[], skip = 0): void {
  for (let r = from; r < from + count; r++) columns.forEach((c, i) => i >= skip && g.set(r, i + 1, { v: null, s: c.style }));
}

// --- KR & action plan -------------------------------------------------------------------------
export const ACTION_COLUMNS: Column[] = columnsOf((c) => c.sheets.actions.columns, [
  ['objective', 28, 'fixed'], ['kr', 30, 'fixed'],
  ['action', 30], ['owner', 10, 'input'], ['start', 11, 'inputDate'],
  ['due', 11, 'inputDate'], ['status', 9, 'input'], ['progress', 10, 'inputPct'],
  ['deliverable', 22], ['notes', 20],
]);
const FREE_ACTION_ROWS = 60;

export function buildActionsSheet(sheetName: string, lang: Lang, mapSheet: string, geo: CardGeometry): SheetPlan {
  const g = new Grid();
  const T = text(lang).sheets;
  g.set(1, 1, { v: t('titleActions', lang), s: 'title' });
  g.set(2, 1, { v: T.actions.note, s: 'note' });
  table(g, lang, 4, ACTION_COLUMNS);
  const M = cardLayout('company');
  let r = 5;
  geo.slots.forEach((slot) => {
    for (let k = slot.first; k <= slot.last; k++) {
      const obj = sheetRef(mapSheet, `$${colLetter(M.col('objective'))}$${slot.first}`);
      const kr = sheetRef(mapSheet, `$${colLetter(M.col('kr'))}$${k}`);
      g.set(r, 1, { f: `IF(${obj}="","",${obj})`, s: 'fixed' });
      g.set(r, 2, { f: `IF(${kr}="","",${kr})`, s: 'fixed' });
      ACTION_COLUMNS.forEach((c, i) => i >= 2 && g.set(r, i + 1, { v: null, s: c.style }));
      r++;
    }
  });
  for (let k = 0; k < FREE_ACTION_ROWS; k++, r++) ACTION_COLUMNS.forEach((c, i) => g.set(r, i + 1, { v: null, s: i < 2 ? 'inputWrap' : c.style }));
  const last = r - 1;
  return sheetPlan('actions', 'actions', sheetName, g, {
    colWidths: ACTION_COLUMNS.map((c) => c.width),
    merges: [noteMerge(ACTION_COLUMNS.length)],
    freeze: { rows: 4, cols: 0 },
    validations: [
      listValidation(rangeAddr(5, 4, last, 4), N.staff, T.actions.ownerPrompt, lang, 'warning'),
      listValidation(rangeAddr(5, 7, last, 7), N.statuses, T.actions.statusPrompt, lang),
      decimalValidation(rangeAddr(5, 8, last, 8), T.validation.progressTitle, T.validation.percent, lang),
    ],
    conditionalFormats: [{ kind: 'dataBar', range: rangeAddr(5, 8, last, 8), color: '5B9BD5' }],
    tabColor: 'C00000',
  });
}



// --- Review ------------------------------------------------------------------------------------
export const REVIEW_FIRST_ROW = 5;
export const REVIEW_COLUMNS: Column[] = columnsOf((c) => c.sheets.review.columns, [
  ['period', 9, 'input'], ['department', 10, 'fixed'], ['name', 9, 'fixed'],
  ['progress', 9, 'inputPct'], ['quality', 14], ['balance', 14],
  ['collaboration', 14], ['countermeasures', 14], ['improvements', 16],
  ['onStandard', 12], ['deviation', 9, 'inputPct'],
  ['actionsEffect', 16], ['countermeasuresEffect', 16],
  ['obstacles', 16], ['insurmountable', 16],
  ['uncontrollable', 16], ['accidental', 16],
  ['removeObstacles', 18], ['reviewer', 9, 'input'], ['reviewDate', 11, 'inputDate'],
]);

export function buildReviewSheet(sheetName: string, lang: Lang, cycle: Cycle, org: Organisation): SheetPlan {
  const g = new Grid();
  const T = text(lang).sheets;
  g.set(1, 1, { v: t('titleReview', lang), s: 'title' });
  g.set(2, 1, { v: T.review.note, s: 'note' });
  table(g, lang, 4, REVIEW_COLUMNS);
  const month = `${cycle.start.slice(0, 7)}`;
  org.people.forEach((p, i) => {
    const r = 5 + i;
    inputRows(g, r, 1, REVIEW_COLUMNS);
    g.line(r, 1, [{ v: month, s: 'input' }, { v: p.department, s: 'fixed' }, { v: p.name, s: 'fixed' }]);
  });
  const last = 4 + Math.max(org.people.length, 1);
  return sheetPlan('review', 'review', sheetName, g, {
    colWidths: REVIEW_COLUMNS.map((c) => c.width),
    merges: [noteMerge(REVIEW_COLUMNS.length)],
    freeze: { rows: 4, cols: 3 },
    validations: [
      decimalValidation(rangeAddr(5, 4, last, 4), T.validation.progressTitle, T.validation.percent, lang),
    ],
    conditionalFormats: [{ kind: 'dataBar', range: rangeAddr(5, 4, last, 4), color: '5B9BD5' }],
  });
}

// --- Score register / result application -------------------------------------------------------
export const REGISTER_COLUMNS: Column[] = columnsOf((c) => c.sheets.register.columns, [
  ['cycle', 9, 'fixed'], ['department', 12, 'fixed'], ['name', 10, 'fixed'],
  ['score', 8, 'fixed'], ['rating', 9, 'fixed'], ['bonus', 9, 'fixed'],
  ['position', 18], ['salary', 14],
  ['training', 18], ['bonusAllocation', 14], ['notes', 16],
  ['level', 8, 'fixed'],
]);

/**
 * The score register: columns A–L above (one row per person, department and company per cycle,
 * 层级 saying which), and to the right the rating distribution, one row per cycle.
 */
export const REGISTER = {
  headerRow: 4,
  firstRow: 5,
  /** 1-based columns of the register. */
  cycle: 1, department: 2, name: 3, score: 4, rating: 5, bonus: 6, hrFirst: 7, hrLast: 11, level: 12,
  width: 12,
  /** The distribution block: cycle, the four ratings, the number of people rated. */
  distCol: 14,
  distWidth: 6,
} as const;

/** The distribution block's title and header cells (row 3 and the header row), from column N. */
export function distributionHeader(lang: Lang, ratingLabels: string[]): { title: PlanCell; header: PlanCell[] } {
  const R = text(lang).sheets.register;
  return {
    title: { v: R.distTitle, s: 'subtitle' },
    header: [R.distCycle, ...ratingLabels, R.distTotal].map((v) => ({ v, s: 'header' as const })),
  };
}

export function buildRegisterSheet(sheetName: string, lang: Lang, ratingLabels: string[] = RATING_CODES.map((c) => RATING_WORDS[c][lang]), history: PlanCell[][] = []): SheetPlan {
  const g = new Grid();
  // Earlier quarters' rows (the next quarter's history), as they were: read-only.
  history.forEach((cells, i) => cells.forEach((cell, c) => cell && g.set(REGISTER.firstRow + i, c + 1, cell)));
  g.set(1, 1, { v: t('titleRegister', lang), s: 'title' });
  g.set(2, 1, { v: text(lang).sheets.register.note, s: 'note' });
  table(g, lang, REGISTER.headerRow, REGISTER_COLUMNS);
  const dist = distributionHeader(lang, ratingLabels);
  g.set(REGISTER.headerRow - 1, REGISTER.distCol, dist.title);
  g.line(REGISTER.headerRow, REGISTER.distCol, dist.header);
  return sheetPlan('register', 'register', sheetName, g, {
    colWidths: [...REGISTER_COLUMNS.map((c) => c.width), 2, 9, 8, 8, 8, 8, 8],
    merges: [noteMerge(REGISTER.width)],
    freeze: { rows: 4, cols: 3 },
    conditionalFormats: ratingFormats('D5:D2000', '$D5'),
  });
}

// --- Change log --------------------------------------------------------------------------------
export const CHANGE_LOG_COLUMNS: Column[] = columnsOf((c) => c.sheets.changeLog.columns, [
  ['date', 11, 'inputDate'], ['kind', 14, 'input'], ['sheet', 14, 'input'],
  ['cell', 8, 'input'], ['oldText', 28], ['newText', 28],
  ['requester', 10, 'input'], ['approver', 10, 'input'], ['approvedOn', 11, 'inputDate'],
  ['note', 30],
]);
const CHANGE_LOG_ROWS = 200;

export function buildChangeLogSheet(sheetName: string, lang: Lang, history: PlanCell[][] = []): SheetPlan {
  const g = new Grid();
  const C = text(lang).sheets.changeLog;
  g.set(1, 1, { v: t('titleChangeLog', lang), s: 'title' });
  g.set(2, 1, { v: C.note, s: 'note' });
  table(g, lang, 4, CHANGE_LOG_COLUMNS);
  // Earlier quarters' rows first, read-only; the rows to type into follow.
  history.forEach((cells, i) => cells.forEach((cell, c) => cell && g.set(5 + i, c + 1, cell)));
  inputRows(g, 5 + history.length, CHANGE_LOG_ROWS, CHANGE_LOG_COLUMNS);
  return sheetPlan('changeLog', 'changeLog', sheetName, g, {
    colWidths: CHANGE_LOG_COLUMNS.map((c) => c.width),
    merges: [noteMerge(CHANGE_LOG_COLUMNS.length)],
    freeze: { rows: 4, cols: 0 },
    validations: [listValidation(rangeAddr(5 + history.length, 8, 4 + history.length + CHANGE_LOG_ROWS, 8), N.staff, C.approverPrompt, lang, 'warning')],
  });
}

