/** @jest-environment jsdom */
import './setup';
import { render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { App } from '../../src/taskpane/App';
import { fakeActions, finding, ORG, setupUser } from './fakes';

/**
 * axe-core in jsdom: structure, names, roles and ARIA (jsdom does no layout, so colour contrast is left
 * to the Chromium scan). Every step is scanned in the state with the most on screen.
 */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core)', () => {
  it('has no violations on any step, in either language', async () => {
    const user = setupUser();
    const actions = fakeActions({
      readOrg: jest.fn().mockResolvedValue({ org: ORG, okrCount: 2, issues: [{ file: '', line: 3, column: '上级', message: '找不到上级' }] }),
      existingOkrSheets: jest.fn().mockResolvedValue(['设置']),
      validate: jest.fn().mockResolvedValue([finding({}), finding({ severity: 'warning', cell: 'B6', department: '', owner: '' })]),
    });
    render(<App host={{ lang: 'zh-CN', theme: 'light', unsupportedMessage: '需要 ExcelApi 1.9' }} actions={actions} now={new Date(2026, 0, 1)} />);

    // The scan can fail: an unlabelled input is reported.
    const bad = document.createElement('input');
    document.querySelector('main')?.appendChild(bad);
    expect(await violations()).toEqual([expect.stringMatching(/^label: /)]);
    bad.remove();

    const fair = screen.getByLabelText('“差”截止分（含）');
    await user.clear(fair);
    await user.type(fair, 'x');
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: '2 组织架构' }));
    await user.click(screen.getByRole('radio', { name: '粘贴 CSV 文本' }));
    await user.click(screen.getByRole('textbox', { name: 'CSV 文本' }));
    await user.paste('部门,姓名');
    await user.click(screen.getByRole('button', { name: '读取' }));
    await screen.findByText('第3行 上级: 找不到上级');
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: '3 生成' }));
    await screen.findByText('工作簿中已有 OKR 工作表');
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: '4 校验' }));
    await user.click(screen.getByRole('button', { name: '校验' }));
    await screen.findByRole('heading', { name: '1 个错误，1 个警告' });
    expect(await violations()).toEqual([]);

    await user.click(screen.getByRole('button', { name: '1 设置周期' }));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    await waitFor(() => expect(document.documentElement.lang).toBe('en-US'));
    expect(await violations()).toEqual([]);
  });
});
