/** @jest-environment jsdom */
import './setup';
import { screen, within } from '@testing-library/react';
import { ValidatePane } from '../../src/taskpane/ValidatePane';
import { filterFindings, findingDepartments, groupFindings } from '../../src/taskpane/findings';
import { STRINGS } from '../../src/taskpane/strings';
import type { FindingView } from '../../src/taskpane/actions';
import { fakeActions, finding, renderInFluent, type FakeActions } from './fakes';

const FINDINGS: FindingView[] = [
  finding({ rule: 'O_COUNT', ruleTitle: '目标数量', sheet: '个人-李雷', cell: 'B5', message: '目标多于 5 个' }),
  finding({ rule: 'KR_COUNT', ruleTitle: '关键结果数量', sheet: '个人-李雷', cell: 'C9', message: '目标 2 没有关键结果' }),
  finding({ rule: 'O_COUNT', ruleTitle: '目标数量', sheet: '个人-李雷', cell: 'B6', severity: 'warning', message: '目标少于 3 个' }),
  finding({
    rule: 'BOTTOM_UP', ruleTitle: '自下而上占比', severity: 'warning', level: 'department',
    department: '技术部', owner: '', sheet: '部门-技术部', cell: 'D3', message: '自下而上目标占 40%，低于 60%',
  }),
  finding({
    rule: 'ALIGNMENT', ruleTitle: '对齐', severity: 'warning', level: 'company',
    department: '', owner: '', sheet: '目标体系图', cell: 'E7', message: '目标没有对齐',
  }),
];

async function renderValidated(actions: FakeActions = fakeActions({ validate: jest.fn().mockResolvedValue(FINDINGS) })) {
  const r = renderInFluent(<ValidatePane actions={actions} strings={STRINGS['zh-CN']} lang="zh-CN" />);
  await r.user.click(screen.getByRole('button', { name: '校验' }));
  await screen.findByRole('heading', { name: '2 个错误，3 个警告' });
  return { ...r, actions };
}

const findingButtons = () => screen.getAllByRole('button').filter((b) => b.hasAttribute('data-finding'));

describe('Validate pane', () => {
  it('calls validate with the language and shows counts and findings grouped by sheet then rule', async () => {
    const { actions } = await renderValidated();
    expect(actions.validate).toHaveBeenCalledWith('zh-CN');

    const sheets = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(sheets).toEqual(['个人-李雷', '部门-技术部', '目标体系图']);
    const person = screen.getByRole('region', { name: '个人-李雷' });
    expect(within(person).getAllByRole('heading', { level: 5 }).map((h) => h.textContent)).toEqual([
      '目标数量（O_COUNT，2 条）',
      '关键结果数量（KR_COUNT，1 条）',
    ]);
    expect(within(person).getByRole('button', { name: /错误 B5 · 目标多于 5 个 — 李雷，销售部/ })).toBeTruthy();
    expect(within(person).getByRole('button', { name: /警告 B6 · 目标少于 3 个/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /E7 · 目标没有对齐 — （公司级）/ })).toBeTruthy();
    expect(screen.getByText('显示 5 / 5 条')).toBeTruthy();
  });

  it('filters by severity', async () => {
    const { user } = await renderValidated();
    await user.click(screen.getByRole('checkbox', { name: '显示警告' }));
    expect(findingButtons().map((b) => b.textContent)).toEqual([
      expect.stringContaining('B5'),
      expect.stringContaining('C9'),
    ]);
    expect(screen.queryByRole('region', { name: '部门-技术部' })).toBeNull();
    expect(screen.getByText('显示 2 / 5 条')).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: '显示错误' }));
    expect(screen.getByText('没有符合筛选条件的问题。')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: '显示警告' }));
    expect(findingButtons()).toHaveLength(3);
  });

  it('filters by department', async () => {
    const { user } = await renderValidated();
    await user.click(screen.getByRole('combobox', { name: '部门' }));
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['全部部门', '（公司级）', '技术部', '销售部']);
    await user.click(screen.getByRole('option', { name: '技术部' }));
    expect(findingButtons().map((b) => b.textContent)).toEqual([expect.stringContaining('D3')]);
    expect(screen.getByText('显示 1 / 5 条')).toBeTruthy();
  });

  it('selects the cell of a finding on click, on Enter and on Space; arrows move between findings', async () => {
    const { user, actions } = await renderValidated();
    await user.click(screen.getByRole('button', { name: /C9/ }));
    expect(actions.selectCell).toHaveBeenLastCalledWith('个人-李雷', 'C9');

    const [first, second, third] = findingButtons();
    first.focus();
    await user.keyboard('{Enter}');
    expect(actions.selectCell).toHaveBeenLastCalledWith('个人-李雷', 'B5');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(second);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(third);
    await user.keyboard(' ');
    expect(actions.selectCell).toHaveBeenLastCalledWith('个人-李雷', 'C9');
    await user.keyboard('{End}');
    await user.keyboard('{Enter}');
    expect(actions.selectCell).toHaveBeenLastCalledWith('目标体系图', 'E7');
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
    await user.tab();
    expect(document.activeElement).toBe(second);
    expect(actions.selectCell).toHaveBeenCalledTimes(4);
  });

  it('shows the message when selecting a cell fails', async () => {
    const actions = fakeActions({
      validate: jest.fn().mockResolvedValue(FINDINGS),
      selectCell: jest.fn().mockRejectedValue(new Error('工作表“个人-李雷”不存在')),
    });
    const { user } = await renderValidated(actions);
    await user.click(findingButtons()[0]);
    expect(await screen.findByText('工作表“个人-李雷”不存在')).toBeTruthy();
    expect(screen.getByText('无法定位到该单元格')).toBeTruthy();
  });

  it('shows the message of a rejected validate', async () => {
    const actions = fakeActions({ validate: jest.fn().mockRejectedValue(new Error('读取工作簿失败')) });
    const { user } = renderInFluent(<ValidatePane actions={actions} strings={STRINGS['zh-CN']} lang="zh-CN" />);
    await user.click(screen.getByRole('button', { name: '校验' }));
    expect(await screen.findByText('读取工作簿失败')).toBeTruthy();
  });

  it('says so when there is nothing to report', async () => {
    const actions = fakeActions();
    const { user } = renderInFluent(<ValidatePane actions={actions} strings={STRINGS['en-US']} lang="en-US" />);
    await user.click(screen.getByRole('button', { name: 'Validate' }));
    expect(await screen.findByText('No problems found.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '0 errors, 0 warnings' })).toBeTruthy();
    expect(actions.validate).toHaveBeenCalledWith('en-US');
  });
});

describe('findings helpers', () => {
  it('group in first-appearance order and filter', () => {
    const groups = groupFindings(FINDINGS);
    expect(groups.map((g) => [g.sheet, g.rules.map((r) => `${r.rule}:${r.findings.length}`)])).toEqual([
      ['个人-李雷', ['O_COUNT:2', 'KR_COUNT:1']],
      ['部门-技术部', ['BOTTOM_UP:1']],
      ['目标体系图', ['ALIGNMENT:1']],
    ]);
    expect(filterFindings(FINDINGS, { department: '', errors: true, warnings: true }).map((f) => f.cell)).toEqual(['E7']);
    expect(filterFindings(FINDINGS, { errors: false, warnings: false })).toEqual([]);
    expect(findingDepartments(FINDINGS)).toEqual(['', '技术部', '销售部']);
  });
});
