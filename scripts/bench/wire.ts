/**
 * A second measure of request size, beside the in-memory Excel's own (the UTF-8 JSON of each queued
 * operation with its full object path as a string). office.js sends something else: a body
 * `{Actions:[…], ObjectPaths:{id:{…}}}` where each object path is sent once per request and refers to
 * its parent by id, and each path is instantiated by an action of its own (see ensureInstantiateObjectPath
 * and buildRequestMessageBodyAndRequestFlags in @microsoft/office-js). This models
 * that body from the same queue, so the benchmark can say how far the two measures are apart:
 * office.js costs more per small call, less for long chains of navigations.
 *
 * It wraps FakeRequestContext.prototype.sync (the in-memory Excel is not modified) and records, per
 * request that carries operations, the modelled body size.
 */
import { FakeRequestContext } from '../../test/fake-excel/core';

/** What the model reads of the in-memory Excel's queue (its internals, typed here for this use only). */
interface QueuedObject {
  _parent: QueuedObject | null;
  _segment: string;
}
interface QueuedOp {
  kind: string;
  obj: QueuedObject;
  name: string;
  args: unknown[];
}

const ID = 7; // an id and its key: "12345"
const PATH = 60 + ID * 2; // {"Id":…,"ObjectPathType":…,"Name":"","ParentObjectPathId":…} keyed by id
const ARGS = 30; // "ArgumentInfo":{"Arguments":[…]}
const INSTANTIATE = 45 + ID * 2; // {"Id":…,"ActionType":1,"Name":"","ObjectPathId":…}
const ACTION = 50 + ID * 2; // {"Id":…,"ActionType":…,"Name":"","ObjectPathId":…}

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function argBytes(args: unknown[]): number {
  return utf8(JSON.stringify(args, (_k, v: unknown) => (v && typeof v === 'object' && '_segment' in v ? { _ObjectPath: 0 } : v)));
}

/** Modelled office.js body size of one request's operations. */
export function wireBytes(ops: readonly QueuedOp[]): number {
  const seen = new Set<QueuedObject>();
  let bytes = 40; // {"AutoKeepReference":false,"Actions":[],"ObjectPaths":{}}
  const path = (o: QueuedObject | null): void => {
    for (let p = o; p && !seen.has(p); p = p._parent) {
      seen.add(p);
      // Every path a request uses is instantiated by an action of its own (ensureInstantiateObjectPath).
      bytes += PATH + INSTANTIATE + utf8(p._segment) + (p._segment.includes('(') ? ARGS : 0);
    }
  };
  for (const op of ops) {
    path(op.obj);
    bytes += ACTION + utf8(op.name) + (op.args.length ? ARGS + argBytes(op.args) : 0);
  }
  return bytes;
}

export interface WireStats {
  requests: number;
  maxBytes: number;
  totalBytes: number;
}

/** Records the modelled size of every request until the returned function is called. */
export function recordWire(): { stats: WireStats; stop: () => void } {
  const stats: WireStats = { requests: 0, maxBytes: 0, totalBytes: 0 };
  const proto = FakeRequestContext.prototype as unknown as { sync: (...a: unknown[]) => Promise<unknown>; _queue: QueuedOp[] };
  const original = proto.sync;
  proto.sync = function (this: { _queue: QueuedOp[] }, ...a: unknown[]) {
    if (this._queue.length) {
      const b = wireBytes(this._queue);
      stats.requests++;
      stats.totalBytes += b;
      stats.maxBytes = Math.max(stats.maxBytes, b);
    }
    return original.apply(this, a);
  };
  return { stats, stop: () => { proto.sync = original; } };
}
