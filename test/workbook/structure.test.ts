import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import { lintFormula } from '../../src/templates/formula-lint';
import { N } from '../../src/templates/names';
import type { WorkbookPlan } from '../../src/templates/plan';
import { tempDir, writeExample } from './build-fixture';

/** What the saved file contains, asserted on the file itself (before any other program touches it). */
describe('generated workbook structure', () => {
  let dir: string;
  let file: string;
  let plan: WorkbookPlan;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = await tempDir('structure');
    const ex = await writeExample(dir);
    file = ex.file;
    plan = ex.built.plan;
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  });

  it('has every sheet of the design, in order, with one card per department and person', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 4)).toEqual(['说明', '设置', '目标体系图', '关键成果KRS和行动实施表']);
    expect(names.slice(-4)).toEqual(['月（季）绩效回顾表', '结果运用', '年度结果', '变更记录']);
    expect(names.filter((n) => n.startsWith('部门-'))).toHaveLength(6);
    expect(names.filter((n) => n.startsWith('个人-'))).toHaveLength(36);
    // Two people called 张伟 get two recognisable sheets.
    expect(names.filter((n) => n.startsWith('个人-张伟'))).toEqual(expect.arrayContaining(['个人-张伟', expect.stringMatching(/^个人-张伟\(.+\)$/)]));
  });

  it('defines the settings as named ranges that formulas and drop-downs use', () => {
    const defined = new Map<string, string[]>();
    for (const n of Object.values(N)) defined.set(n, (wb.definedNames as unknown as { getRanges(n: string): { ranges: string[] } }).getRanges(n).ranges);
    for (const [name, ranges] of defined) expect({ name, ranges }).toEqual({ name, ranges: [expect.stringMatching(/^'?设置'?!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/)] });
    const settings = wb.getWorksheet('设置')!;
    expect(settings.getCell('C20').value).toBe(0.4);
    expect(settings.getCell('C21').value).toBe(0.6);
    expect(settings.getCell('D21').value).toBe(0.7);
    expect(settings.getCell('B13').value).toBe(5);
  });

  it('writes formulas that use only functions safe in Excel 2016, Excel on the web and LibreOffice', () => {
    const formulas: string[] = [];
    for (const s of plan.sheets) {
      for (const row of s.rows) for (const c of row) if (c?.f) formulas.push(c.f);
      for (const v of s.validations) formulas.push(v.formula1, ...(v.formula2 ? [v.formula2] : []));
      for (const cf of s.conditionalFormats) if (cf.kind === 'expression') formulas.push(cf.formula);
    }
    expect(formulas.length).toBeGreaterThan(4000);
    const problems = formulas.flatMap((f) => lintFormula(f));
    expect(problems).toEqual([]);
  });

  it('protects every sheet without a password, locking formulas and leaving input cells open', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const sheetXml = await zip.file('xl/worksheets/sheet7.xml')!.async('string'); // an individual card
    expect(sheetXml).toMatch(/<sheetProtection[^>]*sheet="1"/);
    expect(sheetXml).not.toMatch(/<sheetProtection[^>]*(hashValue|password)=/);
    const card = wb.getWorksheet('个人-张伟')!;
    expect(card.getCell('B3').protection?.locked).not.toBe(false); // card score formula
    expect(card.getCell('R7').protection?.locked).not.toBe(false); // KR final score formula
    expect(card.getCell('V7').protection?.locked).not.toBe(false); // check cell
    expect(card.getCell('A6').protection?.locked).not.toBe(false); // header
    expect(card.getCell('B7').protection?.locked).toBe(false); // objective text
    expect(card.getCell('P7').protection?.locked).toBe(false); // self score
  });

  it('validates entries with drop-downs, 0–1 decimals and cycle dates, with Chinese messages', () => {
    const card = wb.getWorksheet('个人-张伟')!;
    const source = card.getCell('C7').dataValidation;
    expect(source).toMatchObject({ type: 'list', formulae: [N.sources], showErrorMessage: true, errorTitle: '输入无效' });
    expect(card.getCell('P9').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1] });
    expect(card.getCell('E7').dataValidation).toMatchObject({ type: 'decimal' });
    const dl = card.getCell('L7').dataValidation;
    expect(dl?.type).toBe('custom');
    expect(String(dl?.formulae?.[0])).toContain(N.cycleStart);
    expect(dl?.prompt).toMatch(/周期/);
    expect(card.getCell('M7').dataValidation).toMatchObject({ type: 'list', formulae: [N.periods] });
    expect(card.getCell('T7').dataValidation).toMatchObject({ type: 'list', formulae: [N.statuses] });
    expect(card.getCell('F7').dataValidation).toMatchObject({ type: 'list', formulae: [N.yesNo] });
    const map = wb.getWorksheet('目标体系图')!;
    expect(map.getCell('B7').dataValidation).toMatchObject({ type: 'list', formulae: [N.categories] });

    // Sign-off: a prompt on each name cell, a date check on each date cell (the company card signs once).
    const rowOf = (ws: ExcelJS.Worksheet, label: string) => { let at = 0; ws.eachRow((r, i) => { if (r.getCell(1).value === label) at = i; }); return at; };
    for (const [ws, labels] of [[card, ['员工签字', '上级签字']], [map, ['总经理签字']]] as const) {
      for (const label of labels) {
        const r = rowOf(ws, label);
        expect(r).toBeGreaterThan(7);
        expect(ws.getCell(r, 2).dataValidation).toMatchObject({ type: 'textLength', showInputMessage: true, promptTitle: '签字', prompt: expect.stringContaining('协商一致') });
        const date = ws.getCell(r, 4).dataValidation;
        expect(date).toMatchObject({ type: 'custom', showErrorMessage: true, promptTitle: '签字日期' });
        // One rule over the block, relative to its first row (ExcelJS shows that formula on every cell).
        const top = rowOf(ws, labels[0]);
        expect(String(date?.formulae?.[0])).toBe(`AND(ISNUMBER(D${top}),INT(D${top})>=${N.cycleStart}-92,INT(D${top})<=${N.cycleEnd})`);
      }
      expect(ws.getCell(rowOf(ws, labels[0]) - 1, 2).dataValidation?.type).toBeUndefined();
    }
  });

  it('colours ratings, highlights failing checks and shows progress as data bars', () => {
    const card = wb.getWorksheet('个人-张伟')!;
    const cfs = (card as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] }[] }).conditionalFormattings;
    const byRef = (ref: string) => cfs.filter((c) => c.ref === ref).flatMap((c) => c.rules);
    const rating = byRef('D3:D3');
    expect(rating.map((r) => r.style?.fill?.bgColor?.argb)).toEqual(['FFFFC7CE', 'FFFFEB9C', 'FFC6EFCE', 'FFBDD7EE']);
    expect(rating[0].formulae?.[0]).toContain(N.fairFrom);
    const checks = cfs.filter((c) => /^V\d+:V\d+$/.test(c.ref)).flatMap((c) => c.rules);
    expect(checks.map((r) => r.formulae?.[0])).toEqual([expect.stringContaining('"✗"'), expect.stringContaining('"⚠"')]);
    expect(cfs.some((c) => /^O\d+:O\d+$/.test(c.ref) && c.rules[0].type === 'dataBar')).toBe(true);
  });

  it('keeps text that looks like a formula as text', async () => {
    const ws = wb.getWorksheet('说明')!;
    expect(ws.getCell('A1').value).toMatch(/OKR工作簿使用说明/);
  });
});
