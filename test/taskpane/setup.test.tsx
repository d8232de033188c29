/** @jest-environment jsdom */
import './setup';
import { render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { defaultDraft, parseSetup, readNumber, type SetupDraft } from '../../src/taskpane/setup-form';
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { fakeActions, setupUser } from './fakes';

const MAY_2026 = new Date(2026, 4, 15);

describe('setup form (plain data)', () => {
  it('defaults to the quarter of "now" and to DEFAULT_SETTINGS', () => {
    expect(defaultDraft(MAY_2026)).toEqual({
      year: '2026',
      quarter: 2,
      fairFrom: '0.4',
      goodFrom: '0.6',
      goodTo: '0.7',
      minObjectives: '3',
      maxObjectives: '5',
      maxKrs: '4',
      bottomUpPercent: '60',
    });
    expect(defaultDraft(new Date(2025, 0, 1)).quarter).toBe(1);
    expect(defaultDraft(new Date(2025, 11, 31)).quarter).toBe(4);
  });

  it('parses the defaults back to exactly DEFAULT_SETTINGS and the cycle', () => {
    const { setup, errors } = parseSetup(defaultDraft(MAY_2026), 'en-US');
    expect(errors).toEqual({});
    expect(setup).toEqual({
      cycle: { year: 2026, quarter: 2, start: '2026-04-01', end: '2026-06-30' },
      lang: 'en-US',
      settings: DEFAULT_SETTINGS,
    });
  });

  const withDraft = (patch: Partial<SetupDraft>) => parseSetup({ ...defaultDraft(MAY_2026), ...patch }, 'zh-CN');

  it.each([
    [{ fairFrom: '0' }, 'fairFrom', { code: 'fairPositive' }],
    [{ fairFrom: '-0.1' }, 'fairFrom', { code: 'fairPositive' }],
    [{ fairFrom: '0.6' }, 'goodFrom', { code: 'goodAboveFair', value: 0.6 }],
    [{ goodFrom: '0.75' }, 'goodTo', { code: 'goodToAtLeastGood', value: 0.75 }],
    [{ goodTo: '1' }, 'goodTo', { code: 'goodToBelowOne' }],
    [{ goodFrom: 'abc' }, 'goodFrom', { code: 'notNumber' }],
    [{ year: '1999' }, 'year', { code: 'yearRange' }],
    [{ year: '2026.5' }, 'year', { code: 'notInteger' }],
    [{ minObjectives: '0' }, 'minObjectives', { code: 'atLeastOne' }],
    [{ maxObjectives: '2' }, 'maxObjectives', { code: 'maxAtLeastMin', value: 3 }],
    [{ maxKrs: '' }, 'maxKrs', { code: 'notNumber' }],
    [{ bottomUpPercent: '120' }, 'bottomUpPercent', { code: 'percentRange' }],
  ])('%j → error on %s', (patch, field, error) => {
    const parsed = withDraft(patch as Partial<SetupDraft>);
    expect(parsed.setup).toBeUndefined();
    expect(parsed.errors).toEqual({ [field]: error });
  });

  it('accepts good = goodTo, full-width digits and a % sign', () => {
    const parsed = withDraft({ goodFrom: '0.7', goodTo: '０.７', bottomUpPercent: '55%' });
    expect(parsed.errors).toEqual({});
    expect(parsed.setup?.settings.bands).toEqual({ fairFrom: 0.4, goodFrom: 0.7, goodTo: 0.7 });
    expect(parsed.setup?.settings.limits.bottomUpMin).toBe(0.55);
    expect(readNumber(' 1e3 ')).toBeUndefined();
  });
});

describe('Setup pane', () => {
  function renderApp() {
    const user = setupUser();
    const actions = fakeActions();
    render(<App host={{ lang: 'zh-CN', theme: 'light' }} actions={actions} now={new Date(2026, 10, 3)} />);
    return { user, actions };
  }

  it('shows the defaults: current quarter, bands and limits', () => {
    renderApp();
    expect(screen.getByRole('heading', { level: 2, name: '设置周期' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('年份').value).toBe('2026');
    expect(screen.getByRole('combobox', { name: '季度' }).textContent).toContain('Q4');
    expect(screen.getByText('周期：2026-10-01 至 2026-12-31')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('“差”截止分（含）').value).toBe('0.4');
    expect(screen.getByLabelText<HTMLInputElement>('“良好”起始分').value).toBe('0.6');
    expect(screen.getByLabelText<HTMLInputElement>('“良好”截止分（含）').value).toBe('0.7');
    expect(screen.getByLabelText<HTMLInputElement>('每季度最少目标数').value).toBe('3');
    expect(screen.getByLabelText<HTMLInputElement>('每季度最多目标数').value).toBe('5');
    expect(screen.getByLabelText<HTMLInputElement>('每个目标最多关键结果数').value).toBe('4');
    expect(screen.getByLabelText<HTMLInputElement>('自下而上目标最低占比（%）').value).toBe('60');
    expect(screen.getByRole('radio', { name: '中文' })).toHaveProperty('checked', true);
    expect(screen.getByText('差 ≤ 0.4 < 待改进 < 0.6 ≤ 良好 ≤ 0.7 < 优秀')).toBeTruthy();
  });

  it('shows inline validation messages on the field that breaks 0 < fair < good ≤ goodTo < 1', async () => {
    const { user } = renderApp();
    const fair = screen.getByLabelText('“差”截止分（含）');
    await user.clear(fair);
    await user.type(fair, '0.65');
    const good = screen.getByLabelText('“良好”起始分');
    expect(good.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('应大于“差”截止分（0.65）')).toBeTruthy();
    // The message is tied to the field for screen readers.
    const describedBy = (good.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.some((id) => document.getElementById(id)?.textContent === '应大于“差”截止分（0.65）')).toBe(true);
    expect(screen.getByText('设置中有需要修改的项，修改后才能生成。')).toBeTruthy();

    const goodTo = screen.getByLabelText('“良好”截止分（含）');
    await user.clear(goodTo);
    await user.type(goodTo, '0.5');
    expect(screen.getByText('应不小于“良好”起始分（0.6）')).toBeTruthy();

    await user.clear(fair);
    await user.type(fair, '0.5');
    await user.clear(goodTo);
    await user.type(goodTo, '1');
    expect(screen.queryByText('应大于“差”截止分（0.65）')).toBeNull();
    expect(screen.getByText('应小于 1')).toBeTruthy();

    await user.clear(goodTo);
    await user.type(goodTo, '0.8');
    expect(screen.queryByText('应小于 1')).toBeNull();
    expect(good.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByText('差 ≤ 0.5 < 待改进 < 0.6 ≤ 良好 ≤ 0.8 < 优秀')).toBeTruthy();

    const min = screen.getByLabelText('每季度最少目标数');
    await user.clear(min);
    await user.type(min, '6');
    expect(screen.getByText('应不小于最少目标数（6）')).toBeTruthy();
  });

  it('changes the quarter with the drop-down and the dates follow', async () => {
    const { user } = renderApp();
    // (Opening a Fluent Dropdown is slow in jsdom: floating-ui calls getComputedStyle over ~700 Griffel rules.)
    await user.click(screen.getByRole('combobox', { name: '季度' }));
    await user.click(screen.getByRole('option', { name: 'Q1（1–3 月）' }));
    expect(screen.getByText('周期：2026-01-01 至 2026-03-31')).toBeTruthy();
    const year = screen.getByLabelText('年份');
    await user.clear(year);
    await user.type(year, '2027');
    expect(screen.getByText('周期：2027-01-01 至 2027-03-31')).toBeTruthy();
    await user.clear(year);
    expect(within(year.closest('.fui-Field') as HTMLElement).getByText('请输入数字')).toBeTruthy();
  });
});
