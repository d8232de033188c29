/**
 * A small XML tree over saxes (a real, conforming XML parser) for the corpus tools: parse a part into
 * elements, text, comments, CDATA and processing instructions, in document order, with every attribute
 * in its written order and every prefix as written; serialize it back. Namespaces are resolved, so
 * lookups go by namespace URI and local name, never by prefix (openpyxl and LibreOffice use other
 * prefixes than Excel). No regular expressions over XML here or in the corpus tests.
 */
import { SaxesParser } from 'saxes';

export interface XAttr {
  /** The qualified name as written (`r:id`, `xmlns:x14`). */
  name: string;
  value: string;
  uri: string;
  local: string;
}

export interface XElement {
  kind: 'element';
  /** The qualified name as written. */
  name: string;
  uri: string;
  local: string;
  attrs: XAttr[];
  children: XNode[];
  parent?: XElement;
}

export type XNode =
  | XElement
  | { kind: 'text'; text: string }
  | { kind: 'cdata'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'pi'; target: string; body: string };

export interface XDocument {
  /** The XML declaration's attributes, if any. */
  decl?: { version?: string; encoding?: string; standalone?: string };
  /** Comments and PIs before the root, then the root. */
  prolog: XNode[];
  root: XElement;
}

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  x14: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main',
  xm: 'http://schemas.microsoft.com/office/excel/2006/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  x18tc: 'http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments',
} as const;

export function parseXml(text: string | Buffer): XDocument {
  const src = typeof text === 'string' ? text : text.toString('utf8');
  const parser = new SaxesParser({ xmlns: true, position: false });
  const prolog: XNode[] = [];
  const stack: XElement[] = [];
  let root: XElement | undefined;
  let decl: XDocument['decl'];
  let error: Error | undefined;
  const add = (n: XNode): void => {
    const top = stack[stack.length - 1];
    if (top) top.children.push(n);
    else if (n.kind !== 'text') prolog.push(n);
  };
  parser.on('error', (e) => { error ??= e; });
  parser.on('xmldecl', (d) => { decl = { version: d.version, encoding: d.encoding, standalone: d.standalone }; });
  parser.on('processinginstruction', (p) => add({ kind: 'pi', target: p.target, body: p.body }));
  parser.on('comment', (t) => add({ kind: 'comment', text: t }));
  parser.on('cdata', (t) => add({ kind: 'cdata', text: t }));
  parser.on('text', (t) => add({ kind: 'text', text: t }));
  parser.on('opentag', (tag) => {
    const attrs: XAttr[] = Object.values(tag.attributes).map((a) => ({ name: a.name, value: a.value, uri: a.uri, local: a.local }));
    const el: XElement = { kind: 'element', name: tag.name, uri: tag.uri, local: tag.local, attrs, children: [], parent: stack[stack.length - 1] };
    if (stack.length === 0) root = el;
    else stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => { stack.pop(); });
  parser.write(src.charCodeAt(0) === 0xfeff ? src.slice(1) : src).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return { decl, prolog, root };
}

const escText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

function writeNode(n: XNode, out: string[]): void {
  switch (n.kind) {
    case 'text': out.push(escText(n.text)); return;
    case 'cdata': out.push(`<![CDATA[${n.text}]]>`); return;
    case 'comment': out.push(`<!--${n.text}-->`); return;
    case 'pi': out.push(`<?${n.target}${n.body ? ' ' + n.body : ''}?>`); return;
    case 'element': {
      out.push('<', n.name);
      for (const a of n.attrs) out.push(' ', a.name, '="', escAttr(a.value), '"');
      if (n.children.length === 0) { out.push('/>'); return; }
      out.push('>');
      for (const c of n.children) writeNode(c, out);
      out.push('</', n.name, '>');
    }
  }
}

export function serializeXml(doc: XDocument): string {
  const out: string[] = [];
  if (doc.decl) {
    out.push(`<?xml version="${doc.decl.version ?? '1.0'}"`);
    if (doc.decl.encoding) out.push(` encoding="${doc.decl.encoding}"`);
    if (doc.decl.standalone) out.push(` standalone="${doc.decl.standalone}"`);
    out.push('?>\r\n');
  }
  for (const n of doc.prolog) writeNode(n, out);
  writeNode(doc.root, out);
  return out.join('');
}

// ---- lookups ----

export const elements = (el: XElement): XElement[] => el.children.filter((c): c is XElement => c.kind === 'element');

export function child(el: XElement, uri: string, local: string): XElement | undefined {
  return elements(el).find((c) => c.uri === uri && c.local === local);
}

export function childrenNamed(el: XElement, uri: string, local: string): XElement[] {
  return elements(el).filter((c) => c.uri === uri && c.local === local);
}

/** Every element below `el` (depth first, document order), `el` included. */
export function* walk(el: XElement): Generator<XElement> {
  yield el;
  for (const c of elements(el)) yield* walk(c);
}

export function descendants(el: XElement, uri: string, local: string): XElement[] {
  return [...walk(el)].filter((e) => e.uri === uri && e.local === local);
}

/** An unprefixed attribute (no namespace) or one in `uri`. */
export function attr(el: XElement, local: string, uri = ''): string | undefined {
  return el.attrs.find((a) => a.local === local && a.uri === uri && !a.name.startsWith('xmlns'))?.value;
}

export function setAttr(el: XElement, name: string, value: string, uri = '', local = name.includes(':') ? name.split(':')[1] : name): void {
  const a = el.attrs.find((x) => x.name === name);
  if (a) a.value = value;
  else el.attrs.push({ name, value, uri, local });
}

export function textOf(el: XElement): string {
  return el.children.map((c) => (c.kind === 'text' || c.kind === 'cdata' ? c.text : c.kind === 'element' ? textOf(c) : '')).join('');
}

/** The namespace URI a prefix is bound to at `el` ('' for none). */
export function lookupPrefix(el: XElement | undefined, prefix: string): string | undefined {
  for (let e = el; e; e = e.parent) {
    const a = e.attrs.find((x) => (prefix === '' ? x.name === 'xmlns' : x.name === `xmlns:${prefix}`));
    if (a) return a.value;
  }
  return prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : undefined;
}

// ---- building (for the corpus generator) ----

/**
 * Parses a fragment in the context of `context`'s namespace bindings and returns its elements,
 * re-parented. The fragment's own xmlns declarations are kept.
 */
export function fragment(xml: string, context: XElement): XElement[] {
  const decls: string[] = [];
  const seen = new Set<string>();
  for (let e: XElement | undefined = context; e; e = e.parent) {
    for (const a of e.attrs) {
      if ((a.name === 'xmlns' || a.name.startsWith('xmlns:')) && !seen.has(a.name)) {
        seen.add(a.name);
        decls.push(`${a.name}="${escAttr(a.value)}"`);
      }
    }
  }
  const doc = parseXml(`<wrap ${decls.join(' ')}>${xml}</wrap>`);
  const out = elements(doc.root);
  for (const e of out) e.parent = context;
  return out;
}

/** Inserts `nodes` as children of `parent` before the first child whose local name is in `before` (else at the end). */
export function insertBefore(parent: XElement, nodes: XElement[], before: readonly string[]): void {
  const i = parent.children.findIndex((c) => c.kind === 'element' && before.includes(c.local));
  for (const n of nodes) n.parent = parent;
  if (i < 0) parent.children.push(...nodes);
  else parent.children.splice(i, 0, ...nodes);
}
