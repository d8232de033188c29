/** installGlobals: Excel / Office / OfficeExtension for code that uses the globals (commands, task pane). */

import { createFakeExcel, DARK_THEME, FakeOfficeError } from '../src/index';

/** Adapter-style code: only real Office.js names, the global Excel.run, error.code branching. */
async function ensureSheet(name: string): Promise<'created' | 'existed'> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (!ws.isNullObject) return 'existed';
    context.workbook.worksheets.add(name);
    await context.sync();
    return 'created';
  });
}

async function describeFailure(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'ok';
  } catch (e) {
    if (e instanceof OfficeExtension.Error) return `office:${e.code}`;
    return 'other';
  }
}

describe('installGlobals', () => {
  test('puts Excel, Office and OfficeExtension on globalThis and restores them', async () => {
    const g = globalThis as Record<string, unknown>;
    expect(g.Excel).toBeUndefined();
    const fake = createFakeExcel();
    const restore = fake.installGlobals();
    try {
      expect(await ensureSheet('Plan')).toBe('created');
      expect(await ensureSheet('Plan')).toBe('existed');
      expect(fake.workbookState.sheetNames()).toEqual(['Sheet1', 'Plan']);
      expect(
        await describeFailure(() =>
          Excel.run(async (context) => {
            context.workbook.worksheets.add('Plan');
            await context.sync();
          }),
        ),
      ).toBe('office:ItemAlreadyExists');
      expect(OfficeExtension.Error).toBe(FakeOfficeError);
    } finally {
      restore();
    }
    expect(g.Excel).toBeUndefined();
    expect(g.Office).toBeUndefined();
  });

  test('Office.onReady, host info, requirement sets configurable per test', async () => {
    const fake = createFakeExcel({ platform: 'PC', apiSets: { ExcelApi: '1.8' } });
    const restore = fake.installGlobals();
    try {
      const info = await Office.onReady();
      expect(info).toEqual({ host: 'Excel', platform: 'PC' });
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
      expect(Office.context.requirements.isSetSupported('ExcelApi')).toBe(true);
      fake.office.setApiSets({ ExcelApi: '1.1' });
      expect(Office.context.requirements.isSetSupported('ExcelApi', '1.2')).toBe(false);
      let called = false;
      await Office.onReady(() => {
        called = true;
      });
      await Promise.resolve();
      expect(called).toBe(true);
    } finally {
      restore();
    }
  });

  test('display language and theme', () => {
    const fake = createFakeExcel({ displayLanguage: 'zh-CN', officeTheme: DARK_THEME });
    const restore = fake.installGlobals();
    try {
      expect(Office.context.displayLanguage).toBe('zh-CN');
      expect(Office.context.officeTheme.isDarkTheme).toBe(true);
      fake.office.setDisplayLanguage('en-GB');
      fake.office.setTheme({ isDarkTheme: false, bodyBackgroundColor: '#FFFFFF' });
      expect(Office.context.displayLanguage).toBe('en-GB');
      expect(Office.context.officeTheme.bodyBackgroundColor).toBe('#FFFFFF');
    } finally {
      restore();
    }
  });

  test('Office.actions.associate records commands; invokeAction calls them like a ribbon click', async () => {
    const fake = createFakeExcel();
    const restore = fake.installGlobals();
    try {
      Office.actions.associate('markDone', async (event: Office.AddinCommands.Event) => {
        try {
          await Excel.run(async (context) => {
            context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['done']];
          });
        } finally {
          event.completed();
        }
      });
      expect(Array.from(fake.office.associations.keys())).toEqual(['markDone']);
      const event = await fake.office.invokeAction('markDone');
      expect(event.completedCalls).toBe(1);
      expect(fake.workbookState.sheet('Sheet1').values('A1')).toEqual([['done']]);
      await expect(fake.office.invokeAction('missing')).rejects.toThrow(/no function is registered/);
    } finally {
      restore();
    }
  });
});
