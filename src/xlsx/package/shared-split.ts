/**
 * When an edit writes over the master cell of a shared formula (`<f t="shared" ref si>` holding the
 * text its group shares), the group's other cells would be left pointing at a formula no cell holds
 * any more: Excel then offers to repair the file, and LibreOffice shows errors. So the first remaining
 * cell of the group becomes its master, holding the old master's formula moved to it; where that cell
 * is not the top-left corner of what remains (a group over several columns), every remaining cell gets
 * its own formula instead.
 */
import { addr } from '../../templates/a1';
import { formulaShifter } from '../../templates/formula-shift';
import { BrokenPackage } from './errors';
import { cellRef } from './values';
import { rectOf, type Rect } from './ranges';
import { attr, child, withAttrs, type XEl } from './xml-tree';
import { escapeText, startTag } from './xml-text';

export interface GroupMaster {
  si: string;
  rect: Rect;
  /** The decoded formula text and where the master is. */
  text: string;
  row: number;
  col: number;
}

/** The shared-formula group whose master this cell is, or undefined. */
export function masterOf(cell: XEl, row: number, col: number): GroupMaster | undefined {
  const f = child(cell, 'f');
  if (!f || attr(f, 't') !== 'shared') return undefined;
  const si = attr(f, 'si');
  const ref = attr(f, 'ref');
  const rect = ref ? rectOf(ref) : undefined;
  if (si === undefined || !rect) return undefined;
  return { si, rect, text: f.text, row, col };
}

/** A cell that belongs to a group without being its master: its `<f t="shared" si/>`. */
function memberF(cell: XEl, si: string): XEl | undefined {
  const f = child(cell, 'f');
  return f && attr(f, 't') === 'shared' && attr(f, 'si') === si && attr(f, 'ref') === undefined ? f : undefined;
}

/**
 * New XML for the cells of the broken groups that the edit does not write, by cell element.
 * `rows` holds every row of the groups' ranges with its cells; `written(row, col)` says whether the
 * edit writes that cell's content.
 */
export function splitGroups(xml: string, part: string, masters: GroupMaster[], rows: Map<number, XEl>, written: (row: number, col: number) => boolean): Map<XEl, string> {
  const out = new Map<XEl, string>();
  for (const m of masters) {
    const members: { cell: XEl; f: XEl; row: number; col: number }[] = [];
    for (let r = m.rect.r1; r <= m.rect.r2; r++) {
      const rowEl = rows.get(r);
      let col = 0;
      for (const c of rowEl?.children ?? []) {
        if (c.local !== 'c') continue;
        const ref = attr(c, 'r');
        col = (ref && cellRef(ref)?.col) || col + 1;
        if (col < m.rect.c1 || col > m.rect.c2 || written(r, col)) continue;
        const f = memberF(c, m.si);
        if (f) members.push({ cell: c, f, row: r, col });
      }
    }
    if (!members.length) continue;
    const shift = formulaShifter(m.text);
    const moved = (row: number, col: number): string => {
      const text = shift?.(row - m.row, col - m.col);
      if (text === undefined) throw new BrokenPackage('sharedFormula', part, addr(m.row, m.col));
      return escapeText(text);
    };
    const box = {
      r1: Math.min(...members.map((x) => x.row)), r2: Math.max(...members.map((x) => x.row)),
      c1: Math.min(...members.map((x) => x.col)), c2: Math.max(...members.map((x) => x.col)),
    };
    const head = members[0];
    const promote = head.row === box.r1 && head.col === box.c1;
    for (const x of members) {
      const replaceF = (fXml: string) => `${xml.slice(x.cell.start, x.f.start)}${fXml}${xml.slice(x.f.end, x.cell.end)}`;
      if (promote && x !== head) continue;
      const attrs = promote
        ? withAttrs(x.f, { ref: `${addr(box.r1, box.c1)}:${addr(box.r2, box.c2)}` })
        : withAttrs(x.f, { t: undefined, si: undefined });
      out.set(x.cell, replaceF(`${startTag(x.f.name, attrs)}${moved(x.row, x.col)}</${x.f.name}>`));
    }
  }
  return out;
}
