import { lockedFake } from '../lifecycle/helpers';
import { createCommandActions } from '../../src/office/command-actions';
import { formatScore } from '../../src/i18n/format';
import { createPaneActions } from '../../src/office/pane-actions';
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { scoreBook } from '../../src/domain/scoring';
import { applyPlan } from '../../src/office/apply-plan';
import { buildWorkbook } from '../../src/templates/build';
import { readXlsxBook } from '../../src/xlsx/read';
import { planWorkbook } from '../support/plan-file';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { CYCLE, loadExample } from '../workbook/build-fixture';

/** The ribbon's buttons run end to end against the in-memory Excel. */
describe('ribbon commands against the in-memory Excel', () => {
  async function generated(lang: 'zh-CN' | 'en-US') {
    const { org } = await loadExample();
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    await createPaneActions(fake.run).generate({ cycle: CYCLE, lang, settings: DEFAULT_SETTINGS }, org, () => undefined);
    return fake;
  }

  it('校验 reads the workbook in one round trip and reports what a person typed wrong', async () => {
    const fake = await generated('zh-CN');
    fake.workbookState.externalEdit('个人-刘洋', 'B7', '提升前端性能');
    fake.workbookState.externalEdit('个人-刘洋', 'H7', '首屏加载时间降到1.5秒');
    fake.workbookState.externalEdit('个人-刘洋', 'P7', 1.3);
    fake.stats.reset();
    const r = await createCommandActions('zh-CN', fake.run).validate();
    expect(fake.stats.requests).toBe(1);
    expect(r.ok).toBe(false);
    expect(r.title).toBe('校验结果');
    expect(r.message).toMatch(/^发现 \d+ 个错误，\d+ 个提醒。/);
    expect(r.message).toMatch(/个人-刘洋!P7/);
  });

  it('季度评分 scores every card in at most 3 round trips, as the TypeScript scoring does', async () => {
    const ex = await loadExample('en-US');
    const { plan } = buildWorkbook({ lang: 'en-US', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
    // Signed and locked: the ribbon cannot ask for an override, so it scores only a quarter that needs none.
    const fake = await lockedFake('en-US');
    const r = await createCommandActions('en-US', fake.run).score();
    expect(fake.stats.requests).toBeLessThanOrEqual(3);
    expect(r).toMatchObject({ ok: true, title: 'Quarter scoring' });
    const expected = scoreBook({ ...(await readXlsxBook(Buffer.from(await (await planWorkbook(plan)).xlsx.writeBuffer()))) });
    const d = expected.distribution;
    expect(d.GOOD + d.EXCELLENT + d.FAIR + d.BAD).toBeGreaterThan(5);
    expect(r.message).toContain(`individual ratings: Bad ${d.BAD}, Fair ${d.FAIR}, Good ${d.GOOD}, Excellent ${d.EXCELLENT}.`);
    // One formatter for every front end: the ribbon shows the score as the command line and the pane do.
    expect(r.message).toContain(`Company score ${formatScore(expected.company.score!)};`);
  });

  it('on a workbook that is not an OKR workbook, says so instead of failing silently', async () => {
    const fake = createFakeExcel({ sheets: ['Budget'] });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await createCommandActions('zh-CN', fake.run).validate();
    expect(r).toMatchObject({ ok: false, title: '校验' });
    expect(r.message).toMatch(/不是OKR工作簿/);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
