/** @jest-environment jsdom */
import './setup';
import { render, screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { fakeActions, finding, ORG, setupUser } from './fakes';

/** Presses Tab until `target` has focus; fails if it is not reached within `max` presses. */
async function tabTo(user: UserEvent, target: HTMLElement, max = 40): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await user.tab();
    if (document.activeElement === target) return n;
  }
  throw new Error(`Tab never reached ${target.outerHTML.slice(0, 120)}; stuck on ${document.activeElement?.outerHTML.slice(0, 120)}`);
}

describe('keyboard only', () => {
  it('reaches and activates the main controls of every step with Tab, arrows, Enter and Space', async () => {
    const user = setupUser();
    const actions = fakeActions({
      readOrg: jest.fn().mockResolvedValue({ org: ORG, issues: [] }),
      generate: jest.fn().mockResolvedValue({ created: [{ sheet: '说明', kind: 'guide' }], skipped: false, ms: 10 }),
      validate: jest.fn().mockResolvedValue([finding({})]),
    });
    render(<App host={{ lang: 'zh-CN', theme: 'light' }} actions={actions} now={new Date(2026, 0, 1)} />);

    // Setup: the step buttons come first, the current one marked; then the form fields in order.
    const setupStep = screen.getByRole('button', { name: '1 设置周期' });
    expect(await tabTo(user, setupStep)).toBe(1);
    expect(setupStep.getAttribute('aria-current')).toBe('step');
    await tabTo(user, screen.getByLabelText('年份'));
    await tabTo(user, screen.getByLabelText('“差”截止分（含）'));

    // Organisation: Shift+Tab back to the step buttons, Enter selects.
    const orgStep = screen.getByRole('button', { name: '2 组织架构' });
    for (let n = 0; n < 40 && document.activeElement !== orgStep; n++) await user.tab({ shift: true });
    expect(document.activeElement).toBe(orgStep);
    await user.keyboard('{Enter}');
    expect(orgStep.getAttribute('aria-current')).toBe('step');
    expect(setupStep.getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: '组织架构' })).toBeTruthy();
    await tabTo(user, screen.getByRole('radio', { name: 'CSV 或 XLSX 文件' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('radio', { name: '粘贴 CSV 文本' })).toHaveProperty('checked', true);
    await tabTo(user, screen.getByRole('textbox', { name: 'CSV 文本' }));
    await user.keyboard('部门,姓名');
    const read = screen.getByRole('button', { name: '读取' });
    await tabTo(user, read);
    await user.keyboard('{Enter}');
    await screen.findByText('已读取 2 个部门、5 名员工');

    // Generate.
    screen.getByRole('button', { name: '3 生成' }).focus();
    await user.keyboard(' ');
    const generate = screen.getByRole('button', { name: '生成' });
    await waitFor(() => expect(generate).toHaveProperty('disabled', false));
    await tabTo(user, generate);
    await user.keyboard('{Enter}');
    await screen.findByText('生成完成');
    expect(actions.generate).toHaveBeenCalledTimes(1);

    // Validate, then a finding.
    screen.getByRole('button', { name: '4 校验' }).focus();
    await user.keyboard('{Enter}');
    const validate = screen.getByRole('button', { name: '校验' });
    await tabTo(user, validate);
    await user.keyboard(' ');
    const item = await screen.findByRole('button', { name: /B5 · 目标多于 5 个/ });
    await tabTo(user, item);
    await user.keyboard('{Enter}');
    expect(actions.selectCell).toHaveBeenCalledWith('个人-李雷', 'B5');
  });

  it('the file picker is reached as a Fluent button that opens the native input', async () => {
    const user = setupUser();
    render(<App host={{ lang: 'en-US', theme: 'light' }} actions={fakeActions()} now={new Date(2026, 0, 1)} />);
    await user.click(screen.getByRole('button', { name: '2 Organisation' }));
    const input = screen.getByTestId('org-file-input') as HTMLInputElement;
    const opened = jest.fn();
    input.addEventListener('click', opened);
    const choose = screen.getByRole('button', { name: 'Choose a file…' });
    await tabTo(user, choose);
    await user.keyboard('{Enter}');
    expect(opened).toHaveBeenCalled();
  });
});
