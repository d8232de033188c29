/**
 * Writes the fake's in-memory workbook to .xlsx with ExcelJS (the only file of the fake that uses
 * ExcelJS), so a test can recalculate what the add-in produced in LibreOffice and compare it with
 * the command-line output.
 *
 * Written: sheets (order, visibility, tab colour, frozen panes), values, formulas WITHOUT cached
 * results (nothing stale can pass a recalculation check), error values, number formats, fills,
 * fonts, alignment, borders, locked/hidden flags (cell, column and row level), merges, column
 * widths (points → characters), row heights, hidden rows/columns, hyperlinks, defined names
 * (workbook and sheet scope, any formula), data validations, conditional formats (expression,
 * cellIs, dataBar, colorScale, iconSet, top10; containsText is written as an expression
 * ISNUMBER(SEARCH(...)) because ExcelJS's containsText output breaks), sheet protection with
 * its options and password, and tables.
 * Not written: workbook structure protection, `inCellDropDown: false` (ExcelJS cannot), settings.
 */

// Types only here: ExcelJS itself (over a second to load) is loaded by exportToXlsx, so the package's
// main entry stays as cheap to import as the browser one for the many tests that never export.
import type ExcelJS from 'exceljs';
import { Rect, colToLetters, keyToCell, rect, rectToA1 } from './address';
import { toArgb } from './colors';
import { BorderData, CFData, DVData, Layer, SheetData, StyleKey, WorkbookState } from './workbook-state';

export interface ExportOptions {
  /** write the fake's cached formula results (setCachedValue) as <v>; default false (no cached results) */
  includeCachedResults?: boolean;
  /** SHA-512 spin count for protection passwords (ExcelJS default 100000; lower is faster in tests) */
  passwordSpinCount?: number;
}

/** Office.js column width (points) → OOXML width (characters of the default font, Calibri 11). */
export function pointsToCharacters(points: number): number {
  const px = (points * 96) / 72;
  return Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
}

const H_ALIGN: Record<string, ExcelJS.Alignment['horizontal']> = {
  Left: 'left',
  Center: 'center',
  Right: 'right',
  Fill: 'fill',
  Justify: 'justify',
  CenterAcrossSelection: 'centerContinuous',
  Distributed: 'distributed',
};
const V_ALIGN: Record<string, ExcelJS.Alignment['vertical']> = {
  Top: 'top',
  Center: 'middle',
  Bottom: 'bottom',
  Justify: 'justify',
  Distributed: 'distributed',
};

function borderStyle(b: BorderData): ExcelJS.BorderStyle {
  const medium = b.weight === 'Medium' || b.weight === 'Thick';
  switch (b.style) {
    case 'Dash':
      return medium ? 'mediumDashed' : 'dashed';
    case 'DashDot':
      return medium ? 'mediumDashDot' : 'dashDot';
    case 'DashDotDot':
      return medium ? 'mediumDashDotDot' : 'dashDotDot';
    case 'Dot':
      return 'dotted';
    case 'Double':
      return 'double';
    case 'SlantDashDot':
      return 'slantDashDot';
    default:
      return b.weight === 'Thick' ? 'thick' : b.weight === 'Medium' ? 'medium' : b.weight === 'Hairline' ? 'hair' : 'thin';
  }
}

type StyleGetter = (key: StyleKey) => unknown;

/** ExcelJS style for the given effective style values; only non-default parts are set. */
function toExcelStyle(get: StyleGetter, only?: Set<StyleKey>): Partial<ExcelJS.Style> {
  const has = (k: StyleKey): boolean => !only || only.has(k);
  const style: Partial<ExcelJS.Style> = {};
  const numFmt = get('numberFormat');
  if (has('numberFormat') && typeof numFmt === 'string' && numFmt !== 'General') style.numFmt = numFmt;
  const fontKeys: StyleKey[] = ['font.bold', 'font.italic', 'font.color', 'font.size', 'font.name', 'font.underline', 'font.strikethrough'];
  if (fontKeys.some(has)) {
    const font: Partial<ExcelJS.Font> = { name: String(get('font.name')), size: Number(get('font.size')) };
    if (get('font.bold') === true) font.bold = true;
    if (get('font.italic') === true) font.italic = true;
    if (get('font.strikethrough') === true) font.strike = true;
    const color = String(get('font.color'));
    if (color !== '#000000') font.color = { argb: toArgb(color) };
    const u = String(get('font.underline'));
    if (u !== 'None') font.underline = u === 'Double' ? 'double' : u === 'SingleAccountant' ? 'singleAccounting' : u === 'DoubleAccountant' ? 'doubleAccounting' : 'single';
    const nonDefault = font.bold || font.italic || font.strike || font.color || font.underline || font.name !== 'Calibri' || font.size !== 11;
    if (nonDefault) style.font = font;
  }
  const fill = get('fill.color');
  if (has('fill.color') && typeof fill === 'string') style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  const h = H_ALIGN[String(get('horizontalAlignment'))];
  if (has('horizontalAlignment') && h) alignment.horizontal = h;
  const v = V_ALIGN[String(get('verticalAlignment'))];
  if (has('verticalAlignment') && v && v !== 'bottom') alignment.vertical = v;
  if (has('wrapText') && get('wrapText') === true) alignment.wrapText = true;
  if (has('shrinkToFit') && get('shrinkToFit') === true) alignment.shrinkToFit = true;
  const indent = Number(get('indentLevel'));
  if (has('indentLevel') && indent > 0) alignment.indent = indent;
  const rot = Number(get('textOrientation'));
  if (has('textOrientation') && rot !== 0) alignment.textRotation = rot === 180 ? 'vertical' : rot;
  if (Object.keys(alignment).length) style.alignment = alignment;
  const border: Partial<ExcelJS.Borders> = {};
  for (const [side, key] of [
    ['top', 'border.top'],
    ['bottom', 'border.bottom'],
    ['left', 'border.left'],
    ['right', 'border.right'],
  ] as const) {
    const b = has(key) ? (get(key) as BorderData | null) : null;
    if (b) border[side] = { style: borderStyle(b), color: { argb: toArgb(b.color) } };
  }
  const dd = has('border.diagonalDown') ? (get('border.diagonalDown') as BorderData | null) : null;
  const du = has('border.diagonalUp') ? (get('border.diagonalUp') as BorderData | null) : null;
  if (dd || du) {
    const b = (dd ?? du) as BorderData;
    border.diagonal = { up: !!du, down: !!dd, style: borderStyle(b), color: { argb: toArgb(b.color) } };
  }
  if (Object.keys(border).length) style.border = border;
  const locked = get('protection.locked') !== false;
  const hidden = get('protection.formulaHidden') === true;
  if ((has('protection.locked') || has('protection.formulaHidden')) && (!locked || hidden)) {
    style.protection = { locked, ...(hidden ? { hidden: true } : {}) };
  }
  return style;
}

function layerStyle(layer: Layer): Partial<ExcelJS.Style> {
  const keys = new Set(Object.keys(layer) as StyleKey[]);
  return toExcelStyle((k) => {
    const e = layer[k];
    if (e) return e.v;
    const defaults: Partial<Record<StyleKey, unknown>> = { 'font.name': 'Calibri', 'font.size': 11, 'font.color': '#000000', 'font.underline': 'None' };
    return defaults[k];
  }, keys);
}

function stripEq(f: string): string {
  return f.startsWith('=') ? f.slice(1) : f;
}

/** OOXML data-validation types (ExcelJS's typings omit 'time', its writer accepts it). */
const DV_TYPES: Record<string, string> = {
  List: 'list',
  WholeNumber: 'whole',
  Decimal: 'decimal',
  Date: 'date',
  Time: 'time',
  TextLength: 'textLength',
  Custom: 'custom',
};
const DV_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqualTo: 'greaterThanOrEqual',
  LessThanOrEqualTo: 'lessThanOrEqual',
};

function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
}

function dvModel(dv: DVData): ExcelJS.DataValidation {
  const rule = dv.rule;
  const base = {
    allowBlank: dv.ignoreBlanks,
    showInputMessage: dv.prompt.showPrompt && (dv.prompt.title !== '' || dv.prompt.message !== ''),
    promptTitle: dv.prompt.title || undefined,
    prompt: dv.prompt.message || undefined,
    showErrorMessage: dv.errorAlert.showAlert,
    errorStyle: dv.errorAlert.style.toLowerCase(),
    errorTitle: dv.errorAlert.title || undefined,
    error: dv.errorAlert.message || undefined,
  };
  if (!rule) return { ...base, type: 'any', formulae: [] } as unknown as ExcelJS.DataValidation; // 'any' is accepted by ExcelJS at run time but missing from its types
  const type = DV_TYPES[rule.type];
  let formulae: unknown[];
  if (rule.type === 'List') {
    const src = rule.source ?? '';
    formulae = [src.startsWith('=') ? stripEq(src) : `"${src.replace(/"/g, '""')}"`];
  } else if (rule.type === 'Custom') formulae = [stripEq(rule.formula ?? '')];
  else {
    const fs = [rule.formula1, rule.formula2].filter((f): f is string => f !== undefined).map(stripEq);
    // ExcelJS converts date formulae with new Date(x): hand it Dates for numeric serials
    formulae = rule.type === 'Date' ? fs.map((f) => (/^[\d.]+$/.test(f) ? serialToDate(Number(f)) : f)) : fs;
  }
  const model = { ...base, type, formulae } as unknown as ExcelJS.DataValidation; // see DV_TYPES
  if (rule.operator) model.operator = DV_OPERATORS[rule.operator];
  return model;
}

const CELL_IS: Record<string, string> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqual: 'greaterThanOrEqual',
  LessThanOrEqual: 'lessThanOrEqual',
};

function dxf(cf: CFData): Partial<ExcelJS.Style> {
  const f = cf.format;
  const style: Partial<ExcelJS.Style> = {};
  if (f.fillColor) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: toArgb(f.fillColor) } };
  const font: Partial<ExcelJS.Font> = {};
  if (f.fontColor) font.color = { argb: toArgb(f.fontColor) };
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.strikethrough) font.strike = true;
  if (f.underline && f.underline !== 'None') font.underline = f.underline === 'Double' ? 'double' : 'single';
  if (Object.keys(font).length) style.font = font;
  if (f.numberFormat) style.numFmt = f.numberFormat;
  if (f.borders) {
    const b: Partial<ExcelJS.Borders> = {};
    const map = { EdgeTop: 'top', EdgeBottom: 'bottom', EdgeLeft: 'left', EdgeRight: 'right' } as const;
    for (const [k, v] of Object.entries(f.borders)) {
      if (!v) continue;
      b[map[k as keyof typeof map]] = { style: 'thin', ...(v.color ? { color: { argb: toArgb(v.color) } } : {}) };
    }
    if (Object.keys(b).length) style.border = b;
  }
  return style;
}

function cfvo(rule: { type?: unknown; formula?: unknown } | undefined, fallback: 'min' | 'max'): ExcelJS.Cvfo {
  const t = String(rule?.type ?? '');
  const value = rule?.formula !== undefined && rule.formula !== null ? Number(String(rule.formula).replace(/^=/, '')) : undefined;
  const withValue = (type: ExcelJS.CfvoTypes): ExcelJS.Cvfo => (value !== undefined && !Number.isNaN(value) ? { type, value } : { type });
  switch (t) {
    case 'LowestValue':
      return { type: 'min' };
    case 'HighestValue':
      return { type: 'max' };
    case 'Number':
      return withValue('num');
    case 'Percent':
      return withValue('percent');
    case 'Percentile':
      return withValue('percentile');
    case 'Formula':
      return withValue('formula');
    default:
      return { type: fallback };
  }
}

const ICON_SETS: Record<string, ExcelJS.IconSetTypes> = {
  ThreeArrows: '3Arrows',
  ThreeArrowsGray: '3ArrowsGray',
  ThreeFlags: '3Flags',
  ThreeTrafficLights1: '3TrafficLights1',
  ThreeTrafficLights2: '3TrafficLights2',
  ThreeSigns: '3Signs',
  ThreeSymbols: '3Symbols',
  ThreeSymbols2: '3Symbols2',
  ThreeStars: '3Stars',
  ThreeTriangles: '3Triangles',
  FourArrows: '4Arrows',
  FourArrowsGray: '4ArrowsGray',
  FourRedToBlack: '4RedToBlack',
  FourRating: '4Rating',
  FourTrafficLights: '4TrafficLights',
  FiveArrows: '5Arrows',
  FiveArrowsGray: '5ArrowsGray',
  FiveRating: '5Rating',
  FiveQuarters: '5Quarters',
  FiveBoxes: '5Boxes',
};

function cfRule(cf: CFData, priority: number, topLeft: Rect): ExcelJS.ConditionalFormattingRule | null {
  const r = cf.rule;
  switch (cf.type) {
    case 'Custom': {
      const f = String(r.formula ?? '');
      return f ? { type: 'expression', priority, formulae: [stripEq(f)], style: dxf(cf) } : null;
    }
    case 'CellValue': {
      const op = CELL_IS[String(r.operator)];
      if (!op) return null;
      const formulae = [r.formula1, r.formula2].filter((x): x is string => typeof x === 'string').map(stripEq);
      // ExcelJS's typings list only four operators; its writer emits any OOXML operator.
      return { type: 'cellIs', priority, operator: op as ExcelJS.CellIsOperators, formulae, style: dxf(cf) };
    }
    case 'ContainsText': {
      const text = String(r.text ?? '').replace(/"/g, '""');
      const cell = `${colToLetters(topLeft.c)}${topLeft.r + 1}`;
      const search = `SEARCH("${text}",${cell})`;
      const formula =
        r.operator === 'NotContains'
          ? `ISERROR(${search})`
          : r.operator === 'BeginsWith'
            ? `LEFT(${cell},${text.length})="${text}"`
            : r.operator === 'EndsWith'
              ? `RIGHT(${cell},${text.length})="${text}"`
              : `ISNUMBER(${search})`;
      return { type: 'expression', priority, formulae: [formula], style: dxf(cf) };
    }
    case 'TopBottom': {
      const t = String(r.type);
      return { type: 'top10', priority, rank: Number(r.rank), percent: t.endsWith('Percent'), bottom: t.startsWith('Bottom'), style: dxf(cf) };
    }
    case 'DataBar': {
      const pos = r.positiveFormat as { fillColor?: string; borderColor?: string; gradientFill?: boolean };
      const neg = r.negativeFormat as { fillColor?: string; matchPositiveFillColor?: boolean; matchPositiveBorderColor?: boolean };
      const dir = String(r.barDirection);
      const rule = {
        type: 'dataBar',
        priority,
        gradient: pos.gradientFill !== false,
        showValue: r.showDataBarOnly !== true,
        border: !!pos.borderColor,
        direction: dir === 'LeftToRight' ? 'leftToRight' : dir === 'RightToLeft' ? 'rightToLeft' : 'context',
        axisPosition: r.axisFormat === 'None' ? 'none' : r.axisFormat === 'CellMidPoint' ? 'middle' : 'auto',
        negativeBarColorSameAsPositive: neg.matchPositiveFillColor === true,
        negativeBarBorderColorSameAsPositive: neg.matchPositiveBorderColor !== false,
        cfvo: [cfvo(r.lowerBoundRule as { type?: unknown }, 'min'), cfvo(r.upperBoundRule as { type?: unknown }, 'max')],
        // colours are read by ExcelJS's writer but not declared in its DataBarRuleType
        color: { argb: toArgb(pos.fillColor ?? '#638EC6') },
        ...(pos.borderColor ? { borderColor: { argb: toArgb(pos.borderColor) } } : {}),
        ...(neg.fillColor ? { negativeFillColor: { argb: toArgb(neg.fillColor) } } : {}),
      };
      return rule as ExcelJS.DataBarRuleType;
    }
    case 'ColorScale': {
      const c = r.criteria as Record<string, { type?: string; formula?: string | null; color?: string | null } | undefined>;
      const points = [c.minimum, c.midpoint, c.maximum].filter((x): x is { type?: string; formula?: string | null; color?: string | null } => !!x);
      return {
        type: 'colorScale',
        priority,
        cfvo: points.map((p, i) => cfvo(p, i === 0 ? 'min' : 'max')),
        color: points.map((p) => ({ argb: toArgb(p.color ?? '#FFFFFF') })),
      };
    }
    case 'IconSet': {
      const crit = (r.criteria as Array<{ type?: string; formula?: string }>) ?? [];
      return {
        type: 'iconSet',
        priority,
        iconSet: ICON_SETS[String(r.style)] ?? '3TrafficLights1',
        reverse: r.reverseIconOrder === true,
        showValue: r.showIconOnly !== true,
        cfvo: crit.map((x, i) => (i === 0 ? { type: 'percent', value: 0 } : cfvo(x, 'min'))),
      };
    }
    default:
      return null;
  }
}

function exportValue(state: WorkbookState, sheet: SheetData, r: number, c: number, includeCached: boolean): ExcelJS.CellValue | undefined {
  const cell = sheet.cells.get(r * 16384 + c);
  if (!cell) return undefined;
  if (cell.f !== undefined) {
    const formula = stripEq(cell.f);
    if (includeCached && cell.cv !== undefined && cell.cv !== null) return { formula, result: cell.cv } as ExcelJS.CellFormulaValue;
    return { formula } as ExcelJS.CellFormulaValue;
  }
  if (cell.v === undefined) return undefined;
  if (cell.e) return { error: cell.v } as ExcelJS.CellErrorValue;
  if (cell.link && (cell.link.address || cell.link.documentReference)) {
    const target = cell.link.address ?? `#${cell.link.documentReference ?? ''}`;
    return { text: String(cell.v), hyperlink: target, ...(cell.link.screenTip ? { tooltip: cell.link.screenTip } : {}) };
  }
  void state;
  return cell.v;
}

const PROTECTION_MAP: Array<[keyof SheetData['protection']['options'], keyof ExcelJS.WorksheetProtection]> = [
  ['allowFormatCells', 'formatCells'],
  ['allowFormatColumns', 'formatColumns'],
  ['allowFormatRows', 'formatRows'],
  ['allowInsertColumns', 'insertColumns'],
  ['allowInsertRows', 'insertRows'],
  ['allowInsertHyperlinks', 'insertHyperlinks'],
  ['allowDeleteColumns', 'deleteColumns'],
  ['allowDeleteRows', 'deleteRows'],
  ['allowSort', 'sort'],
  ['allowAutoFilter', 'autoFilter'],
  ['allowPivotTables', 'pivotTables'],
  ['allowEditObjects', 'objects'],
  ['allowEditScenarios', 'scenarios'],
];

export async function exportToXlsx(workbookState: WorkbookState, options: ExportOptions = {}): Promise<Buffer> {
  const state = workbookState;
  const Excel = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'fake-excel';
  const definedNames: Array<{ name: string; ranges: string[]; localSheetId?: number }> = [];

  for (const [index, sheet] of state.data.sheets.entries()) {
    const ws = wb.addWorksheet(sheet.name, {
      state: sheet.visibility === 'Visible' ? 'visible' : sheet.visibility === 'Hidden' ? 'hidden' : 'veryHidden',
      properties: sheet.tabColor ? { tabColor: { argb: toArgb(sheet.tabColor) } } : {},
      views: [
        {
          ...(sheet.freeze.rows || sheet.freeze.cols ? { state: 'frozen' as const, xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows } : { state: 'normal' as const }),
          showGridLines: sheet.showGridlines,
          showRowColHeaders: sheet.showHeadings,
          activeCell: rectToA1(rect(sheet.selection.r, sheet.selection.c)),
        },
      ],
    });

    // print setup: OOXML's paperSize 9 is A4, 1 Letter; fitToHeight 0 is "automatic"
    const page = sheet.page;
    const fit = page.zoom.scale === undefined;
    ws.pageSetup = {
      orientation: page.orientation === 'Landscape' ? 'landscape' : 'portrait',
      paperSize: ({ A4: 9, A3: 8, A5: 11, Letter: 1, Legal: 5 } as Record<string, number>)[page.paperSize] ?? 1,
      ...(fit ? { fitToPage: true, fitToWidth: page.zoom.horizontalFitToPages ?? 1, fitToHeight: page.zoom.verticalFitToPages ?? 1 } : { scale: page.zoom.scale }),
      ...(page.printTitleRows ? { printTitlesRow: page.printTitleRows.replace(/\$/g, '') } : {}),
    };

    // columns: width, hidden, column-level styles (before cells, which inherit them)
    const cols = new Set<number>([...sheet.colWidths.keys(), ...sheet.hiddenCols, ...sheet.colLayers.keys()]);
    for (const c of Array.from(cols).sort((a, b) => a - b)) {
      const col = ws.getColumn(c + 1);
      const w = sheet.colWidths.get(c);
      if (w !== undefined) col.width = pointsToCharacters(w);
      if (sheet.hiddenCols.has(c)) col.hidden = true;
      const layer = sheet.colLayers.get(c);
      if (layer) {
        const st = layerStyle(layer);
        if (st.numFmt) col.numFmt = st.numFmt;
        if (st.font) col.font = st.font;
        if (st.fill) col.fill = st.fill;
        if (st.alignment) col.alignment = st.alignment;
        if (st.border) col.border = st.border;
        if (st.protection) col.protection = st.protection;
      }
    }
    const rows = new Set<number>([...sheet.rowHeights.keys(), ...sheet.hiddenRows, ...sheet.rowLayers.keys()]);
    for (const r of Array.from(rows).sort((a, b) => a - b)) {
      const row = ws.getRow(r + 1);
      const h = sheet.rowHeights.get(r);
      if (h !== undefined) row.height = h;
      if (sheet.hiddenRows.has(r)) row.hidden = true;
      const layer = sheet.rowLayers.get(r);
      if (layer) {
        const st = layerStyle(layer);
        if (st.numFmt) row.numFmt = st.numFmt;
        if (st.font) row.font = st.font;
        if (st.fill) row.fill = st.fill;
        if (st.alignment) row.alignment = st.alignment;
        if (st.border) row.border = st.border;
        if (st.protection) row.protection = st.protection;
      }
    }

    // tables (ExcelJS writes their cells; ours are written again below, identically)
    for (const t of sheet.tables) {
      const header = state._grid(rect(t.rect.r, t.rect.c, 1, t.rect.cols), (r, c) => String(state._value(sheet, r, c)))[0];
      const bodyRows = t.rect.rows - 1 - (t.showTotals ? 1 : 0);
      const body = state._grid(rect(t.rect.r + 1, t.rect.c, Math.max(bodyRows, 1), t.rect.cols), (r, c) => exportValue(state, sheet, r, c, false) ?? null);
      ws.addTable({
        name: t.name,
        displayName: t.name,
        ref: rectToA1(rect(t.rect.r, t.rect.c)),
        headerRow: t.showHeaders,
        totalsRow: false,
        style: {
          theme: (t.style || 'TableStyleMedium2') as ExcelJS.TableStyleProperties['theme'],
          showRowStripes: t.showBandedRows,
          showColumnStripes: t.showBandedColumns,
          showFirstColumn: t.highlightFirstColumn,
          showLastColumn: t.highlightLastColumn,
        },
        columns: header.map((name) => ({ name, filterButton: t.showFilterButton })),
        rows: body,
      });
    }

    // cells
    const keys = Array.from(sheet.cells.keys()).sort((a, b) => a - b);
    for (const k of keys) {
      const [r, c] = keyToCell(k);
      const cell = ws.getCell(r + 1, c + 1);
      const value = exportValue(state, sheet, r, c, options.includeCachedResults === true);
      if (value !== undefined) cell.value = value;
      const st = toExcelStyle((key) => state._style(sheet, r, c, key));
      cell.style = st as ExcelJS.Style;
    }

    // merges
    for (const m of sheet.merges) ws.mergeCells(m.r + 1, m.c + 1, m.r + m.rows, m.c + m.cols);

    // data validations
    // range-level validations: ExcelJS has worksheet.dataValidations.add(sqref, model) at run time
    // but only declares the per-cell API in its typings
    const dvs = (ws as unknown as { dataValidations: { add(address: string, model: ExcelJS.DataValidation): void } }).dataValidations;
    for (const dv of sheet.validations) {
      const model = dvModel(dv);
      for (const x of dv.rects) dvs.add(fullA1(x), model);
    }

    // conditional formats (sheet order = priority)
    sheet.cfs.forEach((cf, i) => {
      const rule = cfRule(cf, i + 1, cf.rects[0]);
      if (!rule) return;
      ws.addConditionalFormatting({ ref: cf.rects.map(fullA1).join(' '), rules: [rule] });
    });

    // sheet-scoped names
    for (const n of sheet.names) definedNames.push({ name: n.name, ranges: [stripEq(n.formula)], localSheetId: index });

    // protection
    if (sheet.protection.protected) {
      const o = sheet.protection.options;
      const opts: Partial<ExcelJS.WorksheetProtection> = {
        selectLockedCells: o.selectionMode === 'Normal',
        selectUnlockedCells: o.selectionMode !== 'None',
      };
      for (const [from, to] of PROTECTION_MAP) (opts as Record<string, boolean>)[to] = o[from] as boolean;
      if (options.passwordSpinCount !== undefined) opts.spinCount = options.passwordSpinCount;
      await ws.protect(sheet.protection.password ?? '', opts);
    }
  }

  for (const n of state.data.names) definedNames.push({ name: n.name, ranges: [stripEq(n.formula)] });
  // ExcelJS models defined names as cell sets (ranges only, no sheet scope); its writer prints
  // `ranges` verbatim with localSheetId, so hand it the formulas directly.
  Object.defineProperty(wb.definedNames, 'model', { configurable: true, get: () => definedNames, set: () => undefined });

  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/** "A1:B2" with explicit rows for whole columns ("C1:C1048576"), which ExcelJS can parse. */
function fullA1(x: Rect): string {
  if (x.rows === 1 && x.cols === 1) return rectToA1(x);
  return `${colToLetters(x.c)}${x.r + 1}:${colToLetters(x.c + x.cols - 1)}${x.r + x.rows}`;
}

