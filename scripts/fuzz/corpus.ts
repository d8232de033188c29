/**
 * The #12 corpus in the fuzz run: workbooks people added to (LibreOffice, openpyxl, Excel-style, .xlsm;
 * test/fixtures/corpus), mutated inside the package — bytes flipped in a part, a part truncated or
 * removed, relationships mangled (targets pointing nowhere, absolute, external, empty, climbing above
 * the root; ids duplicated or emptied), content types dropped — or as a whole file, then fed to check
 * and to every edit command. The .rels and [Content_Types].xml edits go through a real XML parser.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { CORPUS_DIR, CORPUS_FILES } from '../../test/corpus/commands';
import { attr, elements, parseXml, serializeXml, setAttr } from '../../test/corpus/xml';
import { mutateBytes, type Rng } from './generators';
import { rezip, unzip, type ZipEntries } from './workbooks';

export interface CorpusBook {
  name: string;
  bytes: Buffer;
  entries: ZipEntries;
}

export async function loadCorpus(): Promise<CorpusBook[]> {
  const out: CorpusBook[] = [];
  for (const name of CORPUS_FILES) {
    const bytes = await fs.readFile(path.join(CORPUS_DIR, name));
    out.push({ name, bytes, entries: await unzip(bytes) });
  }
  return out;
}

const TARGETS = ['../nope.xml', '/xl/missing.xml', '', 'http://example.com/x.xml', '../../../../etc/passwd', 'worksheets/sheet1.xml', '/', '%zz.xml', 'a%2Fb.xml', 'C:\\x.xml', '#frag'];

function mangleXml(b: Buffer, r: Rng, local: 'Relationship' | 'Override' | 'Default'): Buffer | undefined {
  let doc;
  try {
    doc = parseXml(b);
  } catch {
    return undefined;
  }
  const items = elements(doc.root).filter((e) => e.local === local);
  if (!items.length) return undefined;
  const el = r.pick(items);
  r.weighted<() => void>([
    [4, () => { if (local === 'Relationship') setAttr(el, 'Target', r.pick(TARGETS)); else setAttr(el, local === 'Override' ? 'PartName' : 'Extension', r.pick(['/xl/none.xml', '', 'xml', '/XL/WORKBOOK.XML'])); }],
    [2, () => { doc.root.children.splice(doc.root.children.indexOf(el), 1); }],
    [1, () => { if (local === 'Relationship') setAttr(el, 'TargetMode', r.pick(['External', 'Internal', 'bogus'])); else setAttr(el, 'ContentType', r.pick(['', 'text/plain', 'application/xml'])); }],
    [1, () => { if (local === 'Relationship') setAttr(el, 'Id', r.pick(['', 'rId1', attr(items[0], 'Id') ?? 'rId1'])); }],
    [1, () => { if (local === 'Relationship') setAttr(el, 'Type', r.pick(['', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet', 'urn:x'])); }],
  ])();
  return Buffer.from(serializeXml(doc), 'utf8');
}

/** One to three package-level mutations of a corpus workbook (or the whole file's bytes). */
export async function mutateCorpus(book: CorpusBook, r: Rng): Promise<Buffer> {
  if (r.chance(0.1)) return r.chance(0.5) ? mutateBytes(book.bytes, r) : book.bytes.subarray(0, r.int(book.bytes.length));
  const e: ZipEntries = new Map(book.entries);
  const names = [...e.keys()];
  const rels = names.filter((n) => n.endsWith('.rels'));
  const n = r.between(1, 3);
  for (let i = 0; i < n; i++) {
    const target = r.pick(names);
    r.weighted<() => void>([
      [3, () => { const b = e.get(target); if (b) e.set(target, mutateBytes(b, r)); }],
      [2, () => { const b = e.get(target); if (b) e.set(target, b.subarray(0, r.int(b.length))); }],
      [2, () => e.delete(target)],
      [4, () => { const p = r.pick(rels); const m = mangleXml(e.get(p) ?? Buffer.alloc(0), r, 'Relationship'); if (m) e.set(p, m); }],
      [1, () => { const m = mangleXml(e.get('[Content_Types].xml') ?? Buffer.alloc(0), r, r.chance(0.7) ? 'Override' : 'Default'); if (m) e.set('[Content_Types].xml', m); }],
      [1, () => { const b = e.get(target); if (b) { e.delete(target); e.set(r.pick([target.toUpperCase(), `/${target}`, `${target}.bak`, target.replace(/\//g, '\\')]), b); } }],
    ])();
  }
  return rezip(e);
}
