/**
 * The in-memory workbook ("the Excel side"). Proxies never touch it directly: their queued
 * operations are applied here at `context.sync()`. Tests read it through `WorkbookState`
 * (sheet(), names(), …) and may simulate other people through `externalEdit`.
 *
 * All data lives in one plain, structured-clonable object (`data`) so that a failed sync can be
 * rolled back by restoring a snapshot (the fake is atomic per request).
 */

import {
  Rect,
  cellKey,
  isEntireColumn,
  isEntireRow,
  keyToCell,
  parseAddress,
  qualifiedAddress,
  rect,
  rectArea,
  rectContainsCell,
  rectToA1,
  rewriteSheetRefs,
} from './address';
import { ErrorCodes, Messages, accessDeniedProtectedSheet, err, invalidArgument, itemNotFound } from './errors';
import { CellInput, Scalar, formatCellText, interpretInput, rangeValueType } from './values';
import { deepClone } from './clone';

// ---- data ------------------------------------------------------------------------------------

export type StyleKey =
  | 'numberFormat'
  | 'fill.color'
  | 'fill.pattern'
  | 'font.bold'
  | 'font.italic'
  | 'font.color'
  | 'font.size'
  | 'font.name'
  | 'font.underline'
  | 'font.strikethrough'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrapText'
  | 'indentLevel'
  | 'textOrientation'
  | 'shrinkToFit'
  | 'protection.locked'
  | 'protection.formulaHidden'
  | 'border.top'
  | 'border.bottom'
  | 'border.left'
  | 'border.right'
  | 'border.diagonalDown'
  | 'border.diagonalUp';

export interface BorderData {
  style: string;
  color: string;
  weight: string;
}

export const STYLE_DEFAULTS: Record<StyleKey, unknown> = {
  numberFormat: 'General',
  'fill.color': null, // read back as "#FFFFFF" (no fill)
  'fill.pattern': 'None',
  'font.bold': false,
  'font.italic': false,
  'font.color': '#000000',
  'font.size': 11,
  'font.name': 'Calibri',
  'font.underline': 'None',
  'font.strikethrough': false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  indentLevel: 0,
  textOrientation: 0,
  shrinkToFit: false,
  'protection.locked': true,
  'protection.formulaHidden': false,
  'border.top': null,
  'border.bottom': null,
  'border.left': null,
  'border.right': null,
  'border.diagonalDown': null,
  'border.diagonalUp': null,
};

export type StyleMap = Partial<Record<StyleKey, unknown>>;

export interface HyperlinkData {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export type Writer = 'addin' | 'external' | 'seed';

export interface CellData {
  /** constant value */
  v?: Scalar;
  /** v is an error value such as "#N/A" */
  e?: true;
  /** formula text including "=" */
  f?: string;
  /** cached result of the formula (only ever set by tests: the fake does not calculate) */
  cv?: Scalar | null;
  s?: StyleMap;
  link?: HyperlinkData;
  by?: Writer;
}

interface LayerEntry {
  v: unknown;
  seq: number;
}
export type Layer = Partial<Record<StyleKey, LayerEntry>>;

export interface DVRule {
  type: 'List' | 'WholeNumber' | 'Decimal' | 'Date' | 'Time' | 'TextLength' | 'Custom';
  inCellDropDown?: boolean;
  source?: string;
  formula1?: string;
  formula2?: string;
  operator?: string;
  formula?: string;
}

export interface DVData {
  id: string;
  rects: Rect[];
  rule: DVRule | null;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface CFFormat {
  fillColor?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: string | null;
  numberFormat?: string | null;
  borders?: Partial<Record<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight', { color?: string; style?: string }>>;
}

export interface CFData {
  id: string;
  type: string;
  rects: Rect[];
  stopIfTrue: boolean | null;
  /** type-specific settings, in Office.js shapes (formula, formula1/2/operator, criteria, …) */
  rule: Record<string, unknown>;
  format: CFFormat;
}

export interface NameData {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface TableData {
  id: string;
  name: string;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
}

export interface ProtectionOptionsData {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export const DEFAULT_PROTECTION_OPTIONS: ProtectionOptionsData = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

/** Worksheet.pageLayout as Excel keeps it (the members the fake implements). */
export interface PageLayoutData {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  /** Fit to pages (0 = automatic) or a percentage scale; Excel keeps one or the other. */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Absolute row reference, e.g. "$1:$4"; null = none. */
  printTitleRows: string | null;
}

export const DEFAULT_PAGE_LAYOUT: PageLayoutData = { orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printTitleRows: null };

export interface SheetData {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
  showGridlines: boolean;
  showHeadings: boolean;
  standardWidth: number;
  enableCalculation: boolean;
  cells: Map<number, CellData>;
  /** keys of the cells whose formula has a "!" (may name a sheet): what a rename or delete rewrites */
  crossRefs: Set<number>;
  sheetLayer: Layer;
  colLayers: Map<number, Layer>;
  rowLayers: Map<number, Layer>;
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  merges: Rect[];
  validations: DVData[];
  cfs: CFData[];
  protection: { protected: boolean; options: ProtectionOptionsData; password: string | null };
  /** office-js #762: unprotect was given a password this sheet did not have; protect ignores passwords since */
  passwordIgnored?: boolean;
  freeze: { rows: number; cols: number };
  page: PageLayoutData;
  names: NameData[];
  tables: TableData[];
  selection: Rect;
}

export interface WorkbookData {
  sheets: SheetData[];
  names: NameData[];
  activeSheetId: string;
  protection: { protected: boolean; password: string | null };
  calculationMode: string;
  properties: Record<string, string | number>;
  custom: Map<string, { type: string; value: unknown }>;
  settings: Map<string, unknown>;
  seq: number;
  idCounter: number;
}

/** Column width in points (Calibri 11: 8.43 characters = 64 px = 48 pt). */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export interface StateOptions {
  /** what `values` returns for a formula cell that has no cached value (the fake does not calculate) */
  uncalculatedValue: Scalar | null;
  coerceTypedText: boolean;
}

// ---- the state -------------------------------------------------------------------------------

export class WorkbookState {
  /** @internal */
  data: WorkbookData;
  /** @internal */
  readonly options: StateOptions;

  constructor(sheetNames: string[], options: StateOptions) {
    this.options = options;
    this.data = {
      sheets: [],
      names: [],
      activeSheetId: '',
      protection: { protected: false, password: null },
      calculationMode: 'Automatic',
      properties: {
        title: '',
        subject: '',
        author: '',
        keywords: '',
        comments: '',
        category: '',
        manager: '',
        company: '',
        lastAuthor: '',
        revisionNumber: 0,
      },
      custom: new Map(),
      settings: new Map(),
      seq: 0,
      idCounter: 0,
    };
    for (const n of sheetNames.length ? sheetNames : ['Sheet1']) this._addSheet(n);
    this.data.activeSheetId = this.data.sheets[0].id;
  }

  // ---- internal helpers used by proxies -------------------------------------------------------

  /** @internal */
  _snapshot(): WorkbookData {
    return deepClone(this.data);
  }

  /** @internal */
  _restore(snapshot: WorkbookData): void {
    this.data = snapshot;
  }

  /** @internal */
  _newId(prefix: string): string {
    this.data.idCounter += 1;
    return `${prefix}${this.data.idCounter}`;
  }

  /** @internal */
  _seq(): number {
    this.data.seq += 1;
    return this.data.seq;
  }

  /** @internal */
  _addSheet(name: string, index?: number): SheetData {
    this.data.idCounter += 1;
    const n = this.data.idCounter;
    const sheet: SheetData = {
      id: `{00000000-00${String(n).padStart(2, '0')}-0000-0000-000000000000}`,
      name,
      visibility: 'Visible',
      tabColor: '',
      showGridlines: true,
      showHeadings: true,
      standardWidth: 8.43,
      enableCalculation: true,
      cells: new Map(),
      crossRefs: new Set(),
      sheetLayer: {},
      colLayers: new Map(),
      rowLayers: new Map(),
      colWidths: new Map(),
      rowHeights: new Map(),
      hiddenCols: new Set(),
      hiddenRows: new Set(),
      merges: [],
      validations: [],
      cfs: [],
      protection: { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS }, password: null },
      freeze: { rows: 0, cols: 0 },
      page: { ...DEFAULT_PAGE_LAYOUT, zoom: { ...DEFAULT_PAGE_LAYOUT.zoom } },
      names: [],
      tables: [],
      selection: rect(0, 0),
    };
    if (index === undefined || index >= this.data.sheets.length) this.data.sheets.push(sheet);
    else this.data.sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }

  /**
   * @internal Worksheet.copy as Excel does it: values, formulas, formats, widths and heights, merges,
   * validations, conditional formats, protection (options and password), panes, page layout (print
   * titles), tab colour, visibility and sheet-scoped names are copied, and references to the source
   * sheet inside the copy point to the copy. A workbook-scoped name that refers to the source sheet
   * comes along as a sheet-scoped name of the copy (Excel's "duplicate names" on copying a sheet).
   * Tables are copied under new names. The copy is named "<name> (2)" ("(3)", … when taken), the name
   * cut so that the whole stays within 31 characters.
   */
  _copySheet(src: SheetData, index: number): SheetData {
    const copy = deepClone(src);
    this.data.idCounter += 1;
    copy.id = `{00000000-00${String(this.data.idCounter).padStart(2, '0')}-0000-0000-000000000000}`;
    copy.name = this._copyName(src.name);
    const fix = (f: string): string => rewriteSheetRefs(f, src.name, copy.name);
    for (const k of copy.crossRefs) {
      const cell = copy.cells.get(k);
      if (cell?.f !== undefined) cell.f = fix(cell.f);
    }
    for (const dv of copy.validations) {
      dv.id = this._newId('dv');
      if (!dv.rule) continue;
      for (const k of ['formula', 'formula1', 'formula2', 'source'] as const) {
        const v = dv.rule[k];
        if (typeof v === 'string' && v.startsWith('=')) dv.rule[k] = fix(v);
      }
    }
    for (const cf of copy.cfs) {
      cf.id = this._newId('cf');
      for (const k of ['formula', 'formula1', 'formula2']) {
        const v = cf.rule[k];
        if (typeof v === 'string') cf.rule[k] = fix(v);
      }
    }
    for (const n of copy.names) n.formula = fix(n.formula);
    for (const n of this.data.names) {
      if (copy.names.some((x) => x.name.toLowerCase() === n.name.toLowerCase())) continue;
      if (fix(n.formula) !== n.formula) copy.names.push({ ...n, formula: fix(n.formula) });
    }
    const tableNames = new Set(this.data.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
    for (const t of copy.tables) {
      t.id = this._newId('table');
      let i = 2;
      while (tableNames.has(`${t.name}${i}`.toLowerCase())) i++;
      t.name = `${t.name}${i}`;
      tableNames.add(t.name.toLowerCase());
    }
    this.data.sheets.splice(Math.max(0, Math.min(index, this.data.sheets.length)), 0, copy);
    return copy;
  }

  /** @internal the name Excel gives a copy of the sheet `name`: "<name> (2)", the first free number */
  _copyName(name: string): string {
    const base = name.replace(/ \(\d+\)$/, '');
    for (let i = 2; ; i++) {
      const tail = ` (${i})`;
      const n = `${base.slice(0, 31 - tail.length)}${tail}`;
      if (!this._findSheet(n)) return n;
    }
  }

  /** @internal */
  _sheetById(id: string, where?: string): SheetData {
    const s = this.data.sheets.find((x) => x.id === id);
    if (!s) throw itemNotFound('the worksheet no longer exists', where);
    return s;
  }

  /** @internal */
  _findSheet(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.data.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** @internal */
  _findSheetByKey(key: string): SheetData | undefined {
    return this.data.sheets.find((s) => s.id === key) ?? this._findSheet(key);
  }

  // ---- styles ---------------------------------------------------------------------------------

  /** @internal effective style of one cell */
  _style(sheet: SheetData, r: number, c: number, key: StyleKey): unknown {
    const cell = sheet.cells.get(cellKey(r, c));
    if (cell?.s && key in cell.s) return cell.s[key];
    return this._layered(sheet, r, c, key);
  }

  /** @internal style from sheet / column / row layers (latest write wins) */
  _layered(sheet: SheetData, r: number, c: number, key: StyleKey): unknown {
    let best: LayerEntry | undefined = sheet.sheetLayer[key];
    const col = sheet.colLayers.get(c)?.[key];
    if (col && (!best || col.seq > best.seq)) best = col;
    const row = sheet.rowLayers.get(r)?.[key];
    if (row && (!best || row.seq > best.seq)) best = row;
    return best ? best.v : STYLE_DEFAULTS[key];
  }

  /** @internal */
  _cell(sheet: SheetData, r: number, c: number): CellData {
    const k = cellKey(r, c);
    let cell = sheet.cells.get(k);
    if (!cell) {
      cell = {};
      sheet.cells.set(k, cell);
    }
    return cell;
  }

  /** @internal drop cells that carry nothing */
  _gc(sheet: SheetData, r: number, c: number): void {
    const k = cellKey(r, c);
    const cell = sheet.cells.get(k);
    if (!cell) return;
    if (cell.v === undefined && cell.f === undefined && cell.link === undefined && (!cell.s || Object.keys(cell.s).length === 0)) {
      sheet.cells.delete(k);
    }
  }

  /** @internal visit existing cells inside a rectangle */
  _forEachCellIn(sheet: SheetData, x: Rect, fn: (r: number, c: number, cell: CellData) => void): void {
    if (rectArea(x) <= sheet.cells.size * 2) {
      for (let r = x.r; r < x.r + x.rows; r++) {
        for (let c = x.c; c < x.c + x.cols; c++) {
          const cell = sheet.cells.get(cellKey(r, c));
          if (cell) fn(r, c, cell);
        }
      }
      return;
    }
    for (const [k, cell] of Array.from(sheet.cells.entries())) {
      const [r, c] = keyToCell(k);
      if (rectContainsCell(x, r, c)) fn(r, c, cell);
    }
  }

  /** @internal set one style property on a rectangle (layers for whole rows/columns) */
  _setStyle(sheet: SheetData, x: Rect, key: StyleKey, value: unknown): void {
    const full = isEntireColumn(x) || isEntireRow(x);
    if (full) {
      const seq = this._seq();
      const entry = { v: value, seq };
      if (isEntireColumn(x) && isEntireRow(x)) {
        sheet.sheetLayer[key] = entry;
        sheet.colLayers.forEach((l) => delete l[key]);
        sheet.rowLayers.forEach((l) => delete l[key]);
      } else if (isEntireColumn(x)) {
        for (let c = x.c; c < x.c + x.cols; c++) {
          const l = sheet.colLayers.get(c) ?? {};
          l[key] = { ...entry };
          sheet.colLayers.set(c, l);
        }
      } else {
        for (let r = x.r; r < x.r + x.rows; r++) {
          const l = sheet.rowLayers.get(r) ?? {};
          l[key] = { ...entry };
          sheet.rowLayers.set(r, l);
        }
      }
      this._forEachCellIn(sheet, x, (_r, _c, cell) => {
        if (cell.s) delete cell.s[key];
      });
      return;
    }
    for (let r = x.r; r < x.r + x.rows; r++) {
      for (let c = x.c; c < x.c + x.cols; c++) {
        const cell = this._cell(sheet, r, c);
        cell.s = cell.s ?? {};
        cell.s[key] = value;
      }
    }
  }

  /** @internal uniform value of a style over a rectangle, or null when mixed */
  _uniformStyle(sheet: SheetData, x: Rect, key: StyleKey): unknown {
    const s = this._styleSummary(sheet, x, key);
    return s.uniform ? s.value : null;
  }

  /** @internal whether a style is uniform over a rectangle, and its value */
  _styleSummary(sheet: SheetData, x: Rect, key: StyleKey): { uniform: boolean; value: unknown } {
    const area = rectArea(x);
    if (area <= 200000) {
      let first: unknown;
      let seen = false;
      for (let r = x.r; r < x.r + x.rows; r++) {
        for (let c = x.c; c < x.c + x.cols; c++) {
          const v = this._style(sheet, r, c, key);
          if (!seen) {
            first = v;
            seen = true;
          } else if (!sameValue(first, v)) return { uniform: false, value: null };
        }
      }
      return { uniform: true, value: first };
    }
    // large rectangles: candidates from layers and materialized cells
    const candidates: unknown[] = [sheet.sheetLayer[key]?.v ?? STYLE_DEFAULTS[key]];
    sheet.colLayers.forEach((l, c) => {
      if (c >= x.c && c < x.c + x.cols && l[key]) candidates.push(l[key]?.v);
    });
    sheet.rowLayers.forEach((l, r) => {
      if (r >= x.r && r < x.r + x.rows && l[key]) candidates.push(l[key]?.v);
    });
    this._forEachCellIn(sheet, x, (_r, _c, cell) => {
      if (cell.s && key in cell.s) candidates.push(cell.s[key]);
    });
    return candidates.every((v) => sameValue(v, candidates[0])) ? { uniform: true, value: candidates[0] } : { uniform: false, value: null };
  }

  /** @internal remove explicit formats (Clear Formats) */
  _clearFormats(sheet: SheetData, x: Rect): void {
    this._forEachCellIn(sheet, x, (r, c, cell) => {
      delete cell.s;
      this._gc(sheet, r, c);
    });
    if (isEntireColumn(x) && isEntireRow(x)) {
      sheet.sheetLayer = {};
      sheet.colLayers.clear();
      sheet.rowLayers.clear();
    } else if (isEntireColumn(x)) {
      for (let c = x.c; c < x.c + x.cols; c++) sheet.colLayers.delete(c);
    } else if (isEntireRow(x)) {
      for (let r = x.r; r < x.r + x.rows; r++) sheet.rowLayers.delete(r);
    }
  }

  // ---- protection -----------------------------------------------------------------------------

  /** @internal effective "locked" of a cell */
  _locked(sheet: SheetData, r: number, c: number): boolean {
    return this._style(sheet, r, c, 'protection.locked') !== false;
  }

  /** @internal writing contents: every cell must be unlocked when the sheet is protected */
  _assertCellsEditable(sheet: SheetData, x: Rect, where: string): void {
    if (!sheet.protection.protected) return;
    if (rectArea(x) <= 2_000_000) {
      for (let r = x.r; r < x.r + x.rows; r++) {
        for (let c = x.c; c < x.c + x.cols; c++) {
          if (this._locked(sheet, r, c)) throw accessDeniedProtectedSheet(where);
        }
      }
      return;
    }
    if (this._uniformStyle(sheet, x, 'protection.locked') !== false) throw accessDeniedProtectedSheet(where);
  }

  /** @internal formatting on a protected sheet needs the matching allow* option */
  _assertFormatAllowed(sheet: SheetData, kind: 'cells' | 'columns' | 'rows', where: string): void {
    if (!sheet.protection.protected) return;
    const o = sheet.protection.options;
    const ok = kind === 'cells' ? o.allowFormatCells : kind === 'columns' ? o.allowFormatColumns : o.allowFormatRows;
    if (!ok) throw accessDeniedProtectedSheet(where);
  }

  /** @internal structural changes (merge, validation, conditional formats, tables, locking) */
  _assertUnprotected(sheet: SheetData, where: string): void {
    if (sheet.protection.protected) throw accessDeniedProtectedSheet(where);
  }

  /** @internal workbook structure protection */
  _assertStructureEditable(where: string): void {
    if (this.data.protection.protected) throw err(ErrorCodes.accessDenied, Messages.protectedWorkbook, where);
  }

  // ---- cell contents --------------------------------------------------------------------------

  /** @internal apply interpreted inputs to a rectangle (no shape checks here) */
  _applyInputs(sheet: SheetData, x: Rect, inputs: (r: number, c: number) => CellInput, who: Writer): void {
    for (let r = x.r; r < x.r + x.rows; r++) {
      for (let c = x.c; c < x.c + x.cols; c++) {
        const input = inputs(r, c);
        if (input.kind === 'skip') continue;
        const cell = this._cell(sheet, r, c);
        delete cell.v;
        delete cell.e;
        delete cell.f;
        delete cell.cv;
        if (input.kind === 'formula') cell.f = input.formula;
        if (cell.f !== undefined && cell.f.includes('!')) sheet.crossRefs.add(cellKey(r, c));
        else sheet.crossRefs.delete(cellKey(r, c));
        if (input.kind === 'value') {
          cell.v = input.value;
          if (input.error) cell.e = true;
          if (input.impliedFormat && this._style(sheet, r, c, 'numberFormat') === 'General') {
            cell.s = cell.s ?? {};
            cell.s.numberFormat = input.impliedFormat;
          }
        }
        cell.by = who;
        this._gc(sheet, r, c);
      }
    }
  }

  /** @internal interpreted input for a typed value at (r, c) */
  _interpret(sheet: SheetData, r: number, c: number, raw: unknown, property: string, where: string): CellInput {
    const fmt = String(this._style(sheet, r, c, 'numberFormat'));
    return interpretInput(raw, fmt, { coerce: this.options.coerceTypedText, property }, where);
  }

  /** @internal value as `Range.values` returns it */
  _value(sheet: SheetData, r: number, c: number): Scalar | null {
    const cell = sheet.cells.get(cellKey(r, c));
    if (!cell) return '';
    if (cell.f !== undefined) return cell.cv !== undefined ? cell.cv : this.options.uncalculatedValue;
    return cell.v ?? '';
  }

  /** @internal */
  _isError(sheet: SheetData, r: number, c: number): boolean {
    const cell = sheet.cells.get(cellKey(r, c));
    if (!cell) return false;
    if (cell.f !== undefined) return typeof cell.cv === 'string' && cell.cv.startsWith('#');
    return cell.e === true;
  }

  /** @internal */
  _formula(sheet: SheetData, r: number, c: number): Scalar {
    const cell = sheet.cells.get(cellKey(r, c));
    if (!cell) return '';
    if (cell.f !== undefined) return cell.f;
    return cell.v ?? '';
  }

  /** @internal */
  _grid<T>(x: Rect, fn: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(x.rows);
    for (let i = 0; i < x.rows; i++) {
      const row: T[] = new Array(x.cols);
      for (let j = 0; j < x.cols; j++) row[j] = fn(x.r + i, x.c + j);
      out[i] = row;
    }
    return out;
  }

  /** @internal */
  _readValues(sheet: SheetData, x: Rect): (Scalar | null)[][] {
    return this._grid(x, (r, c) => this._value(sheet, r, c));
  }

  /** @internal */
  _readText(sheet: SheetData, x: Rect): string[][] {
    return this._grid(x, (r, c) => {
      const cell = sheet.cells.get(cellKey(r, c));
      if (!cell) return '';
      const v = cell.f !== undefined ? (cell.cv === undefined ? null : cell.cv) : cell.v ?? null;
      return formatCellText(v, String(this._style(sheet, r, c, 'numberFormat')));
    });
  }

  /** @internal */
  _readValueTypes(sheet: SheetData, x: Rect): string[][] {
    return this._grid(x, (r, c) => {
      const cell = sheet.cells.get(cellKey(r, c));
      if (!cell) return 'Empty';
      const v = cell.f !== undefined ? (cell.cv === undefined ? null : cell.cv) : cell.v ?? null;
      return rangeValueType(v, this._isError(sheet, r, c));
    });
  }

  /** @internal used range: bounding box of cells with contents (valuesOnly) or contents/formats */
  _usedRect(sheet: SheetData, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    sheet.cells.forEach((cell, k) => {
      const has = cell.v !== undefined || cell.f !== undefined || (!valuesOnly && ((cell.s && Object.keys(cell.s).length > 0) || cell.link));
      if (!has) return;
      const [r, c] = keyToCell(k);
      if (r < r0) r0 = r;
      if (c < c0) c0 = c;
      if (r > r1) r1 = r;
      if (c > c1) c1 = c;
    });
    if (r1 < 0) return null;
    return rect(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  }

  /** @internal */
  _columnWidth(sheet: SheetData, c: number): number {
    return sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** @internal */
  _rowHeight(sheet: SheetData, r: number): number {
    return sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
  }

  /** @internal resolve a name (workbook or sheet scope) to a range, for getRange("MyName") */
  _nameToRange(name: string, preferSheet?: SheetData): { sheet: SheetData; rect: Rect } | null {
    const lower = name.toLowerCase();
    const item =
      preferSheet?.names.find((n) => n.name.toLowerCase() === lower) ?? this.data.names.find((n) => n.name.toLowerCase() === lower);
    if (!item) return null;
    const parsed = parseAddress(item.formula.replace(/^=/, ''));
    if (!parsed || parsed.sheet === undefined) return null;
    const sheet = this._findSheet(parsed.sheet);
    return sheet ? { sheet, rect: parsed.rect } : null;
  }

  // ---- public API for tests --------------------------------------------------------------------

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.data.sheets.map((s) => s.name);
  }

  hasSheet(name: string): boolean {
    return this._findSheet(name) !== undefined;
  }

  /** Inspector for one sheet; throws if the sheet does not exist. */
  sheet(name: string): SheetView {
    const s = this._findSheet(name);
    if (!s) throw new Error(`fake workbook has no sheet named "${name}" (sheets: ${this.sheetNames().join(', ')})`);
    return new SheetView(this, s.id);
  }

  activeSheetName(): string {
    return this._sheetById(this.data.activeSheetId).name;
  }

  /** Workbook-scoped names. */
  names(): NameView[] {
    return this.data.names.map((n) => ({ ...n, scope: 'Workbook' as const }));
  }

  name(name: string): NameView | undefined {
    const lower = name.toLowerCase();
    const n = this.data.names.find((x) => x.name.toLowerCase() === lower);
    return n ? { ...n, scope: 'Workbook' } : undefined;
  }

  get calculationMode(): string {
    return this.data.calculationMode;
  }

  get workbookProtected(): boolean {
    return this.data.protection.protected;
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries(this.data.settings.entries());
  }

  customProperties(): Record<string, unknown> {
    return Object.fromEntries(Array.from(this.data.custom.entries()).map(([k, v]) => [k, v.value]));
  }

  properties(): Record<string, string | number> {
    return { ...this.data.properties };
  }

  /**
   * A colleague (co-author) types into the workbook NOW, between syncs. `value` may be a single
   * value or a 2D array matching the address. Same typing rules as the add-in's writes; sheet
   * protection is not enforced (a test hook, not an API call).
   */
  externalEdit(sheetName: string, address: string, value: unknown): void {
    this._seedWrite(sheetName, address, value, 'external');
  }

  /**
   * Pre-populates cells before the add-in runs (like a workbook the user already had). Same
   * semantics as externalEdit but recorded as written by 'seed'.
   */
  seed(sheetName: string, address: string, value: unknown): void {
    this._seedWrite(sheetName, address, value, 'seed');
  }

  /** Adds a sheet directly (test set-up), at the end unless index is given. */
  addSheet(name: string, index?: number): void {
    if (this._findSheet(name)) throw new Error(`sheet "${name}" already exists`);
    this._addSheet(name, index);
  }

  /** Sets the cached result of formula cells, to simulate Excel having calculated them. */
  setCachedValue(sheetName: string, address: string, value: Scalar | null | (Scalar | null)[][]): void {
    const { sheet, x } = this._locate(sheetName, address);
    for (let i = 0; i < x.rows; i++) {
      for (let j = 0; j < x.cols; j++) {
        const cell = sheet.cells.get(cellKey(x.r + i, x.c + j));
        if (!cell || cell.f === undefined) {
          throw new Error(`${qualifiedAddress(sheet.name, rect(x.r + i, x.c + j))} holds no formula`);
        }
        cell.cv = Array.isArray(value) ? value[i][j] : value;
      }
    }
  }

  /** Protects a sheet directly (test set-up). */
  protectSheet(sheetName: string, options: Partial<ProtectionOptionsData> = {}, password: string | null = null): void {
    const s = this._locate(sheetName, 'A1').sheet;
    s.protection = { protected: true, options: { ...DEFAULT_PROTECTION_OPTIONS, ...options }, password };
  }

  /** A co-author unprotects a sheet (applied immediately, between syncs). */
  unprotectSheet(sheetName: string): void {
    const s = this._locate(sheetName, 'A1').sheet;
    s.protection = { protected: false, options: s.protection.options, password: null };
  }

  /** Plain JSON dump (for golden files and debugging). */
  dump(): unknown {
    return {
      sheets: this.data.sheets.map((s) => new SheetView(this, s.id).dump()),
      names: this.names(),
      calculationMode: this.data.calculationMode,
      workbookProtected: this.data.protection.protected,
    };
  }

  private _locate(sheetName: string, address: string): { sheet: SheetData; x: Rect } {
    const sheet = this._findSheet(sheetName);
    if (!sheet) throw new Error(`fake workbook has no sheet named "${sheetName}"`);
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`bad address "${address}"`);
    return { sheet, x: parsed.rect };
  }

  private _seedWrite(sheetName: string, address: string, value: unknown, who: Writer): void {
    const { sheet, x } = this._locate(sheetName, address);
    const where = `${who}Edit`;
    if (Array.isArray(value)) {
      if (value.length !== x.rows || value.some((row) => !Array.isArray(row) || row.length !== x.cols)) {
        throw invalidArgument(Messages.shapeMismatch, where);
      }
    }
    const grid = value as unknown[][];
    const inputs = this._grid(x, (r, c) =>
      this._interpret(sheet, r, c, Array.isArray(value) ? grid[r - x.r][c - x.c] : value, 'values', where),
    );
    this._applyInputs(sheet, x, (r, c) => inputs[r - x.r][c - x.c], who);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

// ---- inspectors ------------------------------------------------------------------------------

export interface NameView extends NameData {
  scope: 'Workbook' | 'Worksheet';
}

export interface CellView {
  address: string;
  /** as Range.values would return it (formula → cached value or the uncalculated marker) */
  value: Scalar | null;
  /** the formula text ("=…") or undefined */
  formula: string | undefined;
  /** the constant stored (undefined for empty and formula cells) */
  constant: Scalar | undefined;
  isError: boolean;
  numberFormat: string;
  text: string;
  locked: boolean;
  formulaHidden: boolean;
  fillColor: string | null;
  font: { bold: boolean; italic: boolean; color: string; size: number; name: string; underline: string; strikethrough: boolean };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  borders: Partial<Record<'top' | 'bottom' | 'left' | 'right', BorderData>>;
  hyperlink: HyperlinkData | undefined;
  /** who wrote the contents last: 'addin' (API), 'external' (co-author hook), 'seed' */
  lastWriter: Writer | undefined;
}

export interface ValidationView {
  ranges: string[];
  rule: DVRule | null;
  prompt: DVData['prompt'];
  errorAlert: DVData['errorAlert'];
  ignoreBlanks: boolean;
}

export interface ConditionalFormatView {
  id: string;
  type: string;
  priority: number;
  ranges: string[];
  stopIfTrue: boolean | null;
  rule: Record<string, unknown>;
  format: CFFormat;
}

export class SheetView {
  constructor(
    private readonly state: WorkbookState,
    readonly id: string,
  ) {}

  private get s(): SheetData {
    return this.state._sheetById(this.id);
  }

  get name(): string {
    return this.s.name;
  }
  get position(): number {
    return this.state.data.sheets.indexOf(this.s);
  }
  get visibility(): string {
    return this.s.visibility;
  }
  get tabColor(): string {
    return this.s.tabColor;
  }
  get showGridlines(): boolean {
    return this.s.showGridlines;
  }
  get protection(): { protected: boolean; options: ProtectionOptionsData; hasPassword: boolean; password: string | null } {
    const p = this.s.protection;
    return { protected: p.protected, options: { ...p.options }, hasPassword: p.password !== null && p.password !== '', password: p.password };
  }
  get freeze(): { rows: number; cols: number } {
    return { ...this.s.freeze };
  }
  get pageLayout(): PageLayoutData {
    return { ...this.s.page, zoom: { ...this.s.page.zoom } };
  }
  get merges(): string[] {
    return this.s.merges.map((m) => rectToA1(m));
  }
  get validations(): ValidationView[] {
    return this.s.validations.map((v) => ({
      ranges: v.rects.map((x) => rectToA1(x)),
      rule: v.rule ? { ...v.rule } : null,
      prompt: { ...v.prompt },
      errorAlert: { ...v.errorAlert },
      ignoreBlanks: v.ignoreBlanks,
    }));
  }
  /** validation covering one cell ("B3") */
  validationAt(address: string): ValidationView | undefined {
    const p = parseAddress(address);
    if (!p) throw new Error(`bad address ${address}`);
    const hit = this.s.validations.find((v) => v.rects.some((x) => rectContainsCell(x, p.rect.r, p.rect.c)));
    return hit ? this.validations[this.s.validations.indexOf(hit)] : undefined;
  }
  get conditionalFormats(): ConditionalFormatView[] {
    return this.s.cfs.map((cf, i) => ({
      id: cf.id,
      type: cf.type,
      priority: i,
      ranges: cf.rects.map((x) => rectToA1(x)),
      stopIfTrue: cf.stopIfTrue,
      rule: deepClone(cf.rule),
      format: deepClone(cf.format),
    }));
  }
  get names(): NameView[] {
    return this.s.names.map((n) => ({ ...n, scope: 'Worksheet' as const }));
  }
  get tables(): Array<TableData & { address: string }> {
    return this.s.tables.map((t) => ({ ...t, rect: { ...t.rect }, address: rectToA1(t.rect) }));
  }
  /** used range address ("A1:D20") or null when blank */
  usedRange(valuesOnly = false): string | null {
    const r = this.state._usedRect(this.s, valuesOnly);
    return r ? rectToA1(r) : null;
  }
  /** column width in points; column as letter ("B") or 0-based index */
  columnWidth(column: string | number): number {
    return this.state._columnWidth(this.s, typeof column === 'number' ? column : parseAddress(`${column}1`)?.rect.c ?? -1);
  }
  rowHeight(row1Based: number): number {
    return this.state._rowHeight(this.s, row1Based - 1);
  }
  isColumnHidden(column: string | number): boolean {
    return this.s.hiddenCols.has(typeof column === 'number' ? column : parseAddress(`${column}1`)?.rect.c ?? -1);
  }
  isRowHidden(row1Based: number): boolean {
    return this.s.hiddenRows.has(row1Based - 1);
  }
  values(address: string): (Scalar | null)[][] {
    return this.state._readValues(this.s, this.rectOf(address));
  }
  formulas(address: string): Scalar[][] {
    const x = this.rectOf(address);
    return this.state._grid(x, (r, c) => this.state._formula(this.s, r, c));
  }
  cell(address: string): CellView {
    const x = this.rectOf(address);
    const s = this.s;
    const st = this.state;
    const { r, c } = x;
    const data = s.cells.get(cellKey(r, c));
    const sty = (k: StyleKey): unknown => st._style(s, r, c, k);
    const borders: CellView['borders'] = {};
    for (const side of ['top', 'bottom', 'left', 'right'] as const) {
      const b = sty(`border.${side}` as StyleKey) as BorderData | null;
      if (b) borders[side] = { ...b };
    }
    return {
      address: rectToA1(rect(r, c)),
      value: st._value(s, r, c),
      formula: data?.f,
      constant: data?.f === undefined ? data?.v : undefined,
      isError: st._isError(s, r, c),
      numberFormat: String(sty('numberFormat')),
      text: st._readText(s, rect(r, c))[0][0],
      locked: sty('protection.locked') !== false,
      formulaHidden: sty('protection.formulaHidden') === true,
      fillColor: (sty('fill.color') as string | null) ?? null,
      font: {
        bold: sty('font.bold') === true,
        italic: sty('font.italic') === true,
        color: String(sty('font.color')),
        size: Number(sty('font.size')),
        name: String(sty('font.name')),
        underline: String(sty('font.underline')),
        strikethrough: sty('font.strikethrough') === true,
      },
      horizontalAlignment: String(sty('horizontalAlignment')),
      verticalAlignment: String(sty('verticalAlignment')),
      wrapText: sty('wrapText') === true,
      borders,
      hyperlink: data?.link ? { ...data.link } : undefined,
      lastWriter: data?.by,
    };
  }
  /** every non-empty cell (contents or explicit format), row-major */
  cells(): CellView[] {
    const keys = Array.from(this.s.cells.keys()).sort((a, b) => a - b);
    return keys.map((k) => {
      const [r, c] = keyToCell(k);
      return this.cell(rectToA1(rect(r, c)));
    });
  }
  dump(): unknown {
    return {
      name: this.name,
      position: this.position,
      visibility: this.visibility,
      tabColor: this.tabColor,
      protection: this.protection,
      freeze: this.freeze,
      pageLayout: this.pageLayout,
      merges: this.merges,
      cells: this.cells().filter((c) => c.formula !== undefined || c.constant !== undefined),
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      names: this.names,
      columnWidths: Object.fromEntries(Array.from(this.s.colWidths.entries()).map(([c, w]) => [rectToA1(rect(0, c)).replace(/\d+/, ''), w])),
    };
  }
  private rectOf(address: string): Rect {
    const p = parseAddress(address);
    if (!p) throw new Error(`bad address ${address}`);
    return p.rect;
  }
}

