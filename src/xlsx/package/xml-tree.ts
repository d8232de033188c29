/**
 * XML located, not rebuilt: saxes (a conforming, namespace-aware SAX parser) reads a part and this
 * builds a light tree of its elements with their character offsets in the original text — where
 * each start tag begins and ends, where the end tag begins and ends. An edit then replaces exactly
 * the elements it owns (see Splice) and every other byte of the part stays as it was: unknown
 * elements, extensions, mc:AlternateContent, comments, whitespace, the declaration.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { BrokenPackage } from './errors';

export interface XAttr {
  /** As written, with its prefix. */
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XEl {
  /** As written, with its prefix (e.g. "x:row"). */
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attrs: XAttr[];
  /** Offset of '<' of the start tag. */
  start: number;
  /** Offset just after the '>' of the start tag (of the empty-element tag when selfClosing). */
  openEnd: number;
  /** Offset of '<' of the end tag (= openEnd for an empty element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  children: XEl[];
  /** The element's own text (character data directly inside it), decoded. */
  text: string;
  parent?: XEl;
}

export interface XDoc {
  xml: string;
  root: XEl;
}

export interface ParseOptions {
  /** Whether to keep the children of an element (default: all). Their parents are kept anyway. */
  descend?: (el: XEl, depth: number) => boolean;
  /**
   * Parse a piece of a part (one element) with these prefixes in scope, as declared by the part's
   * outer elements (sheet-index.ts parses a cell so).
   */
  fragmentNamespaces?: Record<string, string>;
}

/** Parses `xml` (one whole part) into a located tree; a malformed part is a BrokenPackage naming `part`. */
export function parseXml(xml: string, part: string, opts: ParseOptions = {}): XDoc {
  const ns = opts.fragmentNamespaces;
  const parser = ns ? new SaxesParser({ xmlns: true, position: true, fragment: true, additionalNamespaces: ns }) : new SaxesParser({ xmlns: true, position: true });
  const stack: XEl[] = [];
  let root: XEl | undefined;
  // Elements under one that is not descended into are skipped, counting depth only.
  let skipDepth = 0;
  let tagStart = 0;
  parser.on('opentagstart', () => {
    tagStart = xml.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (skipDepth > 0) {
      if (!tag.isSelfClosing) skipDepth++;
      return;
    }
    const el: XEl = {
      name: tag.name, prefix: tag.prefix, local: tag.local, uri: tag.uri,
      attrs: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
      start: tagStart, openEnd: parser.position, closeStart: parser.position, end: parser.position,
      selfClosing: tag.isSelfClosing, children: [], text: '',
    };
    const parent = stack[stack.length - 1];
    if (parent) {
      el.parent = parent;
      parent.children.push(el);
    } else root = el;
    if (!tag.isSelfClosing) {
      stack.push(el);
      if (opts.descend && !opts.descend(el, stack.length - 1)) skipDepth = 1;
    }
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (tag.isSelfClosing) return;
    if (skipDepth > 1) {
      skipDepth--;
      return;
    }
    skipDepth = 0;
    const el = stack.pop();
    if (!el) return;
    el.end = parser.position;
    el.closeStart = xml.lastIndexOf('<', parser.position - 1);
  });
  const onText = (t: string) => {
    if (skipDepth === 0 && stack.length) stack[stack.length - 1].text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  // No DTD is ever read (#15): saxes expands no entity it declares, and the part is refused.
  let dtd = false;
  parser.on('doctype', () => { dtd = true; });
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new BrokenPackage(dtd ? 'dtd' : 'malformedXml', part, (e as Error).message);
  }
  if (dtd) throw new BrokenPackage('dtd', part);
  if (!root) throw new BrokenPackage('malformedXml', part, 'no root element');
  return { xml, root };
}

/** The value of an attribute without a namespace (most SpreadsheetML attributes), or undefined. */
export function attr(el: XEl, local: string): string | undefined {
  for (const a of el.attrs) if (a.local === local && a.uri === '') return a.value;
  return undefined;
}

/** The value of a namespaced attribute (e.g. r:id). */
export function attrNs(el: XEl, uri: string, local: string): string | undefined {
  for (const a of el.attrs) if (a.local === local && a.uri === uri) return a.value;
  return undefined;
}

export function child(el: XEl, local: string, uri = el.uri): XEl | undefined {
  return el.children.find((c) => c.local === local && c.uri === uri);
}

export function children(el: XEl, local: string, uri = el.uri): XEl[] {
  return el.children.filter((c) => c.local === local && c.uri === uri);
}

/** The qualified name a new element of `el`'s namespace gets in this document (same prefix as `el`). */
export function qname(el: XEl, local: string): string {
  return el.prefix ? `${el.prefix}:${local}` : local;
}

/** ECMA-376 booleans: "1"/"true" and "0"/"false" (LibreOffice writes the words). */
export function isTrue(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  const t = v.trim().toLowerCase();
  return t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : dflt;
}

/** Attributes as [name, value] pairs, with `set` applied (undefined removes), in their original order, new ones last. */
export function withAttrs(el: XEl, set: Record<string, string | undefined>): [string, string][] {
  const out: [string, string][] = [];
  const done = new Set<string>();
  for (const a of el.attrs) {
    const key = a.uri === '' ? a.local : a.name;
    if (key in set) {
      done.add(key);
      const v = set[key];
      if (v !== undefined) out.push([a.name, v]);
    } else out.push([a.name, a.value]);
  }
  for (const [k, v] of Object.entries(set)) if (!done.has(k) && v !== undefined) out.push([k, v]);
  return out;
}
