/**
 * Sheet names made from people and departments are always valid, unique and recognisable: Excel's
 * forbidden characters, apostrophes at the ends, more than 31 UTF-16 units, names differing only in
 * case or width, the same name in two departments, emoji and rare CJK (never split) — unit cases, a
 * property test over thousands of random names, and whole workbooks through both adapters.
 */
import { readTableFile } from '../../src/xlsx/table';
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseCycle } from '../../src/domain/cycle';
import { DEFAULT_SETTINGS, type Organisation } from '../../src/domain/model';
import { cleanText, parseOrgTable } from '../../src/io/import';
import { createPaneActions } from '../../src/office/pane-actions';
import { buildWorkbook } from '../../src/templates/build';
import { cleanSheetName, MAX_SHEET_NAME, SheetNamer, sheetNameKey } from '../../src/templates/sheet-names';
import { planWorkbook } from '../support/plan-file';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { departmentName, personName, randomUnicode, Rng } from '../../scripts/fuzz/generators';
import { HOSTILE_ORG_CSV } from './fixture';
import { cli, sheetNameProblem, tempDir } from './support';

const CYCLE = parseCycle('2026-Q4')!;
const FIXED = ['说明', '设置', '目标体系图', '关键成果KRS和行动实施表', '月（季）绩效回顾表', '结果运用', '变更记录'];
// Intl.Segmenter is ES2022 (the project's lib is ES2020); Node 20 has it.
type Seg = new (l?: string, o?: { granularity: 'grapheme' }) => { segment(s: string): Iterable<{ segment: string }> };
const segmenter = new (Intl as unknown as { Segmenter: Seg }).Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (s: string): string[] => Array.from(segmenter.segment(s), (x) => x.segment);

describe('cleanSheetName', () => {
  it.each([
    ['a\\b/c?d*e[f]g:h', 'a_b_c_d_e_f_g_h'],
    ["'引号'", '引号'],
    ["''x''", 'x'],
    ["'", 'Sheet'],
    ['', 'Sheet'],
    ['   ', 'Sheet'],
    ['History', 'History_'],
    ['HISTORY', 'HISTORY_'],
    ['tab\there\nnew', 'tab here new'],
    ['ctl\u0000\u0001\u001f\u007f\u0085x', 'ctlx'],
    ['bad\ufffe\uffff\ufeffchars', 'badchars'],
    ['lone\ud800high', 'lonehigh'],
    ['lone\udc00low', 'lonelow'],
    ['=HYPERLINK("http://x","y")', '=HYPERLINK("http___x","y")'],
    ["O'Brien", "O'Brien"],
  ])('%j → %j', (raw, want) => {
    expect(cleanSheetName(raw)).toBe(want);
    expect(sheetNameProblem(cleanSheetName(raw))).toBe('');
  });

  it('counts UTF-16 units as Excel does and never splits a surrogate pair or a composed character', () => {
    expect(cleanSheetName('x'.repeat(40))).toBe('x'.repeat(31));
    expect(cleanSheetName('😀'.repeat(20))).toBe('😀'.repeat(15)); // 30 units: a 16th would make 32
    expect(cleanSheetName('a' + '😀'.repeat(20))).toBe('a' + '😀'.repeat(15)); // 31 units
    expect(cleanSheetName('𠀀'.repeat(16))).toBe('𠀀'.repeat(15));
    expect(cleanSheetName('ab' + '𪚥'.repeat(16))).toBe('ab' + '𪚥'.repeat(14)); // 30: half a 𪚥 would be invalid
    const family = '👨‍👩‍👧‍👦';
    expect(family.length).toBe(11);
    expect(cleanSheetName(family.repeat(4))).toBe(family.repeat(2)); // a third family does not fit whole
    expect(cleanSheetName('x'.repeat(30) + 'e\u0301')).toBe('x'.repeat(30)); // é (e + accent) kept whole or not at all
    expect(cleanSheetName("x".repeat(30) + "'y")).toBe('x'.repeat(30)); // cut before an apostrophe that would end it
  });
});

describe('SheetNamer', () => {
  it('gives the same name in two departments, and names differing only in case or width, the department', () => {
    const n = new SheetNamer(FIXED);
    expect(n.take('个人-张伟', '技术部')).toBe('个人-张伟');
    expect(n.take('个人-张伟', '市场部')).toBe('个人-张伟(市场部)');
    expect(n.take('个人-Anna', '技术部')).toBe('个人-Anna');
    expect(n.take('个人-ANNA', '市场部')).toBe('个人-ANNA(市场部)');
    expect(n.take('个人-Ａｎｎａ', '财务部')).toBe('个人-Ａｎｎａ(财务部)');
    expect(n.take('个人-anna', '市场部')).toBe('个人-anna(市场部)(2)');
    expect(n.take('设置', '技术部')).toBe('设置(技术部)'); // a fixed sheet's name is taken
    expect(n.take('history')).toBe('history_'); // reserved by Excel
  });

  it('keeps names that must be cut distinct and recognisable, with the qualifier cut too', () => {
    const n = new SheetNamer();
    const long = '个人-' + '欧阳'.repeat(20);
    const a = n.take(long, '技术部');
    const b = n.take(long, '市场部');
    const c = n.take(long, '市场部');
    const d = n.take(long, '研发中心' + '很长'.repeat(20));
    expect(a).toBe(long.slice(0, 31));
    expect(b).toMatch(/^个人-欧阳欧阳.*\(市场部\)$/);
    expect(c).toMatch(/^个人-欧阳欧阳.*\(市场部\)\(2\)$/);
    expect(d).toMatch(/^个人-欧阳.*\(研发中心很长很长很长很长\)$/);
    for (const x of [a, b, c, d]) expect(sheetNameProblem(x)).toBe('');
    expect(new Set([a, b, c, d].map(sheetNameKey)).size).toBe(4);
  });

  it('property: thousands of random names in random departments always give valid, unique, recognisable names', () => {
    const rng = new Rng(20260101);
    let checked = 0;
    for (let book = 0; book < 60; book++) {
      const n = new SheetNamer(FIXED);
      const depts = Array.from({ length: rng.between(1, 6) }, () => departmentName(rng));
      const taken = new Set<string>(FIXED.map(sheetNameKey));
      for (let i = 0; i < 100; i++) {
        const raw = rng.chance(0.2) ? randomUnicode(rng, rng.between(1, 50)) : personName(rng);
        const dept = rng.pick(depts);
        const prefix = rng.pick(['个人-', 'P-', '部门-', '']);
        const name = n.take(prefix + raw, dept);
        checked++;
        expect({ raw, name, problem: sheetNameProblem(name) }).toEqual({ raw, name, problem: '' });
        expect(taken.has(sheetNameKey(name))).toBe(false);
        expect(taken.has(name.toLowerCase())).toBe(false);
        taken.add(sheetNameKey(name));
        taken.add(name.toLowerCase());
        // Recognisable: it starts with the start of the cleaned name (at least its first 10 units).
        const plain = cleanSheetName(prefix + raw);
        let start = '';
        for (const g of graphemes(plain)) {
          if (start.length + g.length > 10) break;
          start += g;
        }
        expect({ raw, name, starts: name.startsWith(start.replace(/[\s']+$/, '')) }).toEqual({ raw, name, starts: true });
        expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
      }
    }
    expect(checked).toBe(6000);
  });
});

async function hostileOrg(): Promise<Organisation> {
  return parseOrgTable(await readTableFile('org.csv', Buffer.from(HOSTILE_ORG_CSV)), 'zh-CN');
}

describe('workbooks of hostile organisations', () => {
  it('the plan names every sheet validly and uniquely, and the department tells apart people of the same name', async () => {
    const org = await hostileOrg();
    const { plan, cards } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, org });
    const names = plan.sheets.map((s) => s.name);
    for (const n of names) expect({ n, problem: sheetNameProblem(n) }).toEqual({ n, problem: '' });
    expect(new Set(names.map(sheetNameKey)).size).toBe(names.length);
    const sheetOf = (department: string, name: string) => cards.find((c) => c.card.department === department && c.card.owner === name)?.sheet;
    expect(sheetOf('技术部', '张伟')).toBe('个人-张伟');
    expect(sheetOf('市场部', '张伟')).toBe('个人-张伟(市场部)');
    expect(sheetOf('技术部', 'Anna')).toBe('个人-Anna');
    expect(sheetOf('市场部', 'ANNA')).toBe('个人-ANNA(市场部)');
    expect(sheetOf('技术部', "O'Brien")).toBe("个人-O'Brien");
    expect(sheetOf('技术部', "'引号'")).toBe("个人-'引号");
    expect(sheetOf('技术部', 'a/b\\c?d*e[f]g:h')).toBe('个人-a_b_c_d_e_f_g_h');
    expect(sheetOf('市场部', '😀王芳😀')).toBe('个人-😀王芳😀');
    expect(sheetOf('市场部', '𠀀𠀁𪚥李')).toBe('个人-𠀀𠀁𪚥李');
    expect(sheetOf('技术部', '欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜')).toHaveLength(31);
    expect(names).toEqual(expect.arrayContaining(['部门-R&D _ QA_ _核心___', "部门-'引号部", '部门-' + '𠀀'.repeat(14), '个人-History']));
  });

  it('random organisations: every sheet name valid and unique, written and read back by ExcelJS unchanged', async () => {
    const rng = new Rng(7);
    for (let k = 0; k < 30; k++) {
      // Names as the importer hands them over: cleaned of what no workbook can hold (cleanText), trimmed.
      const depts = Array.from({ length: rng.between(1, 4) }, () => cleanText(departmentName(rng)).trim() || '部门');
      const people = Array.from({ length: rng.between(1, 25) }, () => ({ name: cleanText(personName(rng)).trim() || '某人', department: rng.pick(depts), head: false }));
      const seen = new Set<string>();
      const org: Organisation = {
        departments: depts.map((name) => ({ name })),
        people: people.filter((p) => !seen.has(`${p.department}|${p.name}`) && seen.add(`${p.department}|${p.name}`)),
      };
      const { plan } = buildWorkbook({ lang: rng.pick(['zh-CN', 'en-US'] as const), cycle: CYCLE, settings: DEFAULT_SETTINGS, org });
      const names = plan.sheets.map((s) => s.name);
      for (const n of names) expect({ n, problem: sheetNameProblem(n) }).toEqual({ n, problem: '' });
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      if (k % 10 === 0) {
        const buf = Buffer.from(await (await planWorkbook(plan)).xlsx.writeBuffer());
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
        expect(wb.worksheets.map((w) => w.name)).toEqual(names);
      }
    }
  });

  it('add-in: the in-memory Excel (which refuses invalid names as Excel does) takes every sheet of a hostile organisation', async () => {
    const org = await hostileOrg();
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    const summary = await createPaneActions(fake.run).generate({ cycle: CYCLE, lang: 'zh-CN', settings: DEFAULT_SETTINGS }, org, () => undefined);
    expect(summary.skipped).toBe(false);
    const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, org });
    expect(fake.workbookState.sheetNames()).toEqual(['Sheet1', ...plan.sheets.map((s) => s.name)]);
  });

  it('the command line writes the hostile organisation and its workbook reads back', async () => {
    const dir = await tempDir('names');
    const orgFile = path.join(dir, 'org.csv');
    await fs.writeFile(orgFile, HOSTILE_ORG_CSV);
    const out = path.join(dir, 'book.xlsx');
    expect(await cli('new', '--org', orgFile, '--cycle', '2026-Q4', '--out', out)).toMatchObject({ code: 0, err: '' });
    const check = await cli('check', out, '--json');
    expect(check.code).toBeLessThan(2);
    const sheets = new Set(JSON.parse(check.out).findings.map((f: { sheet: string }) => f.sheet));
    expect(sheets).toContain('个人-张伟(市场部)');
  });
});
