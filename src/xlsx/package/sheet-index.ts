/**
 * Where a worksheet's elements are, kept from the one saxes pass that reads its values (values.ts),
 * so that the edit (sheet-edit.ts) does not parse the part a second time (#12: at 1,000 people that
 * second parse was the largest part of `lock`). Kept compactly — four offsets and a parent for each
 * element down to the cells — and turned into the located tree of xml-tree.ts only for the parts of
 * the sheet the edit looks into: their start tags are read again (they are known to be well-formed),
 * and a cell whose formula or value the edit needs is parsed on its own with saxes.
 */
import { BrokenPackage } from './errors';
import { XMLNS_NS, XML_NS, declarationsOf, splitQname } from './xml-ns';
import { parseXml, type XAttr, type XEl } from './xml-tree';

/** How deep elements are kept: the worksheet (0), its children (1), rows (2), cells (3). */
export const INDEX_DEPTH = 3;

export interface SheetIndex {
  /** The length of the text indexed: the edit checks it is given the same text. */
  readonly length: number;
  readonly count: number;
  readonly start: Int32Array;
  readonly openEnd: Int32Array;
  readonly closeStart: Int32Array;
  readonly end: Int32Array;
  /** Index of the parent element; -1 for the root. Elements are in document order. */
  readonly parent: Int32Array;
  /** The first namespace problem of the part (xml-ns.ts): refused when the edit writes it. */
  readonly nsProblem?: string;
}

/** Collects the offsets during the SAX pass. */
export class IndexBuilder {
  private n = 0;
  private cols: Int32Array[] = [0, 1, 2, 3, 4].map(() => new Int32Array(256));

  /** An element opens: `start` its '<', `openEnd` just after its start tag. Returns its index. */
  open(start: number, openEnd: number, parent: number, selfClosing: boolean): number {
    if (this.n === this.cols[0].length) {
      this.cols = this.cols.map((c) => {
        const bigger = new Int32Array(c.length * 2);
        bigger.set(c);
        return bigger;
      });
    }
    const i = this.n++;
    const [s, o, cs, e, p] = this.cols;
    s[i] = start;
    o[i] = openEnd;
    cs[i] = openEnd;
    e[i] = openEnd;
    p[i] = parent;
    if (!selfClosing) e[i] = -1;
    return i;
  }

  close(i: number, closeStart: number, end: number): void {
    this.cols[2][i] = closeStart;
    this.cols[3][i] = end;
  }

  done(length: number, nsProblem: string | undefined): SheetIndex {
    const [start, openEnd, closeStart, end, parent] = this.cols.map((c) => c.slice(0, this.n));
    return { length, count: this.n, start, openEnd, closeStart, end, parent, nsProblem };
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute value as saxes gives it: references replaced, each tab, line feed or carriage return (a CR LF once) a space. */
function attrValue(raw: string): string {
  if (!raw.includes('&') && !raw.includes('\n') && !raw.includes('\r') && !raw.includes('\t')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '&') {
      const semi = raw.indexOf(';', i);
      const ref = raw.slice(i + 1, semi);
      if (ref[0] === '#') out += String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
      else out += ENTITIES[ref] ?? '';
      i = semi;
    } else if (c === '\r') {
      out += ' ';
      if (raw[i + 1] === '\n') i++;
    } else out += c === '\n' || c === '\t' ? ' ' : c;
  }
  return out;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** The name and attributes of a start tag known to be well-formed (saxes read it), from '<' to `openEnd`. */
export function scanStartTag(xml: string, start: number, openEnd: number): { name: string; attrs: [string, string][] } {
  let i = start + 1;
  while (i < openEnd && !isSpace(xml.charCodeAt(i)) && xml[i] !== '/' && xml[i] !== '>') i++;
  const name = xml.slice(start + 1, i);
  const attrs: [string, string][] = [];
  for (;;) {
    while (i < openEnd && isSpace(xml.charCodeAt(i))) i++;
    if (i >= openEnd || xml[i] === '/' || xml[i] === '>') break;
    const n0 = i;
    while (xml[i] !== '=' && !isSpace(xml.charCodeAt(i))) i++;
    const attrName = xml.slice(n0, i);
    while (xml[i] !== '"' && xml[i] !== "'") i++;
    const q = xml[i];
    const v0 = i + 1;
    i = xml.indexOf(q, v0);
    attrs.push([attrName, attrValue(xml.slice(v0, i))]);
    i++;
  }
  return { name, attrs };
}

/** Prefix lookups up the materialised ancestors (declarations noted on each element that has any). */
const scopes = new WeakMap<XEl, Map<string, string>>();

function resolve(el: XEl | undefined, own: Map<string, string> | undefined, prefix: string): string | undefined {
  const here = own?.get(prefix);
  if (here !== undefined) return here;
  for (let e = el; e; e = e.parent) {
    const uri = scopes.get(e)?.get(prefix);
    if (uri !== undefined) return uri;
  }
  return prefix === 'xml' ? XML_NS : prefix === 'xmlns' ? XMLNS_NS : undefined;
}

/** The prefixes in scope at `el` (for parsing a cell on its own). */
function scopeAt(el: XEl): Record<string, string> {
  const out: Record<string, string> = {};
  const chain: XEl[] = [];
  for (let e: XEl | undefined = el; e; e = e.parent) chain.unshift(e);
  for (const e of chain) for (const [k, v] of scopes.get(e) ?? []) if (k !== 'xml' && k !== 'xmlns') out[k] = v;
  return out;
}

function element(xml: string, ix: SheetIndex, i: number, parent: XEl | undefined): XEl {
  const start = ix.start[i];
  const openEnd = ix.openEnd[i];
  const { name, attrs } = scanStartTag(xml, start, openEnd);
  // The declarations were checked during the read (a problem is nsProblem); here they only resolve.
  const decl = declarationsOf(attrs, () => undefined);
  const [prefix, local] = splitQname(name) ?? ['', name];
  const xattrs: XAttr[] = attrs.map(([n, value]) => {
    if (n === 'xmlns') return { name: n, local: n, uri: XMLNS_NS, value };
    const [p, l] = splitQname(n) ?? ['', n];
    return { name: n, local: l, uri: p === '' ? '' : resolve(parent, decl, p) ?? p, value };
  });
  const selfClosing = xml.charCodeAt(openEnd - 2) === 0x2f;
  const el: XEl = {
    name, prefix, local, uri: resolve(parent, decl, prefix) ?? '', attrs: xattrs,
    start, openEnd, closeStart: ix.closeStart[i], end: ix.end[i], selfClosing, children: [], text: '',
  };
  if (parent) el.parent = parent;
  if (decl) scopes.set(el, decl);
  return el;
}

/** Moves a tree parsed from a piece of the part to the piece's place in it. */
function shift(el: XEl, by: number): void {
  el.start += by;
  el.openEnd += by;
  el.closeStart += by;
  el.end += by;
  for (const c of el.children) shift(c, by);
}

/**
 * The located tree parseXml(xml, part, { descend }) would give (xml-tree.ts), from the index: only the
 * elements whose parents are descended into are made. An element's own `text` is left empty above
 * the cells (nothing reads it there); a cell descended into is parsed on its own, with the prefixes in
 * scope, and gets its children and their text exactly as a parse of the whole part gives them.
 */
export function materialize(xml: string, part: string, ix: SheetIndex, descend: (el: XEl, depth: number) => boolean): XEl {
  if (xml.length !== ix.length) throw new Error(`${part}: the text changed since it was indexed`);
  if (ix.nsProblem !== undefined) throw new BrokenPackage('malformedXml', part, ix.nsProblem);
  const made: (XEl | undefined)[] = new Array(ix.count);
  const depth = new Int8Array(ix.count);
  const open = new Uint8Array(ix.count);
  let root: XEl | undefined;
  for (let i = 0; i < ix.count; i++) {
    const p = ix.parent[i];
    if (p < 0) {
      root = made[i] = element(xml, ix, i, undefined);
    } else {
      const parent = made[p];
      if (!parent || !open[p]) continue;
      depth[i] = depth[p] + 1;
      const el = (made[i] = element(xml, ix, i, parent));
      parent.children.push(el);
    }
    const el = made[i] as XEl;
    if (el.selfClosing || !descend(el, depth[i])) continue;
    if (depth[i] < INDEX_DEPTH) {
      open[i] = 1;
      continue;
    }
    // Below the index: the element is parsed on its own (a cell: its f, v, is and their text).
    const piece = parseXml(xml.slice(el.start, el.end), part, {
      descend: (e, d) => d === 0 || descend(e, depth[i] + d),
      fragmentNamespaces: scopeAt(el),
    }).root;
    shift(piece, el.start);
    for (const c of piece.children) {
      c.parent = el;
      el.children.push(c);
    }
    el.text = piece.text;
  }
  if (!root) throw new BrokenPackage('malformedXml', part, 'no root element');
  return root;
}
