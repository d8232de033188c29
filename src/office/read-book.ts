import type { OkrBook } from '../domain/model';
import { readBook, type RawValue, type SheetValues } from '../templates/read-book';

/** What the edit applier needs to know about a sheet besides its values. */
export interface SheetState {
  name: string;
  visibility: string;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions | undefined;
}

export interface OpenWorkbook {
  sheets: SheetValues[];
  states: SheetState[];
}

export interface ReadOptions {
  /** Sheets whose values the first request reads by walking from the first sheet (default 250). */
  chainSheets?: number;
  /** Estimated response bytes per later request (default 4 MB; Excel on the web refuses 5 MB). */
  responseBytes?: number;
}

/**
 * Sheets read in the first round trip. Their names are not known before it, so the request walks
 * the tabs — getFirst(), then getNextOrNullObject() from each — reading each one's used range on the
 * way, beside the list of sheets (names, visibility, protection). 250 cards are about 1.6 MB of
 * values, well under the 5 MB a response may carry; the walk costs a few hundred bytes a sheet.
 */
export const CHAIN_SHEETS = 250;
export const RESPONSE_BYTES = 4_000_000;

interface Read {
  values: RawValue[][];
  top: number;
  left: number;
}

const EMPTY: Read = { values: [], top: 0, left: 0 };

/**
 * Reads every sheet's values and state. A workbook of up to CHAIN_SHEETS sheets (a company of about
 * 230 people) takes ONE round trip; a larger one takes one more per ~4 MB of values left, as Excel on
 * the web refuses a response over 5 MB (a 1,000-person workbook holds about 7 MB of values). The
 * values are the same the file adapter reads, so one reader, one rules engine and one set of
 * planners serve both.
 */
export async function readOpenWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<OpenWorkbook> {
  const chainSheets = Math.max(1, opts.chainSheets ?? CHAIN_SHEETS);
  const budget = opts.responseBytes ?? RESPONSE_BYTES;
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/protection/protected,items/protection/options');
  // The i-th link of the walk is the i-th item of the list: both follow the tabs' order.
  const walk: Excel.Range[] = [];
  let ws = sheets.getFirst();
  for (let i = 0; i < chainSheets; i++) {
    if (i > 0) ws = ws.getNextOrNullObject();
    walk.push(ws.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex'));
  }
  let reads: Read[];
  try {
    await context.sync();
    reads = walk.slice(0, sheets.items.length).map(readOf);
  } catch (e) {
    // The first sheets alone hold more than a response may carry — or this Excel refuses the walk's
    // calls on the null objects past the last sheet (the in-memory Excel gives null objects there,
    // as for any child of a null object): list the sheets, then read in parts.
    if (!tooLarge(e) && !officeError(e)) throw e;
    sheets.load('items/name,items/visibility,items/protection/protected,items/protection/options');
    await context.sync();
    reads = [];
  }
  const items = sheets.items;
  if (reads.length < items.length) {
    // What is left, in requests of about `budget` bytes, judged by the sheets read so far.
    const seen = reads.reduce((s, r) => s + valueBytes(r.values), 0);
    const perSheet = reads.length ? (1.25 * seen) / reads.length : budget / 50;
    const perRequest = Math.max(1, Math.floor(budget / Math.max(1, perSheet)));
    const rest = items.slice(reads.length).map((w) => w.name);
    for (let i = 0; i < rest.length; i += perRequest) {
      // One request per part is the point: parts are bounded by the response limit, not by sheets.
      reads.push(...(await readNamed(context, rest.slice(i, i + perRequest))));
    }
  }
  return {
    sheets: items.map((w, i) => sheetValues(w.name, w.visibility !== 'Visible', reads[i] ?? EMPTY)),
    states: items.map((w) => ({
      name: w.name,
      visibility: w.visibility,
      protected: w.protection.protected,
      options: w.protection.protected ? w.protection.options : undefined,
    })),
  };
}

/** Used ranges of named sheets in one request; halves the request while Excel finds its response too large. */
async function readNamed(context: Excel.RequestContext, names: string[]): Promise<Read[]> {
  const ranges = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n).getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex'));
  try {
    await context.sync();
    return ranges.map(readOf);
  } catch (e) {
    if (!tooLarge(e) || names.length < 2) throw e;
    const half = Math.ceil(names.length / 2);
    return [...(await readNamed(context, names.slice(0, half))), ...(await readNamed(context, names.slice(half)))];
  }
}

function readOf(r: Excel.Range): Read {
  return r.isNullObject ? EMPTY : { values: r.values as RawValue[][], top: r.rowIndex, left: r.columnIndex };
}

function sheetValues(name: string, hidden: boolean, { values, top, left }: Read): SheetValues {
  return {
    name,
    hidden,
    rowCount: top + values.length,
    get: (row: number, col: number) => values[row - 1 - top]?.[col - 1 - left] ?? null,
  };
}

function officeError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string';
}

function tooLarge(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'ResponsePayloadSizeLimitExceeded';
}

/** About what a response spends on these values (UTF-8 JSON), to size the next requests. */
function valueBytes(values: RawValue[][]): number {
  let n = 2;
  for (const row of values) {
    n += 3;
    for (const v of row) n += typeof v === 'string' ? 3 * v.length + 3 : v === null || v === undefined ? 5 : String(v).length + 1;
  }
  return n;
}

export async function readSheetValues(context: Excel.RequestContext, opts?: ReadOptions): Promise<SheetValues[]> {
  return (await readOpenWorkbook(context, opts)).sheets;
}

export async function readOpenBook(context: Excel.RequestContext, opts?: ReadOptions): Promise<OkrBook> {
  return readBook(await readSheetValues(context, opts));
}
