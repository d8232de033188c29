/**
 * The task pane's Quarter step actions (src/office/pane-actions.ts → src/office/lifecycle.ts) run for
 * real against the in-memory Excel, on the example workbook (36 people, 6 departments, their OKRs)
 * written by the add-in's own adapter.
 */
import { DEFAULT_SETTINGS, RATING_CODES, type Lang } from '../../src/domain/model';
import { quarterReport } from '../../src/domain/report';
import { applyPlan } from '../../src/office/apply-plan';
import { createPaneActions } from '../../src/office/pane-actions';
import { readOpenBook } from '../../src/office/read-book';
import { buildWorkbook } from '../../src/templates/build';
import { createFakeExcel, type FakeExcel } from '@okr-workbook/fake-excel';
import { CYCLE, loadExample } from '../workbook/build-fixture';

async function example(lang: Lang): Promise<FakeExcel> {
  const ex = await loadExample(lang);
  const { plan } = buildWorkbook({ lang, cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
  const fake = createFakeExcel({ sheets: ['Sheet1'] });
  await fake.run((ctx) => applyPlan(ctx, plan));
  return fake;
}

/** Requests that changed the workbook (anything but loads). */
const writes = (fake: FakeExcel): number => fake.stats.log.filter((l) => l.summary.some((x) => /^(set|call) /.test(x))).length;

/** Rows of a sheet from `first`, columns A–L, down to the last filled one. */
function rows(fake: FakeExcel, sheet: string, first: number): unknown[][] {
  const values = fake.workbookState.sheet(sheet).values(`A${first}:L400`);
  let last = values.length;
  while (last > 0 && values[last - 1].every((v) => v === '' || v === null)) last--;
  return values.slice(0, last);
}

describe('the pane\'s Quarter actions against the in-memory Excel', () => {
  it('reads the quarter: cycle, months, lock state and the annual KRs with their cells', async () => {
    const fake = await example('zh-CN');
    const pane = createPaneActions(fake.run, 'zh-CN', () => '2026-10-20');
    const info = await pane.quarterInfo('zh-CN');
    expect(info).toMatchObject({ cycle: '2026-Q4', firstMonth: '2026-10', lastMonth: '2026-12', locked: false });
    expect(info.lockedOn).toBeUndefined();
    expect(info.annualKrs.length).toBeGreaterThan(0);
    for (const kr of info.annualKrs) {
      expect(fake.workbookState.sheet(kr.sheet).values(kr.cell)).toEqual([[kr.text]]);
    }
  });

  it('lock: refused with the unsigned cards and nothing written; then locked by override, and the quarter reads as locked', async () => {
    const fake = await example('zh-CN');
    const pane = createPaneActions(fake.run, 'zh-CN', () => '2026-10-20');
    fake.stats.reset();
    const refused = await pane.lock({ lang: 'zh-CN', by: '周丽华' });
    expect(writes(fake)).toBe(0);
    if (refused.status !== 'refused') throw new Error(`expected a refusal, got ${refused.status}`);
    expect(refused.code).toBe('notAgreed');
    expect(refused.findings.length).toBeGreaterThan(0);
    for (const f of refused.findings) {
      expect(f).toMatchObject({ rule: 'AGREED', severity: 'error', ruleTitle: expect.any(String) });
      expect(f.message).toMatch(/\S/);
      expect(fake.workbookState.sheetNames()).toContain(f.sheet);
    }
    expect(fake.workbookState.sheetNames()).not.toContain('OKR_锁定');

    // Findings come in the language asked for.
    const en = await pane.lock({ lang: 'en-US' });
    expect(en.status === 'refused' && en.findings[0].message).toMatch(/^[\x20-\x7e“”’—–…]+$/);

    const locked = await pane.lock({ lang: 'zh-CN', by: '周丽华', override: '签字下周补齐' });
    if (locked.status !== 'locked') throw new Error(`expected locked, got ${JSON.stringify(locked)}`);
    expect(locked.cards).toBeGreaterThan(0);
    expect(locked.objectives).toBeGreaterThanOrEqual(locked.cards);
    expect(locked.quarterlyKrs).toBeGreaterThan(0);
    expect(locked.overridden.map((f) => [f.sheet, f.cell])).toEqual(refused.findings.map((f) => [f.sheet, f.cell]));
    expect(await pane.quarterInfo('zh-CN')).toMatchObject({ locked: true, lockedOn: '2026-10-20' });
    const log = rows(fake, '变更记录', 5);
    expect(log[0][1]).toBe('锁定（例外）');
    expect(log[0][6]).toBe('周丽华');
    expect(String(log[0][9])).toContain('例外锁定，原因：签字下周补齐');

    const again = await pane.lock({ lang: 'zh-CN', override: '再锁一次' });
    expect(again).toMatchObject({ status: 'refused', code: 'alreadyLocked', findings: [] });
    expect(await pane.lock({ lang: 'zh-CN', override: '新员工', relock: true })).toMatchObject({ status: 'locked' });
  });

  it('score: writes the register and the charts; a second run asks first and replaces only with replace', async () => {
    const fake = await example('en-US');
    const pane = createPaneActions(fake.run, 'en-US', () => '2026-12-31');
    fake.workbookState.externalEdit('P-刘洋', 'P7', 0.8);
    const expected = quarterReport(await fake.run(readOpenBook));

    // Never locked: refused with what stops it, then scored by override.
    const blocked = await pane.score({ lang: 'en-US', by: 'HR' });
    expect(blocked).toMatchObject({ status: 'refused', code: 'scoreBlocked', notLocked: true });
    expect(blocked.status === 'refused' && blocked.findings.length).toBeGreaterThan(0);
    const first = await pane.score({ lang: 'en-US', by: 'HR', override: 'year-end deadline' });
    if (first.status !== 'scored') throw new Error(`expected scored, got ${JSON.stringify(first)}`);
    expect(first).toMatchObject({ replacedRows: 0, registerSheet: 'Score register', chartSheet: 'Scores 2026-Q4' });
    expect(first.overridden).toEqual({ notLocked: true, findings: blocked.status === 'refused' ? blocked.findings : [] });
    const rep = first.report;
    expect(rep).toEqual({
      cycle: '2026-Q4',
      people: 36,
      company: { score: expected.company.score, rating: expected.company.rating },
      distribution: expected.distribution,
      departments: expected.departments.map((d) => ({ name: d.name, score: d.score, rating: d.rating })),
      unscoredKrs: expected.unscored.length,
      tooEasyKrs: expected.tooEasy.length,
      carryOverKrs: expected.carryOver.length,
    });
    expect(rep.departments).toHaveLength(6);
    expect(RATING_CODES.reduce((n, c) => n + rep.distribution[c], 0)).toBe(expected.people.filter((p) => p.rating).length);
    const register = rows(fake, 'Score register', 5);
    expect(register).toHaveLength(36 + 6 + 1);
    expect(register.every((r) => r[0] === '2026-Q4')).toBe(true);
    expect(fake.workbookState.sheetNames()).toContain('Scores 2026-Q4');

    fake.stats.reset();
    const ask = await pane.score({ lang: 'en-US', override: 'year-end deadline' });
    expect(ask).toEqual({ status: 'needsConfirm', cycle: '2026-Q4', existingRows: 43 });
    expect(writes(fake)).toBe(0);

    const replaced = await pane.score({ lang: 'en-US', replace: true, override: 'year-end deadline' });
    expect(replaced).toMatchObject({ status: 'scored', replacedRows: 43 });
    expect(rows(fake, 'Score register', 5)).toHaveLength(43);

    // The pane's "go to" button.
    await pane.selectCell('Score register', 'A1');
    expect(fake.workbookState.activeSheetName()).toBe('Score register');
  });

  it('review month and annual KR change request', async () => {
    const fake = await example('zh-CN');
    const pane = createPaneActions(fake.run, 'zh-CN', () => '2026-11-05');
    const review = await pane.addReviewMonth({ lang: 'zh-CN', month: '2026-11' });
    expect(review).toMatchObject({ status: 'added', month: '2026-11', added: 36, skipped: 0 });
    expect(review.status === 'added' && review.expected).toBeCloseTo(2 / 3);
    expect(await pane.addReviewMonth({ lang: 'zh-CN', month: '2026-11' })).toMatchObject({ status: 'added', added: 0, skipped: 36 });
    expect(await pane.addReviewMonth({ lang: 'en-US', month: '11/2026' })).toMatchObject({ status: 'refused', code: 'badMonth' });

    const [kr] = (await pane.quarterInfo('zh-CN')).annualKrs;
    const asked = await pane.requestAnnualKrChange({ lang: 'zh-CN', sheet: kr.sheet, cell: kr.cell, newText: ' 调整后的年度KR ', requester: '刘洋', approver: '张伟' });
    expect(asked).toEqual({ status: 'logged', oldText: kr.text, newText: '调整后的年度KR', approved: false });
    const approved = await pane.requestAnnualKrChange({ lang: 'zh-CN', sheet: kr.sheet, cell: kr.cell, newText: '再调整', requester: '刘洋', approver: '张伟', approvedOn: '2026-11-05' });
    expect(approved).toMatchObject({ status: 'logged', approved: true });
    const log = rows(fake, '变更记录', 5);
    expect(log.map((r) => [r[1], r[5]])).toEqual([['年度KR调整', '调整后的年度KR'], ['年度KR调整', '再调整']]);
    expect(await pane.requestAnnualKrChange({ lang: 'en-US', sheet: kr.sheet, cell: 'A1', newText: 'x', requester: 'y' })).toMatchObject({ status: 'refused', code: 'notAnnual' });
  });

  it('a workbook that is not an OKR workbook: every action rejects with a sentence', async () => {
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    const pane = createPaneActions(fake.run, 'en-US');
    await expect(pane.quarterInfo('zh-CN')).rejects.toThrow('当前工作簿不是OKR工作簿（找不到“设置”表）。请先在“生成”步骤中生成。');
    await expect(pane.score({ lang: 'en-US' })).rejects.toThrow('This workbook is not an OKR workbook (no settings sheet). Generate it first.');
    await expect(pane.lock({ lang: 'en-US' })).rejects.toThrow(/not an OKR workbook/);
  });
});
