/**
 * 工号 across quarters: two people named 王磊 swap departments between Q1 and Q2. By their ids each
 * one's carried KR and year row follow the right person; without ids nobody could tell them apart.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addr } from '../../src/templates/a1';
import { cardLayout } from '../../src/templates/card-layout';
import { cli, editFile, openXlsx, readBookOf } from '../lifecycle/helpers';

const HEADER = '层级,部门,负责人,业务类别,目标序号,目标,来源,对齐,目标权重,已协商,KR序号,关键结果,产出成果,衡量标准,评分标准,截止日期,周期,KR权重,进度,自评分,上级评分,状态,结转原因';
const kr = (dept: string, text: string, deadline: string) => ['个人', dept, '王磊', '', 1, `${text}目标`, '自下而上', '', '', '是', 1, text, '报告', '达标', '达标得1分', deadline, '季度', '', '', '', '', '', ''].join(',');

jest.setTimeout(300_000);

test('two 王磊 swap departments: by 工号 the carried KR and the year row follow each of them', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-ids-'));
  try {
    const w = async (name: string, lines: string[]) => { const f = path.join(dir, name); await fs.writeFile(f, lines.join('\n') + '\n'); return f; };
    const org1 = await w('org1.csv', ['部门,姓名,岗位,上级,负责人,工号', '技术部,王磊,工程师,,,001', '市场部,王磊,市场专员,,,002']);
    const org2 = await w('org2.csv', ['部门,姓名,岗位,上级,负责人,工号', '市场部,王磊,工程师,,,001', '技术部,王磊,市场专员,,,002']);
    const okrs = await w('okrs.csv', [HEADER, kr('技术部', '一号王磊的KR', '2027-03-31'), kr('市场部', '二号王磊的KR', '2027-03-31')]);
    const q1 = path.join(dir, 'q1.xlsx');
    expect((await cli('new', '--org', org1, '--okrs', okrs, '--cycle', '2027-Q1', '--out', q1)).code).toBe(0);
    const b1 = await readBookOf(q1);
    const L = cardLayout('individual');
    const typed = await editFile(q1, path.join(dir, 'q1-typed.xlsx'), (wb) => {
      for (const c of b1.individuals) {
        const k = c.objectives[0].krs[0];
        const ws = wb.getWorksheet(c.sheet!)!;
        ws.getCell(k.ref!.managerScore).value = c.department === '技术部' ? 0.9 : 0.3;
        ws.getCell(addr(k.ref!.row, L.col('status'))).value = '结转下期';
        ws.getCell(addr(k.ref!.row, L.col('carryReason'))).value = `${c.department}的原因`;
      }
    });
    const q1s = path.join(dir, 'q1s.xlsx');
    expect((await cli('score', typed, '--out', q1s, '--override', 'ids')).code).toBe(0);
    const q2 = path.join(dir, 'q2.xlsx');
    const r = await cli('next', q1s, '--cycle', '2027-Q2', '--org', org2, '--out', q2);
    expect(r.code).toBe(0);
    const b2 = await readBookOf(q2);
    const one = b2.individuals.find((c) => c.department === '市场部')!;
    const two = b2.individuals.find((c) => c.department === '技术部')!;
    expect(one.objectives[0].krs[0].text).toBe('一号王磊的KR');
    expect(two.objectives[0].krs[0].text).toBe('二号王磊的KR');
    // The year rows: each 王磊's Q1 score stays with their id, now in their new department.
    const ws = (await openXlsx(q2)).getWorksheet('年度结果')!;
    const rows: [unknown, unknown, unknown][] = [];
    for (let i = 5; i <= 6; i++) rows.push([ws.getCell(`B${i}`).value, ws.getCell(`D${i}`).value, ws.getCell(`E${i}`).value]);
    expect(rows.sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([['市场部', '001', 0.9], ['技术部', '002', 0.3]]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
