/** Excel.Workbook (context.workbook), Application, WorkbookProtection, DocumentProperties, SettingCollection. */

import { rect } from './address';
import {
  ApplyContext,
  FakeClientObject,
  FakeClientResult,
  FakeCollection,
  FakeRequestContext,
  NULL_OBJECT,
  NullObject,
  defineType,
  queueResult,
} from './core';
import { invalidArgument, itemNotFound } from './errors';
import { deepClone } from './clone';
import { FakeNamedItemCollection } from './names';
import { FakeRange, notImplemented } from './range';
import { FakeTableCollection } from './tables';
import './page-layout';
import { FakeWorksheetCollection } from './worksheet';

const ROOT = { root: 'workbook' };

export class FakeWorkbook extends FakeClientObject {
  declare readonly worksheets: FakeWorksheetCollection;
  declare readonly names: FakeNamedItemCollection;
  declare readonly application: FakeApplication;

  constructor(ctx: FakeRequestContext) {
    super(ctx, null, 'workbook');
  }

  _resolveTarget(): unknown {
    return ROOT;
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this, 'getSelectedRange()', (ax) => {
      const sheet = ax.state._sheetById(ax.data.activeSheetId);
      return { sheetId: sheet.id, rect: { ...sheet.selection } };
    });
  }

  getActiveCell(): FakeRange {
    this._api('Workbook.getActiveCell', '1.7');
    return new FakeRange(this, 'getActiveCell()', (ax) => {
      const sheet = ax.state._sheetById(ax.data.activeSheetId);
      return { sheetId: sheet.id, rect: rect(sheet.selection.r, sheet.selection.c) };
    });
  }

  getIsActiveCollabSession(): FakeClientResult<boolean> {
    this._api('Workbook.getIsActiveCollabSession', '1.9');
    return queueResult(this, 'getIsActiveCollabSession', [], () => false);
  }
}

defineType<unknown>(FakeWorkbook, {
  typeName: 'Workbook',
  scalars: {
    name: { readOnly: true, api: '1.7', read: () => 'Book1.xlsx' },
    readOnly: { readOnly: true, api: '1.8', read: () => false },
    isDirty: { api: '1.9', read: () => true, write: () => undefined },
  },
  navs: {
    worksheets: { create: (p) => new FakeWorksheetCollection(p) },
    names: { create: (p) => new FakeNamedItemCollection(p, null) },
    tables: { create: (p) => new FakeTableCollection(p, null) },
    application: { create: (p) => new FakeApplication(p) },
    protection: { api: '1.7', create: (p) => new FakeWorkbookProtection(p) },
    properties: { api: '1.7', create: (p) => new FakeDocumentProperties(p) },
    settings: { api: '1.4', create: (p) => new FakeSettingCollection(p) },
  },
});

notImplemented(FakeWorkbook, 'Workbook', ['getSelectedRanges', 'insertWorksheetsFromBase64', 'save', 'close', 'getActiveChart', 'getActiveChartOrNullObject']);

// ---- application ----------------------------------------------------------------------------------

export class FakeApplication extends FakeClientObject {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'application');
  }

  _resolveTarget(): unknown {
    return ROOT;
  }

  calculate(calculationType: string): void {
    this._queueCall('calculate', [calculationType], (_t, _ax, where) => {
      if (!['Recalculate', 'Full', 'FullRebuild'].includes(calculationType)) throw invalidArgument(`calculationType ${JSON.stringify(calculationType)}`, where);
    }, false);
  }

  /** Recorded in the request log (`suspendedCalculation`) of the request it is queued in. */
  suspendApiCalculationUntilNextSync(): void {
    this._api('Application.suspendApiCalculationUntilNextSync', '1.6');
    this._queueCall('suspendApiCalculationUntilNextSync', [], (_t, ax) => {
      ax.suspendedCalculation = true;
    }, false);
  }

  /** Recorded in the request log (`suspendedScreenUpdating`). */
  suspendScreenUpdatingUntilNextSync(): void {
    this._api('Application.suspendScreenUpdatingUntilNextSync', '1.9');
    this._queueCall('suspendScreenUpdatingUntilNextSync', [], (_t, ax) => {
      ax.suspendedScreenUpdating = true;
    }, false);
  }
}

defineType<unknown>(FakeApplication, {
  typeName: 'Application',
  scalars: {
    calculationMode: {
      read: (_t, ax) => ax.data.calculationMode,
      write: (_t, v, ax, where) => {
        if (!['Automatic', 'AutomaticExceptTables', 'Manual'].includes(String(v))) throw invalidArgument(`calculationMode ${JSON.stringify(v)}`, where);
        ax.data.calculationMode = String(v);
      },
    },
    calculationState: { readOnly: true, api: '1.9', read: () => 'Done' },
    calculationEngineVersion: { readOnly: true, api: '1.9', read: () => 1 },
    decimalSeparator: { readOnly: true, api: '1.11', read: () => '.' },
    thousandsSeparator: { readOnly: true, api: '1.11', read: () => ',' },
    useSystemSeparators: { readOnly: true, api: '1.11', read: () => true },
  },
});

// ---- workbook protection ----------------------------------------------------------------------------

export class FakeWorkbookProtection extends FakeClientObject {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'protection');
  }
  _resolveTarget(): unknown {
    return ROOT;
  }
  protect(password?: string): void {
    this._queueCall('protect', [password === undefined ? undefined : '***'], (_t, ax) => {
      if (ax.data.protection.protected) return;
      ax.data.protection = { protected: true, password: password ?? null };
    });
  }
  unprotect(password?: string): void {
    this._queueCall('unprotect', [password === undefined ? undefined : '***'], (_t, ax, where) => {
      const p = ax.data.protection;
      if (!p.protected) return;
      if (p.password && p.password !== password) throw invalidArgument('The password you supplied is not correct.', where);
      ax.data.protection = { protected: false, password: null };
    });
  }
}

defineType<unknown>(FakeWorkbookProtection, {
  typeName: 'WorkbookProtection',
  scalars: { protected: { readOnly: true, read: (_t, ax) => ax.data.protection.protected } },
});

// ---- document properties -----------------------------------------------------------------------------

export class FakeDocumentProperties extends FakeClientObject {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'properties');
  }
  _resolveTarget(): unknown {
    return ROOT;
  }
}

function docProp(key: string, readOnly = false) {
  return {
    readOnly,
    read: (_t: unknown, ax: ApplyContext) => ax.data.properties[key],
    write: readOnly
      ? undefined
      : (_t: unknown, v: unknown, ax: ApplyContext, where: string) => {
          if (typeof v !== 'string') throw invalidArgument(key, where);
          ax.data.properties[key] = v;
        },
  };
}

defineType<unknown>(FakeDocumentProperties, {
  typeName: 'DocumentProperties',
  scalars: {
    title: docProp('title'),
    subject: docProp('subject'),
    author: docProp('author'),
    keywords: docProp('keywords'),
    comments: docProp('comments'),
    category: docProp('category'),
    manager: docProp('manager'),
    company: docProp('company'),
    lastAuthor: docProp('lastAuthor', true),
    revisionNumber: {
      read: (_t, ax) => ax.data.properties.revisionNumber,
      write: (_t, v, ax, where) => {
        if (typeof v !== 'number') throw invalidArgument('revisionNumber', where);
        ax.data.properties.revisionNumber = v;
      },
    },
    creationDate: { readOnly: true, read: () => new Date(Date.UTC(2024, 0, 1)).toISOString() },
  },
  navs: { custom: { create: (p) => new FakeCustomPropertyCollection(p) } },
});

interface KeyTarget {
  key: string;
}

function propertyType(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'Number' : 'Float';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof Date) return 'Date';
  return 'String';
}

export class FakeCustomPropertyCollection extends FakeCollection<FakeCustomProperty> {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'custom');
  }
  _resolveTarget(): unknown {
    return ROOT;
  }
  /** @internal */
  _prop(segment: string, lookup: (ax: ApplyContext, where: string) => KeyTarget | NullObject, nullable = false): FakeCustomProperty {
    const p = new FakeCustomProperty(this, segment, lookup);
    if (nullable) p._queueInstantiate();
    return p;
  }
  add(key: string, value: unknown): FakeCustomProperty {
    const p = this._prop(`getItem(${JSON.stringify(key)})`, () => ({ key }));
    this._queueCall('add', [key, value], (_t, ax, where) => {
      if (typeof key !== 'string' || key.length === 0 || key.length > 255) throw invalidArgument('key', where);
      const existing = Array.from(ax.data.custom.keys()).find((k) => k.toLowerCase() === key.toLowerCase());
      if (existing) ax.data.custom.delete(existing);
      ax.data.custom.set(key, { type: propertyType(value), value: value instanceof Date ? value.toISOString() : value });
      ax.bind(p, { key });
    });
    return p;
  }
  getItem(key: string): FakeCustomProperty {
    return this._prop(`getItem(${JSON.stringify(key)})`, (ax, where) => {
      const k = Array.from(ax.data.custom.keys()).find((x) => x.toLowerCase() === key.toLowerCase());
      if (!k) throw itemNotFound(`no custom property ${key}`, where);
      return { key: k };
    });
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return this._prop(
      `getItemOrNullObject(${JSON.stringify(key)})`,
      (ax) => {
        const k = Array.from(ax.data.custom.keys()).find((x) => x.toLowerCase() === key.toLowerCase());
        return k ? { key: k } : NULL_OBJECT;
      },
      true,
    );
  }
  getCount(): FakeClientResult<number> {
    return queueResult(this, 'getCount', [], (_t, ax) => ax.data.custom.size);
  }
  deleteAll(): void {
    this._queueCall('deleteAll', [], (_t, ax) => ax.data.custom.clear());
  }
}

defineType<unknown>(FakeCustomPropertyCollection, {
  typeName: 'CustomPropertyCollection',
  scalars: {},
  items: (_t, ax, coll) => Array.from(ax.data.custom.keys()).map((k) => (coll as FakeCustomPropertyCollection)._prop(`getItem(${JSON.stringify(k)})`, () => ({ key: k }))),
});

export class FakeCustomProperty extends FakeClientObject {
  /** @internal */ readonly _lookup: (ax: ApplyContext, where: string) => KeyTarget | NullObject;
  constructor(parent: FakeClientObject, segment: string, lookup: (ax: ApplyContext, where: string) => KeyTarget | NullObject) {
    super(parent.context, parent, segment);
    this._lookup = lookup;
  }
  _resolveTarget(ax: ApplyContext): KeyTarget | NullObject {
    const t = this._lookup(ax, 'CustomProperty');
    if (t !== NULL_OBJECT && !ax.data.custom.has(t.key)) throw itemNotFound(`no custom property ${t.key}`, 'CustomProperty');
    return t;
  }
  delete(): void {
    this._queueCall<KeyTarget>('delete', [], (t, ax) => {
      ax.data.custom.delete(t.key);
    });
  }
}

defineType<KeyTarget>(FakeCustomProperty, {
  typeName: 'CustomProperty',
  scalars: {
    key: { readOnly: true, read: (t) => t.key },
    type: { readOnly: true, read: (t, ax) => ax.data.custom.get(t.key)?.type },
    value: {
      read: (t, ax) => ax.data.custom.get(t.key)?.value,
      write: (t, v, ax) => {
        ax.data.custom.set(t.key, { type: propertyType(v), value: v instanceof Date ? v.toISOString() : v });
      },
    },
  },
});

// ---- settings --------------------------------------------------------------------------------------

export class FakeSettingCollection extends FakeCollection<FakeSetting> {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'settings');
  }
  _resolveTarget(): unknown {
    return ROOT;
  }
  /** @internal */
  _setting(segment: string, lookup: (ax: ApplyContext) => KeyTarget | NullObject, nullable = false): FakeSetting {
    const s = new FakeSetting(this, segment, lookup);
    if (nullable) s._queueInstantiate();
    return s;
  }
  add(key: string, value: unknown): FakeSetting {
    this._api('SettingCollection.add', '1.4');
    const s = this._setting(`getItem(${JSON.stringify(key)})`, () => ({ key }));
    this._queueCall('add', [key, value], (_t, ax, where) => {
      if (typeof key !== 'string' || key.length === 0) throw invalidArgument('key', where);
      ax.data.settings.set(key, JSON.parse(JSON.stringify(value ?? null)) as unknown);
      ax.bind(s, { key });
    });
    return s;
  }
  getItem(key: string): FakeSetting {
    return this._setting(`getItem(${JSON.stringify(key)})`, (ax) => {
      if (!ax.data.settings.has(key)) throw itemNotFound(`no setting ${key}`, 'SettingCollection.getItem');
      return { key };
    });
  }
  getItemOrNullObject(key: string): FakeSetting {
    return this._setting(`getItemOrNullObject(${JSON.stringify(key)})`, (ax) => (ax.data.settings.has(key) ? { key } : NULL_OBJECT), true);
  }
  getCount(): FakeClientResult<number> {
    return queueResult(this, 'getCount', [], (_t, ax) => ax.data.settings.size);
  }
}

defineType<unknown>(FakeSettingCollection, {
  typeName: 'SettingCollection',
  scalars: {},
  items: (_t, ax, coll) => Array.from(ax.data.settings.keys()).map((k) => (coll as FakeSettingCollection)._setting(`getItem(${JSON.stringify(k)})`, () => ({ key: k }))),
});

export class FakeSetting extends FakeClientObject {
  /** @internal */ readonly _lookup: (ax: ApplyContext) => KeyTarget | NullObject;
  constructor(parent: FakeClientObject, segment: string, lookup: (ax: ApplyContext) => KeyTarget | NullObject) {
    super(parent.context, parent, segment);
    this._lookup = lookup;
  }
  _resolveTarget(ax: ApplyContext): KeyTarget | NullObject {
    const t = this._lookup(ax);
    if (t !== NULL_OBJECT && !ax.data.settings.has(t.key)) throw itemNotFound(`no setting ${t.key}`, 'Setting');
    return t;
  }
  delete(): void {
    this._queueCall<KeyTarget>('delete', [], (t, ax) => {
      ax.data.settings.delete(t.key);
    });
  }
}

defineType<KeyTarget>(FakeSetting, {
  typeName: 'Setting',
  scalars: {
    key: { readOnly: true, read: (t) => t.key },
    value: {
      read: (t, ax) => deepClone(ax.data.settings.get(t.key)),
      write: (t, v, ax) => {
        ax.data.settings.set(t.key, JSON.parse(JSON.stringify(v ?? null)) as unknown);
      },
    },
  },
});
