/**
 * Where Excel is less kind than the fake used to be (issue #14): a failing request keeps what came
 * before the failure (partialApply), protection as Excel does it (protect twice, unprotect an
 * unprotected sheet, BadPassword, office-js #762), another workbook taking the focus
 * (InactiveWorkbook), and Excel on the web dropping a fill set before a merge (office-js #6405).
 */

import { createFakeExcel } from '../src/index';

async function errorOf(p: Promise<unknown>): Promise<{ code?: string; debugInfo?: { errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string };
  }
  return { code: 'no error' };
}

describe('a request that fails half way', () => {
  const failing = async (partialApply: boolean) => {
    const fake = createFakeExcel({ sheets: ['Plan'], partialApply });
    const e = await errorOf(fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.getRange('A1').values = [['before']];
      context.workbook.worksheets.add('Added');
      context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['fails']];
      ws.getRange('A2').values = [['after']];
      await context.sync();
    }));
    return { fake, e };
  };

  test('by default nothing of it is applied (all or nothing)', async () => {
    const { fake, e } = await failing(false);
    expect(e.code).toBe('ItemNotFound');
    expect(fake.workbookState.sheet('Plan').values('A1:A2')).toEqual([[''], ['']]);
    expect(fake.workbookState.hasSheet('Added')).toBe(false);
  });

  test('with partialApply, as Excel: every operation before the failing one stays, none after it', async () => {
    const { fake, e } = await failing(true);
    expect(e.code).toBe('ItemNotFound');
    expect(fake.workbookState.sheet('Plan').values('A1:A2')).toEqual([['before'], ['']]);
    expect(fake.workbookState.hasSheet('Added')).toBe(true);
    expect(fake.stats.log[0]).toMatchObject({ ok: false, errorCode: 'ItemNotFound' });
  });

  test('a request over the size limit applies nothing even with partialApply (Excel refuses it whole)', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'], partialApply: true, limits: { requestBytes: 2_000 } });
    const e = await errorOf(fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.getRange('A1').values = [['small']];
      ws.getRange('B1:B100').values = Array.from({ length: 100 }, () => ['x'.repeat(40)]);
      await context.sync();
    }));
    expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.workbookState.sheet('Plan').values('A1')).toEqual([['']]);
  });
});

describe('protection as Excel does it', () => {
  const once = (fake: ReturnType<typeof createFakeExcel>, f: (ws: Excel.Worksheet) => void) =>
    errorOf(fake.run(async (context) => {
      f(context.workbook.worksheets.getItem('Plan'));
      await context.sync();
    }));

  test('protecting a protected sheet throws InvalidOperation', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    fake.workbookState.protectSheet('Plan');
    expect((await once(fake, (ws) => ws.protection.protect())).code).toBe('InvalidOperation');
  });

  test.each([
    ['AccessDenied (default, as 2026 builds)', undefined, 'AccessDenied'],
    ['InvalidOperation', 'InvalidOperation', 'InvalidOperation'],
    ['ignored (older builds)', 'ignore', 'no error'],
  ] as const)('unprotecting an unprotected sheet: %s, at WorksheetProtection.unprotect', async (_, mode, code) => {
    const fake = createFakeExcel({ sheets: ['Plan'], ...(mode ? { unprotectUnprotected: mode } : {}) });
    const e = await once(fake, (ws) => ws.protection.unprotect());
    expect(e.code).toBe(code);
    if (code !== 'no error') expect(e.debugInfo?.errorLocation).toBe('WorksheetProtection.unprotect');
  });

  test('a wrong or missing password is BadPassword (InvalidArgument on builds that say so)', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    fake.workbookState.protectSheet('Plan', {}, 'pw');
    expect((await once(fake, (ws) => ws.protection.unprotect('nope'))).code).toBe('BadPassword');
    expect((await once(fake, (ws) => ws.protection.unprotect())).code).toBe('BadPassword');
    fake.setBehaviour({ wrongPasswordCode: 'InvalidArgument' });
    expect((await once(fake, (ws) => ws.protection.unprotect('nope'))).code).toBe('InvalidArgument');
    expect((await once(fake, (ws) => ws.protection.unprotect('pw'))).code).toBe('no error');
    expect(fake.workbookState.sheet('Plan').protection.protected).toBe(false);
  });

  test('office-js #762: a password given to unprotect a sheet without one makes later protect calls ignore theirs', async () => {
    const fake = createFakeExcel({ sheets: ['Plan', 'Other'] });
    fake.workbookState.protectSheet('Plan');
    fake.workbookState.protectSheet('Other');
    await fake.run(async (context) => {
      const plan = context.workbook.worksheets.getItem('Plan').protection;
      const other = context.workbook.worksheets.getItem('Other').protection;
      plan.unprotect('new');
      plan.protect({}, 'new');
      other.unprotect();
      other.protect({}, 'new');
      await context.sync();
    });
    expect(fake.workbookState.sheet('Plan').protection).toMatchObject({ protected: true, hasPassword: false });
    expect(fake.workbookState.sheet('Other').protection).toMatchObject({ protected: true, password: 'new' });
    // Off: the fake's old behaviour.
    const kind = createFakeExcel({ sheets: ['Plan'], passwordLatch: false });
    kind.workbookState.protectSheet('Plan');
    await kind.run(async (context) => {
      const p = context.workbook.worksheets.getItem('Plan').protection;
      p.unprotect('new');
      p.protect({}, 'new');
    });
    expect(kind.workbookState.sheet('Plan').protection).toMatchObject({ protected: true, password: 'new' });
  });
});

describe('another workbook takes the focus', () => {
  test('writes fail with InactiveWorkbook from the scheduled operation on (reads go on), until focused again', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'], partialApply: true });
    fake.blurWorkbook({ afterOperations: 2 });
    const e = await errorOf(fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.getRange('A1').values = [[1]];
      ws.getRange('A2').values = [[2]];
      ws.getRange('A3').values = [[3]];
      await context.sync();
    }));
    expect(e.code).toBe('InactiveWorkbook');
    expect(fake.workbookState.sheet('Plan').values('A1:A3')).toEqual([[1], [2], ['']]);
    const read = await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Plan').getRange('A1:A2').load('values');
      await context.sync();
      return r.values;
    });
    expect(read).toEqual([[1], [2]]);
    expect((await errorOf(fake.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').getRange('A3').values = [[3]];
      await context.sync();
    }))).code).toBe('InactiveWorkbook');
    fake.focusWorkbook();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').getRange('A3').values = [[3]];
    });
    expect(fake.workbookState.sheet('Plan').values('A3')).toEqual([[3]]);
  });
});

describe('office-js #6405: merging after formatting on Excel on the web', () => {
  test.each([[false, '#FFFF00'], [true, null]])('mergeClearsFill %s: the merged area\'s fill is %s', async (mergeClearsFill, fill) => {
    const fake = createFakeExcel({ sheets: ['Plan'], mergeClearsFill });
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Plan').getRange('A1:C1');
      r.format.fill.color = '#FFFF00';
      r.merge(false);
    });
    expect(fake.workbookState.sheet('Plan').cell('A1').fillColor).toBe(fill);
    // Merged first, then filled: the fill stays either way.
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Plan').getRange('A3:C3');
      r.merge(false);
      r.format.fill.color = '#FFFF00';
    });
    expect(fake.workbookState.sheet('Plan').cell('A3').fillColor).toBe('#FFFF00');
  });
});
