/**
 * The styles part, located with saxes. The edit only appends: fonts, fills, borders, number formats,
 * cell formats (xf) and differential formats (dxf) that it needs and that are not there yet
 * (identical ones are reused); every existing entry keeps its index and its bytes.
 */
import type { StylePlan } from '../../templates/plan';
import { BrokenPackage } from './errors';
import { isMainNs } from './names';
import { Splice } from './splice';
import { attr, child, parseXml, qname, withAttrs, type XEl } from './xml-tree';
import { escapeAttr, startTag } from './xml-text';

type Collection = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';
/** CT_Stylesheet's order of children (where a missing collection is inserted). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** Built-in number formats the plans use (ECMA-376 §18.8.30). */
const BUILTIN_NUMFMT: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10 };

interface Coll {
  el?: XEl;
  /** Each entry's XML (existing ones as written), by index. */
  items: string[];
  index: Map<string, number>;
  added: string[];
  /** xf elements (cellXfs only), for deriving a new xf from an existing one. */
  els: (XEl | undefined)[];
}

export class StylesPart {
  private readonly splice: Splice;
  private readonly colls = new Map<Collection, Coll>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly lockMemo = new Map<string, number>();

  constructor(readonly part: string, private readonly xml: string) {
    const doc = parseXml(xml, part, { descend: (el, depth) => depth < 2 || (depth === 2 && el.parent?.local === 'cellXfs') });
    if (doc.root.local !== 'styleSheet' || !isMainNs(doc.root.uri)) throw new BrokenPackage('unexpectedXml', part, doc.root.name);
    this.root = doc.root;
    this.splice = new Splice(xml);
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as Collection[]) {
      const el = child(doc.root, name);
      const c: Coll = { el, items: [], index: new Map(), added: [], els: [] };
      for (const e of el?.children ?? []) {
        const s = xml.slice(e.start, e.end);
        if (!c.index.has(s)) c.index.set(s, c.items.length);
        c.items.push(s);
        c.els.push(e);
        if (name === 'numFmts') {
          const id = Number(attr(e, 'numFmtId'));
          const code = attr(e, 'formatCode');
          if (code !== undefined && Number.isInteger(id)) {
            if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
            this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
          }
        }
      }
      this.colls.set(name, c);
    }
  }

  private readonly root: XEl;

  get changed(): boolean {
    return [...this.colls.values()].some((c) => c.added.length > 0);
  }

  private q(local: string): string {
    return qname(this.root, local);
  }

  /** The index of an entry with exactly this XML, added when there is none. */
  private intern(name: Collection, xml: string): number {
    const c = this.colls.get(name) as Coll;
    const found = c.index.get(xml);
    if (found !== undefined) return found;
    const i = c.items.length;
    c.items.push(xml);
    c.els.push(undefined);
    c.index.set(xml, i);
    c.added.push(xml);
    return i;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    if (code in BUILTIN_NUMFMT) return BUILTIN_NUMFMT[code];
    const have = this.numFmtIds.get(code);
    if (have !== undefined) return have;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.intern('numFmts', `<${this.q('numFmt')} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private fill(rgb: string): number {
    const q = (l: string) => this.q(l);
    return this.intern('fills', `<${q('fill')}><${q('patternFill')} patternType="solid"><${q('fgColor')} rgb="FF${escapeAttr(rgb)}"/></${q('patternFill')}></${q('fill')}>`);
  }

  /** The cell format (xf index) of a style of the plans, written as the generator writes it. */
  xfFor(s: StylePlan): number {
    const q = (l: string) => this.q(l);
    const font = `<${q('font')}>${s.bold ? `<${q('b')}/>` : ''}${s.italic ? `<${q('i')}/>` : ''}${s.fontColor ? `<${q('color')} rgb="FF${escapeAttr(s.fontColor)}"/>` : ''}<${q('sz')} val="${s.size ?? 10}"/><${q('name')} val="Microsoft YaHei"/></${q('font')}>`;
    const fontId = this.intern('fonts', font);
    const fillId = s.fill ? this.fill(s.fill) : 0;
    const side = (l: string) => `<${q(l)} style="thin"><${q('color')} rgb="FFBFBFBF"/></${q(l)}>`;
    const borderId = s.border ? this.intern('borders', `<${q('border')}>${side('left')}${side('right')}${side('top')}${side('bottom')}<${q('diagonal')}/></${q('border')}>`) : 0;
    const numFmtId = this.numFmt(s.numFmt);
    const align: [string, string][] = [];
    if (s.hAlign) align.push(['horizontal', s.hAlign]);
    if (s.vAlign) align.push(['vertical', s.vAlign === 'middle' ? 'center' : s.vAlign]);
    if (s.wrap) align.push(['wrapText', '1']);
    const attrs: [string, string][] = [['numFmtId', String(numFmtId)], ['fontId', String(fontId)], ['fillId', String(fillId)], ['borderId', String(borderId)], ['xfId', '0']];
    if (numFmtId) attrs.push(['applyNumberFormat', '1']);
    attrs.push(['applyFont', '1']);
    if (fillId) attrs.push(['applyFill', '1']);
    if (borderId) attrs.push(['applyBorder', '1']);
    attrs.push(['applyAlignment', '1'], ['applyProtection', '1']);
    const inner = (align.length ? startTag(q('alignment'), align, true) : '') + (s.locked ? '' : `<${q('protection')} locked="0"/>`);
    return this.intern('cellXfs', inner ? `${startTag(q('xf'), attrs)}${inner}</${q('xf')}>` : startTag(q('xf'), attrs, true));
  }

  /** Whether cells of this xf are locked once the sheet is protected (locked unless the xf says otherwise). */
  isLocked(xf: number): boolean {
    const el = (this.colls.get('cellXfs') as Coll).els[xf];
    const p = el ? child(el, 'protection') : undefined;
    const v = p ? attr(p, 'locked') : undefined;
    return !(v === '0' || v === 'false');
  }

  /** A cell format like `xf` but locked or unlocked (and with a solid `fill` when given). */
  withLock(xf: number, locked: boolean, fill: string | undefined): number {
    const memoKey = `${xf}|${locked}|${fill ?? ''}`;
    const memo = this.lockMemo.get(memoKey);
    if (memo !== undefined) return memo;
    const c = this.colls.get('cellXfs') as Coll;
    const q = (l: string) => this.q(l);
    const base = c.items[xf] === undefined ? undefined : c.els[xf] ?? parseXml(c.items[xf], this.part).root;
    const src = c.els[xf] ? this.xml : c.items[xf];
    const set: Record<string, string | undefined> = { applyProtection: '1' };
    if (fill) Object.assign(set, { fillId: String(this.fill(fill)), applyFill: '1' });
    let tag: string;
    let inner = '';
    let name = q('xf');
    if (base) {
      name = base.name;
      tag = startTag(base.name, withAttrs(base, set));
      let placed = false;
      const prot = (p?: XEl) => startTag(q('protection'), p ? withAttrs(p, { locked: locked ? '1' : '0' }) : [['locked', locked ? '1' : '0']], true);
      for (const ch of base.children) {
        if (ch.local === 'protection') {
          inner += prot(ch);
          placed = true;
        } else if (ch.local === 'extLst' && !placed) {
          inner += prot() + src.slice(ch.start, ch.end);
          placed = true;
        } else inner += src.slice(ch.start, ch.end);
      }
      if (!placed) inner += prot();
    } else {
      tag = startTag(q('xf'), [['numFmtId', '0'], ['fontId', '0'], ['fillId', fill ? String(this.fill(fill)) : '0'], ['borderId', '0'], ['xfId', '0'], ['applyProtection', '1']]);
      inner = `<${q('protection')} locked="${locked ? '1' : '0'}"/>`;
    }
    const out = this.intern('cellXfs', `${tag}${inner}</${name}>`);
    this.lockMemo.set(memoKey, out);
    return out;
  }

  /** A differential format for a conditional format: font colour and bold, background fill. */
  dxfFor(fill: string, fontColor?: string, bold?: boolean): number {
    const q = (l: string) => this.q(l);
    const font = fontColor || bold ? `<${q('font')}>${bold ? `<${q('b')}/>` : ''}${fontColor ? `<${q('color')} rgb="FF${escapeAttr(fontColor)}"/>` : ''}</${q('font')}>` : '';
    return this.intern('dxfs', `<${q('dxf')}>${font}<${q('fill')}><${q('patternFill')} patternType="solid"><${q('bgColor')} rgb="FF${escapeAttr(fill)}"/></${q('patternFill')}></${q('fill')}></${q('dxf')}>`);
  }

  text(): string {
    for (const [name, c] of this.colls) {
      if (!c.added.length) continue;
      const body = c.added.join('');
      const count = String(c.items.length);
      if (c.el && !c.el.selfClosing) {
        this.splice.replace(c.el.start, c.el.openEnd, startTag(c.el.name, withAttrs(c.el, { count })));
        this.splice.insert(c.el.closeStart, body);
      } else if (c.el) {
        this.splice.replace(c.el.start, c.el.end, `${startTag(c.el.name, withAttrs(c.el, { count }))}${body}</${c.el.name}>`);
      } else {
        const at = ORDER.indexOf(name);
        const next = this.root.children.find((e) => isMainNs(e.uri) && ORDER.indexOf(e.local) > at);
        this.splice.insert(next ? next.start : this.root.closeStart, `<${this.q(name)} count="${count}">${body}</${this.q(name)}>`);
      }
      c.added = [];
    }
    return this.splice.apply();
  }
}
