/** Excel.Range and its format objects (RangeFormat, RangeFill, RangeFont, borders, FormatProtection). */

import {
  MAX_COLS,
  MAX_ROWS,
  Rect,
  boundingRect,
  isEntireColumn,
  isEntireRow,
  parseAddress,
  qualifiedAddress,
  rect,
  rectArea,
  rectContains,
  rectIntersect,
  rectSubtract,
} from './address';
import { normalizeColor } from './colors';
import {
  ApplyContext,
  FakeClientObject,
  FakeClientResult,
  FakeCollection,
  NULL_OBJECT,
  NullObject,
  defineType,
  queueResult,
} from './core';
import { ErrorCodes, FakeNotImplementedError, Messages, err, invalidArgument, invalidOperation, itemNotFound } from './errors';
import { CellInput } from './values';
import { BorderData, SheetData, StyleKey, WorkbookState } from './workbook-state';

export interface RangeTarget {
  sheetId: string;
  rect: Rect;
}

export type RangeResolver = (ax: ApplyContext) => RangeTarget | NullObject;

/** Anything that can produce a sheet id at sync (Worksheet proxies). */
export interface SheetProxy extends FakeClientObject {
  _sheetTarget(ax: ApplyContext): { sheetId: string } | NullObject;
}

export function sheetOf(ax: ApplyContext, t: RangeTarget, where: string): SheetData {
  return ax.state._sheetById(t.sheetId, where);
}

/** Resolves an address string relative to a sheet: "A1:B2", "Sheet1!A1", or a defined name. */
export function resolveAddressOnSheet(state: WorkbookState, sheet: SheetData, address: string, where: string): Rect {
  const parsed = parseAddress(address);
  if (parsed) {
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
      throw invalidArgument(`address ${JSON.stringify(address)} is on another sheet than ${sheet.name}`, where);
    }
    return parsed.rect;
  }
  const named = state._nameToRange(address, sheet);
  if (named && named.sheet.id === sheet.id) return named.rect;
  throw invalidArgument(`${JSON.stringify(address)} is not a valid address`, where);
}

/** Resolves "Sheet1!A1:B2" (workbook level) or a defined name. */
export function resolveWorkbookAddress(state: WorkbookState, address: string, where: string): RangeTarget {
  const parsed = parseAddress(address);
  if (parsed && parsed.sheet !== undefined) {
    const sheet = state._findSheet(parsed.sheet);
    if (!sheet) throw itemNotFound(`no sheet named ${parsed.sheet}`, where);
    return { sheetId: sheet.id, rect: parsed.rect };
  }
  const named = state._nameToRange(address);
  if (named) return { sheetId: named.sheet.id, rect: named.rect };
  throw invalidArgument(`${JSON.stringify(address)} must be a sheet-qualified address`, where);
}

function checkInSheet(x: Rect, where: string): Rect {
  if (x.r < 0 || x.c < 0 || x.rows < 1 || x.cols < 1 || x.r + x.rows > MAX_ROWS || x.c + x.cols > MAX_COLS) {
    throw invalidArgument('the range would fall outside the worksheet', where);
  }
  return x;
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

// ---- Range ------------------------------------------------------------------------------------

export class FakeRange extends FakeClientObject {
  /** @internal */ _bound: RangeTarget | undefined;
  /** @internal */ readonly _resolver: RangeResolver;

  declare readonly address: string;
  declare readonly values: unknown[][];
  declare readonly format: FakeRangeFormat;

  constructor(parent: FakeClientObject, segment: string, resolver: RangeResolver) {
    super(parent.context, parent, segment);
    this._resolver = resolver;
  }

  /** @internal */
  _resolveTarget(ax: ApplyContext): RangeTarget | NullObject {
    if (this._bound) {
      ax.state._sheetById(this._bound.sheetId, `${this._typeName}`);
      return this._bound;
    }
    return this._resolver(ax);
  }

  override _onResolved(target: unknown): void {
    super._onResolved(target);
    if (target !== NULL_OBJECT) this._bound = target as RangeTarget;
  }

  /** @internal a range derived from this one */
  _derive(segment: string, fn: (t: RangeTarget, ax: ApplyContext, where: string) => RangeTarget | NullObject, nullable = false): FakeRange {
    const where = `Range.${segment.split('(')[0]}`;
    const r = new FakeRange(this, segment, (ax) => {
      const t = ax.resolve<RangeTarget>(this);
      if (t === NULL_OBJECT) return NULL_OBJECT;
      return fn(t, ax, where);
    });
    if (nullable) r._queueInstantiate();
    return r;
  }

  private _otherTarget(other: unknown, ax: ApplyContext, t: RangeTarget, where: string): Rect {
    if (other instanceof FakeRange) {
      const o = ax.resolve<RangeTarget>(other);
      if (o === NULL_OBJECT) throw invalidArgument('null range', where);
      if (o.sheetId !== t.sheetId) throw invalidArgument('ranges are on different sheets', where);
      return o.rect;
    }
    if (typeof other === 'string') return resolveAddressOnSheet(ax.state, sheetOf(ax, t, where), other, where);
    throw invalidArgument('anotherRange', where);
  }

  getCell(row: number, column: number): FakeRange {
    return this._derive(`getCell(${row},${column})`, (t, _ax, where) => {
      if (!isInt(row) || !isInt(column) || row < 0 || column < 0) throw invalidArgument('row/column', where);
      return { sheetId: t.sheetId, rect: checkInSheet(rect(t.rect.r + row, t.rect.c + column), where) };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derive(`getOffsetRange(${rowOffset},${columnOffset})`, (t, _ax, where) => {
      if (!isInt(rowOffset) || !isInt(columnOffset)) throw invalidArgument('offsets', where);
      return { sheetId: t.sheetId, rect: checkInSheet({ ...t.rect, r: t.rect.r + rowOffset, c: t.rect.c + columnOffset }, where) };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    this._api('Range.getResizedRange', '1.3');
    return this._derive(`getResizedRange(${deltaRows},${deltaColumns})`, (t, _ax, where) => {
      if (!isInt(deltaRows) || !isInt(deltaColumns)) throw invalidArgument('deltas', where);
      return { sheetId: t.sheetId, rect: checkInSheet({ ...t.rect, rows: t.rect.rows + deltaRows, cols: t.rect.cols + deltaColumns }, where) };
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    this._api('Range.getAbsoluteResizedRange', '1.7');
    return this._derive(`getAbsoluteResizedRange(${numRows},${numColumns})`, (t, _ax, where) => {
      if (!isInt(numRows) || !isInt(numColumns)) throw invalidArgument('sizes', where);
      return { sheetId: t.sheetId, rect: checkInSheet({ ...t.rect, rows: numRows, cols: numColumns }, where) };
    });
  }

  getEntireColumn(): FakeRange {
    return this._derive('getEntireColumn()', (t) => ({ sheetId: t.sheetId, rect: rect(0, t.rect.c, MAX_ROWS, t.rect.cols) }));
  }

  getEntireRow(): FakeRange {
    return this._derive('getEntireRow()', (t) => ({ sheetId: t.sheetId, rect: rect(t.rect.r, 0, t.rect.rows, MAX_COLS) }));
  }

  getRow(row: number): FakeRange {
    return this._derive(`getRow(${row})`, (t, _ax, where) => {
      if (!isInt(row) || row < 0 || row >= t.rect.rows) throw invalidArgument('row', where);
      return { sheetId: t.sheetId, rect: rect(t.rect.r + row, t.rect.c, 1, t.rect.cols) };
    });
  }

  getColumn(column: number): FakeRange {
    return this._derive(`getColumn(${column})`, (t, _ax, where) => {
      if (!isInt(column) || column < 0 || column >= t.rect.cols) throw invalidArgument('column', where);
      return { sheetId: t.sheetId, rect: rect(t.rect.r, t.rect.c + column, t.rect.rows, 1) };
    });
  }

  getLastCell(): FakeRange {
    return this._derive('getLastCell()', (t) => ({ sheetId: t.sheetId, rect: rect(t.rect.r + t.rect.rows - 1, t.rect.c + t.rect.cols - 1) }));
  }

  getLastRow(): FakeRange {
    return this._derive('getLastRow()', (t) => ({ sheetId: t.sheetId, rect: rect(t.rect.r + t.rect.rows - 1, t.rect.c, 1, t.rect.cols) }));
  }

  getLastColumn(): FakeRange {
    return this._derive('getLastColumn()', (t) => ({ sheetId: t.sheetId, rect: rect(t.rect.r, t.rect.c + t.rect.cols - 1, t.rect.rows, 1) }));
  }

  getRowsAbove(count = 1): FakeRange {
    this._api('Range.getRowsAbove', '1.3');
    return this._derive(`getRowsAbove(${count})`, (t, _ax, where) => ({
      sheetId: t.sheetId,
      rect: checkInSheet(rect(t.rect.r - count, t.rect.c, count, t.rect.cols), where),
    }));
  }

  getRowsBelow(count = 1): FakeRange {
    this._api('Range.getRowsBelow', '1.3');
    return this._derive(`getRowsBelow(${count})`, (t, _ax, where) => ({
      sheetId: t.sheetId,
      rect: checkInSheet(rect(t.rect.r + t.rect.rows, t.rect.c, count, t.rect.cols), where),
    }));
  }

  getColumnsBefore(count = 1): FakeRange {
    this._api('Range.getColumnsBefore', '1.3');
    return this._derive(`getColumnsBefore(${count})`, (t, _ax, where) => ({
      sheetId: t.sheetId,
      rect: checkInSheet(rect(t.rect.r, t.rect.c - count, t.rect.rows, count), where),
    }));
  }

  getColumnsAfter(count = 1): FakeRange {
    this._api('Range.getColumnsAfter', '1.3');
    return this._derive(`getColumnsAfter(${count})`, (t, _ax, where) => ({
      sheetId: t.sheetId,
      rect: checkInSheet(rect(t.rect.r, t.rect.c + t.rect.cols, t.rect.rows, count), where),
    }));
  }

  getBoundingRect(anotherRange: FakeRange | string): FakeRange {
    return this._withArgs([anotherRange], this._derive('getBoundingRect(...)', (t, ax, where) => ({
      sheetId: t.sheetId,
      rect: boundingRect(t.rect, this._otherTarget(anotherRange, ax, t, where)),
    })));
  }

  getIntersection(anotherRange: FakeRange | string): FakeRange {
    return this._withArgs([anotherRange], this._derive('getIntersection(...)', (t, ax, where) => {
      const i = rectIntersect(t.rect, this._otherTarget(anotherRange, ax, t, where));
      if (!i) throw itemNotFound('the ranges do not intersect', where);
      return { sheetId: t.sheetId, rect: i };
    }));
  }

  getIntersectionOrNullObject(anotherRange: FakeRange | string): FakeRange {
    this._api('Range.getIntersectionOrNullObject', '1.4');
    return this._withArgs([anotherRange], this._derive(
      'getIntersectionOrNullObject(...)',
      (t, ax, where) => {
        const i = rectIntersect(t.rect, this._otherTarget(anotherRange, ax, t, where));
        return i ? { sheetId: t.sheetId, rect: i } : NULL_OBJECT;
      },
      true,
    ));
  }

  /** Records the real arguments of a path whose segment elides them (the request body sends them). */
  private _withArgs(args: unknown[], r: FakeRange): FakeRange {
    r._pathArgs = args;
    return r;
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._derive(`getUsedRange(${valuesOnly ?? ''})`, (t, ax, where) => {
      const used = ax.state._usedRect(sheetOf(ax, t, where), valuesOnly === true);
      const i = used && rectIntersect(used, t.rect);
      if (!i) throw itemNotFound('the range has no used cells', where);
      return { sheetId: t.sheetId, rect: i };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this._api('Range.getUsedRangeOrNullObject', '1.4');
    return this._derive(
      `getUsedRangeOrNullObject(${valuesOnly ?? ''})`,
      (t, ax, where) => {
        const used = ax.state._usedRect(sheetOf(ax, t, where), valuesOnly === true);
        const i = used && rectIntersect(used, t.rect);
        return i ? { sheetId: t.sheetId, rect: i } : NULL_OBJECT;
      },
      true,
    );
  }

  clear(applyTo: string = 'All'): void {
    const modes = ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'];
    this._queueCall<RangeTarget>('clear', [applyTo], (t, ax, where) => {
      if (!modes.includes(applyTo)) throw invalidArgument(`applyTo ${JSON.stringify(applyTo)}`, where);
      const sheet = sheetOf(ax, t, where);
      const st = ax.state;
      const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      const links = applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks';
      if (contents || links) st._assertCellsEditable(sheet, t.rect, where);
      if (formats) st._assertFormatAllowed(sheet, 'cells', where);
      st._forEachCellIn(sheet, t.rect, (r, c, cell) => {
        if (contents) {
          delete cell.v;
          delete cell.e;
          delete cell.f;
          delete cell.cv;
          cell.by = 'addin';
        }
        if (links) delete cell.link;
        st._gc(sheet, r, c);
      });
      if (formats) {
        st._clearFormats(sheet, t.rect);
        sheet.merges = sheet.merges.filter((m) => !rectIntersect(m, t.rect));
        for (const cf of sheet.cfs) cf.rects = cf.rects.flatMap((x) => rectSubtract(x, t.rect));
        sheet.cfs = sheet.cfs.filter((cf) => cf.rects.length > 0);
      }
    });
  }

  merge(across = false): void {
    this._api('Range.merge', '1.2');
    this._queueCall<RangeTarget>('merge', [across], (t, ax, where) => {
      const sheet = sheetOf(ax, t, where);
      ax.state._assertUnprotected(sheet, where);
      const areas = across ? Array.from({ length: t.rect.rows }, (_, i) => rect(t.rect.r + i, t.rect.c, 1, t.rect.cols)) : [t.rect];
      for (const a of areas) {
        if (rectArea(a) < 2) continue;
        if (sheet.tables.some((tb) => rectIntersect(tb.rect, a))) throw invalidOperation('Cannot merge cells in a table.', where);
        // Excel absorbs merged areas that the new one touches
        let area = a;
        for (const m of sheet.merges) if (rectIntersect(m, area)) area = boundingRect(area, m);
        sheet.merges = sheet.merges.filter((m) => !rectIntersect(m, area));
        sheet.merges.push(area);
        // office-js #6405 (Excel on the web): a fill set before merging is lost
        if (ax.host.behaviour.mergeClearsFill) {
          ax.state._setStyle(sheet, area, 'fill.color', null);
          ax.state._setStyle(sheet, area, 'fill.pattern', 'None');
        }
        // only the upper-left value survives
        ax.state._forEachCellIn(sheet, area, (r, c, cell) => {
          if (r === area.r && c === area.c) return;
          delete cell.v;
          delete cell.e;
          delete cell.f;
          delete cell.cv;
          ax.state._gc(sheet, r, c);
        });
      }
    });
  }

  unmerge(): void {
    this._api('Range.unmerge', '1.2');
    this._queueCall<RangeTarget>('unmerge', [], (t, ax, where) => {
      const sheet = sheetOf(ax, t, where);
      ax.state._assertUnprotected(sheet, where);
      sheet.merges = sheet.merges.filter((m) => !rectIntersect(m, t.rect));
    });
  }

  select(): void {
    this._queueCall<RangeTarget>('select', [], (t, ax, where) => {
      const sheet = sheetOf(ax, t, where);
      if (sheet.visibility !== 'Visible') throw invalidOperation('Cannot select a range on a hidden worksheet.', where);
      sheet.selection = { ...t.rect };
      ax.data.activeSheetId = sheet.id;
    }, false);
  }

  calculate(): void {
    this._api('Range.calculate', '1.6');
    this._queueCall<RangeTarget>('calculate', [], () => undefined, false);
  }

  /** Range.setCellProperties (ExcelApi 1.9): a 2D array of {format, hyperlink, style} shaped like the range. */
  setCellProperties(cellPropertiesData: unknown[][]): void {
    this._api('Range.setCellProperties', '1.9');
    this._queueCall<RangeTarget>('setCellProperties', [cellPropertiesData], (t, ax, where) => {
      const sheet = sheetOf(ax, t, where);
      checkShape(cellPropertiesData, t.rect, where);
      for (let i = 0; i < t.rect.rows; i++) {
        for (let j = 0; j < t.rect.cols; j++) {
          const p = cellPropertiesData[i][j];
          if (p === null || p === undefined) continue;
          if (typeof p !== 'object') throw invalidArgument('cell properties must be objects', where);
          applyCellProperties(ax, sheet, rect(t.rect.r + i, t.rect.c + j), p as Record<string, unknown>, where);
        }
      }
    });
  }

  /** Range.getCellProperties (ExcelApi 1.9): address, format (fill, font, alignment, wrapText, protection), hyperlink. */
  getCellProperties(cellPropertiesLoadOptions: Record<string, unknown>): FakeClientResult<Record<string, unknown>[][]> {
    this._api('Range.getCellProperties', '1.9');
    return queueResult<RangeTarget, Record<string, unknown>[][]>(this, 'getCellProperties', [cellPropertiesLoadOptions], (t, ax) => {
      const sheet = sheetOf(ax, t, 'Range.getCellProperties');
      ax.addResponseCells(rectArea(t.rect));
      return ax.state._grid(t.rect, (r, c) => readCellProperties(ax.state, sheet, r, c, cellPropertiesLoadOptions));
    });
  }
}

function checkShape(value: unknown, x: Rect, where: string): asserts value is unknown[][] {
  if (!Array.isArray(value) || value.length !== x.rows || value.some((row) => !Array.isArray(row) || row.length !== x.cols)) {
    throw err(ErrorCodes.invalidArgument, Messages.shapeMismatch, where);
  }
}

/** Applies values/formulas written through the API. */
function writeContents(ax: ApplyContext, t: RangeTarget, value: unknown, property: string, where: string, broadcast: boolean): void {
  const sheet = sheetOf(ax, t, where);
  const x = t.rect;
  const st = ax.state;
  let at: (i: number, j: number) => unknown;
  if (Array.isArray(value)) {
    checkShape(value, x, where);
    at = (i, j) => value[i][j];
  } else {
    if (rectArea(x) > 1 && !broadcast) {
      throw err(
        ErrorCodes.invalidArgument,
        `${Messages.shapeMismatch} (the fake only broadcasts a single value for values and numberFormat; write ${property} as a 2D array)`,
        where,
      );
    }
    at = () => value;
  }
  const inputs: CellInput[][] = st._grid(x, (r, c) => st._interpret(sheet, r, c, at(r - x.r, c - x.c), property, where));
  if (sheet.protection.protected) {
    for (let i = 0; i < x.rows; i++) {
      for (let j = 0; j < x.cols; j++) {
        if (inputs[i][j].kind !== 'skip' && st._locked(sheet, x.r + i, x.c + j)) {
          st._assertCellsEditable(sheet, rect(x.r + i, x.c + j), where);
        }
      }
    }
  }
  st._applyInputs(sheet, x, (r, c) => inputs[r - x.r][c - x.c], 'addin');
}

function writeNumberFormat(ax: ApplyContext, t: RangeTarget, value: unknown, where: string): void {
  const sheet = sheetOf(ax, t, where);
  const st = ax.state;
  st._assertFormatAllowed(sheet, 'cells', where);
  if (!Array.isArray(value)) {
    if (typeof value !== 'string') throw invalidArgument('numberFormat must be a string or a 2D array of strings', where);
    st._setStyle(sheet, t.rect, 'numberFormat', value);
    return;
  }
  checkShape(value, t.rect, where);
  for (let i = 0; i < t.rect.rows; i++) {
    for (let j = 0; j < t.rect.cols; j++) {
      const v = value[i][j];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'string') throw invalidArgument('numberFormat elements must be strings', where);
      st._setStyle(sheet, rect(t.rect.r + i, t.rect.c + j), 'numberFormat', v);
    }
  }
}

function hiddenState(set: Set<number>, from: number, count: number): boolean | null {
  let hidden = 0;
  for (let i = from; i < from + count; i++) if (set.has(i)) hidden++;
  return hidden === 0 ? false : hidden === count ? true : null;
}

const cellsOf = (t: RangeTarget): number => rectArea(t.rect);

defineType<RangeTarget>(FakeRange, {
  typeName: 'Range',
  scalars: {
    address: { readOnly: true, read: (t, ax) => qualifiedAddress(sheetOf(ax, t, 'Range.address').name, t.rect) },
    addressLocal: { readOnly: true, read: (t, ax) => qualifiedAddress(sheetOf(ax, t, 'Range.addressLocal').name, t.rect) },
    cellCount: { readOnly: true, read: (t) => rectArea(t.rect) },
    rowCount: { readOnly: true, read: (t) => t.rect.rows },
    columnCount: { readOnly: true, read: (t) => t.rect.cols },
    rowIndex: { readOnly: true, read: (t) => t.rect.r },
    columnIndex: { readOnly: true, read: (t) => t.rect.c },
    values: {
      read: (t, ax) => ax.state._readValues(sheetOf(ax, t, 'Range.values'), t.rect),
      write: (t, v, ax, where) => writeContents(ax, t, v, 'values', where, true),
      cells: cellsOf,
    },
    formulas: {
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'Range.formulas');
        return ax.state._grid(t.rect, (r, c) => ax.state._formula(s, r, c));
      },
      write: (t, v, ax, where) => writeContents(ax, t, v, 'formulas', where, false),
      cells: cellsOf,
    },
    formulasLocal: {
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'Range.formulasLocal');
        return ax.state._grid(t.rect, (r, c) => ax.state._formula(s, r, c));
      },
      write: (t, v, ax, where) => writeContents(ax, t, v, 'formulasLocal', where, false),
      cells: cellsOf,
    },
    numberFormat: {
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'Range.numberFormat');
        return ax.state._grid(t.rect, (r, c) => ax.state._style(s, r, c, 'numberFormat'));
      },
      write: (t, v, ax, where) => writeNumberFormat(ax, t, v, where),
      cells: cellsOf,
    },
    numberFormatLocal: {
      api: '1.7',
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'Range.numberFormatLocal');
        return ax.state._grid(t.rect, (r, c) => ax.state._style(s, r, c, 'numberFormat'));
      },
      write: (t, v, ax, where) => writeNumberFormat(ax, t, v, where),
      cells: cellsOf,
    },
    text: { readOnly: true, read: (t, ax) => ax.state._readText(sheetOf(ax, t, 'Range.text'), t.rect), cells: cellsOf },
    valueTypes: { readOnly: true, read: (t, ax) => ax.state._readValueTypes(sheetOf(ax, t, 'Range.valueTypes'), t.rect), cells: cellsOf },
    isEntireColumn: { readOnly: true, api: '1.7', read: (t) => isEntireColumn(t.rect) },
    isEntireRow: { readOnly: true, api: '1.7', read: (t) => isEntireRow(t.rect) },
    columnHidden: {
      api: '1.2',
      read: (t, ax) => hiddenState(sheetOf(ax, t, 'Range.columnHidden').hiddenCols, t.rect.c, t.rect.cols),
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('columnHidden must be a boolean', where);
        const s = sheetOf(ax, t, where);
        ax.state._assertFormatAllowed(s, 'columns', where);
        for (let c = t.rect.c; c < t.rect.c + t.rect.cols; c++) {
          if (v) s.hiddenCols.add(c);
          else s.hiddenCols.delete(c);
        }
      },
    },
    rowHidden: {
      api: '1.2',
      read: (t, ax) => hiddenState(sheetOf(ax, t, 'Range.rowHidden').hiddenRows, t.rect.r, t.rect.rows),
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('rowHidden must be a boolean', where);
        const s = sheetOf(ax, t, where);
        ax.state._assertFormatAllowed(s, 'rows', where);
        for (let r = t.rect.r; r < t.rect.r + t.rect.rows; r++) {
          if (v) s.hiddenRows.add(r);
          else s.hiddenRows.delete(r);
        }
      },
    },
    hidden: {
      readOnly: true,
      api: '1.2',
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'Range.hidden');
        return hiddenState(s.hiddenCols, t.rect.c, t.rect.cols) === true || hiddenState(s.hiddenRows, t.rect.r, t.rect.rows) === true;
      },
    },
    hyperlink: {
      api: '1.7',
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'Range.hyperlink');
        const cell = s.cells.get(t.rect.r * MAX_COLS + t.rect.c);
        return cell?.link ? { ...cell.link } : null;
      },
      write: (t, v, ax, where) => {
        const s = sheetOf(ax, t, where);
        if (s.protection.protected && !s.protection.options.allowInsertHyperlinks) ax.state._assertCellsEditable(s, t.rect, where);
        if (v !== null && (typeof v !== 'object' || Array.isArray(v))) throw invalidArgument('hyperlink must be an object', where);
        const link = v as { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string } | null;
        for (let r = t.rect.r; r < t.rect.r + t.rect.rows; r++) {
          for (let c = t.rect.c; c < t.rect.c + t.rect.cols; c++) {
            const cell = ax.state._cell(s, r, c);
            if (!link || (!link.address && !link.documentReference)) delete cell.link;
            else cell.link = { ...link };
            if (link?.textToDisplay !== undefined) {
              delete cell.f;
              delete cell.cv;
              cell.v = link.textToDisplay;
              cell.by = 'addin';
            }
            ax.state._gc(s, r, c);
          }
        }
      },
    },
    width: { readOnly: true, api: '1.10', read: (t, ax) => sumWidths(ax, t, t.rect.c, t.rect.cols) },
    height: { readOnly: true, api: '1.10', read: (t, ax) => sumHeights(ax, t, t.rect.r, t.rect.rows) },
    left: { readOnly: true, api: '1.10', read: (t, ax) => sumWidths(ax, t, 0, t.rect.c) },
    top: { readOnly: true, api: '1.10', read: (t, ax) => sumHeights(ax, t, 0, t.rect.r) },
  },
  navs: {
    format: { create: (p) => new FakeRangeFormat(p as FakeRange) },
    worksheet: { create: (p) => createWorksheetOfRange(p as FakeRange) },
    dataValidation: { api: '1.8', create: (p) => createDataValidation(p as FakeRange) },
    conditionalFormats: { api: '1.6', create: (p) => createConditionalFormats(p as FakeRange) },
  },
});

function sumWidths(ax: ApplyContext, t: RangeTarget, from: number, count: number): number {
  const s = sheetOf(ax, t, 'Range.width');
  let w = 0;
  for (let c = from; c < from + count; c++) if (!s.hiddenCols.has(c)) w += ax.state._columnWidth(s, c);
  return w;
}

function sumHeights(ax: ApplyContext, t: RangeTarget, from: number, count: number): number {
  const s = sheetOf(ax, t, 'Range.height');
  if (count > 100000) return count * 15;
  let h = 0;
  for (let r = from; r < from + count; r++) if (!s.hiddenRows.has(r)) h += ax.state._rowHeight(s, r);
  return h;
}

// Late-bound factories (set by worksheet.ts / validation.ts / conditional-formats.ts) to avoid import cycles.
let createWorksheetOfRange: (r: FakeRange) => FakeClientObject = () => {
  throw new Error('worksheet module not loaded');
};
let createDataValidation: (r: FakeRange) => FakeClientObject = () => {
  throw new Error('validation module not loaded');
};
let createConditionalFormats: (r: FakeRange) => FakeClientObject = () => {
  throw new Error('conditional-formats module not loaded');
};

export function registerRangeNavs(f: {
  worksheet?: (r: FakeRange) => FakeClientObject;
  dataValidation?: (r: FakeRange) => FakeClientObject;
  conditionalFormats?: (r: FakeRange) => FakeClientObject;
}): void {
  if (f.worksheet) createWorksheetOfRange = f.worksheet;
  if (f.dataValidation) createDataValidation = f.dataValidation;
  if (f.conditionalFormats) createConditionalFormats = f.conditionalFormats;
}

/** Members the fake deliberately does not model: they fail loudly instead of returning undefined. */
export function notImplemented(cls: { prototype: object }, typeName: string, names: string[]): void {
  for (const n of names) {
    Object.defineProperty(cls.prototype, n, {
      configurable: true,
      value: () => {
        throw new FakeNotImplementedError(`${typeName}.${n}`);
      },
    });
  }
}

notImplemented(FakeRange, 'Range', [
  'insert',
  'delete',
  'copyFrom',
  'moveTo',
  'find',
  'findOrNullObject',
  'autoFill',
  'flashFill',
  'removeDuplicates',
  'replaceAll',
  'getSpecialCells',
  'getSpecialCellsOrNullObject',
  'getSurroundingRegion',
  'getMergedAreasOrNullObject',
  'getRangeEdge',
  'getExtendedRange',
  'getImage',
  'group',
  'ungroup',
  'showCard',
  'getTables',
  'getPivotTables',
  'getVisibleView',
  'setColumnProperties',
  'setRowProperties',
  'getColumnProperties',
  'getRowProperties',
]);

// ---- formatting helpers ----------------------------------------------------------------------

type FormatKind = 'cells' | 'columns' | 'rows' | 'locking';

function styleWrite(ax: ApplyContext, t: RangeTarget, key: StyleKey, value: unknown, where: string, kind: FormatKind = 'cells'): void {
  const sheet = sheetOf(ax, t, where);
  if (kind === 'locking') ax.state._assertUnprotected(sheet, where);
  else ax.state._assertFormatAllowed(sheet, kind, where);
  ax.state._setStyle(sheet, t.rect, key, value);
}

function styleRead(ax: ApplyContext, t: RangeTarget, key: StyleKey): unknown {
  return ax.state._uniformStyle(sheetOf(ax, t, key), t.rect, key);
}

function colorValue(v: unknown, where: string): string {
  const c = normalizeColor(v);
  if (!c) throw invalidArgument(`${JSON.stringify(v)} is not a colour (use "#RRGGBB" or an HTML colour name)`, where);
  return c;
}

function oneOf(values: readonly string[], v: unknown, where: string): string {
  if (typeof v !== 'string' || !values.includes(v)) throw invalidArgument(`${JSON.stringify(v)} (expected one of ${values.join(', ')})`, where);
  return v;
}

function boolValue(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw invalidArgument(`${JSON.stringify(v)} (expected a boolean)`, where);
  return v;
}

function numValue(v: unknown, where: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw invalidArgument(`${JSON.stringify(v)} (expected ${min}..${max})`, where);
  return v;
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;

/** A simple width estimate for autofit: 7 px per character (Calibri 11), 14 px for wide (CJK) characters. */
function textWidthPx(text: string, size: number, bold: boolean): number {
  let px = 0;
  for (const ch of text) px += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 14 : 7;
  return (px * size) / 11 * (bold ? 1.1 : 1);
}

export class FakeRangeFormat extends FakeClientObject {
  declare readonly fill: FakeRangeFill;
  declare readonly font: FakeRangeFont;

  constructor(parent: FakeRange) {
    super(parent.context, parent, 'format');
  }

  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }

  autofitColumns(): void {
    this._api('RangeFormat.autofitColumns', '1.2');
    this._queueCall<RangeTarget>('autofitColumns', [], (t, ax, where) => {
      const sheet = sheetOf(ax, t, where);
      ax.state._assertFormatAllowed(sheet, 'columns', where);
      const widest = new Map<number, number>();
      const cols = isEntireRow(t.rect) ? rect(t.rect.r, 0, t.rect.rows, MAX_COLS) : t.rect;
      ax.state._forEachCellIn(sheet, cols, (r, c, cell) => {
        if (cell.v === undefined && cell.f === undefined) return;
        if (sheet.merges.some((m) => rectContains(m, rect(r, c)) && rectArea(m) > 1)) return;
        const text = ax.state._readText(sheet, rect(r, c))[0][0];
        const size = Number(ax.state._style(sheet, r, c, 'font.size'));
        const bold = ax.state._style(sheet, r, c, 'font.bold') === true;
        const lines = text.split('\n');
        const px = Math.max(...lines.map((l) => textWidthPx(l, size, bold))) + 5;
        widest.set(c, Math.max(widest.get(c) ?? 0, px));
      });
      widest.forEach((px, c) => sheet.colWidths.set(c, Math.round(px * 0.75 * 100) / 100));
    });
  }

  autofitRows(): void {
    this._api('RangeFormat.autofitRows', '1.2');
    this._queueCall<RangeTarget>('autofitRows', [], (t, ax, where) => {
      const sheet = sheetOf(ax, t, where);
      ax.state._assertFormatAllowed(sheet, 'rows', where);
      const tallest = new Map<number, number>();
      ax.state._forEachCellIn(sheet, t.rect, (r, c, cell) => {
        if (cell.v === undefined && cell.f === undefined) return;
        const text = ax.state._readText(sheet, rect(r, c))[0][0];
        const size = Number(ax.state._style(sheet, r, c, 'font.size'));
        const bold = ax.state._style(sheet, r, c, 'font.bold') === true;
        let lines = text.split('\n').length;
        if (ax.state._style(sheet, r, c, 'wrapText') === true) {
          const widthPx = (ax.state._columnWidth(sheet, c) / 0.75) - 5;
          lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(textWidthPx(l, size, bold) / Math.max(widthPx, 1))), 0);
        }
        tallest.set(r, Math.max(tallest.get(r) ?? 0, lines * 15 * (size / 11)));
      });
      for (let r = t.rect.r; r < t.rect.r + Math.min(t.rect.rows, 100000); r++) {
        const h = tallest.get(r);
        if (h === undefined) sheet.rowHeights.delete(r);
        else sheet.rowHeights.set(r, Math.round(h * 100) / 100);
      }
    });
  }
}

defineType<RangeTarget>(FakeRangeFormat, {
  typeName: 'RangeFormat',
  scalars: {
    columnWidth: {
      api: '1.2',
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'RangeFormat.columnWidth');
        const first = ax.state._columnWidth(s, t.rect.c);
        for (let c = t.rect.c; c < t.rect.c + t.rect.cols; c++) if (ax.state._columnWidth(s, c) !== first) return null;
        return first;
      },
      write: (t, v, ax, where) => {
        const w = numValue(v, where, 0, 1800);
        const s = sheetOf(ax, t, where);
        ax.state._assertFormatAllowed(s, 'columns', where);
        for (let c = t.rect.c; c < t.rect.c + t.rect.cols; c++) s.colWidths.set(c, w);
      },
    },
    rowHeight: {
      api: '1.2',
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'RangeFormat.rowHeight');
        const first = ax.state._rowHeight(s, t.rect.r);
        const n = Math.min(t.rect.rows, 100000);
        for (let r = t.rect.r; r < t.rect.r + n; r++) if (ax.state._rowHeight(s, r) !== first) return null;
        return first;
      },
      write: (t, v, ax, where) => {
        const h = numValue(v, where, 0, 409);
        const s = sheetOf(ax, t, where);
        ax.state._assertFormatAllowed(s, 'rows', where);
        for (let r = t.rect.r; r < t.rect.r + t.rect.rows; r++) s.rowHeights.set(r, h);
      },
    },
    horizontalAlignment: {
      read: (t, ax) => styleRead(ax, t, 'horizontalAlignment'),
      write: (t, v, ax, where) => styleWrite(ax, t, 'horizontalAlignment', oneOf(H_ALIGN, v, where), where),
    },
    verticalAlignment: {
      read: (t, ax) => styleRead(ax, t, 'verticalAlignment'),
      write: (t, v, ax, where) => styleWrite(ax, t, 'verticalAlignment', oneOf(V_ALIGN, v, where), where),
    },
    wrapText: {
      read: (t, ax) => styleRead(ax, t, 'wrapText'),
      write: (t, v, ax, where) => styleWrite(ax, t, 'wrapText', boolValue(v, where), where),
    },
    indentLevel: {
      api: '1.9',
      read: (t, ax) => styleRead(ax, t, 'indentLevel'),
      write: (t, v, ax, where) => styleWrite(ax, t, 'indentLevel', numValue(v, where, 0, 250), where),
    },
    textOrientation: {
      api: '1.7',
      read: (t, ax) => styleRead(ax, t, 'textOrientation'),
      write: (t, v, ax, where) => {
        const n = numValue(v, where, -90, 180);
        if (n > 90 && n !== 180) throw invalidArgument('textOrientation must be -90..90 or 180', where);
        styleWrite(ax, t, 'textOrientation', n, where);
      },
    },
    shrinkToFit: {
      api: '1.9',
      read: (t, ax) => styleRead(ax, t, 'shrinkToFit'),
      write: (t, v, ax, where) => styleWrite(ax, t, 'shrinkToFit', boolValue(v, where), where),
    },
    useStandardWidth: {
      api: '1.7',
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'RangeFormat.useStandardWidth');
        let std = 0;
        for (let c = t.rect.c; c < t.rect.c + t.rect.cols; c++) if (!s.colWidths.has(c)) std++;
        return std === t.rect.cols ? true : std === 0 ? false : null;
      },
      write: (t, v, ax, where) => {
        if (v !== true) return;
        const s = sheetOf(ax, t, where);
        ax.state._assertFormatAllowed(s, 'columns', where);
        for (let c = t.rect.c; c < t.rect.c + t.rect.cols; c++) s.colWidths.delete(c);
      },
    },
    useStandardHeight: {
      api: '1.7',
      read: (t, ax) => {
        const s = sheetOf(ax, t, 'RangeFormat.useStandardHeight');
        let std = 0;
        const n = Math.min(t.rect.rows, 100000);
        for (let r = t.rect.r; r < t.rect.r + n; r++) if (!s.rowHeights.has(r)) std++;
        return std === n ? true : std === 0 ? false : null;
      },
      write: (t, v, ax, where) => {
        if (v !== true) return;
        const s = sheetOf(ax, t, where);
        ax.state._assertFormatAllowed(s, 'rows', where);
        for (let r = t.rect.r; r < t.rect.r + t.rect.rows; r++) s.rowHeights.delete(r);
      },
    },
  },
  navs: {
    fill: { create: (p) => new FakeRangeFill(p) },
    font: { create: (p) => new FakeRangeFont(p) },
    borders: { create: (p) => new FakeRangeBorderCollection(p) },
    protection: { api: '1.2', create: (p) => new FakeFormatProtection(p) },
  },
});

notImplemented(FakeRangeFormat, 'RangeFormat', ['adjustIndent']);

export class FakeRangeFill extends FakeClientObject {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'fill');
  }
  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }
  clear(): void {
    this._queueCall<RangeTarget>('clear', [], (t, ax, where) => styleWrite(ax, t, 'fill.color', null, where));
  }
}

defineType<RangeTarget>(FakeRangeFill, {
  typeName: 'RangeFill',
  scalars: {
    color: {
      read: (t, ax) => {
        const sum = ax.state._styleSummary(sheetOf(ax, t, 'RangeFill.color'), t.rect, 'fill.color');
        if (!sum.uniform) return null;
        return sum.value === null ? '#FFFFFF' : sum.value;
      },
      write: (t, v, ax, where) => styleWrite(ax, t, 'fill.color', colorValue(v, where), where),
    },
    pattern: {
      api: '1.9',
      read: (t, ax) => {
        const sum = ax.state._styleSummary(sheetOf(ax, t, 'RangeFill.pattern'), t.rect, 'fill.color');
        return !sum.uniform ? null : sum.value === null ? 'None' : 'Solid';
      },
      write: (t, v, ax, where) => {
        if (v === 'None') styleWrite(ax, t, 'fill.color', null, where);
        else if (v !== 'Solid') throw invalidArgument('the fake supports fill.pattern "Solid" and "None" only', where);
      },
    },
  },
});

export class FakeRangeFont extends FakeClientObject {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'font');
  }
  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }
}

defineType<RangeTarget>(FakeRangeFont, {
  typeName: 'RangeFont',
  scalars: {
    bold: { read: (t, ax) => styleRead(ax, t, 'font.bold'), write: (t, v, ax, w) => styleWrite(ax, t, 'font.bold', boolValue(v, w), w) },
    italic: { read: (t, ax) => styleRead(ax, t, 'font.italic'), write: (t, v, ax, w) => styleWrite(ax, t, 'font.italic', boolValue(v, w), w) },
    color: { read: (t, ax) => styleRead(ax, t, 'font.color'), write: (t, v, ax, w) => styleWrite(ax, t, 'font.color', colorValue(v, w), w) },
    size: { read: (t, ax) => styleRead(ax, t, 'font.size'), write: (t, v, ax, w) => styleWrite(ax, t, 'font.size', numValue(v, w, 1, 409), w) },
    name: {
      read: (t, ax) => styleRead(ax, t, 'font.name'),
      write: (t, v, ax, w) => {
        if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('font name', w);
        styleWrite(ax, t, 'font.name', v, w);
      },
    },
    underline: { read: (t, ax) => styleRead(ax, t, 'font.underline'), write: (t, v, ax, w) => styleWrite(ax, t, 'font.underline', oneOf(UNDERLINE, v, w), w) },
    strikethrough: {
      api: '1.9',
      read: (t, ax) => styleRead(ax, t, 'font.strikethrough'),
      write: (t, v, ax, w) => styleWrite(ax, t, 'font.strikethrough', boolValue(v, w), w),
    },
  },
});

export class FakeFormatProtection extends FakeClientObject {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'protection');
  }
  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }
}

defineType<RangeTarget>(FakeFormatProtection, {
  typeName: 'FormatProtection',
  scalars: {
    locked: {
      read: (t, ax) => styleRead(ax, t, 'protection.locked'),
      write: (t, v, ax, w) => styleWrite(ax, t, 'protection.locked', boolValue(v, w), w, 'locking'),
    },
    formulaHidden: {
      read: (t, ax) => styleRead(ax, t, 'protection.formulaHidden'),
      write: (t, v, ax, w) => styleWrite(ax, t, 'protection.formulaHidden', boolValue(v, w), w, 'locking'),
    },
  },
});

// ---- borders ------------------------------------------------------------------------------------

export const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'] as const;
type BorderIndex = (typeof BORDER_INDEXES)[number];
const LINE_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'] as const;
const WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'] as const;

/** cells and the side of each that a border index covers */
function borderCells(x: Rect, index: BorderIndex): { area: Rect; key: StyleKey } | null {
  switch (index) {
    case 'EdgeTop':
      return { area: rect(x.r, x.c, 1, x.cols), key: 'border.top' };
    case 'EdgeBottom':
      return { area: rect(x.r + x.rows - 1, x.c, 1, x.cols), key: 'border.bottom' };
    case 'EdgeLeft':
      return { area: rect(x.r, x.c, x.rows, 1), key: 'border.left' };
    case 'EdgeRight':
      return { area: rect(x.r, x.c + x.cols - 1, x.rows, 1), key: 'border.right' };
    case 'InsideHorizontal':
      return x.rows > 1 ? { area: rect(x.r, x.c, x.rows - 1, x.cols), key: 'border.bottom' } : null;
    case 'InsideVertical':
      return x.cols > 1 ? { area: rect(x.r, x.c, x.rows, x.cols - 1), key: 'border.right' } : null;
    case 'DiagonalDown':
      return { area: x, key: 'border.diagonalDown' };
    case 'DiagonalUp':
      return { area: x, key: 'border.diagonalUp' };
  }
}

interface BorderTarget {
  range: RangeTarget;
  index: BorderIndex;
}

export class FakeRangeBorderCollection extends FakeCollection<FakeRangeBorder> {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'borders');
  }
  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this, index);
  }
  getItemAt(index: number): FakeRangeBorder {
    return new FakeRangeBorder(this, BORDER_INDEXES[index] ?? `#${index}`);
  }
}

defineType<RangeTarget>(FakeRangeBorderCollection, {
  typeName: 'RangeBorderCollection',
  scalars: { count: { readOnly: true, read: () => BORDER_INDEXES.length } },
  items: (_t, _ax, coll) => BORDER_INDEXES.map((i) => new FakeRangeBorder(coll, i)),
});

export class FakeRangeBorder extends FakeClientObject {
  /** @internal */ readonly _index: string;
  constructor(parent: FakeClientObject, index: string) {
    super(parent.context, parent, `getItem(${JSON.stringify(index)})`);
    this._index = index;
  }
  _resolveTarget(ax: ApplyContext): BorderTarget | NullObject {
    const range = this._parentTarget<RangeTarget>(ax);
    if (range === NULL_OBJECT) return NULL_OBJECT;
    if (!(BORDER_INDEXES as readonly string[]).includes(this._index)) throw invalidArgument(`border index ${this._index}`, 'RangeBorderCollection.getItem');
    return { range, index: this._index as BorderIndex };
  }
}

function borderWrite(ax: ApplyContext, t: BorderTarget, patch: Partial<BorderData>, where: string): void {
  const sheet = sheetOf(ax, t.range, where);
  ax.state._assertFormatAllowed(sheet, 'cells', where);
  const cells = borderCells(t.range.rect, t.index);
  if (!cells) return;
  const { area, key } = cells;
  for (let r = area.r; r < area.r + area.rows; r++) {
    for (let c = area.c; c < area.c + area.cols; c++) {
      const cur = ax.state._style(sheet, r, c, key) as BorderData | null;
      if (patch.style === 'None') {
        ax.state._setStyle(sheet, rect(r, c), key, null);
        continue;
      }
      const next: BorderData = { style: 'Continuous', color: '#000000', weight: 'Thin', ...(cur ?? {}), ...patch };
      ax.state._setStyle(sheet, rect(r, c), key, next);
    }
  }
}

function borderRead(ax: ApplyContext, t: BorderTarget, field: keyof BorderData): unknown {
  const none = field === 'style' ? 'None' : field === 'color' ? '#000000' : 'Thin';
  const cells = borderCells(t.range.rect, t.index);
  if (!cells) return none;
  const sum = ax.state._styleSummary(sheetOf(ax, t.range, 'RangeBorder'), cells.area, cells.key);
  if (!sum.uniform) return null;
  const v = sum.value as BorderData | null;
  return v ? v[field] : none;
}

defineType<BorderTarget>(FakeRangeBorder, {
  typeName: 'RangeBorder',
  scalars: {
    sideIndex: { readOnly: true, read: (t) => t.index },
    style: { read: (t, ax) => borderRead(ax, t, 'style'), write: (t, v, ax, w) => borderWrite(ax, t, { style: oneOf(LINE_STYLES, v, w) }, w) },
    color: { read: (t, ax) => borderRead(ax, t, 'color'), write: (t, v, ax, w) => borderWrite(ax, t, { color: colorValue(v, w) }, w) },
    weight: { read: (t, ax) => borderRead(ax, t, 'weight'), write: (t, v, ax, w) => borderWrite(ax, t, { weight: oneOf(WEIGHTS, v, w) }, w) },
  },
});

// ---- cell properties (setCellProperties / getCellProperties) --------------------------------------

function applyCellProperties(ax: ApplyContext, sheet: SheetData, x: Rect, p: Record<string, unknown>, where: string): void {
  const t: RangeTarget = { sheetId: sheet.id, rect: x };
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined) continue;
    if (k === 'address' || k === 'addressLocal') continue;
    if (k === 'hyperlink') {
      const cell = ax.state._cell(sheet, x.r, x.c);
      cell.link = { ...(v as object) };
      continue;
    }
    if (k !== 'format') throw invalidArgument(`cell property ${k} is not supported by the fake`, where);
    const f = v as Record<string, unknown>;
    for (const [fk, fv] of Object.entries(f)) {
      if (fv === undefined) continue;
      switch (fk) {
        case 'fill': {
          const fill = fv as { color?: unknown };
          if (fill.color !== undefined) styleWrite(ax, t, 'fill.color', colorValue(fill.color, where), where);
          break;
        }
        case 'font': {
          const font = fv as Record<string, unknown>;
          if (font.bold !== undefined) styleWrite(ax, t, 'font.bold', boolValue(font.bold, where), where);
          if (font.italic !== undefined) styleWrite(ax, t, 'font.italic', boolValue(font.italic, where), where);
          if (font.color !== undefined) styleWrite(ax, t, 'font.color', colorValue(font.color, where), where);
          if (font.size !== undefined) styleWrite(ax, t, 'font.size', numValue(font.size, where, 1, 409), where);
          if (font.name !== undefined) styleWrite(ax, t, 'font.name', String(font.name), where);
          if (font.underline !== undefined) styleWrite(ax, t, 'font.underline', oneOf(UNDERLINE, font.underline, where), where);
          if (font.strikethrough !== undefined) styleWrite(ax, t, 'font.strikethrough', boolValue(font.strikethrough, where), where);
          break;
        }
        case 'horizontalAlignment':
          styleWrite(ax, t, 'horizontalAlignment', oneOf(H_ALIGN, fv, where), where);
          break;
        case 'verticalAlignment':
          styleWrite(ax, t, 'verticalAlignment', oneOf(V_ALIGN, fv, where), where);
          break;
        case 'wrapText':
          styleWrite(ax, t, 'wrapText', boolValue(fv, where), where);
          break;
        case 'indentLevel':
          styleWrite(ax, t, 'indentLevel', numValue(fv, where, 0, 250), where);
          break;
        case 'protection': {
          const pr = fv as { locked?: unknown; formulaHidden?: unknown };
          if (pr.locked !== undefined) styleWrite(ax, t, 'protection.locked', boolValue(pr.locked, where), where, 'locking');
          if (pr.formulaHidden !== undefined) styleWrite(ax, t, 'protection.formulaHidden', boolValue(pr.formulaHidden, where), where, 'locking');
          break;
        }
        case 'borders': {
          const b = fv as Record<string, Partial<BorderData> | undefined>;
          const map: Record<string, BorderIndex> = { top: 'EdgeTop', bottom: 'EdgeBottom', left: 'EdgeLeft', right: 'EdgeRight', diagonalDown: 'DiagonalDown', diagonalUp: 'DiagonalUp' };
          for (const [side, data] of Object.entries(b)) {
            if (!data || !map[side]) continue;
            borderWrite(ax, { range: t, index: map[side] }, data, where);
          }
          break;
        }
        case 'columnWidth': {
          ax.state._assertFormatAllowed(sheet, 'columns', where);
          sheet.colWidths.set(x.c, numValue(fv, where, 0, 1800));
          break;
        }
        case 'rowHeight': {
          ax.state._assertFormatAllowed(sheet, 'rows', where);
          sheet.rowHeights.set(x.r, numValue(fv, where, 0, 409));
          break;
        }
        default:
          throw invalidArgument(`format.${fk} is not supported by the fake's setCellProperties`, where);
      }
    }
  }
}

function readCellProperties(state: WorkbookState, sheet: SheetData, r: number, c: number, opts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const sty = (k: StyleKey): unknown => state._style(sheet, r, c, k);
  if (opts.address) out.address = qualifiedAddress(sheet.name, rect(r, c));
  const fo = opts.format as Record<string, unknown> | boolean | undefined;
  if (fo) {
    const want = (k: string): boolean => fo === true || (typeof fo === 'object' && fo[k] !== undefined && fo[k] !== false);
    const f: Record<string, unknown> = {};
    if (want('fill')) f.fill = { color: (sty('fill.color') as string | null) ?? '#FFFFFF' };
    if (want('font')) {
      f.font = {
        bold: sty('font.bold'),
        italic: sty('font.italic'),
        color: sty('font.color'),
        size: sty('font.size'),
        name: sty('font.name'),
        underline: sty('font.underline'),
        strikethrough: sty('font.strikethrough'),
      };
    }
    if (want('horizontalAlignment')) f.horizontalAlignment = sty('horizontalAlignment');
    if (want('verticalAlignment')) f.verticalAlignment = sty('verticalAlignment');
    if (want('wrapText')) f.wrapText = sty('wrapText');
    if (want('indentLevel')) f.indentLevel = sty('indentLevel');
    if (want('protection')) f.protection = { locked: sty('protection.locked'), formulaHidden: sty('protection.formulaHidden') };
    if (want('columnWidth')) f.columnWidth = state._columnWidth(sheet, c);
    if (want('rowHeight')) f.rowHeight = state._rowHeight(sheet, r);
    out.format = f;
  }
  if (opts.hyperlink) {
    const cell = sheet.cells.get(r * MAX_COLS + c);
    out.hyperlink = cell?.link ? { ...cell.link } : undefined;
  }
  return out;
}

