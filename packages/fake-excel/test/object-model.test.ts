/** The object-model surface an OKR workbook generator uses, checked against the in-memory state. */

import { createFakeExcel } from '../src/index';
import { codeOf } from './error-code';

// Adapter code reads enums from the global `Excel` namespace (Excel.SheetVisibility.veryHidden, …).
let uninstall: () => void = () => undefined;
beforeAll(() => {
  uninstall = createFakeExcel().installGlobals();
});
afterAll(() => uninstall());

describe('worksheets', () => {
  test('add, position, visibility, tab colour, activate, freeze panes, gridlines', async () => {
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const plan = sheets.add('Plan');
      const lists = sheets.add('Lists');
      plan.position = 0;
      plan.tabColor = '#1F4E79';
      lists.visibility = Excel.SheetVisibility.veryHidden;
      plan.activate();
      plan.freezePanes.freezeRows(2);
      plan.showGridlines = false;
      await context.sync();
      const active = sheets.getActiveWorksheet().load('name');
      const loc = plan.freezePanes.getLocationOrNullObject().load('address');
      await context.sync();
      expect(active.name).toBe('Plan');
      expect(loc.address).toBe('Plan!1:2');
    });
    const st = fake.workbookState;
    expect(st.sheetNames()).toEqual(['Plan', 'Sheet1', 'Lists']);
    expect(st.sheet('Lists').visibility).toBe('VeryHidden');
    expect(st.sheet('Plan').tabColor).toBe('#1F4E79');
    expect(st.sheet('Plan').freeze).toEqual({ rows: 2, cols: 0 });
    expect(st.sheet('Plan').showGridlines).toBe(false);
    expect(st.activeSheetName()).toBe('Plan');
  });

  test('renaming a sheet rewrites formulas and names that refer to it', async () => {
    const fake = createFakeExcel({ sheets: ['Data', 'Report'] });
    await fake.run(async (context) => {
      const report = context.workbook.worksheets.getItem('Report');
      report.getRange('A1:A2').formulas = [['=Data!A1*2'], ['=SUM(Data!B:B)&"Data!"']];
      context.workbook.names.add('Goal', '=Data!$C$1');
      await context.sync();
      context.workbook.worksheets.getItem('Data').name = 'Key Results';
    });
    const report = fake.workbookState.sheet('Report');
    expect(report.cell('A1').formula).toBe("='Key Results'!A1*2");
    expect(report.cell('A2').formula).toBe('=SUM(\'Key Results\'!B:B)&"Data!"');
    expect(fake.workbookState.name('Goal')?.formula).toBe("='Key Results'!$C$1");
  });

  test('used range (values only or including formats), getRangeByIndexes, getCell, address quoting', async () => {
    const fake = createFakeExcel({ sheets: ['Q1 Plan'] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Q1 Plan');
      ws.getRangeByIndexes(1, 1, 2, 2).values = [
        [1, 2],
        [3, 4],
      ];
      ws.getRange('F10').format.fill.color = 'red';
      const all = ws.getUsedRange().load('address');
      const vals = ws.getUsedRange(true).load('address');
      const cell = ws.getCell(2, 2).load('address, values');
      await context.sync();
      expect(all.address).toBe("'Q1 Plan'!B2:F10");
      expect(vals.address).toBe("'Q1 Plan'!B2:C3");
      expect(cell.address).toBe("'Q1 Plan'!C3");
      expect(cell.values).toEqual([[4]]);
    });
    const empty = createFakeExcel();
    await empty.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      const used = ws.getUsedRange().load('address');
      const maybe = ws.getUsedRangeOrNullObject();
      await context.sync();
      expect(used.address).toBe('Sheet1!A1');
      expect(maybe.isNullObject).toBe(true);
    });
  });
});

describe('ranges', () => {
  test('derived ranges: offset, resize, entire column/row, last cell, intersection', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('B2:C4');
      const got = [
        r.getOffsetRange(1, 1),
        r.getResizedRange(1, -1),
        r.getEntireColumn(),
        r.getEntireRow(),
        r.getLastCell(),
        r.getRow(1),
        r.getColumn(1),
        r.getIntersection('C3:E9'),
        r.getCell(0, 5),
        r.getRowsBelow(2),
      ].map((x) => x.load('address'));
      const none = r.getIntersectionOrNullObject('Z1');
      await context.sync();
      expect(got.map((x) => x.address)).toEqual([
        'Sheet1!C3:D5',
        'Sheet1!B2:B5',
        'Sheet1!B:C',
        'Sheet1!2:4',
        'Sheet1!C4',
        'Sheet1!B3:C3',
        'Sheet1!C2:C4',
        'Sheet1!C3:C4',
        'Sheet1!G2',
        'Sheet1!B5:C6',
      ]);
      expect(none.isNullObject).toBe(true);
    });
    expect(
      await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').getRange('A1').getOffsetRange(-1, 0).load('address');
          await context.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });

  test('formats: fill, font, alignment, wrap, borders, number format; mixed values read as null', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      const header = ws.getRange('A1:D1');
      header.format.fill.color = '#1F4E79';
      header.format.font.color = 'white';
      header.format.font.bold = true;
      header.format.font.size = 12;
      header.format.horizontalAlignment = 'Center';
      header.format.verticalAlignment = 'Center';
      header.format.wrapText = true;
      header.format.borders.getItem('EdgeBottom').style = 'Continuous';
      header.format.borders.getItem('EdgeBottom').weight = 'Medium';
      ws.getRange('A2').format.fill.color = 'yellow';
      const mixed = ws.getRange('A1:A2').format.fill.load('color');
      const uniform = header.format.load('horizontalAlignment, wrapText');
      const edge = header.format.borders.getItem('EdgeBottom').load('style, weight, color');
      await context.sync();
      expect(mixed.color).toBeNull();
      expect([uniform.horizontalAlignment, uniform.wrapText]).toEqual(['Center', true]);
      expect([edge.style, edge.weight, edge.color]).toEqual(['Continuous', 'Medium', '#000000']);
    });
    const a1 = fake.workbookState.sheet('Sheet1').cell('A1');
    expect(a1.fillColor).toBe('#1F4E79');
    expect(a1.font).toMatchObject({ bold: true, color: '#FFFFFF', size: 12 });
    expect(a1.borders.bottom).toEqual({ style: 'Continuous', color: '#000000', weight: 'Medium' });
    expect(
      await codeOf(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').getRange('A1').format.fill.color = 'not-a-colour';
          await context.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });

  test('column widths and row heights (points), autofit, hidden columns', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:B1').values = [['A rather long objective title', 'x']];
      ws.getRange('C:C').format.columnWidth = 120;
      ws.getRange('A1:B1').format.autofitColumns();
      ws.getRange('2:2').format.rowHeight = 30;
      ws.getRange('E:E').columnHidden = true;
      const w = ws.getRange('C1').format.load('columnWidth');
      await context.sync();
      expect(w.columnWidth).toBe(120);
    });
    const s = fake.workbookState.sheet('Sheet1');
    expect(s.columnWidth('C')).toBe(120);
    expect(s.columnWidth('A')).toBeGreaterThan(s.columnWidth('B'));
    expect(s.columnWidth('D')).toBe(48);
    expect(s.rowHeight(2)).toBe(30);
    expect(s.isColumnHidden('E')).toBe(true);
  });

  test('merge keeps the top-left value; unmerge; select; getSelectedRange', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:C1').values = [['Title', 'lost', 'lost']];
      ws.getRange('A1:C1').merge();
      ws.getRange('A3:C4').merge(true);
      ws.getRange('B7').select();
      const sel = context.workbook.getSelectedRange().load('address');
      await context.sync();
      expect(sel.address).toBe('Sheet1!B7');
    });
    const s = fake.workbookState.sheet('Sheet1');
    expect(s.merges).toEqual(['A1:C1', 'A3:C3', 'A4:C4']);
    expect(s.values('A1:C1')).toEqual([['Title', '', '']]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A3:C4').unmerge();
    });
    expect(s.merges).toEqual(['A1:C1']);
  });

  test('clear(Contents) keeps formats, clear(Formats) keeps contents', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Sheet1');
      ws.getRange('A1:A2').values = [['a'], ['b']];
      ws.getRange('A1:A2').format.font.bold = true;
      await context.sync();
      ws.getRange('A1').clear(Excel.ClearApplyTo.contents);
      ws.getRange('A2').clear('Formats');
    });
    const s = fake.workbookState.sheet('Sheet1');
    expect([s.cell('A1').constant, s.cell('A1').font.bold]).toEqual([undefined, true]);
    expect([s.cell('A2').constant, s.cell('A2').font.bold]).toEqual(['b', false]);
  });

  test('setCellProperties / getCellProperties (ExcelApi 1.9)', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.setCellProperties([[{ format: { fill: { color: '#C6EFCE' }, font: { bold: true } } }, { format: { protection: { locked: false } } }]]);
      const props = r.getCellProperties({ address: true, format: { fill: { color: true }, protection: true } });
      await context.sync();
      expect(props.value[0][0]).toMatchObject({ address: 'Sheet1!A1', format: { fill: { color: '#C6EFCE' } } });
      expect(props.value[0][1]).toMatchObject({ format: { protection: { locked: false } } });
    });
  });

  test('hyperlinks', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').hyperlink = {
        address: 'https://example.com/okr',
        textToDisplay: 'OKR guide',
      };
    });
    const a1 = fake.workbookState.sheet('Sheet1').cell('A1');
    expect(a1.value).toBe('OKR guide');
    expect(a1.hyperlink).toEqual({ address: 'https://example.com/okr', textToDisplay: 'OKR guide' });
  });
});

describe('names', () => {
  test('add (range or formula), getItem, items, type/value/formula, getRange, sheet scope, duplicates', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      const names = context.workbook.names;
      names.add('ScoreRange', ws.getRange('C2:C20'), 'scores');
      names.add('Threshold', '=0.7');
      ws.names.add('LocalName', '=Plan!$A$1');
      await context.sync();
      const item = names.getItem('scorerange').load('name, type, value, formula, comment, scope');
      const threshold = names.getItem('Threshold').load('type, value');
      const range = names.getItem('ScoreRange').getRange().load('address');
      const missing = names.getItemOrNullObject('Nope');
      names.load('items/name');
      await context.sync();
      expect(item.toJSON()).toEqual({
        name: 'ScoreRange',
        type: 'Range',
        value: 'Plan!$C$2:$C$20',
        formula: '=Plan!$C$2:$C$20',
        comment: 'scores',
        scope: 'Workbook',
      });
      expect([threshold.type, threshold.value]).toEqual(['Double', 0.7]);
      expect(range.address).toBe('Plan!C2:C20');
      expect(missing.isNullObject).toBe(true);
      expect(names.items.map((n) => n.name)).toEqual(['ScoreRange', 'Threshold']);
      // a defined name can be used as an address
      const viaName = ws.getRange('ScoreRange').load('rowCount');
      await context.sync();
      expect(viaName.rowCount).toBe(19);
    });
    expect(fake.workbookState.sheet('Plan').names.map((n) => n.name)).toEqual(['LocalName']);
    for (const [name, ref, code] of [
      ['ScoreRange', '=1', 'ItemAlreadyExists'],
      ['A1', '=1', 'InvalidArgument'],
      ['has space', '=1', 'InvalidArgument'],
      ['Good', '=SUM(', 'InvalidArgument'],
    ]) {
      expect(
        await codeOf(
          fake.run(async (context) => {
            context.workbook.names.add(name, ref);
            await context.sync();
          }),
        ),
      ).toBe(code);
    }
  });
});

describe('data validation', () => {
  test('list, decimal and custom rules with prompt and error alert; clear; mixed coverage', async () => {
    const fake = createFakeExcel({ sheets: ['Plan', 'Lists'] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      const status = ws.getRange('D2:D50').dataValidation;
      status.clear();
      status.prompt = { showPrompt: true, title: 'Status', message: 'Pick a status' };
      status.rule = { list: { inCellDropDown: true, source: 'On track,At risk,Off track' } };
      status.errorAlert = { showAlert: true, style: 'Stop', title: 'Invalid', message: 'Use the list' };
      const progress = ws.getRange('E2:E50').dataValidation;
      progress.rule = { decimal: { formula1: 0, formula2: 1, operator: Excel.DataValidationOperator.between } };
      ws.getRange('F2:F50').dataValidation.rule = {
        list: { inCellDropDown: true, source: context.workbook.worksheets.getItem('Lists').getRange('A1:A5') },
      };
      ws.getRange('G2').dataValidation.rule = { custom: { formula: '=LEN(G2)<=100' } };
      await context.sync();
      const d = ws.getRange('D10').dataValidation.load('type, rule, prompt');
      const e = ws.getRange('E2:E50').dataValidation.load('type, rule');
      const mixed = ws.getRange('D2:E2').dataValidation.load('type');
      await context.sync();
      expect(d.type).toBe('List');
      expect(d.rule).toEqual({ list: { inCellDropDown: true, source: 'On track,At risk,Off track' } });
      expect(d.prompt).toEqual({ showPrompt: true, title: 'Status', message: 'Pick a status' });
      expect(e.rule).toEqual({ decimal: { formula1: '=0', formula2: '=1', operator: 'Between' } });
      expect(mixed.type).toBe('Inconsistent');
    });
    const plan = fake.workbookState.sheet('Plan');
    expect(plan.validationAt('D2')).toMatchObject({
      ranges: ['D2:D50'],
      rule: { type: 'List', source: 'On track,At risk,Off track' },
      prompt: { title: 'Status' },
      errorAlert: { title: 'Invalid', style: 'Stop' },
    });
    expect(plan.validationAt('F3')?.rule).toMatchObject({ type: 'List', source: '=Lists!$A$1:$A$5' });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').getRange('D10:D50').dataValidation.clear();
    });
    expect(plan.validationAt('D2')?.ranges).toEqual(['D2:D9']);
    expect(plan.validationAt('D10')).toBeUndefined();
  });

  test('Excel limits: two rule types at once, a 256-character list, a 33-character prompt title', async () => {
    const fake = createFakeExcel();
    const attempts: Array<(dv: Excel.DataValidation) => void> = [
      (dv) => {
        dv.rule = { list: { inCellDropDown: true, source: 'a' }, custom: { formula: '=TRUE' } };
      },
      (dv) => {
        dv.rule = { list: { inCellDropDown: true, source: 'x'.repeat(256) } };
      },
      (dv) => {
        dv.prompt = { showPrompt: true, title: 'x'.repeat(33), message: '' };
      },
      (dv) => {
        dv.rule = { wholeNumber: { formula1: 1, operator: 'Between' } };
      },
    ];
    for (const attempt of attempts) {
      expect(
        await codeOf(
          fake.run(async (context) => {
            attempt(context.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation);
            await context.sync();
          }),
        ),
      ).toBe('InvalidArgument');
    }
  });
});

describe('conditional formats', () => {
  test('custom, cellValue, dataBar and colorScale; priorities; items; clearAll', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Plan').getRange('E2:E50');
      const red = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      red.custom.rule.formula = '=AND(ISNUMBER(E2),E2<0.4)';
      red.custom.format.fill.color = '#F8CBAD';
      red.custom.format.font.color = '#9C0006';
      const good = range.conditionalFormats.add('CellValue');
      good.cellValue.format.fill.color = '#C6EFCE';
      good.cellValue.rule = { formula1: '=0.7', operator: 'GreaterThanOrEqual' };
      const bar = range.conditionalFormats.add('DataBar');
      bar.dataBar.barDirection = 'LeftToRight';
      bar.dataBar.positiveFormat.fillColor = '#5B9BD5';
      bar.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
      bar.dataBar.upperBoundRule = { type: 'Number', formula: '1' };
      const scale = context.workbook.worksheets.getItem('Plan').getRange('F2:F50').conditionalFormats.add('ColorScale');
      scale.colorScale.criteria = {
        minimum: { type: 'LowestValue', color: '#F8696B' },
        maximum: { type: 'HighestValue', color: '#63BE7B' },
      };
      const count = range.conditionalFormats.getCount();
      range.conditionalFormats.load('items/type, items/priority');
      await context.sync();
      expect(count.value).toBe(3);
      expect(range.conditionalFormats.items.map((c) => [c.type, c.priority])).toEqual([
        ['DataBar', 1],
        ['CellValue', 2],
        ['Custom', 3],
      ]);
      const wrong = red.dataBarOrNullObject;
      await context.sync();
      expect(wrong.isNullObject).toBe(true);
    });
    const cfs = fake.workbookState.sheet('Plan').conditionalFormats;
    expect(cfs.map((c) => c.type)).toEqual(['ColorScale', 'DataBar', 'CellValue', 'Custom']);
    expect(cfs[3]).toMatchObject({
      ranges: ['E2:E50'],
      rule: { formula: '=AND(ISNUMBER(E2),E2<0.4)' },
      format: { fillColor: '#F8CBAD', fontColor: '#9C0006' },
    });
    expect(cfs[2].rule).toEqual({ formula1: '=0.7', operator: 'GreaterThanOrEqual' });
    expect(cfs[1].rule).toMatchObject({ barDirection: 'LeftToRight', positiveFormat: { fillColor: '#5B9BD5' } });
    expect(
      await codeOf(
        fake.run(async (context) => {
          const cf = context.workbook.worksheets.getItem('Plan').getRange('E2').conditionalFormats.getItemAt(0);
          cf.custom.rule.formula = '=TRUE'; // it is a data bar
          await context.sync();
        }),
      ),
    ).toBe('InvalidOperation');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Plan').getRange('E2:E50').conditionalFormats.clearAll();
    });
    expect(fake.workbookState.sheet('Plan').conditionalFormats.map((c) => c.type)).toEqual(['ColorScale']);
  });
});

describe('tables, application, settings, properties', () => {
  test('tables.add over written values, ranges of the table, overlapping tables refused', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Plan');
      ws.getRange('A1:C3').values = [
        ['Objective', 'KR', ''],
        ['Grow', 'Ship', 1],
        ['Grow', 'Sell', 2],
      ];
      const table = ws.tables.add('A1:C3', true);
      table.name = 'KeyResults';
      table.style = 'TableStyleLight9';
      const body = table.getDataBodyRange().load('address');
      const header = table.getHeaderRowRange().load('values');
      await context.sync();
      expect(body.address).toBe('Plan!A2:C3');
      expect(header.values).toEqual([['Objective', 'KR', 'Column3']]);
    });
    expect(fake.workbookState.sheet('Plan').tables).toMatchObject([{ name: 'KeyResults', address: 'A1:C3', style: 'TableStyleLight9' }]);
    expect(
      await codeOf(
        fake.run(async (context) => {
          context.workbook.tables.add('Plan!B2:D4', true);
          await context.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });

  test('calculation mode, settings, custom properties', async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.application.calculationMode = 'Manual';
      context.workbook.settings.add('okr.version', { schema: 2 });
      context.workbook.properties.custom.add('OKR cycle', '2025-Q1');
      context.workbook.properties.title = 'OKRs';
      await context.sync();
      const setting = context.workbook.settings.getItemOrNullObject('okr.version').load('value');
      const app = context.workbook.application.load('calculationMode');
      await context.sync();
      expect(setting.value).toEqual({ schema: 2 });
      expect(app.calculationMode).toBe('Manual');
    });
    expect(fake.workbookState.calculationMode).toBe('Manual');
    expect(fake.workbookState.settings()).toEqual({ 'okr.version': { schema: 2 } });
    expect(fake.workbookState.customProperties()).toEqual({ 'OKR cycle': '2025-Q1' });
    expect(fake.workbookState.properties().title).toBe('OKRs');
  });
});
