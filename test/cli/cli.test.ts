import { execFile } from 'child_process';
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { main } from '../../src/cli/main';
import { ROOT, tempDir } from '../workbook/build-fixture';

const ORG = path.join(ROOT, 'examples/org.csv');
const OKRS = path.join(ROOT, 'examples/okrs.csv');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'okr-workbook', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const exists = (f: string) => fs.stat(f).then(() => true, () => false);

describe('okr-workbook command line', () => {
  let dir: string;
  beforeAll(async () => { dir = await tempDir('cli'); });

  it('new writes the workbook from the example organisation and OKRs', async () => {
    const out = path.join(dir, 'okr-2026-Q4.xlsx');
    const r = await run('new', '--org', ORG, '--okrs', OKRS, '--cycle', '2026-Q4', '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/已生成 .*50 个工作表（6 个部门卡，36 个个人卡）/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets).toHaveLength(50);
  });

  it('--lang en-US gives English sheet names and messages; --okrs is optional', async () => {
    const out = path.join(dir, 'blank-en.xlsx');
    const r = await run('new', '--org', ORG, '--cycle', '2027-Q1', '--lang', 'en-US', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*50 sheets/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Guide', 'Settings', 'Target map', 'KR action plan']);
    expect(wb.getWorksheet('Settings')!.getCell('B3').value).toBe('2027-Q1');
    const check = await run('check', out, '--json');
    const json = JSON.parse(check.out);
    expect(json.errors).toBe(0);
    expect(json.findings.every((f: { rule: string }) => f.rule === 'O_COUNT')).toBe(true);
  });

  it('bad organisation data: exit code 2, a message naming file, line and column, and no file left behind', async () => {
    const bad = path.join(dir, 'bad-org.csv');
    await fs.writeFile(bad, '\uFEFF部门,姓名,上级\n技术部,张三,\n技术部,李四,王五\n');
    const out = path.join(dir, 'never.xlsx');
    const r = await run('new', '--org', bad, '--cycle', '2026-Q4', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad-org\.csv/);
    expect(r.err).toMatch(/第3行/);
    expect(r.err).toMatch(/上级/);
    expect(r.err).toMatch(/王五/);
    expect(await exists(out)).toBe(false);
    expect((await fs.readdir(dir)).filter((f) => f.includes('never'))).toEqual([]);
  });

  it('a missing required column and a malformed number are reported in English with --lang en-US', async () => {
    const noName = path.join(dir, 'no-name.csv');
    await fs.writeFile(noName, 'department,position\nTech,Engineer\n');
    const r1 = await run('new', '--org', noName, '--cycle', '2026-Q4', '--out', path.join(dir, 'x.xlsx'), '--lang', 'en-US');
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/no-name\.csv/);
    expect(r1.err).toMatch(/name/);
    const okrs = path.join(dir, 'bad-okrs.csv');
    await fs.writeFile(okrs, 'level,department,owner,objective_no,objective,kr_no,key_result,kr_weight\ncompany,,,1,Grow,1,Revenue,abc\n');
    const r2 = await run('new', '--org', ORG, '--okrs', okrs, '--cycle', '2026-Q4', '--out', path.join(dir, 'y.xlsx'), '--lang', 'en-US');
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/bad-okrs\.csv line 2, column "kr_weight"/);
    expect(await exists(path.join(dir, 'y.xlsx'))).toBe(false);
  });

  it('never overwrites an existing workbook unless told to', async () => {
    const out = path.join(dir, 'typed-in.xlsx');
    await fs.writeFile(out, 'what people typed');
    const r = await run('new', '--org', ORG, '--cycle', '2026-Q4', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/已存在/);
    expect(await fs.readFile(out, 'utf8')).toBe('what people typed');
    expect((await run('new', '--org', ORG, '--cycle', '2026-Q4', '--out', out, '--force')).code).toBe(0);
  });

  it('rejects a malformed cycle and language with exit code 2', async () => {
    expect(await run('new', '--org', ORG, '--cycle', '2026-Q5', '--out', path.join(dir, 'q5.xlsx'))).toMatchObject({ code: 2, err: expect.stringMatching(/2026-Q5/) });
    expect((await run('new', '--org', ORG, '--cycle', '2026-Q1', '--lang', 'fr', '--out', path.join(dir, 'fr.xlsx'))).code).toBe(2);
    expect((await run('new', '--cycle', '2026-Q1')).code).toBe(2);
  });

  it('check reads the example, prints findings, and exits 2 on a file that is not an OKR workbook', async () => {
    const out = path.join(dir, 'check.xlsx');
    await run('new', '--org', ORG, '--okrs', OKRS, '--cycle', '2026-Q4', '--out', out);
    const r = await run('check', out, '--json');
    const json = JSON.parse(r.out);
    expect(r.code).toBe(json.errors > 0 ? 1 : 0);
    expect(json.warnings).toBe(json.findings.length - json.errors);
    for (const f of json.findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'level', 'department', 'owner', 'sheet', 'cell', 'message']);
    const other = path.join(dir, 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budget').getCell('A1').value = 'not OKRs';
    await wb.xlsx.writeFile(other);
    expect(await run('check', other)).toMatchObject({ code: 2, err: expect.stringMatching(/不是OKR工作簿/) });
    const junk = path.join(dir, 'junk.xlsx');
    await fs.writeFile(junk, 'PK\u0003\u0004 truncated');
    expect((await run('check', junk)).code).toBe(2);
  });

  it('the installed bin prints its help (npx okr-workbook --help)', async () => {
    const r = await promisify(execFile)('node', [path.join(ROOT, 'bin/okr-workbook.js'), 'new', '--help']);
    expect(r.stdout).toMatch(/--org <file>/);
    expect(r.stdout).toMatch(/--okrs <file>/);
    expect(r.stdout).toMatch(/--lang <lang>/);
  });
});
