import * as path from 'path';
import { cardProgress } from '../../src/domain/report';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { readOpenBook } from '../../src/office/read-book';
import { tempDir } from '../workbook/build-fixture';
import { cli, editFile, exists, fakeExample, newExample, openXlsx, readBookOf, rowsWith, writeRequests } from './helpers';

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
    expect((await cli('review', out, '--month', '2026-13', '--out', again)).err).toMatch(/回顾期“2026-13”无效：月份应写作 2026-11，周应写作 2026-W45/);
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
    expect(bad).toEqual({ status: 'refused', code: 'badMonth', message: 'The review period "Nov" is not valid: write a month like 2026-11 or an ISO week like 2026-W45.' });
    // October's rows were written by the generator: filled in place, in one request, nothing appended.
    fake.stats.reset();
    const oct = await createLifecycleActions(fake.run).addReviewMonth({ lang: 'zh-CN', month: '2026-10' });
    expect(oct).toMatchObject({ status: 'added', added: [], filled: expect.any(Number) });
    expect(oct.status === 'added' && oct.filled).toBeGreaterThan(0);
    expect(writeRequests(fake.stats.log)).toBe(1);
    const liuOct = 5 + liu;
    expect(st.sheet(REVIEW).values(`A${liuOct}:D${liuOct}`)).toEqual([['2026-10', '技术部', '刘洋', p]]);
    expect(st.sheet(REVIEW).values(`K${liuOct}`)[0][0]).toBeCloseTo((1 / 3 - p) / (1 / 3), 12);
    const outside = await createLifecycleActions(fake.run).addReviewMonth({ lang: 'en-US', month: '2026-W39' });
    expect(outside).toMatchObject({ status: 'refused', code: 'periodOutsideCycle', message: 'The review period 2026-W39 is outside this cycle, 2026-Q4 (2026-10-01 to 2026-12-31); nothing was changed. Choose a month or week of the cycle.' });
  });

  it('the first month\'s rows that `new` wrote get their progress and deviation; a row someone typed in is left alone', async () => {
    const dir = await tempDir('review-first');
    let liuRow = 0;
    const typed = await editFile(await newExample(dir), path.join(dir, 'typed.xlsx'), (wb) => {
      const sheet = wb.getWorksheet(REVIEW)!;
      liuRow = rowsWith(sheet, 3, '刘洋')[0];
      sheet.getCell(liuRow, 4).value = 0.3; // 刘洋's October row, typed in
    });
    const out = path.join(dir, 'october.xlsx');
    const r = await cli('review', typed, '--month', '2026-10', '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/：为 (\d+) 人已有的 2026-10 空白行填入数据（预填当前进度和偏差率）；(\d+) 人已有该期的行，未改动。$/);
    const book = await readBookOf(typed);
    const withKrs = book.individuals.filter((c) => cardProgress(c) !== undefined);
    expect(cardProgress(book.individuals.find((c) => c.owner === '刘洋')!)).toBeDefined(); // a row that could have been filled
    const [, filledN, skippedN] = /为 (\d+) 人.*；(\d+) 人/.exec(r.out)!.map(Number);
    expect([filledN, skippedN]).toEqual([withKrs.length - 1, 36 - withKrs.length + 1]);
    const ws = (await openXlsx(out)).getWorksheet(REVIEW)!;
    expect(ws.rowCount).toBe(40); // nothing appended
    expect(ws.getCell(liuRow, 4).value).toBe(0.3);
    expect(ws.getCell(liuRow, 11).value ?? null).toBeNull();
    for (let row = 5; row <= 40; row++) {
      if (row === liuRow) continue;
      const card = book.individuals.find((c) => c.owner === ws.getCell(row, 3).value && c.department === ws.getCell(row, 2).value)!;
      const p = cardProgress(card);
      expect(ws.getCell(row, 1).value).toBe('2026-10');
      expect(ws.getCell(row, 4).value ?? null).toBe(p ?? null);
      expect(ws.getCell(row, 11).value ?? null).toBe(p === undefined ? null : (1 / 3 - p) / (1 / 3));
    }
    // Once filled, the same month again has nothing to do.
    expect((await cli('review', out, '--month', '2026-10', '--out', path.join(dir, 'x.xlsx'))).out).toBe('每个人都已有 2026-10 的回顾行，未做任何修改。');
  });

  it('okr-workbook review --week adds an ISO week\'s rows, planned by the days elapsed; a period outside the cycle is refused', async () => {
    const dir = await tempDir('review-week');
    const book = await newExample(dir);
    const out = path.join(dir, 'w45.xlsx');
    const r = await cli('review', book, '--week', '2026-w45', '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/末尾为 2026-W45 添加了 36 行/);
    const ws = (await openXlsx(out)).getWorksheet(REVIEW)!;
    const cards = (await readBookOf(book)).individuals;
    const share = 39 / 92; // 2026-W45 ends on Sunday 8 November: 31 + 8 of the quarter's 92 days
    cards.forEach((card, i) => {
      const row = 41 + i;
      const p = cardProgress(card);
      expect(ws.getCell(row, 1).value).toBe('2026-W45');
      expect(ws.getCell(row, 11).value ?? null).toBe(p === undefined ? null : (share - p) / share);
    });
    const refused = await cli('review', book, '--month', '2027-01', '--out', path.join(dir, 'x.xlsx'));
    expect(refused).toMatchObject({ code: 2, err: expect.stringContaining('回顾期 2027-01 不在本周期 2026-Q4（2026-10-01 至 2026-12-31）内，未做任何修改') });
    expect((await cli('review', book, '--week', '2026-W39', '--out', path.join(dir, 'x.xlsx'))).code).toBe(2);
    for (const args of [[], ['--month', '2026-11', '--week', '2026-W45']]) {
      const both = await cli('review', book, ...args, '--out', path.join(dir, 'x.xlsx'));
      expect(both).toMatchObject({ code: 2, err: expect.stringContaining('请用 --month（如 2026-11）或 --week（如 2026-W45）指定回顾期，二者选一。') });
    }
    expect(await exists(path.join(dir, 'x.xlsx'))).toBe(false);
  });
});
