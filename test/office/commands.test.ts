import { lockedFake } from '../lifecycle/helpers';
import { RIBBON_SCORE_MAX_SHEETS } from '../../src/app/ribbon-contract';
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

  it('季度评分 scores every card in at most 4 round trips (the sheet count, then as the pane), as the TypeScript scoring does', async () => {
    const ex = await loadExample('en-US');
    const { plan } = buildWorkbook({ lang: 'en-US', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
    // Signed and locked: the ribbon cannot ask for an override, so it scores only a quarter that needs none.
    const fake = await lockedFake('en-US');
    const r = await createCommandActions('en-US', fake.run).score();
    expect(fake.stats.requests).toBeLessThanOrEqual(4);
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
  it('季度评分 refuses a workbook too large to score within a ribbon command\'s 5 minutes, before reading or writing anything, and points to the pane', async () => {
    const fake = await lockedFake('zh-CN');
    const sheets = fake.workbookState.sheetNames().length;
    fake.stats.reset();
    const r = await createCommandActions('zh-CN', fake.run, sheets - 1).score();
    expect(r).toEqual({
      ok: false,
      title: '季度评分',
      refusal: { code: 'tooLargeForRibbon', sheets, max: sheets - 1 },
      message: `此工作簿有 ${sheets} 张工作表，功能区按钮只能为不超过 ${sheets - 1} 张工作表（每人、每个部门各一张OKR卡）的工作簿评分，因为Excel会在5分钟后停止功能区命令。未做任何更改。请打开OKR面板（开始 > OKR > 打开OKR面板），在“季度管理”中进行季度评分：面板没有时间限制。`,
    });
    // One request, the sheet names; nothing else read, nothing written.
    expect(fake.stats.requests).toBe(1);
    expect(fake.stats.log.every((l) => l.summary.every((x) => !/^(set|call) /.test(x)))).toBe(true);
    // At the limit it goes ahead.
    const atLimit = await createCommandActions('zh-CN', fake.run, sheets).score();
    expect(atLimit.refusal).toBeUndefined();
    expect(atLimit.ok).toBe(true);
  });

  it(`季度评分 takes on at most ${RIBBON_SCORE_MAX_SHEETS} sheets by default, and says so in English too`, async () => {
    const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `Sheet${i + 1}`);
    const big = await createCommandActions('en-US', createFakeExcel({ sheets: names(RIBBON_SCORE_MAX_SHEETS + 1) }).run).score();
    expect(big.refusal).toEqual({ code: 'tooLargeForRibbon', sheets: RIBBON_SCORE_MAX_SHEETS + 1, max: RIBBON_SCORE_MAX_SHEETS });
    expect(big.message).toBe(
      `This workbook has ${RIBBON_SCORE_MAX_SHEETS + 1} sheets; the ribbon button scores workbooks of at most ${RIBBON_SCORE_MAX_SHEETS} sheets (about one OKR card per person and department), because Excel stops a ribbon command after 5 minutes. Nothing was changed. Open the OKR pane (Home > OKR > Open OKR pane) and use Quarter-end scoring there: it has no time limit.`,
    );
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const notTooBig = await createCommandActions('en-US', createFakeExcel({ sheets: names(RIBBON_SCORE_MAX_SHEETS) }).run).score();
    spy.mockRestore();
    expect(notTooBig.refusal).toBeUndefined();
    expect(notTooBig.ok).toBe(false); // refused for what it is: not an OKR workbook
  });
});
