/**
 * The values of every sheet, read with saxes in one streaming pass per part: what the rules, the
 * planners and scoring read. A formula cell gives its cached result (none: nothing); shared and
 * inline strings their text (phonetic guides left out); booleans true/false; errors nothing; numbers
 * stay numbers, dates included (the readers convert serials). The same pass notes each sheet's
 * <sheetProtection>, which the edit needs for passwords.
 */
import { SaxesParser } from 'saxes';
import type { RawValue, SheetValues } from '../../templates/read-book';
import { BrokenPackage } from './errors';
import { relIs } from './names';
import type { WorkbookPart } from './workbook-part';
import type { ZipPackage } from './zip-package';
import { decodeCellText } from './xml-text';
import { INDEX_DEPTH, IndexBuilder, type SheetIndex } from './sheet-index';
import { NsScope } from './xml-ns';

/** A sheet's <sheetProtection> attributes (names without prefix). */
export interface SheetProtectionInfo {
  attrs: Record<string, string>;
}

export interface SheetRead {
  values: SheetValues;
  protection?: SheetProtectionInfo;
  /** Where its elements are (sheet-index.ts), when asked for: what the edit locates the part with. */
  index?: { part: string; at: SheetIndex };
}

const local = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** "AB12" → { row: 12, col: 28 }; undefined when it is not a cell reference. */
export function cellRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
  }
  if (i === 0 || i === ref.length) return undefined;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 ? { row, col } : undefined;
}

function runSax(xml: string, part: string, on: (p: SaxesParser) => void): void {
  const p = new SaxesParser({ position: false });
  on(p);
  // #15: no DTD is read (saxes expands none of its entities); the part is refused.
  let dtd = false;
  p.on('doctype', () => { dtd = true; });
  try {
    p.write(xml).close();
  } catch (e) {
    throw new BrokenPackage(dtd ? 'dtd' : 'malformedXml', part, (e as Error).message);
  }
  if (dtd) throw new BrokenPackage('dtd', part);
}

/** Text of each <si> (its <t> runs, not those of <rPh>). */
export function parseSharedStrings(xml: string, part: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inT = false;
  let inRph = 0;
  runSax(xml, part, (p) => {
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
  });
  return out;
}

/**
 * One sheet's values and protection; with `index`, also where its elements are, for an edit of the
 * part without a second parse (sheet-index.ts), and its namespaces checked as that parse checked them.
 */
export function readSheetXml(name: string, hidden: boolean, xml: string, part: string, shared: readonly string[], index = false): SheetRead {
  // Each row's values in an array by column: a Map per row took ~100 bytes a cell (#12: 107 MB of
  // heap for a 1,000-card book, and the GC time that goes with it).
  const rows = new Map<number, RawValue[]>();
  let maxRow = 0;
  let depth = 0;
  let row = 0;
  let col = 0;
  let type: string | undefined;
  let inCell = false;
  let text = '';
  let collect = false;
  let inIs = false;
  let inRph = 0;
  let hasV = false;
  let protection: SheetProtectionInfo | undefined;
  const ib = index ? new IndexBuilder() : undefined;
  const ns = index ? new NsScope() : undefined;
  // Index of each open element (-1 below the indexed depth): the parent of the next one.
  const open: number[] = [];
  // The first colon at or after the current tag (-1 >>> 0: none), found once for many tags.
  let nextColon = -1;
  runSax(xml, part, (p) => {
    p.on('opentag', (t) => {
      const n = local(t.name);
      const level = depth;
      if (!t.isSelfClosing) depth++;
      const a = t.attributes as Record<string, string>;
      if (ib && ns) {
        // saxes' position is just after the start tag's '>'; its '<' is the last one before (an attribute value holds none).
        const openEnd = p.position;
        const start = xml.lastIndexOf('<', openEnd - 1);
        // Only a tag with a colon (a prefix, or one in a value) or a default namespace has anything to check:
        // most cells have neither, and walking their attributes cost a tenth of the read.
        if (nextColon < start) nextColon = xml.indexOf(':', start) >>> 0;
        if (nextColon < openEnd || a.xmlns !== undefined) ns.open(t.name, a, level, t.isSelfClosing);
        const id = level <= INDEX_DEPTH ? ib.open(start, openEnd, level ? open[level - 1] : -1, t.isSelfClosing) : -1;
        if (!t.isSelfClosing) open.push(id);
      }
      if (n === 'row' && depth <= 3) {
        const r = a.r === undefined ? row + 1 : Number(a.r);
        row = Number.isInteger(r) && r > 0 ? r : row + 1;
        col = 0;
      } else if (n === 'c' && depth <= 4) {
        const ref = a.r === undefined ? undefined : cellRef(a.r);
        if (ref) {
          row = ref.row;
          col = ref.col;
        } else col++;
        type = a.t;
        inCell = !t.isSelfClosing;
        text = '';
        hasV = false;
      } else if (inCell) {
        if (n === 'v') {
          collect = !t.isSelfClosing;
          hasV = true;
        } else if (n === 'is') inIs = !t.isSelfClosing;
        else if (n === 'rPh' && !t.isSelfClosing) inRph++;
        else if (n === 't' && inIs && !inRph) collect = !t.isSelfClosing;
      } else if (n === 'sheetProtection' && depth <= 2) {
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(a)) attrs[local(k)] = v;
        protection = { attrs };
      }
    });
    p.on('text', (s) => { if (collect) text += s; });
    if (ns) {
      // saxes' namespace mode allows no colon in a processing instruction's target.
      p.on('processinginstruction', (pi) => { if (pi.target.includes(':')) ns.problem ??= `malformed name: ${pi.target}.`; });
    }
    p.on('closetag', (t) => {
      const n = local(t.name);
      if (!t.isSelfClosing) {
        depth--;
        if (ib && ns) {
          const id = open.pop() as number;
          if (id >= 0) ib.close(id, xml.lastIndexOf('<', p.position - 1), p.position);
          ns.close(depth);
        }
      }
      if (!inCell) return;
      if (n === 'v' || n === 't') collect = false;
      else if (n === 'rPh' && !t.isSelfClosing) inRph--;
      else if (n === 'is') inIs = false;
      else if (n === 'c') {
        inCell = false;
        const v = valueOf(type, text, hasV, shared);
        if (v === null) return;
        let r = rows.get(row);
        if (!r) rows.set(row, (r = []));
        r[col] = v;
        if (row > maxRow) maxRow = row;
      }
    });
  });
  return { values: sheetValues(name, hidden, maxRow, rows), protection, index: ib ? { part, at: ib.done(xml.length, ns?.problem) } : undefined };
}

/**
 * Made outside readSheetXml so that `get` closes over the rows alone: a closure made there shares
 * its scope with the SAX handlers, which hold the sheet's whole text (a 1,000-card book's values
 * kept 37 MB of XML alive, 28 -> 100 MB of heap).
 */
function sheetValues(name: string, hidden: boolean, rowCount: number, rows: Map<number, RawValue[]>): SheetValues {
  return { name, hidden, rowCount, get: (r, c) => rows.get(r)?.[c] ?? null };
}

function valueOf(type: string | undefined, text: string, hasV: boolean, shared: readonly string[]): RawValue {
  if (type === 'inlineStr') return decodeCellText(text);
  if (!hasV) return null;
  switch (type) {
    case 's': return shared[Number(text)] ?? null;
    case 'str': return decodeCellText(text);
    case 'b': return text.trim() === '1' || text.trim().toLowerCase() === 'true';
    case 'e': return null;
    case 'd': return text;
    default: {
      if (text.trim() === '') return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
  }
}

/** The shared strings of a workbook (through its relationships; none is fine). */
export async function sharedStringsOf(pkg: ZipPackage, wb: WorkbookPart): Promise<string[]> {
  const rels = await pkg.relsOf(wb.part);
  const rel = rels.list.find((r) => relIs(r.type, 'sharedStrings') && !r.external);
  if (!rel || !pkg.has(rel.part)) return [];
  return parseSharedStrings(await pkg.text(rel.part), rel.part);
}

/** Every worksheet's values (chart sheets have none), in tab order; with `index`, where their elements are (for an edit). */
export async function readAllSheets(pkg: ZipPackage, wb: WorkbookPart, index = false): Promise<SheetRead[]> {
  const shared = await sharedStringsOf(pkg, wb);
  const out: SheetRead[] = [];
  for (const s of wb.worksheets()) {
    if (!pkg.has(s.part)) throw new BrokenPackage('missingPart', s.part);
    out.push(readSheetXml(s.name, s.state !== 'visible', await pkg.text(s.part), s.part, shared, index));
  }
  return out;
}
