/**
 * Shared formulas under the edit engine: an edit that writes over a group's master gives the group a
 * new master (the old formula, moved), so no cell is left pointing at a formula that is gone — in the
 * XML, and in what LibreOffice computes.
 */
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { emptyEdit } from '../../src/templates/edits';
import { PackageWorkbook } from '../../src/xlsx/package/workbook';
import { addCellOp, editSheetXml, emptyOps } from '../../src/xlsx/package/sheet-edit';
import { StylesPart } from '../../src/xlsx/package/styles-part';
import { readSheetXml } from '../../src/xlsx/package/values';
import { readValues, recalcXlsx } from '../support/libreoffice';
import { tempDir } from '../workbook/build-fixture';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>`
  + '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>';

const sheet = (rows: string) => `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
const COLUMN = sheet(
  '<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c><c r="B1"><v>1</v></c></row>'
  + '<row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c><c r="B2"><v>2</v></c></row>'
  + '<row r="3"><c r="A3" s="0"><f t="shared" si="0"/><v>6</v></c><c r="B3"><v>3</v></c></row>',
);

function edit(xml: string, cells: [number, number, 'value' | 'lock'][]): string {
  const ops = emptyOps();
  for (const [r, c, kind] of cells) addCellOp(ops, r, c, kind === 'value' ? { kind: 'write', cell: { v: 5 } } : { kind: 'lock', locked: true });
  const parsed = editSheetXml(xml, 'xl/worksheets/sheet1.xml', ops, new StylesPart('xl/styles.xml', STYLES)).xml;
  // Located from the read's index (the command line's way, no second parse): the same edit.
  const index = readSheetXml('S', false, xml, 'xl/worksheets/sheet1.xml', [], true).index?.at;
  expect(editSheetXml(xml, 'xl/worksheets/sheet1.xml', ops, new StylesPart('xl/styles.xml', STYLES), index).xml).toBe(parsed);
  return parsed;
}

describe('writing over a shared formula', () => {
  it('the next cell of the group becomes its master, in rows the edit does not otherwise touch', () => {
    const out = edit(COLUMN, [[1, 1, 'value']]);
    expect(out).toContain('<c r="A1"><v>5</v></c>');
    expect(out).toContain('<c r="A2"><f t="shared" si="0" ref="A2:A3">B2*2</f><v>4</v></c>');
    expect(out).toContain('<c r="A3" s="0"><f t="shared" si="0"/><v>6</v></c>');
  });

  it('and in a row the edit restyles', () => {
    const out = edit(COLUMN, [[1, 1, 'value'], [2, 1, 'lock']]);
    expect(out).toMatch(/<c r="A2" s="\d+"><f t="shared" si="0" ref="A2:A3">B2\*2<\/f><v>4<\/v><\/c>/);
  });

  it('a group left without a top-left cell gives each remaining cell its own formula', () => {
    const block = sheet(
      '<row r="1"><c r="A1"><f t="shared" ref="A1:B2" si="3">C1+$D$1</f></c><c r="B1"><f t="shared" si="3"/></c></row>'
      + '<row r="2"><c r="A2"><f t="shared" si="3"/></c><c r="B2"><f t="shared" si="3"/></c></row>',
    );
    const out = edit(block, [[1, 1, 'value']]);
    expect(out).toContain('<c r="B1"><f>D1+$D$1</f></c>');
    expect(out).toContain('<c r="A2"><f>C2+$D$1</f></c>');
    expect(out).toContain('<c r="B2"><f>D2+$D$1</f></c>');
  });

  it('writing over every cell of a group leaves nothing to move', () => {
    const out = edit(COLUMN, [[1, 1, 'value'], [2, 1, 'value'], [3, 1, 'value']]);
    expect(out).not.toContain('<f');
  });

  it('LibreOffice computes the rest of the group from the moved formula', async () => {
    const dir = await tempDir('shared-formulas');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
    zip.file('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
    zip.file('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    zip.file('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
      + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
    zip.file('xl/styles.xml', STYLES);
    zip.file('xl/worksheets/sheet1.xml', COLUMN);
    const book = await PackageWorkbook.open(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const e = emptyEdit();
    e.writes.push({ sheet: 'S', row: 1, col: 1, cells: [[{ v: 'x' }, { v: 10 }], [null, { v: 20 }], [null, { v: 30 }]] });
    await book.apply(e, undefined);
    const file = path.join(dir, 'edited.xlsx');
    await fs.writeFile(file, await book.save());
    const [recalculated] = await recalcXlsx([file], path.join(dir, 'out'));
    const values = (await readValues(recalculated)).get('S')!;
    expect([values.get('A1'), values.get('A2'), values.get('A3')]).toEqual(['x', 40, 60]);
  }, 120_000);
});
