import * as path from 'path';
import { cardProgress } from '../../src/domain/report';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { readOpenBook } from '../../src/office/read-book';
import { tempDir } from '../workbook/build-fixture';
import { cli, editFile, exists, fakeExample, newExample, openXlsx, readBookOf, writeRequests } from './helpers';

const REVIEW = '月（季）绩效回顾表';

describe('a new review month (月（季）绩效回顾表)', () => {
  it('okr-workbook review appends a row per person below everything typed, with progress and deviation filled in', async () => {
    const dir = await tempDir('review');
    const typed = await editFile(await newExample(dir), path.join(dir, 'typed.xlsx'), (wb) => {
      const ws = wb.getWorksheet(REVIEW)!;
      ws.getCell('D5').value = 0.3;
      ws.getCell('E5').value = '质量稳定，按计划推进';
      ws.getCell('N6').value = '服务器采购延迟';
      wb.getWorksheet('个人-刘洋')!.getCell('O7').value = 0.9; // progress of one KR
    });
    const out = path.join(dir, 'reviewed.xlsx');
    const r = await cli('review', typed, '--month', '2026-11', '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/在“月（季）绩效回顾表”末尾为 2026-11 添加了 36 行（预填当前进度和偏差率）/);

    const ws = (await openXlsx(out)).getWorksheet(REVIEW)!;
    // What was typed before is untouched.
    expect([ws.getCell('D5').value, ws.getCell('E5').value, ws.getCell('N6').value]).toEqual([0.3, '质量稳定，按计划推进', '服务器采购延迟']);
    expect(ws.getCell('A40').value).toBe('2026-10');
    expect(ws.getCell('A41').value).toBe('2026-11');
    const book = await readBookOf(typed);
    const expectedShare = 2 / 3; // end of November: two of the quarter's three months
    book.individuals.forEach((card, i) => {
      const r = 41 + i;
      const p = cardProgress(card);
      expect([ws.getCell(r, 1).value, ws.getCell(r, 2).value, ws.getCell(r, 3).value]).toEqual(['2026-11', card.department, card.owner]);
      expect(ws.getCell(r, 4).value ?? null).toBe(p ?? null);
      expect(ws.getCell(r, 11).value ?? null).toBe(p === undefined ? null : (expectedShare - p) / expectedShare);
    });
    const liu = book.individuals.find((c) => c.owner === '刘洋')!;
    expect(cardProgress(liu)).toBeGreaterThan(0);
    expect(ws.getCell('E41').style.protection?.locked).toBe(false); // the review points are typed by people
    expect(ws.rowCount).toBe(76);

    // The same month again: nothing to add, nothing written.
    const again = path.join(dir, 'again.xlsx');
    expect(await cli('review', out, '--month', '2026-11', '--out', again)).toMatchObject({ code: 0, out: '每个人都已有 2026-11 的回顾行，未做任何修改。' });
    expect(await exists(again)).toBe(false);
    expect((await cli('review', out, '--month', '2026-13', '--out', again)).err).toMatch(/月份“2026-13”无效/);
  });

  it('in the open workbook: one write request, and the rows typed before survive', async () => {
    const fake = await fakeExample();
    const st = fake.workbookState;
    st.externalEdit(REVIEW, 'E5', '已完成首轮回顾');
    st.externalEdit('个人-刘洋', 'O7', 0.5);
    fake.stats.reset();
    const r = await createLifecycleActions(fake.run).addReviewMonth({ lang: 'zh-CN', month: '2026-12' });
    expect(r).toMatchObject({ status: 'added', sheet: REVIEW, skipped: 0, expected: 1 });
    expect(writeRequests(fake.stats.log)).toBe(1);
    expect(fake.stats.requests).toBeLessThanOrEqual(3);
    expect(st.sheet(REVIEW).values('E5')).toEqual([['已完成首轮回顾']]);
    const book = await fake.run(readOpenBook);
    const liu = book.individuals.findIndex((c) => c.owner === '刘洋');
    const row = 41 + liu;
    const p = cardProgress(book.individuals[liu])!;
    expect(st.sheet(REVIEW).values(`A${row}:D${row}`)).toEqual([['2026-12', '技术部', '刘洋', p]]);
    expect(st.sheet(REVIEW).values(`K${row}`)[0][0]).toBeCloseTo(1 - p, 12);
    expect(st.sheet(REVIEW).protection.protected).toBe(true);
    const bad = await createLifecycleActions(fake.run).addReviewMonth({ lang: 'en-US', month: 'Nov' });
    expect(bad).toEqual({ status: 'refused', code: 'badMonth', message: 'Month "Nov" is not valid; write it like 2026-11.' });
  });
});
