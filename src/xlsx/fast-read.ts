import JSZip from 'jszip';
import type { RawValue, SheetValues } from '../templates/read-book';

/**
 * Reads the values of every sheet of an .xlsx straight from its XML — what the rules and scoring
 * need, and nothing else (no styles, no formulas). ExcelJS builds a full object model first and
 * takes about 20 s for a 1,000-card workbook; this takes a fraction of that.
 * Formula cells give their cached result when the file has one, else nothing.
 */
export async function readSheetValuesFast(bytes: Buffer | Uint8Array): Promise<SheetValues[]> {
  const zip = await JSZip.loadAsync(bytes);
  const shared = parseSharedStrings((await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '');
  const out: SheetValues[] = [];
  for await (const part of sheetParts(zip)) out.push(sheetFromXml(part.name, part.hidden, part.xml, shared));
  return out;
}

/** Each sheet's name, visibility and XML, in the workbook's order. */
export async function* sheetParts(zip: JSZip): AsyncGenerator<{ name: string; hidden: boolean; xml: string }> {
  const text = async (path: string): Promise<string | undefined> => zip.file(path)?.async('string');
  const workbook = await text('xl/workbook.xml');
  if (workbook === undefined) throw new Error('xl/workbook.xml is missing: not an .xlsx workbook');
  const rels = parseRels((await text('xl/_rels/workbook.xml.rels')) ?? '');
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attrs = attributes(m[1]);
    const target = rels.get(attrs['r:id'] ?? '');
    if (!target) continue;
    const xml = await text(target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    if (xml === undefined) continue;
    yield { name: decode(attrs.name ?? ''), hidden: (attrs.state ?? 'visible') !== 'visible', xml };
  }
}

/**
 * Sheets protected with the old 16-bit password hash (<sheetProtection password="83AF">), by name.
 * ExcelJS reads past that attribute, so a file it loads and saves would lose the password; the
 * file adapter reads it here instead (see loadXlsx).
 */
export async function legacySheetPasswords(bytes: Buffer | Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const part of sheetParts(await JSZip.loadAsync(bytes))) {
    const tag = /<sheetProtection\b([^>]*)\/?>/.exec(part.xml);
    if (!tag) continue;
    const a = attributes(tag[1]);
    if (a.password && !a.hashValue && /^[0-9A-Fa-f]{1,4}$/.test(a.password)) out.set(part.name, a.password.toUpperCase());
  }
  return out;
}

function sheetFromXml(name: string, hidden: boolean, xml: string, shared: string[]): SheetValues {
  const rows = new Map<number, Map<number, RawValue>>();
  let maxRow = 0;
  for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = attributes(c[1]);
    const ref = attrs.r;
    const body = c[2];
    if (!ref || body === undefined) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const value = cellValue(attrs.t, body, shared);
    if (value === null) continue;
    const row = Number(m[2]);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, value);
    if (row > maxRow) maxRow = row;
  }
  return { name, hidden, rowCount: maxRow, get: (row, col) => rows.get(row)?.get(col) ?? null };
}

function cellValue(type: string | undefined, body: string, shared: string[]): RawValue {
  if (type === 'inlineStr') return decode(allText(body));
  const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's': return shared[Number(v)] ?? null;
    case 'str': return decode(v);
    case 'b': return v === '1';
    case 'e': return null;
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

function parseSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decode(allText(m[1])));
}

/** Text of every <t> run, leaving out phonetic guides (<rPh>), as Excel shows the cell. */
function allText(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join('');
}

function parseRels(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Id && a.Target) out.set(a.Id, a.Target);
  }
  return out;
}

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e])
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
