/**
 * @jest-environment jsdom
 */
/** Task-pane and command tests run under jsdom: the fake must work there too (no structuredClone, no Buffer). */

import { createFakeExcel } from '../src/browser';

test('a write/read round trip and a failed atomic request under jsdom', async () => {
  const fake = createFakeExcel({ sheets: ['Plan'] });
  const restore = fake.installGlobals(window);
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.getRange('A1:B1').values = [['KR', 0.5]];
      await context.sync();
      const r = ws.getRange('A1:B1').load('values');
      await context.sync();
      expect(r.values).toEqual([['KR', 0.5]]);
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem('Plan').getRange('A2').values = [['rolled back']];
        context.workbook.worksheets.add('Plan');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    expect(fake.workbookState.sheet('Plan').values('A2')).toEqual([['']]);
  } finally {
    restore();
  }
});
