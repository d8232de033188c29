/** The next quarter's cycle as the pane offers and reads it. */
import { parseCycle } from '../../domain/cycle';

/** The quarter after `label` ("2026-Q4" → "2027-Q1"); "" when `label` is not a cycle. */
export function followingCycle(label: string): string {
  const c = parseCycle(label);
  if (!c) return '';
  return c.quarter === 4 ? `${c.year + 1}-Q1` : `${c.year}-Q${c.quarter + 1}`;
}

/** Whether going from `from` to `to` starts a new year (false when either is not a cycle). */
export function startsNewYear(from: string, to: string): boolean {
  const a = parseCycle(from);
  const b = parseCycle(to);
  return a !== undefined && b !== undefined && b.year > a.year;
}
