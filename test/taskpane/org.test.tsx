/** @jest-environment jsdom */
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import { OrgPane } from '../../src/taskpane/OrgPane';
import { departmentRows } from '../../src/taskpane/OrgSummary';
import { STRINGS } from '../../src/taskpane/strings';
import type { OrgPreview } from '../../src/taskpane/actions';
import { TextDecoder } from 'util';
import { fakeActions, ORG, renderInFluent } from './fakes';

function renderOrg(preview: OrgPreview | Error = { org: ORG, issues: [] }, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  const actions = fakeActions({
    readOrg: preview instanceof Error ? jest.fn().mockRejectedValue(preview) : jest.fn().mockResolvedValue(preview),
  });
  const onOrg = jest.fn();
  const r = renderInFluent(<OrgPane actions={actions} strings={STRINGS[lang]} lang={lang} onOrg={onOrg} />);
  return { ...r, actions, onOrg };
}

describe('Organisation pane', () => {
  it('explains the expected columns', () => {
    renderOrg();
    expect(screen.getByText(/第一行为列名：部门、姓名、岗位、上级、负责人/)).toBeTruthy();
  });

  it('reads a picked CSV file as bytes and shows departments, heads and head counts', async () => {
    const { user, actions, onOrg } = renderOrg();
    const read = screen.getByRole('button', { name: '读取' });
    expect(read).toHaveProperty('disabled', true);

    const csv = '部门,姓名\n销售部,王芳\n';
    await user.upload(screen.getByTestId('org-file-input'), new File([csv], 'org.csv', { type: 'text/csv' }));
    expect(screen.getByText('已选择：org.csv')).toBeTruthy();
    await user.click(read);

    await screen.findByText('已读取 2 个部门、5 名员工');
    expect(actions.readOrg).toHaveBeenCalledTimes(1);
    const [source, lang] = actions.readOrg.mock.calls[0];
    expect(lang).toBe('zh-CN');
    expect(source.kind).toBe('file');
    if (source.kind !== 'file') throw new Error('unreachable');
    expect(source.name).toBe('org.csv');
    expect(source.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(source.bytes)).toBe(csv);
    expect(onOrg).toHaveBeenLastCalledWith(ORG);

    const table = screen.getByRole('table', { name: '部门列表' });
    const rows = within(table).getAllByRole('row').map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent));
    expect(rows).toEqual([
      ['部门', '负责人', '人数'],
      ['销售部', '王芳', '2'],
      ['技术部', '张伟', '3'],
    ]);
  });

  it('reads pasted text and lists errors with their line numbers', async () => {
    const preview: OrgPreview = {
      issues: [
        { file: '', line: 12, column: '上级', message: '找不到上级“李四”' },
        { file: '', line: 0, column: '', message: '缺少“姓名”列' },
      ],
    };
    const { user, actions, onOrg } = renderOrg(preview);
    await user.click(screen.getByRole('radio', { name: '粘贴 CSV 文本' }));
    await user.click(screen.getByRole('textbox', { name: 'CSV 文本' }));
    await user.paste('部门,姓名\n销售部,王芳');
    await user.click(screen.getByRole('button', { name: '读取' }));

    await screen.findByText('第12行 上级: 找不到上级“李四”');
    expect(screen.getByText('缺少“姓名”列')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '发现 2 个问题' })).toBeTruthy();
    expect(screen.getByText('未能读取组织架构，请修改以下问题后重新读取。')).toBeTruthy();
    expect(actions.readOrg).toHaveBeenCalledWith({ kind: 'paste', text: '部门,姓名\n销售部,王芳' }, 'zh-CN', expect.anything());
    expect(onOrg).toHaveBeenLastCalledWith(undefined);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows usable organisations with their warnings, in English too', async () => {
    const preview: OrgPreview = { org: ORG, okrCount: 7, issues: [{ file: 'org.xlsx', line: 4, column: '岗位', message: 'position is empty' }] };
    const { user } = renderOrg(preview, 'en-US');
    await user.click(screen.getByRole('radio', { name: 'Pasted CSV text' }));
    await user.click(screen.getByRole('textbox', { name: 'CSV text' }));
    await user.paste('x');
    await user.click(screen.getByRole('button', { name: 'Read' }));
    await screen.findByText('Read 2 departments and 5 people');
    expect(screen.getByText('The source also holds 7 OKR entries.')).toBeTruthy();
    expect(screen.getByText('Line 4, 岗位: position is empty')).toBeTruthy();
  });

  it('lists the workbook sheets and reads the chosen one', async () => {
    const { user, actions } = renderOrg();
    await user.click(screen.getByRole('radio', { name: '本工作簿中的工作表' }));
    expect(actions.listSheets).toHaveBeenCalledTimes(1);
    const sheet = screen.getByRole('combobox', { name: '工作表' });
    await waitFor(() => expect(sheet.getAttribute('aria-disabled') ?? sheet.getAttribute('disabled')).toBeNull());
    await user.click(sheet);
    await user.click(await screen.findByRole('option', { name: '组织架构' }));
    await user.click(screen.getByRole('button', { name: '读取' }));
    await screen.findByText('已读取 2 个部门、5 名员工');
    expect(actions.readOrg).toHaveBeenCalledWith({ kind: 'sheet', sheetName: '组织架构' }, 'zh-CN', expect.anything());
  });

  it('shows the message of a rejected read, and of a failed sheet list', async () => {
    const { user, actions, onOrg } = renderOrg(new Error('文件已损坏，无法打开'));
    await user.click(screen.getByRole('radio', { name: '粘贴 CSV 文本' }));
    await user.click(screen.getByRole('textbox', { name: 'CSV 文本' }));
    await user.paste('a,b');
    await user.click(screen.getByRole('button', { name: '读取' }));
    await screen.findByText('文件已损坏，无法打开');
    expect(onOrg).toHaveBeenLastCalledWith(undefined);

    actions.listSheets.mockRejectedValueOnce(new Error('工作簿已关闭'));
    await user.click(screen.getByRole('radio', { name: '本工作簿中的工作表' }));
    await screen.findByText('工作簿已关闭');
  });

  it('shows the progress of a long read with a bar and a percentage, then the result; Cancel stops a read and keeps the earlier result', async () => {
    type Options = Parameters<typeof actions.readOrg>[2];
    let finish: (p: OrgPreview) => void = () => undefined;
    let options: Options;
    const actions = fakeActions({
      readOrg: jest.fn((_source, _lang, o: Options) => {
        options = o;
        return new Promise<OrgPreview>((resolve) => {
          finish = resolve;
        });
      }),
    });
    const onOrg = jest.fn();
    const { user } = renderInFluent(<OrgPane actions={actions} strings={STRINGS['en-US']} lang="en-US" onOrg={onOrg} />);
    await user.upload(screen.getByTestId('org-file-input'), new File(['x'], 'org.xlsx'));
    await user.click(screen.getByRole('button', { name: 'Read' }));

    act(() => options?.onProgress?.(0.453));
    expect(await screen.findByText('Reading… 45%')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.453');
    await act(async () => finish({ org: ORG, issues: [] }));
    await screen.findByText('Read 2 departments and 5 people');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(onOrg).toHaveBeenLastCalledWith(ORG);

    // A second read, cancelled: the signal is aborted, the earlier result stays.
    await user.click(screen.getByRole('button', { name: 'Read' }));
    act(() => options?.onProgress?.(0.2));
    await screen.findByText('Reading… 20%');
    expect(options?.signal?.aborted).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(options?.signal?.aborted).toBe(true);
    await act(async () => finish({ cancelled: true, issues: [] }));
    await screen.findByText('Reading was cancelled.');
    expect(screen.getByText('Read 2 departments and 5 people')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(onOrg).toHaveBeenCalledTimes(1);
  });

  it('counts people per department and falls back to the flagged head', () => {
    expect(departmentRows(ORG)).toEqual([
      { name: '销售部', head: '王芳', people: 2 },
      { name: '技术部', head: '张伟', people: 3 },
    ]);
    expect(departmentRows({ departments: [{ name: '空部门' }], people: [] })).toEqual([{ name: '空部门', head: undefined, people: 0 }]);
  });
});
