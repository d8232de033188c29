/**
 * Which formula cells of a planned sheet a file renderer writes as shared formulas. A card repeats a
 * 2–4 KB check formula on every KR row; written in full that is most of a card's XML, and the edit
 * commands spend their time tokenising it. As a shared formula the first cell holds the text and the
 * others say "the first one, moved", as Excel itself saves such columns.
 *
 * A cell joins the group of the cell above it in the same column with the same `share` key only when
 * its own formula is exactly that group's first formula moved down (formula-shift.ts), so a hint can
 * never change what a cell computes.
 */
import { addr } from './a1';
import { formulaShifter, type Shifter } from './formula-shift';
import type { PlanCell } from './plan';

export type SharedRole =
  | { kind: 'master'; ref: string; si: number }
  | { kind: 'child'; master: string; si: number };

interface Group {
  row: number;
  col: number;
  last: number;
  si: number;
  shift: Shifter;
  children: number;
}

/** The shared-formula role of each cell that has one, by address. Groups of one cell are left out. */
export function sharedFormulaLayout(rows: readonly (readonly (PlanCell | null)[] | undefined)[], firstSi = 0): Map<string, SharedRole> {
  const open = new Map<string, Group>();
  const groups: Group[] = [];
  const members: { group: Group; row: number; col: number }[] = [];
  rows.forEach((row, r) => {
    (row ?? []).forEach((cell, c) => {
      if (!cell || cell.f === undefined || cell.share === undefined) return;
      const key = `${c}\u0000${cell.share}`;
      const g = open.get(key);
      if (g && g.shift.matches(r + 1 - g.row, 0, cell.f)) {
        g.last = r + 1;
        g.children++;
        members.push({ group: g, row: r + 1, col: c + 1 });
        return;
      }
      const shift = formulaShifter(cell.f);
      if (!shift) {
        open.delete(key);
        return;
      }
      const fresh: Group = { row: r + 1, col: c + 1, last: r + 1, si: -1, shift, children: 0 };
      open.set(key, fresh);
      groups.push(fresh);
    });
  });
  const out = new Map<string, SharedRole>();
  let si = firstSi;
  for (const g of groups) {
    if (!g.children) continue;
    g.si = si++;
    const master = addr(g.row, g.col);
    out.set(master, { kind: 'master', ref: `${master}:${addr(g.last, g.col)}`, si: g.si });
  }
  for (const m of members) out.set(addr(m.row, m.col), { kind: 'child', master: addr(m.group.row, m.group.col), si: m.group.si });
  return out;
}
