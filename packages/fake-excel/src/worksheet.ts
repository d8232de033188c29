/** Excel.Worksheet, WorksheetCollection, WorksheetProtection, WorksheetFreezePanes. */

import { MAX_COLS, MAX_ROWS, Rect, rect, rewriteSheetRefs } from './address';
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
import { ErrorCodes, Messages, err, invalidArgument, invalidOperation, itemNotFound } from './errors';
import { FakeRange, RangeTarget, notImplemented, registerRangeNavs, resolveAddressOnSheet } from './range';
import { DEFAULT_PROTECTION_OPTIONS, ProtectionOptionsData, SheetData, WorkbookState } from './workbook-state';

export interface SheetTarget {
  sheetId: string;
}

type SheetResolver = (ax: ApplyContext) => SheetTarget | NullObject;

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

export function validateSheetName(name: unknown, where: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31) {
    throw invalidArgument(`worksheet name ${JSON.stringify(name)} must be 1 to 31 characters`, where);
  }
  if (SHEET_NAME_FORBIDDEN.test(name)) throw invalidArgument(`worksheet name ${JSON.stringify(name)} contains one of : \\ / ? * [ ]`, where);
  if (name.startsWith("'") || name.endsWith("'")) throw invalidArgument('a worksheet name cannot begin or end with an apostrophe', where);
  if (name.toLowerCase() === 'history') throw invalidArgument('"History" is reserved by Excel', where);
  return name;
}

/** Rename (newName) or delete (null) a sheet everywhere formulas can refer to it. */
export function rewriteReferences(state: WorkbookState, oldName: string, newName: string | null): void {
  const fix = (f: string): string => rewriteSheetRefs(f, oldName, newName);
  for (const s of state.data.sheets) {
    // Only a formula with "!" can name a sheet (names are rewritten below): renaming costs what refers across sheets.
    for (const k of Array.from(s.crossRefs)) {
      const cell = s.cells.get(k);
      if (cell?.f !== undefined) cell.f = fix(cell.f);
      else s.crossRefs.delete(k);
    }
    for (const n of s.names) n.formula = fix(n.formula);
    for (const cf of s.cfs) {
      for (const k of ['formula', 'formula1', 'formula2']) {
        const v = cf.rule[k];
        if (typeof v === 'string') cf.rule[k] = fix(v);
      }
    }
    for (const dv of s.validations) {
      if (!dv.rule) continue;
      for (const k of ['formula', 'formula1', 'formula2', 'source'] as const) {
        const v = dv.rule[k];
        if (typeof v === 'string' && v.startsWith('=')) dv.rule[k] = fix(v);
      }
    }
  }
  for (const n of state.data.names) n.formula = fix(n.formula);
}

function visibleSheets(state: WorkbookState): SheetData[] {
  return state.data.sheets.filter((s) => s.visibility === 'Visible');
}

// ---- Worksheet ----------------------------------------------------------------------------------

export class FakeWorksheet extends FakeClientObject {
  /** @internal */ _boundId: string | undefined;
  /** @internal */ readonly _resolver: SheetResolver;

  declare name: string;
  declare readonly protection: FakeWorksheetProtection;

  constructor(parent: FakeClientObject, segment: string, resolver: SheetResolver) {
    super(parent.context, parent, segment);
    this._resolver = resolver;
  }

  /** @internal */
  _resolveTarget(ax: ApplyContext): SheetTarget | NullObject {
    if (this._boundId !== undefined) {
      ax.state._sheetById(this._boundId, 'Worksheet');
      return { sheetId: this._boundId };
    }
    return this._resolver(ax);
  }

  /** @internal */
  _sheetTarget(ax: ApplyContext): SheetTarget | NullObject {
    return ax.resolve<SheetTarget>(this);
  }

  override _onResolved(target: unknown): void {
    super._onResolved(target);
    if (target !== NULL_OBJECT) this._boundId = (target as SheetTarget).sheetId;
  }

  private _range(segment: string, fn: (sheet: SheetData, ax: ApplyContext, where: string) => Rect | NullObject, nullable = false): FakeRange {
    const where = `Worksheet.${segment.split('(')[0]}`;
    const r = new FakeRange(this, segment, (ax) => {
      const t = ax.resolve<SheetTarget>(this);
      if (t === NULL_OBJECT) return NULL_OBJECT;
      const sheet = ax.state._sheetById(t.sheetId, where);
      const x = fn(sheet, ax, where);
      return x === NULL_OBJECT ? NULL_OBJECT : { sheetId: sheet.id, rect: x };
    });
    if (nullable) r._queueInstantiate();
    return r;
  }

  getRange(address?: string): FakeRange {
    return this._range(`getRange(${address === undefined ? '' : JSON.stringify(address)})`, (sheet, ax, where) => {
      if (address === undefined || address === null || address === '') return rect(0, 0, MAX_ROWS, MAX_COLS);
      if (typeof address !== 'string') throw invalidArgument('address', where);
      return resolveAddressOnSheet(ax.state, sheet, address, where);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this._api('Worksheet.getRangeByIndexes', '1.7');
    return this._range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, (_s, _ax, where) => {
      const ok = [startRow, startColumn, rowCount, columnCount].every((n) => Number.isInteger(n));
      if (!ok || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
        throw invalidArgument('getRangeByIndexes arguments are outside the worksheet', where);
      }
      return rect(startRow, startColumn, rowCount, columnCount);
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this._range(`getCell(${row},${column})`, (_s, _ax, where) => {
      if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLS) {
        throw invalidArgument('row/column', where);
      }
      return rect(row, column);
    });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._range(`getUsedRange(${valuesOnly ?? ''})`, (sheet, ax) => ax.state._usedRect(sheet, valuesOnly === true) ?? rect(0, 0));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this._api('Worksheet.getUsedRangeOrNullObject', '1.4');
    return this._range(`getUsedRangeOrNullObject(${valuesOnly ?? ''})`, (sheet, ax) => ax.state._usedRect(sheet, valuesOnly === true) ?? NULL_OBJECT, true);
  }

  activate(): void {
    this._queueCall<SheetTarget>('activate', [], (t, ax, where) => {
      const sheet = ax.state._sheetById(t.sheetId, where);
      if (sheet.visibility !== 'Visible') throw invalidOperation('A hidden worksheet cannot be activated.', where);
      ax.data.activeSheetId = sheet.id;
    }, false);
  }

  delete(): void {
    this._queueCall<SheetTarget>('delete', [], (t, ax, where) => {
      ax.state._assertStructureEditable(where);
      const sheet = ax.state._sheetById(t.sheetId, where);
      const visible = visibleSheets(ax.state);
      if (sheet.visibility === 'Visible' && visible.length === 1) {
        throw invalidOperation('A workbook must contain at least one visible worksheet.', where);
      }
      const idx = ax.data.sheets.indexOf(sheet);
      ax.data.sheets.splice(idx, 1);
      rewriteReferences(ax.state, sheet.name, null);
      if (ax.data.activeSheetId === sheet.id) {
        const next = ax.data.sheets.slice(idx).concat(ax.data.sheets.slice(0, idx).reverse()).find((s) => s.visibility === 'Visible');
        ax.data.activeSheetId = next ? next.id : ax.data.sheets[0].id;
      }
    });
  }

  /**
   * Worksheet.copy (ExcelApi 1.7): the copy is placed by positionType — "None" (the default) and
   * "Beginning" first, "End" last, "Before"/"After" next to relativeTo, which they require (without it
   * Excel answers InvalidArgument, office-js #775) — and returned; it is named "<name> (2)" and holds
   * everything the sheet holds (WorkbookState._copySheet). A protected workbook structure refuses it
   * (AccessDenied); with the behaviour worksheetCopy 'GeneralException' every copy fails, as where a
   * host cannot copy the sheet.
   */
  copy(positionType?: string, relativeTo?: FakeWorksheet): FakeWorksheet {
    this._api('Worksheet.copy', '1.7');
    const ws = new FakeWorksheet(this, 'copy(...)', () => {
      throw err(ErrorCodes.invalidObjectPath, Messages.invalidObjectPath(ws._path()), 'Worksheet.copy');
    });
    ws._pathArgs = relativeTo === undefined ? [positionType] : [positionType, relativeTo];
    this._queueCall<SheetTarget>('copy', ws._pathArgs, (t, ax, where) => {
      const position = positionType ?? 'None';
      if (!['None', 'Before', 'After', 'Beginning', 'End'].includes(position)) throw invalidArgument(`positionType ${JSON.stringify(positionType)}`, where);
      const src = ax.state._sheetById(t.sheetId, where);
      ax.state._assertStructureEditable(where);
      if (ax.host.behaviour.worksheetCopy === 'GeneralException') throw err(ErrorCodes.generalException, Messages.generalException, where);
      let index = position === 'End' ? ax.data.sheets.length : 0;
      if (position === 'Before' || position === 'After') {
        if (!(relativeTo instanceof FakeWorksheet)) throw invalidArgument('relativeTo is required with "Before" and "After"', where);
        const rt = ax.resolve<SheetTarget>(relativeTo);
        if (rt === NULL_OBJECT) throw invalidArgument('relativeTo is a null worksheet', where);
        index = ax.data.sheets.indexOf(ax.state._sheetById(rt.sheetId, where)) + (position === 'After' ? 1 : 0);
      }
      const copy = ax.state._copySheet(src, index);
      ax.bind(ws, { sheetId: copy.id });
      ax.after.push(() => { ax.host.stats.sheetCopies += 1; });
    });
    return ws;
  }

  calculate(markAllDirty: boolean): void {
    this._api('Worksheet.calculate', '1.6');
    this._queueCall<SheetTarget>('calculate', [markAllDirty], () => undefined, false);
  }

  private _neighbour(segment: string, dir: 1 | -1, visibleOnly: boolean | undefined, nullable: boolean): FakeWorksheet {
    const ws = new FakeWorksheet(this, segment, (ax) => {
      const t = ax.resolve<SheetTarget>(this);
      if (t === NULL_OBJECT) return NULL_OBJECT;
      const sheets = ax.data.sheets;
      let i = sheets.findIndex((s) => s.id === t.sheetId) + dir;
      while (i >= 0 && i < sheets.length && visibleOnly && sheets[i].visibility !== 'Visible') i += dir;
      if (i < 0 || i >= sheets.length) {
        if (nullable) return NULL_OBJECT;
        throw itemNotFound(dir > 0 ? 'no next worksheet' : 'no previous worksheet', `Worksheet.${segment.split('(')[0]}`);
      }
      return { sheetId: sheets[i].id };
    });
    if (nullable) ws._queueInstantiate();
    return ws;
  }

  getNext(visibleOnly?: boolean): FakeWorksheet {
    this._api('Worksheet.getNext', '1.5');
    return this._neighbour(`getNext(${visibleOnly ?? ''})`, 1, visibleOnly, false);
  }
  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    this._api('Worksheet.getNextOrNullObject', '1.5');
    return this._neighbour(`getNextOrNullObject(${visibleOnly ?? ''})`, 1, visibleOnly, true);
  }
  getPrevious(visibleOnly?: boolean): FakeWorksheet {
    this._api('Worksheet.getPrevious', '1.5');
    return this._neighbour(`getPrevious(${visibleOnly ?? ''})`, -1, visibleOnly, false);
  }
  getPreviousOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    this._api('Worksheet.getPreviousOrNullObject', '1.5');
    return this._neighbour(`getPreviousOrNullObject(${visibleOnly ?? ''})`, -1, visibleOnly, true);
  }
}

const sheetOfTarget = (ax: ApplyContext, t: SheetTarget, where: string): SheetData => ax.state._sheetById(t.sheetId, where);

defineType<SheetTarget>(FakeWorksheet, {
  typeName: 'Worksheet',
  scalars: {
    id: { readOnly: true, read: (t) => t.sheetId },
    name: {
      read: (t, ax) => sheetOfTarget(ax, t, 'Worksheet.name').name,
      write: (t, v, ax, where) => {
        const sheet = sheetOfTarget(ax, t, where);
        const name = validateSheetName(v, where);
        if (name === sheet.name) return;
        ax.state._assertStructureEditable(where);
        const clash = ax.state._findSheet(name);
        if (clash && clash.id !== sheet.id) throw err(ErrorCodes.itemAlreadyExists, Messages.itemAlreadyExists, where);
        const old = sheet.name;
        sheet.name = name;
        rewriteReferences(ax.state, old, name);
      },
    },
    position: {
      read: (t, ax) => ax.data.sheets.findIndex((s) => s.id === t.sheetId),
      write: (t, v, ax, where) => {
        ax.state._assertStructureEditable(where);
        const sheets = ax.data.sheets;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= sheets.length) throw invalidArgument(`position ${String(v)}`, where);
        const sheet = sheetOfTarget(ax, t, where);
        sheets.splice(sheets.indexOf(sheet), 1);
        sheets.splice(v, 0, sheet);
      },
    },
    visibility: {
      read: (t, ax) => sheetOfTarget(ax, t, 'Worksheet.visibility').visibility,
      write: (t, v, ax, where) => {
        if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw invalidArgument(`visibility ${JSON.stringify(v)}`, where);
        const sheet = sheetOfTarget(ax, t, where);
        if (sheet.visibility === v) return;
        ax.state._assertStructureEditable(where);
        if (v !== 'Visible' && sheet.visibility === 'Visible' && visibleSheets(ax.state).length === 1) {
          throw invalidOperation('A workbook must contain at least one visible worksheet.', where);
        }
        sheet.visibility = v;
        if (v !== 'Visible' && ax.data.activeSheetId === sheet.id) {
          const next = visibleSheets(ax.state)[0];
          if (next) ax.data.activeSheetId = next.id;
        }
      },
    },
    tabColor: {
      api: '1.7',
      read: (t, ax) => {
        const s = sheetOfTarget(ax, t, 'Worksheet.tabColor');
        return s.visibility !== 'Visible' ? null : s.tabColor;
      },
      write: (t, v, ax, where) => {
        const s = sheetOfTarget(ax, t, where);
        if (v === '' || v === null) {
          s.tabColor = '';
          return;
        }
        const c = normalizeColor(v);
        if (!c) throw invalidArgument(`tabColor ${JSON.stringify(v)}`, where);
        s.tabColor = c;
      },
    },
    showGridlines: {
      api: '1.8',
      read: (t, ax) => sheetOfTarget(ax, t, 'Worksheet.showGridlines').showGridlines,
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('showGridlines', where);
        sheetOfTarget(ax, t, where).showGridlines = v;
      },
    },
    showHeadings: {
      api: '1.8',
      read: (t, ax) => sheetOfTarget(ax, t, 'Worksheet.showHeadings').showHeadings,
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('showHeadings', where);
        sheetOfTarget(ax, t, where).showHeadings = v;
      },
    },
    standardHeight: { readOnly: true, api: '1.7', read: () => 15 },
    standardWidth: {
      api: '1.7',
      read: (t, ax) => sheetOfTarget(ax, t, 'Worksheet.standardWidth').standardWidth,
      write: (t, v, ax, where) => {
        if (typeof v !== 'number' || v < 0 || v > 255) throw invalidArgument('standardWidth', where);
        sheetOfTarget(ax, t, where).standardWidth = v;
      },
    },
    enableCalculation: {
      api: '1.9',
      read: (t, ax) => sheetOfTarget(ax, t, 'Worksheet.enableCalculation').enableCalculation,
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('enableCalculation', where);
        sheetOfTarget(ax, t, where).enableCalculation = v;
      },
    },
  },
  navs: {
    protection: { api: '1.2', create: (p) => new FakeWorksheetProtection(p) },
    freezePanes: { api: '1.7', create: (p) => new FakeWorksheetFreezePanes(p as FakeWorksheet) },
    names: { api: '1.4', create: (p) => createSheetNames(p as FakeWorksheet) },
    tables: { create: (p) => createSheetTables(p as FakeWorksheet) },
    pageLayout: { api: '1.9', create: (p) => createPageLayout(p as FakeWorksheet) },
  },
});

notImplemented(FakeWorksheet, 'Worksheet', ['getRanges', 'findAll', 'findAllOrNullObject', 'replaceAll', 'showOutlineLevels', 'evaluate']);

// late-bound factories (names.ts / tables.ts)
let createSheetNames: (ws: FakeWorksheet) => FakeClientObject = () => {
  throw new Error('names module not loaded');
};
let createSheetTables: (ws: FakeWorksheet) => FakeClientObject = () => {
  throw new Error('tables module not loaded');
};
let createPageLayout: (ws: FakeWorksheet) => FakeClientObject = () => {
  throw new Error('page-layout module not loaded');
};
export function registerWorksheetNavs(f: { names?: (ws: FakeWorksheet) => FakeClientObject; tables?: (ws: FakeWorksheet) => FakeClientObject; pageLayout?: (ws: FakeWorksheet) => FakeClientObject }): void {
  if (f.names) createSheetNames = f.names;
  if (f.tables) createSheetTables = f.tables;
  if (f.pageLayout) createPageLayout = f.pageLayout;
}

registerRangeNavs({
  worksheet: (range) =>
    new FakeWorksheet(range, 'worksheet', (ax) => {
      const t = ax.resolve<RangeTarget>(range);
      return t === NULL_OBJECT ? NULL_OBJECT : { sheetId: t.sheetId };
    }),
});

// ---- WorksheetCollection --------------------------------------------------------------------------

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'worksheets');
  }

  _resolveTarget(): unknown {
    return { collection: 'worksheets' };
  }

  /** @internal */
  _byId(id: string): FakeWorksheet {
    const ws = new FakeWorksheet(this, `getItem(${JSON.stringify(id)})`, () => ({ sheetId: id }));
    ws._boundId = id;
    return ws;
  }

  add(name?: string): FakeWorksheet {
    const ws = new FakeWorksheet(this, `add(${name === undefined ? '' : JSON.stringify(name)})`, () => {
      throw err(ErrorCodes.invalidObjectPath, Messages.invalidObjectPath(ws._path()), 'WorksheetCollection.add');
    });
    this._queueCall('add', [name], (_t, ax, where) => {
      ax.state._assertStructureEditable(where);
      let n = name;
      if (n === undefined || n === null) {
        let i = ax.data.sheets.length + 1;
        while (ax.state._findSheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      validateSheetName(n, where);
      if (ax.state._findSheet(n)) throw err(ErrorCodes.itemAlreadyExists, Messages.itemAlreadyExists, where);
      const sheet = ax.state._addSheet(n);
      ax.bind(ws, { sheetId: sheet.id });
    });
    return ws;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this, `getItem(${JSON.stringify(key)})`, (ax) => {
      const s = typeof key === 'string' ? ax.state._findSheetByKey(key) : undefined;
      if (!s) throw itemNotFound(`no worksheet named ${JSON.stringify(key)}`, 'WorksheetCollection.getItem');
      return { sheetId: s.id };
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this._api('WorksheetCollection.getItemOrNullObject', '1.4');
    const ws = new FakeWorksheet(this, `getItemOrNullObject(${JSON.stringify(key)})`, (ax) => {
      const s = typeof key === 'string' ? ax.state._findSheetByKey(key) : undefined;
      return s ? { sheetId: s.id } : NULL_OBJECT;
    });
    ws._queueInstantiate();
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this, 'getActiveWorksheet()', (ax) => ({ sheetId: ax.state._sheetById(ax.data.activeSheetId).id }));
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    this._api('WorksheetCollection.getFirst', '1.5');
    return new FakeWorksheet(this, `getFirst(${visibleOnly ?? ''})`, (ax) => {
      const s = visibleOnly ? visibleSheets(ax.state)[0] : ax.data.sheets[0];
      if (!s) throw itemNotFound('no worksheet', 'WorksheetCollection.getFirst');
      return { sheetId: s.id };
    });
  }

  getLast(visibleOnly?: boolean): FakeWorksheet {
    this._api('WorksheetCollection.getLast', '1.5');
    return new FakeWorksheet(this, `getLast(${visibleOnly ?? ''})`, (ax) => {
      const list = visibleOnly ? visibleSheets(ax.state) : ax.data.sheets;
      const s = list[list.length - 1];
      if (!s) throw itemNotFound('no worksheet', 'WorksheetCollection.getLast');
      return { sheetId: s.id };
    });
  }

  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    this._api('WorksheetCollection.getCount', '1.4');
    return queueResult(this, 'getCount', [visibleOnly], (_t, ax) => (visibleOnly ? visibleSheets(ax.state).length : ax.data.sheets.length));
  }
}

defineType<unknown>(FakeWorksheetCollection, {
  typeName: 'WorksheetCollection',
  scalars: {},
  items: (_t, ax, coll) => ax.data.sheets.map((s) => (coll as FakeWorksheetCollection)._byId(s.id)),
});

// ---- WorksheetProtection ---------------------------------------------------------------------------

const OPTION_KEYS = Object.keys(DEFAULT_PROTECTION_OPTIONS);

export class FakeWorksheetProtection extends FakeClientObject {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'protection');
  }

  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }

  protect(options?: Partial<ProtectionOptionsData>, password?: string): void {
    this._queueCall<SheetTarget>('protect', [options ?? null, password === undefined ? undefined : '***'], (t, ax, where) => {
      const sheet = ax.state._sheetById(t.sheetId, where);
      if (sheet.protection.protected) throw invalidOperation('The worksheet is already protected.', where);
      if (options !== undefined && options !== null) {
        if (typeof options !== 'object') throw invalidArgument('options', where);
        for (const k of Object.keys(options)) if (!OPTION_KEYS.includes(k)) throw invalidArgument(`unknown protection option ${k}`, where);
      }
      if (password !== undefined && password !== null && typeof password !== 'string') throw invalidArgument('password', where);
      sheet.protection = {
        protected: true,
        options: { ...DEFAULT_PROTECTION_OPTIONS, ...(options ?? {}) },
        // office-js #762: after an unprotect given a password the sheet did not have, the password is ignored.
        password: sheet.passwordIgnored ? null : password || null,
      };
    });
  }

  unprotect(password?: string): void {
    this._queueCall<SheetTarget>('unprotect', [password === undefined ? undefined : '***'], (t, ax, where) => {
      const sheet = ax.state._sheetById(t.sheetId, where);
      const b = ax.host.behaviour;
      if (!sheet.protection.protected) {
        if (b.unprotectUnprotected === 'ignore') return;
        if (b.unprotectUnprotected === 'AccessDenied') throw err(ErrorCodes.accessDenied, 'The worksheet is not protected.', where);
        throw invalidOperation('The worksheet is not protected.', where);
      }
      const stored = sheet.protection.password;
      if (stored && stored !== password) {
        throw b.wrongPasswordCode === 'BadPassword' ? err(ErrorCodes.badPassword, Messages.badPassword, where) : invalidArgument(Messages.badPassword, where);
      }
      if (!stored && password && b.passwordLatch) sheet.passwordIgnored = true;
      sheet.protection = { protected: false, options: sheet.protection.options, password: null };
    });
  }
}

defineType<SheetTarget>(FakeWorksheetProtection, {
  typeName: 'WorksheetProtection',
  scalars: {
    protected: { readOnly: true, read: (t, ax) => ax.state._sheetById(t.sheetId).protection.protected },
    options: { readOnly: true, read: (t, ax) => ({ ...ax.state._sheetById(t.sheetId).protection.options }) },
    isPasswordProtected: {
      readOnly: true,
      api: '1.14',
      read: (t, ax) => {
        const p = ax.state._sheetById(t.sheetId).protection;
        return p.protected && !!p.password;
      },
    },
  },
});

notImplemented(FakeWorksheetProtection, 'WorksheetProtection', ['pauseProtection', 'resumeProtection', 'setPassword', 'updateOptions', 'checkPassword']);

// ---- freeze panes ------------------------------------------------------------------------------------

export class FakeWorksheetFreezePanes extends FakeClientObject {
  constructor(parent: FakeWorksheet) {
    super(parent.context, parent, 'freezePanes');
  }

  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }

  private _set(name: string, args: unknown[], fn: (sheet: SheetData, ax: ApplyContext, where: string) => void): void {
    this._queueCall<SheetTarget>(name, args, (t, ax, where) => fn(ax.state._sheetById(t.sheetId, where), ax, where));
  }

  freezeRows(count = 1): void {
    this._set('freezeRows', [count], (s, _ax, where) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw invalidArgument('count', where);
      s.freeze = { rows: count, cols: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this._set('freezeColumns', [count], (s, _ax, where) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLS) throw invalidArgument('count', where);
      s.freeze = { rows: 0, cols: count };
    });
  }

  freezeAt(frozenRange: FakeRange | string): void {
    this._set('freezeAt', [frozenRange], (s, ax, where) => {
      let x: Rect;
      if (frozenRange instanceof FakeRange) {
        const t = ax.resolve<RangeTarget>(frozenRange);
        if (t === NULL_OBJECT || t.sheetId !== s.id) throw invalidArgument('frozenRange must be on this worksheet', where);
        x = t.rect;
      } else if (typeof frozenRange === 'string') x = resolveAddressOnSheet(ax.state, s, frozenRange, where);
      else throw invalidArgument('frozenRange', where);
      s.freeze = { rows: x.r + x.rows, cols: x.c + x.cols };
    });
  }

  unfreeze(): void {
    this._set('unfreeze', [], (s) => {
      s.freeze = { rows: 0, cols: 0 };
    });
  }

  private _location(segment: string, nullable: boolean): FakeRange {
    const r = new FakeRange(this, segment, (ax) => {
      const t = ax.resolve<SheetTarget>(this);
      if (t === NULL_OBJECT) return NULL_OBJECT;
      const s = ax.state._sheetById(t.sheetId);
      const { rows, cols } = s.freeze;
      if (rows === 0 && cols === 0) {
        if (nullable) return NULL_OBJECT;
        throw itemNotFound('there are no frozen panes', 'WorksheetFreezePanes.getLocation');
      }
      const x = rows && cols ? rect(0, 0, rows, cols) : rows ? rect(0, 0, rows, MAX_COLS) : rect(0, 0, MAX_ROWS, cols);
      return { sheetId: s.id, rect: x };
    });
    if (nullable) r._queueInstantiate();
    return r;
  }

  getLocation(): FakeRange {
    return this._location('getLocation()', false);
  }

  getLocationOrNullObject(): FakeRange {
    return this._location('getLocationOrNullObject()', true);
  }
}

defineType<SheetTarget>(FakeWorksheetFreezePanes, { typeName: 'WorksheetFreezePanes', scalars: {} });

