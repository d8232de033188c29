/**
 * The queue/proxy core, modelled on office.js (OfficeExtension.ClientRequestContext/ClientObject):
 *
 *  - a proxy property set or method call QUEUES an operation; nothing reaches the workbook until
 *    `context.sync()`, which applies the queue in order;
 *  - reading a scalar property that was neither loaded-and-synced nor set locally throws
 *    PropertyNotLoaded (office.js keeps a locally SET value readable, and so does the fake);
 *  - a sync applies all or nothing by default (stricter than Excel); with `partialApply` a failing
 *    request keeps every operation before the failing one, as Excel does;
 *  - request size (the body office.js would send for the queue, see wire.ts) and response size/cells
 *    are checked against the Excel-on-the-web limits before/after applying;
 *  - members guarded by office.js with `_throwIfApiNotSupported` throw ApiNotFound synchronously
 *    when the configured requirement set is too low;
 *  - after Excel.run finishes, its proxies are invalid (InvalidObjectPath on use), and a proxy
 *    used with another context throws InvalidRequestContext.
 */

import {
  ErrorCodes,
  FakeNotImplementedError,
  FakeOfficeError,
  Messages,
  err,
  invalidArgument,
  propertyNotLoaded,
} from './errors';
import { REAL_MEMBERS } from './real-members';
import { FakeStats, RequestLogEntry } from './stats';
import { RESPONSE_FRAME, requestBytes, resultBytes } from './wire';
import { WorkbookData, WorkbookState } from './workbook-state';

export const NULL_OBJECT: unique symbol = Symbol('FakeExcel.nullObject');
export type NullObject = typeof NULL_OBJECT;

export interface Limits {
  /** request payload limit in bytes (Excel on the web: 5 MB) */
  requestBytes: number;
  /** response payload limit in bytes (Excel on the web: 5 MB) */
  responseBytes: number;
  /** cells that one response may carry (5,000,000) */
  responseCells: number;
}

export const WEB_LIMITS: Limits = {
  requestBytes: 5 * 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  responseCells: 5_000_000,
};

export interface SyncHookInfo {
  /** 1-based request number about to be applied */
  request: number;
  state: WorkbookState;
}

/**
 * Where Excel is less kind than the fake's defaults, or differs between builds (createFakeExcel's
 * options of the same names; see the README's Semantics).
 */
export interface ExcelBehaviour {
  /** a failing request keeps the operations before the failing one, as Excel does (default false: all or nothing) */
  partialApply: boolean;
  /** WorksheetProtection.unprotect on a sheet that is not protected (default 'AccessDenied', as 2026 builds; 'ignore': older builds) */
  unprotectUnprotected: 'ignore' | 'AccessDenied' | 'InvalidOperation';
  /** the code of unprotect with a missing or wrong password (default 'BadPassword'; 'InvalidArgument': older builds) */
  wrongPasswordCode: 'BadPassword' | 'InvalidArgument';
  /**
   * office-js #762 (default true, as Excel does): unprotect given a password on a sheet that has none
   * makes later protect calls on that sheet ignore their password.
   */
  passwordLatch: boolean;
  /** office-js #6405 (Excel on the web; default false): merging an area drops the fill set on it before */
  mergeClearsFill: boolean;
  /**
   * Worksheet.copy (default 'copies'); 'GeneralException': every copy fails, as on a host or build
   * where it cannot (an add-in must then write the sheet itself).
   */
  worksheetCopy: 'copies' | 'GeneralException';
}

export const DEFAULT_BEHAVIOUR: ExcelBehaviour = {
  partialApply: false,
  unprotectUnprotected: 'AccessDenied',
  wrongPasswordCode: 'BadPassword',
  passwordLatch: true,
  mergeClearsFill: false,
  worksheetCopy: 'copies',
};

/**
 * Another workbook gaining focus: after `afterOperations` more write operations are applied, every
 * write fails with InactiveWorkbook until the workbook is focused again.
 */
export interface FocusState {
  active: boolean;
  /** writes left before focus is lost (undefined: not scheduled) */
  countdown: number | undefined;
}

/** Everything the proxies need from the fake host. */
export interface FakeHost {
  readonly state: WorkbookState;
  readonly stats: FakeStats;
  limits: Limits;
  behaviour: ExcelBehaviour;
  focus: FocusState;
  latencyMs: number;
  isSetSupported(name: string, version?: string): boolean;
  /** called right before a request is applied (simulate a co-author typing during the round trip) */
  onBeforeSync: ((info: SyncHookInfo) => void) | undefined;
  /** creates context.workbook (kept out of core to avoid import cycles) */
  createWorkbook(ctx: FakeRequestContext): FakeClientObject;
}

// ---- specs -----------------------------------------------------------------------------------

export interface ScalarSpec<T> {
  readOnly?: boolean;
  /** ExcelApi version office.js checks when the property is READ */
  api?: string;
  read(target: T, ax: ApplyContext): unknown;
  write?(target: T, value: unknown, ax: ApplyContext, where: string): void;
  /** cells this property puts in a response (values, formulas, text, …) */
  cells?(target: T): number;
}

export interface NavSpec {
  /** ExcelApi version office.js checks when the navigation property is accessed */
  api?: string;
  create(parent: FakeClientObject): FakeClientObject;
}

export interface TypeSpec<T> {
  typeName: string;
  scalars: Record<string, ScalarSpec<T>>;
  navs?: Record<string, NavSpec>;
  /** collections: proxies for the current members, in order */
  items?(target: T, ax: ApplyContext, collection: FakeClientObject): FakeClientObject[];
}

type AnySpec = TypeSpec<unknown>;

interface LoadTree {
  s: Record<string, unknown>;
  n: Record<string, LoadTree | null>;
  i?: Array<{ p: FakeClientObject; t: LoadTree | null }>;
}

/** A load's result as Excel sends it: the properties read, navigations nested, collection members in _Items. */
function responseValue(tree: LoadTree | null): unknown {
  if (tree === null) return null;
  const out: Record<string, unknown> = { ...tree.s };
  for (const [k, sub] of Object.entries(tree.n)) out[k] = responseValue(sub);
  if (tree.i) out._Items = tree.i.map((x) => responseValue(x.t));
  return out;
}

// ---- apply context ----------------------------------------------------------------------------

/** Server-side state of one request being applied. */
export class ApplyContext {
  readonly after: Array<() => void> = [];
  responseBytes = 0;
  responseCells = 0;
  suspendedCalculation = false;
  suspendedScreenUpdating = false;
  /** office.js's id of the action being applied (a result in the response names it) */
  actionId = 0;
  private readonly resolved = new Map<FakeClientObject, unknown>();

  constructor(
    readonly state: WorkbookState,
    readonly host: FakeHost,
  ) {}

  /** resolves a proxy to its server-side target once per request (like object-path instantiation) */
  resolve<T>(obj: FakeClientObject): T | NullObject {
    if (this.resolved.has(obj)) return this.resolved.get(obj) as T | NullObject;
    const t = obj._resolveTarget(this);
    this.resolved.set(obj, t);
    this.after.push(() => obj._onResolved(t));
    return t as T | NullObject;
  }

  /** for objects created by a method (worksheets.add, conditionalFormats.add, …) */
  bind(obj: FakeClientObject, target: unknown): void {
    this.resolved.set(obj, target);
    this.after.push(() => obj._onResolved(target));
  }

  /** counts cells a response carries; fails before building an oversized response */
  addResponseCells(n: number): void {
    this.responseCells += n;
    if (this.responseCells > this.host.limits.responseCells) {
      throw err(
        ErrorCodes.responsePayloadSizeLimitExceeded,
        `${Messages.responsePayload} (the response would carry ${this.responseCells} cells; the limit is ${this.host.limits.responseCells})`,
        'context.sync',
      );
    }
  }

  /** adds the current action's result to the response: {"ActionId":…,"Value":<valueJson>} */
  addResult(valueJson: string): void {
    this.responseBytes += resultBytes(this.actionId, valueJson);
  }

  /** the data of the workbook (valid only during this request) */
  get data(): WorkbookData {
    return this.state.data;
  }
}

// ---- queued operations --------------------------------------------------------------------------

interface QueuedOp {
  kind: 'set' | 'call' | 'load' | 'instantiate';
  /** office.js's action id */
  id: number;
  obj: FakeClientObject;
  name: string;
  args: unknown[];
  mutates: boolean;
  exec(ax: ApplyContext): void;
}

function describeOp(op: QueuedOp): string {
  const path = op.obj._path();
  const s = `${op.kind} ${op.obj._typeName}.${op.name} @ ${path}`;
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}

function statementOf(op: QueuedOp): string {
  const path = op.obj._path();
  if (op.kind === 'set') return `${path}.${op.name} = ...;`;
  if (op.kind === 'load') return `${path}.load(${JSON.stringify(op.args[0] ?? '')});`;
  return `${path}.${op.name}(...);`;
}

// ---- request context --------------------------------------------------------------------------

/** Same surface as Excel.RequestContext for what adapters use. */
export class FakeRequestContext {
  /** @internal */ readonly _host: FakeHost;
  /** @internal */ _queue: QueuedOp[] = [];
  /** @internal */ _closed = false;
  /** @internal */ readonly _run: number;
  private _workbook: FakeClientObject | undefined;
  /** office.js's id counter (objectPathInfo.Id, actionInfo.Id): one per context */
  private _ids = 0;
  /** @internal proxies created since the last sync: office.js instantiates each in the pending request */
  _created: FakeClientObject[] = [];
  /** @internal true while a request is applied: proxies made then (collection items) cost no action */
  _processing = false;
  /** Excel.run tracks everything it creates until it ends, so these are no-ops here */
  readonly trackedObjects = {
    add: (obj: unknown): unknown => obj,
    remove: (obj: unknown): unknown => obj,
  };
  readonly requestHeaders: Record<string, string> = {};

  constructor(host: FakeHost) {
    this._host = host;
    this._run = host.stats.runs;
  }

  get workbook(): FakeClientObject {
    if (!this._workbook) this._workbook = this._host.createWorkbook(this);
    return this._workbook;
  }

  get application(): FakeClientObject {
    return (this.workbook as unknown as { application: FakeClientObject }).application;
  }

  load(obj: FakeClientObject, option?: unknown): void {
    if (!(obj instanceof FakeClientObject)) throw invalidArgument('context.load needs a proxy object');
    if (obj.context !== this) throw err(ErrorCodes.invalidRequestContext, Messages.invalidRequestContext);
    obj.load(option);
  }

  /** @internal */
  _nextId(): number {
    return ++this._ids;
  }

  /** @internal */
  _enqueue(op: QueuedOp): void {
    if (this._closed) {
      throw err(ErrorCodes.invalidObjectPath, Messages.invalidObjectPath(op.obj._path()), op.obj._path());
    }
    this._queue.push(op);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const host = this._host;
    host.stats.syncs += 1;
    const ops = this._queue;
    const created = this._created;
    this._queue = [];
    this._created = [];
    if (host.latencyMs > 0) await new Promise((r) => setTimeout(r, host.latencyMs));
    else await Promise.resolve();
    // (office.js would also send a request whose only actions instantiate new proxies; the fake
    // counts a request only when something was queued.)
    if (ops.length === 0) return passThroughValue as T;
    executeRequest(this, ops, created);
    return passThroughValue as T;
  }
}

function executeRequest(ctx: FakeRequestContext, ops: QueuedOp[], created: FakeClientObject[]): void {
  const host = ctx._host;
  const stats = host.stats;
  const bytes = requestBytes(ops, created, () => ctx._nextId(), (v): v is FakeClientObject => v instanceof FakeClientObject);
  stats.requests += 1;
  stats.operations += ops.length;
  stats.totalRequestBytes += bytes;
  stats.maxRequestBytes = Math.max(stats.maxRequestBytes, bytes);
  const entry: RequestLogEntry = {
    index: stats.requests,
    run: ctx._run,
    operations: ops.length,
    bytes,
    responseBytes: 0,
    responseCells: 0,
    ok: false,
    suspendedCalculation: false,
    suspendedScreenUpdating: false,
    summary: ops.slice(0, 50).map(describeOp).concat(ops.length > 50 ? [`… ${ops.length - 50} more`] : []),
  };
  stats.log.push(entry);
  const fail = (e: FakeOfficeError): never => {
    stats.failedRequests += 1;
    entry.errorCode = e.code;
    entry.errorMessage = e.message;
    throw e;
  };
  if (bytes > host.limits.requestBytes) {
    fail(err(ErrorCodes.requestPayloadSizeLimitExceeded, Messages.requestPayload, 'context.sync'));
  }
  host.onBeforeSync?.({ request: stats.requests, state: host.state });
  const state = host.state;
  const snapshot = ops.some((o) => o.mutates) && !host.behaviour.partialApply ? state._snapshot() : null;
  const ax = new ApplyContext(state, host);
  let current: QueuedOp | undefined;
  ctx._processing = true;
  try {
    for (const op of ops) {
      current = op;
      ax.actionId = op.id;
      if (op.mutates) checkFocus(host);
      op.exec(ax);
    }
    current = undefined;
    if (ax.responseBytes > 0) ax.responseBytes += RESPONSE_FRAME;
    if (ax.responseBytes > host.limits.responseBytes) {
      throw err(ErrorCodes.responsePayloadSizeLimitExceeded, Messages.responsePayload, 'context.sync');
    }
    if (ax.responseCells > host.limits.responseCells) {
      throw err(
        ErrorCodes.responsePayloadSizeLimitExceeded,
        `${Messages.responsePayload} (the response would carry ${ax.responseCells} cells; the limit is ${host.limits.responseCells})`,
        'context.sync',
      );
    }
  } catch (e) {
    ctx._processing = false;
    // Excel keeps what was applied before the failing operation; the fake by default keeps nothing.
    if (snapshot && !host.behaviour.partialApply) state._restore(snapshot);
    if (e instanceof FakeOfficeError) {
      const located = current ? e.withLocation(`${current.obj._typeName}.${current.name}`, statementOf(current)) : e;
      fail(located);
    }
    stats.failedRequests += 1;
    entry.errorCode = 'FakeInternal';
    entry.errorMessage = e instanceof Error ? e.message : String(e);
    throw e;
  }
  entry.ok = true;
  entry.responseBytes = ax.responseBytes;
  entry.responseCells = ax.responseCells;
  entry.suspendedCalculation = ax.suspendedCalculation;
  entry.suspendedScreenUpdating = ax.suspendedScreenUpdating;
  stats.totalResponseBytes += ax.responseBytes;
  stats.maxResponseBytes = Math.max(stats.maxResponseBytes, ax.responseBytes);
  try {
    for (const cb of ax.after) cb();
  } finally {
    ctx._processing = false;
  }
}

/** A write while another workbook has focus fails (InactiveWorkbook); a scheduled loss of focus counts down. */
function checkFocus(host: FakeHost): void {
  const f = host.focus;
  if (f.active && f.countdown !== undefined) {
    if (f.countdown <= 0) {
      f.active = false;
      f.countdown = undefined;
    } else f.countdown -= 1;
  }
  if (!f.active) throw err(ErrorCodes.inactiveWorkbook, Messages.inactiveWorkbook);
}

// ---- client objects -----------------------------------------------------------------------------

interface LoadOption {
  select?: string | string[];
  expand?: string | string[];
  top?: number;
  skip?: number;
}

function parseSelectString(s: string): string[] {
  return s
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => {
      const lower = p.toLowerCase();
      if (lower === 'items' || lower === 'items/') return '*';
      if (lower.startsWith('items/') || lower.startsWith('items.')) p = p.slice(6);
      return p.replace(/[/.]items[/.]/gi, '/').replace(/\./g, '/');
    });
}

function strictOptionToPaths(o: Record<string, unknown>, prefix: string, out: string[]): void {
  for (const [k, v] of Object.entries(o)) {
    if (k === '$all' && v === true) {
      out.push(prefix ? `${prefix}/*` : '*');
      continue;
    }
    if (k.startsWith('$')) continue;
    const path = prefix ? `${prefix}/${k}` : k;
    if (v === true) out.push(path);
    else if (v && typeof v === 'object') strictOptionToPaths(v as Record<string, unknown>, path, out);
  }
}

/** office.js's _parseQueryOption: string, string[], {select, expand}, or a strict {prop: true} object. */
export function parseLoadOption(option: unknown): string[] | null {
  if (option === undefined || option === null) return null;
  if (typeof option === 'string') return parseSelectString(option);
  if (Array.isArray(option)) return option.flatMap((x) => (typeof x === 'string' ? parseSelectString(x) : []));
  if (typeof option === 'object') {
    const o = option as LoadOption & Record<string, unknown>;
    if ('select' in o || 'expand' in o || 'top' in o || 'skip' in o) {
      const sel = o.select === undefined ? [] : typeof o.select === 'string' ? parseSelectString(o.select) : o.select;
      const exp = o.expand === undefined ? [] : typeof o.expand === 'string' ? parseSelectString(o.expand) : o.expand;
      const all = [...sel, ...exp.map((e) => `${e}/*`)];
      return all.length ? all : null;
    }
    const out: string[] = [];
    strictOptionToPaths(o, '', out);
    return out.length ? out : null;
  }
  throw invalidArgument('option');
}

export abstract class FakeClientObject {
  readonly context: FakeRequestContext;
  /** @internal */ readonly _parent: FakeClientObject | null;
  /** @internal */ readonly _segment: string;
  /** @internal */ readonly _values = new Map<string, unknown>();
  /** @internal */ readonly _children = new Map<string, FakeClientObject>();
  /** @internal */ _isNullState: boolean | undefined = undefined;
  /** @internal */ _items: FakeClientObject[] | undefined = undefined;
  /** @internal office.js's objectPathInfo.Id (the request body refers to the path by it) */
  readonly _id: number;
  /** @internal the path's arguments, for segments that elide them ("getIntersection(...)") */
  _pathArgs: unknown[] | undefined = undefined;
  /** @internal set by defineType */
  declare readonly _spec: AnySpec;

  constructor(context: FakeRequestContext, parent: FakeClientObject | null, segment: string) {
    this.context = context;
    this._parent = parent;
    this._segment = segment;
    this._id = context._nextId();
    // office.js's ClientObject constructor queues an action that instantiates the new proxy.
    if (!context._processing) context._created.push(this);
  }

  /** @internal e.g. "Range" */
  get _typeName(): string {
    return this._spec.typeName;
  }

  /** @internal server-side target (may be NULL_OBJECT); errors surface as Office errors at sync */
  abstract _resolveTarget(ax: ApplyContext): unknown;

  /** @internal called after a successful sync that resolved this proxy */
  _onResolved(target: unknown): void {
    this._isNullState = target === NULL_OBJECT;
  }

  /** @internal "workbook.worksheets.getItem(\"Plan\").getRange(\"A1\")" */
  _path(): string {
    return this._parent ? `${this._parent._path()}.${this._segment}` : this._segment;
  }

  get isNullObject(): boolean {
    if (this._isNullState === undefined) throw propertyNotLoaded(this._typeName, 'isNullObject');
    return this._isNullState;
  }

  /** Queues a load; returns the object itself like office.js. */
  load(option?: unknown): this {
    const selects = parseLoadOption(option);
    this._enqueue('load', 'load', [option ?? null], false, (ax) => {
      const tree = this._serverRead(ax, selects);
      ax.addResult(JSON.stringify(responseValue(tree)));
      ax.after.push(() => this._applyLoad(tree));
    });
    return this;
  }

  /** Sets several properties at once (office.js `set`): unknown → InvalidArgument, read-only → InvalidArgument. */
  set(properties: unknown, options?: { throwOnReadOnly?: boolean }): void {
    let input = properties;
    if (input instanceof FakeClientObject) {
      if (Object.getPrototypeOf(input) !== Object.getPrototypeOf(this)) throw invalidArgument('properties', `${this._typeName}.set`);
      input = input.toJSON();
    }
    if (!input || typeof input !== 'object') throw invalidArgument('properties', `${this._typeName}.set`);
    const spec = this._spec;
    const self = this as unknown as Record<string, unknown>;
    const throwOnReadOnly = options?.throwOnReadOnly ?? true;
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      if (value === undefined) continue;
      const sc = spec.scalars[key];
      if (sc) {
        if (sc.readOnly || !sc.write) {
          if (throwOnReadOnly) throw err(ErrorCodes.invalidArgument, Messages.cannotApplyThroughSet(key), key);
          continue;
        }
        self[key] = value;
        continue;
      }
      if (spec.navs?.[key]) {
        (self[key] as FakeClientObject).set(value, options);
        continue;
      }
      throw err(ErrorCodes.invalidArgument, Messages.propertyDoesNotExist(key), key);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this._values.forEach((v, k) => {
      out[k] = v;
    });
    this._children.forEach((child, k) => {
      const j = child.toJSON();
      if (j && Object.keys(j).length) out[k] = j;
    });
    if (this._items) out.items = this._items.map((i) => i.toJSON());
    return out;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  // ---- helpers for subclasses ----------------------------------------------------------------

  /** @internal */
  _enqueue(kind: QueuedOp['kind'], name: string, args: unknown[], mutates: boolean, exec: (ax: ApplyContext) => void): void {
    for (const a of args) {
      if (a instanceof FakeClientObject && a.context !== this.context) {
        throw err(ErrorCodes.invalidRequestContext, Messages.invalidRequestContext);
      }
    }
    this.context._enqueue({ kind, id: this.context._nextId(), obj: this, name, args, mutates, exec });
  }

  /** @internal queue a property write; the value stays readable locally, as in office.js */
  _queueSet(name: string, value: unknown): void {
    const sc = this._spec.scalars[name];
    const where = `${this._typeName}.${name}`;
    this._enqueue('set', name, [value], true, (ax) => {
      const t = ax.resolve(this);
      if (t === NULL_OBJECT) return; // writes to null objects are ignored, like Excel
      sc.write?.(t, value, ax, where);
    });
    this._values.set(name, value);
  }

  /** @internal queue a method call; exec receives the resolved target (skipped on null objects) */
  _queueCall<T>(name: string, args: unknown[], exec: (target: T, ax: ApplyContext, where: string) => void, mutates = true): void {
    const where = `${this._typeName}.${name}`;
    this._enqueue('call', name, args, mutates, (ax) => {
      const t = ax.resolve<T>(this);
      if (t === NULL_OBJECT) return;
      exec(t, ax, where);
    });
  }

  /** @internal *OrNullObject proxies are instantiated so that isNullObject is known after sync */
  _queueInstantiate(): void {
    this._enqueue('instantiate', 'instantiate', [], false, (ax) => {
      ax.resolve(this);
    });
  }

  /** @internal office.js's _throwIfApiNotSupported (synchronous ApiNotFound) */
  _api(member: string, version: string, set = 'ExcelApi'): void {
    if (!this.context._host.isSetSupported(set, version)) {
      throw err(ErrorCodes.apiNotFound, Messages.apiNotFound(member, `${set} ${version}`), member);
    }
  }

  /** @internal cached navigation child */
  _child<C extends FakeClientObject>(key: string, make: () => C): C {
    let c = this._children.get(key);
    if (!c) {
      c = make();
      this._children.set(key, c);
    }
    return c as C;
  }

  /** @internal resolve the parent, propagating null objects */
  _parentTarget<T>(ax: ApplyContext): T | NullObject {
    if (!this._parent) throw new Error('no parent');
    return ax.resolve<T>(this._parent);
  }

  /** @internal read for load(); null for null objects */
  _serverRead(ax: ApplyContext, selects: string[] | null): LoadTree | null {
    const t = ax.resolve(this);
    if (t === NULL_OBJECT) return null;
    const spec = this._spec;
    const tree: LoadTree = { s: {}, n: {} };
    if (spec.items) {
      const own: string[] = [];
      const forItems: string[] = [];
      for (const sel of selects ?? []) {
        const head = sel.split('/')[0];
        if (spec.scalars[head]) own.push(sel);
        else forItems.push(sel);
      }
      for (const name of own) this._readScalar(ax, t, name, tree);
      const items = spec.items(t, ax, this);
      tree.i = items.map((p) => ({ p, t: p._serverRead(ax, forItems.length ? forItems : null) }));
      return tree;
    }
    const scalarNames = Object.keys(spec.scalars);
    const wanted = selects && selects.length ? selects : ['*'];
    const navSelects = new Map<string, string[] | null>();
    for (const sel of wanted) {
      const [head, ...restParts] = sel.split('/');
      const rest = restParts.join('/');
      if (head === '*') {
        for (const n of scalarNames) if (!(n in tree.s)) this._readScalar(ax, t, n, tree);
        continue;
      }
      const name = scalarNames.find((n) => n === head) ?? scalarNames.find((n) => n.toLowerCase() === head.toLowerCase());
      if (name) {
        if (rest) throw invalidArgument(`'${head}' is not a navigation property of ${spec.typeName}`, `${spec.typeName}.load`);
        this._readScalar(ax, t, name, tree);
        continue;
      }
      const navName = Object.keys(spec.navs ?? {}).find((n) => n.toLowerCase() === head.toLowerCase());
      if (navName) {
        const prev = navSelects.get(navName);
        if (!rest) navSelects.set(navName, prev === undefined ? null : prev);
        else navSelects.set(navName, [...(prev ?? []), rest]);
        continue;
      }
      if (REAL_MEMBERS[spec.typeName]?.includes(head)) throw new FakeNotImplementedError(`${spec.typeName}.${head} (load)`);
      throw invalidArgument(`the property '${head}' does not exist on ${spec.typeName}`, `${spec.typeName}.load`);
    }
    const self = this as unknown as Record<string, FakeClientObject>;
    navSelects.forEach((sel, navName) => {
      tree.n[navName] = self[navName]._serverRead(ax, sel);
    });
    return tree;
  }

  private _readScalar(ax: ApplyContext, t: unknown, name: string, tree: LoadTree): void {
    const sc = this._spec.scalars[name];
    if (sc.cells) ax.addResponseCells(sc.cells(t));
    tree.s[name] = sc.read(t, ax);
  }

  /** @internal */
  _applyLoad(tree: LoadTree | null): void {
    if (tree === null) {
      this._isNullState = true;
      return;
    }
    this._isNullState = false;
    for (const [k, v] of Object.entries(tree.s)) this._values.set(k, v);
    const self = this as unknown as Record<string, FakeClientObject>;
    for (const [k, sub] of Object.entries(tree.n)) self[k]._applyLoad(sub);
    if (tree.i) {
      this._items = tree.i.map(({ p, t }) => {
        p._applyLoad(t);
        return p;
      });
    }
  }
}

/** Base for collections: `items` is readable only after load + sync. */
/**
 * An item of a collection that Excel tracks by identity once resolved (a named item, a table, a
 * conditional format): the first sync binds the proxy to its target, later syncs use the binding and
 * fail when the target is gone.
 */
export abstract class FakeBoundItem<T> extends FakeClientObject {
  /** @internal */ _bound: T | undefined;
  /** @internal */ readonly _resolver: (ax: ApplyContext) => T | NullObject;

  constructor(parent: FakeClientObject, segment: string, resolver: (ax: ApplyContext) => T | NullObject) {
    super(parent.context, parent, segment);
    this._resolver = resolver;
  }

  /** @internal throws (an Office error) when the bound target no longer exists */
  protected abstract _checkExists(ax: ApplyContext, target: T): void;

  _resolveTarget(ax: ApplyContext): T | NullObject {
    const t = this._bound ?? this._resolver(ax);
    if (t !== NULL_OBJECT) this._checkExists(ax, t as T);
    return t;
  }

  override _onResolved(target: unknown): void {
    super._onResolved(target);
    if (target !== NULL_OBJECT) this._bound = target as T;
  }
}

export abstract class FakeCollection<I extends FakeClientObject> extends FakeClientObject {
  get items(): I[] {
    if (this._items) return this._items as I[];
    if (this._isNullState === true) return [];
    throw propertyNotLoaded(this._typeName, 'items');
  }
}

/**
 * Installs getters/setters for a type's scalar and navigation properties on its prototype,
 * with office.js semantics (PropertyNotLoaded, ApiNotFound on get, queued set).
 */
export function defineType<T>(cls: abstract new (...args: never[]) => FakeClientObject, spec: TypeSpec<T>): void {
  const proto = cls.prototype as object;
  Object.defineProperty(proto, '_spec', { value: spec, enumerable: false, configurable: true });
  for (const [name, sc] of Object.entries(spec.scalars)) {
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get(this: FakeClientObject) {
        if (this._values.has(name)) {
          if (sc.api) this._api(`${spec.typeName}.${name}`, sc.api);
          return this._values.get(name);
        }
        if (this._isNullState === true) return undefined;
        throw propertyNotLoaded(spec.typeName, name);
      },
      set(this: FakeClientObject, value: unknown) {
        if (sc.readOnly || !sc.write) {
          throw new TypeError(`Cannot set property ${name} of #<${spec.typeName}> which has only a getter`);
        }
        this._queueSet(name, value);
      },
    });
  }
  for (const [name, nav] of Object.entries(spec.navs ?? {})) {
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get(this: FakeClientObject) {
        if (nav.api) this._api(`${spec.typeName}.${name}`, nav.api);
        return this._child(name, () => nav.create(this));
      },
    });
  }
  // every other member of the real class fails loudly instead of reading as undefined
  for (const name of REAL_MEMBERS[spec.typeName] ?? []) {
    if (name in proto) continue;
    const fail = (): never => {
      throw new FakeNotImplementedError(`${spec.typeName}.${name}`);
    };
    Object.defineProperty(proto, name, { configurable: true, enumerable: false, get: fail, set: fail });
  }
}

/** OfficeExtension.ClientResult: `value` readable only after sync. */
export class FakeClientResult<T> {
  /** @internal */ _loaded = false;
  /** @internal */ _value: T | undefined;

  get value(): T {
    if (!this._loaded) throw err(ErrorCodes.valueNotLoaded, Messages.valueNotLoaded, 'clientResult.value');
    return this._value as T;
  }

  toJSON(): unknown {
    return this._loaded ? this._value : undefined;
  }
}

/** Queues a read-only method whose answer arrives as a ClientResult. */
export function queueResult<T, R>(obj: FakeClientObject, name: string, args: unknown[], compute: (target: T, ax: ApplyContext) => R): FakeClientResult<R> {
  const result = new FakeClientResult<R>();
  obj._enqueue('call', name, args, false, (ax) => {
    const t = ax.resolve<T>(obj);
    const v = t === NULL_OBJECT ? (null as R) : compute(t, ax);
    ax.addResult(JSON.stringify(v) ?? 'null');
    ax.after.push(() => {
      result._value = v;
      result._loaded = true;
    });
  });
  return result;
}

/** Runs Excel.run's contract: batch must return a promise; final sync; proxies invalid afterwards. */
export async function runBatch<T>(host: FakeHost, args: unknown[]): Promise<T> {
  let batch: unknown;
  let reuse: FakeRequestContext | undefined;
  if (args.length === 1) batch = args[0];
  else if (args.length === 2) {
    batch = args[1];
    const first = args[0];
    const prev =
      first instanceof FakeClientObject
        ? first
        : Array.isArray(first) && first[0] instanceof FakeClientObject
          ? (first[0] as FakeClientObject)
          : first && typeof first === 'object' && 'previousObjects' in first
            ? ((first as { previousObjects: unknown }).previousObjects as FakeClientObject | FakeClientObject[] | undefined)
            : undefined;
    const prevObj = Array.isArray(prev) ? prev[0] : prev;
    if (prevObj instanceof FakeClientObject) reuse = prevObj.context;
  } else throw invalidArgument('Excel.run expects (batch) or (objects|options, batch)', 'Excel.run');
  if (typeof batch !== 'function') throw invalidArgument('batch must be a function', 'Excel.run');
  host.stats.runs += 1;
  const ctx = reuse ?? new FakeRequestContext(host);
  if (reuse) reuse._closed = false;
  try {
    const ret: unknown = (batch as (c: FakeRequestContext) => unknown)(ctx);
    if (!ret || typeof (ret as { then?: unknown }).then !== 'function') {
      throw err(ErrorCodes.runMustReturnPromise, Messages.runMustReturnPromise, 'Excel.run');
    }
    const result = (await ret) as T;
    await ctx.sync();
    return result;
  } finally {
    ctx._queue = [];
    ctx._closed = true;
  }
}
