/**
 * Excel.TableCollection / Excel.Table (basic): add over existing values (header row turned into
 * unique text headers, blank → "Column1"…), name/style/banding, header/body/total ranges, delete,
 * convertToRange. Tables may not overlap other tables or merged cells; a protected sheet refuses
 * them. `hasHeaders: false` (Excel inserts a header row) is not modelled.
 */

import { Rect, rect, rectIntersect } from './address';
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
import { ErrorCodes, FakeNotImplementedError, Messages, err, invalidArgument, invalidOperation, itemNotFound } from './errors';
import { validateDefinedName } from './names';
import { FakeRange, RangeTarget, notImplemented, resolveAddressOnSheet, resolveWorkbookAddress } from './range';
import { SheetData, TableData, WorkbookState } from './workbook-state';
import { FakeWorksheet, SheetTarget, registerWorksheetNavs } from './worksheet';

interface TableTarget {
  sheetId: string;
  tableId: string;
}

function allTables(state: WorkbookState): Array<{ sheet: SheetData; table: TableData }> {
  return state.data.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

function findTable(state: WorkbookState, key: string): { sheet: SheetData; table: TableData } | undefined {
  const lower = key.toLowerCase();
  return allTables(state).find(({ table }) => table.id === key || table.name.toLowerCase() === lower);
}

function tableData(ax: ApplyContext, t: TableTarget, where: string): { sheet: SheetData; table: TableData } {
  const sheet = ax.state._sheetById(t.sheetId, where);
  const table = sheet.tables.find((x) => x.id === t.tableId);
  if (!table) throw itemNotFound('the table no longer exists', where);
  return { sheet, table };
}

function nameTaken(state: WorkbookState, name: string, exceptId?: string): boolean {
  const lower = name.toLowerCase();
  return (
    allTables(state).some(({ table }) => table.id !== exceptId && table.name.toLowerCase() === lower) ||
    state.data.names.some((n) => n.name.toLowerCase() === lower) ||
    state.data.sheets.some((s) => s.names.some((n) => n.name.toLowerCase() === lower))
  );
}

type Scope = { sheetId: string | null };

export class FakeTableCollection extends FakeCollection<FakeTable> {
  /** @internal */ readonly _sheet: FakeWorksheet | null;

  constructor(parent: FakeClientObject, sheet: FakeWorksheet | null) {
    super(parent.context, parent, 'tables');
    this._sheet = sheet;
  }

  _resolveTarget(ax: ApplyContext): Scope | NullObject {
    if (!this._sheet) return { sheetId: null };
    const t = ax.resolve<SheetTarget>(this._sheet);
    return t === NULL_OBJECT ? NULL_OBJECT : { sheetId: t.sheetId };
  }

  /** @internal */
  _table(segment: string, lookup: (scope: Scope, ax: ApplyContext, where: string) => TableTarget | NullObject, nullable = false): FakeTable {
    const where = `TableCollection.${segment.split('(')[0]}`;
    const tb = new FakeTable(this, segment, (ax) => {
      const scope = ax.resolve<Scope>(this);
      if (scope === NULL_OBJECT) return NULL_OBJECT;
      return lookup(scope, ax, where);
    });
    if (nullable) tb._queueInstantiate();
    return tb;
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    const table = this._table(`add(...)`, () => {
      throw err(ErrorCodes.invalidObjectPath, Messages.invalidObjectPath(table._path()), 'TableCollection.add');
    });
    table._pathArgs = [address, hasHeaders];
    this._queueCall<Scope>('add', [address, hasHeaders], (scope, ax, where) => {
      let target: RangeTarget;
      if (address instanceof FakeRange) {
        const t = ax.resolve<RangeTarget>(address);
        if (t === NULL_OBJECT) throw invalidArgument('address is a null range', where);
        target = t;
      } else if (typeof address === 'string') {
        if (scope.sheetId) {
          const sheet = ax.state._sheetById(scope.sheetId, where);
          target = { sheetId: sheet.id, rect: resolveAddressOnSheet(ax.state, sheet, address, where) };
        } else target = resolveWorkbookAddress(ax.state, address, where);
      } else throw invalidArgument('address', where);
      if (scope.sheetId && target.sheetId !== scope.sheetId) throw invalidArgument('the range is on another worksheet', where);
      if (hasHeaders !== true) throw new FakeNotImplementedError('TableCollection.add(address, hasHeaders=false)');
      const sheet = ax.state._sheetById(target.sheetId, where);
      ax.state._assertUnprotected(sheet, where);
      let x: Rect = { ...target.rect };
      if (x.rows === 1) x = { ...x, rows: 2 };
      if (sheet.tables.some((tb) => rectIntersect(tb.rect, x))) throw invalidArgument('A table cannot overlap another table.', where);
      if (sheet.merges.some((m) => rectIntersect(m, x))) throw invalidOperation('A table cannot overlap merged cells.', where);
      // header row: unique text, blanks become ColumnN
      const used = new Set<string>();
      const headers: string[] = [];
      for (let j = 0; j < x.cols; j++) {
        const v = ax.state._value(sheet, x.r, x.c + j);
        let h = v === '' || v === null ? `Column${j + 1}` : String(v);
        if (used.has(h.toLowerCase())) {
          let k = 2;
          while (used.has(`${h}${k}`.toLowerCase())) k++;
          h = `${h}${k}`;
        }
        used.add(h.toLowerCase());
        headers.push(h);
      }
      ax.state._applyInputs(sheet, rect(x.r, x.c, 1, x.cols), (_r, c) => ({ kind: 'value', value: headers[c - x.c] }), 'addin');
      let n = 1;
      while (nameTaken(ax.state, `Table${n}`)) n++;
      const data: TableData = {
        id: ax.state._newId('table'),
        name: `Table${n}`,
        rect: x,
        showHeaders: true,
        showTotals: false,
        style: 'TableStyleMedium2',
        showBandedRows: true,
        showBandedColumns: false,
        showFilterButton: true,
        highlightFirstColumn: false,
        highlightLastColumn: false,
      };
      sheet.tables.push(data);
      ax.bind(table, { sheetId: sheet.id, tableId: data.id });
    });
    return table;
  }

  getItem(key: string): FakeTable {
    return this._table(`getItem(${JSON.stringify(key)})`, (scope, ax, where) => {
      const hit = findTable(ax.state, key);
      if (!hit || (scope.sheetId && hit.sheet.id !== scope.sheetId)) throw itemNotFound(`no table ${JSON.stringify(key)}`, where);
      return { sheetId: hit.sheet.id, tableId: hit.table.id };
    });
  }

  getItemOrNullObject(key: string): FakeTable {
    this._api('TableCollection.getItemOrNullObject', '1.4');
    return this._table(
      `getItemOrNullObject(${JSON.stringify(key)})`,
      (scope, ax) => {
        const hit = findTable(ax.state, key);
        return !hit || (scope.sheetId && hit.sheet.id !== scope.sheetId) ? NULL_OBJECT : { sheetId: hit.sheet.id, tableId: hit.table.id };
      },
      true,
    );
  }

  getItemAt(index: number): FakeTable {
    return this._table(`getItemAt(${index})`, (scope, ax, where) => {
      const list = allTables(ax.state).filter(({ sheet }) => !scope.sheetId || sheet.id === scope.sheetId);
      const hit = list[index];
      if (!hit) throw itemNotFound(`no table at ${index}`, where);
      return { sheetId: hit.sheet.id, tableId: hit.table.id };
    });
  }

  getCount(): FakeClientResult<number> {
    this._api('TableCollection.getCount', '1.4');
    return queueResult<Scope, number>(this, 'getCount', [], (scope, ax) => allTables(ax.state).filter(({ sheet }) => !scope.sheetId || sheet.id === scope.sheetId).length);
  }
}

defineType<Scope>(FakeTableCollection, {
  typeName: 'TableCollection',
  scalars: {
    count: { readOnly: true, read: (scope, ax) => allTables(ax.state).filter(({ sheet }) => !scope.sheetId || sheet.id === scope.sheetId).length },
  },
  items: (scope, ax, coll) =>
    allTables(ax.state)
      .filter(({ sheet }) => !scope.sheetId || sheet.id === scope.sheetId)
      .map(({ sheet, table }) => {
        const tb = (coll as FakeTableCollection)._table(`getItem(${JSON.stringify(table.name)})`, () => ({ sheetId: sheet.id, tableId: table.id }));
        tb._bound = { sheetId: sheet.id, tableId: table.id };
        return tb;
      }),
});

export class FakeTable extends FakeBoundItem<TableTarget> {
  protected _checkExists(ax: ApplyContext, t: TableTarget): void {
    tableData(ax, t, 'Table');
  }

  private _part(segment: string, pick: (tb: TableData, where: string) => Rect): FakeRange {
    return new FakeRange(this, segment, (ax) => {
      const t = ax.resolve<TableTarget>(this);
      if (t === NULL_OBJECT) return NULL_OBJECT;
      const where = `Table.${segment.split('(')[0]}`;
      const { table } = tableData(ax, t, where);
      return { sheetId: t.sheetId, rect: pick(table, where) };
    });
  }

  getRange(): FakeRange {
    return this._part('getRange()', (tb) => ({ ...tb.rect }));
  }

  getHeaderRowRange(): FakeRange {
    return this._part('getHeaderRowRange()', (tb, where) => {
      if (!tb.showHeaders) throw itemNotFound('the table has no header row', where);
      return rect(tb.rect.r, tb.rect.c, 1, tb.rect.cols);
    });
  }

  getDataBodyRange(): FakeRange {
    return this._part('getDataBodyRange()', (tb) => {
      const top = tb.showHeaders ? 1 : 0;
      const bottom = tb.showTotals ? 1 : 0;
      return rect(tb.rect.r + top, tb.rect.c, Math.max(1, tb.rect.rows - top - bottom), tb.rect.cols);
    });
  }

  getTotalRowRange(): FakeRange {
    return this._part('getTotalRowRange()', (tb, where) => {
      if (!tb.showTotals) throw itemNotFound('the table has no total row', where);
      return rect(tb.rect.r + tb.rect.rows - 1, tb.rect.c, 1, tb.rect.cols);
    });
  }

  delete(): void {
    this._queueCall<TableTarget>('delete', [], (t, ax, where) => {
      const { sheet, table } = tableData(ax, t, where);
      ax.state._assertUnprotected(sheet, where);
      ax.state._forEachCellIn(sheet, table.rect, (r, c, cell) => {
        delete cell.v;
        delete cell.f;
        delete cell.e;
        delete cell.cv;
        ax.state._gc(sheet, r, c);
      });
      sheet.tables = sheet.tables.filter((x) => x.id !== table.id);
    });
  }

  convertToRange(): FakeRange {
    this._api('Table.convertToRange', '1.2');
    const range = new FakeRange(this, 'convertToRange()', () => {
      throw err(ErrorCodes.invalidObjectPath, Messages.invalidObjectPath(range._path()), 'Table.convertToRange');
    });
    this._queueCall<TableTarget>('convertToRange', [], (t, ax, where) => {
      const { sheet, table } = tableData(ax, t, where);
      ax.state._assertUnprotected(sheet, where);
      sheet.tables = sheet.tables.filter((x) => x.id !== table.id);
      ax.bind(range, { sheetId: sheet.id, rect: { ...table.rect } });
    });
    return range;
  }
}

function tableBool(key: 'showHeaders' | 'showTotals' | 'showBandedRows' | 'showBandedColumns' | 'showFilterButton' | 'highlightFirstColumn' | 'highlightLastColumn', api?: string) {
  return {
    api,
    read: (t: TableTarget, ax: ApplyContext) => tableData(ax, t, `Table.${key}`).table[key],
    write: (t: TableTarget, v: unknown, ax: ApplyContext, where: string) => {
      if (typeof v !== 'boolean') throw invalidArgument(key, where);
      const { sheet, table } = tableData(ax, t, where);
      ax.state._assertUnprotected(sheet, where);
      if (key === 'showTotals' && v !== table.showTotals) table.rect = { ...table.rect, rows: table.rect.rows + (v ? 1 : -1) };
      table[key] = v;
    },
  };
}

defineType<TableTarget>(FakeTable, {
  typeName: 'Table',
  scalars: {
    id: { readOnly: true, read: (t) => t.tableId },
    legacyId: { readOnly: true, api: '1.8', read: (t) => t.tableId.replace(/\D/g, '') },
    name: {
      read: (t, ax) => tableData(ax, t, 'Table.name').table.name,
      write: (t, v, ax, where) => {
        const name = validateDefinedName(v, where);
        const { table } = tableData(ax, t, where);
        if (nameTaken(ax.state, name, table.id)) throw err(ErrorCodes.itemAlreadyExists, Messages.itemAlreadyExists, where);
        table.name = name;
      },
    },
    style: {
      read: (t, ax) => tableData(ax, t, 'Table.style').table.style,
      write: (t, v, ax, where) => {
        if (typeof v !== 'string' || !/^TableStyle(Light|Medium|Dark)\d+$|^$/.test(v)) throw invalidArgument(`table style ${JSON.stringify(v)}`, where);
        tableData(ax, t, where).table.style = v;
      },
    },
    showHeaders: tableBool('showHeaders'),
    showTotals: tableBool('showTotals'),
    showBandedRows: tableBool('showBandedRows', '1.3'),
    showBandedColumns: tableBool('showBandedColumns', '1.3'),
    showFilterButton: tableBool('showFilterButton', '1.3'),
    highlightFirstColumn: tableBool('highlightFirstColumn', '1.3'),
    highlightLastColumn: tableBool('highlightLastColumn', '1.3'),
  },
  navs: {
    worksheet: {
      api: '1.2',
      create: (p) =>
        new FakeWorksheet(p, 'worksheet', (ax) => {
          const t = ax.resolve<TableTarget>(p);
          return t === NULL_OBJECT ? NULL_OBJECT : { sheetId: t.sheetId };
        }),
    },
  },
});

notImplemented(FakeTable, 'Table', ['clearFilters', 'reapplyFilters', 'resize']);
for (const prop of ['columns', 'rows', 'sort', 'autoFilter']) {
  Object.defineProperty(FakeTable.prototype, prop, {
    configurable: true,
    get() {
      throw new FakeNotImplementedError(`Table.${prop}`);
    },
  });
}

registerWorksheetNavs({ tables: (ws) => new FakeTableCollection(ws, ws) });
