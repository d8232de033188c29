import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { Lang } from '../domain/model';
import { fail, type IssueCode } from '../io/issues';
import { M } from '../io/messages';
import { cellText } from '../io/cells';
import { checkCellLengths, isBlankRow, type TableCell, type TableInput, type TableRow } from '../io/table-input';
import { xlsxBrokenWhy, xlsxProblem } from '../io/xlsx-errors';
import { readTable } from '../io/read-table';
import { CELL_COST, ReadCancelled, type Pacer } from '../io/pace';
import { BrokenPackage } from './package/errors';
import { boundedText, checkDeclaredSizes, streamPart } from './package/limits';
import { isRelNs, relIs } from './package/names';
import { Rels } from './package/rels';
import { cellRef } from './package/values';
import { decodeCellText } from './package/xml-text';
import { attr, parseXml, type XEl } from './package/xml-tree';

/**
 * Reads the first sheet of an .xlsx into a table, bounded (#15): the package is read with JSZip and
 * saxes (no ExcelJS, no Node module: the task pane's import in the browser runs this same reader), and
 * only what a table needs — the first sheet's cell values, the shared strings those cells use, the
 * number formats that say which numbers are dates. Every part is read within the size limits of
 * src/xlsx/package/limits.ts; the sheet is streamed and reading stops at the first row past
 * MAX_IMPORT_ROWS. Ranges stay ranges: validations, conditional formats, the dimension and print areas
 * are never looked at, and a merge only fills the cells of rows the sheet has, inside the import window.
 * A DTD is refused; no entity is expanded.
 *
 * The first non-blank row is the header, line numbers are sheet row numbers. Cell values: numbers stay
 * numbers, date-formatted numbers become Date (UTC midnight), rich text and hyperlinks become their
 * text, booleans "TRUE"/"FALSE", errors their code ("#N/A"). A formula cell gives its cached result
 * (what the person saw); without one, its formula as text. Merged cells read as the value of the merged
 * area on every row it covers. A non-blank cell outside the import window is reported, naming the cell.
 */

/** An import table is an organisation or an OKR list: a few thousand rows, a few dozen columns. */
export const MAX_IMPORT_ROWS = 20000;
export const MAX_IMPORT_COLUMNS = 64;

interface RawCell {
  t?: string;
  s: number;
  v: string;
  hasV: boolean;
  f: string;
  text: string;
}

const local = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/**
 * With a `pacer` (the task pane), the read gives the turn back after each budget of XML or cells and
 * reports its progress (the sheet's bytes inflated, then the shared strings', then the rows built);
 * the table read is the same.
 */
export async function readXlsxTable(file: string, bytes: Buffer | Uint8Array, lang: Lang = 'zh-CN', pacer?: Pacer): Promise<TableInput> {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(b);
  } catch {
    fail(file, lang, 'XLSX_UNREADABLE', 0, '', xlsxProblem(b, lang, file));
  }
  try {
    checkDeclaredSizes(zip);
    return await readTableOf(zip, file, lang, pacer);
  } catch (e) {
    if (!(e instanceof BrokenPackage)) throw e;
    const code: IssueCode = e.code === 'tooLarge' || e.code === 'packageTooLarge' ? 'XLSX_TOO_LARGE' : 'XLSX_UNREADABLE';
    if (e.code === 'notZip') fail(file, lang, code, 0, '', xlsxProblem(b, lang, file));
    fail(file, lang, code, 0, '', xlsxBrokenWhy(lang, e.code, e.part, e.limit, e.detail));
  }
}

/** The zip entry of a part (names compare case-insensitively, as OPC says). */
function entry(zip: JSZip, part: string): JSZip.JSZipObject | undefined {
  const f = zip.files[part];
  if (f && !f.dir) return f;
  const lower = part.toLowerCase();
  for (const [name, g] of Object.entries(zip.files)) if (!g.dir && name.toLowerCase() === lower) return g;
  return undefined;
}

async function partText(zip: JSZip, part: string, pacer?: Pacer): Promise<string | undefined> {
  const f = entry(zip, part);
  return f ? boundedText(f, part, pacer) : undefined;
}

async function relsOf(zip: JSZip, source: string): Promise<Rels> {
  const i = source.lastIndexOf('/');
  const name = source === '' ? '_rels/.rels' : `${source.slice(0, i + 1)}_rels/${source.slice(i + 1)}.rels`;
  return new Rels(source, name, await partText(zip, name));
}

async function readTableOf(zip: JSZip, file: string, lang: Lang, pacer?: Pacer): Promise<TableInput> {
  const root = await relsOf(zip, '');
  const wbRel = root.list.find((r) => relIs(r.type, 'officeDocument') && !r.external);
  if (!wbRel) throw new BrokenPackage('noWorkbook', '');
  const wbXml = await partText(zip, wbRel.part);
  if (wbXml === undefined) throw new BrokenPackage('missingPart', wbRel.part);
  const wb = parseXml(wbXml, wbRel.part, { descend: (el, depth) => depth < 1 || el.local === 'sheets' || el.local === 'workbookPr' });
  const date1904 = wb.root.children.some((c) => c.local === 'workbookPr' && ['1', 'true'].includes(attr(c, 'date1904') ?? ''));
  const sheets = wb.root.children.find((c) => c.local === 'sheets');
  const first = sheets?.children.find((c) => c.local === 'sheet');
  if (!first) fail(file, lang, 'XLSX_UNREADABLE', 0, '', M.noSheet(lang));
  const rid = first.attrs.find((a) => a.local === 'id' && isRelNs(a.uri))?.value;
  const rels = await relsOf(zip, wbRel.part);
  const sheetRel = rels.list.find((r) => r.id === rid && !r.external);
  const sheetFile = sheetRel && entry(zip, sheetRel.part);
  if (!sheetRel || !sheetFile) throw new BrokenPackage('missingPart', sheetRel?.part ?? wbRel.part);

  pacer?.phase(0, 0.7);
  const sheet = await readSheet(sheetFile, sheetRel.part, pacer);
  if (sheet.far) fail(file, lang, 'XLSX_TOO_FAR', sheet.far.row, '', M.xlsxTooFar(lang, sheet.far.ref, MAX_IMPORT_ROWS, MAX_IMPORT_COLUMNS));

  const sstRel = rels.list.find((r) => relIs(r.type, 'sharedStrings') && !r.external);
  const sstFile = sstRel && entry(zip, sstRel.part);
  pacer?.phase(0.7, 0.9);
  const shared = sstFile && sheet.maxShared >= 0 ? await readSharedStrings(sstFile, sstRel.part, sheet.maxShared, pacer) : [];
  const stylesRel = rels.list.find((r) => relIs(r.type, 'styles') && !r.external);
  const stylesXml = stylesRel ? await partText(zip, stylesRel.part, pacer) : undefined;
  const dateStyles = stylesXml !== undefined && stylesRel ? dateStylesOf(stylesXml, stylesRel.part) : new Set<number>();

  const valueOf = (c: RawCell): TableCell => cellValue(c, shared, dateStyles, date1904);
  pacer?.phase(0.9, 1);
  const values = new Map<number, TableCell[]>();
  let built = 0;
  for (const [r, cells] of sheet.rows) {
    const out: TableCell[] = [];
    for (const [col, c] of cells) out[col - 1] = valueOf(c);
    values.set(r, out);
    if (pacer) {
      pacer.report(++built / (2 * sheet.rows.size));
      await pacer.step(cells.size * CELL_COST);
    }
  }
  await fillMerges(values, sheet.merges, pacer);

  let header: string[] | undefined;
  let headerLine = 1;
  const rows: TableRow[] = [];
  for (const r of [...values.keys()].sort((x, y) => x - y)) {
    const raw = values.get(r)!;
    const cells: TableCell[] = Array.from({ length: raw.length }, (_, i) => raw[i] ?? null);
    if (pacer) {
      pacer.report(0.5 + rows.length / (2 * values.size));
      await pacer.step(cells.length * CELL_COST);
    }
    if (isBlankRow(cells)) continue;
    if (!header) {
      header = cells.map((v) => cellText(v));
      headerLine = r;
    } else rows.push({ line: r, cells });
  }
  if (!header) fail(file, lang, 'EMPTY_FILE', 0, '', M.emptyFile(lang));
  const table: TableInput = { file, header, headerLine, rows };
  checkCellLengths(table, lang);
  pacer?.report(1);
  return table;
}

interface SheetCells {
  rows: Map<number, Map<number, RawCell>>;
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  maxShared: number;
  far?: { ref: string; row: number };
}

/** A sheet's cells inside the import window, streamed; stops at the first cell past MAX_IMPORT_ROWS. */
async function readSheet(f: JSZip.JSZipObject, part: string, pacer?: Pacer): Promise<SheetCells> {
  const out: SheetCells = { rows: new Map(), merges: [], maxShared: -1 };
  const p = new SaxesParser({ position: false });
  let depth = 0;
  let row = 0;
  let col = 0;
  let cur: RawCell | undefined;
  let ref = '';
  let collect: 'v' | 'f' | 't' | undefined;
  let inIs = false;
  let inRph = 0;
  let stop = false;
  let dtd = false;
  p.on('doctype', () => { dtd = true; });
  p.on('opentag', (t) => {
    if (stop) return;
    const n = local(t.name);
    if (!t.isSelfClosing) depth++;
    const a = t.attributes as Record<string, string>;
    if (n === 'row' && depth <= 3) {
      const r = a.r === undefined ? row + 1 : Number(a.r);
      row = Number.isInteger(r) && r > 0 ? r : row + 1;
      col = 0;
    } else if (n === 'c' && depth <= 4) {
      const at = a.r === undefined ? undefined : cellRef(a.r);
      if (at) {
        row = at.row;
        col = at.col;
      } else col++;
      ref = a.r ?? '';
      cur = t.isSelfClosing ? undefined : { t: a.t, s: Number(a.s ?? 0) || 0, v: '', hasV: false, f: '', text: '' };
    } else if (cur) {
      if (n === 'v') {
        cur.hasV = true;
        collect = t.isSelfClosing ? undefined : 'v';
      } else if (n === 'f') collect = t.isSelfClosing ? undefined : 'f';
      else if (n === 'is') inIs = !t.isSelfClosing;
      else if (n === 'rPh' && !t.isSelfClosing) inRph++;
      else if (n === 't' && inIs && !inRph) collect = t.isSelfClosing ? undefined : 't';
    } else if (n === 'mergeCell' && depth <= 3) {
      const [from, to] = (a.ref ?? '').split(':');
      const x = from ? cellRef(from) : undefined;
      const y = to ? cellRef(to) : x;
      if (x && y) out.merges.push({ r1: Math.min(x.row, y.row), c1: Math.min(x.col, y.col), r2: Math.max(x.row, y.row), c2: Math.max(x.col, y.col) });
    }
  });
  p.on('text', (s) => {
    if (!cur || !collect) return;
    if (collect === 'v') cur.v += s;
    else if (collect === 'f') cur.f += s;
    else cur.text += s;
  });
  p.on('closetag', (t) => {
    if (stop) return;
    const n = local(t.name);
    if (!t.isSelfClosing) depth--;
    if (!cur) return;
    if (n === 'v' || n === 'f' || n === 't') collect = undefined;
    else if (n === 'rPh' && !t.isSelfClosing) inRph--;
    else if (n === 'is') inIs = false;
    else if (n === 'c') {
      const c = cur;
      cur = undefined;
      const blank = !c.hasV && c.f === '' && c.text.trim() === '';
      if (blank) return;
      if (row > MAX_IMPORT_ROWS || col > MAX_IMPORT_COLUMNS) {
        if (!out.far) out.far = { ref: ref || `R${row}C${col}`, row };
        // Rows come in order: nothing after this one is inside the window.
        if (row > MAX_IMPORT_ROWS) stop = true;
        return;
      }
      if (c.t === 's' && c.hasV) out.maxShared = Math.max(out.maxShared, Number(c.v) || 0);
      let r = out.rows.get(row);
      if (!r) out.rows.set(row, (r = new Map()));
      r.set(col, c);
    }
  });
  const decoder = new TextDecoder('utf-8');
  try {
    await streamPart(f, part, (chunk) => {
      p.write(decoder.decode(chunk, { stream: true }));
      if (dtd) throw new BrokenPackage('dtd', part);
      return !stop;
    }, pacer, pacer && ((seen, bound) => pacer.report(seen / bound)));
    if (!stop) p.write(decoder.decode()).close();
  } catch (e) {
    // A cancel (the pane's pacer) is no fault of the file.
    if (e instanceof BrokenPackage || e instanceof ReadCancelled) throw e;
    throw new BrokenPackage(dtd ? 'dtd' : 'malformedXml', part, (e as Error).message);
  }
  return out;
}

/** Shared strings 0..upTo (their <t> runs, not those of <rPh>), streamed; reading stops once upTo is read. */
async function readSharedStrings(f: JSZip.JSZipObject, part: string, upTo: number, pacer?: Pacer): Promise<string[]> {
  const out: string[] = [];
  const p = new SaxesParser({ position: false });
  let cur = '';
  let inT = false;
  let inRph = 0;
  let dtd = false;
  p.on('doctype', () => { dtd = true; });
  p.on('opentag', (t) => {
    const n = local(t.name);
    if (n === 'si') cur = '';
    else if (n === 't' && !inRph) inT = !t.isSelfClosing;
    else if (n === 'rPh' && !t.isSelfClosing) inRph++;
  });
  p.on('text', (s) => { if (inT) cur += s; });
  p.on('closetag', (t) => {
    const n = local(t.name);
    if (n === 't') inT = false;
    else if (n === 'rPh' && !t.isSelfClosing) inRph--;
    else if (n === 'si') out.push(decodeCellText(cur));
  });
  const decoder = new TextDecoder('utf-8');
  try {
    await streamPart(f, part, (chunk) => {
      p.write(decoder.decode(chunk, { stream: true }));
      if (dtd) throw new BrokenPackage('dtd', part);
      return out.length <= upTo;
    }, pacer, pacer && ((seen, bound) => pacer.report(seen / bound)));
    if (out.length <= upTo) p.write(decoder.decode()).close();
  } catch (e) {
    // A cancel (the pane's pacer) is no fault of the file.
    if (e instanceof BrokenPackage || e instanceof ReadCancelled) throw e;
    throw new BrokenPackage(dtd ? 'dtd' : 'malformedXml', part, (e as Error).message);
  }
  return out;
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, and the CJK ones Excel writes). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date: a y, m, d, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (quoted) {
      if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const end = code.indexOf(']', i);
      // [h], [mm], [ss] are elapsed times; colours and conditions are not dates.
      const inner = code.slice(i + 1, end < 0 ? code.length : end).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner)) return true;
      i = end < 0 ? code.length : end;
    } else if ('yYdDhHsS'.includes(ch) || ch === 'm' || ch === 'M') return true;
    else if (ch === ';') return false; // the positive section decides
  }
  return false;
}

/** Indexes of the cellXfs whose number format is a date. */
function dateStylesOf(xml: string, part: string): Set<number> {
  const doc = parseXml(xml, part, { descend: (el, depth) => depth < 1 || el.local === 'numFmts' || el.local === 'cellXfs' });
  const custom = new Map<number, string>();
  for (const f of doc.root.children.find((c) => c.local === 'numFmts')?.children ?? []) custom.set(Number(attr(f, 'numFmtId')), attr(f, 'formatCode') ?? '');
  const out = new Set<number>();
  (doc.root.children.find((c) => c.local === 'cellXfs')?.children ?? []).forEach((xf: XEl, i) => {
    const id = Number(attr(xf, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATES.has(id)) out.add(i);
  });
  return out;
}

function cellValue(c: RawCell, shared: readonly string[], dates: Set<number>, date1904: boolean): TableCell {
  if (c.t === 'inlineStr') return decodeCellText(c.text);
  if (!c.hasV || (c.v === '' && c.t !== 's' && c.t !== 'str')) return c.f !== '' ? `=${c.f}` : c.t === 'str' ? '' : null;
  switch (c.t) {
    case 's': return shared[Number(c.v)] ?? null;
    case 'str': return decodeCellText(c.v);
    case 'b': return c.v.trim() === '1' || c.v.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    case 'e': return c.v;
    case 'd': {
      const d = new Date(c.v.trim().length === 10 ? `${c.v.trim()}T00:00:00Z` : c.v);
      return Number.isNaN(d.getTime()) ? c.v : d;
    }
    default: {
      const n = Number(c.v);
      if (!Number.isFinite(n)) return c.v;
      if (dates.has(c.s)) return new Date(Math.round((n - (date1904 ? 24107 : 25569)) * 86400000));
      return n;
    }
  }
}

/**
 * A merged area's value on every cell it covers — only in rows the sheet has (up to the last one read)
 * and columns inside the window, and at most one window's worth of cells in all: a merge over the whole
 * sheet costs what the table costs.
 */
async function fillMerges(values: Map<number, TableCell[]>, merges: SheetCells['merges'], pacer?: Pacer): Promise<void> {
  if (merges.length === 0 || values.size === 0) return;
  let budget = MAX_IMPORT_ROWS * MAX_IMPORT_COLUMNS;
  const lastRow = Math.max(...values.keys());
  for (const m of merges) {
    const v = values.get(m.r1)?.[m.c1 - 1];
    if (v === undefined || v === null) continue;
    for (let r = m.r1; r <= Math.min(m.r2, lastRow) && budget > 0; r++) {
      let row = values.get(r);
      if (!row) values.set(r, (row = []));
      for (let c = m.c1; c <= Math.min(m.c2, MAX_IMPORT_COLUMNS) && budget > 0; c++, budget--) if (row[c - 1] === undefined || row[c - 1] === null) row[c - 1] = v;
      if (pacer) await pacer.step((Math.min(m.c2, MAX_IMPORT_COLUMNS) - m.c1 + 1) * CELL_COST);
    }
  }
}

/** A CSV or .xlsx table file, with this adapter's .xlsx reader: what the command line and tests read. */
export function readTableFile(file: string, bytes: Buffer | Uint8Array, lang: Lang = 'zh-CN', pacer?: Pacer): Promise<TableInput> {
  return readTable(file, bytes, lang, readXlsxTable, pacer);
}
