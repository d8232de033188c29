import { colLetter } from '../templates/a1';
import { blockWidth, touchedSheets, type ChartKind, type SheetAdd, type WorkbookEdit } from '../templates/edits';
import type { PlanCell, StyleId, StylePlan } from '../templates/plan';
import { PROTECTION_OPTIONS } from './apply-plan';
import { cellFormat, columnWidthPoints } from './cell-format';
import { cellInput } from './literal';
import type { SheetState } from './read-book';

/**
 * Applies a workbook edit (src/templates/edits.ts) to the open workbook in ONE request: everything
 * is queued, then a single context.sync(). Each existing sheet the edit touches is unprotected,
 * written and protected again (with its own options) inside that request, so no one ever sees it
 * unprotected. Only the ranges the edit names are written — values, formulas and formats of other
 * cells, and whatever colleagues type elsewhere, are left alone. Text is always written as a
 * literal (src/office/literal.ts): nothing a person typed becomes a formula.
 *
 * `states` is what readOpenWorkbook() found: visibility and protection of every sheet.
 */
export async function applyEditOffice(context: Excel.RequestContext, edit: WorkbookEdit, states: SheetState[]): Promise<void> {
  const wb = context.workbook;
  const stateOf = (name: string) => states.find((s) => s.name.toLowerCase() === name.toLowerCase());
  context.application.suspendApiCalculationUntilNextSync();

  // 1. Sheets replaced: removed first (a very hidden sheet must be made hidden before Excel deletes it).
  for (const add of edit.sheets) {
    if (!add.replaces) continue;
    const old = wb.worksheets.getItem(add.replaces);
    if (stateOf(add.replaces)?.visibility === 'VeryHidden') old.visibility = 'Hidden';
    old.delete();
  }
  // 2. Sheets added.
  for (const add of edit.sheets) queueSheet(context, add, edit.styles);

  // 3. Existing sheets: unprotect, write, lock, protect again.
  const touched = touchedSheets(edit);
  for (const name of touched) if (stateOf(name)?.protected) wb.worksheets.getItem(name).protection.unprotect();
  for (const a of edit.appends) queueBlock(wb.worksheets.getItem(a.sheet), a.row, a.col, a.rows, edit.styles);
  for (const w of edit.writes) queueBlock(wb.worksheets.getItem(w.sheet), w.row, w.col, w.cells, edit.styles);
  for (const l of edit.locks) {
    const range = wb.worksheets.getItem(l.sheet).getRange(l.range);
    range.format.protection.locked = l.locked;
    if (l.fill) range.format.fill.color = `#${l.fill}`;
  }
  for (const name of touched) {
    const state = stateOf(name);
    if (state?.protected) wb.worksheets.getItem(name).protection.protect(state.options ?? PROTECTION_OPTIONS);
    else if (edit.protect.some((p) => p.toLowerCase() === name.toLowerCase())) wb.worksheets.getItem(name).protection.protect(PROTECTION_OPTIONS);
  }
  await context.sync();
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
  range.formulas = grid.map((r) => r.map((c) => (c ? cellInput(c) : null)));
  if (styled) range.setCellProperties(grid.map((r) => r.map((c): Excel.SettableCellProperties => (c?.s ? cellFormat(styles[c.s]) : {}))));
}

const CHART_TYPE: Record<ChartKind, Excel.ChartType> = {
  columnClustered: 'ColumnClustered' as Excel.ChartType,
  barClustered: 'BarClustered' as Excel.ChartType,
};

/** Queues a new sheet: cells, widths, merges, panes, colour, charts, visibility, protection. */
function queueSheet(context: Excel.RequestContext, add: SheetAdd, styles: Record<StyleId, StylePlan>): void {
  const { plan } = add;
  const ws = context.workbook.worksheets.add(plan.name);
  const height = Math.max(1, plan.rows.length);
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  const all = ws.getRangeByIndexes(0, 0, height, width);
  all.format.font.name = 'Microsoft YaHei';
  all.format.font.size = 10;
  queueBlock(ws, 1, 1, plan.rows.map((r) => r ?? []), styles);
  plan.colWidths.forEach((w, i) => {
    const c = colLetter(i + 1);
    ws.getRange(`${c}:${c}`).format.columnWidth = columnWidthPoints(w);
  });
  for (const m of plan.merges) ws.getRange(m).merge(false);
  if (plan.freeze?.rows) ws.freezePanes.freezeRows(plan.freeze.rows);
  if (plan.tabColor) ws.tabColor = `#${plan.tabColor}`;
  for (const c of add.charts ?? []) {
    const chart = ws.charts.add(CHART_TYPE[c.kind], ws.getRange(c.source), 'Columns' as Excel.ChartSeriesBy);
    chart.title.text = c.title;
    chart.legend.visible = false;
    chart.setPosition(c.from, c.to);
  }
  if (add.visibility !== 'visible') ws.visibility = add.visibility === 'veryHidden' ? 'VeryHidden' : 'Hidden';
  if (plan.protect) ws.protection.protect(PROTECTION_OPTIONS);
}
