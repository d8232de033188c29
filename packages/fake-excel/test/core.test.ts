/**
 * The queue/proxy semantics: loading, syncing, counting. Every batch is written against the real
 * Excel types (Excel.RequestContext, Excel.Range, …) so the same code would run in Excel.
 */

import { createFakeExcel, FakeOfficeError } from '../src/index';
import { codeOf } from './error-code';

function codeOfSync(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code ?? `no code: ${String(e)}`;
  }
  return 'no error';
}

describe('reading what was not loaded', () => {
  test('reading an unloaded property throws PropertyNotLoaded, like Office.js', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      let caught: unknown;
      try {
        void range.values;
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(FakeOfficeError);
      expect(caught).toMatchObject({
        name: 'RichApi.Error',
        code: 'PropertyNotLoaded',
        message:
          'The property \'values\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
      });
      expect((caught as FakeOfficeError).debugInfo.errorLocation).toBe('Range.values');
    });
  });

  test('load without sync is still not readable', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load('values');
      expect(codeOfSync(() => range.values)).toBe('PropertyNotLoaded');
      await context.sync();
      expect(range.values).toEqual([['']]);
    });
  });

  test('only the loaded properties become readable', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('B2:C3');
      range.load('address');
      await context.sync();
      expect(range.address).toBe('Sheet1!B2:C3');
      expect(codeOfSync(() => range.rowCount)).toBe('PropertyNotLoaded');
    });
  });

  test('load forms: "a, b", ["a"], {select}, strict object, context.load, navigation paths, collections', async () => {
    const fake = createFakeExcel({ sheets: ['Plan', 'Data'] });
    fake.workbookState.seed('Plan', 'A1:B1', [['Objective', 3]]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Plan');
      const a = sheet.getRange('A1:B1').load('values, address');
      const b = sheet.getRange('A1').load(['formulas']);
      const c = sheet.getRange('B1').load({ select: 'numberFormat,rowIndex' });
      const d = sheet.getRange('A1').load({ values: true, format: { font: { bold: true } } });
      const e = sheet.getRange('A1:C3');
      context.load(e, 'rowCount, columnCount');
      const f = sheet.getRange('A1');
      f.load('format/fill/color, format/columnWidth');
      const sheets = context.workbook.worksheets.load('items/name, items/position');
      await context.sync();
      expect(a.values).toEqual([['Objective', 3]]);
      expect(a.address).toBe('Plan!A1:B1');
      expect(b.formulas).toEqual([['Objective']]);
      expect(c.numberFormat).toEqual([['General']]);
      expect(c.rowIndex).toBe(0);
      expect(d.values).toEqual([['Objective']]);
      expect(d.format.font.bold).toBe(false);
      expect([e.rowCount, e.columnCount]).toEqual([3, 3]);
      expect(f.format.fill.color).toBe('#FFFFFF');
      expect(f.format.columnWidth).toBe(48);
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ['Plan', 0],
        ['Data', 1],
      ]);
      expect(a.toJSON()).toEqual({ values: [['Objective', 3]], address: 'Plan!A1:B1' });
      expect(sheets.toJSON()).toEqual({ items: [{ name: 'Plan', position: 0 }, { name: 'Data', position: 1 }] });
    });
  });

  test('collection items are not readable before load', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(codeOfSync(() => sheets.items)).toBe('PropertyNotLoaded');
      sheets.load('items');
      await context.sync();
      expect(sheets.items).toHaveLength(1);
    });
  });

  test('loading a property that does not exist fails at sync', async () => {
    const fake = createFakeExcel();
    const code = await codeOf(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('valuez');
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });

  test('a value SET locally is readable before sync (office.js keeps it), the workbook is not changed yet', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.values = [['=1+1']];
      expect(range.values).toEqual([['=1+1']]);
      expect(fake.workbookState.sheet('Sheet1').cell('A1').formula).toBeUndefined();
      await context.sync();
      expect(fake.workbookState.sheet('Sheet1').cell('A1').formula).toBe('=1+1');
    });
  });

  test('ClientResult.value needs a sync (ValueNotLoaded)', async () => {
    const fake = createFakeExcel({ sheets: ['A', 'B'] });
    await fake.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(codeOfSync(() => count.value)).toBe('ValueNotLoaded');
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  test('read-only properties cannot be assigned', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => {
        (range as unknown as { address: string }).address = 'B2';
      }).toThrow(TypeError);
    });
  });

  test('set() applies several properties, rejects unknown and read-only ones', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      range.format.set({ fill: { color: 'Yellow' }, font: { bold: true, color: '#ff0000' }, wrapText: true });
      expect(codeOfSync(() => range.format.set({ colour: 'red' } as unknown as Excel.Interfaces.RangeFormatUpdateData))).toBe('InvalidArgument');
      expect(codeOfSync(() => range.set({ address: 'C3' } as unknown as Excel.Interfaces.RangeUpdateData))).toBe('InvalidArgument');
      await context.sync();
    });
    const cell = fake.workbookState.sheet('Sheet1').cell('B2');
    expect(cell.fillColor).toBe('#FFFF00');
    expect(cell.font.bold).toBe(true);
    expect(cell.font.color).toBe('#FF0000');
    expect(cell.wrapText).toBe(true);
  });
});

describe('queueing and syncing', () => {
  test('writes are invisible in the workbook until sync, and applied in order', async () => {
    const fake = createFakeExcel();
    const sheet = fake.workbookState.sheet('Sheet1');
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1').values = [['first']];
      ws.getRange('A1').values = [['second']];
      ws.getRange('A1').format.font.bold = true;
      expect(sheet.values('A1')).toEqual([['']]);
      expect(sheet.cell('A1').font.bold).toBe(false);
      await context.sync();
      expect(sheet.values('A1')).toEqual([['second']]);
      expect(sheet.cell('A1').font.bold).toBe(true);
    });
  });

  test('Excel.run syncs what is still queued when the batch resolves', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['late']];
    });
    expect(fake.workbookState.sheet('Sheet1').values('A1')).toEqual([['late']]);
    expect(fake.stats.requests).toBe(1);
  });

  test('a batch that throws discards its queue (no final sync)', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['never']];
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(fake.workbookState.sheet('Sheet1').values('A1')).toEqual([['']]);
    expect(fake.stats.requests).toBe(0);
  });

  test('counts syncs, requests (syncs with operations) and request bytes', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      await context.sync(); // empty: no round trip
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:C1');
      r.values = [['a', 'b', 'c']];
      await context.sync();
      r.load('values');
      await context.sync();
    });
    // 3 explicit syncs + the implicit one at the end of Excel.run
    expect(fake.stats.syncs).toBe(4);
    expect(fake.stats.requests).toBe(2);
    expect(fake.stats.runs).toBe(1);
    expect(fake.stats.log.map((l) => l.operations)).toEqual([1, 1]);
    expect(fake.stats.maxRequestBytes).toBe(Math.max(...fake.stats.log.map((l) => l.bytes)));
    expect(fake.stats.totalRequestBytes).toBe(fake.stats.log[0].bytes + fake.stats.log[1].bytes);
    expect(fake.stats.log[0].bytes).toBeGreaterThan(JSON.stringify([['a', 'b', 'c']]).length);
    expect(fake.stats.log[0].summary[0]).toMatch(/^set Range\.values @ workbook\.worksheets\.getItem\("Sheet1"\)\.getRange\("A1:C1"\)$/);
    expect(fake.stats.log[1].responseCells).toBe(3);
  });

  test('request bytes grow with the payload (one 2D write vs per-cell writes)', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`KR ${i}`, i]);
    const bulk = createFakeExcel();
    await bulk.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, rows.length, 2).values = rows;
    });
    const perCell = createFakeExcel();
    await perCell.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      rows.forEach((row, i) => {
        ws.getCell(i, 0).values = [[row[0]]];
        ws.getCell(i, 1).values = [[row[1]]];
      });
    });
    expect(bulk.workbookState.sheet('Sheet1').values('A1:B200')).toEqual(perCell.workbookState.sheet('Sheet1').values('A1:B200'));
    expect(bulk.stats.operations).toBe(1);
    expect(perCell.stats.operations).toBe(400);
    expect(perCell.stats.totalRequestBytes).toBeGreaterThan(bulk.stats.totalRequestBytes * 3);
  });

  test('sync returns the pass-through value', async () => {
    const fake = createFakeExcel();
    const v = await fake.run(async (context) => context.sync(42));
    expect(v).toBe(42);
  });

  test('the batch must return a promise (RunMustReturnPromise)', async () => {
    const fake = createFakeExcel();
    const run = fake.Excel.run as unknown as (b: (c: unknown) => unknown) => Promise<unknown>;
    expect(await codeOf(run(() => 5))).toBe('RunMustReturnPromise');
  });

  test('proxies are invalid after Excel.run (InvalidObjectPath), across contexts InvalidRequestContext', async () => {
    const fake = createFakeExcel();
    let leaked: Excel.Range | undefined;
    await fake.run(async (context) => {
      leaked = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      leaked.load('address');
      await context.sync();
    });
    const range = leaked as Excel.Range;
    expect(range.address).toBe('Sheet1!A1'); // loaded values stay readable
    expect(codeOfSync(() => {
      range.values = [['x']];
    })).toBe('InvalidObjectPath');
    await fake.run(async (context) => {
      expect(codeOfSync(() => context.load(range, 'values'))).toBe('InvalidRequestContext');
      expect(codeOfSync(() => context.workbook.names.add('Target', range))).toBe('InvalidRequestContext');
    });
  });

  test('requirement sets: members office.js guards throw ApiNotFound synchronously', async () => {
    const fake = createFakeExcel({ apiSets: { ExcelApi: '1.7' } });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(codeOfSync(() => range.conditionalFormats)).toBe('no error');
      expect(codeOfSync(() => range.dataValidation)).toBe('ApiNotFound');
      expect(codeOfSync(() => context.workbook.application.suspendScreenUpdatingUntilNextSync())).toBe('ApiNotFound');
      expect(codeOfSync(() => context.workbook.application.suspendApiCalculationUntilNextSync())).toBe('no error');
    });
    fake.office.setApiSets({ ExcelApi: '1.3' });
    expect(fake.Office.context.requirements.isSetSupported('ExcelApi', '1.4')).toBe(false);
    await fake.run(async (context) => {
      expect(codeOfSync(() => context.workbook.worksheets.getItemOrNullObject('x'))).toBe('ApiNotFound');
    });
  });

  test('suspendApiCalculationUntilNextSync is recorded on its request', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
    });
    expect(fake.stats.log.map((l) => l.suspendedCalculation)).toEqual([true, false]);
  });

  test('the Excel namespace exposes run and the real enum values', () => {
    const fake = createFakeExcel();
    expect(fake.Excel.ConditionalFormatType.custom).toBe('Custom');
    expect(fake.Excel.DataValidationType.list).toBe('List');
    expect(fake.Excel.SheetVisibility.veryHidden).toBe('VeryHidden');
    expect(fake.Excel.ErrorCodes.itemAlreadyExists).toBe('ItemAlreadyExists');
    expect(typeof fake.Excel.run).toBe('function');
  });

  test('members the fake does not model fail loudly', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => range.insert('Down')).toThrow(/fake Excel object model does not implement Range\.insert/);
      expect(() => range.formulasR1C1).toThrow(/does not implement Range\.formulasR1C1/);
      expect(() => context.workbook.worksheets.getItem('Sheet1').onChanged).toThrow(/Worksheet\.onChanged/);
    });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('valuesAsJson');
        await context.sync();
      }),
    ).rejects.toThrow(/does not implement Range\.valuesAsJson/);
  });
});
