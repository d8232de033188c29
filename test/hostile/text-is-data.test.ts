/**
 * Text is always data: names and cells like =HYPERLINK("http://x","y"), +SUM(1), -1+1, @cmd and the
 * DDE call =cmd|' /C calc'!A0 never become formulas — in the file the command line writes (ExcelJS),
 * in the workbook the add-in writes (in-memory Excel), in Range.formulas literals, and in formulas
 * that name a sheet. (The project writes no CSV: there is no CSV export to protect.)
 */
import { parseXml, type XEl } from '../../src/xlsx/package/xml-tree';
import { parseSharedStrings } from '../../src/xlsx/package/values';
import { readTableFile } from '../../src/xlsx/table';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseCycle } from '../../src/domain/cycle';
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { parseOkrTable, parseOrgTable } from '../../src/io/import';
import { cellInput, textLiteral } from '../../src/office/literal';
import { createPaneActions } from '../../src/office/pane-actions';
import { sheetRef } from '../../src/templates/a1';
import { buildWorkbook } from '../../src/templates/build';
import { lintFormula } from '../../src/templates/formula-lint';
import { readXlsxBook } from '../../src/xlsx/read';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { HOSTILE_OKRS_CSV, HOSTILE_ORG_CSV, MUST_STAY_TEXT } from './fixture';
import { cli, tempDir } from './support';

const CYCLE = parseCycle('2026-Q4')!;

function addrOf(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

async function hostileInputs(dir: string): Promise<{ org: string; okrs: string }> {
  const org = path.join(dir, 'org.csv');
  const okrs = path.join(dir, 'okrs.csv');
  await fs.writeFile(org, HOSTILE_ORG_CSV);
  await fs.writeFile(okrs, HOSTILE_OKRS_CSV);
  return { org, okrs };
}

async function hostilePlan(files: { org: string; okrs: string }, withOkrs = true, companyName?: string) {
  const org = parseOrgTable(await readTableFile(files.org, await fs.readFile(files.org)), 'zh-CN');
  const cards = withOkrs ? parseOkrTable(await readTableFile(files.okrs, await fs.readFile(files.okrs)), org, 'zh-CN') : {};
  return { org, built: buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, org, ...cards, companyName }) };
}

describe('text is always data', () => {
  it('Range.formulas literals: every string Excel could read as a formula, number, date, boolean or error gets a quote prefix', () => {
    const risky = [...MUST_STAY_TEXT.filter((t) => t !== "O'Brien"), '＝1+1', '＋1', ' leading space', '1e5', '$5', '¥5', '(1)', '12:30', '1-Jan', 'Jan 2026', 'false', '#REF!', '−1', '２０２６／１２／３１'];
    for (const s of risky) expect({ s, literal: textLiteral(s) }).toEqual({ s, literal: `'${s}` });
    for (const s of ['张伟', 'Anna', '目标：提升用户体验', "O'Brien", 'KR', '😀王芳']) expect(textLiteral(s)).toBe(s);
    expect(cellInput({ v: '=HYPERLINK("http://x","y")' })).toBe('\'=HYPERLINK("http://x","y")');
    expect(cellInput({ f: 'SUM(A1:A2)' })).toBe('=SUM(A1:A2)');
    expect(cellInput({ v: 0.5 })).toBe(0.5);
  });

  it('formulas that name a sheet quote it, doubling apostrophes, whatever the name', () => {
    for (const name of ["O'Brien", "个人-'引号", "a''b", '=SUM(1)', 'x!A1', 'R&D QA', '😀王芳', "'"]) {
      const f = `IF(${sheetRef(name, '$B$7')}="","",${sheetRef(name, '$B$7')})`;
      expect(f).toContain(`'${name.replace(/'/g, "''")}'!$B$7`);
      expect({ name, problems: lintFormula(f) }).toEqual({ name, problems: [] });
    }
  });

  it('file adapter: okr-workbook new writes every planned text as a text cell and no formula that is not planned', async () => {
    const dir = await tempDir('data-file');
    const files = await hostileInputs(dir);
    const out = path.join(dir, 'book.xlsx');
    const r = await cli('new', '--org', files.org, '--okrs', files.okrs, '--cycle', '2026-Q4', '--out', out, '--company', '=HYPERLINK("http://x","y")');
    expect(r).toMatchObject({ code: 0, err: '' });

    const { built } = await hostilePlan(files, true, '=HYPERLINK("http://x","y")');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    let texts = 0;
    for (const sheet of built.plan.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      expect(ws).toBeDefined();
      // Every cell of the sheet: a formula only where the plan has one, and the same formula.
      ws.eachRow({ includeEmpty: false }, (row, rn) => row.eachCell({ includeEmpty: false }, (cell, cn) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const planned = sheet.rows[rn - 1]?.[cn - 1];
        expect({ at: `${sheet.name}!${cell.address}`, f: cell.formula }).toEqual({ at: `${sheet.name}!${cell.address}`, f: planned?.f });
      }));
      sheet.rows.forEach((row, r) => row.forEach((cell, c) => {
        if (typeof cell?.v !== 'string') return;
        const got = ws.getCell(addrOf(r, c));
        texts++;
        expect({ at: `${sheet.name}!${got.address}`, type: got.type, v: got.value }).toEqual({ at: `${sheet.name}!${got.address}`, type: ExcelJS.ValueType.String, v: cell.v });
      }));
    }
    expect(texts).toBeGreaterThan(500);

    // And in the raw XML: the hostile texts are shared strings, never inside <f>.
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const sheetXml = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    // Every <f>'s text, as the XML parser decodes it.
    const formulas = sheetXml.flatMap((x, i) => {
      const out: string[] = [];
      const walk = (el: XEl) => { if (el.local === 'f' && el.text) out.push(el.text); el.children.forEach(walk); };
      walk(parseXml(x, `sheet${i}`).root);
      return out;
    });
    // Per-row formulas are shared: a group's text is written once, in its first cell.
    expect(formulas.length).toBeGreaterThan(300);
    // A name may appear only as a quoted sheet reference ('个人-=cmd|''…'!$H$3, the department's live
    // share): a reference, never code. Everything outside such references must be free of the texts.
    const outsideSheetRefs = (f: string) => f.replace(/'(?:[^']|'')*'!/g, '');
    for (const f of formulas) expect(outsideSheetRefs(f)).not.toMatch(/HYPERLINK|cmd\||SUM\(1\)|@cmd/);
    const shared = parseSharedStrings(await zip.file('xl/sharedStrings.xml')!.async('string'), 'xl/sharedStrings.xml');
    expect(shared).toContain('=HYPERLINK("http://x","y")');
    expect(shared).toContain("=cmd|' /C calc'!A0");

    // Read back, the names and texts are the same strings.
    const book = await readXlsxBook(await fs.readFile(out));
    for (const name of ['=HYPERLINK("http://x","y")', '+SUM(1)', '-1+1', '@cmd', "=cmd|' /C calc'!A0", "O'Brien", "'引号'"]) {
      expect(book.org.people.map((p) => p.name)).toContain(name);
    }
    const card = book.individuals.find((c) => c.owner === '=HYPERLINK("http://x","y")')!;
    expect(card.objectives[0].text).toBe('=HYPERLINK("http://x","y")');
    expect(card.objectives[0].krs[0]).toMatchObject({ text: '+SUM(1)', deliverable: "=cmd|' /C calc'!A0", target: '-1+1', criteria: '@cmd' });
    const other = book.individuals.find((c) => c.owner === '张伟' && c.department === '市场部')!;
    expect(other.objectives[0].krs[0]).toMatchObject({ text: '001', deliverable: '2026-12-31', target: 'TRUE', criteria: '#N/A', deadline: '2026-12-31', selfScore: 0.5 });
    expect(book.company.objectives[0].text).toBe('=1+1');
    expect((await cli('check', out)).code).toBeLessThan(2);
  });

  it('add-in: generating into the in-memory Excel writes every planned text as a constant, never a formula', async () => {
    const dir = await tempDir('data-addin');
    const files = await hostileInputs(dir);
    const { org, built } = await hostilePlan(files, false);
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    const summary = await createPaneActions(fake.run).generate({ cycle: CYCLE, lang: 'zh-CN', settings: DEFAULT_SETTINGS }, org, () => undefined);
    expect(summary.skipped).toBe(false);
    expect(summary.created.map((c) => c.sheet)).toEqual(built.plan.sheets.map((s) => s.name));
    let texts = 0;
    for (const sheet of built.plan.sheets) {
      const view = fake.workbookState.sheet(sheet.name);
      for (const cell of view.cells()) {
        if (cell.formula === undefined) continue;
        const m = /^([A-Z]+)(\d+)$/.exec(cell.address)!;
        let c = 0;
        for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
        expect({ at: `${sheet.name}!${cell.address}`, f: cell.formula }).toEqual({ at: `${sheet.name}!${cell.address}`, f: `=${sheet.rows[Number(m[2]) - 1]?.[c - 1]?.f}` });
      }
      sheet.rows.forEach((row, r) => row.forEach((cell, c) => {
        if (typeof cell?.v !== 'string') return;
        texts++;
        const got = view.cell(addrOf(r, c));
        expect({ at: `${sheet.name}!${got.address}`, formula: got.formula, value: got.value }).toEqual({ at: `${sheet.name}!${got.address}`, formula: undefined, value: cell.v });
      }));
    }
    expect(texts).toBeGreaterThan(500);
    const staff = fake.workbookState.sheet('设置').values('O4:O23').map((r) => r[0]);
    for (const name of ['=HYPERLINK("http://x","y")', '+SUM(1)', '-1+1', '@cmd', "=cmd|' /C calc'!A0", "O'Brien", "'引号'"]) expect(staff).toContain(name);
  });
});
