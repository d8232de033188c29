/**
 * The package (OPC) view of an .xlsx/.xlsm for the corpus tools: the zip's parts, relationships resolved
 * the way OPC says (relative to the source part's folder, or absolute from the package root; percent-
 * encoded names decoded; part names compared case-insensitively), and content types.
 */
import JSZip from 'jszip';
import { attr, childrenNamed, NS, parseXml, type XElement } from './xml';

export type Parts = Map<string, Buffer>;

/** Part names without a leading slash, as the zip stores them; directories left out. */
export async function readParts(bytes: Buffer | Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Parts = new Map();
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (!f.dir) out.set(name, await f.async('nodebuffer'));
  }
  return out;
}

export async function writeParts(parts: Parts): Promise<Buffer> {
  const zip = new JSZip();
  // [Content_Types].xml first, as Excel writes it.
  const names = [...parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  for (const n of names) zip.file(n, parts.get(n)!, { date: new Date(Date.UTC(2026, 11, 1)) });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export const key = (partName: string): string => partName.replace(/^\/+/, '').toLowerCase();

/** Finds a part by name, OPC-style (case-insensitive, leading slash optional). */
export function findPart(parts: Parts, name: string): string | undefined {
  const k = key(name);
  for (const n of parts.keys()) if (key(n) === k) return n;
  return undefined;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; '' (the package) → `_rels/.rels`. */
export function relsPartOf(source: string): string {
  if (source === '') return '_rels/.rels';
  const i = source.lastIndexOf('/');
  return `${source.slice(0, i + 1)}_rels/${source.slice(i + 1)}.rels`;
}

/** The source part of a .rels part ('' for the package's own). */
export function sourceOfRels(rels: string): string | undefined {
  const m = rels.split('/');
  const file = m.pop()!;
  if (m.pop() !== '_rels' || !file.endsWith('.rels')) return undefined;
  return [...m, file.slice(0, -'.rels'.length)].filter((s) => s !== '').join('/');
}

/** Resolves a relationship target against its source part; undefined when it climbs above the root. */
export function resolveTarget(source: string, target: string): string | undefined {
  let t: string;
  try {
    t = decodeURIComponent(target.split('#')[0]);
  } catch {
    t = target.split('#')[0];
  }
  const segs = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const s of t.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (!segs.length) return undefined;
      segs.pop();
    } else segs.push(s);
  }
  return segs.join('/');
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The resolved part name (internal targets). */
  part?: string;
}

export function readRels(parts: Parts, source: string): Rel[] {
  const name = findPart(parts, relsPartOf(source));
  if (!name) return [];
  const doc = parseXml(parts.get(name)!);
  return childrenNamed(doc.root, NS.rels, 'Relationship').map((r) => {
    const target = attr(r, 'Target') ?? '';
    const external = attr(r, 'TargetMode') === 'External';
    return { id: attr(r, 'Id') ?? '', type: attr(r, 'Type') ?? '', target, external, part: external ? undefined : resolveTarget(source, target) };
  });
}

export const relType = (r: Rel): string => r.type.slice(r.type.lastIndexOf('/') + 1);

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function readContentTypes(parts: Parts): ContentTypes {
  const doc = parseXml(parts.get('[Content_Types].xml') ?? Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'));
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const d of childrenNamed(doc.root, NS.ct, 'Default')) defaults.set((attr(d, 'Extension') ?? '').toLowerCase(), attr(d, 'ContentType') ?? '');
  for (const o of childrenNamed(doc.root, NS.ct, 'Override')) overrides.set(key(attr(o, 'PartName') ?? ''), attr(o, 'ContentType') ?? '');
  return { defaults, overrides };
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const o = ct.overrides.get(key(part));
  if (o !== undefined) return o;
  const dot = part.lastIndexOf('.');
  return dot > part.lastIndexOf('/') ? ct.defaults.get(part.slice(dot + 1).toLowerCase()) : undefined;
}

/** The workbook part (the package's officeDocument relationship). */
export function workbookPart(parts: Parts): string | undefined {
  const r = readRels(parts, '').find((x) => relType(x) === 'officeDocument');
  return r?.part ? findPart(parts, r.part) : undefined;
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  state: string;
  relId: string;
  /** worksheet | chartsheet | dialogsheet | … */
  kind: string;
  part?: string;
}

export function readSheets(parts: Parts): { workbook: string; root: XElement; sheets: SheetEntry[] } | undefined {
  const wb = workbookPart(parts);
  if (!wb) return undefined;
  const root = parseXml(parts.get(wb)!).root;
  const rels = readRels(parts, wb);
  const sheetsEl = childrenNamed(root, NS.main, 'sheets')[0];
  const sheets = (sheetsEl ? childrenNamed(sheetsEl, NS.main, 'sheet') : []).map((s) => {
    const relId = attr(s, 'id', NS.r) ?? '';
    const rel = rels.find((r) => r.id === relId);
    return {
      name: attr(s, 'name') ?? '',
      sheetId: attr(s, 'sheetId') ?? '',
      state: attr(s, 'state') ?? 'visible',
      relId,
      kind: rel ? relType(rel) : '',
      part: rel?.part ? findPart(parts, rel.part) : undefined,
    };
  });
  return { workbook: wb, root, sheets };
}
