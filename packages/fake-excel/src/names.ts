/** Excel.NamedItemCollection and Excel.NamedItem (workbook- and worksheet-scoped defined names). */

import { MAX_COLS, MAX_ROWS, lettersToCol, parseAddress, qualifiedAddress } from './address';
import {
  ApplyContext,
  defineType,
  FakeBoundItem,
  FakeClientObject,
  FakeClientResult,
  FakeCollection,
  NULL_OBJECT,
  NullObject,
  queueResult,
} from './core';
import { ErrorCodes, Messages, err, invalidArgument, invalidOperation, itemNotFound } from './errors';
import { FakeRange, RangeTarget } from './range';
import { checkFormula, isErrorValue } from './values';
import { NameData, SheetData, WorkbookState } from './workbook-state';
import { FakeWorksheet, SheetTarget, registerWorksheetNavs } from './worksheet';

interface ScopeTarget {
  sheetId: string | null;
}

interface NameTarget {
  sheetId: string | null;
  name: string;
}

/** Excel's defined-name rules: letter/underscore/backslash first, no spaces, not a cell reference. */
export function validateDefinedName(name: unknown, where: string): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) throw invalidArgument(`name ${JSON.stringify(name)}`, where);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) throw invalidArgument(`${JSON.stringify(name)} is not a valid name`, where);
  const cellLike = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (cellLike && lettersToCol(cellLike[1]) < MAX_COLS && Number(cellLike[2]) >= 1 && Number(cellLike[2]) <= MAX_ROWS) {
    throw invalidArgument(`${JSON.stringify(name)} looks like a cell reference`, where);
  }
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) throw invalidArgument(`${JSON.stringify(name)} looks like an R1C1 reference`, where);
  return name;
}

function scopeList(state: WorkbookState, sheetId: string | null): NameData[] {
  return sheetId === null ? state.data.names : state._sheetById(sheetId).names;
}

function findName(state: WorkbookState, sheetId: string | null, name: string): NameData | undefined {
  const lower = name.toLowerCase();
  return scopeList(state, sheetId).find((n) => n.name.toLowerCase() === lower);
}

/** Classifies a name's formula the way NamedItem.type/value report it (no calculation engine). */
export function describeNameFormula(state: WorkbookState, formula: string): { type: string; value: unknown } {
  const body = formula.replace(/^=/, '').trim();
  const parsed = parseAddress(body);
  if (parsed && parsed.sheet !== undefined) return { type: 'Range', value: body };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) {
    const n = Number(body);
    return { type: Number.isInteger(n) ? 'Integer' : 'Double', value: n };
  }
  if (/^"(?:[^"]|"")*"$/.test(body)) return { type: 'String', value: body.slice(1, -1).replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: 'Boolean', value: body.toUpperCase() === 'TRUE' };
  if (isErrorValue(body)) return { type: 'Error', value: body };
  return { type: 'String', value: state.options.uncalculatedValue };
}

function referenceToFormula(ax: ApplyContext, reference: unknown, where: string): string {
  if (reference instanceof FakeRange) {
    const t = ax.resolve<RangeTarget>(reference);
    if (t === NULL_OBJECT) throw invalidArgument('reference is a null range', where);
    const sheet = ax.state._sheetById(t.sheetId, where);
    return `=${qualifiedAddress(sheet.name, t.rect, true)}`;
  }
  if (typeof reference !== 'string' || reference.trim() === '') throw invalidArgument('reference must be a Range or a formula string', where);
  const f = reference.startsWith('=') ? reference : `=${reference}`;
  checkFormula(f, where);
  return f;
}

// ---- collection ----------------------------------------------------------------------------------

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  /** @internal */ readonly _sheet: FakeWorksheet | null;

  constructor(parent: FakeClientObject, sheet: FakeWorksheet | null) {
    super(parent.context, parent, 'names');
    this._sheet = sheet;
  }

  _resolveTarget(ax: ApplyContext): ScopeTarget | NullObject {
    if (!this._sheet) return { sheetId: null };
    const t = ax.resolve<SheetTarget>(this._sheet);
    return t === NULL_OBJECT ? NULL_OBJECT : { sheetId: t.sheetId };
  }

  /** @internal */
  _item(segment: string, lookup: (scope: ScopeTarget, ax: ApplyContext) => NameTarget | NullObject): FakeNamedItem {
    return new FakeNamedItem(this, segment, (ax) => {
      const scope = ax.resolve<ScopeTarget>(this);
      if (scope === NULL_OBJECT) return NULL_OBJECT;
      return lookup(scope, ax);
    });
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    this._api('NamedItemCollection.add', '1.4');
    return this._add('add', name, reference, comment);
  }

  addFormulaLocal(name: string, formula: string, comment?: string): FakeNamedItem {
    this._api('NamedItemCollection.addFormulaLocal', '1.4');
    return this._add('addFormulaLocal', name, formula, comment);
  }

  private _add(method: string, name: string, reference: unknown, comment?: string): FakeNamedItem {
    const item = this._item(`${method}(${JSON.stringify(name)})`, () => {
      throw err(ErrorCodes.invalidObjectPath, Messages.invalidObjectPath(item._path()), `NamedItemCollection.${method}`);
    });
    this._queueCall<ScopeTarget>(method, [name, reference, comment], (scope, ax, where) => {
      validateDefinedName(name, where);
      if (findName(ax.state, scope.sheetId, name)) throw err(ErrorCodes.itemAlreadyExists, Messages.itemAlreadyExists, where);
      const lower = name.toLowerCase();
      if (ax.data.sheets.some((s) => s.tables.some((t) => t.name.toLowerCase() === lower))) {
        throw err(ErrorCodes.itemAlreadyExists, `${Messages.itemAlreadyExists} (a table has that name)`, where);
      }
      if (comment !== undefined && comment !== null && (typeof comment !== 'string' || comment.length > 255)) {
        throw invalidArgument('comment must be a string of at most 255 characters', where);
      }
      const formula = referenceToFormula(ax, reference, where);
      scopeList(ax.state, scope.sheetId).push({ name, formula, comment: comment ?? '', visible: true });
      ax.bind(item, { sheetId: scope.sheetId, name });
    });
    return item;
  }

  getItem(name: string): FakeNamedItem {
    return this._item(`getItem(${JSON.stringify(name)})`, (scope, ax) => {
      const n = typeof name === 'string' ? findName(ax.state, scope.sheetId, name) : undefined;
      if (!n) throw itemNotFound(`no name ${JSON.stringify(name)}`, 'NamedItemCollection.getItem');
      return { sheetId: scope.sheetId, name: n.name };
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this._api('NamedItemCollection.getItemOrNullObject', '1.4');
    const item = this._item(`getItemOrNullObject(${JSON.stringify(name)})`, (scope, ax) => {
      const n = typeof name === 'string' ? findName(ax.state, scope.sheetId, name) : undefined;
      return n ? { sheetId: scope.sheetId, name: n.name } : NULL_OBJECT;
    });
    item._queueInstantiate();
    return item;
  }

  getCount(): FakeClientResult<number> {
    this._api('NamedItemCollection.getCount', '1.4');
    return queueResult<ScopeTarget, number>(this, 'getCount', [], (scope, ax) => scopeList(ax.state, scope.sheetId).length);
  }
}

defineType<ScopeTarget>(FakeNamedItemCollection, {
  typeName: 'NamedItemCollection',
  scalars: {},
  items: (scope, ax, coll) =>
    scopeList(ax.state, scope.sheetId).map((n) => {
      const item = (coll as FakeNamedItemCollection)._item(`getItem(${JSON.stringify(n.name)})`, () => ({ sheetId: scope.sheetId, name: n.name }));
      item._bound = { sheetId: scope.sheetId, name: n.name };
      return item;
    }),
});

// ---- item -------------------------------------------------------------------------------------------

export class FakeNamedItem extends FakeBoundItem<NameTarget> {
  protected _checkExists(ax: ApplyContext, t: NameTarget): void {
    if (!findName(ax.state, t.sheetId, t.name)) throw itemNotFound(`the name ${t.name} no longer exists`, 'NamedItem');
  }

  delete(): void {
    this._api('NamedItem.delete', '1.4');
    this._queueCall<NameTarget>('delete', [], (t, ax) => {
      const list = scopeList(ax.state, t.sheetId);
      const i = list.findIndex((n) => n.name.toLowerCase() === t.name.toLowerCase());
      if (i >= 0) list.splice(i, 1);
    });
  }

  private _rangeOf(segment: string, nullable: boolean): FakeRange {
    const r = new FakeRange(this, segment, (ax) => {
      const t = ax.resolve<NameTarget>(this);
      if (t === NULL_OBJECT) return NULL_OBJECT;
      const n = findName(ax.state, t.sheetId, t.name) as NameData;
      const parsed = parseAddress(n.formula.replace(/^=/, ''));
      const sheet: SheetData | undefined = parsed?.sheet !== undefined ? ax.state._findSheet(parsed.sheet) : undefined;
      if (!parsed || !sheet) {
        if (nullable) return NULL_OBJECT;
        throw invalidOperation(`the name ${t.name} does not refer to a range`, 'NamedItem.getRange');
      }
      return { sheetId: sheet.id, rect: parsed.rect };
    });
    if (nullable) r._queueInstantiate();
    return r;
  }

  getRange(): FakeRange {
    return this._rangeOf('getRange()', false);
  }

  getRangeOrNullObject(): FakeRange {
    this._api('NamedItem.getRangeOrNullObject', '1.4');
    return this._rangeOf('getRangeOrNullObject()', true);
  }
}

const nameData = (ax: ApplyContext, t: NameTarget): NameData => findName(ax.state, t.sheetId, t.name) as NameData;

function scopeWorksheet(item: FakeClientObject, nullable: boolean): FakeWorksheet {
  const ws = new FakeWorksheet(item, nullable ? 'worksheetOrNullObject' : 'worksheet', (ax) => {
    const t = ax.resolve<NameTarget>(item);
    if (t === NULL_OBJECT) return NULL_OBJECT;
    if (t.sheetId === null) {
      if (nullable) return NULL_OBJECT;
      throw itemNotFound('the name is scoped to the workbook', 'NamedItem.worksheet');
    }
    return { sheetId: t.sheetId };
  });
  if (nullable) ws._queueInstantiate();
  return ws;
}

defineType<NameTarget>(FakeNamedItem, {
  typeName: 'NamedItem',
  scalars: {
    name: { readOnly: true, read: (t, ax) => nameData(ax, t).name },
    type: { readOnly: true, read: (t, ax) => describeNameFormula(ax.state, nameData(ax, t).formula).type },
    value: { readOnly: true, read: (t, ax) => describeNameFormula(ax.state, nameData(ax, t).formula).value },
    scope: { readOnly: true, api: '1.4', read: (t) => (t.sheetId === null ? 'Workbook' : 'Worksheet') },
    formula: {
      api: '1.7',
      read: (t, ax) => nameData(ax, t).formula,
      write: (t, v, ax, where) => {
        if (typeof v !== 'string') throw invalidArgument('formula', where);
        const f = v.startsWith('=') ? v : `=${v}`;
        checkFormula(f, where);
        nameData(ax, t).formula = f;
      },
    },
    comment: {
      api: '1.4',
      read: (t, ax) => nameData(ax, t).comment,
      write: (t, v, ax, where) => {
        if (typeof v !== 'string' || v.length > 255) throw invalidArgument('comment', where);
        nameData(ax, t).comment = v;
      },
    },
    visible: {
      read: (t, ax) => nameData(ax, t).visible,
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('visible', where);
        nameData(ax, t).visible = v;
      },
    },
  },
  navs: {
    worksheet: { api: '1.4', create: (p) => scopeWorksheet(p, false) },
    worksheetOrNullObject: { api: '1.4', create: (p) => scopeWorksheet(p, true) },
  },
});

registerWorksheetNavs({ names: (ws) => new FakeNamedItemCollection(ws, ws) });
