/**
 * Edits one worksheet part in place. The part is located with saxes (only the rows the edit touches
 * are looked into) and the edit splices in what it owns: the cells it writes (content and style),
 * the rows it adds, the style of cells it locks or unlocks, its own validations and conditional
 * formats, the tab colour and the protection it sets. Every other byte — other cells and rows,
 * shared formulas, extLst (x14 validations, sparklines), drawings, legacy drawings, page setup,
 * mc:AlternateContent, unknown elements — stays exactly as it was.
 */
import { addr, colLetter } from '../../templates/a1';
import type { CondFormatPlan, PlanCell, ValidationPlan } from '../../templates/plan';
import { contentOf, type CellContent } from './cell-xml';
import { BrokenPackage } from './errors';
import { isMainNs } from './names';
import { rectOf, subtractSqref } from './ranges';
import { condFormatXml, validationXml, type Q } from './rules-xml';
import { Splice } from './splice';
import type { StylesPart } from './styles-part';
import { masterOf, splitGroups, type GroupMaster } from './shared-split';
import { cellRef } from './values';
import { attr, child, parseXml, qname, withAttrs, type XEl } from './xml-tree';
import { materialize, type SheetIndex } from './sheet-index';
import { startTag } from './xml-text';

/** What happens to one cell, in order. */
export type CellOp =
  | { kind: 'write'; cell: PlanCell; xf?: number }
  | { kind: 'lock'; locked: boolean; fill?: string };

export interface RulesOp {
  range: string;
  validations: ValidationPlan[];
  conditionalFormats: CondFormatPlan[];
}

export interface SheetOps {
  cells: Map<number, Map<number, CellOp[]>>;
  rules: RulesOp[];
  /** RGB hex; '' removes the colour; undefined leaves it. */
  tabColor?: string;
  /** The <sheetProtection> attributes to set when the sheet is not protected. */
  protect?: [string, string][];
}

export function emptyOps(): SheetOps {
  return { cells: new Map(), rules: [] };
}

export function addCellOp(ops: SheetOps, row: number, col: number, op: CellOp): void {
  let r = ops.cells.get(row);
  if (!r) ops.cells.set(row, (r = new Map()));
  const list = r.get(col);
  if (list) list.push(op);
  else r.set(col, [op]);
}

/** CT_Worksheet's order of children: where an element the edit adds goes. */
const ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties',
  'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst'];

const DESCEND_TOP = new Set(['sheetData', 'sheetPr', 'cols', 'dataValidations', 'conditionalFormatting']);

export interface SheetEditResult {
  xml: string;
  /** Each cell written, by address: true when it now holds a formula (for the calculation chain). */
  written: Map<string, boolean>;
}

/**
 * The part located: its top-level elements, and the rows the edit touches (and `also`) down to their
 * cells' children. From the read's index when there is one (no second parse), else parsed.
 */
function locate(xml: string, part: string, ops: SheetOps, also: ReadonlySet<number>, index: SheetIndex | undefined): XEl {
  const descend = (el: XEl, depth: number): boolean => {
    if (depth === 0) return true;
    if (depth === 1) return isMainNs(el.uri) && DESCEND_TOP.has(el.local);
    if (depth === 2 && el.local === 'row') {
      const r = Number(attr(el, 'r'));
      return !Number.isInteger(r) || ops.cells.has(r) || also.has(r);
    }
    // A cell's own children (f, v, is) with their text, for the shared formula it may hold: in a
    // cell whose content the edit writes (a master written over), and in every cell of `also`.
    if (depth === 3 && el.local === 'c') {
      const r = Number(attr(el.parent as XEl, 'r'));
      if (also.has(r)) return true;
      const ref = attr(el, 'r');
      const col = ref ? cellRef(ref)?.col : undefined;
      return col !== undefined && writesContent(ops.cells.get(r)?.get(col));
    }
    return depth === 4;
  };
  return index ? materialize(xml, part, index, descend) : parseXml(xml, part, { descend }).root;
}

function rowsOf(sheetData: XEl): Map<number, XEl> {
  const rows = new Map<number, XEl>();
  let prev = 0;
  for (const row of sheetData.children) {
    if (row.local !== 'row') continue;
    const r = Number(attr(row, 'r') ?? prev + 1);
    prev = r;
    rows.set(r, row);
  }
  return rows;
}

/** Whether the ops write a cell's content (not only its style). */
function writesContent(list: CellOp[] | undefined): boolean {
  return !!list?.some((op) => op.kind === 'write' && (op.cell.f !== undefined || op.cell.v !== undefined));
}

/** The shared-formula groups whose master the edit writes over, found in the rows it touches. */
function overwrittenMasters(rows: Map<number, XEl>, ops: SheetOps): GroupMaster[] {
  const out: GroupMaster[] = [];
  for (const [r, cellOps] of ops.cells) {
    let col = 0;
    for (const c of rows.get(r)?.children ?? []) {
      if (c.local !== 'c') continue;
      const ref = attr(c, 'r');
      col = (ref && cellRef(ref)?.col) || col + 1;
      if (!writesContent(cellOps.get(col))) continue;
      const m = masterOf(c, r, col);
      if (m) out.push(m);
    }
  }
  return out;
}

export function editSheetXml(xml: string, part: string, ops: SheetOps, styles: StylesPart, index?: SheetIndex): SheetEditResult {
  let root = locate(xml, part, ops, new Set(), index);
  // Shared formulas whose master is written over: their other cells get a master of their own, which
  // needs every cell of their rows (rare: then the part is located once more).
  let masters = ops.cells.size ? overwrittenMasters(rowsOf(root.children.find((c) => c.local === 'sheetData' && isMainNs(c.uri)) ?? root), ops) : [];
  if (masters.length) {
    const also = new Set<number>();
    for (const m of masters) for (let r = m.rect.r1; r <= m.rect.r2; r++) also.add(r);
    root = locate(xml, part, ops, also, index);
    masters = overwrittenMasters(rowsOf(root.children.find((c) => c.local === 'sheetData' && isMainNs(c.uri)) ?? root), ops);
  }
  if (root.local !== 'worksheet' || !isMainNs(root.uri)) throw new BrokenPackage('unexpectedXml', part, root.name);
  const q: Q = (l) => qname(root, l);
  const splice = new Splice(xml);
  const top = (local: string) => root.children.filter((c) => c.local === local && isMainNs(c.uri));
  /** Where a new top-level element goes: after the last present element that precedes it in the schema. */
  const insertPoint = (local: string): number => {
    const at = ORDER.indexOf(local);
    let pos = root.openEnd;
    for (const c of root.children) if (isMainNs(c.uri) && ORDER.indexOf(c.local) >= 0 && ORDER.indexOf(c.local) <= at) pos = c.end;
    return pos;
  };
  const written = new Map<string, boolean>();

  // ---- cells -------------------------------------------------------------------------------------
  if (ops.cells.size) {
    const sheetData = top('sheetData')[0];
    if (!sheetData) throw new BrokenPackage('unexpectedXml', part, 'no <sheetData>');
    const colStyle = columnStyles(top('cols')[0]);
    const rows = rowsOf(sheetData);
    // Rows to add to an empty <sheetData/>: the whole element is rewritten once.
    const pendingRows: string[] = [];
    const regrouped = splitGroups(xml, part, masters, rows, (r, c) => writesContent(ops.cells.get(r)?.get(c)));
    // Cells regrouped in rows the edit does not otherwise touch are replaced where they are.
    for (const [cell, text] of regrouped) {
      const r = Number(attr(cell.parent as XEl, 'r'));
      if (!ops.cells.has(r)) splice.replace(cell.start, cell.end, text);
    }
    const rowNums = [...ops.cells.keys()].sort((a, b) => a - b);
    const existing = [...rows.keys()].sort((a, b) => a - b);
    let maxRow = 0;
    let maxCol = 0;
    for (const r of rowNums) {
      const cellOps = ops.cells.get(r) as Map<number, CellOp[]>;
      const rowEl = rows.get(r);
      const rowXf = rowEl && isOn(attr(rowEl, 'customFormat')) ? Number(attr(rowEl, 's') ?? 0) : undefined;
      const parts: { col: number; xml: string }[] = [];
      const seen = new Set<number>();
      let col = 0;
      let added = false;
      for (const c of rowEl?.children ?? []) {
        if (c.local !== 'c') {
          parts.push({ col: Number.MAX_SAFE_INTEGER, xml: xml.slice(c.start, c.end) });
          continue;
        }
        const ref = attr(c, 'r');
        col = (ref && cellRef(ref)?.col) || col + 1;
        const list = cellOps.get(col);
        if (!list) {
          parts.push({ col, xml: regrouped.get(c) ?? xml.slice(c.start, c.end) });
          continue;
        }
        seen.add(col);
        const again = regrouped.get(c);
        const inner = again === undefined ? xml.slice(c.openEnd, c.closeStart) : again.slice(c.openEnd - c.start, again.length - (c.end - c.closeStart));
        const out = renderCell(q, r, col, list, { el: c, inner }, styles, rowXf ?? colStyle(col));
        if (out.wrote) written.set(addr(r, col), out.formula);
        parts.push({ col, xml: out.xml });
      }
      for (const [c, list] of cellOps) {
        if (seen.has(c)) continue;
        added = true;
        const out = renderCell(q, r, c, list, undefined, styles, rowXf ?? colStyle(c));
        if (out.wrote) written.set(addr(r, c), out.formula);
        parts.push({ col: c, xml: out.xml });
        maxCol = Math.max(maxCol, c);
      }
      maxRow = Math.max(maxRow, r);
      // Cells in column order; anything else in the row (extLst) after them.
      const body = parts.sort((a, b) => a.col - b.col).map((p) => p.xml).join('');
      if (rowEl) {
        const open = added ? startTag(rowEl.name, withAttrs(rowEl, { spans: undefined })) : xml.slice(rowEl.start, rowEl.openEnd);
        if (rowEl.selfClosing) splice.replace(rowEl.start, rowEl.end, `${added ? open : startTag(rowEl.name, withAttrs(rowEl, {}))}${body}</${rowEl.name}>`);
        else splice.replace(rowEl.start, rowEl.end, `${open}${body}</${rowEl.name}>`);
      } else {
        const next = existing.find((x) => x > r);
        const text = `${startTag(q('row'), [['r', String(r)]])}${body}</${q('row')}>`;
        if (sheetData.selfClosing) pendingRows.push(text);
        else splice.insert(next === undefined ? sheetData.closeStart : (rows.get(next) as XEl).start, text);
      }
    }
    if (sheetData.selfClosing && pendingRows.length) {
      splice.replace(sheetData.start, sheetData.end, `${startTag(sheetData.name, withAttrs(sheetData, {}))}${pendingRows.join('')}</${sheetData.name}>`);
    }
    const dim = top('dimension')[0];
    const ref = dim ? attr(dim, 'ref') : undefined;
    const rect = ref ? rectOf(ref) : undefined;
    if (dim && rect && (maxRow > rect.r2 || maxCol > rect.c2)) {
      const r2 = Math.max(rect.r2, maxRow);
      const c2 = Math.max(rect.c2, maxCol);
      splice.replace(dim.start, dim.openEnd, startTag(dim.name, withAttrs(dim, { ref: `${addr(rect.r1, rect.c1)}:${colLetter(c2)}${r2}` }), dim.selfClosing));
    }
  }

  // ---- tab colour --------------------------------------------------------------------------------
  if (ops.tabColor !== undefined) {
    const pr = top('sheetPr')[0];
    const tag = ops.tabColor ? startTag(q('tabColor'), [['rgb', `FF${ops.tabColor}`]], true) : '';
    const old = pr ? child(pr, 'tabColor') : undefined;
    if (old) splice.replace(old.start, old.end, tag);
    else if (pr && tag) {
      if (pr.selfClosing) splice.replace(pr.start, pr.end, `${startTag(pr.name, withAttrs(pr, {}))}${tag}</${pr.name}>`);
      else splice.insert(pr.openEnd, tag);
    } else if (tag) splice.insert(root.openEnd, `<${q('sheetPr')}>${tag}</${q('sheetPr')}>`);
  }

  // ---- protection --------------------------------------------------------------------------------
  if (ops.protect) {
    const old = top('sheetProtection')[0];
    if (!old || !isOn(attr(old, 'sheet'))) {
      const tag = startTag(q('sheetProtection'), ops.protect, true);
      if (old) splice.replace(old.start, old.end, tag);
      else splice.insert(insertPoint('sheetProtection'), tag);
    }
  }

  // ---- rules -------------------------------------------------------------------------------------
  if (ops.rules.length) editRules(xml, top, insertPoint, splice, ops.rules, styles, q);
  return { xml: splice.apply(), written };
}

function isOn(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

/** The style of a column (from <cols>), for a cell that does not exist yet. */
function columnStyles(cols: XEl | undefined): (col: number) => number {
  const list = (cols?.children ?? []).filter((c) => c.local === 'col').map((c) => ({
    min: Number(attr(c, 'min')), max: Number(attr(c, 'max')), s: Number(attr(c, 'style') ?? 0),
  }));
  return (col) => list.find((c) => c.min <= col && col <= c.max)?.s ?? 0;
}

function renderCell(q: Q, row: number, col: number, ops: CellOp[], existing: { el: XEl; inner: string } | undefined, styles: StylesPart, baseXf: number): { xml: string; formula: boolean; wrote: boolean } {
  const el = existing?.el;
  let s = el ? Number(attr(el, 's') ?? 0) : baseXf;
  let content: CellContent | undefined;
  let formula = false;
  for (const op of ops) {
    if (op.kind === 'write') {
      const c = contentOf(op.cell, q);
      if (c) {
        content = c;
        formula = c.formula;
      }
      if (op.xf !== undefined) s = op.xf;
    } else s = styles.withLock(s, op.locked, op.fill);
  }
  const sAttr = s ? String(s) : undefined;
  if (el && existing) {
    if (!content) {
      // Only the style changes: the cell's content (value, formula, shared formula) stays byte for byte.
      const tag = startTag(el.name, withAttrs(el, { s: sAttr }), el.selfClosing);
      return { xml: el.selfClosing ? tag : `${tag}${existing.inner}</${el.name}>`, formula: false, wrote: false };
    }
    const tag = startTag(el.name, withAttrs(el, { s: sAttr, t: content.t, cm: undefined, vm: undefined }));
    return { xml: `${tag}${content.inner}</${el.name}>`, formula, wrote: true };
  }
  const attrs: [string, string][] = [['r', addr(row, col)]];
  if (sAttr) attrs.push(['s', sAttr]);
  if (content?.t) attrs.push(['t', content.t]);
  return { xml: content?.inner ? `${startTag(q('c'), attrs)}${content.inner}</${q('c')}>` : startTag(q('c'), attrs, true), formula, wrote: content !== undefined };
}

function editRules(xml: string, top: (l: string) => XEl[], insertPoint: (l: string) => number, splice: Splice, rules: RulesOp[], styles: StylesPart, q: Q): void {
  const areas = rules.map((r) => rectOf(r.range)).filter((r): r is NonNullable<typeof r> => r !== undefined);
  const cut = (sqref: string): string | undefined => {
    let s: string | undefined = sqref;
    for (const a of areas) if (s !== undefined) s = subtractSqref(s, a);
    return s;
  };
  // Conditional formats: each <conditionalFormatting> is cut to what lies outside the ranges.
  const cfs = top('conditionalFormatting');
  let maxPriority = 0;
  for (const cf of cfs) {
    const sqref = attr(cf, 'sqref') ?? '';
    const left = cut(sqref);
    if (left === undefined) {
      splice.replace(cf.start, cf.end, '');
      continue;
    }
    for (const r of cf.children) maxPriority = Math.max(maxPriority, Number(attr(r, 'priority') ?? 0) || 0);
    if (left !== sqref) splice.replace(cf.start, cf.openEnd, startTag(cf.name, withAttrs(cf, { sqref: left })));
  }
  const newCf = rules.flatMap((r) => r.conditionalFormats).map((cf, i) => condFormatXml(cf, maxPriority + i + 1, styles, q)).join('');
  if (newCf) splice.insert(cfs.length ? cfs[cfs.length - 1].end : insertPoint('conditionalFormatting'), newCf);
  // Data validations: the element is rewritten with the kept ones (cut) and the new ones.
  const dvs = top('dataValidations')[0];
  const kept: string[] = [];
  for (const dv of dvs?.children ?? []) {
    if (dv.local !== 'dataValidation') {
      kept.push(xml.slice(dv.start, dv.end));
      continue;
    }
    const sqref = attr(dv, 'sqref') ?? '';
    const left = cut(sqref);
    if (left === undefined) continue;
    kept.push(left === sqref ? xml.slice(dv.start, dv.end) : `${startTag(dv.name, withAttrs(dv, { sqref: left }), dv.selfClosing)}${dv.selfClosing ? '' : `${xml.slice(dv.openEnd, dv.closeStart)}</${dv.name}>`}`);
  }
  const added = rules.flatMap((r) => r.validations).map((v) => validationXml(v, q));
  const all = [...kept, ...added];
  const count = String(all.length);
  if (dvs) splice.replace(dvs.start, dvs.end, all.length ? `${startTag(dvs.name, withAttrs(dvs, { count }))}${all.join('')}</${dvs.name}>` : '');
  else if (all.length) splice.insert(insertPoint('dataValidations'), `<${q('dataValidations')} count="${count}">${all.join('')}</${q('dataValidations')}>`);
}
