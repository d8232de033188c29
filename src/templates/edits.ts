/**
 * A workbook edit: what locking, scoring and the review month change in an EXISTING workbook, as
 * plain data. The planners (src/templates/lifecycle.ts) compute it from the values they read — the
 * same values the book reader reads — and two appliers carry it out: src/xlsx/edit.ts on an .xlsx
 * file (ExcelJS) and src/office/edit.ts in the open workbook (Office.js, one request).
 *
 * An edit names every cell it writes. Nothing else is touched, so what colleagues type elsewhere
 * in a shared workbook survives. Positions are resolved by the planner from what it read (e.g. the
 * first free row of the change log), so applying is a plain sequence of writes.
 */
import { rangeAddr } from './a1';
import type { CondFormatPlan, NamePlan, PlanCell, SheetPlan, StyleId, StylePlan, ValidationPlan } from './plan';
import { lastFilledRow, type SheetValues } from './read-book-values';
import { STYLES } from './styles';

/**
 * A rectangle of cells to write, from its top-left cell (1-based). A null entry leaves that cell
 * alone (neither its value nor its format changes); a PlanCell writes its value or formula (a
 * string is always text) and, when it names a style, the style. A PlanCell with neither a value
 * nor a formula (`{ s }`) changes only the format: what the cell holds stays.
 */
export interface CellWrite {
  sheet: string;
  row: number;
  col: number;
  cells: (PlanCell | null)[][];
}

/**
 * Rows added below what a sheet holds. `row` is the first row that was free when the planner read
 * the sheet; the file applier checks that the rows are still empty.
 */
export interface RowAppend {
  sheet: string;
  row: number;
  col: number;
  rows: (PlanCell | null)[][];
}

/** A rectangle whose cells become locked (frozen) or unlocked once the sheet is protected. */
export interface LockChange {
  sheet: string;
  /** A1 range on the sheet, e.g. "B7" or "H7:H10". */
  range: string;
  locked: boolean;
  /** A fill that shows the new state (RGB hex), e.g. grey for frozen cells. */
  fill?: string;
}

export type ChartKind = 'columnClustered' | 'barClustered';

/** An Excel chart on an added sheet (Office.js only: ExcelJS cannot write charts). */
export interface ChartPlan {
  kind: ChartKind;
  /** A1 range of the chart's data on the same sheet, first row and first column as labels. */
  source: string;
  title: string;
  /** Top-left and bottom-right cells the chart covers. */
  from: string;
  to: string;
}

export type Visibility = 'visible' | 'hidden' | 'veryHidden';

/** A sheet to add; when `replaces` names an existing sheet, that sheet is removed first. */
export interface SheetAdd {
  plan: SheetPlan;
  replaces?: string;
  /** The tab it goes right after (an existing sheet, or one added before it); default: the last tab. */
  after?: string;
  visibility: Visibility;
  charts?: ChartPlan[];
}

/**
 * The data validations and conditional formats of a range of an existing sheet, replaced: every
 * rule on `range` is cleared, then these are added (a template upgrade of a card).
 */
export interface RulesReplace {
  sheet: string;
  range: string;
  validations: ValidationPlan[];
  conditionalFormats: CondFormatPlan[];
}

export interface WorkbookEdit {
  /** Sheets added (or replaced) first, in order. */
  sheets: SheetAdd[];
  writes: CellWrite[];
  appends: RowAppend[];
  locks: LockChange[];
  /**
   * Existing sheets that must end up protected even if someone unprotected them (the lock's card
   * sheets). Every other sheet the edit touches keeps its protection as it was: a protected sheet is
   * unprotected, written and protected again with its own options, in the same request.
   */
  protect: string[];
  /** Named ranges to define; a name that exists gets the new reference (the staff list grew). */
  names: NamePlan[];
  /** Rules replaced on existing sheets, after the writes. */
  rules: RulesReplace[];
  /** Tab colours of existing sheets (RGB hex; '' removes the colour): a departed card is greyed. */
  tabColors: { sheet: string; color: string }[];
  styles: Record<StyleId, StylePlan>;
}

export function emptyEdit(): WorkbookEdit {
  return { sheets: [], writes: [], appends: [], locks: [], protect: [], names: [], rules: [], tabColors: [], styles: STYLES };
}

/** Several edits as one, applied in order (the file adapter applies an update's parts together). */
export function mergeEdits(edits: WorkbookEdit[]): WorkbookEdit {
  const out = emptyEdit();
  for (const e of edits) {
    out.sheets.push(...e.sheets);
    out.writes.push(...e.writes);
    out.appends.push(...e.appends);
    out.locks.push(...e.locks);
    out.protect.push(...e.protect.filter((p) => !out.protect.includes(p)));
    out.names.push(...e.names);
    out.rules.push(...e.rules);
    out.tabColors.push(...e.tabColors);
  }
  return out;
}

/**
 * The tabs in order once `adds` are applied to a workbook whose tabs are `existing`: replaced sheets
 * leave their place, each added sheet goes right after its `after` tab (when there is one) or last.
 */
export function finalOrder(existing: readonly string[], adds: readonly SheetAdd[]): string[] {
  const key = (n: string) => n.toLowerCase();
  const replaced = new Set(adds.flatMap((a) => (a.replaces ? [key(a.replaces)] : [])));
  const order = existing.filter((n) => !replaced.has(key(n)));
  for (const a of adds) {
    const at = a.after === undefined ? -1 : order.findIndex((n) => key(n) === key(a.after as string));
    if (at < 0) order.push(a.plan.name);
    else order.splice(at + 1, 0, a.plan.name);
  }
  return order;
}

/** Names of the existing sheets an edit writes to, changes locks on, or protects. */
export function touchedSheets(edit: WorkbookEdit): string[] {
  const added = new Set(edit.sheets.map((s) => s.plan.name.toLowerCase()));
  const names = [...edit.writes.map((w) => w.sheet), ...edit.appends.map((a) => a.sheet), ...edit.locks.map((l) => l.sheet), ...edit.rules.map((r) => r.sheet), ...edit.tabColors.map((c) => c.sheet), ...edit.protect];
  const out: string[] = [];
  for (const n of names) if (!added.has(n.toLowerCase()) && !out.includes(n)) out.push(n);
  return out;
}

/** Width of a block of rows (the longest row). */
export function blockWidth(rows: (PlanCell | null)[][]): number {
  return Math.max(1, ...rows.map((r) => r.length));
}

/**
 * Cells to freeze, coalesced into few rectangles: vertical runs per column, then runs of the same
 * rows in adjacent columns merged. Input: 1-based (row, col) per sheet.
 */
export function coalesceCells(cells: { row: number; col: number }[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col) ?? [];
    if (!rows.includes(c.row)) rows.push(c.row);
    byCol.set(c.col, rows);
  }
  const runs: { c1: number; c2: number; r1: number; r2: number }[] = [];
  for (const col of Array.from(byCol.keys()).sort((a, b) => a - b)) {
    const rows = (byCol.get(col) as number[]).sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    const flush = () => {
      const same = runs.find((r) => r.c2 === col - 1 && r.r1 === start && r.r2 === prev);
      if (same) same.c2 = col;
      else runs.push({ c1: col, c2: col, r1: start, r2: prev });
    };
    for (const r of rows.slice(1)) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      flush();
      start = r;
      prev = r;
    }
    flush();
  }
  return runs.map((r) => rangeAddr(r.r1, r.c1, r.r2, r.c2));
}

// ---- the change log -----------------------------------------------------------------------------

export const CHANGE_LOG_FIRST_ROW = 5;
export const CHANGE_LOG_WIDTH = 10;

/** One change-log row, in the order of the sheet's columns. */
export interface ChangeLogRow {
  date: number;
  kind: string;
  sheet?: string;
  cell?: string;
  oldText?: string;
  newText?: string;
  requester?: string;
  approver?: string;
  approvedOn?: number;
  note?: string;
  /**
   * A record of the add-in's own (lock, scoring): locked, so nobody edits it on the protected sheet.
   * An annual KR change request stays open: the approver fills in their name and date later.
   */
  record?: boolean;
}

export function changeLogCells(row: ChangeLogRow): PlanCell[] {
  const [plain, wrap, date] = row.record ? (['fixed', 'text', 'date'] as const) : (['input', 'inputWrap', 'inputDate'] as const);
  const txt = (v: string | undefined): PlanCell => ({ v: v ?? null, s: wrap });
  return [
    { v: row.date, s: date }, { v: row.kind, s: plain }, { v: row.sheet ?? null, s: plain }, { v: row.cell ?? null, s: plain },
    txt(row.oldText), txt(row.newText), { v: row.requester ?? null, s: plain }, { v: row.approver ?? null, s: plain },
    { v: row.approvedOn ?? null, s: date }, txt(row.note),
  ];
}

/** Appends rows below the last filled row of the change log. */
export function changeLogAppend(sheet: SheetValues, rows: ChangeLogRow[]): RowAppend {
  const row = Math.max(CHANGE_LOG_FIRST_ROW, lastFilledRow(sheet, CHANGE_LOG_FIRST_ROW, CHANGE_LOG_WIDTH) + 1);
  return { sheet: sheet.name, row, col: 1, rows: rows.map(changeLogCells) };
}
