import { colLetter, parseAddr } from '../templates/a1';
import type { CondFormatPlan, SheetPlan, StyleId, ValidationPlan, WorkbookPlan } from '../templates/plan';
import { SHEET_PROTECTION, TEMPLATE_VERSION } from '../templates/plan';
import {
  BORDER_COLOR, BORDER_STYLE, columnWidthPoints, FONT_NAME, FONT_SIZE, planFormats, type CellRect, type FormatCommand,
} from './cell-format';
import { cellPatches, layoutKey } from './card-copies';
import { cellInput } from './literal';
import { PRINT_SETUP_ACTIONS, queuePrintSetup } from './page-layout';
import { excelApiSupported } from './requirements';

/**
 * Writes a workbook plan into the open workbook with Office.js. Everything is queued and sent in
 * as few requests as possible: operations are packed into batches that stay under a byte budget
 * (Excel on the web refuses a request over 5 MB), with one context.sync() per batch and none in
 * any loop over cells. Values and formulas go as 2D arrays per band of rows; formats go per
 * rectangle of equal value, property by property (see planFormats), never per cell; calculation
 * and screen updating are suspended while a batch applies.
 */
export interface ApplyOptions {
  /** Estimated bytes per request; the default leaves head-room under Excel on the web's 5 MB. */
  maxRequestBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /** Protects every protected sheet with this password (Excel stores only its hash). Empty: no password. */
  password?: string;
  /**
   * The plan is part of an edit (an update's many new cards), not a workbook's generation: no
   * progress and no password setting is recorded in the workbook (default false).
   */
  part?: boolean;
  /** Finishes an interrupted generation (see resumeOf in workbook-port.ts). */
  resume?: GenerationResume;
  /**
   * Cards of one layout made by Worksheet.copy of the first (card-copies.ts); default: where the host
   * supports ExcelApi 1.7. Where a copy fails, the rest is written cell by cell (see applyPlan).
   */
  copyCards?: boolean;
}

/** Where an interrupted generation stands, as the workbook records it (the settings below). */
export interface GenerationResume {
  /** Sheets of the plan, from the first, that are complete with their names: not written again. */
  from: number;
  /** Sheets left half-built (or of another plan): deleted first. */
  removeSheets: string[];
  /** Defined names of the sheets written again (or left by deleted OKR sheets): deleted first. */
  removeNames: string[];
}

/** Workbook settings (Excel.SettingCollection, ExcelApi 1.4) the generation records. */
export const SETTING = {
  /** The plan's sheet names, while a generation is under way (removed by its last request). */
  generationSheets: 'OKR.generation.sheets',
  /** How many of them are complete with their names, after each request. */
  generationDone: 'OKR.generation.done',
  /** 'all': the generated sheets are protected with a password; 'none': without one. */
  sheetPassword: 'OKR.sheetPassword',
} as const;

export interface ApplyResult {
  batches: number;
  estimatedBytes: number;
  sheets: number;
  /** Sheets made by copying another (0 where copying is not supported or failed). */
  copies: number;
}

interface Op {
  bytes: number;
  queue(context: Excel.RequestContext): void;
}

/**
 * Estimated bytes per request. Measured against office.js's own framing (packages/fake-excel/src/wire.ts) the
 * estimate runs up to 13 % low, so 3.8 MB keeps every request under 4.5 MB, a tenth below Excel on the
 * web's 5 MB.
 * The estimate follows how office.js frames a request — each object path it uses (a sheet, a range,
 * range.format, format.fill, …) sent once with an action that instantiates it, then one action per
 * property set or method call with its arguments as UTF-8 JSON — so small calls are not free.
 */
export const DEFAULT_REQUEST_BYTES = 3_800_000;

/** SHEET_PROTECTION in Office.js's words. */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: SHEET_PROTECTION.formatColumns, allowFormatRows: SHEET_PROTECTION.formatRows,
  allowInsertRows: SHEET_PROTECTION.insertRows, allowAutoFilter: SHEET_PROTECTION.autoFilter,
  allowSort: SHEET_PROTECTION.sort, allowDeleteRows: SHEET_PROTECTION.deleteRows,
  allowInsertColumns: SHEET_PROTECTION.insertColumns, allowDeleteColumns: SHEET_PROTECTION.deleteColumns,
};
/** An object path and the action that instantiates it, without its name and arguments. */
const PATH = 140;
/** A property set or method call, without its arguments. */
const ACTION = 80;
/** A request's own framing. */
const OP_OVERHEAD = 100;

/**
 * Writes the plan. With copyCards, the first card of each layout is written whole and the others are
 * copies of it (see sheetsOps); where Excel refuses a copy (Worksheet.copy missing or failing on this
 * host), what the failed request left of the sheets not yet complete is deleted and the rest written
 * cell by cell, as a resumed generation: no sheet is left twice or half-built.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const copy = opts.copyCards ?? excelApiSupported('1.7');
  const progress = { done: opts.resume?.from ?? 0 };
  try {
    return await applyOnce(context, plan, opts, copy, progress);
  } catch (e) {
    if (!copy || !copyRefused(e)) throw e;
    return applyOnce(context, plan, { ...opts, resume: await leftovers(context, plan, progress.done, opts.resume) }, false, progress);
  }
}

/** Excel refused Worksheet.copy: the member is missing (ApiNotFound) or the copy failed there. */
export function copyRefused(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const where = (e as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation;
  return typeof where === 'string' && /^worksheet\.copy$/i.test(where);
}

/**
 * After a request failed half way: the plan's sheets from `done` on that exist (complete or not), with
 * their names, and whatever an earlier resume was to delete and is still there.
 */
async function leftovers(context: Excel.RequestContext, plan: WorkbookPlan, done: number, before: GenerationResume | undefined): Promise<GenerationResume> {
  const sheets = context.workbook.worksheets.load('items/name');
  const names = context.workbook.names.load('items/name');
  await context.sync();
  const lower = (x: string) => x.toLowerCase();
  const rest = new Set(plan.sheets.slice(done).map((s) => lower(s.name)));
  const oldSheets = new Set((before?.removeSheets ?? []).map(lower));
  const restNames = new Set([...plan.names.filter((n) => rest.has(lower(n.sheet))).map((n) => lower(n.name)), ...(before?.removeNames ?? []).map(lower)]);
  return {
    from: done,
    removeSheets: sheets.items.map((w) => w.name).filter((n) => rest.has(lower(n)) || oldSheets.has(lower(n))),
    removeNames: names.items.map((n) => n.name).filter((n) => restNames.has(lower(n))),
  };
}

async function applyOnce(context: Excel.RequestContext, plan: WorkbookPlan, opts: ApplyOptions, copy: boolean, progress: { done: number }): Promise<ApplyResult> {
  const budget = opts.maxRequestBytes ?? DEFAULT_REQUEST_BYTES;
  const from = opts.resume?.from ?? 0;
  const ops: Op[] = [];
  if (opts.resume && (opts.resume.removeSheets.length || opts.resume.removeNames.length)) ops.push(removeOp(opts.resume));
  if (!opts.part) ops.push(startOp(plan, opts.password));
  // After each sheet: how many ops it takes to have it complete with its names.
  const built = sheetsOps(plan, plan.sheets.slice(from), budget, opts.password || undefined, copy);
  const complete = built.completeAt.map((n) => n + ops.length);
  ops.push(...built.ops);
  // Room for the progress record each request ends with.
  const batches = pack(ops, budget - (opts.part ? 0 : PROGRESS_BYTES));
  /** Sheets complete, from the first, once the first `end` ops are applied. */
  const doneAt = (end: number) => {
    let k = 0;
    while (k < complete.length && complete[k] <= end) k++;
    return from + k;
  };
  const ends: number[] = [];
  let end = 0;
  for (const batch of batches) ends.push((end += batch.length));
  if (!opts.part) {
    batches.forEach((batch, b) => batch.push(b === batches.length - 1 ? finishedOp() : progressOp(doneAt(ends[b]))));
  }
  let sent = 0;
  for (const batch of batches) {
    // One request per batch, in order: each batch is a round trip by design (see sendInHalves).
    await sendInHalves(context, batch, sent === 0);
    progress.done = doneAt(ends[sent]);
    sent++;
    opts.onProgress?.(sent, batches.length);
  }
  return { batches: batches.length, estimatedBytes: ops.reduce((s, o) => s + o.bytes, 0), sheets: plan.sheets.length, copies: built.copies };
}

/**
 * The ops of the sheets, in order, and after how many of them each sheet is complete (with its names).
 * With `copy`, the first sheet of each card layout is the template: written whole but not protected
 * (a copy of a protected sheet would be protected, its cells refused), then copied for each later card
 * of its layout; it is sealed — protected, its names defined — right after its last copy, so it is
 * complete only then. Names come after the seal: Excel gives a copy
 * of a sheet that workbook names refer to sheet-scoped names of its own, which the plan does not have.
 */
function sheetsOps(plan: WorkbookPlan, sheets: SheetPlan[], budget: number, password: string | undefined, copy: boolean): { ops: Op[]; completeAt: number[]; copies: number } {
  const templates = new Map<string, number>();
  const lastOfLayout = new Map<string, number>();
  const keys = sheets.map((s) => (copy ? layoutKey(s) : undefined));
  keys.forEach((k, i) => { if (k !== undefined) lastOfLayout.set(k, i); });
  const ops: Op[] = [];
  const completeAt: number[] = [];
  const names = (sheet: SheetPlan) => plan.names.filter((n) => n.sheet === sheet.name).map(nameOp);
  let copies = 0;
  sheets.forEach((sheet, i) => {
    const key = keys[i];
    const t = key === undefined ? undefined : templates.get(key);
    if (key === undefined) {
      ops.push(...sheetOps(plan, sheet, budget, password));
      // Names go right after the sheet they live on, so every later formula finds them.
      ops.push(...names(sheet));
      completeAt[i] = ops.length;
    } else if (t === undefined) {
      templates.set(key, i);
      ops.push(...sheetOps(plan, sheet, budget, password, true));
    } else {
      ops.push(...copyOps(sheets[t], sheet, budget, password), ...names(sheet));
      completeAt[i] = ops.length;
      copies++;
    }
    for (const [k, ti] of templates) {
      if (lastOfLayout.get(k) !== i) continue;
      ops.push(sealOp(sheets[ti], password), ...names(sheets[ti]));
      completeAt[ti] = ops.length;
    }
  });
  return { ops, completeAt, copies };
}

/**
 * A card as a copy of its template: copied to the end (where worksheets.add puts a sheet) and named
 * at once, the cells that differ from the template's written, then its tab colour if another, and
 * protection. One op on the proxy the copy returns, so the sheet's path is sent once; a card too
 * wordy for that (half a request) goes in bands of rows, as a sheet written whole does.
 */
function copyOps(template: SheetPlan, sheet: SheetPlan, budget: number, password: string | undefined): Op[] {
  const sheetBytes = pathBytes(sheet.name);
  const patches = cellPatches(template, sheet);
  const tab = sheet.tabColor ?? '';
  const retab = tab !== (template.tabColor ?? '');
  const finishBytes = 3 * PATH + 3 * ACTION + 300 + (password ? utf8Length(JSON.stringify(password)) : 0);
  const finish = (ws: Excel.Worksheet) => {
    if (retab) ws.tabColor = tab ? `#${tab}` : '';
    if (sheet.protect) ws.protection.protect(PROTECTION_OPTIONS, password);
  };
  // null leaves a cell as the copy has it (Office.js skips null entries of an input array).
  const write = (ws: Excel.Worksheet, row: number, col: number, rows: (string | number | boolean | null)[][]) => {
    ws.getRangeByIndexes(row, col, rows.length, rows[0].length).formulas = rows as (string | number | boolean)[][];
  };
  const copyBytes = OP_OVERHEAD + 3 * PATH + 2 * ACTION + pathBytes(template.name) + sheetBytes;
  const patchBytes = patches.reduce((n, p) => n + PATH + ACTION + utf8Length(JSON.stringify(p.formulas)), 0);
  if (copyBytes + patchBytes + finishBytes <= budget / 2) {
    return [{
      bytes: copyBytes + patchBytes + finishBytes,
      queue: (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(template.name).copy('End');
        ws.name = sheet.name;
        for (const p of patches) write(ws, p.row, p.col, p.formulas);
        finish(ws);
      },
    }];
  }
  const ops: Op[] = [{ bytes: copyBytes, queue: (ctx) => { ctx.workbook.worksheets.getItem(template.name).copy('End').name = sheet.name; } }];
  for (const patch of patches) {
    // Bands of rows, each small enough for a request of its own.
    let start = 0;
    while (start < patch.formulas.length) {
      let bytes = OP_OVERHEAD + 2 * PATH + ACTION + sheetBytes;
      let end = start;
      while (end < patch.formulas.length) {
        const rowBytes = utf8Length(JSON.stringify(patch.formulas[end])) + 1;
        if (end > start && bytes + rowBytes > budget) break;
        bytes += rowBytes;
        end++;
      }
      const rows = patch.formulas.slice(start, end);
      const r0 = patch.row + start;
      ops.push({ bytes, queue: (ctx) => write(ctx.workbook.worksheets.getItem(sheet.name), r0, patch.col, rows) });
      start = end;
    }
  }
  ops.push({ bytes: OP_OVERHEAD + PATH + sheetBytes + finishBytes, queue: (ctx) => finish(ctx.workbook.worksheets.getItem(sheet.name)) });
  return ops;
}

/** A template, once copied: protected. */
function sealOp(sheet: SheetPlan, password: string | undefined): Op {
  return {
    bytes: OP_OVERHEAD + 3 * PATH + 2 * ACTION + pathBytes(sheet.name) + 300 + (password ? utf8Length(JSON.stringify(password)) : 0),
    queue: (ctx) => {
      if (sheet.protect) ctx.workbook.worksheets.getItem(sheet.name).protection.protect(PROTECTION_OPTIONS, password);
    },
  };
}

/**
 * One batch in one request — one round trip per batch is the point of the batching: the number of
 * batches is bounded by the payload (total bytes / budget), never by the number of sheets or cells.
 * When Excel finds the request too large after all (the estimate runs low on some content), it has
 * applied nothing of it: the batch goes again in halves. Calculation is suspended in every request,
 * screen updating once per operation (in its first request: suspending it per request flickers).
 */
async function sendInHalves(context: Excel.RequestContext, batch: Op[], first: boolean): Promise<void> {
  context.application.suspendApiCalculationUntilNextSync();
  if (first) context.application.suspendScreenUpdatingUntilNextSync();
  for (const op of batch) op.queue(context);
  try {
    await context.sync();
  } catch (e) {
    if (!requestTooLarge(e) || batch.length < 2) throw e;
    const half = Math.ceil(batch.length / 2);
    await sendInHalves(context, batch.slice(0, half), first);
    await sendInHalves(context, batch.slice(half), false);
  }
}

export function requestTooLarge(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'RequestPayloadSizeLimitExceeded';
}

const PROGRESS_BYTES = OP_OVERHEAD + 3 * PATH + ACTION + 80;

/** First in the generation: its sheets recorded (so a run interrupted is finished, not refused), and its password kind. */
function startOp(plan: WorkbookPlan, password: string | undefined): Op {
  const names = plan.sheets.map((s) => s.name);
  return {
    bytes: OP_OVERHEAD + 4 * PATH + 2 * ACTION + utf8Length(JSON.stringify(names)) + 80,
    queue: (ctx) => {
      ctx.workbook.settings.add(SETTING.generationSheets, names);
      ctx.workbook.settings.add(SETTING.sheetPassword, password ? 'all' : 'none');
    },
  };
}

function progressOp(done: number): Op {
  return { bytes: PROGRESS_BYTES, queue: (ctx) => { ctx.workbook.settings.add(SETTING.generationDone, done); } };
}

/** Last in the generation: nothing left to finish. */
function finishedOp(): Op {
  return {
    bytes: PROGRESS_BYTES,
    // Both were added by this generation's earlier requests (startOp, progressOp; a generation of
    // one request adds generationDone in startOp's place below): getItem, not *OrNullObject.
    queue: (ctx) => {
      ctx.workbook.settings.getItem(SETTING.generationSheets).delete();
      ctx.workbook.settings.getItemOrNullObject(SETTING.generationDone).delete();
    },
  };
}

/** Before a generation is finished: half-built sheets and the names to be defined again deleted. */
function removeOp(r: GenerationResume): Op {
  return {
    bytes: OP_OVERHEAD + (r.removeSheets.length + r.removeNames.length) * (2 * PATH + ACTION) + utf8Length(JSON.stringify([r.removeSheets, r.removeNames])),
    queue: (ctx) => {
      for (const n of r.removeNames) ctx.workbook.names.getItem(n).delete();
      for (const s of r.removeSheets) ctx.workbook.worksheets.getItem(s).delete();
    },
  };
}

/**
 * New sheets queued the way generation queues them — formats per rectangle of equal style, values,
 * widths, merges, validations, conditional formats, panes, protection; with `copy`, cards of one
 * layout as copies of the first (see sheetsOps) — inside a request the caller syncs (an edit that adds
 * a few cards sends them with everything else in one request). Returns the estimated request bytes,
 * as estimateGeneratedSheets does.
 */
export function queueGeneratedSheets(context: Excel.RequestContext, sheets: SheetPlan[], styles: WorkbookPlan['styles'], password: string | undefined, copy: boolean): number {
  let bytes = 0;
  for (const op of generatedSheetOps(sheets, styles, password, copy)) {
    op.queue(context);
    bytes += op.bytes;
  }
  return bytes;
}

/** Estimated request bytes of new sheets queued by queueGeneratedSheets (office.js framing). */
export function estimateGeneratedSheets(sheets: SheetPlan[], styles: WorkbookPlan['styles'], copy: boolean): number {
  return generatedSheetOps(sheets, styles, undefined, copy).reduce((n, op) => n + op.bytes, 0);
}

function generatedSheetOps(sheets: SheetPlan[], styles: WorkbookPlan['styles'], password: string | undefined, copy: boolean): Op[] {
  const plan: WorkbookPlan = { lang: 'zh-CN', templateVersion: TEMPLATE_VERSION, sheets, names: [], styles };
  return sheetsOps(plan, sheets, Number.POSITIVE_INFINITY, password || undefined, copy).ops;
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

/** A sheet written whole; `template`: not protected yet (sealOp does it after its copies). */
function sheetOps(plan: WorkbookPlan, sheet: SheetPlan, budget: number, password: string | undefined, template = false): Op[] {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const height = Math.max(1, sheet.rows.length);
  const sheetBytes = pathBytes(sheet.name);
  const ops: Op[] = [{
    bytes: OP_OVERHEAD + 5 * PATH + 3 * ACTION + 2 * sheetBytes + utf8Length(FONT_NAME),
    queue: (ctx) => {
      const ws = ctx.workbook.worksheets.add(sheet.name);
      // The sheet's default font, once for the whole grid; styles override size where they differ.
      const all = ws.getRangeByIndexes(0, 0, height, width);
      all.format.font.name = FONT_NAME;
      all.format.font.size = FONT_SIZE;
    },
  }];
  // Merged before anything formats them: Excel on the web loses a fill set on an area before it is
  // merged (office-js #6405).
  if (sheet.merges.length) {
    ops.push({
      bytes: OP_OVERHEAD + PATH + sheetBytes + sheet.merges.length * (PATH + ACTION) + utf8Length(JSON.stringify(sheet.merges)),
      queue: (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet.name);
        for (const m of sheet.merges) ws.getRange(m).merge(false);
      },
    });
  }
  // Formats before contents, as the file adapter's cells carry them from the start.
  const commands = formatsOf(plan, sheet, height, width);
  if (commands.length) ops.push(...formatOps(sheet.name, commands, budget));
  // Formulas and values in bands of rows, each small enough to fit in a request on its own.
  let start = 0;
  while (start < height) {
    let end = start;
    let bytes = OP_OVERHEAD + 2 * PATH + ACTION + sheetBytes;
    const formulas: (string | number | boolean)[][] = [];
    while (end < height) {
      const row = sheet.rows[end] ?? [];
      const f: (string | number | boolean)[] = [];
      for (let c = 0; c < width; c++) f.push(cellInput(row[c]));
      const rowBytes = utf8Length(JSON.stringify(f)) + 1;
      if (end > start && bytes + rowBytes > budget) break;
      formulas.push(f);
      bytes += rowBytes;
      end++;
    }
    const r0 = start;
    ops.push({
      bytes,
      queue: (ctx) => {
        ctx.workbook.worksheets.getItem(sheet.name).getRangeByIndexes(r0, 0, formulas.length, width).formulas = formulas;
      },
    });
    start = end;
  }
  ops.push(finishOp(template ? { ...sheet, protect: false } : sheet, password));
  return ops;
}

/**
 * The format commands of a sheet. Sheets of the same layout (every card of a level) share one plan:
 * the commands depend only on where each style is.
 */
const formatCache = new WeakMap<WorkbookPlan['styles'], Map<string, FormatCommand[][]>>();

function formatsOf(plan: WorkbookPlan, sheet: SheetPlan, height: number, width: number): FormatCommand[][] {
  let cache = formatCache.get(plan.styles);
  if (!cache) {
    cache = new Map();
    formatCache.set(plan.styles, cache);
  }
  // A merged area looks like its first cell, borders included (ExcelJS writes it so too).
  const master = new Map<number, { r: number; c: number }>();
  for (const m of sheet.merges) {
    const [a, b = a] = m.split(':').map(parseAddr);
    for (let r = a.row - 1; r < Math.min(b.row, height); r++) for (let c = a.col - 1; c < Math.min(b.col, width); c++) master.set(r * width + c, { r: a.row - 1, c: a.col - 1 });
  }
  const styleAt = (r: number, c: number): StyleId | undefined => {
    const m = master.get(r * width + c);
    return m ? sheet.rows[m.r]?.[m.c]?.s : sheet.rows[r]?.[c]?.s;
  };
  const ids: string[] = [];
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) ids.push(styleAt(r, c) ?? '');
  const key = `${height}x${width}|${ids.join(',')}`;
  let commands = cache.get(key);
  if (!commands) {
    commands = groupFormats(planFormats((r, c) => {
      const s = styleAt(r, c);
      return s ? plan.styles[s] : undefined;
    }, height, width));
    cache.set(key, commands);
  }
  return commands;
}

/**
 * Commands on the same rectangle share one range. A command joins an earlier group only if no
 * earlier command of its property that it overlaps sits in a later group: painting order holds.
 */
function groupFormats(commands: FormatCommand[]): FormatCommand[][] {
  const groups: { key: string; rect: CellRect; cmds: FormatCommand[] }[] = [];
  const placed: { cmd: FormatCommand; group: number }[] = [];
  for (const cmd of commands) {
    const key = `${cmd.rect.r},${cmd.rect.c},${cmd.rect.rows},${cmd.rect.cols}`;
    // The earliest group this command may join: after every overlapping earlier command of its property.
    let floor = 0;
    for (const p of placed) if (p.cmd.prop === cmd.prop && overlaps(p.cmd.rect, cmd.rect)) floor = Math.max(floor, p.group);
    let g = groups.findIndex((x, i) => i >= floor && x.key === key);
    if (g < 0) {
      g = groups.length;
      groups.push({ key, rect: cmd.rect, cmds: [] });
    }
    groups[g].cmds.push(cmd);
    placed.push({ cmd, group: g });
  }
  return groups.map((x) => x.cmds);
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return a.r < b.r + b.rows && b.r < a.r + a.rows && a.c < b.c + b.cols && b.c < a.c + a.cols;
}

/** One range per group of commands; split only if over budget. */
function formatOps(sheetName: string, groups: FormatCommand[][], budget: number): Op[] {
  const sheetBytes = pathBytes(sheetName);
  const ops: Op[] = [];
  let batch: FormatCommand[][] = [];
  let bytes = OP_OVERHEAD + PATH + sheetBytes;
  const flush = () => {
    if (!batch.length) return;
    const rects = batch;
    ops.push({
      bytes,
      queue: (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheetName);
        for (const group of rects) {
          const { r, c, rows, cols } = group[0].rect;
          const range = ws.getRangeByIndexes(r, c, rows, cols);
          for (const cmd of group) applyFormat(range, cmd);
        }
      },
    });
    batch = [];
    bytes = OP_OVERHEAD + PATH + sheetBytes;
  };
  for (const group of groups) {
    // The range and its format object, then each command.
    const b = group.reduce((s, cmd) => s + commandBytes(cmd), 2 * PATH);
    if (batch.length && bytes + b > budget) flush();
    batch.push(group);
    bytes += b;
  }
  flush();
  return ops;
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
const EDGES: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

function bordersOf(rect: CellRect): Edge[] {
  const out = [...EDGES];
  if (rect.rows > 1) out.push('InsideHorizontal');
  if (rect.cols > 1) out.push('InsideVertical');
  return out;
}

function applyFormat(range: Excel.Range, { rect, prop, value }: FormatCommand): void {
  const f = range.format;
  switch (prop) {
    case 'fill':
      if (value === '') f.fill.clear();
      else f.fill.color = String(value);
      return;
    case 'fontColor': f.font.color = String(value); return;
    case 'bold': f.font.bold = value === true; return;
    case 'italic': f.font.italic = value === true; return;
    case 'size': f.font.size = Number(value); return;
    case 'hAlign': f.horizontalAlignment = value as 'General' | 'Left' | 'Center' | 'Right'; return;
    case 'vAlign': f.verticalAlignment = value as 'Top' | 'Center' | 'Bottom'; return;
    case 'wrap': f.wrapText = value === true; return;
    case 'locked': f.protection.locked = value === true; return;
    case 'numFmt':
      // A 2D array shaped like the rectangle, as the Office.js documentation writes number formats.
      range.numberFormat = Array.from({ length: rect.rows }, () => new Array<string>(rect.cols).fill(String(value)));
      return;
    case 'border':
      for (const edge of bordersOf(rect)) {
        const b = f.borders.getItem(edge);
        b.style = BORDER_STYLE;
        b.color = BORDER_COLOR;
      }
      return;
  }
}

/** A command on a range whose object path is counted already: its navigations, actions and arguments. */
function commandBytes(cmd: FormatCommand): number {
  // borders, then per edge: getItem(edge), style and colour.
  if (cmd.prop === 'border') return PATH + bordersOf(cmd.rect).length * (PATH + 2 * ACTION + 40);
  if (cmd.prop === 'numFmt') return ACTION + 2 + cmd.rect.rows * (cmd.rect.cols * (utf8Length(String(cmd.value)) + 3) + 2);
  // fill, font or protection, then the property.
  return PATH + ACTION + utf8Length(JSON.stringify(cmd.value));
}

/** Widths, validations, formats, panes, colour, visibility and — last — protection (merges come first, see sheetOps). */
function finishOp(sheet: SheetPlan, password: string | undefined): Op {
  const widths = widthRuns(sheet.colWidths);
  // Paths and actions per item: a width (range, format; 1), a validation (range,
  // dataValidation; rule, prompt, error alert), a conditional format (range, the format, its custom or
  // data bar part, rule, format, fill, font; up to 4), panes, colour, visibility, protection (2 each; 1).
  const heights = Object.entries(sheet.rowHeights ?? {});
  const paths = 1 + widths.length * 2 + heights.length * 2 + sheet.validations.length * 2 + sheet.conditionalFormats.length * 7 + 8;
  const actions = widths.length + heights.length + sheet.validations.length * 3 + sheet.conditionalFormats.length * 5 + 4 + PRINT_SETUP_ACTIONS;
  const bytes = OP_OVERHEAD + paths * PATH + actions * ACTION + pathBytes(sheet.name) + 300 + (password ? utf8Length(JSON.stringify(password)) : 0)
    + utf8Length(JSON.stringify([sheet.validations, sheet.conditionalFormats]));
  return {
    bytes,
    queue: (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet.name);
      for (const { from, to, chars } of widths) {
        ws.getRange(`${colLetter(from)}:${colLetter(to)}`).format.columnWidth = columnWidthPoints(chars);
      }
      for (const [r, points] of heights) ws.getRange(`${r}:${r}`).format.rowHeight = points;
      for (const v of sheet.validations) addValidation(ws.getRange(v.range), v);
      for (const cf of sheet.conditionalFormats) addConditionalFormat(ws.getRange(cf.range), cf);
      if (sheet.freeze) {
        const { rows, cols } = sheet.freeze;
        if (cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, Math.max(rows, 1), cols));
        else if (rows > 0) ws.freezePanes.freezeRows(rows);
      }
      queuePrintSetup(ws, sheet);
      if (sheet.tabColor) ws.tabColor = `#${sheet.tabColor}`;
      if (sheet.hidden) ws.visibility = 'Hidden';
      if (sheet.protect) {
        // The password goes to Excel, which keeps only its hash; undefined protects without one.
        ws.protection.protect(PROTECTION_OPTIONS, password);
      }
    },
  };
}

/** Adjacent columns of equal width as one range each (1-based columns). */
function widthRuns(widths: number[]): { from: number; to: number; chars: number }[] {
  const out: { from: number; to: number; chars: number }[] = [];
  widths.forEach((chars, i) => {
    const last = out[out.length - 1];
    if (last && last.chars === chars && last.to === i) last.to = i + 1;
    else out.push({ from: i + 1, to: i + 1, chars });
  });
  return out;
}

export function addValidation(range: Excel.Range, v: ValidationPlan): void {
  // A new sheet has no rule to clear; an upgraded card clears its rules first (edit-rules.ts).
  const dv = range.dataValidation;
  if (v.type === 'list') dv.rule = { list: { inCellDropDown: true, source: `=${v.formula1}` } };
  else if (v.type === 'custom') dv.rule = { custom: { formula: `=${v.formula1}` } };
  else {
    const basic: Excel.BasicDataValidation = { formula1: `=${v.formula1}`, operator: operatorOf(v.operator) };
    if (v.formula2 !== undefined) basic.formula2 = `=${v.formula2}`;
    dv.rule = v.type === 'decimal' ? { decimal: basic } : v.type === 'whole' ? { wholeNumber: basic } : { textLength: basic };
  }
  // ignoreBlanks is true unless set otherwise: not sent.
  dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
  dv.errorAlert = { showAlert: true, style: v.errorStyle === 'stop' ? 'Stop' : 'Warning', title: v.errorTitle, message: v.error };
}

function operatorOf(op: ValidationPlan['operator']): Excel.BasicDataValidation['operator'] {
  return op === 'between' ? 'Between' : op === 'greaterThanOrEqual' ? 'GreaterThanOrEqualTo' : 'LessThanOrEqualTo';
}

export function addConditionalFormat(range: Excel.Range, cf: CondFormatPlan): void {
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
    bytes: OP_OVERHEAD + 2 * PATH + ACTION + 2 * utf8Length(n.sheet) + n.name.length + n.ref.length,
    queue: (ctx) => {
      ctx.workbook.names.add(n.name, `='${n.sheet.replace(/'/g, "''")}'!${n.ref}`);
    },
  };
}

/** Bytes the sheet's object path adds to each call on it (its name, quoted). */
function pathBytes(sheetName: string): number {
  return utf8Length(JSON.stringify(sheetName));
}

/** UTF-8 length without allocating (Excel on the web counts the request body in bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
