/**
 * Excel.ChartCollection / Chart / ChartTitle / ChartLegend — the part of the chart API the add-in
 * uses: `worksheet.charts.add(type, sourceRange, seriesBy)`, `chart.title.text`, `chart.legend.visible`,
 * `chart.setPosition(start, end)`, `chart.name`, `chart.delete()`, and loading `items/name` etc.
 *
 * Charts live on the sheet's data (SheetData.charts, added by this module), so they are rolled back
 * with a failed request and vanish with a deleted sheet. Adding a chart to a protected sheet fails
 * with AccessDenied unless the protection allows editing objects, as in Excel.
 *
 * Registered by importing this module (fake-excel.ts does). Tests inspect charts with chartsOf().
 */

import { Rect, parseAddress, rectToA1 } from './address';
import { ApplyContext, FakeClientObject, FakeCollection, NULL_OBJECT, NullObject, defineType, type TypeSpec } from './core';
import { ErrorCodes, Messages, accessDeniedProtectedSheet, err, invalidArgument, itemNotFound } from './errors';
import { FakeRange, RangeTarget } from './range';
import { SheetData, WorkbookState } from './workbook-state';
import { FakeWorksheet, SheetTarget } from './worksheet';

/** Chart types the fake accepts (a subset of Excel.ChartType; others fail as InvalidArgument). */
export const CHART_TYPES = [
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100',
  'Line', 'LineMarkers', 'Pie', 'Doughnut', 'Area', 'XYScatter', 'Radar',
] as const;
const SERIES_BY = ['Auto', 'Columns', 'Rows'];
const LEGEND_POSITIONS = ['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'];

export interface ChartData {
  id: string;
  name: string;
  type: string;
  seriesBy: string;
  /** the data range on its sheet */
  source: Rect;
  sourceSheetId: string;
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  /** cells the chart covers, set by setPosition */
  position: { from: string; to: string } | null;
}

type SheetWithCharts = SheetData & { charts?: ChartData[] };

function chartsOfSheet(sheet: SheetData): ChartData[] {
  const s = sheet as SheetWithCharts;
  if (!s.charts) s.charts = [];
  return s.charts;
}

interface ChartTarget {
  sheetId: string;
  chartId: string;
}

function chartData(ax: ApplyContext, t: ChartTarget, where: string): { sheet: SheetData; chart: ChartData } {
  const sheet = ax.state._sheetById(t.sheetId, where);
  const chart = chartsOfSheet(sheet).find((c) => c.id === t.chartId);
  if (!chart) throw itemNotFound('the chart no longer exists', where);
  return { sheet, chart };
}

function cellAddress(ax: ApplyContext, sheet: SheetData, v: unknown, where: string): string {
  if (v instanceof FakeRange) {
    const t = ax.resolve<RangeTarget>(v);
    if (t === NULL_OBJECT) throw invalidArgument('a null range', where);
    if (t.sheetId !== sheet.id) throw invalidArgument('the cell is on another sheet', where);
    return rectToA1({ r: t.rect.r, c: t.rect.c, rows: 1, cols: 1 });
  }
  if (typeof v !== 'string') throw invalidArgument(`${JSON.stringify(v)} is not a cell`, where);
  const p = parseAddress(v);
  if (!p || (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase())) throw invalidArgument(`${JSON.stringify(v)} is not a cell of ${sheet.name}`, where);
  return rectToA1({ r: p.rect.r, c: p.rect.c, rows: 1, cols: 1 });
}

// ---- collection ----------------------------------------------------------------------------------

export class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(parent: FakeWorksheet) {
    super(parent.context, parent, 'charts');
  }

  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }

  /** @internal */
  _chart(segment: string, lookup: (t: SheetTarget, sheet: SheetData, where: string) => ChartTarget | NullObject): FakeChart {
    const where = `ChartCollection.${segment.split('(')[0]}`;
    return new FakeChart(this, segment, (ax) => {
      const t = ax.resolve<SheetTarget>(this);
      if (t === NULL_OBJECT) return NULL_OBJECT;
      return lookup(t, ax.state._sheetById(t.sheetId, where), where);
    });
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = 'Auto'): FakeChart {
    const chart = this._chart(`add(${JSON.stringify(type)})`, () => {
      throw err(ErrorCodes.invalidObjectPath, Messages.invalidObjectPath(chart._path()), 'ChartCollection.add');
    });
    if (!(sourceData instanceof FakeRange)) throw invalidArgument('sourceData must be a Range', 'ChartCollection.add');
    this._queueCall<SheetTarget>('add', [type, sourceData, seriesBy], (t, ax, where) => {
      if (!(CHART_TYPES as readonly string[]).includes(type)) throw invalidArgument(`chart type ${JSON.stringify(type)}`, where);
      if (!SERIES_BY.includes(seriesBy)) throw invalidArgument(`seriesBy ${JSON.stringify(seriesBy)}`, where);
      const sheet = ax.state._sheetById(t.sheetId, where);
      if (sheet.protection.protected && !sheet.protection.options.allowEditObjects) throw accessDeniedProtectedSheet(where);
      const src = ax.resolve<RangeTarget>(sourceData);
      if (src === NULL_OBJECT) throw invalidArgument('sourceData is a null range', where);
      const list = chartsOfSheet(sheet);
      let n = list.length + 1;
      while (list.some((c) => c.name === `Chart ${n}`)) n++;
      const data: ChartData = {
        id: ax.state._newId('chart'),
        name: `Chart ${n}`,
        type,
        seriesBy,
        source: { ...src.rect },
        sourceSheetId: src.sheetId,
        title: { text: '', visible: false },
        legend: { visible: true, position: 'Right' },
        position: null,
      };
      list.push(data);
      ax.bind(chart, { sheetId: sheet.id, chartId: data.id });
    });
    return chart;
  }

  getItem(name: string): FakeChart {
    return this._chart(`getItem(${JSON.stringify(name)})`, (t, sheet, where) => {
      const c = chartsOfSheet(sheet).find((x) => x.name === name);
      if (!c) throw itemNotFound(`no chart named ${JSON.stringify(name)}`, where);
      return { sheetId: t.sheetId, chartId: c.id };
    });
  }
}

defineType<SheetTarget>(FakeChartCollection, {
  typeName: 'ChartCollection',
  scalars: {
    count: { readOnly: true, read: (t, ax) => chartsOfSheet(ax.state._sheetById(t.sheetId, 'ChartCollection.count')).length },
  },
  items: (t, ax, coll) =>
    chartsOfSheet(ax.state._sheetById(t.sheetId, 'ChartCollection.items')).map((c) => {
      const p = (coll as FakeChartCollection)._chart(`getItem(${JSON.stringify(c.name)})`, () => ({ sheetId: t.sheetId, chartId: c.id }));
      p._bound = { sheetId: t.sheetId, chartId: c.id };
      return p;
    }),
});

/** chart.title and chart.legend: resolve to their chart. */
abstract class FakeChartPart extends FakeClientObject {
  constructor(parent: FakeClientObject, segment: string) {
    super(parent.context, parent, segment);
  }

  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }
}

const titleSpec: TypeSpec<ChartTarget> = {
  typeName: 'ChartTitle',
  scalars: {
    text: {
      read: (t, ax) => chartData(ax, t, 'ChartTitle.text').chart.title.text,
      write: (t, v, ax, where) => {
        if (typeof v !== 'string') throw invalidArgument('text', where);
        const { chart } = chartData(ax, t, where);
        chart.title = { text: v, visible: v !== '' || chart.title.visible };
      },
    },
    visible: {
      read: (t, ax) => chartData(ax, t, 'ChartTitle.visible').chart.title.visible,
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('visible', where);
        chartData(ax, t, where).chart.title.visible = v;
      },
    },
  },
};
const legendSpec: TypeSpec<ChartTarget> = {
  typeName: 'ChartLegend',
  scalars: {
    visible: {
      read: (t, ax) => chartData(ax, t, 'ChartLegend.visible').chart.legend.visible,
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('visible', where);
        chartData(ax, t, where).chart.legend.visible = v;
      },
    },
    position: {
      read: (t, ax) => chartData(ax, t, 'ChartLegend.position').chart.legend.position,
      write: (t, v, ax, where) => {
        if (!LEGEND_POSITIONS.includes(String(v))) throw invalidArgument(`legend position ${JSON.stringify(v)}`, where);
        chartData(ax, t, where).chart.legend.position = String(v);
      },
    },
  },
};
class FakeChartTitle extends FakeChartPart {}
class FakeChartLegend extends FakeChartPart {}
defineType<ChartTarget>(FakeChartTitle, titleSpec);
defineType<ChartTarget>(FakeChartLegend, legendSpec);

// ---- chart -----------------------------------------------------------------------------------------

export class FakeChart extends FakeClientObject {
  /** @internal */ _bound: ChartTarget | undefined;

  constructor(parent: FakeClientObject, segment: string, private readonly _resolver: (ax: ApplyContext) => ChartTarget | NullObject) {
    super(parent.context, parent, segment);
  }

  _resolveTarget(ax: ApplyContext): ChartTarget | NullObject {
    const t = this._bound ?? this._resolver(ax);
    if (t !== NULL_OBJECT) chartData(ax, t, 'Chart');
    return t;
  }

  override _onResolved(target: unknown): void {
    super._onResolved(target);
    if (target !== NULL_OBJECT) this._bound = target as ChartTarget;
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._queueCall<ChartTarget>('setPosition', [startCell, endCell ?? null], (t, ax, where) => {
      const { sheet, chart } = chartData(ax, t, where);
      const from = cellAddress(ax, sheet, startCell, where);
      const to = endCell === undefined ? from : cellAddress(ax, sheet, endCell, where);
      chart.position = { from, to };
    });
  }

  delete(): void {
    this._queueCall<ChartTarget>('delete', [], (t, ax, where) => {
      const { sheet } = chartData(ax, t, where);
      const s = sheet as SheetWithCharts;
      s.charts = chartsOfSheet(sheet).filter((c) => c.id !== t.chartId);
    });
  }
}

defineType<ChartTarget>(FakeChart, {
  typeName: 'Chart',
  scalars: {
    id: { readOnly: true, read: (t) => t.chartId },
    name: {
      read: (t, ax) => chartData(ax, t, 'Chart.name').chart.name,
      write: (t, v, ax, where) => {
        if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('name', where);
        const { sheet, chart } = chartData(ax, t, where);
        if (chartsOfSheet(sheet).some((c) => c !== chart && c.name === v)) throw err(ErrorCodes.itemAlreadyExists, Messages.itemAlreadyExists, where);
        chart.name = v;
      },
    },
    chartType: {
      read: (t, ax) => chartData(ax, t, 'Chart.chartType').chart.type,
      write: (t, v, ax, where) => {
        if (!(CHART_TYPES as readonly string[]).includes(String(v))) throw invalidArgument(`chart type ${JSON.stringify(v)}`, where);
        chartData(ax, t, where).chart.type = String(v);
      },
    },
  },
  navs: {
    title: { create: (p) => new FakeChartTitle(p, 'title') },
    legend: { create: (p) => new FakeChartLegend(p, 'legend') },
  },
});

// ---- registration on Worksheet ------------------------------------------------------------------------

function registerCharts(): void {
  const spec = (FakeWorksheet.prototype as unknown as { _spec: TypeSpec<unknown> })._spec;
  spec.navs = { ...(spec.navs ?? {}), charts: { api: '1.1', create: (p) => new FakeChartCollection(p as FakeWorksheet) } };
  Object.defineProperty(FakeWorksheet.prototype, 'charts', {
    configurable: true,
    enumerable: true,
    get(this: FakeWorksheet) {
      this._api('Worksheet.charts', '1.1');
      return this._child('charts', () => new FakeChartCollection(this));
    },
  });
}
registerCharts();

// ---- inspection for tests -------------------------------------------------------------------------------

export interface ChartView {
  name: string;
  type: string;
  seriesBy: string;
  /** "Sheet!A3:B7" */
  source: string;
  title: string;
  legendVisible: boolean;
  position: { from: string; to: string } | null;
}

/** The charts on a sheet of the fake workbook. */
export function chartsOf(state: WorkbookState, sheetName: string): ChartView[] {
  const sheet = state._findSheet(sheetName);
  if (!sheet) throw new Error(`fake workbook has no sheet named "${sheetName}"`);
  return chartsOfSheet(sheet).map((c) => {
    const src = state.data.sheets.find((s) => s.id === c.sourceSheetId);
    return {
      name: c.name,
      type: c.type,
      seriesBy: c.seriesBy,
      source: `${src?.name ?? '#REF'}!${rectToA1(c.source)}`,
      title: c.title.text,
      legendVisible: c.legend.visible,
      position: c.position ? { ...c.position } : null,
    };
  });
}
