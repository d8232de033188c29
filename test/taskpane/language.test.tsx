/** @jest-environment jsdom */
import './setup';
import { render, screen, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { STRINGS, type Strings } from '../../src/taskpane/strings';
import { hostInfoFrom, isDarkColor, langFromDisplayLanguage } from '../../src/taskpane/host';
import { fakeActions, setupUser } from './fakes';

const NOW = new Date(2026, 3, 1);

describe('language', () => {
  it('follows the host language, and the Setup switch changes every visible string and the document language', async () => {
    const user = setupUser();
    const actions = fakeActions();
    render(<App host={{ lang: 'zh-CN', theme: 'light' }} actions={actions} now={NOW} />);
    expect(screen.getByRole('button', { name: '1 设置周期' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '2 组织架构' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'OKR 工作簿' })).toBeTruthy();
    expect(screen.getByLabelText('年份')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');

    await user.click(screen.getByRole('radio', { name: 'English' }));
    for (const name of ['1 Setup', '2 Organisation', '3 Generate', '4 Validate', '5 Quarter']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: 'Steps' })).getAllByRole('button')).toHaveLength(5);
    expect(screen.getByRole('heading', { level: 1, name: 'OKR Workbook' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Set up the cycle' })).toBeTruthy();
    expect(screen.getByLabelText('Year')).toBeTruthy();
    expect(screen.getByText('Cycle: 2026-04-01 to 2026-06-30')).toBeTruthy();
    expect(screen.getByText('Bad ≤ 0.4 < Fair < 0.6 ≤ Good ≤ 0.7 < Excellent')).toBeTruthy();
    expect(screen.queryByText('年份')).toBeNull();
    expect(document.documentElement.lang).toBe('en-US');

    // Validation runs in the chosen language.
    await user.click(screen.getByRole('button', { name: '4 Validate' }));
    await user.click(screen.getByRole('button', { name: 'Validate' }));
    expect(actions.validate).toHaveBeenCalledWith('en-US');

    await user.click(screen.getByRole('button', { name: '1 Setup' }));
    await user.click(screen.getByRole('radio', { name: '中文' }));
    expect(screen.getByRole('button', { name: '4 校验' })).toBeTruthy();
  });

  it('starts in English when the host is English', () => {
    render(<App host={{ lang: 'en-US', theme: 'light' }} actions={fakeActions()} now={NOW} />);
    expect(screen.getByRole('button', { name: '1 Setup' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'English' })).toHaveProperty('checked', true);
  });

  it('has both string tables complete: same keys, no empty text', () => {
    const sample = (v: unknown): string[] => {
      if (typeof v === 'string') return [v];
      if (typeof v === 'function') {
        const f = v as (...a: unknown[]) => unknown;
        try {
          return [String(f(3, 4, 5))];
        } catch {
          return [String(f(['a', 'b']))];
        }
      }
      if (v && typeof v === 'object') return Object.values(v).flatMap(sample);
      return [];
    };
    const zh = STRINGS['zh-CN'];
    const en = STRINGS['en-US'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(zh) as (keyof Strings)[]) {
      if (key === 'fieldError') continue;
      const [a, b] = [sample(zh[key]), sample(en[key])];
      expect(a.length).toBe(b.length);
      for (const text of [...a, ...b]) expect(text.trim()).not.toBe('');
      if (typeof zh[key] === 'object') expect(Object.keys(zh[key] as object)).toEqual(Object.keys(en[key] as object));
    }
    const codes = ['notNumber', 'notInteger', 'yearRange', 'fairPositive', 'goodAboveFair', 'goodToAtLeastGood', 'goodToBelowOne', 'atLeastOne', 'maxAtLeastMin', 'percentRange'] as const;
    for (const code of codes) {
      expect(zh.fieldError({ code, value: 0.5 })).toMatch(/\S/);
      expect(en.fieldError({ code, value: 0.5 })).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('host info', () => {
  it('maps Office display language, theme colour and API support', () => {
    expect(langFromDisplayLanguage('zh-CN')).toBe('zh-CN');
    expect(langFromDisplayLanguage('zh-TW')).toBe('zh-CN');
    expect(langFromDisplayLanguage('ZH')).toBe('zh-CN');
    expect(langFromDisplayLanguage('en-GB')).toBe('en-US');
    expect(langFromDisplayLanguage(undefined)).toBe('en-US');
    expect(isDarkColor('#1f1f1f')).toBe(true);
    expect(isDarkColor('#fff')).toBe(false);
    expect(isDarkColor('#FFFFFF')).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
    expect(hostInfoFrom({ displayLanguage: 'zh-CN', bodyBackgroundColor: '#292929', supported: true })).toEqual({
      lang: 'zh-CN',
      theme: 'dark',
      unsupportedMessage: undefined,
    });
    const old = hostInfoFrom({ displayLanguage: 'en-US', bodyBackgroundColor: '#ffffff', supported: false });
    expect(old.theme).toBe('light');
    expect(old.unsupportedMessage).toMatch(/ExcelApi 1\.9/);
  });
});
