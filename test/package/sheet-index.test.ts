/**
 * The read's index (sheet-index.ts) locates a sheet exactly as a second parse did: the same elements,
 * offsets, names, namespaces and attribute values, and the same text below the cells; and a sheet
 * that the namespace-aware parse refused is refused when the edit writes it.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { BrokenPackage } from '../../src/xlsx/package/errors';
import { materialize, type SheetIndex } from '../../src/xlsx/package/sheet-index';
import { readSheetXml } from '../../src/xlsx/package/values';
import { parseXml, type XEl } from '../../src/xlsx/package/xml-tree';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function indexOf(xml: string): SheetIndex {
  const r = readSheetXml('S', false, xml, 'p.xml', ['a', 'b'], true);
  if (!r.index) throw new Error('no index');
  return r.index.at;
}

/** The tree as plain data; `text` only from depth 4 down (the index leaves it empty above the cells' children). */
function plain(el: XEl, depth = 0): unknown {
  return {
    name: el.name, prefix: el.prefix, local: el.local, uri: el.uri, attrs: el.attrs, start: el.start, openEnd: el.openEnd,
    closeStart: el.closeStart, end: el.end, selfClosing: el.selfClosing, text: depth >= 4 ? el.text : '',
    parentStart: el.parent?.start, children: el.children.map((c) => plain(c, depth + 1)),
  };
}

const ALL = (_el: XEl, depth: number) => depth <= 4;
const SOME = (el: XEl, depth: number) => depth < 2 || (depth === 2 && el.attrs.some((a) => a.local === 'r' && a.value === '2')) || depth === 4 || (depth === 3 && el.attrs.some((a) => a.value === 'B2'));

function same(xml: string, descend: (el: XEl, depth: number) => boolean): void {
  expect(plain(materialize(xml, 'p.xml', indexOf(xml), descend))).toEqual(plain(parseXml(xml, 'p.xml', { descend }).root));
}

describe('the sheet index', () => {
  const tricky = `<?xml version="1.0" encoding="UTF-8"?>\r\n<x:worksheet xmlns:x="${MAIN}" xmlns:r="urn:r" xmlns:mc="urn:mc">`
    + '<x:sheetPr><x:tabColor rgb="FF00FF00"/></x:sheetPr><x:dimension ref="A1:C3"/>'
    + '<x:sheetData>\r\n  <x:row r="1" spans="1:3"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="B1" s="3"/></x:row>\n'
    + '<x:row r="2" x:custom=\'a&amp;b&#10;c\td\r\ne\'><x:c r="A2"><x:f t="shared" ref="A2:A3" si="0">B1&amp;"&lt;x&gt;"</x:f><x:v>1</x:v></x:c>'
    + '<x:c r="B2" t="inlineStr"><x:is><x:r><x:t xml:space="preserve"> a&#x1F600;</x:t></x:r></x:is></x:c><!-- a comment --><x:c r="C2"><x:v><![CDATA[5]]></x:v></x:c></x:row>'
    + '<x:row r="3"/><row xmlns="urn:other" r="4"><c r="A4"><v>2</v></c></row>'
    + '</x:sheetData><x:dataValidations count="1"><x:dataValidation sqref="A1" type="list"><x:formula1>"a,b"</x:formula1></x:dataValidation></x:dataValidations>'
    + '<mc:AlternateContent><mc:Choice Requires="x"><x:foo r:id="rId1"/></mc:Choice></mc:AlternateContent><?pi data?></x:worksheet>\r\n';

  it('locates every element as the parse does, prefixes, entities and line ends included', () => {
    same(tricky, ALL);
    same(tricky, SOME);
    same(tricky, () => true);
  });

  it('locates a sheet as written by the package engine', async () => {
    const file = path.join(__dirname, '../fixtures/corpus');
    const names = (await fs.readdir(file)).filter((n) => n.endsWith('.xlsx')).slice(0, 3);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) {
      const zip = await JSZip.loadAsync(await fs.readFile(path.join(file, n)));
      for (const part of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)).slice(0, 5)) {
        same(await zip.file(part)!.async('string'), ALL);
      }
    }
  });

  it.each([
    ['an unbound element prefix', '<y:c r="A1"/>'],
    ['an unbound attribute prefix', '<c r="A1" y:s="1"/>'],
    ['the same attribute twice through two prefixes', '<c xmlns:a="urn:a" xmlns:b="urn:a" a:x="1" b:x="2"/>'],
    ['a prefix undeclared', '<c xmlns:a=""/>'],
    ['a malformed qualified name', '<c a:b:c="1" xmlns:a="urn:a"/>'],
  ])('%s is refused when the edit locates the sheet, as the namespace-aware parse refuses it', (_what, cell) => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${cell}</row></sheetData></worksheet>`;
    expect(() => parseXml(xml, 'p.xml')).toThrow(BrokenPackage);
    // The values are read all the same (check reads them so, as before).
    const ix = indexOf(xml);
    let err: unknown;
    try {
      materialize(xml, 'p.xml', ix, ALL);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BrokenPackage);
    expect((err as BrokenPackage).code).toBe('malformedXml');
    expect((err as BrokenPackage).part).toBe('p.xml');
  });

  it('a namespace declared on an element goes out of scope after it', () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1" xmlns:a="urn:a"><c r="A1" a:s="1"/></row><row r="2"><c r="A2" a:s="1"/></row></sheetData></worksheet>`;
    expect(() => parseXml(xml, 'p.xml')).toThrow(BrokenPackage);
    expect(() => materialize(xml, 'p.xml', indexOf(xml), ALL)).toThrow(BrokenPackage);
    const ok = xml.replace('<c r="A2" a:s="1"/>', '<c r="A2"/>');
    same(ok, ALL);
  });
});
