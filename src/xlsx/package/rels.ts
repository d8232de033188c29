/**
 * A relationships part (OPC), located with saxes: relationships are added before the end tag and
 * removed where they stand; every other byte of the part stays.
 */
import { escapeAttr } from './xml-text';
import { NS, resolveTarget } from './names';
import { Splice } from './splice';
import { attr, parseXml, type XEl } from './xml-tree';

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part the target names (internal relationships only). */
  part: string;
}

const EMPTY = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"></Relationships>`;

export class Rels {
  readonly list: Rel[] = [];
  private readonly els = new Map<string, XEl>();
  private readonly splice: Splice;
  private readonly rootEl: XEl;
  private added = '';

  /** `source` is the part the relationships belong to ('' for the package); `xml` undefined for none yet. */
  constructor(readonly source: string, readonly partName: string, xml: string | undefined) {
    const doc = parseXml(xml ?? EMPTY, partName);
    this.rootEl = doc.root;
    this.splice = new Splice(doc.xml);
    for (const el of doc.root.children) {
      if (el.local !== 'Relationship') continue;
      const id = attr(el, 'Id');
      const target = attr(el, 'Target');
      const type = attr(el, 'Type');
      if (!id || target === undefined || !type) continue;
      const external = attr(el, 'TargetMode') === 'External';
      this.list.push({ id, type, target, external, part: external ? '' : resolveTarget(source, target) });
      this.els.set(id, el);
    }
  }

  get changed(): boolean {
    return this.splice.changed || this.added !== '';
  }

  byId(id: string): Rel | undefined {
    return this.list.find((r) => r.id === id);
  }

  /** Adds a relationship to `target` (relative to the source's folder); returns its new id. */
  add(type: string, target: string): string {
    let n = this.list.length + 1;
    const ids = new Set(this.list.map((r) => r.id));
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.list.push({ id, type, target, external: false, part: resolveTarget(this.source, target) });
    const prefix = this.rootEl.prefix ? `${this.rootEl.prefix}:` : '';
    this.added += `<${prefix}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
    return id;
  }

  remove(id: string): void {
    const el = this.els.get(id);
    const i = this.list.findIndex((r) => r.id === id);
    if (i >= 0) this.list.splice(i, 1);
    if (el) {
      this.splice.replace(el.start, el.end, '');
      this.els.delete(id);
    }
  }

  text(): string {
    if (this.added) {
      const r = this.rootEl;
      if (r.selfClosing) this.splice.replace(r.start, r.end, `${r.name === '' ? '' : this.openOf(r)}${this.added}</${r.name}>`);
      else this.splice.insert(r.closeStart, this.added);
      this.added = '';
    }
    return this.splice.apply();
  }

  private openOf(r: XEl): string {
    return `${this.splice.source.slice(r.start, r.end - 2)}>`;
  }
}
