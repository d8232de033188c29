/** @jest-environment jsdom */
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { QuarterPane } from '../../src/taskpane/QuarterPane';
import { STRINGS } from '../../src/taskpane/strings';
import type { NextQuarterBuilt, YearResults } from '../../src/taskpane/actions';
import type { Lang } from '../../src/domain/model';
import type { YearResult } from '../../src/domain/year';
import { fakeActions, renderInFluent, type FakeActions } from './fakes';

const NOW = new Date(2026, 11, 20);

function built(over: Partial<NextQuarterBuilt> = {}): NextQuarterBuilt {
  return {
    status: 'built', from: '2026-Q4', to: '2027-Q1', people: 36,
    carried: [{ from: '个人-刘洋!H10', owner: '刘洋', text: '完成支付系统迁移' }],
    annual: 0, history: 43,
    moved: [{ name: '李雷', from: '销售部', to: '市场部' }],
    left: [{ name: '赵敏', department: '技术部' }],
    notCarried: ['个人-陈晨!H12'],
    annualDropped: 5,
    file: { name: 'OKR 2027-Q1.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
    opened: true,
    ...over,
  };
}

const line = (l: Partial<YearResult>): YearResult => ({
  level: 'individual', department: '技术部', name: '刘洋', quarters: [null, null, null, null], score: null, rating: null, bonus: null,
  badQuarters: 0, suggested: { position: '', salary: null, training: '' }, ...l,
});

const YEAR: YearResults = {
  status: 'year', year: 2026, fromSheet: true,
  people: [
    line({ name: '刘洋', quarters: [0.6, 0.7, null, 0.65], score: 0.65, rating: 'GOOD', bonus: 1 }),
    line({ name: '陈晨', quarters: [null, null, null, null] }),
  ],
  departments: [line({ level: 'department', name: '', quarters: [null, null, 0.55, 0.5], score: 0.525, rating: 'FAIR', bonus: 0.8 })],
  company: line({ level: 'company', department: '', name: '', quarters: [0.7, 0.72, 0.74, 0.76], score: 0.73, rating: 'EXCELLENT', bonus: 1.2 }),
  labels: { BAD: '差', FAIR: '待改进', GOOD: '良好', EXCELLENT: '优秀' },
};

async function renderReady(actions: FakeActions, lang: Lang) {
  const r = renderInFluent(
    <main>
      <QuarterPane actions={actions} strings={STRINGS[lang]} lang={lang} active now={NOW} />
    </main>,
  );
  await screen.findByText(lang === 'zh-CN' ? '周期 2026-Q4 · 尚未锁定' : 'Cycle 2026-Q4 · Not locked yet');
  return r;
}

const section = (name: string) => screen.getByRole('region', { name });

beforeAll(() => {
  // jsdom has no object URLs; the download link needs one.
  URL.createObjectURL = jest.fn(() => 'blob:okr-next');
  URL.revokeObjectURL = jest.fn();
});

describe('Start the next quarter', () => {
  it('zh-CN: the quarter after the workbook\'s by default; refused when not scored, then built by override with the summary', async () => {
    const nextQuarter = jest.fn()
      .mockResolvedValueOnce({ status: 'refused', code: 'notScored', message: '2026-Q4 尚未进行季度评分。请先评分（okr-workbook score），或用 --override "原因"…' })
      .mockResolvedValueOnce(built());
    const { user } = await renderReady(fakeActions({ nextQuarter }), 'zh-CN');
    const sec = section('开始下一季度');
    const cycle = within(sec).getByRole('textbox', { name: /下一季度/ });
    expect(cycle).toHaveProperty('value', '2027-Q1');
    // A new year: the box for last year's annual KRs.
    await user.click(within(sec).getByRole('checkbox', { name: '带入上一年的年度KR（作为草稿）' }));
    await user.click(within(sec).getByRole('button', { name: '生成下一季度' }));
    expect(nextQuarter).toHaveBeenLastCalledWith(expect.objectContaining({ lang: 'zh-CN', cycle: expect.objectContaining({ year: 2027, quarter: 1 }), carryAnnual: true, override: undefined }));

    expect(await within(sec).findByText(/2026-Q4 尚未进行季度评分。请先在上面的“季度评分”中评分/)).toBeTruthy();
    expect(within(sec).queryByText(/--override/)).toBeNull();
    await user.click(within(sec).getByRole('checkbox', { name: '本季度未评分，仍然开始下一季度' }));
    await user.click(within(sec).getByRole('button', { name: '例外生成下一季度' }));
    expect(await within(sec).findByText('请填写例外生成的原因')).toBeTruthy();
    expect(nextQuarter).toHaveBeenCalledTimes(1);
    await user.type(within(sec).getByRole('textbox', { name: /例外生成的原因/ }), '年底系统切换');
    await user.click(within(sec).getByRole('button', { name: '例外生成下一季度' }));
    expect(nextQuarter).toHaveBeenLastCalledWith(expect.objectContaining({ override: '年底系统切换', carryAnnual: true }));

    expect(await within(sec).findByText('已生成 2027-Q1（由 2026-Q4 结转）')).toBeTruthy();
    expect(within(sec).getByText(/新工作簿已在Excel中打开/)).toBeTruthy();
    expect(within(sec).getByText('36 人，结转KR 1 个，年度KR 0 个，历史记录 43 行。新季度未锁定。')).toBeTruthy();
    expect(within(sec).getByText('李雷 由 销售部 调到 市场部：结转的KR随人走。')).toBeTruthy();
    expect(within(sec).getByText('技术部 赵敏 不在新的组织架构中：不再有卡片，历史记录保留。')).toBeTruthy();
    expect(within(sec).getByText('未结转 个人-陈晨!H12：标记为“结转下期”但没有写原因。')).toBeTruthy();
    expect(within(sec).getByText(/上一年的 5 个年度KR没有带入/)).toBeTruthy();
    const carried = within(sec).getByRole('table', { name: '结转的KR' });
    expect(within(carried).getByText('完成支付系统迁移')).toBeTruthy();
    expect(within(carried).getByText('个人-刘洋!H10')).toBeTruthy();
    // Opened in Excel: no download offered.
    expect(within(sec).queryByRole('link')).toBeNull();
  });

  it('en-US: a typed cycle, a bad one refused in the field, and the file to download when Excel cannot open it', async () => {
    const nextQuarter = jest.fn().mockResolvedValue(built({
      to: '2027-Q2', opened: false, notOpened: 'This version of Excel cannot open a new workbook from an add-in (it needs ExcelApi 1.8). Download the file below and open it in Excel.',
      file: { name: 'OKR 2027-Q2.xlsx', bytes: new Uint8Array([1, 2, 3]) }, moved: [], left: [], notCarried: [], annualDropped: 0,
    }));
    const { user } = await renderReady(fakeActions({ nextQuarter }), 'en-US');
    const sec = section('Start the next quarter');
    const cycle = within(sec).getByRole('textbox', { name: /Next quarter/ });
    await user.clear(cycle);
    await user.type(cycle, 'next spring');
    await user.click(within(sec).getByRole('button', { name: 'Build the next quarter' }));
    expect(await within(sec).findByText('Write the quarter as year-Qn, for example 2027-Q1.')).toBeTruthy();
    expect(nextQuarter).not.toHaveBeenCalled();
    await user.clear(cycle);
    await user.type(cycle, '2027-Q2');
    // 2027-Q2 starts a new year too.
    expect(within(sec).getByRole('checkbox', { name: "Bring last year's annual KRs (as drafts)" })).toBeTruthy();
    await user.click(within(sec).getByRole('button', { name: 'Build the next quarter' }));
    expect(nextQuarter).toHaveBeenLastCalledWith(expect.objectContaining({ lang: 'en-US', cycle: expect.objectContaining({ year: 2027, quarter: 2 }), carryAnnual: undefined }));
    expect(await within(sec).findByText('2027-Q2 built (carried from 2026-Q4)')).toBeTruthy();
    expect(within(sec).getByText(/cannot open a new workbook from an add-in \(it needs ExcelApi 1\.8\)/)).toBeTruthy();
    expect(within(sec).getByText('36 people, 1 carried KRs, 0 annual KRs, 43 history rows. The new quarter is not locked.')).toBeTruthy();
    const link = within(sec).getByRole('link', { name: 'Download OKR 2027-Q2.xlsx' });
    expect(link.getAttribute('href')).toBe('blob:okr-next');
    expect(link.getAttribute('download')).toBe('OKR 2027-Q2.xlsx');
  });

  it('another refusal shows the use case\'s sentence, and a failure the error', async () => {
    const nextQuarter = jest.fn()
      .mockResolvedValueOnce({ status: 'refused', code: 'cycleNotAfter', message: '2026-Q3 is not after 2026-Q4. The next quarter must come after the workbook\'s quarter.' })
      .mockRejectedValueOnce(new Error('Excel is busy'));
    const { user } = await renderReady(fakeActions({ nextQuarter }), 'en-US');
    const sec = section('Start the next quarter');
    await user.click(within(sec).getByRole('button', { name: 'Build the next quarter' }));
    expect(await within(sec).findByText(/2026-Q3 is not after 2026-Q4/)).toBeTruthy();
    expect(within(sec).queryByRole('checkbox', { name: /although this one is not scored/ })).toBeNull();
    await user.click(within(sec).getByRole('button', { name: 'Build the next quarter' }));
    expect(await within(sec).findByText('Excel is busy')).toBeTruthy();
  });
});

describe('Annual results', () => {
  it.each<[Lang, string, string[], string[], string[]]>([
    ['zh-CN', '年度结果', ['个人', '技术部', '刘洋', '0.6', '0.7', '—', '0.65', '0.65', '良好', '1'],
      ['部门', '技术部', '—', '—', '—', '0.55', '0.5', '0.53', '待改进', '0.8'], ['公司', '—', '—', '0.7', '0.72', '0.74', '0.76', '0.73', '优秀', '1.2']],
    ['en-US', 'Annual results', ['individual', '技术部', '刘洋', '0.6', '0.7', '—', '0.65', '0.65', '良好', '1'],
      ['department', '技术部', '—', '—', '—', '0.55', '0.5', '0.53', '待改进', '0.8'], ['company', '—', '—', '0.7', '0.72', '0.74', '0.76', '0.73', '优秀', '1.2']],
  ])('%s: people first, then departments and the company', async (lang, heading, person, dept, company) => {
    const yearResults = jest.fn().mockResolvedValue(YEAR);
    const { user } = await renderReady(fakeActions({ yearResults }), lang);
    const sec = section(heading);
    await user.click(within(sec).getByRole('button', { name: lang === 'zh-CN' ? '读取年度结果' : 'Read the annual results' }));
    expect(yearResults).toHaveBeenCalledWith(lang);
    const table = await within(sec).findByRole('table', { name: heading });
    const rows = within(table).getAllByRole('row');
    const texts = rows.map((r) => within(r).queryAllByRole('cell').map((c) => c.textContent));
    expect(within(rows[0]).getAllByRole('columnheader').map((c) => c.textContent)).toHaveLength(10);
    expect(texts.slice(1)).toEqual([person, [texts[2][0], '技术部', '陈晨', '—', '—', '—', '—', '—', '—', '—'], dept, company]);
    expect(within(sec).getByText(lang === 'zh-CN' ? '2026 年度结果' : '2026 annual results')).toBeTruthy();
  });

  it('a failed read shows its error', async () => {
    const yearResults = jest.fn().mockRejectedValue(new Error('这不是OKR工作簿'));
    const { user } = await renderReady(fakeActions({ yearResults }), 'zh-CN');
    const sec = section('年度结果');
    await user.click(within(sec).getByRole('button', { name: '读取年度结果' }));
    await waitFor(() => expect(within(sec).getByText('这不是OKR工作簿')).toBeTruthy());
  });
});
