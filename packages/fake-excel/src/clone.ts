/**
 * Deep copy of the workbook data (plain objects, arrays, Map, Set, Date). Not structuredClone:
 * jest's jsdom environment does not provide it, and task-pane tests run there.
 */
export function deepClone<T>(value: T): T {
  return cloneValue(value) as T;
}

function cloneValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneValue);
  if (v instanceof Map) {
    const m = new Map<unknown, unknown>();
    v.forEach((x, k) => m.set(k, cloneValue(x)));
    return m;
  }
  if (v instanceof Set) return new Set(Array.from(v, cloneValue));
  if (v instanceof Date) return new Date(v.getTime());
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = cloneValue((v as Record<string, unknown>)[k]);
  return out;
}
