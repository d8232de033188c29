/** Payload limits, atomic failure, ItemNotFound / null objects / ItemAlreadyExists, co-authoring. */

import { createFakeExcel } from '../src/index';

async function errorOf(p: Promise<unknown>): Promise<{ code?: string; message?: string; debugInfo?: { errorLocation?: string } }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string };
  }
  return { code: 'no error' };
}

describe('payload limits', () => {
  test('a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing', async () => {
    const fake = createFakeExcel();
    const text = 'x'.repeat(100);
    const rows = Array.from({ length: 55_000 }, () => [text]); // ≈ 5.7 MB of JSON
    const err = await errorOf(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Sheet1');
        ws.getRange('C1').values = [['queued before the big write']];
        ws.getRangeByIndexes(0, 0, rows.length, 1).values = rows;
        await context.sync();
      }),
    );
    expect(err.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(err.message).toMatch(/request payload size has exceeded the limit/);
    const sheet = fake.workbookState.sheet('Sheet1');
    expect(sheet.values('C1')).toEqual([['']]);
    expect(sheet.usedRange()).toBeNull();
    expect(fake.stats.failedRequests).toBe(1);
    expect(fake.stats.log[0].bytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test('the same data in chunks under the limit succeeds', async () => {
    const fake = createFakeExcel();
    const text = 'x'.repeat(100);
    const rows = Array.from({ length: 55_000 }, () => [text]);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      const chunk = 20_000;
      for (let start = 0; start < rows.length; start += chunk) {
        const part = rows.slice(start, start + chunk);
        ws.getRangeByIndexes(start, 0, part.length, 1).values = part;
        await context.sync();
      }
    });
    expect(fake.stats.requests).toBe(3);
    expect(fake.stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(fake.workbookState.sheet('Sheet1').usedRange()).toBe('A1:A55000');
  });

  test('a response over the cell limit fails with ResponsePayloadSizeLimitExceeded (limit lowered for speed)', async () => {
    const fake = createFakeExcel({ limits: { responseCells: 1000 } });
    const err = await errorOf(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1:J101').load('values');
        await context.sync();
      }),
    );
    expect(err.code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test('reading a whole column counts 1,048,576 cells', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const col = context.workbook.worksheets.getItem('Sheet1').getRange('A:A').load('address, rowCount');
      await context.sync();
      expect(col.address).toBe('Sheet1!A:A');
      expect(col.rowCount).toBe(1048576);
    });
    const err = await errorOf(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A:E').load('values');
        await context.sync();
      }),
    );
    expect(err.code).toBe('ResponsePayloadSizeLimitExceeded');
  });
});

describe('atomic requests', () => {
  test('a failing operation rolls back everything queued before it in the same sync', async () => {
    const fake = createFakeExcel();
    const err = await errorOf(
      fake.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.add('Plan');
        sheets.getItem('Sheet1').getRange('A1').values = [['written first']];
        sheets.getItem('Missing').getRange('A1').values = [['fails']];
        await context.sync();
      }),
    );
    expect(err.code).toBe('ItemNotFound');
    expect(err.debugInfo?.errorLocation).toBe('WorksheetCollection.getItem');
    expect(fake.workbookState.sheetNames()).toEqual(['Sheet1']);
    expect(fake.workbookState.sheet('Sheet1').values('A1')).toEqual([['']]);
  });

  test('earlier successful syncs stay applied', async () => {
    const fake = createFakeExcel();
    await errorOf(
      fake.run(async (context) => {
        context.workbook.worksheets.add('Plan');
        await context.sync();
        context.workbook.worksheets.add('Plan');
        await context.sync();
      }),
    );
    expect(fake.workbookState.sheetNames()).toEqual(['Sheet1', 'Plan']);
  });
});

describe('items that do not exist, or already exist', () => {
  test('getItem of a missing sheet fails at sync with ItemNotFound, only when used', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Nope'); // never used: no error, like Excel
      await context.sync();
    });
    const err = await errorOf(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Nope');
        ws.load('name');
        await context.sync();
      }),
    );
    expect(err.code).toBe('ItemNotFound');
  });

  test('getItemOrNullObject: isNullObject after sync; operations on a null object are ignored', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Archive');
      const present = context.workbook.worksheets.getItemOrNullObject('plan'); // names are case-insensitive
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      missing.delete(); // the "delete if it exists" idiom
      missing.getRange('A1').values = [['ignored']];
      await context.sync();
    });
    expect(fake.workbookState.sheetNames()).toEqual(['Plan']);
  });

  test('null objects read as undefined after load, and their children are null too', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject('Nope');
      ws.load('name');
      const range = ws.getRange('A1').load('values');
      await context.sync();
      expect(ws.isNullObject).toBe(true);
      expect(ws.name).toBeUndefined();
      expect(range.isNullObject).toBe(true);
    });
  });

  test('idempotent set-up: add only when the null object says it is missing', async () => {
    const fake = createFakeExcel();
    const ensure = async (context: Excel.RequestContext): Promise<void> => {
      const ws = context.workbook.worksheets.getItemOrNullObject('Plan');
      await context.sync();
      if (ws.isNullObject) context.workbook.worksheets.add('Plan');
      await context.sync();
    };
    await fake.run(ensure);
    await fake.run(ensure);
    expect(fake.workbookState.sheetNames()).toEqual(['Sheet1', 'Plan']);
  });

  test('worksheets.add with an existing name fails with ItemAlreadyExists', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    const err = await errorOf(
      fake.run(async (context) => {
        context.workbook.worksheets.add('PLAN');
        await context.sync();
      }),
    );
    expect(err.code).toBe('ItemAlreadyExists');
    expect(err.message).toBe('A resource with the same name or identifier already exists.');
  });

  test('renaming onto an existing name fails; invalid sheet names are InvalidArgument', async () => {
    const fake = createFakeExcel({ sheets: ['Plan', 'Data'] });
    const e1 = await errorOf(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Data').name = 'Plan';
        await context.sync();
      }),
    );
    expect(e1.code).toBe('ItemAlreadyExists');
    for (const bad of ['a/b', 'x'.repeat(32), '', 'History', "'quoted'"]) {
      const e = await errorOf(
        fake.run(async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        }),
      );
      expect([bad, e.code]).toEqual([bad, 'InvalidArgument']);
    }
  });

  test('a sheet created in a batch can be used in the same sync and in later syncs', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.add('Plan');
      ws.getRange('A1').values = [['same sync']];
      ws.load('name, position, id');
      await context.sync();
      expect([ws.name, ws.position]).toEqual(['Plan', 1]);
      ws.getRange('A2').values = [['later sync']];
      ws.name = 'Plan 2025';
      await context.sync();
      ws.getRange('A3').values = [['after rename']];
    });
    expect(fake.workbookState.sheet('Plan 2025').values('A1:A3')).toEqual([['same sync'], ['later sync'], ['after rename']]);
  });

  test('the last visible sheet cannot be deleted or hidden', async () => {
    const fake = createFakeExcel();
    expect(
      (
        await errorOf(
          fake.run(async (context) => {
            context.workbook.worksheets.getItem('Sheet1').delete();
            await context.sync();
          }),
        )
      ).code,
    ).toBe('InvalidOperation');
    expect(
      (
        await errorOf(
          fake.run(async (context) => {
            context.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden';
            await context.sync();
          }),
        )
      ).code,
    ).toBe('InvalidOperation');
  });
});

describe('co-authoring', () => {
  test("a colleague's edit between syncs survives the add-in's later write to another range", async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    fake.workbookState.seed('Plan', 'A1:B2', [
      ['KR', 'Progress'],
      ['Ship v1', 0.2],
    ]);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      const header = ws.getRange('A1:B1').load('values');
      await context.sync();
      expect(header.values).toEqual([['KR', 'Progress']]);

      fake.workbookState.externalEdit('Plan', 'B2', 0.6); // typed by a colleague now

      ws.getRange('C1:C2').values = [['Score'], ['=B2*10']];
      await context.sync();
    });
    const sheet = fake.workbookState.sheet('Plan');
    expect(sheet.values('B2')).toEqual([[0.6]]);
    expect(sheet.cell('B2').lastWriter).toBe('external');
    expect(sheet.cell('C2').formula).toBe('=B2*10');
    expect(sheet.cell('C2').lastWriter).toBe('addin');
  });

  test('a stale 2D write over the whole block would destroy the edit (the fake shows it)', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    fake.workbookState.seed('Plan', 'A1:B1', [['Ship v1', 0.2]]);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      const block = ws.getRange('A1:B1').load('values');
      await context.sync();
      fake.workbookState.externalEdit('Plan', 'B1', 0.6);
      block.values = [[block.values[0][0], block.values[0][1]]]; // writes back the stale 0.2
      await context.sync();
    });
    expect(fake.workbookState.sheet('Plan').values('B1')).toEqual([[0.2]]);
  });

  test('onBeforeSync lets a test edit "during" the round trip', async () => {
    const fake = createFakeExcel({
      sheets: ['Plan'],
      onBeforeSync: ({ request, state }) => {
        if (request === 2) state.externalEdit('Plan', 'D1', 'typed while syncing');
      },
    });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.getRange('A1').values = [['one']];
      await context.sync();
      const d1 = ws.getRange('D1').load('values');
      await context.sync();
      expect(d1.values).toEqual([['typed while syncing']]);
    });
  });
});
