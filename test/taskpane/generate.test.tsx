/** @jest-environment jsdom */
import './setup';
import { act, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { GeneratePane, groupCreated } from '../../src/taskpane/GeneratePane';
import { STRINGS } from '../../src/taskpane/strings';
import { defaultDraft, parseSetup } from '../../src/taskpane/setup-form';
import type { GenerateSummary, SetupState } from '../../src/taskpane/actions';
import type { Organisation } from '../../src/domain/model';
import { fakeActions, ORG, renderInFluent, setupUser, type FakeActions } from './fakes';

const SETUP = parseSetup(defaultDraft(new Date(2026, 6, 1)), 'zh-CN').setup as SetupState;

function renderGenerate(actions: FakeActions, opts: { org?: Organisation | null; setup?: SetupState | null; unsupported?: boolean } = {}) {
  return renderInFluent(
    <GeneratePane
      actions={actions}
      strings={STRINGS['zh-CN']}
      lang="zh-CN"
      setup={opts.setup === null ? undefined : opts.setup ?? SETUP}
      org={opts.org === null ? undefined : opts.org ?? ORG}
      unsupported={opts.unsupported}
      active
    />,
  );
}

const generateButton = () => screen.getByRole('button', { name: '生成' });

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Generate pane', () => {
  it('summarises what will be created', async () => {
    renderGenerate(fakeActions());
    expect(screen.getByText('2 张部门 OKR 卡')).toBeTruthy();
    expect(screen.getByText('5 张个人 OKR 卡')).toBeTruthy();
    expect(screen.getByText(/以及：说明、设置、目标体系图、关键成果KRS和行动实施表、月（季）绩效回顾表、季度评分、变更记录/)).toBeTruthy();
    expect(screen.getByText('周期 2026-Q3，语言：中文')).toBeTruthy();
    await waitFor(() => expect(generateButton()).toHaveProperty('disabled', false));
  });

  it('refuses to generate, with a warning listing them, when the workbook already has OKR sheets', async () => {
    const actions = fakeActions({ existingOkrSheets: jest.fn().mockResolvedValue(['设置', '部门-销售部']) });
    const { user } = renderGenerate(actions);
    await screen.findByText('工作簿中已有 OKR 工作表');
    expect(screen.getByText(/生成不会修改这些工作表/)).toBeTruthy();
    expect(screen.getByText('部门-销售部')).toBeTruthy();
    expect(screen.getByText('设置')).toBeTruthy();
    expect(generateButton()).toHaveProperty('disabled', true);
    await user.click(generateButton());
    expect(actions.generate).not.toHaveBeenCalled();
  });

  it('offers 更新组织架构 instead, hands it the organisation and the password, and lists what changed', async () => {
    const updateOrg = jest.fn().mockResolvedValue({
      status: 'updated', message: '新增 1 人；离职 1 人（卡片保留并标记）',
      lines: [{ where: '个人-新人甲', what: '新建卡片' }, { where: '个人-何静', what: '标记为离职/撤销（卡片保留）' }],
    });
    const actions = fakeActions({ existingOkrSheets: jest.fn().mockResolvedValue(['设置']), updateOrg });
    const { user } = renderGenerate(actions);
    const button = await screen.findByRole('button', { name: '更新组织架构' });
    await user.type(screen.getByLabelText('保护密码'), 'pw-1');
    // The workbook's own password: no confirmation field when updating.
    expect(screen.queryByLabelText(/再次输入/)).toBeNull();
    await user.click(button);
    expect(updateOrg).toHaveBeenCalledWith(ORG, 'zh-CN', { password: 'pw-1' });
    expect(await screen.findByText('已更新')).toBeTruthy();
    expect(screen.getByText('新增 1 人；离职 1 人（卡片保留并标记）')).toBeTruthy();
    const list = screen.getByRole('list', { name: '更新明细' });
    expect(list.textContent).toContain('个人-新人甲 — 新建卡片');
    expect(list.textContent).toContain('个人-何静 — 标记为离职/撤销（卡片保留）');
    expect(actions.generate).not.toHaveBeenCalled();
  });

  it('shows why an update was refused, and an update that failed, as errors', async () => {
    const updateOrg = jest.fn()
      .mockResolvedValueOnce({ status: 'refused', message: '这个工作簿由更新版本的模板生成', lines: [] })
      .mockRejectedValueOnce(new Error('工作表受密码保护'));
    const actions = fakeActions({ existingOkrSheets: jest.fn().mockResolvedValue(['设置']), updateOrg });
    const { user } = renderGenerate(actions);
    const button = await screen.findByRole('button', { name: '更新组织架构' });
    await user.click(button);
    expect(await screen.findByText('未更新')).toBeTruthy();
    expect(screen.getByText('这个工作簿由更新版本的模板生成')).toBeTruthy();
    await user.click(button);
    expect(await screen.findByText('工作表受密码保护')).toBeTruthy();
  });

  it('keeps Generate disabled until the check for existing sheets has answered', async () => {
    const check = deferred<string[]>();
    const actions = fakeActions({ existingOkrSheets: jest.fn().mockReturnValue(check.promise) });
    renderGenerate(actions);
    expect(screen.getByText('正在检查工作簿中已有的 OKR 工作表…')).toBeTruthy();
    expect(generateButton()).toHaveProperty('disabled', true);
    await act(async () => check.resolve([]));
    expect(generateButton()).toHaveProperty('disabled', false);
  });

  it('generates with progress, then lists the created sheets by kind and the time taken', async () => {
    const run = deferred<GenerateSummary>();
    let report: (done: number, total: number) => void = () => undefined;
    const actions = fakeActions({
      generate: jest.fn().mockImplementation((_s, _o, onProgress: (d: number, t: number) => void) => {
        report = onProgress;
        return run.promise;
      }),
    });
    const { user } = renderGenerate(actions);
    await waitFor(() => expect(generateButton()).toHaveProperty('disabled', false));
    await user.click(generateButton());

    expect(actions.generate).toHaveBeenCalledWith(SETUP, ORG, expect.any(Function));
    expect(generateButton()).toHaveProperty('disabled', true);
    act(() => report(1, 4));
    const bar = screen.getByRole('progressbar', { name: '正在生成… 1/4' });
    expect(bar.getAttribute('aria-valuenow')).toBe('0.25');
    act(() => report(3, 4));
    expect(screen.getByRole('progressbar', { name: '正在生成… 3/4' }).getAttribute('aria-valuenow')).toBe('0.75');

    await act(async () =>
      run.resolve({
        created: [
          { sheet: '说明', kind: 'guide' },
          { sheet: '部门-销售部', kind: 'department' },
          { sheet: '部门-技术部', kind: 'department' },
          { sheet: '个人-王芳', kind: 'individual' },
        ],
        skipped: false,
        ms: 1520,
      }),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('生成完成')).toBeTruthy();
    expect(screen.getByText('已创建 4 张工作表，用时 1.5 秒。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '部门OKR目标和关键成果卡（2）' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '说明（1）' })).toBeTruthy();
    expect(screen.getByText('部门-技术部')).toBeTruthy();
    // Not twice: a second press would find the sheets it just made.
    expect(generateButton()).toHaveProperty('disabled', true);
  });

  it('shows the message of a rejected generate and lets the user try again', async () => {
    const actions = fakeActions({ generate: jest.fn().mockRejectedValue(new Error('工作表名称“部门-销售部”已存在')) });
    const { user } = renderGenerate(actions);
    await waitFor(() => expect(generateButton()).toHaveProperty('disabled', false));
    await user.click(generateButton());
    expect(await screen.findByText('工作表名称“部门-销售部”已存在')).toBeTruthy();
    expect(screen.getByText('出错了')).toBeTruthy();
    expect(generateButton()).toHaveProperty('disabled', false);
  });

  it('shows the message when checking for existing sheets fails, and stays disabled', async () => {
    const actions = fakeActions({ existingOkrSheets: jest.fn().mockRejectedValue(new Error('not wired yet')) });
    renderGenerate(actions);
    expect(await screen.findByText('not wired yet')).toBeTruthy();
    expect(generateButton()).toHaveProperty('disabled', true);
  });

  it('reports a skipped generation with its reason', async () => {
    const actions = fakeActions({
      generate: jest.fn().mockResolvedValue({ created: [], skipped: true, reason: '同事刚刚创建了 OKR 工作表', ms: 3 }),
    });
    const { user } = renderGenerate(actions);
    await waitFor(() => expect(generateButton()).toHaveProperty('disabled', false));
    await user.click(generateButton());
    expect(await screen.findByText('同事刚刚创建了 OKR 工作表')).toBeTruthy();
    expect(screen.getByText('未生成任何工作表')).toBeTruthy();
  });

  it('needs an organisation and a valid setup', async () => {
    const actions = fakeActions();
    renderGenerate(actions, { org: null, setup: null });
    await waitFor(() => expect(actions.existingOkrSheets).toHaveBeenCalled());
    expect(screen.getByText('请先在“2 组织架构”中读取组织架构。')).toBeTruthy();
    expect(screen.getByText('请先修正“1 设置周期”中标出的问题。')).toBeTruthy();
    expect(generateButton()).toHaveProperty('disabled', true);
  });

  it('groups created sheets by kind in creation order', () => {
    expect(
      groupCreated([
        { sheet: 'a', kind: 'individual' },
        { sheet: 'b', kind: 'guide' },
        { sheet: 'c', kind: 'individual' },
      ]),
    ).toEqual([
      { kind: 'individual', sheets: ['a', 'c'] },
      { kind: 'guide', sheets: ['b'] },
    ]);
  });
});

describe('Generate through the App', () => {
  it('an unsupported Excel shows an error bar and disables Generate', async () => {
    const user = setupUser();
    const actions = fakeActions();
    render(
      <App
        host={{ lang: 'zh-CN', theme: 'dark', unsupportedMessage: '需要 ExcelApi 1.9' }}
        actions={actions}
        now={new Date(2026, 0, 5)}
      />,
    );
    expect(screen.getByText('需要 ExcelApi 1.9')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '3 生成' }));
    await waitFor(() => expect(actions.existingOkrSheets).toHaveBeenCalled());
    expect(screen.getByText('此 Excel 版本无法生成工作簿。')).toBeTruthy();
    expect(generateButton()).toHaveProperty('disabled', true);
  });

  it('passes the setup, language and the organisation read in step 2 to generate; checks only when shown', async () => {
    const user = setupUser();
    const actions = fakeActions({ readOrg: jest.fn().mockResolvedValue({ org: ORG, issues: [] }) });
    render(<App host={{ lang: 'zh-CN', theme: 'light' }} actions={actions} now={new Date(2026, 0, 5)} />);
    expect(actions.existingOkrSheets).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: 'English' }));
    const maxKrs = screen.getByLabelText('Maximum key results per objective');
    await user.clear(maxKrs);
    await user.type(maxKrs, '3');

    await user.click(screen.getByRole('button', { name: '2 Organisation' }));
    await user.click(screen.getByRole('radio', { name: 'Pasted CSV text' }));
    await user.click(screen.getByRole('textbox', { name: 'CSV text' }));
    await user.paste('部门,姓名');
    await user.click(screen.getByRole('button', { name: 'Read' }));
    await screen.findByText('Read 2 departments and 5 people');

    await user.click(screen.getByRole('button', { name: '3 Generate' }));
    expect(actions.existingOkrSheets).toHaveBeenCalledTimes(1);
    const button = screen.getByRole('button', { name: 'Generate' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    await user.click(button);
    await screen.findByText('Workbook generated');
    const [setup, org] = actions.generate.mock.calls[0];
    expect(setup.lang).toBe('en-US');
    expect(setup.cycle).toEqual({ year: 2026, quarter: 1, start: '2026-01-01', end: '2026-03-31' });
    expect(setup.settings.limits.maxKrs).toBe(3);
    expect(org).toBe(ORG);

    // Coming back to the step checks the workbook again.
    await user.click(screen.getByRole('button', { name: '4 Validate' }));
    await user.click(screen.getByRole('button', { name: '3 Generate' }));
    expect(actions.existingOkrSheets).toHaveBeenCalledTimes(2);
  });
});
