/** Worksheet.copy (ExcelApi 1.7) as Excel does it. */

import { createFakeExcel, type FakeExcel } from '../src/index';
import { codeOf } from './error-code';

/** A sheet "Card" with a value, a formula on itself, formats, a merge, a validation, a conditional format, names and protection. */
async function cardBook(opts: Parameters<typeof createFakeExcel>[0] = {}): Promise<FakeExcel> {
  const fake = createFakeExcel({ sheets: ['Settings', 'Card'], ...opts });
  await fake.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('Card');
    ws.getRange('A1:B2').formulas = [['Name', "=Card!A1&\"!\""], ['=A1', '=Settings!A1']];
    ws.getRange('A1').format.fill.color = '#DDEBF7';
    ws.getRange('B1').format.protection.locked = false;
    ws.getRange('C1:D1').merge(false);
    ws.getRange('B:B').format.columnWidth = 100;
    ws.getRange('3:3').format.rowHeight = 30;
    ws.getRange('B2').dataValidation.rule = { wholeNumber: { formula1: '=Card!$A$5', operator: 'GreaterThan' } };
    const cf = ws.getRange('A2').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=Card!$A$1="x"';
    cf.custom.format.fill.color = '#FFC7CE';
    ws.tabColor = '#2F5597';
    ws.freezePanes.freezeRows(2);
    ws.pageLayout.setPrintTitleRows('$1:$2');
    ws.names.add('Local', ws.getRange('A1'));
    ctx.workbook.names.add('CardName', "='Card'!$A$1");
    ctx.workbook.names.add('SettingsName', "='Settings'!$A$1");
    ws.protection.protect({ allowFormatRows: true }, 'pw');
    await ctx.sync();
  });
  return fake;
}

describe('Worksheet.copy', () => {
  test('copies everything a sheet holds under "<name> (2)", and returns the copy', async () => {
    const fake = await cardBook();
    let name = '';
    await fake.run(async (ctx) => {
      const copy = ctx.workbook.worksheets.getItem('Card').copy('End');
      copy.load('name');
      await ctx.sync();
      name = copy.name;
    });
    expect(name).toBe('Card (2)');
    const st = fake.workbookState;
    expect(st.sheetNames()).toEqual(['Settings', 'Card', 'Card (2)']);
    const c = st.sheet('Card (2)');
    // References to the source sheet inside the copy point to the copy; to other sheets they stay.
    expect(c.formulas('A1:B2')).toEqual([['Name', "='Card (2)'!A1&\"!\""], ['=A1', '=Settings!A1']]);
    expect(c.cell('A1').fillColor).toBe('#DDEBF7');
    expect(c.cell('B1').locked).toBe(false);
    expect(c.merges).toEqual(['C1:D1']);
    expect(c.columnWidth('B')).toBe(100);
    expect(c.rowHeight(3)).toBe(30);
    expect(c.validationAt('B2')?.rule).toMatchObject({ type: 'WholeNumber', formula1: "='Card (2)'!$A$5" });
    expect(c.conditionalFormats).toHaveLength(1);
    expect(c.conditionalFormats[0].rule).toMatchObject({ formula: "='Card (2)'!$A$1=\"x\"" });
    expect(c.conditionalFormats[0].id).not.toBe(st.sheet('Card').conditionalFormats[0].id);
    expect(c.tabColor).toBe('#2F5597');
    expect(c.freeze).toEqual({ rows: 2, cols: 0 });
    expect(c.pageLayout.printTitleRows).toBe('$1:$2');
    // Protected as the source is, with its options and password.
    expect(c.protection).toMatchObject({ protected: true, hasPassword: true, options: { allowFormatRows: true } });
    // Sheet-scoped names come along; a workbook name on the source sheet becomes one of the copy's.
    expect(c.names.map((n) => [n.name, n.formula]).sort()).toEqual([['CardName', "='Card (2)'!$A$1"], ['Local', "='Card (2)'!$A$1"]]);
    expect(st.names().map((n) => n.name).sort()).toEqual(['CardName', 'SettingsName']);
    // The source is unchanged.
    expect(st.sheet('Card').formulas('B1')).toEqual([["=Card!A1&\"!\""]]);
  });

  test('places the copy by positionType; names stay unique ("(3)", cut to 31 characters)', async () => {
    const fake = createFakeExcel({ sheets: ['A', 'B', 'C', 'x'.repeat(31)] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.getItem('B').copy('Before', ws.getItem('A'));
      ws.getItem('B').copy('After', ws.getItem('C'));
      ws.getItem('C').copy();
      ws.getItem('C').copy('Beginning');
      ws.getItem('x'.repeat(31)).copy('End');
      await ctx.sync();
    });
    expect(fake.workbookState.sheetNames()).toEqual(['C (3)', 'C (2)', 'B (2)', 'A', 'B', 'C', 'B (3)', 'x'.repeat(31), `${'x'.repeat(27)} (2)`]);
  });

  test('the copy renamed in the same request: formulas follow the new name', async () => {
    const fake = await cardBook();
    await fake.run(async (ctx) => {
      const copy = ctx.workbook.worksheets.getItem('Card').copy('End');
      copy.name = 'Card B';
      copy.protection.unprotect('pw');
      copy.getRange('A1').values = [['Other']];
      copy.protection.protect({ allowFormatRows: true }, 'pw');
      await ctx.sync();
    });
    const c = fake.workbookState.sheet('Card B');
    expect(c.formulas('A1:B1')).toEqual([['Other', "='Card B'!A1&\"!\""]]);
    expect(c.names.find((n) => n.name === 'Local')?.formula).toBe("='Card B'!$A$1");
    expect(fake.workbookState.sheet('Card').values('A1')).toEqual([['Name']]);
  });

  test('a copy of a protected sheet refuses writes to locked cells until unprotected', async () => {
    const fake = await cardBook();
    const code = await codeOf(fake.run(async (ctx) => {
      const copy = ctx.workbook.worksheets.getItem('Card').copy('End');
      copy.getRange('A1').values = [['Other']];
      await ctx.sync();
    }));
    expect(code).toBe('AccessDenied');
    // All or nothing by default: the copy is gone with the failed request.
    expect(fake.workbookState.sheetNames()).toEqual(['Settings', 'Card']);
  });

  test('fails as Excel does: Before/After without relativeTo, a protected workbook, a host that cannot copy, below ExcelApi 1.7', async () => {
    const fake = await cardBook();
    const copyWith = (f: (ws: Excel.Worksheet) => void) => codeOf(fake.run(async (ctx) => {
      f(ctx.workbook.worksheets.getItem('Card'));
      await ctx.sync();
    }));
    // office-js #775
    expect(await copyWith((ws) => ws.copy('After'))).toBe('InvalidArgument');
    fake.setBehaviour({ worksheetCopy: 'GeneralException' });
    expect(await copyWith((ws) => ws.copy('End'))).toBe('GeneralException');
    fake.setBehaviour({ worksheetCopy: 'copies' });
    await fake.run(async (ctx) => {
      ctx.workbook.protection.protect();
      await ctx.sync();
    });
    expect(await copyWith((ws) => ws.copy('End'))).toBe('AccessDenied');
    const old = createFakeExcel({ apiSets: { ExcelApi: '1.6' } });
    expect(old.office.isSetSupported('ExcelApi', '1.7')).toBe(false);
    expect(await codeOf(old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').copy('End');
      await ctx.sync();
    }))).toBe('ApiNotFound');
    expect(fake.workbookState.sheetNames()).toEqual(['Settings', 'Card']);
  });
});
