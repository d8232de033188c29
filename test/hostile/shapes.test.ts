/**
 * #15: every entry point finishes on the shapes of test/support/shapes.ts — whole-sheet and whole-column
 * validations and conditional formats, a whole-sheet merge, a far-away dimension and cell, a whole-sheet
 * print area, compressed bloat (honest and lying zip headers), entity expansion and an external entity —
 * as an import file (`new --org`, the pane's file import) and inside an OKR workbook (check, lock, score,
 * review, update). What is asserted is what the person gets: the organisation read, the edit written
 * with the user's whole-column validation unchanged, or a refusal naming the file and the part or cell.
 * The time is in `npm run bench`.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { createPaneActions } from '../../src/office/pane-actions';
import { readXlsxTable } from '../../src/xlsx/table';
import { parseXml, type XEl } from '../../src/xlsx/package/xml-tree';
import { DEFAULT_ORG_CSV, orgXlsx, REFUSED_SHAPES, SHAPES, sheetPartNamed, withShape, type ShapeName } from '../support/shapes';
import { cli, exists, tempDir } from './support';

let dir: string;
let org: Buffer;
let book: Buffer;
let orgCsv: string;
const CARD = '个人-李娜';
let cardPart: string;

beforeAll(async () => {
  dir = await tempDir('shapes');
  org = await orgXlsx();
  orgCsv = path.join(dir, 'org.csv');
  await fs.writeFile(orgCsv, DEFAULT_ORG_CSV);
  const out = path.join(dir, 'book.xlsx');
  expect((await cli('new', '--org', orgCsv, '--cycle', '2026-Q4', '--out', out)).code).toBe(0);
  book = await fs.readFile(out);
  cardPart = await sheetPartNamed(book, CARD);
});

/** What a refused shape's message says, in each language: the part (or cell) and why. */
function refusal(shape: ShapeName, part: string, lang: 'zh-CN' | 'en-US'): RegExp {
  const p = part.replace(/[.]/g, '\\.');
  if (shape === 'farDimension') return lang === 'zh-CN' ? /单元格 XFD1048576 有内容，但导入表最多读取 20000 行、64 列/ : /cell XFD1048576 holds something, but an import reads at most 20000 rows and 64 columns/;
  if (shape === 'compressedBloat' || shape === 'lyingSizeBloat') return lang === 'zh-CN' ? new RegExp(`部件 ${p} 解压后超过 200 MB 的上限`) : new RegExp(`the part ${p} inflates to more than the 200 MB limit`);
  return lang === 'zh-CN' ? new RegExp(`部件 ${p} 含有文档类型声明（DTD）`) : new RegExp(`the part ${p} carries a document type declaration \\(DTD\\)`);
}

const importRefused = (s: ShapeName) => REFUSED_SHAPES.includes(s) || s === 'farDimension';

describe.each(SHAPES.map((s) => [s]))('%s', (shape) => {
  let orgFile: string;
  let bookFile: string;
  beforeAll(async () => {
    orgFile = path.join(dir, `org-${shape}.xlsx`);
    bookFile = path.join(dir, `book-${shape}.xlsx`);
    await fs.writeFile(orgFile, await withShape(org, shape));
    await fs.writeFile(bookFile, await withShape(book, shape, cardPart));
  });

  it('new --org: the organisation is read, or the file is refused naming the part or cell', async () => {
    const out = path.join(dir, `new-${shape}.xlsx`);
    const r = await cli('new', '--org', orgFile, '--cycle', '2026-Q4', '--out', out);
    const r2 = await cli('new', '--org', orgFile, '--cycle', '2026-Q4', '--out', out + '.en.xlsx', '--lang', 'en-US');
    if (importRefused(shape)) {
      expect(r).toMatchObject({ code: 2, err: expect.stringMatching(new RegExp(`org-${shape}\\.xlsx`)) });
      expect(r.err).toMatch(refusal(shape, 'xl/worksheets/sheet1.xml', 'zh-CN'));
      expect(r2.err).toMatch(refusal(shape, 'xl/worksheets/sheet1.xml', 'en-US'));
      expect(await exists(out)).toBe(false);
    } else {
      expect(r).toMatchObject({ code: 0 });
      expect(r.out).toMatch(/4/);
      const check = await cli('check', out, '--json');
      expect(check.code).toBeLessThan(2);
    }
  });

  it("the pane's file import: the same reader, the same outcome", async () => {
    const actions = createPaneActions(createFakeExcel({ sheets: ['Sheet1'] }).run, 'zh-CN', undefined, readXlsxTable);
    const r = await actions.readOrg({ kind: 'file', name: 'org.xlsx', bytes: new Uint8Array(await fs.readFile(orgFile)) }, 'en-US');
    if (importRefused(shape)) {
      expect(r.issues).toEqual([expect.objectContaining({ file: 'org.xlsx', message: expect.stringMatching(refusal(shape, 'xl/worksheets/sheet1.xml', 'en-US')) })]);
    } else {
      expect(r.issues).toEqual([]);
      expect(r.org?.people.map((p) => p.name)).toEqual(['张伟', '李娜', '王芳', '刘洋']);
    }
  });

  const edits: [string, (out: string) => string[]][] = [
    ['check', () => ['check', bookFile, '--json']],
    ['lock', (out) => ['lock', bookFile, '--out', out, '--by', 'HR', '--override', '测试']],
    ['score', (out) => ['score', bookFile, '--out', out, '--override', '测试']],
    ['review', (out) => ['review', bookFile, '--month', '2026-11', '--out', out]],
    ['update', (out) => ['update', bookFile, '--org', orgCsv, '--out', out]],
  ];
  it.each(edits)('%s on an OKR workbook holding the shape: done (the shape kept as it was), or refused naming the part', async (cmd, args) => {
    const out = path.join(dir, `${cmd}-${shape}.xlsx`);
    const r = await cli(...args(out));
    if (REFUSED_SHAPES.includes(shape)) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`book-${shape}\\.xlsx`));
      expect(r.err).toMatch(refusal(shape, cardPart, 'zh-CN'));
      expect(await exists(out)).toBe(false);
      return;
    }
    expect(r.code).toBeLessThan(2);
    if (cmd === 'check') return;
    if (cmd === 'update') {
      // Nothing to do (the org is the same): nothing written.
      if (!(await exists(out))) return;
    }
    expect(await exists(out)).toBe(true);
    if (shape === 'wholeColumnValidation' || shape === 'wholeSheetValidation' || shape === 'wholeColumnConditionalFormat' || shape === 'wholeSheetConditionalFormat' || shape === 'wholeSheetMerge') {
      const before = shapeElements(await partOf(await fs.readFile(bookFile), cardPart), shape);
      const after = shapeElements(await partOf(await fs.readFile(out), cardPart), shape);
      expect(before).toHaveLength(1);
      expect(after).toEqual(before);
    }
  });
});

async function partOf(bytes: Buffer, part: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(part)!.async('string');
}

/** The shape's own element(s) as written: the validation, conditional format or merge over the huge range. */
function shapeElements(xml: string, shape: ShapeName): string[] {
  const doc = parseXml(xml, 'sheet', { descend: (el, depth) => el.local !== 'sheetData' || depth < 1 });
  const huge = (el: XEl) => el.attrs.some((a) => (a.local === 'sqref' || a.local === 'ref') && /1048576/.test(a.value));
  const all: XEl[] = [];
  const walk = (el: XEl) => {
    for (const c of el.children) {
      if ((c.local === 'dataValidation' || c.local === 'conditionalFormatting' || c.local === 'mergeCell') && huge(c)) all.push(c);
      walk(c);
    }
  };
  walk(doc.root);
  void shape;
  return all.map((e) => xml.slice(e.start, e.end));
}
