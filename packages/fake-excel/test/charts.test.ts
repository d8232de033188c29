import { chartsOf } from '../src/charts';
import { createFakeExcel } from '../src/fake-excel';

describe('in-memory Excel: charts', () => {
  it('adds a chart from a range, with title, legend and position, readable after load + sync', async () => {
    const fake = createFakeExcel({ sheets: ['Data'] });
    fake.workbookState.seed('Data', 'A1:B3', [['Rating', 'People'], ['Good', 3], ['Bad', 1]]);
    const names = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      const chart = ws.charts.add('ColumnClustered' as Excel.ChartType, ws.getRange('A1:B3'), 'Columns' as Excel.ChartSeriesBy);
      chart.title.text = 'Ratings';
      chart.legend.visible = false;
      chart.setPosition('D2', 'J15');
      const charts = ws.charts.load('items/name,items/chartType');
      await ctx.sync();
      return charts.items.map((c) => [c.name, c.chartType]);
    });
    expect(names).toEqual([['Chart 1', 'ColumnClustered']]);
    expect(fake.stats.requests).toBe(1);
    expect(chartsOf(fake.workbookState, 'Data')).toEqual([
      { name: 'Chart 1', type: 'ColumnClustered', seriesBy: 'Columns', source: 'Data!A1:B3', title: 'Ratings', legendVisible: false, position: { from: 'D2', to: 'J15' } },
    ]);
  });

  it('refuses a chart on a protected sheet (AccessDenied) and rolls the whole request back', async () => {
    const fake = createFakeExcel({ sheets: ['Data', 'Other'] });
    fake.workbookState.protectSheet('Data');
    await expect(fake.run(async (ctx) => {
      const other = ctx.workbook.worksheets.getItem('Other');
      other.charts.add('BarClustered' as Excel.ChartType, other.getRange('A1:B2'));
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.charts.add('BarClustered' as Excel.ChartType, ws.getRange('A1:B2'));
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(chartsOf(fake.workbookState, 'Other')).toEqual([]);
    await expect(fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      ws.charts.add('Pyramid3D' as Excel.ChartType, ws.getRange('A1:B2'));
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('charts go with their sheet', async () => {
    const fake = createFakeExcel({ sheets: ['Data', 'Keep'] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Data');
      ws.charts.add('Pie' as Excel.ChartType, ws.getRange('A1:B2'));
      await ctx.sync();
      ws.delete();
      await ctx.sync();
    });
    expect(fake.workbookState.sheetNames()).toEqual(['Keep']);
  });
});
