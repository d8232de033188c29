import type { OkrBook } from '../domain/model';
import { readBook, type RawValue, type SheetValues } from '../templates/read-book';

/** What the edit applier needs to know about a sheet besides its values. */
export interface SheetState {
  name: string;
  visibility: string;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions | undefined;
  /**
   * Whether the sheet's protection has a password, when known (the workbook says so, see
   * workbook-port.ts); undefined: not known, the password given is tried.
   */
  hasPassword?: boolean;
}

export interface OpenWorkbook {
  sheets: SheetValues[];
  states: SheetState[];
}

export interface ReadOptions {
  /** Links of the first request's walk over the tabs: the sheets it reaches (default WALK_SHEETS). */
  walkSheets?: number;
  /** Sheets, from the first, whose values the first request reads (default VALUE_SHEETS). */
  valueSheets?: number;
  /** Estimated response bytes per later request (default RESPONSE_BYTES; Excel on the web refuses 5 MB). */
  responseBytes?: number;
  /** Read each sheet's protection (default true; only the edit applier needs it). */
  protection?: boolean;
  /**
   * Queues more loads into the request that lists the sheets — called again for each try, since a
   * failed request loads nothing — so that what they load rides in the round trip that succeeds.
   */
  alongside?: () => void;
}

/**
 * Sheets the first round trip reaches. Their names are not known before it, so the request walks
 * the tabs — getFirst(), then getNextOrNullObject() from each — beside the list of sheets. 1,500
 * links reach a 1,400-person workbook (a card per person and per department, a few more sheets);
 * as office.js frames it a link costs about 500 bytes, so the request stays under 1 MB.
 */
export const WALK_SHEETS = 1500;
/**
 * Sheets whose values the first round trip reads; of the others it reads the size of the used range
 * only. A filled-in card is 6–7 KB of values, so 500 sheets are about 3.5 MB: under the 5 MB a
 * response may carry even with wordier cards. A 1,000-person workbook cannot come back in one
 * response — its values are about 7 MB as UTF-8 JSON, and even the cells the readers use (no formula
 * columns, no headers) are 5.4 MB — so it takes a second request, sized on what the first one saw.
 */
export const VALUE_SHEETS = 500;
/** Estimated response bytes per later request. */
export const RESPONSE_BYTES = 4_200_000;

interface Read {
  values: RawValue[][];
  top: number;
  left: number;
}

const EMPTY: Read = { values: [], top: 0, left: 0 };

/** Where a sheet's used range lies (0-based), when the first request measured it. */
interface Used {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** One read of a later request: a sheet's used range, or a band of its rows when the sheet is large. */
interface Piece {
  /** the sheet's index in the list */
  i: number;
  name: string;
  band?: Used;
}

/**
 * Reads every sheet's values and state: the used range of each sheet, values only (what the file
 * adapter reads, so one reader, one rules engine and one set of planners serve both). A workbook of
 * up to VALUE_SHEETS sheets (a company of about 450 people) takes ONE round trip; a larger one one
 * more per ~4 MB of values left, as Excel on the web refuses a response over 5 MB.
 */
export async function readOpenWorkbook(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<OpenWorkbook> {
  const walkSheets = Math.max(1, opts.walkSheets ?? WALK_SHEETS);
  const valueSheets = Math.max(0, Math.min(walkSheets, opts.valueSheets ?? VALUE_SHEETS));
  const budget = opts.responseBytes ?? RESPONSE_BYTES;
  const protection = opts.protection ?? true;
  const sheets = context.workbook.worksheets;
  const listSheets = () => {
    sheets.load(protection
      ? 'items/name,items/visibility,items/protection/protected,items/protection/options'
      : 'items/name,items/visibility');
    opts.alongside?.();
  };
  const SIZE = 'rowIndex,columnIndex,rowCount,columnCount';
  const reads: (Read | undefined)[] = [];
  /** The used range of sheets the walk measured but did not read (null: none; undefined: not reached). */
  const used: (Used | null | undefined)[] = [];
  const usedOf = (r: Excel.Range): Used | null =>
    r.isNullObject ? null : { top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
  /** The first request: the list, and a walk that reads the first `values` sheets and measures the others. */
  const walkTabs = async (values: number) => {
    listSheets();
    // The i-th link of the walk is the i-th item of the list: both follow the tabs' order.
    const walk: Excel.Range[] = [];
    let ws = sheets.getFirst();
    for (let i = 0; i < walkSheets; i++) {
      if (i > 0) ws = ws.getNextOrNullObject();
      walk.push(ws.getUsedRangeOrNullObject(true).load(i < values ? 'values,rowIndex,columnIndex' : SIZE));
    }
    await context.sync();
    sheets.items.forEach((_w, i) => {
      const r = walk[i];
      if (!r) return;
      if (i < values) reads[i] = readOf(r);
      else used[i] = usedOf(r);
    });
  };
  // The first sheets may hold more than a response carries (wordy cards): then walk again reading
  // half as many, then none (the sizes of 1,500 used ranges are a small response).
  const tries = [valueSheets, Math.floor(valueSheets / 2), 0].filter((v, k, a) => k === 0 || v < a[k - 1]);
  /** Whether a walk went through; false when this Excel refuses the walk itself. */
  const walked = async (): Promise<boolean> => {
    for (let k = 0; k < tries.length; k++) {
      try {
        await walkTabs(tries[k]);
        return true;
      } catch (e) {
        if (tooLarge(e) && k + 1 < tries.length) continue;
        if (!officeError(e)) throw e;
        return false;
      }
    }
    return false;
  };
  if (!(await walked())) {
    // This Excel refuses the walk's calls on the null objects past the last sheet (the in-memory
    // Excel gives null objects there, as for any child of a null object): list the sheets, measure
    // their used ranges, read in parts.
    listSheets();
    await context.sync();
    const ranges = sheets.items.map((w) => sheets.getItemOrNullObject(w.name).getUsedRangeOrNullObject(true).load(SIZE));
    await context.sync();
    ranges.forEach((r, i) => { used[i] = usedOf(r); });
  }
  const items = sheets.items;

  // What is left, in requests of about `budget` bytes, judged by what the first request brought:
  // bytes per cell where the used range was measured, bytes per sheet where it was not.
  let seenBytes = 0;
  let seenCells = 0;
  let seenSheets = 0;
  for (const r of reads) {
    if (!r) continue;
    seenBytes += valueBytes(r.values);
    seenCells += r.values.length * (r.values[0]?.length ?? 0);
    seenSheets++;
  }
  // Without a sample, 12 bytes a cell: more than a filled-in card spends (about 9).
  const perCell = seenCells ? (1.1 * seenBytes) / seenCells : 12;
  const perSheet = seenSheets ? (1.25 * seenBytes) / seenSheets : budget / 50;
  const pieces: { piece: Piece; bytes: number }[] = [];
  items.forEach((w, i) => {
    if (reads[i]) return;
    const u = used[i];
    // A sheet whose used range is known to be empty needs no read.
    if (u === null) { reads[i] = EMPTY; return; }
    if (u === undefined) { pieces.push({ piece: { i, name: w.name }, bytes: perSheet }); return; }
    const bytes = u.rows * u.cols * perCell + 50;
    if (bytes <= budget || u.rows < 2) { pieces.push({ piece: { i, name: w.name }, bytes }); return; }
    // More than one response carries (a lock snapshot of a large company): bands of rows.
    const bands = Math.ceil(bytes / budget);
    const rows = Math.ceil(u.rows / bands);
    for (let r = 0; r < u.rows; r += rows) {
      const n = Math.min(rows, u.rows - r);
      pieces.push({ piece: { i, name: w.name, band: { top: u.top + r, left: u.left, rows: n, cols: u.cols } }, bytes: (bytes * n) / u.rows });
    }
  });
  const got: Read[][] = items.map(() => []);
  let part: Piece[] = [];
  let size = 0;
  const flush = async () => {
    if (!part.length) return;
    // One request per part is the point: parts are bounded by the response limit, not by sheets.
    const r = await readPieces(context, part);
    part.forEach((p, k) => got[p.i].push(r[k]));
    part = [];
    size = 0;
  };
  for (const { piece, bytes } of pieces) {
    if (part.length && size + bytes > budget) await flush();
    part.push(piece);
    size += bytes;
  }
  await flush();
  got.forEach((bands, i) => { if (bands.length) reads[i] = joinBands(bands); });

  return {
    sheets: items.map((w, i) => sheetValues(w.name, w.visibility !== 'Visible', reads[i] ?? EMPTY)),
    states: items.map((w) => ({
      name: w.name,
      visibility: w.visibility,
      protected: protection && w.protection.protected,
      options: protection && w.protection.protected ? w.protection.options : undefined,
    })),
  };
}

/**
 * The pieces in one request; while Excel finds its response too large, halves the request — and a
 * lone piece whose rows are known, its rows.
 */
async function readPieces(context: Excel.RequestContext, pieces: Piece[]): Promise<Read[]> {
  const ranges = pieces.map(({ name, band }) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    return band
      ? ws.getRangeByIndexes(band.top, band.left, band.rows, band.cols).load('values,rowIndex,columnIndex')
      : ws.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex');
  });
  try {
    await context.sync();
    return ranges.map(readOf);
  } catch (e) {
    if (!tooLarge(e)) throw e;
    if (pieces.length >= 2) {
      const half = Math.ceil(pieces.length / 2);
      return [...(await readPieces(context, pieces.slice(0, half))), ...(await readPieces(context, pieces.slice(half)))];
    }
    let band = pieces[0].band;
    if (!band) {
      // A sheet the first request did not reach: measure it, then read it in bands.
      const r = context.workbook.worksheets.getItemOrNullObject(pieces[0].name).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      if (r.isNullObject) return [EMPTY];
      band = { top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
    }
    if (band.rows < 2) throw e;
    const rows = Math.ceil(band.rows / 2);
    const halves = [{ ...band, rows }, { ...band, top: band.top + rows, rows: band.rows - rows }];
    const reads = await readPieces(context, halves.map((b) => ({ ...pieces[0], band: b })));
    return [joinBands(reads)];
  }
}

/** Bands of one sheet, read in order from the top, as one read. */
function joinBands(bands: Read[]): Read {
  if (bands.length === 1) return bands[0];
  const from = bands.find((b) => b.values.length) ?? EMPTY;
  return { values: bands.flatMap((b) => b.values), top: from.top, left: from.left };
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
    for (const v of row) n += typeof v === 'string' ? utf8Bytes(v) + 3 : v === null || v === undefined ? 5 : String(v).length + 1;
  }
  return n;
}

/** UTF-8 length of a string (CJK text is 3 bytes a character). */
function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

export async function readSheetValues(context: Excel.RequestContext, opts?: ReadOptions): Promise<SheetValues[]> {
  return (await readOpenWorkbook(context, opts)).sheets;
}

/** The book for the rules: protection is not read (only the edit applier needs it). */
export async function readOpenBook(context: Excel.RequestContext, opts?: ReadOptions): Promise<OkrBook> {
  return readBook(await readSheetValues(context, { protection: false, ...opts }));
}
