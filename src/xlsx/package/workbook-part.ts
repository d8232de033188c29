/**
 * The workbook part (xl/workbook.xml or whatever the package relationship names), located with
 * saxes: its sheets (name, state, relationship, part), defined names and calculation properties.
 * The edit rewrites only <sheets> when sheets are added, removed or moved, the defined names it
 * defines (and the localSheetId of names whose sheet moved), and <calcPr>; every other byte stays.
 */
import { BrokenPackage } from './errors';
import { isMainNs, isRelNs, NS, relIs } from './names';
import { Splice } from './splice';
import type { ZipPackage } from './zip-package';
import { attr, child, children, parseXml, qname, withAttrs, type XEl } from './xml-tree';
import { escapeText, startTag } from './xml-text';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** The worksheet part; '' for a chart sheet or a dialog sheet (not a worksheet). */
  part: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  el?: XEl;
}

export interface DefinedName {
  name: string;
  localSheetId?: number;
  text: string;
  el?: XEl;
}

/** Finds the workbook part through the package relationships (any part name). */
export async function workbookPartName(pkg: ZipPackage): Promise<string> {
  const rels = await pkg.relsOf('');
  const rel = rels.list.find((r) => relIs(r.type, 'officeDocument') && !r.external);
  if (!rel) throw new BrokenPackage('noWorkbook', '_rels/.rels');
  if (!pkg.has(rel.part)) throw new BrokenPackage('missingPart', rel.part);
  return rel.part;
}

export class WorkbookPart {
  readonly sheets: SheetEntry[] = [];
  readonly names: DefinedName[] = [];
  private readonly splice: Splice;
  private sheetsChanged = false;
  private namesChanged = false;
  private calcFull = false;

  private constructor(readonly part: string, private readonly root: XEl, xml: string) {
    this.splice = new Splice(xml);
  }

  static async load(pkg: ZipPackage): Promise<WorkbookPart> {
    const part = await workbookPartName(pkg);
    const doc = parseXml(await pkg.text(part), part);
    if (doc.root.local !== 'workbook' || !isMainNs(doc.root.uri)) throw new BrokenPackage('unexpectedXml', part, doc.root.name);
    const wb = new WorkbookPart(part, doc.root, doc.xml);
    const rels = await pkg.relsOf(part);
    const sheetsEl = child(doc.root, 'sheets');
    for (const el of sheetsEl ? children(sheetsEl, 'sheet') : []) {
      const rid = el.attrs.find((a) => a.local === 'id' && isRelNs(a.uri))?.value ?? '';
      const rel = rels.byId(rid);
      const state = attr(el, 'state');
      wb.sheets.push({
        name: attr(el, 'name') ?? '', sheetId: Number(attr(el, 'sheetId') ?? 0), rid,
        part: rel && !rel.external && relIs(rel.type, 'worksheet') ? rel.part : '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible', el,
      });
    }
    const dn = child(doc.root, 'definedNames');
    for (const el of dn ? children(dn, 'definedName') : []) {
      const local = attr(el, 'localSheetId');
      wb.names.push({ name: attr(el, 'name') ?? '', localSheetId: local === undefined ? undefined : Number(local), text: el.text, el });
    }
    return wb;
  }

  /** The worksheets (not chart sheets), in tab order. */
  worksheets(): SheetEntry[] {
    return this.sheets.filter((s) => s.part !== '');
  }

  find(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The next free sheetId. */
  nextSheetId(): number {
    return Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
  }

  /**
   * Sets the tabs: `order` is the new list of entries (existing ones and new ones without `el`). The
   * localSheetId of every sheet-scoped name follows its sheet; names scoped to a sheet that is gone
   * (and not replaced by one of the same name) are dropped.
   */
  setSheets(order: SheetEntry[]): void {
    const oldIndex = new Map(this.sheets.map((s, i) => [s, i]));
    const newIndexOfOld = new Map<number, number>();
    order.forEach((s, i) => {
      const o = oldIndex.get(s);
      if (o !== undefined) newIndexOfOld.set(o, i);
    });
    // A replaced sheet (same name, new entry) keeps its sheet-scoped names.
    this.sheets.forEach((s, i) => {
      if (newIndexOfOld.has(i)) return;
      const j = order.findIndex((x) => !oldIndex.has(x) && x.name.toLowerCase() === s.name.toLowerCase());
      if (j >= 0) newIndexOfOld.set(i, j);
    });
    for (const n of this.names) {
      if (n.localSheetId === undefined) continue;
      const to = newIndexOfOld.get(n.localSheetId);
      if (to === n.localSheetId) continue;
      this.namesChanged = true;
      n.localSheetId = to ?? -1;
    }
    this.sheets.splice(0, this.sheets.length, ...order);
    this.sheetsChanged = true;
  }

  /** Defines a workbook-scoped name (a name that exists at workbook scope gets the new reference). */
  defineName(name: string, text: string): void {
    const n = this.names.find((x) => x.localSheetId === undefined && x.name.toLowerCase() === name.toLowerCase());
    if (n) {
      if (n.text === text) return;
      n.text = text;
    } else this.names.push({ name, text });
    this.namesChanged = true;
  }

  /** Defines a name scoped to one sheet (by tab index), e.g. _xlnm.Print_Titles; an existing one gets the new text. */
  defineSheetName(name: string, localSheetId: number, text: string): void {
    const n = this.names.find((x) => x.localSheetId === localSheetId && x.name.toLowerCase() === name.toLowerCase());
    if (n) {
      if (n.text === text) return;
      n.text = text;
    } else this.names.push({ name, localSheetId, text });
    this.namesChanged = true;
  }

  /** Excel recalculates every formula when the file opens (the edit writes formulas without cached values). */
  fullCalcOnLoad(): void {
    this.calcFull = true;
  }

  text(): string {
    const root = this.root;
    const q = (l: string) => qname(root, l);
    if (this.sheetsChanged) {
      const el = child(root, 'sheets');
      if (!el) throw new BrokenPackage('unexpectedXml', this.part, 'no <sheets>');
      // The relationships prefix declared on the root (Excel), or on each <sheet> (openpyxl): a new
      // entry declares it itself when the root does not.
      const rootPrefix = this.rootRelPrefix();
      const body = this.sheets.map((s) => {
        const set = { name: s.name, sheetId: String(s.sheetId), state: s.state === 'visible' ? undefined : s.state };
        if (s.el) return startTag(s.el.name, withAttrs(s.el, set), true);
        const attrs: [string, string][] = [['name', s.name], ['sheetId', String(s.sheetId)], ...(s.state === 'visible' ? [] : [['state', s.state] as [string, string]])];
        if (rootPrefix) attrs.push([`${rootPrefix}:id`, s.rid]);
        else attrs.push([`xmlns:r`, NS.r], ['r:id', s.rid]);
        return startTag(q('sheet'), attrs, true);
      }).join('');
      this.splice.replace(el.openEnd, el.closeStart, body);
    }
    if (this.namesChanged) {
      const el = child(root, 'definedNames');
      const kept = this.names.filter((n) => n.localSheetId !== -1);
      const body = kept.map((n) => {
        const local = n.localSheetId === undefined ? undefined : String(n.localSheetId);
        if (n.el && n.el.text === n.text && attr(n.el, 'localSheetId') === local) return this.splice.source.slice(n.el.start, n.el.end);
        const open = n.el ? startTag(n.el.name, withAttrs(n.el, { localSheetId: local })) : startTag(q('definedName'), [['name', n.name], ...(local === undefined ? [] : [['localSheetId', local] as [string, string]])]);
        // A name that only moved keeps its text byte for byte (its entities as the writer chose them).
        const body = n.el && n.el.text === n.text ? this.splice.source.slice(n.el.openEnd, n.el.closeStart) : escapeText(n.text);
        return `${open}${body}</${n.el?.name ?? q('definedName')}>`;
      }).join('');
      if (el) this.splice.replace(el.start, el.end, kept.length ? `${startTag(el.name, withAttrs(el, {}))}${body}</${el.name}>` : '');
      else if (kept.length) this.insertAfter(['sheets', 'functionGroups', 'externalReferences'], `<${q('definedNames')}>${body}</${q('definedNames')}>`);
    }
    if (this.calcFull) {
      const el = child(root, 'calcPr');
      if (el) {
        const tag = startTag(el.name, withAttrs(el, { fullCalcOnLoad: '1' }), el.selfClosing);
        this.splice.replace(el.start, el.openEnd, tag);
      } else this.insertAfter(['sheets', 'functionGroups', 'externalReferences', 'definedNames'], `<${q('calcPr')} fullCalcOnLoad="1"/>`);
    }
    return this.splice.apply();
  }

  /** Inserts after the last of these children present (the schema's order), else after <sheets>. */
  private insertAfter(before: string[], text: string): void {
    let at: XEl | undefined;
    for (const c of this.root.children) if (before.includes(c.local) && isMainNs(c.uri)) at = c;
    this.splice.insert(at ? at.end : this.root.openEnd, text);
  }

  /** The prefix bound to the relationships namespace on the workbook element (r, usually), if it is declared there. */
  private rootRelPrefix(): string | undefined {
    for (const a of this.root.attrs) if (a.name.startsWith('xmlns:') && isRelNs(a.value)) return a.name.slice(6);
    return undefined;
  }

  get changed(): boolean {
    return this.sheetsChanged || this.namesChanged || this.calcFull;
  }
}
