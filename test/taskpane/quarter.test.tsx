/** @jest-environment jsdom */
import './setup';
import { render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { App } from '../../src/taskpane/App';
import { QuarterPane, defaultMonth, groupByCard, monthProblem } from '../../src/taskpane/QuarterPane';
import { STRINGS } from '../../src/taskpane/strings';
import type { LockResult, ScoreResult } from '../../src/taskpane/actions';
import type { Lang } from '../../src/domain/model';
import { fakeActions, finding, QUARTER, renderInFluent, setupUser, type FakeActions } from './fakes';

const NOW = new Date(2026, 10, 15); // 2026-11-15, inside 2026-Q4

const NOT_AGREED: LockResult = {
  status: 'refused',
  code: 'notAgreed',
  message: '有 3 处未协商一致或未签字（AGREED），不能锁定。请先补齐签字，或以 --override "原因" 例外锁定（原因会写入变更记录）。',
  findings: [
    finding({ rule: 'AGREED', sheet: '个人-刘洋', cell: 'B30', department: '技术部', owner: '刘洋', message: '员工未签字' }),
    finding({ rule: 'AGREED', sheet: '个人-刘洋', cell: 'B31', department: '技术部', owner: '刘洋', message: '上级未签字' }),
    finding({ rule: 'AGREED', level: 'department', sheet: '部门-销售部', cell: 'B28', department: '销售部', owner: '', message: '部门负责人未签字' }),
  ],
};

const SCORED: ScoreResult = {
  status: 'scored',
  overridden: { notLocked: false, findings: [] },
  report: {
    cycle: '2026-Q4',
    people: 36,
    company: { score: 0.6525, rating: 'GOOD' },
    distribution: { BAD: 3, FAIR: 10, GOOD: 20, EXCELLENT: 3 },
    departments: [
      { name: '技术部', score: 0.71, rating: 'EXCELLENT' },
      { name: '销售部', score: 0.55, rating: 'FAIR' },
      { name: '行政部' },
    ],
    unscoredKrs: 4,
    tooEasyKrs: 2,
    carryOverKrs: 30,
  },
  replacedRows: 43,
  registerSheet: '结果运用',
  chartSheet: '评分图表 2026-Q4',
};

function renderPane(actions: FakeActions = fakeActions(), lang: Lang = 'zh-CN') {
  // In a <main>, as in the App (axe wants page content inside landmarks).
  const r = renderInFluent(
    <main>
      <QuarterPane actions={actions} strings={STRINGS[lang]} lang={lang} active now={NOW} />
    </main>,
  );
  return { ...r, actions };
}

/** The pane once the workbook's quarter has been read. */
async function renderReady(actions: FakeActions = fakeActions(), lang: Lang = 'zh-CN') {
  const r = renderPane(actions, lang);
  await screen.findByText(lang === 'zh-CN' ? '周期 2026-Q4 · 尚未锁定' : 'Cycle 2026-Q4 · Not locked yet');
  return r;
}

/** Waits for the confirmation to close and the page behind it to be accessible again (the modal hides it meanwhile). */
async function dialogClosed(): Promise<void> {
  await waitFor(() => {
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.querySelector('[aria-hidden="true"] main')).toBeNull();
  }, { timeout: 5000 });
}

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('Quarter pane: lock', () => {
  it('refused because cards are not signed: shows the refusal and the cards, then locks by override with a required reason', async () => {
    const lock = jest
      .fn()
      .mockResolvedValueOnce(NOT_AGREED)
      .mockResolvedValueOnce({ status: 'locked', cards: 43, objectives: 120, quarterlyKrs: 300, overridden: NOT_AGREED.status === 'refused' ? NOT_AGREED.findings : [] });
    const { user, actions } = await renderReady(fakeActions({ lock }));

    await user.type(screen.getByRole('textbox', { name: /操作人/ }), '周丽华');
    await user.click(screen.getByRole('button', { name: '锁定季度' }));
    expect(lock).toHaveBeenLastCalledWith({ lang: 'zh-CN', by: '周丽华', override: undefined, relock: undefined });
    expect(await screen.findByText('不能锁定')).toBeTruthy();
    // The pane's own words (the action's mention a command-line flag), with the cards listed.
    expect(screen.getByText(/2 张卡片未协商一致或未签字（共 3 处）/)).toBeTruthy();
    expect(screen.queryByText(/--override/)).toBeNull();
    const list = screen.getByRole('list', { name: '未协商一致或未签字的卡片' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['技术部/刘洋 (2 处): 员工未签字；上级未签字', '销售部 (1 处): 部门负责人未签字']);
    await user.click(within(items[1]).getByRole('button', { name: '销售部' }));
    expect(actions.selectCell).toHaveBeenLastCalledWith('部门-销售部', 'B28');

    // The override: a checkbox, then a required reason.
    expect(screen.queryByRole('button', { name: '仍然锁定' })).toBeNull();
    await user.click(screen.getByRole('checkbox', { name: '在未全部签字的情况下锁定' }));
    const reason = screen.getByRole('textbox', { name: /例外锁定的原因/ });
    expect((reason as HTMLTextAreaElement).required).toBe(true);
    await user.click(screen.getByRole('button', { name: '仍然锁定' }));
    expect(screen.getByText('请填写例外锁定的原因')).toBeTruthy();
    expect(document.activeElement).toBe(reason);
    expect(lock).toHaveBeenCalledTimes(1);

    await user.type(reason, '  签字下周补齐 ');
    await user.click(screen.getByRole('button', { name: '仍然锁定' }));
    expect(lock).toHaveBeenLastCalledWith({ lang: 'zh-CN', by: '周丽华', override: '签字下周补齐', relock: undefined });
    expect(await screen.findByText('季度已锁定')).toBeTruthy();
    expect(screen.getByText(/已冻结 43 张卡片：120 个目标、300 个季度KR。/)).toBeTruthy();
    expect(screen.getByText(/例外锁定：3 处问题已记入变更记录。/)).toBeTruthy();
    expect(screen.queryByText('不能锁定')).toBeNull();
    // The quarter's state is read again (now locked).
    await waitFor(() => expect(actions.quarterInfo).toHaveBeenCalledTimes(2));
  });

  it('already locked: says so and offers to lock again', async () => {
    const lock = jest
      .fn()
      .mockResolvedValueOnce({ status: 'refused', code: 'alreadyLocked', message: '本季度已于 2026-10-20 锁定。重新锁定会以当前内容替换锁定快照。', findings: [] })
      .mockResolvedValueOnce({ status: 'locked', cards: 2, objectives: 5, quarterlyKrs: 9, overridden: [] });
    const quarterInfo = jest.fn().mockResolvedValue({ ...QUARTER, locked: true, lockedOn: '2026-10-20' });
    const { user } = renderPane(fakeActions({ lock, quarterInfo }));
    expect(await screen.findByText('周期 2026-Q4 · 已于 2026-10-20 锁定')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '锁定季度' }));
    expect(await screen.findByText(/本季度已于 2026-10-20 锁定/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '重新锁定' }));
    expect(lock).toHaveBeenLastCalledWith({ lang: 'zh-CN', by: undefined, override: undefined, relock: true });
    expect(await screen.findByText(/已冻结 2 张卡片：5 个目标、9 个季度KR。/)).toBeTruthy();
  });
});

describe('Quarter pane: scoring', () => {
  it('asks before replacing the cycle\'s rows, then scores with replace and shows the summary', async () => {
    const score = jest.fn().mockResolvedValueOnce({ status: 'needsConfirm', cycle: '2026-Q4', existingRows: 43 }).mockResolvedValueOnce(SCORED);
    const { user, actions } = await renderReady(fakeActions({ score }));
    await user.click(screen.getByRole('button', { name: '季度评分' }));
    expect(score).toHaveBeenLastCalledWith({ lang: 'zh-CN', by: undefined, replace: undefined });

    const dialog = await screen.findByRole('alertdialog', { name: '替换本周期的评分？' });
    expect(within(dialog).getByText(/已有 2026-Q4 的 43 行评分。重新评分会替换本周期的这些行；其他周期的行保持不变/)).toBeTruthy();
    expect(await violations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: '替换并重新评分' }));
    expect(score).toHaveBeenLastCalledWith({ lang: 'zh-CN', by: undefined, replace: true });
    await dialogClosed();

    expect(await screen.findByText('2026-Q4 评分完成')).toBeTruthy();
    expect(screen.getByText('已替换本周期原有的 43 行。')).toBeTruthy();
    expect(screen.getByText('公司得分 0.65（良好）')).toBeTruthy();
    const dist = screen.getByRole('table', { name: '个人评级分布' });
    expect(within(dist).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['差3', '待改进10', '良好20', '优秀3']);
    const depts = screen.getByRole('table', { name: '各部门得分' });
    expect(within(depts).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['技术部', '0.71', '优秀'],
      ['销售部', '0.55', '待改进'],
      ['行政部', '—', '—'],
    ]);
    expect(screen.getByText(/未评分的KR 4 个（按0分计）；满分KR 2 个/)).toBeTruthy();
    expect(screen.getByText('评分已写入“结果运用”。 图表见“评分图表 2026-Q4”。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '转到“结果运用”' }));
    expect(actions.selectCell).toHaveBeenLastCalledWith('结果运用', 'A1');
    await user.click(screen.getByRole('button', { name: '转到“评分图表 2026-Q4”' }));
    expect(actions.selectCell).toHaveBeenLastCalledWith('评分图表 2026-Q4', 'A1');
    expect(await violations()).toEqual([]);
  });

  it('Cancel (or Escape) in the confirmation does nothing', async () => {
    const score = jest.fn().mockResolvedValue({ status: 'needsConfirm', cycle: '2026-Q4', existingRows: 43 });
    const { user } = await renderReady(fakeActions({ score }));
    await user.click(screen.getByRole('button', { name: '季度评分' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    await dialogClosed();
    expect(score).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/评分完成/)).toBeNull();

    await user.click(screen.getByRole('button', { name: '季度评分' }));
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    await dialogClosed();
    expect(score).toHaveBeenCalledTimes(2);
    expect(score.mock.calls.every(([o]) => o.replace !== true)).toBe(true);
  });

  it('a first scoring shows the summary without asking', async () => {
    const score = jest.fn().mockResolvedValue({ ...SCORED, replacedRows: 0 });
    const { user } = await renderReady(fakeActions({ score }), 'en-US');
    await user.click(screen.getByRole('button', { name: 'Score the quarter' }));
    expect(await screen.findByText('2026-Q4 scored')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.queryByText(/Replaced/)).toBeNull();
    expect(screen.getByText('Company score 0.65 (Good)')).toBeTruthy();
    expect(score).toHaveBeenCalledWith({ lang: 'en-US', by: undefined, replace: undefined });
  });

  it('a company card without objectives: says there is no company score', async () => {
    const empty: ScoreResult = SCORED.status === 'scored' ? { ...SCORED, report: { ...SCORED.report, company: {} } } : SCORED;
    const { user } = await renderReady(fakeActions({ score: jest.fn().mockResolvedValue(empty) }), 'en-US');
    await user.click(screen.getByRole('button', { name: 'Score the quarter' }));
    expect(await screen.findByText('The company card has no objectives, so there is no company score.')).toBeTruthy();
  });
});

describe('Quarter pane: review month', () => {
  it('defaults to this month inside the cycle, validates the month, then adds the rows', async () => {
    const addReviewMonth = jest.fn().mockResolvedValue({ status: 'added', sheet: '月（季）绩效回顾表', month: '2026-12', added: 30, filled: 0, skipped: 6, expected: 1 });
    const { user, actions } = await renderReady(fakeActions({ addReviewMonth }));
    const month = screen.getByRole('textbox', { name: '月份（YYYY-MM）或周（YYYY-Www）' }) as HTMLInputElement;
    expect(month.value).toBe('2026-11');
    expect(screen.getByText('本周期：2026-10 至 2026-12')).toBeTruthy();

    await user.clear(month);
    await user.type(month, '2026-13');
    expect(screen.getByText('请按 2026-11（月）或 2026-W45（周）的格式填写')).toBeTruthy();
    expect(month.getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: '添加回顾行' }));
    expect(document.activeElement).toBe(month);
    await user.clear(month);
    await user.type(month, '2027-01');
    expect(screen.getByText('请填写本周期内的月份或周（2026-10 至 2026-12）')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '添加回顾行' }));
    expect(addReviewMonth).not.toHaveBeenCalled();

    await user.clear(month);
    await user.type(month, '2026-12{Enter}');
    expect(addReviewMonth).toHaveBeenCalledWith({ lang: 'zh-CN', month: '2026-12' });
    expect(await screen.findByText('已添加 2026-12 的回顾行')).toBeTruthy();
    expect(screen.getByText(/在“月（季）绩效回顾表”中添加了 30 行；6 人已有该期的行，未做改动。 按时间进度，该期末应完成 100%。/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '转到“月（季）绩效回顾表”' }));
    expect(actions.selectCell).toHaveBeenLastCalledWith('月（季）绩效回顾表', 'A1');
  });

  it('a refusal from the action is shown', async () => {
    const addReviewMonth = jest.fn().mockResolvedValue({ status: 'refused', code: 'noReviewSheet', message: 'The review sheet was not found.' });
    const { user } = await renderReady(fakeActions({ addReviewMonth }), 'en-US');
    await user.click(screen.getByRole('button', { name: 'Add the review rows' }));
    expect(addReviewMonth).toHaveBeenCalledWith({ lang: 'en-US', month: '2026-11' });
    expect(await screen.findByText('The review sheet was not found.')).toBeTruthy();
    expect(screen.getByText('Not done')).toBeTruthy();
  });

  it('helpers: the default month is clamped into the cycle; months are checked', () => {
    const q = { firstMonth: '2026-10', lastMonth: '2026-12' };
    expect(defaultMonth(new Date(2026, 10, 30), q)).toBe('2026-11');
    expect(defaultMonth(new Date(2026, 0, 5), q)).toBe('2026-10');
    expect(defaultMonth(new Date(2027, 3, 1), q)).toBe('2026-12');
    expect(defaultMonth(new Date(2027, 3, 1))).toBe('2027-04');
    expect(monthProblem('2026-11', q)).toBeUndefined();
    expect(monthProblem(' 2026-10 ', q)).toBeUndefined();
    expect(monthProblem('2026-1', q)).toBe('invalid');
    expect(monthProblem('2026-00', q)).toBe('invalid');
    expect(monthProblem('Nov', q)).toBe('invalid');
    expect(monthProblem('2026-09', q)).toBe('outside');
    // ISO weeks: one that has a day in the cycle is fine, even straddling its first or last day.
    expect(['2026-W40', '2026-w45', '2026-W53', '2026-W39', '2027-W01', '2026-W54', '2027-W53'].map((w) => monthProblem(w, q)))
      .toEqual([undefined, undefined, undefined, 'outside', 'outside', 'invalid', 'invalid']);
    expect(monthProblem('2030-01')).toBeUndefined();
  });
});

describe('Quarter pane: annual KR change request', () => {
  it('checks the form, writes the request and says it awaits approval', async () => {
    const requestAnnualKrChange = jest.fn().mockResolvedValue({ status: 'logged', oldText: '全年发布 4 个大版本', newText: '全年发布 3 个大版本', approved: false });
    const { user, actions } = await renderReady(fakeActions({ requestAnnualKrChange }));
    await user.click(screen.getByRole('button', { name: '提交调整申请' }));
    expect(screen.getByText('请选择要调整的年度KR')).toBeTruthy();
    expect(screen.getAllByText('必填')).toHaveLength(2);
    expect(requestAnnualKrChange).not.toHaveBeenCalled();

    await user.click(screen.getByRole('combobox', { name: /年度KR/ }));
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['技术部/刘洋 · 目标2 KR1：全年发布 4 个大版本', '技术部 · 目标1 KR3：全年故障时长少于 10 小时']);
    await user.click(screen.getByRole('option', { name: /技术部\/刘洋/ }));
    expect(screen.getByText('当前内容：全年发布 4 个大版本')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /调整后的KR内容/ }), '全年发布 3 个大版本');
    await user.type(screen.getByRole('textbox', { name: /申请人/ }), '刘洋');
    await user.type(screen.getByRole('textbox', { name: '审批人' }), '张伟');
    const date = screen.getByRole('textbox', { name: '批准日期（YYYY-MM-DD）' });
    await user.type(date, '2026-11-31');
    await user.click(screen.getByRole('button', { name: '提交调整申请' }));
    expect(screen.getByText('请按 2026-11-05 这样的格式填写日期')).toBeTruthy();
    expect(requestAnnualKrChange).not.toHaveBeenCalled();

    await user.clear(date);
    await user.click(screen.getByRole('button', { name: '提交调整申请' }));
    expect(requestAnnualKrChange).toHaveBeenCalledWith({
      lang: 'zh-CN', sheet: '个人-刘洋', cell: 'H15', newText: '全年发布 3 个大版本', requester: '刘洋', approver: '张伟', approvedOn: undefined,
    });
    expect(await screen.findByText('已写入变更记录')).toBeTruthy();
    expect(screen.getByText(/原为“全年发布 4 个大版本”，调整为“全年发布 3 个大版本”。 待批准/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '转到该KR单元格' }));
    expect(actions.selectCell).toHaveBeenLastCalledWith('个人-刘洋', 'H15');
    expect(await violations()).toEqual([]);
  });

  it('an approved change says so; a refusal is shown', async () => {
    const requestAnnualKrChange = jest
      .fn()
      .mockResolvedValueOnce({ status: 'refused', code: 'notAnnual', message: '部门-技术部!H9 is not the text of an annual KR.' })
      .mockResolvedValueOnce({ status: 'logged', oldText: 'old', newText: 'new', approved: true });
    const { user } = await renderReady(fakeActions({ requestAnnualKrChange }), 'en-US');
    await user.click(screen.getByRole('combobox', { name: /Annual KR/ }));
    await user.click(screen.getByRole('option', { name: /^技术部 · O1 KR3/ }));
    await user.type(screen.getByRole('textbox', { name: /New KR text/ }), 'new');
    await user.type(screen.getByRole('textbox', { name: /Requester/ }), 'Li');
    await user.type(screen.getByRole('textbox', { name: 'Approver' }), 'Zhang');
    await user.type(screen.getByRole('textbox', { name: 'Approval date (YYYY-MM-DD)' }), '2026-11-05');
    await user.click(screen.getByRole('button', { name: 'Submit the change request' }));
    expect(requestAnnualKrChange).toHaveBeenLastCalledWith(expect.objectContaining({ lang: 'en-US', sheet: '部门-技术部', cell: 'H9', approvedOn: '2026-11-05' }));
    expect(await screen.findByText('部门-技术部!H9 is not the text of an annual KR.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Submit the change request' }));
    expect(await screen.findByText(/Was “old”, becomes “new”\. Approved/)).toBeTruthy();
  });

  it('says so when the workbook has no annual KRs', async () => {
    renderPane(fakeActions({ quarterInfo: jest.fn().mockResolvedValue({ ...QUARTER, annualKrs: [] }) }), 'en-US');
    expect(await screen.findByText('The workbook has no annual KRs.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit the change request' })).toBeNull();
  });
});

describe('Quarter pane: errors', () => {
  it('shows the message of every rejected action, never swallowed', async () => {
    const actions = fakeActions({
      lock: jest.fn().mockRejectedValue(new Error('工作表受保护，无法写入。')),
      score: jest.fn().mockRejectedValue(new Error('Excel 处理请求时出错，请重试。')),
      addReviewMonth: jest.fn().mockRejectedValue(new Error('找不到所需的工作表')),
      requestAnnualKrChange: jest.fn().mockRejectedValue('网络中断'),
      selectCell: jest.fn().mockRejectedValue(new Error('工作表“结果运用”不存在')),
    });
    const { user } = await renderReady(actions);
    await user.click(screen.getByRole('button', { name: '锁定季度' }));
    expect(await screen.findByText('工作表受保护，无法写入。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '季度评分' }));
    expect(await screen.findByText('Excel 处理请求时出错，请重试。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '添加回顾行' }));
    expect(await screen.findByText('找不到所需的工作表')).toBeTruthy();
    await user.click(screen.getByRole('combobox', { name: /年度KR/ }));
    await user.click(screen.getAllByRole('option')[0]);
    await user.type(screen.getByRole('textbox', { name: /调整后的KR内容/ }), 'x');
    await user.type(screen.getByRole('textbox', { name: /申请人/ }), 'y');
    await user.click(screen.getByRole('button', { name: '提交调整申请' }));
    expect(await screen.findByText('网络中断')).toBeTruthy();
    expect(screen.getAllByText('出错了')).toHaveLength(4);
  });

  it('a workbook that cannot be read: the message, and Read again', async () => {
    const quarterInfo = jest.fn().mockRejectedValueOnce(new Error('当前工作簿不是OKR工作簿（找不到“设置”表）。请先在“生成”步骤中生成。')).mockResolvedValueOnce(QUARTER);
    const { user } = renderPane(fakeActions({ quarterInfo }));
    expect(await screen.findByText(/当前工作簿不是OKR工作簿/)).toBeTruthy();
    expect(quarterInfo).toHaveBeenCalledWith('zh-CN');
    await user.click(screen.getByRole('button', { name: '重新读取' }));
    expect(await screen.findByText('周期 2026-Q4 · 尚未锁定')).toBeTruthy();
    expect(screen.queryByText(/当前工作簿不是OKR工作簿/)).toBeNull();
  });
});

describe('Quarter step in the App', () => {
  it('is the fifth step; reads the quarter when shown; follows the language switch', async () => {
    const user = setupUser();
    const actions = fakeActions({ score: jest.fn().mockResolvedValue(SCORED) });
    render(<App host={{ lang: 'zh-CN', theme: 'light' }} actions={actions} now={NOW} />);
    const step = screen.getByRole('button', { name: '5 季度管理' });
    expect(actions.quarterInfo).not.toHaveBeenCalled();
    await user.click(step);
    expect(step.getAttribute('aria-current')).toBe('step');
    expect(screen.getByRole('heading', { level: 2, name: '季度管理' })).toBeTruthy();
    for (const name of ['锁定季度', '季度评分', '新增回顾月', '年度KR调整申请']) expect(screen.getByRole('heading', { level: 3, name })).toBeTruthy();
    await waitFor(() => expect(actions.quarterInfo).toHaveBeenCalledWith('zh-CN'));
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: '1 设置周期' }));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await user.click(screen.getByRole('button', { name: '5 Quarter' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Quarter' })).toBeTruthy();
    for (const name of ['Lock the quarter', 'Quarter-end scoring', 'Add a review month', 'Request an annual KR change']) {
      expect(screen.getByRole('heading', { level: 3, name })).toBeTruthy();
    }
    await waitFor(() => expect(actions.quarterInfo).toHaveBeenLastCalledWith('en-US'));
    expect(await screen.findByText('Cycle 2026-Q4 · Not locked yet')).toBeTruthy();
    expect(screen.queryByText('锁定季度')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Score the quarter' }));
    expect(actions.score).toHaveBeenCalledWith({ lang: 'en-US', by: undefined, replace: undefined });
    expect(await screen.findByText('Company score 0.65 (Good)')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Scores by department' })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('keyboard only: the lock override is reached and operated with Tab, Space and Enter', async () => {
    const lock = jest.fn().mockResolvedValueOnce(NOT_AGREED).mockResolvedValueOnce({ status: 'locked', cards: 1, objectives: 1, quarterlyKrs: 1, overridden: [] });
    const { user } = await renderReady(fakeActions({ lock }), 'en-US');
    const lockButton = screen.getByRole('button', { name: 'Lock the quarter' });
    lockButton.focus();
    await user.keyboard('{Enter}');
    await screen.findByText('The quarter cannot be locked');
    const box = screen.getByRole('checkbox', { name: 'Lock without all sign-offs' });
    for (let i = 0; i < 20 && document.activeElement !== box; i++) await user.tab();
    expect(document.activeElement).toBe(box);
    await user.keyboard(' ');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Reason for the override/ }));
    await user.keyboard('HR approved');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Lock anyway' }));
    await user.keyboard('{Enter}');
    expect(lock).toHaveBeenLastCalledWith({ lang: 'en-US', by: undefined, override: 'HR approved', relock: undefined });
    expect(await screen.findByText('Quarter locked')).toBeTruthy();
  });
});

describe('groupByCard', () => {
  it('groups AGREED findings by card in order of appearance', () => {
    const groups = groupByCard(NOT_AGREED.status === 'refused' ? NOT_AGREED.findings : []);
    expect(groups.map((g) => [g.department, g.owner, g.findings.map((f) => f.cell)])).toEqual([
      ['技术部', '刘洋', ['B30', 'B31']],
      ['销售部', '', ['B28']],
    ]);
  });
});
