import { colLetter } from '../templates/a1';
import { blockWidth, finalOrder, touchedSheets, type ChartKind, type SheetAdd, type WorkbookEdit } from '../templates/edits';
import type { PlanCell, StyleId, StylePlan } from '../templates/plan';
import { copyRefused, PROTECTION_OPTIONS, queueGeneratedSheets } from './apply-plan';
import { cellFormat, columnWidthPoints } from './cell-format';
import { queueRulesAndNames } from './edit-rules';
import { errorCode, isUnprotectFailure } from './errors';
import { cellInput } from './literal';
import { queuePrintSetup } from './page-layout';
import type { SheetState } from './read-book';
import { excelApiSupported } from './requirements';

/**
 * Applies a workbook edit (src/templates/edits.ts) to the open workbook in ONE request: everything
 * is queued, then a single context.sync(). Each existing sheet the edit touches is unprotected,
 * written and protected again (with its own options) inside that request, so no one ever sees it
 * unprotected; with a password (the workbook's sheet-protection password) they are unprotected and
 * protected again with it, and sheets the edit adds get it too (see unprotectFirst for what a missing
 * or wrong password does). Only the ranges the edit names are written — values, formulas and formats of other
 * cells, and whatever colleagues type elsewhere, are left alone. Text is always written as a
 * literal (src/office/literal.ts): nothing a person typed becomes a formula.
 *
 * `states` is what readOpenWorkbook() found: visibility and protection of every sheet.
 */
export interface OfficeEditOptions {
  /** The workbook's sheet-protection password; empty or undefined: sheets are protected without one. */
  password?: string;
  /** Defined names the workbook has (read before planning), for an edit that redefines names. */
  existingNames?: readonly string[];
  /**
   * Sheets built already under a temporary name by earlier requests of the same operation (many new
   * cards, see workbook-port.ts): renamed to their own names first thing in this request.
   */
  built?: readonly { temp: string; name: string }[];
  /** Suspends screen updating while this request applies (the first request of an operation). */
  suspendScreen?: boolean;
  /**
   * New cards of one layout made by Worksheet.copy of the first (apply-plan.ts); default: where the
   * host supports ExcelApi 1.7. Where a copy fails, the edit is sent again with every card written.
   */
  copyCards?: boolean;
}

/**
 * The temporary name of a sheet being built (`key` unique within the operation). A sheet under such
 * a name is never a finished sheet: the reader leaves it out and the next edit deletes it.
 */
export function tempSheetName(key: string | number): string {
  return `~OKR~${key}`;
}

export function isTempSheetName(name: string): boolean {
  return /^~OKR~/i.test(name);
}

/**
 * Excel runs a request's operations in order and, when one fails, keeps those before it. Every edit is
 * therefore built so that stopping anywhere leaves a workbook the next run can finish:
 *  - a sheet is added under a temporary name, fully built (cells, rules, protection), and only then
 *    renamed to its own name; a sheet it replaces (the lock snapshot, a quarter's chart sheet) is
 *    deleted after the replacement exists, right before the rename — never before;
 *  - leftovers of an interrupted run (sheets under a temporary name) are deleted first;
 *  - writes name their cells, names are deleted and added again from what was read: running again
 *    writes the same.
 * A co-author who unprotected a sheet between our read and our write makes Excel refuse our unprotect
 * (AccessDenied or InvalidOperation at WorksheetProtection.unprotect, not a password error): the
 * protection is read again and the edit sent once more.
 */
export async function applyEditOffice(context: Excel.RequestContext, edit: WorkbookEdit, states: SheetState[], opts: OfficeEditOptions = {}): Promise<void> {
  const o = { ...opts, copyCards: opts.copyCards ?? excelApiSupported('1.7') };
  try {
    await applyEditOnce(context, edit, states, o);
  } catch (e) {
    if (o.copyCards && copyRefused(e)) {
      // What the failed request left (sheets under temporary names) is in the list read now: deleted first.
      await applyEditOnce(context, edit, await sheetsNow(context, states), { ...o, copyCards: false });
      return;
    }
    if (!protectionChangedMeanwhile(e)) throw e;
    await applyEditOnce(context, edit, await protectionNow(context, states), o);
  }
}

async function applyEditOnce(context: Excel.RequestContext, edit: WorkbookEdit, allStates: SheetState[], opts: OfficeEditOptions): Promise<void> {
  const wb = context.workbook;
  const leftovers = allStates.filter((s) => isTempSheetName(s.name) && !opts.built?.some((b) => b.temp.toLowerCase() === s.name.toLowerCase()));
  const states = allStates.filter((s) => !isTempSheetName(s.name));
  const stateOf = (name: string) => states.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const password = opts.password || undefined;
  context.application.suspendApiCalculationUntilNextSync();
  if (opts.suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();

  // 0. Protected sheets unprotected before anything else is queued.
  const unprotected = unprotectFirst(wb, edit, stateOf, password);

  // 1. What an interrupted run left: half-built sheets deleted, sheets built by earlier requests named.
  for (const l of leftovers) {
    const ws = wb.worksheets.getItem(l.name);
    if (l.visibility === 'VeryHidden') ws.visibility = 'Hidden';
    ws.delete();
  }
  for (const b of opts.built ?? []) wb.worksheets.getItem(b.temp).name = b.name;

  // 2. Sheets added, each under a temporary name until it is complete; then the sheet it replaces
  // removed (a very hidden sheet must be made hidden before Excel deletes it) and the new one named.
  // Plain visible sheets (new cards) are queued first, all together, as generation queues them (cards
  // of one layout copied from the first); the rest (the very hidden lock snapshot, chart sheets) by queueSheet.
  const temps = edit.sheets.map((add, i) => ({ ...add, plan: { ...add.plan, name: tempSheetName(i) } }));
  const plain = (add: SheetAdd) => add.visibility === 'visible' && !add.charts?.length;
  queueGeneratedSheets(context, temps.filter(plain).map((t) => t.plan), edit.styles, password, opts.copyCards === true);
  edit.sheets.forEach((add, i) => {
    const temp = temps[i];
    if (!plain(add)) queueSheet(context, temp, edit.styles, password);
    if (add.replaces) {
      const old = wb.worksheets.getItem(add.replaces);
      if (stateOf(add.replaces)?.visibility === 'VeryHidden') old.visibility = 'Hidden';
      old.delete();
    }
    wb.worksheets.getItem(temp.plan.name).name = add.plan.name;
  });
  queuePositions(wb, finalOrder(states.map((st) => st.name), edit.sheets), edit.sheets.filter((a) => a.after !== undefined).map((a) => a.plan.name));

  // 3. Existing sheets (unprotected in 0): write, lock, protect again.
  const touched = touchedSheets(edit);
  for (const a of edit.appends) queueBlock(wb.worksheets.getItem(a.sheet), a.row, a.col, a.rows, edit.styles);
  for (const w of edit.writes) queueBlock(wb.worksheets.getItem(w.sheet), w.row, w.col, w.cells, edit.styles);
  for (const l of edit.locks) {
    const range = wb.worksheets.getItem(l.sheet).getRange(l.range);
    range.format.protection.locked = l.locked;
    if (l.fill) range.format.fill.color = `#${l.fill}`;
  }
  queueRulesAndNames(context, edit, opts.existingNames ?? []);
  protectAgain(wb, edit, touched, stateOf, password);
  try {
    await context.sync();
  } catch (e) {
    await restoreProtection(context, unprotected, password);
    throw e;
  }
}

/**
 * Excel refused to unprotect a sheet for a reason other than its password: it is not protected any
 * more (a co-author unprotected it after our read). Builds differ: AccessDenied or InvalidOperation.
 */
function protectionChangedMeanwhile(e: unknown): boolean {
  const code = errorCode(e);
  return isUnprotectFailure(e) && (code === 'AccessDenied' || code === 'InvalidOperation');
}

/** The protection of every sheet as it is now (one round trip), the rest of `states` as read. */
async function protectionNow(context: Excel.RequestContext, states: SheetState[]): Promise<SheetState[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/protection/protected,items/protection/options');
  await context.sync();
  return states.map((st) => {
    const ws = sheets.items.find((w) => w.name.toLowerCase() === st.name.toLowerCase());
    if (!ws) return st;
    return { ...st, protected: ws.protection.protected, options: ws.protection.protected ? ws.protection.options : undefined };
  });
}

/** Every sheet as it is now (one round trip): what an interrupted request left included; passwords as known. */
async function sheetsNow(context: Excel.RequestContext, states: SheetState[]): Promise<SheetState[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/visibility,items/protection/protected,items/protection/options');
  await context.sync();
  return sheets.items.map((ws) => ({
    name: ws.name,
    visibility: ws.visibility,
    protected: ws.protection.protected,
    options: ws.protection.protected ? ws.protection.options : undefined,
    hasPassword: states.find((st) => st.name.toLowerCase() === ws.name.toLowerCase())?.hasPassword,
  }));
}

// ---- protection ----------------------------------------------------------------------------------

type StateOf = (name: string) => SheetState | undefined;

/**
 * Queues unprotect (with the password, if any) for every protected sheet the edit touches or replaces,
 * FIRST in the request. Excel runs a request's operations in order and stops at the first error, so a
 * missing or wrong password (unprotect fails: InvalidArgument at WorksheetProtection.unprotect, see
 * errors.ts) stops it before a sheet is deleted or added or a cell written. At ExcelApi 1.9 nothing
 * says whether a sheet has a password (isPasswordProtected is ExcelApiOnline only): the unprotect is
 * the test. Returns what was unprotected, for restoreProtection.
 */
function unprotectFirst(wb: Excel.Workbook, edit: WorkbookEdit, stateOf: StateOf, password: string | undefined): SheetState[] {
  const out: SheetState[] = [];
  for (const name of [...edit.sheets.flatMap((s) => (s.replaces ? [s.replaces] : [])), ...touchedSheets(edit)]) {
    const state = stateOf(name);
    if (!state?.protected || out.includes(state)) continue;
    // office-js #762: a password given for a sheet that has none makes Excel ignore the next protect's.
    wb.worksheets.getItem(name).protection.unprotect(state.hasPassword === false ? undefined : password);
    out.push(state);
  }
  return out;
}

/** Protects the touched sheets again: each protected one with its own options, and those the edit must protect. */
function protectAgain(wb: Excel.Workbook, edit: WorkbookEdit, touched: string[], stateOf: StateOf, password: string | undefined): void {
  for (const name of touched) {
    const state = stateOf(name);
    if (state?.protected) wb.worksheets.getItem(name).protection.protect(state.options ?? PROTECTION_OPTIONS, password);
    else if (edit.protect.some((p) => p.toLowerCase() === name.toLowerCase())) wb.worksheets.getItem(name).protection.protect(PROTECTION_OPTIONS, password);
  }
}

/**
 * After a failed request: Excel applied what came before the failing operation, so sheets unprotected
 * at its start (e.g. those before the one whose password did not fit) may be left unprotected. They
 * are protected again, as they were. Best effort: a failure here is swallowed, the person sees the
 * original error. (The in-memory Excel rolls a failed request back: then this finds nothing to do.)
 */
async function restoreProtection(context: Excel.RequestContext, sheets: SheetState[], password: string | undefined): Promise<void> {
  if (sheets.length === 0) return;
  try {
    const items = sheets.map((state) => ({ state, ws: context.workbook.worksheets.getItemOrNullObject(state.name) }));
    // isNullObject is known after the sync without a load.
    for (const i of items) i.ws.protection.load('protected');
    await context.sync();
    let queued = false;
    for (const i of items) {
      if (i.ws.isNullObject || i.ws.protection.protected) continue;
      i.ws.protection.protect(i.state.options ?? PROTECTION_OPTIONS, i.state.hasPassword === false ? undefined : password);
      queued = true;
    }
    if (queued) await context.sync();
  } catch {
    // The original error says what went wrong; this one would only hide it.
  }
}

/** Queues a block of planned cells: number formats, then values/formulas, then cell formats. */
function queueBlock(ws: Excel.Worksheet, row: number, col: number, rows: (PlanCell | null)[][], styles: Record<StyleId, StylePlan>): void {
  if (rows.length === 0) return;
  const width = blockWidth(rows);
  const grid = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? null));
  const range = ws.getRangeByIndexes(row - 1, col - 1, grid.length, width);
  const styled = grid.some((r) => r.some((c) => c?.s));
  // null leaves a cell as it is (Office.js skips null entries of an input array).
  if (styled) range.numberFormat = grid.map((r) => r.map((c) => (c?.s ? styles[c.s].numFmt ?? 'General' : null)));
  // A cell with neither value nor formula changes only its format: null keeps what it holds.
  range.formulas = grid.map((r) => r.map((c) => (c && (c.v !== undefined || c.f !== undefined) ? cellInput(c) : null)));
  if (styled) range.setCellProperties(grid.map((r) => r.map((c): Excel.SettableCellProperties => (c?.s ? cellFormat(styles[c.s]) : {}))));
}

const CHART_TYPE: Record<ChartKind, Excel.ChartType> = {
  columnClustered: 'ColumnClustered' as Excel.ChartType,
  barClustered: 'BarClustered' as Excel.ChartType,
};

/** Queues a new sheet: merges, cells, widths, panes, colour, charts, visibility, protection. */
function queueSheet(context: Excel.RequestContext, add: SheetAdd, styles: Record<StyleId, StylePlan>, password: string | undefined): void {
  const { plan } = add;
  const ws = context.workbook.worksheets.add(plan.name);
  const height = Math.max(1, plan.rows.length);
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  const all = ws.getRangeByIndexes(0, 0, height, width);
  all.format.font.name = 'Microsoft YaHei';
  all.format.font.size = 10;
  // Merged before the cells are formatted (Excel on the web loses the fill otherwise, office-js #6405).
  for (const m of plan.merges) ws.getRange(m).merge(false);
  queueBlock(ws, 1, 1, plan.rows.map((r) => r ?? []), styles);
  plan.colWidths.forEach((w, i) => {
    const c = colLetter(i + 1);
    ws.getRange(`${c}:${c}`).format.columnWidth = columnWidthPoints(w);
  });
  for (const [r, points] of Object.entries(plan.rowHeights ?? {})) ws.getRange(`${r}:${r}`).format.rowHeight = points;
  if (plan.freeze?.rows) ws.freezePanes.freezeRows(plan.freeze.rows);
  queuePrintSetup(ws, plan);
  if (plan.tabColor) ws.tabColor = `#${plan.tabColor}`;
  for (const c of add.charts ?? []) {
    const chart = ws.charts.add(CHART_TYPE[c.kind], ws.getRange(c.source), 'Columns' as Excel.ChartSeriesBy);
    chart.title.text = c.title;
    chart.legend.visible = false;
    chart.setPosition(c.from, c.to);
  }
  if (add.visibility !== 'visible') ws.visibility = add.visibility === 'veryHidden' ? 'VeryHidden' : 'Hidden';
  if (plan.protect) ws.protection.protect(PROTECTION_OPTIONS, password);
}

/**
 * Moves added sheets to their place in `order` (the tabs once the edit is done). Set in increasing
 * order of their final index, each lands where it belongs: everything before it is in place already.
 */
export function queuePositions(wb: Excel.Workbook, order: readonly string[], placed: readonly string[]): void {
  const index = (n: string) => order.findIndex((x) => x.toLowerCase() === n.toLowerCase());
  for (const name of [...placed].sort((a, b) => index(a) - index(b))) wb.worksheets.getItem(name).position = index(name);
}
