/** What Excel does with what is written into cells, shapes, and sheet protection. */

import { createFakeExcel } from '../src/index';
import { codeOf } from './error-code';

function write(values: unknown[][], address = 'A1', numberFormat?: string) {
  const fake = createFakeExcel();
  return fake
    .run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange(address);
      if (numberFormat) r.numberFormat = [[numberFormat]];
      r.values = values;
      await context.sync();
    })
    .then(() => fake.workbookState.sheet('Sheet1'));
}

describe('typing rules of Range.values', () => {
  test('a string starting with "=" becomes a formula (why user text must be escaped)', async () => {
    const sheet = await write([['=SUM(1,2)']]);
    expect(sheet.cell('A1').formula).toBe('=SUM(1,2)');
    expect(sheet.cell('A1').constant).toBeUndefined();
  });

  test('"+…" and "-…" text becomes a formula too; a leading apostrophe keeps text', async () => {
    const a = await write([['- ship it']]);
    expect(a.cell('A1').formula).toBe('=- ship it');
    const b = await write([["'=SUM(1,2)"]]);
    expect(b.cell('A1').formula).toBeUndefined();
    expect(b.values('A1')).toEqual([['=SUM(1,2)']]);
    const c = await write([['-']]);
    expect(c.values('A1')).toEqual([['-']]);
  });

  test('numeric-looking text becomes a number, dates become serials, booleans booleans', async () => {
    const sheet = await write([['1.10', '0012', '50%', 'TRUE', '2024-01-31', '1/2/2025', '#N/A', '1,234']], 'A1:H1');
    expect(sheet.values('A1:H1')).toEqual([[1.1, 12, 0.5, true, 45322, 45659, '#N/A', 1234]]);
    expect(sheet.cell('C1').numberFormat).toBe('0%');
    expect(sheet.cell('E1').numberFormat).toBe('yyyy-mm-dd');
    expect(sheet.cell('E1').text).toBe('2024-01-31');
    expect(sheet.cell('G1').isError).toBe(true);
  });

  test('a text number format ("@") keeps what was written, "=" included', async () => {
    const sheet = await write([['=1+1']], 'A1', '@');
    expect(sheet.cell('A1').formula).toBeUndefined();
    expect(sheet.values('A1')).toEqual([['=1+1']]);
  });

  test('null leaves a cell unchanged, "" clears it', async () => {
    const fake = createFakeExcel();
    fake.workbookState.seed('Sheet1', 'A1:C1', [['keep', 'clear', 'replace']]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:C1').values = [[null, '', 'new']];
    });
    expect(fake.workbookState.sheet('Sheet1').values('A1:C1')).toEqual([['keep', '', 'new']]);
  });

  test('invalid formulas and unsupported values fail at sync with InvalidArgument', async () => {
    for (const bad of [[['=SUM(1,2']], [['=1+']], [[{ a: 1 }]], [[Number.NaN]]]) {
      const fake = createFakeExcel();
      const code = await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = bad;
          await context.sync();
        }),
      );
      expect(code).toBe('InvalidArgument');
    }
  });

  test('reading a formula cell: values give the cached result (set by the test) or null; formulas give the text', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:A2').values = [[2], [3]];
      ws.getRange('B1').formulas = [['=A1*A2']];
      const r = ws.getRange('B1').load('values, formulas, text, valueTypes');
      await context.sync();
      expect(r.values).toEqual([[null]]);
      expect(r.formulas).toEqual([['=A1*A2']]);
      expect(r.text).toEqual([['']]);
      fake.workbookState.setCachedValue('Sheet1', 'B1', 6);
      r.load('values, valueTypes');
      await context.sync();
      expect(r.values).toEqual([[6]]);
      expect(r.valueTypes).toEqual([['Double']]);
    });
  });

  test('text follows the number format', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:E1');
      r.values = [[0.756, 1234.5, 45322, 0.5, 3]];
      r.numberFormat = [['0.0%', '#,##0.00', 'dd/mm/yyyy', '0.00', '"Q"0']];
      r.load('text');
      await context.sync();
      expect(r.text).toEqual([['75.6%', '1,234.50', '31/01/2024', '0.50', 'Q3']]);
    });
  });
});

describe('shapes', () => {
  test('a 2D array must match the range exactly (InvalidArgument), nothing is applied', async () => {
    const fake = createFakeExcel();
    for (const values of [[['a', 'b']], [['a'], ['b'], ['c']], [['a', 'b'], ['c']], [['a']]]) {
      const code = await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = values;
          await context.sync();
        }),
      );
      expect(code).toBe('InvalidArgument');
    }
    expect(fake.workbookState.sheet('Sheet1').usedRange()).toBeNull();
  });

  test('a single non-array value is broadcast for values and numberFormat, not for formulas', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      (r as unknown as { values: unknown }).values = 0;
      (r as unknown as { numberFormat: unknown }).numberFormat = '0.00';
    });
    const sheet = fake.workbookState.sheet('Sheet1');
    expect(sheet.values('A1:B2')).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(sheet.cell('B2').numberFormat).toBe('0.00');
    const code = await codeOf(
      fake.run(async (context) => {
        (context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2') as unknown as { formulas: unknown }).formulas = '=1';
        await context.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
  });
});

describe('sheet protection', () => {
  test('writing to a locked cell of a protected sheet fails with AccessDenied; unlocked cells can be written', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.getRange('B2:B10').format.protection.locked = false;
      ws.protection.protect({ allowFormatCells: false });
      await context.sync();
      ws.getRange('B2').values = [['allowed']];
      await context.sync();
    });
    const code = await codeOf(
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Plan');
        ws.getRange('B3').values = [['fine']];
        ws.getRange('A1:B1').values = [['locked', 'locked']];
        await context.sync();
      }),
    );
    expect(code).toBe('AccessDenied');
    const sheet = fake.workbookState.sheet('Plan');
    expect(sheet.values('B2:B3')).toEqual([['allowed'], ['']]); // B3 rolled back with the failed request
    expect(sheet.protection.protected).toBe(true);
  });

  test('formatting, locking, merging, validation and conditional formats are refused on a protected sheet', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    fake.workbookState.protectSheet('Plan');
    const attempts: Array<(ws: Excel.Worksheet) => void> = [
      (ws) => {
        ws.getRange('A1').format.fill.color = '#FF0000';
      },
      (ws) => {
        ws.getRange('A1').numberFormat = [['0%']];
      },
      (ws) => {
        ws.getRange('A1').format.protection.locked = false;
      },
      (ws) => ws.getRange('A1:B1').merge(),
      (ws) => {
        ws.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
      },
      (ws) => ws.getRange('A1').conditionalFormats.add('Custom'),
      (ws) => {
        ws.getRange('A1').format.columnWidth = 100;
      },
      (ws) => ws.getRange('A1').clear(),
    ];
    for (const attempt of attempts) {
      const code = await codeOf(
        fake.run(async (context) => {
          attempt(context.workbook.worksheets.getItem('Plan'));
          await context.sync();
        }),
      );
      expect(code).toBe('AccessDenied');
    }
  });

  test('allowFormatCells lets formats through but not locking; unprotect needs the password', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.protection.protect({ allowFormatCells: true }, 's3cret');
      await context.sync();
      ws.getRange('A1').format.fill.color = 'LightGreen';
      await context.sync();
      ws.protection.load('protected, options');
      await context.sync();
      expect(ws.protection.protected).toBe(true);
      expect(ws.protection.options.allowFormatCells).toBe(true);
    });
    expect(fake.workbookState.sheet('Plan').cell('A1').fillColor).toBe('#90EE90');
    expect(
      await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('Plan').getRange('A1').format.protection.locked = false;
          await context.sync();
        }),
      ),
    ).toBe('AccessDenied');
    expect(
      await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('Plan').protection.unprotect('wrong');
          await context.sync();
        }),
      ),
    ).toBe('BadPassword'); // Excel's code (it was InvalidArgument in the fake before: see 'Excel as it is' below)
    expect(
      await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('Plan').protection.protect();
          await context.sync();
        }),
      ),
    ).toBe('InvalidOperation'); // already protected
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').protection.unprotect('s3cret');
    });
    expect(fake.workbookState.sheet('Plan').protection.protected).toBe(false);
  });

  test('whole-column unlocking (the usual input-column pattern) applies to cells written later', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.getRange('D:D').format.protection.locked = false;
      ws.protection.protect();
      await context.sync();
      ws.getRange('D5000').values = [[1]];
    });
    expect(fake.workbookState.sheet('Plan').cell('D5000').locked).toBe(false);
    expect(fake.workbookState.sheet('Plan').cell('C1').locked).toBe(true);
  });

  test('workbook structure protection blocks adding, renaming and deleting sheets', async () => {
    const fake = createFakeExcel({ sheets: ['Plan', 'Data'] });
    await fake.run(async (context) => {
      context.workbook.protection.protect();
    });
    expect(fake.workbookState.workbookProtected).toBe(true);
    expect(
      await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.add('X');
          await context.sync();
        }),
      ),
    ).toBe('AccessDenied');
  });
});
