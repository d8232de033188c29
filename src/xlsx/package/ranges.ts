/** Rectangles of cells and sqref lists (space-separated ranges), as data validations and conditional formats name them. */
import { parseAddr, rangeAddr } from '../../templates/a1';

export interface Rect { r1: number; c1: number; r2: number; c2: number }

export function rectOf(range: string): Rect | undefined {
  const [a, b = a] = range.split('$').join('').split(':');
  try {
    const p = parseAddr(a);
    const q = parseAddr(b);
    if (!(p.row > 0 && p.col > 0 && q.row > 0 && q.col > 0)) return undefined;
    return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
  } catch {
    return undefined;
  }
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

const refOf = (r: Rect): string => (r.r1 === r.r2 && r.c1 === r.c2 ? rangeAddr(r.r1, r.c1, r.r1, r.c1).split(':')[0] : rangeAddr(r.r1, r.c1, r.r2, r.c2));

/** The sqref without the cells of `area` (undefined when nothing is left); unchanged text when nothing intersects. */
export function subtractSqref(sqref: string, area: Rect): string | undefined {
  const parts = sqref.split(' ').filter(Boolean);
  let touched = false;
  const out: string[] = [];
  for (const part of parts) {
    const r = rectOf(part);
    if (!r || !intersects(r, area)) {
      out.push(part);
      continue;
    }
    touched = true;
    const rows = { r1: Math.max(r.r1, area.r1), r2: Math.min(r.r2, area.r2) };
    if (r.r1 < area.r1) out.push(refOf({ r1: r.r1, c1: r.c1, r2: area.r1 - 1, c2: r.c2 }));
    if (r.c1 < area.c1) out.push(refOf({ ...rows, c1: r.c1, c2: area.c1 - 1 }));
    if (r.c2 > area.c2) out.push(refOf({ ...rows, c1: area.c2 + 1, c2: r.c2 }));
    if (r.r2 > area.r2) out.push(refOf({ r1: area.r2 + 1, c1: r.c1, r2: r.r2, c2: r.c2 }));
  }
  if (!touched) return sqref;
  return out.length ? out.join(' ') : undefined;
}
