/**
 * A real engine (LibreOffice, headless) opens what hostile names produce: the workbook of an
 * organisation whose names look like formulas or break sheet-name rules recalculates, every card
 * formula computes (no #NAME?, #REF!, Err:), the names stay text, and a formula naming a sheet with
 * apostrophes in its name (quoted by sheetRef) reads that sheet.
 */
import { readTableFile } from '../../src/xlsx/table';
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseCycle } from '../../src/domain/cycle';
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { parseOkrTable, parseOrgTable } from '../../src/io/import';
import { sheetRef } from '../../src/templates/a1';
import { buildWorkbook } from '../../src/templates/build';
import { SheetNamer } from '../../src/templates/sheet-names';
import { readValues, recalcXlsx } from '../support/libreoffice';
import { itWith } from '../support/tools';
import { HOSTILE_OKRS_CSV, HOSTILE_ORG_CSV, HOSTILE_PEOPLE } from './fixture';
import { cli, sheetNameProblem, tempDir } from './support';

const CYCLE = parseCycle('2026-Q4')!;
const maybe = itWith('soffice');

function addrOf(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

describe('hostile names in a real spreadsheet engine (LibreOffice)', () => {
  maybe('the workbook of a hostile organisation opens, every formula computes, and the names stay text', async () => {
    const dir = await tempDir('lo');
    const orgFile = path.join(dir, 'org.csv');
    const okrFile = path.join(dir, 'okrs.csv');
    await fs.writeFile(orgFile, HOSTILE_ORG_CSV);
    await fs.writeFile(okrFile, HOSTILE_OKRS_CSV);
    const out = path.join(dir, 'hostile.xlsx');
    expect(await cli('new', '--org', orgFile, '--okrs', okrFile, '--cycle', '2026-Q4', '--out', out)).toMatchObject({ code: 0 });

    const org = parseOrgTable(await readTableFile(orgFile, await fs.readFile(orgFile)), 'zh-CN');
    const cards = parseOkrTable(await readTableFile(okrFile, await fs.readFile(okrFile)), org, 'zh-CN');
    const built = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, org, ...cards });
    for (const s of built.plan.sheets) expect(sheetNameProblem(s.name)).toBe('');

    const [recalculated] = await recalcXlsx([out], path.join(dir, 'recalc'));
    const values = await readValues(recalculated);
    expect([...values.keys()]).toEqual(built.plan.sheets.map((s) => s.name));

    // Every planned formula computed: no error value anywhere.
    let formulas = 0;
    for (const s of built.plan.sheets) {
      const v = values.get(s.name)!;
      s.rows.forEach((row, r) => row.forEach((cell, c) => {
        if (!cell?.f) return;
        formulas++;
        const got = v.get(addrOf(r, c)) ?? '';
        expect({ at: `${s.name}!${addrOf(r, c)}`, error: typeof got === 'string' && /^(#[A-Z/0]+[!?]?|Err:\d+)$/.test(got) ? got : null })
          .toEqual({ at: `${s.name}!${addrOf(r, c)}`, error: null });
      }));
    }
    expect(formulas).toBeGreaterThan(1000);

    // The names are still the very strings typed (LibreOffice evaluated none of them).
    const staff = [...values.get('设置')!.entries()].filter(([a]) => /^O\d+$/.test(a) && Number(a.slice(1)) >= 4).map(([, v]) => v);
    expect(staff).toEqual(HOSTILE_PEOPLE.map((p) => p[1]));
    // And the cards compute: scores from the self scores typed (0.7, 0.5 as ０.５, company 0.5).
    const sheetOf = (department: string, owner: string) => built.cards.find((c) => c.card.department === department && c.card.owner === owner)!.sheet;
    const hyper = values.get(sheetOf('技术部', '=HYPERLINK("http://x","y")'))!;
    expect(hyper.get('B2')).toBe('=HYPERLINK("http://x","y")');
    expect(hyper.get('B3')).toBeCloseTo(0.7, 9);
    const market = values.get(sheetOf('市场部', '张伟'))!;
    expect(market.get('B3')).toBeCloseTo(0.5, 9);
    expect(values.get('目标体系图')!.get('B3')).toBeCloseTo(0.5, 9);
  });

  maybe('formulas naming sheets whose names hold apostrophes, quotes, brackets-made-safe and emoji read those sheets', async () => {
    const dir = await tempDir('lo-refs');
    const namer = new SheetNamer(['汇总']);
    const raw = ["O'Brien", "'引号'", "a''b", "It's 'quoted'", '=SUM(1)', 'x!A1', 'R&D / QA: [核心]*?', '😀王芳😀', '𠀀𠀁𪚥李', '"双引号"', 'History', '个人-' + '欧阳'.repeat(20)];
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('汇总');
    const names = raw.map((r) => namer.take(r));
    names.forEach((name, i) => {
      expect(sheetNameProblem(name)).toBe('');
      wb.addWorksheet(name).getCell('B7').value = `value ${i}`;
      summary.getCell(i + 1, 1).value = { formula: `IF(${sheetRef(name, '$B$7')}="","",${sheetRef(name, '$B$7')})` } as ExcelJS.CellFormulaValue;
    });
    const file = path.join(dir, 'refs.xlsx');
    await wb.xlsx.writeFile(file);
    const [recalculated] = await recalcXlsx([file], path.join(dir, 'recalc'));
    const v = (await readValues(recalculated)).get('汇总')!;
    expect(names.map((_, i) => v.get(`A${i + 1}`))).toEqual(names.map((_, i) => `value ${i}`));
  });
});
