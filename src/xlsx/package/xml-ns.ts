/**
 * Namespaces for a part read by saxes without its namespace support (the faster mode, values.ts):
 * the scope of prefixes, and the checks saxes makes in its namespace mode (XML Namespaces 1.0), so
 * that a sheet the edit rewrites is refused for an unbound prefix exactly as when it was parsed a
 * second time with namespaces (xml-tree.ts). The first problem is kept, not thrown: the read of
 * values never needed namespaces, and only a sheet the edit writes is refused for it.
 */

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** A prefix → URI map; '' is the default namespace. */
export type NsMap = ReadonlyMap<string, string>;

const BASE: NsMap = new Map([['xml', XML_NS], ['xmlns', XMLNS_NS]]);

/** "p:l" → ["p", "l"]; "l" → ["", "l"]; undefined for a name XML Namespaces does not allow (saxes' qname). */
export function splitQname(name: string): [string, string] | undefined {
  const colon = name.indexOf(':');
  if (colon < 0) return ['', name];
  const prefix = name.slice(0, colon);
  const local = name.slice(colon + 1);
  return prefix === '' || local === '' || local.includes(':') ? undefined : [prefix, local];
}

/** What saxes refuses in a namespace declaration (its nsPairCheck), or undefined. */
function pairProblem(prefix: string, uri: string): string | undefined {
  if (prefix === 'xml' && uri !== XML_NS) return `xml prefix must be bound to ${XML_NS}.`;
  if (prefix === 'xmlns' && uri !== XMLNS_NS) return `xmlns prefix must be bound to ${XMLNS_NS}.`;
  if (uri === XMLNS_NS) return prefix === '' ? `the default namespace may not be set to ${uri}.` : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NS}.`;
  if (uri === XML_NS && prefix !== 'xml') return prefix === '' ? `the default namespace may not be set to ${uri}.` : 'may not assign the xml namespace to another prefix.';
  return undefined;
}

/** The declarations an element's attributes make (xmlns, xmlns:p), or undefined when none; problems go to `fail`. */
export function declarationsOf(attrs: Iterable<readonly [string, string]>, fail: (msg: string) => void): Map<string, string> | undefined {
  let decl: Map<string, string> | undefined;
  for (const [name, value] of attrs) {
    if (name === 'xmlns') {
      const uri = value.trim();
      (decl ??= new Map()).set('', uri);
      const p = pairProblem('', uri);
      if (p) fail(p);
    } else if (name.startsWith('xmlns:')) {
      const uri = value.trim();
      const prefix = name.slice(6);
      if (uri === '') fail('invalid attempt to undefine prefix in XML 1.0');
      (decl ??= new Map()).set(prefix, uri);
      const p = pairProblem(prefix, uri);
      if (p) fail(p);
    }
  }
  return decl;
}

/** Prefix scopes along the open elements, as a SAX handler sees them. */
export class NsScope {
  private readonly stack: { level: number; map: NsMap }[] = [{ level: -1, map: BASE }];
  /** The first namespace problem met (saxes' message), if any. */
  problem?: string;

  private readonly fail = (msg: string): void => {
    this.problem ??= msg;
  };

  resolve(prefix: string): string | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const uri = this.stack[i].map.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  }

  /** The prefixes in scope, innermost winning (for parsing a piece of the part on its own). */
  all(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.stack) for (const [k, v] of s.map) out.set(k, v);
    return out;
  }

  /**
   * An element opens at `level` (its number of open ancestors): its declarations come into scope and
   * its name and attribute names are checked as saxes' namespace mode checks them.
   */
  open(name: string, attrs: Record<string, string>, level: number, selfClosing: boolean): void {
    let declares = false;
    let prefixed = 0;
    for (const k in attrs) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) declares = true;
      else if (k.includes(':')) prefixed++;
    }
    if (declares) {
      const decl = declarationsOf(Object.entries(attrs), this.fail);
      if (decl) this.stack.push({ level, map: decl });
    }
    if (this.problem === undefined) this.check(name, attrs, prefixed);
    if (selfClosing) this.close(level);
  }

  /** The element at `level` closes: its declarations go out of scope. */
  close(level: number): void {
    const top = this.stack[this.stack.length - 1];
    if (top.level === level) this.stack.pop();
  }

  private check(name: string, attrs: Record<string, string>, prefixed: number): void {
    const q = splitQname(name);
    if (!q) return this.fail(`malformed name: ${name}.`);
    if (q[0] === 'xmlns') return this.fail('tags may not have "xmlns" as prefix.');
    if (q[0] !== '' && this.resolve(q[0]) === undefined) return this.fail(`unbound namespace prefix: ${JSON.stringify(q[0])}.`);
    if (!prefixed) return;
    const seen = new Set<string>();
    for (const k in attrs) {
      if (!k.includes(':')) {
        seen.add(k);
        continue;
      }
      const a = splitQname(k);
      if (!a) return this.fail(`malformed name: ${k}.`);
      const uri = this.resolve(a[0]);
      if (uri === undefined) return this.fail(`unbound namespace prefix: ${JSON.stringify(a[0])}.`);
      const eq = `{${uri}}${a[1]}`;
      if (seen.has(eq)) return this.fail(`duplicate attribute: ${eq}.`);
      seen.add(eq);
    }
  }
}
