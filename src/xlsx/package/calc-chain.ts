/**
 * Keeps the calculation chain (xl/calcChain.xml) true after an edit instead of dropping it: Excel
 * "repairs" a file whose chain names a cell that holds no formula, so entries for cells the edit
 * turned into values and for sheets it removed go, and the formulas it wrote join the end. Entries
 * the edit did not touch keep their order and every attribute (l, s, t, a, and unknown ones).
 */
import { Splice } from './splice';
import { escapeAttr, startTag } from './xml-text';
import { attr, parseXml, withAttrs } from './xml-tree';

export interface CalcChainChange {
  /** sheetIds whose sheets are gone. */
  removedSheets: Set<number>;
  /** Per sheetId, each cell the edit wrote: true when it now holds a formula. */
  written: Map<number, Map<string, boolean>>;
}

export function editCalcChain(xml: string, part: string, change: CalcChainChange): string {
  const doc = parseXml(xml, part);
  const root = doc.root;
  const splice = new Splice(xml);
  const present = new Map<number, Set<string>>();
  let sheet = 0;
  let last: { end: number } | undefined;
  let keptSheet: number | undefined;
  let dropped = false;
  for (const c of root.children) {
    if (c.local !== 'c') continue;
    const i = attr(c, 'i');
    // An entry without i belongs to the sheet of the one before it.
    if (i !== undefined) sheet = Number(i);
    const ref = attr(c, 'r') ?? '';
    const written = change.written.get(sheet)?.get(ref);
    if (change.removedSheets.has(sheet) || written === false) {
      splice.replace(c.start, c.end, '');
      dropped = true;
      continue;
    }
    // An entry that inherited its sheet from one that was dropped now says it.
    if (i === undefined && dropped && keptSheet !== sheet) splice.replace(c.start, c.openEnd, startTag(c.name, withAttrs(c, { i: String(sheet) }), c.selfClosing));
    let set = present.get(sheet);
    if (!set) present.set(sheet, (set = new Set()));
    set.add(ref);
    last = c;
    keptSheet = sheet;
  }
  const q = root.prefix ? `${root.prefix}:c` : 'c';
  const added: string[] = [];
  for (const [id, cells] of change.written) {
    for (const [ref, formula] of cells) {
      if (formula && !present.get(id)?.has(ref)) added.push(`<${q} r="${escapeAttr(ref)}" i="${id}"/>`);
    }
  }
  if (added.length) {
    const text = added.join('');
    if (root.selfClosing) splice.replace(root.start, root.end, `${startTag(root.name, withAttrs(root, {}))}${text}</${root.name}>`);
    else splice.insert(last ? last.end : root.closeStart, text);
  }
  return splice.apply();
}

/** True when nothing is left in the chain (the part and its relationship then go). */
export function calcChainEmpty(xml: string, part: string): boolean {
  return !parseXml(xml, part).root.children.some((c) => c.local === 'c');
}
