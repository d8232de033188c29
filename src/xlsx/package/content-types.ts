/** [Content_Types].xml, located with saxes: Override entries added and removed, the rest kept byte for byte. */
import { escapeAttr } from './xml-text';
import { Splice } from './splice';
import { attr, parseXml, type XEl } from './xml-tree';

export const CONTENT_TYPES = '[Content_Types].xml';

export class ContentTypes {
  private readonly overrides = new Map<string, { type: string; el?: XEl }>();
  private readonly defaults = new Map<string, string>();
  private readonly splice: Splice;
  private readonly rootEl: XEl;
  private added = '';

  constructor(xml: string) {
    const doc = parseXml(xml, CONTENT_TYPES);
    this.rootEl = doc.root;
    this.splice = new Splice(xml);
    for (const el of doc.root.children) {
      if (el.local === 'Override') {
        const name = attr(el, 'PartName');
        const type = attr(el, 'ContentType');
        if (name && type) this.overrides.set(key(name), { type, el });
      } else if (el.local === 'Default') {
        const ext = attr(el, 'Extension');
        const type = attr(el, 'ContentType');
        if (ext && type) this.defaults.set(ext.toLowerCase(), type);
      }
    }
  }

  get changed(): boolean {
    return this.splice.changed || this.added !== '';
  }

  /** The content type of a part (name without the leading '/'), by override, else by extension. */
  typeOf(part: string): string | undefined {
    const o = this.overrides.get(key(part));
    if (o) return o.type;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    return this.defaults.get(ext);
  }

  /** Every part named by an Override (names without the leading '/', lower case). */
  overridden(): string[] {
    return [...this.overrides.keys()];
  }

  addOverride(part: string, type: string): void {
    this.removeOverride(part);
    this.overrides.set(key(part), { type });
    const prefix = this.rootEl.prefix ? `${this.rootEl.prefix}:` : '';
    this.added += `<${prefix}Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(type)}"/>`;
  }

  removeOverride(part: string): void {
    const o = this.overrides.get(key(part));
    if (!o) return;
    this.overrides.delete(key(part));
    if (o.el) this.splice.replace(o.el.start, o.el.end, '');
  }

  text(): string {
    if (this.added) {
      this.splice.insert(this.rootEl.closeStart, this.added);
      this.added = '';
    }
    return this.splice.apply();
  }
}

/** Part names compare case-insensitively (OPC), without the leading '/'. */
function key(name: string): string {
  return (name.startsWith('/') ? name.slice(1) : name).toLowerCase();
}
