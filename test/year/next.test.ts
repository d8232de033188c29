/** `okr-workbook next` and `year` as a person runs them on the example workbook: refusals, history, annual KRs, HR's columns. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli, editFile, newExample, openXlsx, readBookOf } from '../lifecycle/helpers';

let dir: string;
let scored: string;
let book: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-next-'));
  book = await newExample(dir);
  // HR types a decision into 年度结果 before the quarter is scored; scoring must leave it.
  const typed = await editFile(book, path.join(dir, 'typed.xlsx'), (wb) => { wb.getWorksheet('年度结果')!.getCell('S6').value = '晋升面谈'; });
  scored = path.join(dir, 'scored.xlsx');
  const r = await cli('score', typed, '--out', scored, '--override', '测试');
  if (r.code !== 0) throw new Error(r.err);
}, 300_000);
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

jest.setTimeout(300_000);

test('a quarter not scored is refused, and goes on with --override, the reason logged in the new quarter', async () => {
  const out = path.join(dir, 'q1-override.xlsx');
  const r = await cli('next', book, '--cycle', '2027-Q1', '--out', out);
  expect(r.code).toBe(2);
  expect(r.err).toContain('2026-Q4 尚未进行季度评分');
  await expect(fs.stat(out)).rejects.toThrow();
  const ok = await cli('next', book, '--cycle', '2027-Q1', '--out', out, '--override', '年初系统切换', '--by', '周丽华');
  expect(ok.code).toBe(0);
  const log = (await readBookOf(out)).changeLog;
  expect(log[log.length - 1]).toMatchObject({ kind: 'next', oldText: '2026-Q4', requester: '周丽华', note: '年初系统切换（上季度未评分）' });
});

test('a cycle not after the workbook\'s, and the workbook itself as --out, are refused', async () => {
  const before = await cli('next', scored, '--cycle', '2026-Q3', '--out', path.join(dir, 'x.xlsx'));
  expect(before.code).toBe(2);
  expect(before.err).toContain('2026-Q3 不在 2026-Q4 之后');
  const same = await cli('next', scored, '--cycle', '2027-Q1', '--out', scored, '--force');
  expect(same.code).toBe(2);
  expect(same.err).toContain('--out 不能是当前季度的工作簿');
  const bad = await cli('next', scored, '--cycle', '2027Q5', '--out', path.join(dir, 'y.xlsx'));
  expect(bad.code).toBe(2);
});

test('into a new year the annual KRs stay behind unless --carry-annual brings them as drafts; the history comes along', async () => {
  const plain = path.join(dir, 'q1.xlsx');
  const r = await cli('next', scored, '--cycle', '2027-Q1', '--out', plain);
  expect(r.code).toBe(0);
  expect(r.out).toContain('上一年的 13 个年度KR没有带入');
  const b = await readBookOf(plain);
  expect(b.cycle).toMatchObject({ year: 2027, quarter: 1 });
  const annualOf = (x: typeof b) => [x.company, ...x.departments, ...x.individuals].flatMap((c) => c.objectives.flatMap((o) => o.krs)).filter((k) => k.period === 'annual');
  expect(annualOf(b)).toHaveLength(0);
  expect(b.lock).toBeUndefined();

  const carry = path.join(dir, 'q1-annual.xlsx');
  expect((await cli('next', scored, '--cycle', '2027-Q1', '--carry-annual', '--out', carry)).code).toBe(0);
  const c = await readBookOf(carry);
  const annual = annualOf(c);
  expect(annual).toHaveLength(13);
  expect(annual.every((k) => k.deadline === '2027-12-31' && k.selfScore === undefined && k.managerScore === undefined)).toBe(true);
  expect([c.company, ...c.departments, ...c.individuals].every((card) => !card.signOff.employee && !card.signOff.manager)).toBe(true);

  // The register's rows come as history, read-only; the new year's 年度结果 starts empty.
  const wb = await openXlsx(carry);
  const reg = wb.getWorksheet('结果运用')!;
  expect(reg.getCell('A5').value).toBe('2026-Q4');
  expect(reg.getCell('A5').protection?.locked).not.toBe(false);
  expect(wb.getWorksheet('年度结果')!.getCell('A1').value).toBe('年度结果 2027');
  expect(wb.getWorksheet('年度结果')!.getCell('H6').value).toBeNull();
});

test('HR\'s column in 年度结果 survives scoring; year --json reads the quarter', async () => {
  const wb = await openXlsx(scored);
  const ws = wb.getWorksheet('年度结果')!;
  expect(ws.getCell('S6').value).toBe('晋升面谈');
  expect(typeof ws.getCell('H6').value).toBe('number');
  const y = JSON.parse((await cli('year', scored, '--json')).out);
  expect(y.year).toBe(2026);
  const lin = y.people.find((p: { name: string }) => p.name === '林晓燕');
  expect(lin.quarters).toEqual({ Q1: null, Q2: null, Q3: null, Q4: lin.score });
  expect(lin.rating).toBe('GOOD');
  expect(lin.bonus).toBe(1);
});

test('en-US: next and year speak English', async () => {
  const en = await newExample(dir, 'en.xlsx', 'en-US');
  const r = await cli('next', en, '--cycle', '2027-Q1', '--out', path.join(dir, 'en-q1.xlsx'));
  expect(r.code).toBe(2);
  expect(r.err).toContain('2026-Q4 has not been scored');
  const y = await cli('year', en);
  expect(y.code).toBe(0);
  expect(y.out.split('\n')[0]).toBe('2026 annual results');
});
