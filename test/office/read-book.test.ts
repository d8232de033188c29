import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { applyPlan } from '../../src/office/apply-plan';
import { readOpenWorkbook, type ReadOptions } from '../../src/office/read-book';
import { buildWorkbook } from '../../src/templates/build';
import type { SheetValues } from '../../src/templates/read-book';
import { createFakeExcel, type FakeExcel } from '@okr-workbook/fake-excel';
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
  const log = fake.stats.log.map((e) => ({ responseBytes: e.responseBytes, ok: e.ok, summary: e.summary }));
  return { book, stats: { requests: fake.stats.requests, failed: fake.stats.failedRequests, maxResponse: fake.stats.maxResponseBytes, total: fake.stats.totalResponseBytes, log } };
}

describe('reading the open workbook', () => {
  it('reads every sheet, hidden ones too, with visibility and protection, in one round trip', async () => {
    const fake = await example();
    const { book, stats } = await read(fake);
    expect(stats.requests).toBe(1);
    expect(book.sheets.map((s) => s.name)).toEqual(fake.workbookState.sheetNames());
    expect(book.sheets).toHaveLength(52);
    const extra = book.sheets.find((s) => s.name === '附录')!;
    expect({ hidden: extra.hidden, a1: extra.get(1, 1), b2: extra.get(2, 2), rows: extra.rowCount }).toEqual({ hidden: true, a1: '备注', b2: 2, rows: 2 });
    expect(book.sheets[0]).toMatchObject({ name: 'Sheet1', rowCount: 0 });
    const card = book.sheets.find((s) => s.name === '个人-刘洋')!;
    expect(card.get(1, 1)).toBe(fake.workbookState.sheet('个人-刘洋').values('A1')[0][0]);
    expect(book.states.find((s) => s.name === '个人-刘洋')).toMatchObject({ visibility: 'Visible', protected: true });
    expect(book.states.find((s) => s.name === 'Sheet1')).toMatchObject({ protected: false, options: undefined });
  });

  it('reaches every sheet in the first request: past the first ones it reads the size of their used ranges, then their values in one more', async () => {
    const fake = await example();
    const whole = await read(fake);
    const parts = await read(fake, { valueSheets: 10 });
    expect(parts.stats.requests).toBe(2);
    expect(parts.stats.failed).toBe(0);
    // The second request asks for the 41 sheets the first one did not read, by name.
    const byName = parts.stats.log[1].summary.filter((l) => l.includes('getItemOrNullObject'));
    expect(byName.length).toBeGreaterThanOrEqual(41);
    expect(dump(parts.book.sheets)).toEqual(dump(whole.book.sheets));
    expect(parts.book.states).toEqual(whole.book.states);
  });

  it('sizes the later requests on what the first one brought, so that none is refused and few are needed', async () => {
    const fake = await example();
    const whole = await read(fake);
    const free = await read(fake, { valueSheets: 10, responseBytes: Infinity });
    const first = free.stats.log[0].responseBytes;
    const budget = Math.ceil((free.stats.total - first) / 3);
    // A limit a little above the budget: a later request whose estimate ran short would be refused.
    fake.setLimits({ responseBytes: Math.max(first, Math.ceil(budget * 1.2)) });
    const parts = await read(fake, { valueSheets: 10, responseBytes: budget });
    expect(parts.stats.failed).toBe(0);
    // Each later request is sized by the cells of the sheets it reads: within its budget, and the
    // 41 sheets take a few requests (the estimate errs on the large side), not one each.
    for (const e of parts.stats.log.slice(1)) expect(e.responseBytes).toBeLessThanOrEqual(budget);
    expect(parts.stats.requests).toBeLessThanOrEqual(1 + 6);
    expect(dump(parts.book.sheets)).toEqual(dump(whole.book.sheets));
  });

  it('reads no protection for the rules: a smaller response, the same values', async () => {
    const fake = await example();
    const withProtection = await read(fake);
    const without = await read(fake, { protection: false });
    expect(without.stats.total).toBeLessThan(withProtection.stats.total);
    expect(dump(without.book.sheets)).toEqual(dump(withProtection.book.sheets));
    expect(without.book.states.every((s) => !s.protected && s.options === undefined)).toBe(true);
  });

  it('reads a workbook with more sheets than one walk covers in more round trips, and the same values', async () => {
    const fake = await example();
    const whole = await read(fake);
    const parts = await read(fake, { walkSheets: 5, valueSheets: 3, responseBytes: 30_000 });
    expect(parts.stats.requests).toBeGreaterThan(3);
    expect(parts.stats.failed).toBe(0);
    expect(dump(parts.book.sheets)).toEqual(dump(whole.book.sheets));
    expect(parts.book.states).toEqual(whole.book.states);
  });

  it('reads a sheet larger than a response in bands of rows, measured or not', async () => {
    const fake = await example();
    // A sheet after the others that alone holds more than the limit below (a lock snapshot of a large company).
    const rows = Array.from({ length: 3000 }, (_, r) => [`第${r + 1}行`, r, '关键结果的内容，足够长以占用字节', r % 7 === 0 ? '' : 'x', r / 3]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('大表').getRange('B3:F3002').values = rows;
      await ctx.sync();
    });
    const whole = await read(fake);
    const big = whole.stats.total;
    fake.setLimits({ responseBytes: Math.ceil(big / 5) });
    for (const opts of [{ valueSheets: 10 }, { walkSheets: 10, valueSheets: 10 }]) {
      const parts = await read(fake, { ...opts, responseBytes: Math.ceil(big / 6) });
      expect(dump(parts.book.sheets)).toEqual(dump(whole.book.sheets));
      const sheet = parts.book.sheets.find((x) => x.name === '大表')!;
      expect([sheet.rowCount, sheet.get(3, 2), sheet.get(3002, 3), sheet.get(3002, 6)]).toEqual([3002, '第1行', 2999, 2999 / 3]);
    }
  });

  it('when the first sheets hold more than a response may carry, walks again reading half as many', async () => {
    const fake = await example();
    const whole = await read(fake);
    fake.setLimits({ responseBytes: Math.ceil(whole.stats.maxResponse * 0.7) });
    const parts = await read(fake, { valueSheets: 50 });
    expect(parts.stats.failed).toBe(1);
    expect(parts.stats.requests).toBeLessThanOrEqual(4);
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
