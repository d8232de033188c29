import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { applyPlan } from '../../src/office/apply-plan';
import { readOpenWorkbook, type ReadOptions } from '../../src/office/read-book';
import { buildWorkbook } from '../../src/templates/build';
import type { SheetValues } from '../../src/templates/read-book';
import { createFakeExcel, type FakeExcel } from '../fake-excel/fake-excel';
import { CYCLE, loadExample } from '../workbook/build-fixture';

/** The example workbook (49 OKR sheets) after an empty Sheet1, with one more hidden sheet at the end. */
async function example(): Promise<FakeExcel> {
  const ex = await loadExample();
  const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
  const fake = createFakeExcel({ sheets: ['Sheet1'] });
  await fake.run(async (ctx) => {
    await applyPlan(ctx, plan);
    const extra = ctx.workbook.worksheets.add('附录');
    extra.getRange('A1:B2').values = [['备注', 1], ['', 2]];
    extra.visibility = 'Hidden';
    await ctx.sync();
  });
  return fake;
}

/** Everything a reader can see of the sheets: names, visibility, and every value. */
function dump(sheets: SheetValues[]): unknown[] {
  return sheets.map((s) => {
    const rows: unknown[][] = [];
    for (let r = 1; r <= s.rowCount; r++) rows.push(Array.from({ length: 30 }, (_, c) => s.get(r, c + 1)));
    return { name: s.name, hidden: s.hidden, rowCount: s.rowCount, rows };
  });
}

async function read(fake: FakeExcel, opts?: ReadOptions) {
  fake.stats.reset();
  const book = await fake.run((ctx) => readOpenWorkbook(ctx, opts));
  return { book, stats: { requests: fake.stats.requests, failed: fake.stats.failedRequests, maxResponse: fake.stats.maxResponseBytes } };
}

describe('reading the open workbook', () => {
  it('reads every sheet, hidden ones too, with visibility and protection, in one round trip', async () => {
    const fake = await example();
    const { book, stats } = await read(fake);
    expect(stats.requests).toBe(1);
    expect(book.sheets.map((s) => s.name)).toEqual(fake.workbookState.sheetNames());
    expect(book.sheets).toHaveLength(51);
    const extra = book.sheets.find((s) => s.name === '附录')!;
    expect({ hidden: extra.hidden, a1: extra.get(1, 1), b2: extra.get(2, 2), rows: extra.rowCount }).toEqual({ hidden: true, a1: '备注', b2: 2, rows: 2 });
    expect(book.sheets[0]).toMatchObject({ name: 'Sheet1', rowCount: 0 });
    const card = book.sheets.find((s) => s.name === '个人-刘洋')!;
    expect(card.get(1, 1)).toBe(fake.workbookState.sheet('个人-刘洋').values('A1')[0][0]);
    expect(book.states.find((s) => s.name === '个人-刘洋')).toMatchObject({ visibility: 'Visible', protected: true });
    expect(book.states.find((s) => s.name === 'Sheet1')).toMatchObject({ protected: false, options: undefined });
  });

  it('reads a workbook with more sheets than one walk covers in more round trips, and the same values', async () => {
    const fake = await example();
    const whole = await read(fake);
    const parts = await read(fake, { chainSheets: 5, responseBytes: 30_000 });
    expect(parts.stats.requests).toBeGreaterThan(3);
    expect(parts.stats.failed).toBe(0);
    expect(dump(parts.book.sheets)).toEqual(dump(whole.book.sheets));
    expect(parts.book.states).toEqual(whole.book.states);
  });

  it('when Excel finds a response too large, reads in smaller parts instead of failing', async () => {
    const fake = await example();
    const whole = await read(fake);
    const limit = Math.ceil(whole.stats.maxResponse / 4);
    fake.setLimits({ responseBytes: limit });
    const parts = await read(fake);
    expect(parts.stats.failed).toBeGreaterThan(0);
    expect(parts.stats.maxResponse).toBeLessThanOrEqual(limit);
    expect(dump(parts.book.sheets)).toEqual(dump(whole.book.sheets));
  });

  it('when Excel refuses the walk past the last sheet, reads the list first and then the values', async () => {
    const ex = await loadExample();
    const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
    // An Excel that fails the next request as a whole, as one refusing calls on null objects would.
    let refuse = false;
    const fake = createFakeExcel({
      sheets: ['Sheet1'],
      onBeforeSync: () => {
        if (!refuse) return;
        refuse = false;
        throw Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' });
      },
    });
    await fake.run((ctx) => applyPlan(ctx, plan));
    const whole = await read(fake);
    refuse = true;
    const again = await read(fake);
    expect(again.stats.requests).toBeGreaterThanOrEqual(3);
    expect(dump(again.book.sheets)).toEqual(dump(whole.book.sheets));
    expect(again.book.states).toEqual(whole.book.states);
  });
});
