/**
 * What a request and its response weigh on the wire, as office.js frames them. Excel on the web
 * refuses a request or a response over 5 MB, so the in-memory Excel prices each request as the body
 * office.js would send for the same queue (ClientRequestBase.buildRequestMessageBodyAndRequestFlags in
 * @microsoft/office-js/dist/excel-web-16.00.debug.js):
 *
 *   {"Actions":[…],"ObjectPaths":{"<id>":{…},…}}
 *
 *  - every object path the request uses — the object an action is on, its parents up to the
 *    workbook, object arguments — is sent ONCE per request in ObjectPaths, referring to its parent by
 *    id, and instantiated by an action of its own (ensureInstantiateObjectPath): a long chain of calls
 *    on one range costs its path once, not once per call;
 *  - a proxy also gets an instantiate action in the request pending when it is CREATED (the
 *    ClientObject constructor calls createInstantiateAction), used or not;
 *  - a property set is an action {"Id","ActionType":4,"Name","ObjectPathId","ArgumentInfo":{"Arguments":[value]}},
 *    a method call ActionType 3 with its arguments, a load ActionType 2 with its QueryInfo;
 *  - object arguments are sent as their path's id (ReferencedObjectPathIds);
 *  - each path's id is listed once more, in "L":[…] on the last action that uses it (early dispose).
 * Ids are numbers drawn from one counter per context, as office.js's _nextId(), so they grow longer
 * as a long run goes on. Names are sent in PascalCase ("GetRange", "Values"): the same length.
 *
 * A response is priced as {"Results":[{"ActionId":<id>,"Value":<what was read>},…]}: the values a
 * load returns, as JSON (an empty cell is "", see WorkbookState._value), once per load or ClientResult.
 */

import { utf8Length } from './stats';

/** What the model reads of a proxy (FakeClientObject implements it). */
export interface WirePath {
  readonly _parent: WirePath | null;
  /** "getRange(\"A1\")", "format", "getIntersection(...)" (arguments elided: see _pathArgs) */
  readonly _segment: string;
  /** office.js's objectPathInfo.Id */
  readonly _id: number;
  /** the path's real arguments when _segment does not spell them out */
  readonly _pathArgs?: unknown[];
}

/** What the model reads of a queued operation. */
export interface WireOp {
  kind: 'set' | 'call' | 'load' | 'instantiate';
  id: number;
  obj: WirePath;
  name: string;
  args: unknown[];
}

/** The body's own frame (AutoKeepReference is left out: office.js sets it only with tracked objects). */
const BODY = utf8Length('{"Actions":[],"ObjectPaths":{}}');

/** JSON of office.js's ArgumentInfo.Arguments: object arguments become their path's id. */
function argumentsJson(args: readonly unknown[], isPath: (v: unknown) => v is WirePath, refs: WirePath[]): { json: string; referenced: boolean } {
  let referenced = false;
  const replace = (v: unknown, top: boolean): unknown => {
    if (isPath(v)) {
      refs.push(v);
      referenced = true;
      // Top-level and array arguments are replaced by the id, properties of plain objects by {_ObjectPathId}.
      return top ? v._id : { _ObjectPathId: v._id };
    }
    if (Array.isArray(v)) return v.map((x) => replace(x, top));
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = replace(x, false);
      return out;
    }
    return v;
  };
  const json = JSON.stringify(args.map((a) => replace(a, true))) ?? '[]';
  return { json, referenced };
}

/** The query option office.js builds from load()'s argument (ClientRequestContextBase._parseQueryOption). */
export function queryInfoJson(option: unknown): string {
  if (option === undefined || option === null) return '{}';
  // office.js sends a collection's "items/name" as "name".
  const split = (s: string) => s.split(',').map((p) => p.trim().replace(/^items\//i, '')).filter((p) => p.length > 0);
  if (typeof option === 'string') return JSON.stringify({ Select: split(option) });
  if (Array.isArray(option)) return JSON.stringify({ Select: option });
  if (typeof option === 'object') {
    const o = option as Record<string, unknown>;
    if ('select' in o || 'expand' in o || 'top' in o || 'skip' in o) {
      const q: Record<string, unknown> = {};
      if (o.select !== undefined) q.Select = typeof o.select === 'string' ? split(o.select) : o.select;
      if (o.expand !== undefined) q.Expand = typeof o.expand === 'string' ? split(o.expand) : o.expand;
      if (typeof o.top === 'number') q.Top = o.top;
      if (typeof o.skip === 'number') q.Skip = o.skip;
      return JSON.stringify(q);
    }
    // A strict option ({values: true, format: {fill: {color: true}}}) becomes Select paths.
    const select: string[] = [];
    const walk = (x: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(x)) {
        const p = prefix ? `${prefix}/${k}` : k;
        if (v === true) select.push(p);
        else if (v && typeof v === 'object') walk(v as Record<string, unknown>, p);
      }
    };
    walk(o, '');
    return JSON.stringify({ Select: select });
  }
  return '{}';
}

/** An action of the request body, for the "L" lists (what it references, parents and arguments included). */
interface Act {
  path: WirePath;
  args: WirePath[];
}

/**
 * Body size of one request: `ops` queued since the last sync, `created` the proxies created since
 * then (each instantiated where it was created), `nextId` office.js's id counter for the actions
 * this adds (instantiations), `isPath` tells a proxy among arguments.
 */
export function requestBytes(
  ops: readonly WireOp[],
  created: readonly WirePath[],
  nextId: () => number,
  isPath: (v: unknown) => v is WirePath,
): number {
  const sent = new Map<WirePath, WirePath[]>(); // path -> the paths among its arguments
  const acts: Act[] = [];
  let bytes = BODY;
  const path = (p: WirePath | null): void => {
    if (!p || sent.has(p)) return;
    const refs: WirePath[] = [];
    sent.set(p, refs);
    path(p._parent);
    const id = p._id;
    let info: string;
    const open = p._segment.indexOf('(');
    if (!p._parent) {
      info = `{"Id":${id},"ObjectPathType":1,"Name":""}`;
    } else if (open < 0) {
      // A navigation property (range.format, workbook.worksheets).
      info = `{"Id":${id},"ObjectPathType":4,"Name":"${p._segment}","ParentObjectPathId":${p._parent._id}}`;
    } else {
      const name = p._segment.slice(0, open);
      let args: string;
      let referenced = false;
      if (p._pathArgs) ({ json: args, referenced } = argumentsJson(p._pathArgs, isPath, refs));
      else args = `[${p._segment.slice(open + 1, -1)}]`;
      info = `{"Id":${id},"ObjectPathType":3,"Name":"${name}","ParentObjectPathId":${p._parent._id},"ArgumentInfo":{"Arguments":${args}${
        referenced ? `,"ReferencedObjectPathIds":${JSON.stringify(refs.map((r) => r._id))}` : ''
      }}}`;
    }
    for (const r of refs) path(r);
    // "<id>":{…} in ObjectPaths, and {"Id":…,"ActionType":1,"Name":"","ObjectPathId":<id>} in Actions.
    bytes += utf8Length(`"${id}":`) + utf8Length(info);
    bytes += utf8Length(`{"Id":${nextId()},"ActionType":1,"Name":"","ObjectPathId":${id}}`);
    acts.push({ path: p, args: [] });
  };
  const op = (o: WireOp): void => {
    path(o.obj);
    // The fake's explicit instantiation of an *OrNullObject proxy is office.js's constructor one.
    if (o.kind === 'instantiate') return;
    const head = `{"Id":${o.id},"ActionType":`;
    const refs: WirePath[] = [];
    if (o.kind === 'load') {
      bytes += utf8Length(head) + utf8Length(`2,"Name":"","ObjectPathId":${o.obj._id},"QueryInfo":}`) + utf8Length(queryInfoJson(o.args[0]));
    } else {
      const { json, referenced } = argumentsJson(o.args, isPath, refs);
      for (const r of refs) path(r);
      bytes += utf8Length(head) + utf8Length(`${o.kind === 'set' ? 4 : 3},"Name":"${o.name}","ObjectPathId":${o.obj._id},"ArgumentInfo":{"Arguments":}}`) + utf8Length(json);
      if (referenced) bytes += utf8Length(`,"ReferencedObjectPathIds":${JSON.stringify(refs.map((r) => r._id))}`);
    }
    acts.push({ path: o.obj, args: refs });
  };
  // In the order office.js would have queued them: a proxy is instantiated when it is created, and
  // ids come from one counter, so merging by id replays the batch.
  let i = 0;
  let j = 0;
  while (i < created.length || j < ops.length) {
    if (j >= ops.length || (i < created.length && created[i]._id < ops[j].id)) path(created[i++]);
    else op(ops[j++]);
  }
  // Commas between actions and between object paths.
  bytes += Math.max(0, acts.length - 1) + Math.max(0, sent.size - 1);
  return bytes + lastUsedBytes(acts, sent);
}

/**
 * office.js's early dispose (ClientRequestBase._calculateLastUsedObjectPathIds): each path's id is
 * listed once, in "L":[…] on the last action that uses it (on itself, a child or as an argument).
 */
function lastUsedBytes(acts: readonly Act[], argsOf: ReadonlyMap<WirePath, WirePath[]>): number {
  const done = new Set<WirePath>();
  let bytes = 0;
  const mark = (p: WirePath | null): number => {
    let n = 0;
    for (let x = p; x && !done.has(x); x = x._parent) {
      done.add(x);
      bytes += utf8Length(String(x._id));
      n++;
      for (const a of argsOf.get(x) ?? []) n += mark(a);
    }
    return n;
  };
  for (let k = acts.length - 1; k >= 0; k--) {
    let n = mark(acts[k].path);
    for (const a of acts[k].args) n += mark(a);
    if (n) bytes += n - 1 + utf8Length(',"L":[]');
  }
  return bytes;
}

/** `{"Results":[]}` around a response's results. */
export const RESPONSE_FRAME = utf8Length('{"Results":[]}');

/** One result in a response: {"ActionId":<id>,"Value":<json>} and its comma. */
export function resultBytes(actionId: number, valueJson: string): number {
  return utf8Length(`{"ActionId":${actionId},"Value":},`) + utf8Length(valueJson);
}
