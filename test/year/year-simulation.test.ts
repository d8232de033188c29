/**
 * A whole OKR year, as HR runs it with the command line: Q1 → Q2 → Q3 → Q4 through `next` and
 * `score`, with people typing their scores into the cards in between. Along the way: a band HR edits
 * in Q1 stays in force, KRs carried over in Q1 and Q2 (one without a reason, which stays behind), an
 * annual KR changed with approval in Q2, a transfer in Q3 and a leaver in Q4. At the end `year --json`
 * must equal an independent computation from what was typed, and LibreOffice, recalculating
 * 年度结果's formulas, must show the same annual scores, ratings and bonus coefficients.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cardLayout } from '../../src/templates/card-layout';
import { addr } from '../../src/templates/a1';
import { cli, editFile, openXlsx, readBookOf } from '../lifecycle/helpers';
import { readValues, recalcXlsx, sofficeAvailable } from '../support/libreoffice';

const HEADER = '层级,部门,负责人,业务类别,目标序号,目标,来源,对齐,目标权重,已协商,KR序号,关键结果,产出成果,衡量标准,评分标准,截止日期,周期,KR权重,进度,自评分,上级评分,状态,结转原因';
const ORG_HEADER = '部门,姓名,岗位,上级,负责人';

const ORG_Q1 = [ORG_HEADER, '技术部,王磊,技术总监,,是', '技术部,李娜,工程师,王磊,', '市场部,赵强,市场总监,,是', '市场部,孙丽,市场专员,赵强,'];
/** Q3: 李娜 moves to 市场部. Q4: 孙丽 has left. */
const ORG_Q3 = [ORG_HEADER, '技术部,王磊,技术总监,,是', '市场部,李娜,工程师,赵强,', '市场部,赵强,市场总监,,是', '市场部,孙丽,市场专员,赵强,'];
const ORG_Q4 = [ORG_HEADER, '技术部,王磊,技术总监,,是', '市场部,李娜,工程师,赵强,', '市场部,赵强,市场总监,,是'];

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** Each quarter's own OKRs: one quarterly KR per card; Q1 also the year's annual objective of the company and of 王磊. */
function okrs(q: number, org: string[]): string[] {
  const end = `2027-${QUARTER_END[q - 1]}`;
  const people = org.slice(1).map((l) => l.split(','));
  const row = (level: string, dept: string, owner: string, o: number, text: string, kr: number, krText: string, period = '季度', deadline = end) =>
    [level, dept, owner, level === '公司' ? '其他' : '', o, text, '自下而上', '', '', '是', kr, krText, '报告', '达标', '达标得1分', deadline, period, '', '', '', '', '', ''].join(',');
  const lines = [HEADER, row('公司', '', '', 1, `公司Q${q}目标`, 1, `公司Q${q}关键结果`)];
  if (q === 1) lines.push(row('公司', '', '', 2, '全年营收目标', 1, '全年营收达到1亿元', '年度', '2027-12-31'));
  for (const d of ['技术部', '市场部']) lines.push(row('部门', d, '', 1, `${d}Q${q}目标`, 1, `${d}Q${q}关键结果`));
  for (const [dept, name] of people) {
    lines.push(row('个人', dept, name, 1, `${name}Q${q}目标`, 1, `${name}Q${q}关键结果一`));
    lines.push(row('个人', dept, name, 1, `${name}Q${q}目标`, 2, `${name}Q${q}关键结果二`));
  }
  if (q === 1) lines.push(row('个人', '技术部', '王磊', 2, '全年平台稳定', 1, '全年可用性达到99.9%', '年度', '2027-12-31'));
  return lines;
}

/** What each person's manager scores every KR of their card, quarter by quarter (null: not scored, the person left). */
const SCORES: Record<string, (number | null)[]> = {
  王磊: [0.8, 0.75, 0.72, 0.7],
  李娜: [0.5, 0.65, 0.75, 0.4],
  赵强: [0.9, 0.3, 0.2, 0.66],
  孙丽: [0.62, 0.58, 0.61, null],
};
const DEPT_SCORES: Record<string, number[]> = { 技术部: [0.7, 0.6, 0.5, 0.4], 市场部: [0.45, 0.55, 0.65, 0.75] };
const COMPANY_SCORES = [0.6, 0.7, 0.65, 0.75];

let dir: string;
beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-year-')); });
afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

async function write(name: string, lines: string[]): Promise<string> {
  const f = path.join(dir, name);
  await fs.writeFile(f, lines.join('\n') + '\n', 'utf8');
  return f;
}

async function ok(...args: string[]): Promise<string> {
  const r = await cli(...args);
  if (r.code !== 0) throw new Error(`${args.join(' ')}\n${r.err}\n${r.out}`);
  return r.out;
}

const CARD = cardLayout('individual');

/** People type their manager scores into every KR, and mark carry-overs; returns the typed file. */
async function typeScores(file: string, q: number, extra: (wb: import('exceljs').Workbook) => void = () => undefined): Promise<string> {
  const book = await readBookOf(file);
  const out = file.replace(/\.xlsx$/, '-typed.xlsx');
  await editFile(file, out, (wb) => {
    const cards = [book.company, ...book.departments, ...book.individuals];
    for (const c of cards) {
      const v = c.level === 'company' ? COMPANY_SCORES[q - 1] : c.level === 'department' ? DEPT_SCORES[c.department ?? ''][q - 1] : SCORES[c.owner ?? ''][q - 1];
      for (const o of c.objectives) for (const kr of o.krs) if (kr.ref && v !== null) wb.getWorksheet(kr.ref.sheet)!.getCell(kr.ref.managerScore).value = v;
    }
    extra(wb);
  });
  return out;
}

function markCarried(wb: import('exceljs').Workbook, sheet: string, row: number, reason: string): void {
  const ws = wb.getWorksheet(sheet)!;
  ws.getCell(addr(row, CARD.col('status'))).value = '结转下期';
  ws.getCell(addr(row, CARD.col('carryReason'))).value = reason;
}

interface YearJson {
  year: number;
  people: { name: string; department: string; quarters: Record<string, number | null>; score: number | null; rating: string | null; bonus: number | null }[];
  departments: { name: string; quarters: Record<string, number | null>; score: number | null; rating: string | null; bonus: number | null }[];
  company: { quarters: Record<string, number | null>; score: number | null; rating: string | null; bonus: number | null };
}

/** The independent computation: the mean of the scored quarters, rated by the bands in force (HR's edit: GOOD up to 0.8). */
function expected(scores: (number | null)[]): { score: number | null; rating: string | null; bonus: number | null } {
  const s = scores.filter((x): x is number => x !== null);
  if (!s.length) return { score: null, rating: null, bonus: null };
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const r = Math.round(mean * 10000) / 10000;
  const rating = r <= 0.4 ? 'BAD' : r < 0.6 ? 'FAIR' : r <= 0.8 ? 'GOOD' : 'EXCELLENT';
  return { score: mean, rating, bonus: { BAD: 0, FAIR: 0.6, GOOD: 1, EXCELLENT: 1.2 }[rating] ?? null };
}

jest.setTimeout(600_000);

test('a whole year: four quarters through next and score, then year --json and LibreOffice agree with the independent computation', async () => {
  // ---- Q1: generated; HR edits the GOOD band's top in 设置 (0.7 → 0.8); 李娜 carries a KR over, 赵强 marks one without a reason.
  const q1 = path.join(dir, 'q1.xlsx');
  await ok('new', '--org', await write('org1.csv', ORG_Q1), '--okrs', await write('okrs1.csv', okrs(1, ORG_Q1)), '--cycle', '2027-Q1', '--out', q1);
  const b1 = await readBookOf(q1);
  const lina1 = b1.individuals.find((c) => c.owner === '李娜')!;
  const zhao1 = b1.individuals.find((c) => c.owner === '赵强')!;
  const q1typed = await typeScores(q1, 1, (wb) => {
    wb.getWorksheet('设置')!.getCell('D21').value = 0.8;
    // HR's own decision column in 年度结果: it must survive every scoring and next of the year.
    wb.getWorksheet('年度结果')!.getCell('W5').value = '年中复核';
    markCarried(wb, lina1.sheet!, lina1.objectives[0].krs[1].ref!.row, '客户推迟验收');
    markCarried(wb, zhao1.sheet!, zhao1.objectives[0].krs[0].ref!.row, '');
  });
  const q1s = path.join(dir, 'q1s.xlsx');
  await ok('score', q1typed, '--out', q1s, '--override', '年度模拟');

  // ---- Q2: the next quarter; the carried KR is there with its origin, the annual KRs too.
  const q2 = path.join(dir, 'q2.xlsx');
  const next2 = await ok('next', q1s, '--cycle', '2027-Q2', '--okrs', await write('okrs2.csv', okrs(2, ORG_Q1)), '--out', q2);
  expect(next2).toContain('结转KR 1 个');
  expect(next2).toContain(`未结转 ${zhao1.sheet}!`);
  const b2 = await readBookOf(q2);
  expect(b2.settings.bands.goodTo).toBe(0.8);
  const lina2 = b2.individuals.find((c) => c.owner === '李娜')!;
  const carried = lina2.objectives.flatMap((o) => o.krs).find((k) => k.text === '李娜Q1关键结果二')!;
  expect(carried.carryOverReason).toBe(`结转自 2027-Q1 ${lina1.sheet} 目标1 KR2（进度 —）：客户推迟验收`);
  expect(carried.deadline).toBe('2027-06-30');
  const wang2 = b2.individuals.find((c) => c.owner === '王磊')!;
  const annualKr = wang2.objectives.flatMap((o) => o.krs).find((k) => k.period === 'annual')!;
  expect(annualKr.text).toBe('全年可用性达到99.9%');
  expect(b2.lock).toBeUndefined();

  // In Q2 the annual KR is changed with approval (logged in 变更记录), and 王磊 carries his quarterly KR.
  const q2typed = await typeScores(q2, 2, (wb) => {
    const log = wb.getWorksheet('变更记录')!;
    let r = 5;
    while (log.getCell(r, 1).value !== null || log.getCell(r, 2).value !== null) r++;
    log.getRow(r).values = [new Date(Date.UTC(2027, 4, 10)), '年度KR调整', annualKr.ref!.sheet, annualKr.ref!.text, '全年可用性达到99.9%', '全年可用性达到99.95%', '王磊', '赵强', new Date(Date.UTC(2027, 4, 12))];
    const wangKr = wang2.objectives.flatMap((o) => o.krs).find((k) => k.text === '王磊Q2关键结果一')!;
    markCarried(wb, wang2.sheet!, wangKr.ref!.row, '依赖的供应商延期');
  });
  const q2s = path.join(dir, 'q2s.xlsx');
  await ok('score', q2typed, '--out', q2s, '--override', '年度模拟');

  // ---- Q3: 李娜 moves to 市场部; her year row and card follow her.
  const q3 = path.join(dir, 'q3.xlsx');
  const next3 = await ok('next', q2s, '--cycle', '2027-Q3', '--org', await write('org3.csv', ORG_Q3), '--okrs', await write('okrs3.csv', okrs(3, ORG_Q3)), '--out', q3);
  expect(next3).toContain('李娜 由 技术部 调到 市场部');
  const b3 = await readBookOf(q3);
  const wang3 = b3.individuals.find((c) => c.owner === '王磊')!;
  expect(wang3.objectives.flatMap((o) => o.krs).find((k) => k.period === 'annual')!.text).toBe('全年可用性达到99.95%');
  expect(wang3.objectives.flatMap((o) => o.krs).some((k) => k.text === '王磊Q2关键结果一' && (k.carryOverReason ?? '').includes('依赖的供应商延期'))).toBe(true);
  expect(b3.individuals.find((c) => c.owner === '李娜')!.department).toBe('市场部');
  const q3s = path.join(dir, 'q3s.xlsx');
  await ok('score', await typeScores(q3, 3), '--out', q3s, '--override', '年度模拟');

  // ---- Q4: 孙丽 has left.
  const q4 = path.join(dir, 'q4.xlsx');
  const next4 = await ok('next', q3s, '--cycle', '2027-Q4', '--org', await write('org4.csv', ORG_Q4), '--okrs', await write('okrs4.csv', okrs(4, ORG_Q4)), '--out', q4);
  expect(next4).toContain('市场部 孙丽 不在新的组织架构中');
  const q4s = path.join(dir, 'q4s.xlsx');
  await ok('score', await typeScores(q4, 4), '--out', q4s, '--override', '年度模拟');
  expect((await readBookOf(q4s)).settings.bands.goodTo).toBe(0.8);
  const wbYear = (await openXlsx(q4s)).getWorksheet('年度结果')!;
  expect([wbYear.getCell('C5').value, wbYear.getCell('W5').value]).toEqual(['王磊', '年中复核']);

  // ---- The year, against the independent computation.
  const y = JSON.parse(await ok('year', q4s, '--json')) as YearJson;
  expect(y.year).toBe(2027);
  const where: Record<string, string> = { 王磊: '技术部', 李娜: '市场部', 赵强: '市场部', 孙丽: '市场部' };
  expect(y.people.map((p) => p.name).sort()).toEqual(Object.keys(SCORES).sort());
  for (const p of y.people) {
    const typed = SCORES[p.name];
    expect(p.department).toBe(where[p.name]);
    expect([p.quarters.Q1, p.quarters.Q2, p.quarters.Q3, p.quarters.Q4]).toEqual(typed.map((x) => (x === null ? null : expect.closeTo(x, 10))));
    const e = expected(typed);
    expect(p.score).toBeCloseTo(e.score!, 10);
    expect([p.rating, p.bonus]).toEqual([e.rating, e.bonus]);
  }
  for (const d of y.departments) {
    const e = expected(DEPT_SCORES[d.name]);
    expect(d.score).toBeCloseTo(e.score!, 10);
    expect(d.rating).toBe(e.rating);
  }
  expect(y.company.score).toBeCloseTo(expected(COMPANY_SCORES).score!, 10);
  // 王磊's mean 0.7425 is GOOD only by HR's band (GOOD up to 0.8): with the default (0.7) it would be EXCELLENT.
  expect(y.people.find((p) => p.name === '王磊')!.rating).toBe('GOOD');
  expect(y.people.find((p) => p.name === '孙丽')!.quarters.Q4).toBeNull();

  // ---- LibreOffice recalculates 年度结果 to the same numbers.
  if (!sofficeAvailable()) throw new Error('LibreOffice (soffice) is needed for this test: node scripts/test-prereqs.js --list');
  const [recalc] = await recalcXlsx([q4s], path.join(dir, 'lo'));
  const sheet = (await readValues(recalc)).get('年度结果')!;
  const rows = new Map<string, { score: unknown; rating: unknown; bonus: unknown }>();
  for (let r = 5; r <= 20; r++) {
    const level = sheet.get(`A${r}`);
    if (!level) continue;
    rows.set(`${level}|${sheet.get(`B${r}`) ?? ''}|${sheet.get(`C${r}`) ?? ''}`, { score: sheet.get(`M${r}`), rating: sheet.get(`N${r}`), bonus: sheet.get(`O${r}`) });
  }
  const label: Record<string, string> = { BAD: '差', FAIR: '待改进', GOOD: '良好', EXCELLENT: '优秀' };
  for (const p of y.people) {
    const lo = rows.get(`个人|${p.department}|${p.name}`)!;
    expect(lo.score as number).toBeCloseTo(p.score!, 9);
    expect(lo.rating).toBe(label[p.rating!]);
    expect(lo.bonus).toBe(p.bonus);
  }
  for (const d of y.departments) expect(rows.get(`部门|${d.name}|`)!.score as number).toBeCloseTo(d.score!, 9);
  expect(rows.get('公司||')!.score as number).toBeCloseTo(y.company.score!, 9);
});
