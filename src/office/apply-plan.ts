import { colLetter } from '../templates/a1';
import type { CondFormatPlan, SheetPlan, ValidationPlan, WorkbookPlan } from '../templates/plan';
import { cellFormat, columnWidthPoints } from './cell-format';
import { cellInput } from './literal';

/**
 * Writes a workbook plan into the open workbook with Office.js. Everything is queued and sent in
 * as few requests as possible: operations are packed into batches that stay under a byte budget
 * (Excel on the web refuses a request over 5 MB), with one context.sync() per batch and none in
 * any loop over cells. Values, formulas, number formats and cell formats go as 2D arrays per band
 * of rows; calculation and screen updating are suspended while a batch applies.
 */
export interface ApplyOptions {
  /** Estimated bytes per request; the default leaves head-room under Excel on the web's 5 MB. */
  maxRequestBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyResult {
  batches: number;
  estimatedBytes: number;
  sheets: number;
}

interface Op {
  bytes: number;
  queue(context: Excel.RequestContext): void;
}

export const DEFAULT_REQUEST_BYTES = 3_500_000;
const OP_OVERHEAD = 400;
const FONT = 'Microsoft YaHei';

export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const budget = opts.maxRequestBytes ?? DEFAULT_REQUEST_BYTES;
  const ops: Op[] = [];
  for (const sheet of plan.sheets) {
    ops.push(...sheetOps(plan, sheet, budget));
    // Names go right after the sheet they live on, so every later formula finds them.
    ops.push(...plan.names.filter((n) => n.sheet === sheet.name).map(nameOp));
  }
  const batches = pack(ops, budget);
  let done = 0;
  for (const batch of batches) {
    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    for (const op of batch) op.queue(context);
    // One round trip per batch is the point of the batching: the number of batches is bounded by
    // the payload (total bytes / budget), never by the number of sheets or cells.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    done++;
    opts.onProgress?.(done, batches.length);
  }
  return { batches: batches.length, estimatedBytes: ops.reduce((s, o) => s + o.bytes, 0), sheets: plan.sheets.length };
}

/** Greedy packing in order: a batch closes when the next operation would take it over budget. */
function pack(ops: Op[], budget: number): Op[][] {
  const out: Op[][] = [];
  let cur: Op[] = [];
  let size = 0;
  for (const op of ops) {
    if (cur.length && size + op.bytes > budget) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(op);
    size += op.bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

function sheetOps(plan: WorkbookPlan, sheet: SheetPlan, budget: number): Op[] {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const height = Math.max(1, sheet.rows.length);
  const ops: Op[] = [{
    bytes: OP_OVERHEAD + sheet.name.length * 3,
    queue: (ctx) => {
      const ws = ctx.workbook.worksheets.add(sheet.name);
      const all = ws.getRangeByIndexes(0, 0, height, width);
      all.format.font.name = FONT;
      all.format.font.size = 10;
    },
  }];
  // Bands of rows, each small enough to fit in a request on its own.
  const formats = new Map(Object.entries(plan.styles).map(([id, s]) => [id, cellFormat(s)]));
  const empty: Excel.SettableCellProperties = {};
  let start = 0;
  while (start < height) {
    let end = start;
    let bytes = OP_OVERHEAD;
    const formulas: (string | number | boolean)[][] = [];
    const numberFormats: string[][] = [];
    const props: Excel.SettableCellProperties[][] = [];
    while (end < height) {
      const row = sheet.rows[end] ?? [];
      const f: (string | number | boolean)[] = [];
      const n: string[] = [];
      const p: Excel.SettableCellProperties[] = [];
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        f.push(cellInput(cell));
        const style = cell?.s ? plan.styles[cell.s] : undefined;
        n.push(style?.numFmt ?? 'General');
        p.push(cell?.s ? (formats.get(cell.s) as Excel.SettableCellProperties) : empty);
      }
      const rowBytes = JSON.stringify([f, n, p]).length;
      if (end > start && bytes + rowBytes > budget) break;
      formulas.push(f);
      numberFormats.push(n);
      props.push(p);
      bytes += rowBytes;
      end++;
    }
    const r0 = start;
    ops.push({
      bytes,
      queue: (ctx) => {
        const range = ctx.workbook.worksheets.getItem(sheet.name).getRangeByIndexes(r0, 0, formulas.length, width);
        range.numberFormat = numberFormats;
        range.formulas = formulas;
        range.setCellProperties(props);
      },
    });
    start = end;
  }
  ops.push(finishOp(sheet));
  return ops;
}

/** Widths, merges, validations, formats, panes, colour, visibility and — last — protection. */
function finishOp(sheet: SheetPlan): Op {
  const bytes = OP_OVERHEAD * (4 + sheet.colWidths.length + sheet.merges.length + sheet.validations.length * 3 + sheet.conditionalFormats.length * 3)
    + JSON.stringify([sheet.validations, sheet.conditionalFormats]).length;
  return {
    bytes,
    queue: (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet.name);
      sheet.colWidths.forEach((w, i) => {
        const c = colLetter(i + 1);
        ws.getRange(`${c}:${c}`).format.columnWidth = columnWidthPoints(w);
      });
      for (const m of sheet.merges) ws.getRange(m).merge(false);
      for (const v of sheet.validations) addValidation(ws.getRange(v.range), v);
      for (const cf of sheet.conditionalFormats) addConditionalFormat(ws.getRange(cf.range), cf);
      if (sheet.freeze) {
        const { rows, cols } = sheet.freeze;
        if (cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(rows, 1), cols));
        else if (rows > 0) ws.freezePanes.freezeRows(rows);
      }
      if (sheet.tabColor) ws.tabColor = `#${sheet.tabColor}`;
      if (sheet.hidden) ws.visibility = 'Hidden';
      if (sheet.protect) {
        ws.protection.protect({
          allowFormatColumns: true, allowFormatRows: true, allowInsertRows: true, allowAutoFilter: true,
          allowSort: false, allowDeleteRows: false, allowInsertColumns: false, allowDeleteColumns: false,
        });
      }
    },
  };
}

function addValidation(range: Excel.Range, v: ValidationPlan): void {
  const dv = range.dataValidation;
  dv.clear();
  if (v.type === 'list') dv.rule = { list: { inCellDropDown: true, source: `=${v.formula1}` } };
  else if (v.type === 'custom') dv.rule = { custom: { formula: `=${v.formula1}` } };
  else {
    const basic: Excel.BasicDataValidation = { formula1: `=${v.formula1}`, operator: operatorOf(v.operator) };
    if (v.formula2 !== undefined) basic.formula2 = `=${v.formula2}`;
    dv.rule = v.type === 'decimal' ? { decimal: basic } : v.type === 'whole' ? { wholeNumber: basic } : { textLength: basic };
  }
  dv.ignoreBlanks = true;
  dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
  dv.errorAlert = { showAlert: true, style: v.errorStyle === 'stop' ? 'Stop' : 'Warning', title: v.errorTitle, message: v.error };
}

function operatorOf(op: ValidationPlan['operator']): Excel.BasicDataValidation['operator'] {
  return op === 'between' ? 'Between' : op === 'greaterThanOrEqual' ? 'GreaterThanOrEqualTo' : 'LessThanOrEqualTo';
}

function addConditionalFormat(range: Excel.Range, cf: CondFormatPlan): void {
  if (cf.kind === 'expression') {
    const f = range.conditionalFormats.add('Custom');
    f.custom.rule.formula = `=${cf.formula}`;
    f.custom.format.fill.color = `#${cf.fill}`;
    if (cf.fontColor) f.custom.format.font.color = `#${cf.fontColor}`;
    if (cf.bold) f.custom.format.font.bold = true;
  } else {
    const f = range.conditionalFormats.add('DataBar');
    f.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
    f.dataBar.upperBoundRule = { type: 'Number', formula: '1' };
    f.dataBar.positiveFormat.fillColor = `#${cf.color}`;
  }
}

function nameOp(n: WorkbookPlan['names'][number]): Op {
  return {
    bytes: OP_OVERHEAD,
    queue: (ctx) => {
      ctx.workbook.names.add(n.name, `='${n.sheet.replace(/'/g, "''")}'!${n.ref}`);
    },
  };
}
