/** The package engine's pieces: located XML, splicing, ranges, cell text, relationship targets. */
import { subtractSqref, rectOf } from '../../src/xlsx/package/ranges';
import { relativeTarget, relsPartOf, resolveTarget } from '../../src/xlsx/package/names';
import { Splice } from '../../src/xlsx/package/splice';
import { readSheetXml } from '../../src/xlsx/package/values';
import { decodeCellText, encodeCellText, escapeText } from '../../src/xlsx/package/xml-text';
import { attr, parseXml } from '../../src/xlsx/package/xml-tree';
import { BrokenPackage } from '../../src/xlsx/package/errors';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('located XML', () => {
  it('gives each element its offsets in the original text, whatever the prefix', () => {
    const xml = `<?xml version="1.0"?>\n<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2" ><x:c r="B2"><x:v>1</x:v></x:c></x:row></x:sheetData><!-- c --></x:worksheet >`;
    const doc = parseXml(xml, 'sheet.xml');
    expect(doc.root.local).toBe('worksheet');
    expect(doc.root.uri).toBe(MAIN);
    const row = doc.root.children[0].children[0];
    expect(xml.slice(row.start, row.openEnd)).toBe('<x:row r="2" >');
    expect(xml.slice(row.start, row.end)).toBe('<x:row r="2" ><x:c r="B2"><x:v>1</x:v></x:c></x:row>');
    expect(attr(row, 'r')).toBe('2');
    expect(xml.slice(doc.root.closeStart, doc.root.end)).toBe('</x:worksheet >');
  });

  it('a malformed part is a BrokenPackage naming it', () => {
    expect(() => parseXml('<a><b></a>', 'xl/worksheets/sheet9.xml')).toThrow(BrokenPackage);
    try {
      parseXml('<a><b></a>', 'xl/worksheets/sheet9.xml');
    } catch (e) {
      expect((e as BrokenPackage).part).toBe('xl/worksheets/sheet9.xml');
      expect((e as BrokenPackage).code).toBe('malformedXml');
    }
  });

  it('splices replacements and insertions, keeping the rest byte for byte', () => {
    const s = new Splice('abcdef');
    s.replace(1, 3, 'X');
    s.insert(4, '1');
    s.insert(4, '2');
    expect(s.apply()).toBe('aXd12ef');
  });
});

describe('values read with saxes', () => {
  it('reads shared and inline strings, booleans, cached results; errors and uncached formulas as nothing', () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r><rPh><t>x</t></rPh></is></c>`
      + '<c r="C1" t="b"><v>1</v></c><c r="D1"><f>1/0</f><v>#DIV/0!</v></c><c r="E1" t="e"><v>#DIV/0!</v></c><c r="F1"><f>A1</f></c><c r="G1"><v>45000</v></c><c r="H1" t="str"><f>A1</f><v>x_x000D_y</v></c></row>'
      + '</sheetData><sheetProtection sheet="true" password="83AF"/></worksheet>';
    const r = readSheetXml('S', false, xml, 'p', ['zero', 'one']);
    const v = (c: number) => r.values.get(1, c);
    expect([v(1), v(2), v(3), v(4), v(5), v(6), v(7), v(8)]).toEqual(['one', 'a b', true, null, null, null, 45000, 'x\ry']);
    expect(r.protection?.attrs).toEqual({ sheet: 'true', password: '83AF' });
    expect(r.values.rowCount).toBe(1);
  });
});

describe('ranges and text', () => {
  it('cuts an area out of an sqref', () => {
    expect(subtractSqref('A1:C3', rectOf('B2')!)).toBe('A1:C1 A2 C2 A3:C3');
    expect(subtractSqref('A1:A3 D4', rectOf('A1:A3')!)).toBe('D4');
    expect(subtractSqref('B2', rectOf('B2')!)).toBeUndefined();
    expect(subtractSqref('E5:F6', rectOf('A1:B2')!)).toBe('E5:F6');
  });

  it('cell text round-trips through Excel\'s _xHHHH_ escapes; XML specials are escaped', () => {
    for (const t of ['=SUM(A1)', '_x0041_', 'a\u0001b', '<b>&"', '中文']) expect(decodeCellText(encodeCellText(t))).toBe(t);
    expect(escapeText('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('resolves relative and absolute relationship targets', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../drawings/drawing1.xml')).toBe('xl/drawings/drawing1.xml');
    expect(resolveTarget('', 'xl/workbook.xml')).toBe('xl/workbook.xml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet2.xml')).toBe('worksheets/sheet2.xml');
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPartOf('')).toBe('_rels/.rels');
  });
});
