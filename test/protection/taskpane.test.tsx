/** @jest-environment jsdom */
/** The password fields of the task pane: masked, passed to the actions, never logged or stored. */
import '../taskpane/setup';
import { screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { GeneratePane } from '../../src/taskpane/GeneratePane';
import { QuarterPane } from '../../src/taskpane/QuarterPane';
import { STRINGS } from '../../src/taskpane/strings';
import { defaultDraft, parseSetup } from '../../src/taskpane/setup-form';
import type { SetupState } from '../../src/taskpane/actions';
import type { Lang } from '../../src/domain/model';
import { fakeActions, ORG, renderInFluent, type FakeActions } from '../taskpane/fakes';

const PASSWORD = 'Zq9-人力资源-Pw!';
const SETUP = parseSetup(defaultDraft(new Date(2026, 6, 1)), 'zh-CN').setup as SetupState;

/** Every console call and every Web Storage write made while `f` runs. */
async function watchLeaks(f: () => Promise<void>): Promise<string> {
  const seen: unknown[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => jest.spyOn(console, m).mockImplementation((...args: unknown[]) => void seen.push(args)));
  const storage = jest.spyOn(Storage.prototype, 'setItem').mockImplementation((...args: unknown[]) => void seen.push(args));
  try {
    await f();
  } finally {
    spies.forEach((s) => s.mockRestore());
    storage.mockRestore();
  }
  return JSON.stringify(seen, (_, v: unknown) => (v instanceof Error ? v.message : v));
}

function renderGenerate(actions: FakeActions, lang: Lang = 'zh-CN') {
  return renderInFluent(
    <main>
      <GeneratePane actions={actions} strings={STRINGS[lang]} lang={lang} setup={{ ...SETUP, lang }} org={ORG} active />
    </main>,
  );
}

function renderQuarter(actions: FakeActions, lang: Lang = 'zh-CN') {
  return renderInFluent(
    <main>
      <QuarterPane actions={actions} strings={STRINGS[lang]} lang={lang} active now={new Date(2026, 10, 15)} />
    </main>,
  );
}

describe('Generate pane: optional protection password', () => {
  it('is a masked field, asks for it twice, and hands it to generate only when both agree', async () => {
    const actions = fakeActions();
    const leaks = await watchLeaks(async () => {
      const { user } = renderGenerate(actions);
      const generate = screen.getByRole('button', { name: '生成' });
      await waitFor(() => expect(generate).toHaveProperty('disabled', false));
      const field = screen.getByLabelText('保护密码（可选）');
      expect(field.getAttribute('type')).toBe('password');
      await user.type(field, PASSWORD);
      // A confirmation field appears; until it matches, Generate is off.
      const again = screen.getByLabelText('再次输入保护密码');
      expect(again.getAttribute('type')).toBe('password');
      expect(generate).toHaveProperty('disabled', true);
      await user.type(again, PASSWORD.slice(0, -1) + '?');
      expect(screen.getByText('两次输入的密码不一致。')).toBeTruthy();
      expect(generate).toHaveProperty('disabled', true);
      await user.clear(again);
      await user.type(again, PASSWORD);
      expect(screen.queryByText('两次输入的密码不一致。')).toBeNull();
      expect(generate).toHaveProperty('disabled', false);
      await user.click(generate);
      await screen.findByText('生成完成');
    });
    expect(actions.generate).toHaveBeenCalledWith(SETUP, ORG, expect.any(Function), { password: PASSWORD });
    expect(leaks).not.toContain(PASSWORD);
    // Nowhere in the page's text (only in the masked inputs' values).
    expect(document.body.textContent).not.toContain(PASSWORD);
  });

  it('left empty: generate is called as before, without a password', async () => {
    const actions = fakeActions();
    const { user } = renderGenerate(actions, 'en-US');
    expect(screen.getByLabelText('Protection password (optional)').getAttribute('type')).toBe('password');
    expect(screen.queryByLabelText('Protection password again')).toBeNull();
    const generate = screen.getByRole('button', { name: 'Generate' });
    await waitFor(() => expect(generate).toHaveProperty('disabled', false));
    await user.click(generate);
    await screen.findByText('Workbook generated');
    expect(actions.generate).toHaveBeenCalledWith({ ...SETUP, lang: 'en-US' }, ORG, expect.any(Function));
    expect(actions.generate.mock.calls[0]).toHaveLength(3);
  });

  it('passes axe with the password fields shown', async () => {
    const { user } = renderGenerate(fakeActions());
    await user.type(screen.getByLabelText('保护密码（可选）'), 'x');
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('Quarter pane: the workbook\'s protection password', () => {
  it('is a masked field whose value goes with lock, scoring, the review month and the annual KR change', async () => {
    const actions = fakeActions({ score: jest.fn().mockResolvedValue({ status: 'refused', code: 'x', message: 'no' }) });
    const leaks = await watchLeaks(async () => {
      const { user } = renderQuarter(actions);
      await screen.findByText('周期 2026-Q4 · 尚未锁定');
      const field = screen.getByLabelText('保护密码');
      expect(field.getAttribute('type')).toBe('password');
      await user.type(field, PASSWORD);
      await user.click(screen.getByRole('button', { name: '锁定季度' }));
      await waitFor(() => expect(actions.lock).toHaveBeenCalled());
      await user.click(screen.getByRole('button', { name: '季度评分' }));
      await waitFor(() => expect(actions.score).toHaveBeenCalled());
      await user.click(screen.getByRole('button', { name: '添加回顾行' }));
      await waitFor(() => expect(actions.addReviewMonth).toHaveBeenCalled());
      await user.click(screen.getByRole('combobox', { name: /年度KR/ }));
      await user.click(screen.getByRole('option', { name: /技术部\/刘洋/ }));
      await user.type(screen.getByRole('textbox', { name: /调整后的KR内容/ }), '全年发布 3 个大版本');
      await user.type(screen.getByRole('textbox', { name: /申请人/ }), '刘洋');
      await user.click(screen.getByRole('button', { name: '提交调整申请' }));
      await waitFor(() => expect(actions.requestAnnualKrChange).toHaveBeenCalled());
    });
    expect(actions.lock.mock.calls[0][0]).toMatchObject({ lang: 'zh-CN', password: PASSWORD });
    expect(actions.score.mock.calls[0][0]).toMatchObject({ lang: 'zh-CN', password: PASSWORD });
    expect(actions.addReviewMonth.mock.calls[0][0]).toMatchObject({ lang: 'zh-CN', month: '2026-11', password: PASSWORD });
    expect(actions.requestAnnualKrChange.mock.calls[0][0]).toMatchObject({ lang: 'zh-CN', sheet: '个人-刘洋', cell: 'H15', password: PASSWORD });
    expect(leaks).not.toContain(PASSWORD);
    expect(document.body.textContent).not.toContain(PASSWORD);
  });

  it('left empty: the actions get no password', async () => {
    const actions = fakeActions();
    const { user } = renderQuarter(actions, 'en-US');
    await screen.findByText('Cycle 2026-Q4 · Not locked yet');
    expect(screen.getByLabelText('Protection password').getAttribute('type')).toBe('password');
    await user.click(screen.getByRole('button', { name: 'Lock the quarter' }));
    await waitFor(() => expect(actions.lock).toHaveBeenCalled());
    expect(actions.lock.mock.calls[0][0].password).toBeUndefined();
  });

  it('a wrong password: the action\'s message is shown (the pane does not retry or keep anything)', async () => {
    const message = '工作表受密码保护，未提供保护密码或密码不正确，未做任何修改。请在任务窗格的“保护密码”框中输入工作表的保护密码后重试。';
    const actions = fakeActions({ score: jest.fn().mockRejectedValue(new Error(message)) });
    const { user } = renderQuarter(actions);
    await screen.findByText('周期 2026-Q4 · 尚未锁定');
    await user.type(screen.getByLabelText('保护密码'), 'wrong');
    await user.click(screen.getByRole('button', { name: '季度评分' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(actions.score).toHaveBeenCalledTimes(1);
  });
});
