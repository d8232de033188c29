import { createHash } from 'crypto';
import { sha256Hex } from '../../src/domain/sha256';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { readOpenWorkbook } from '../../src/office/read-book';
import { coalesceCells, touchedSheets } from '../../src/templates/edits';
import { expectedProgress, planAnnualKrChange, planScore } from '../../src/templates/lifecycle';
import { readBook, type SheetValues } from '../../src/templates/read-book';
import { fakeExample, writeRequests } from './helpers';

describe('SHA-256 (pure, for the lock fingerprints)', () => {
  it('equals Node\'s crypto on ASCII, CJK, emoji, empty and long texts', () => {
    const texts = ['', 'abc', '目标1：提升自有平台付费转化率至4%', '😀 emoji 𠀀', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), '长'.repeat(1000), JSON.stringify([1, null, 'a\nb'])];
    for (const t of texts) expect(sha256Hex(t)).toBe(createHash('sha256').update(t, 'utf8').digest('hex'));
  });
});

describe('the edit abstraction', () => {
  it('coalesces frozen cells into few rectangles', () => {
    const cells = [7, 8, 9, 11].flatMap((row) => [{ row, col: 8 }, { row, col: 10 }, { row, col: 11 }]);
    expect(coalesceCells([...cells, { row: 7, col: 2 }, { row: 7, col: 2 }])).toEqual(['B7', 'H7:H9', 'H11', 'J7:K9', 'J11:K11']);
  });

  it('lists the existing sheets an edit touches, not the ones it adds', () => {
    const plan = { kind: 'lock', key: 'lock', name: 'OKR_锁定', rows: [], colWidths: [], merges: [], validations: [], conditionalFormats: [], protect: true } as const;
    expect(touchedSheets({
      sheets: [{ plan: { ...plan, validations: [], conditionalFormats: [], colWidths: [], merges: [], rows: [] }, visibility: 'veryHidden' }],
      writes: [{ sheet: 'A', row: 1, col: 1, cells: [] }], appends: [{ sheet: 'B', row: 1, col: 1, rows: [] }],
      locks: [{ sheet: 'A', range: 'B7', locked: true }, { sheet: 'OKR_锁定', range: 'A1', locked: true }], protect: ['C'], names: [], tabColors: [],
      rules: [{ sheet: 'D', range: 'A1:B2', validations: [], conditionalFormats: [] }], styles: {} as never,
    })).toEqual(['A', 'B', 'D', 'C']);
  });
});

/** Values of the in-memory workbook, for the pure planners. */
async function sheetsOf(fake: Awaited<ReturnType<typeof fakeExample>>): Promise<SheetValues[]> {
  return (await fake.run((ctx) => readOpenWorkbook(ctx))).sheets;
}

describe('planners on unusual workbooks', () => {
  it('a workbook whose register and change log were deleted gets new ones, with the rows in them', async () => {
    const fake = await fakeExample('en-US');
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Score register').delete();
      ctx.workbook.worksheets.getItem('Change log').delete();
      await ctx.sync();
    });
    const sheets = await sheetsOf(fake);
    const plan = planScore({ sheets, book: readBook(sheets), lang: 'en-US', today: '2026-12-31', replace: false, charts: false, override: 'test' });
    expect(plan.status).toBe('planned');
    if (plan.status !== 'planned') return;
    expect(plan.edit.sheets.map((s) => s.plan.name)).toEqual(['Score register', 'Change log']);
    // Only the year's quarter column is written into an existing sheet (年度结果).
    expect(plan.edit.writes.filter((w) => w.sheet !== 'Annual results')).toEqual([]);
    expect(new Set(plan.edit.writes.map((w) => w.col))).toEqual(new Set([8]));
    const reg = plan.edit.sheets[0].plan.rows;
    expect(reg[4].slice(0, 3).map((c) => c?.v)).toEqual(['2026-Q4', plan.report.people[0].department, plan.report.people[0].name]);
    expect(reg[4].slice(13, 19).map((c) => c?.v)).toEqual(['2026-Q4', ...(['BAD', 'FAIR', 'GOOD', 'EXCELLENT'] as const).map((c) => plan.report.distribution[c]), expect.any(Number)]);
    // Applied in the open workbook: one write request, and the new sheets read back.
    fake.stats.reset();
    const r = await createLifecycleActions(fake.run, () => '2026-12-31').score({ lang: 'en-US', override: 'test' });
    expect(r).toMatchObject({ status: 'scored', registerSheet: 'Score register' });
    expect(writeRequests(fake.stats.log)).toBe(1);
    const again = readBook(await sheetsOf(fake));
    expect(again.changeLog.map((e) => e.kind)).toEqual(['score-override']);
  });

  it('the share of the cycle a month ends at', async () => {
    const fake = await fakeExample();
    const book = readBook(await sheetsOf(fake)); // 2026-Q4
    expect(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01'].map((m) => expectedProgress(book, m))).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
  });

  it('an annual KR change request writes its change-log row; anything but an annual KR is refused', async () => {
    const fake = await fakeExample();
    const actions = createLifecycleActions(fake.run, () => '2026-11-05');
    const ok = await actions.requestAnnualKrChange({ lang: 'zh-CN', sheet: '个人-刘洋', cell: 'H15', newText: '全年完成三次大版本发布', requester: '刘洋', approver: '王志强', approvedOn: '2026-11-06' });
    expect(ok).toMatchObject({ status: 'logged' });
    const book = readBook(await sheetsOf(fake));
    expect(book.changeLog).toEqual([expect.objectContaining({
      kind: 'annual-kr-change', sheet: '个人-刘洋', cell: 'H15', newText: '全年完成三次大版本发布', requester: '刘洋', approver: '王志强', approvedOn: '2026-11-06', date: '2026-11-05',
      oldText: book.individuals.find((c) => c.owner === '刘洋')!.objectives[2].krs[0].text,
    })]);
    const no = await actions.requestAnnualKrChange({ lang: 'zh-CN', sheet: '个人-刘洋', cell: 'H7', newText: 'x', requester: '刘洋' });
    expect(no).toMatchObject({ status: 'refused', code: 'notAnnual', message: expect.stringMatching(/不是年度KR/) });
    const sheets = await sheetsOf(fake);
    expect(planAnnualKrChange({ sheets, book: readBook(sheets), lang: 'en-US', today: '2026-11-05', sheet: '个人-刘洋', cell: 'H15', newText: ' ', requester: 'x' })).toMatchObject({ status: 'refused', refusal: { code: 'blank' } });
  });
});
