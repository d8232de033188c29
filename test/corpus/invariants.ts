/**
 * "Nothing lost": the invariants an edit of a workbook must keep, checked on the package (zip parts,
 * relationships, content types) with a real XML parser (saxes, via ./xml.ts).
 *
 * Given the input bytes and the output bytes of one edit, and what the edit owns:
 *  1. every part the edit does not own is byte-identical (uncompressed content), and none is removed;
 *  2. no relationship target dangles (relative and absolute targets resolved; External excepted), and no
 *     r:id / r:embed / … in a part's XML names a relationship its .rels does not have;
 *  3. every part has a content type (Default by extension or Override), and no Override names a
 *     missing part;
 *  4. every defined name keeps its text and its scope (localSheetId mapped to the sheet's name);
 *  5. sheet protection flags and the set of unlocked cells of each sheet are what they were, plus what
 *     the edit sets (given as the same edit's effect on a reference workbook);
 *  6. charts, pivot tables, comments, threaded comments, drawings, tables, media, printer settings are
 *     still linked from the same sheets (and the workbook's pivot caches, persons, calcChain, VBA
 *     project, custom properties from the workbook/package), with the same bytes;
 *  7. inside the parts the edit owns (its sheets), what it does not own is kept: extLst entries it does
 *     not write (sparklines, x14 validations, …), hyperlinks, manual breaks, the sheet's drawing and
 *     legacy drawing elements, mc:AlternateContent, and the root's own attributes (xr:uid, mc:Ignorable).
 */
import { createHash } from 'crypto';
import {
  contentTypeOf, findPart, key, readContentTypes, readParts, readRels, readSheets, relType, sourceOfRels, type Parts,
} from './opc';
import { attr, child, childrenNamed, elements, NS, parseXml, serializeXml, textOf, walk, type XElement } from './xml';

export type Problem = { check: CheckName; what: string };

export type CheckName = 'parts' | 'rels' | 'content-types' | 'names' | 'protection' | 'links' | 'owned-xml';
export const CHECKS: readonly CheckName[] = ['parts', 'rels', 'content-types', 'names', 'protection', 'links', 'owned-xml'];

/** What one edit may change. */
export interface Ownership {
  /** Sheets (by name) whose worksheet part and its .rels the edit rewrites. */
  sheets: (name: string) => boolean;
  /** Package-level parts the edit may rewrite (workbook, styles, shared strings, content types, …). */
  parts: (part: string) => boolean;
  /** Defined names whose text the edit may change (it may add any name; it never removes one). */
  names: (name: string) => boolean;
  /** extLst entries (by uri) the edit writes itself in its sheets. */
  extUris: (uri: string) => boolean;
}

export interface SheetState {
  protection: Record<string, string> | null;
  unlocked: Set<string>;
}

export interface Snapshot {
  parts: Parts;
  sheets: { name: string; kind: string; part?: string }[];
  names: Map<string, string>;
  states: Map<string, SheetState>;
}

/** Workbook parts an edit may rewrite: the cells' styles and the shared strings (never the theme). */
const WORKBOOK_LEVEL = new Set(['styles', 'sharedstrings']);

/** The package parts every edit command may rewrite. */
export function workbookLevelPart(parts: Parts, part: string): boolean {
  const k = key(part);
  if (k === '[content_types].xml' || k === 'docprops/app.xml' || k === 'docprops/core.xml') return true;
  const info = readSheets(parts);
  if (!info) return false;
  if (k === key(info.workbook)) return true;
  const src = sourceOfRels(part);
  if (src !== undefined && key(src) === key(info.workbook)) return true;
  return readRels(parts, info.workbook).some((r) => r.part && key(r.part) === k && WORKBOOK_LEVEL.has(relType(r).toLowerCase()));
}

/** CT_SheetProtection's defaults: an absent attribute means this (so `objects="0"` equals no attribute). */
const PROTECTION_DEFAULTS: Record<string, string> = {
  sheet: '0', objects: '0', scenarios: '0', formatCells: '1', formatColumns: '1', formatRows: '1', insertColumns: '1', insertRows: '1',
  insertHyperlinks: '1', deleteColumns: '1', deleteRows: '1', selectLockedCells: '0', sort: '1', autoFilter: '1', pivotTables: '1', selectUnlockedCells: '0',
};

const bool = (v: string): string => (v === 'true' || v === '1' ? '1' : v === 'false' || v === '0' ? '0' : v);

function sheetStates(parts: Parts): Map<string, SheetState> {
  const out = new Map<string, SheetState>();
  const info = readSheets(parts);
  if (!info) return out;
  const stylesRel = readRels(parts, info.workbook).find((r) => relType(r) === 'styles');
  const stylesPart = stylesRel?.part ? findPart(parts, stylesRel.part) : undefined;
  const unlockedXf: boolean[] = [];
  if (stylesPart) {
    const cellXfs = child(parseXml(parts.get(stylesPart)!).root, NS.main, 'cellXfs');
    for (const xf of cellXfs ? childrenNamed(cellXfs, NS.main, 'xf') : []) {
      const p = child(xf, NS.main, 'protection');
      unlockedXf.push(!!p && bool(attr(p, 'locked') ?? '1') === '0');
    }
  }
  for (const s of info.sheets) {
    if (s.kind !== 'worksheet' || !s.part) continue;
    const root = parseXml(parts.get(s.part)!).root;
    const prot = child(root, NS.main, 'sheetProtection');
    const protection = prot ? { ...PROTECTION_DEFAULTS, ...Object.fromEntries(prot.attrs.filter((a) => !a.name.startsWith('xmlns')).map((a) => [a.local, bool(a.value)])) } : null;
    const unlocked = new Set<string>();
    const data = child(root, NS.main, 'sheetData');
    for (const row of data ? childrenNamed(data, NS.main, 'row') : []) {
      for (const c of childrenNamed(row, NS.main, 'c')) {
        const sIdx = Number(attr(c, 's') ?? '0');
        if (unlockedXf[sIdx]) unlocked.add(attr(c, 'r') ?? '?');
      }
    }
    out.set(s.name, { protection, unlocked });
  }
  return out;
}

function definedNames(parts: Parts): Map<string, string> {
  const out = new Map<string, string>();
  const info = readSheets(parts);
  if (!info) return out;
  const dn = child(info.root, NS.main, 'definedNames');
  for (const d of dn ? childrenNamed(dn, NS.main, 'definedName') : []) {
    const local = attr(d, 'localSheetId');
    const scope = local === undefined ? '(workbook)' : info.sheets[Number(local)]?.name ?? `(sheet #${local})`;
    out.set(`${attr(d, 'name')} @ ${scope}`, textOf(d));
  }
  return out;
}

export async function snapshot(bytes: Buffer | Uint8Array): Promise<Snapshot> {
  const parts = await readParts(bytes);
  const info = readSheets(parts);
  return { parts, sheets: info?.sheets ?? [], names: definedNames(parts), states: sheetStates(parts) };
}

const hash = (b: Buffer): string => createHash('sha1').update(b).digest('hex').slice(0, 12);

/** Linked artefacts: `source → type:hash` (two levels below each sheet, one below workbook and package). */
function links(parts: Parts): Set<string> {
  const out = new Set<string>();
  const info = readSheets(parts);
  if (!info) return out;
  const SKIP = new Set(['worksheet', 'chartsheet', 'styles', 'sharedStrings', 'theme', 'officeDocument', 'core-properties', 'extended-properties']);
  const visit = (label: string, source: string, depth: number): void => {
    for (const r of readRels(parts, source)) {
      if (r.external || !r.part || SKIP.has(relType(r))) continue;
      const p = findPart(parts, r.part);
      if (!p) continue;
      // The calculation chain is the edit's to keep true when it writes formulas: what counts is that it
      // is still there and names only cells that hold a formula.
      out.add(`${label} → ${relType(r)}:${relType(r) === 'calcChain' ? calcChainState(parts, p, info.sheets) : hash(parts.get(p)!)}`);
      if (depth > 1) visit(`${label} → ${relType(r)}`, p, depth - 1);
    }
  };
  for (const s of info.sheets) if (s.part) visit(`${s.kind} “${s.name}”`, s.part, 3);
  visit('workbook', info.workbook, 2);
  visit('package', '', 1);
  return out;
}

/** "true", or the first entry of the chain that names a cell without a formula. */
function calcChainState(parts: Parts, part: string, sheets: { sheetId: string; part?: string }[]): string {
  const formulaCells = new Map<string, Set<string>>();
  const cellsOf = (sheetId: string): Set<string> => {
    let set = formulaCells.get(sheetId);
    if (set) return set;
    set = new Set();
    const sheetPart = sheets.find((s) => s.sheetId === sheetId)?.part;
    const data = sheetPart ? child(parseXml(parts.get(sheetPart)!).root, NS.main, 'sheetData') : undefined;
    for (const row of data ? childrenNamed(data, NS.main, 'row') : []) {
      for (const c of childrenNamed(row, NS.main, 'c')) if (child(c, NS.main, 'f')) set.add(attr(c, 'r') ?? '');
    }
    formulaCells.set(sheetId, set);
    return set;
  };
  let sheet = '';
  for (const c of childrenNamed(parseXml(parts.get(part)!).root, NS.main, 'c')) {
    sheet = attr(c, 'i') ?? sheet;
    const ref = attr(c, 'r') ?? '';
    if (!cellsOf(sheet).has(ref)) return `stale entry ${ref} of sheetId ${sheet}`;
  }
  return 'true';
}

/** The elements of an owned sheet that belong to the person, not the edit. */
function keptInOwnedSheet(root: XElement, o: Ownership): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of root.attrs) if (!a.name.startsWith('xmlns') && a.name !== 'mc:Ignorable') out.set(`@${a.name}`, a.value);
  for (const el of elements(root)) {
    if (['hyperlinks', 'rowBreaks', 'colBreaks', 'picture', 'oleObjects', 'controls'].includes(el.local)) out.set(el.local, serializeXml({ prolog: [], root: stripRid(el) }));
    if (el.local === 'drawing' || el.local === 'legacyDrawing' || el.local === 'legacyDrawingHF') out.set(el.local, 'present');
    if (el.local === 'AlternateContent' && el.uri === NS.mc) out.set(`mc:AlternateContent#${out.size}`, serializeXml({ prolog: [], root: el }));
    if (el.local === 'extLst') {
      for (const ext of elements(el)) {
        const uri = attr(ext, 'uri') ?? '';
        if (!o.extUris(uri)) out.set(`ext ${uri}`, elements(ext).map((c) => serializeXml({ prolog: [], root: c })).join(''));
      }
    }
  }
  return out;
}

/** A copy without r:id attributes (their numbering may change; the targets are checked as links). */
function stripRid(el: XElement): XElement {
  return { ...el, attrs: el.attrs.filter((a) => a.uri !== NS.r), children: el.children.map((c) => (c.kind === 'element' ? stripRid(c) : c)) };
}

function diffProtection(a: SheetState | undefined, b: SheetState | undefined): string[] {
  const out: string[] = [];
  const pa = a?.protection ?? null;
  const pb = b?.protection ?? null;
  if (!pa !== !pb) out.push(pa ? 'protection removed' : 'protection added');
  else if (pa && pb) {
    for (const k of new Set([...Object.keys(pa), ...Object.keys(pb)])) if (pa[k] !== pb[k]) out.push(`${k}: ${pa[k] ?? '-'} → ${pb[k] ?? '-'}`);
  }
  const ua = a?.unlocked ?? new Set<string>();
  const ub = b?.unlocked ?? new Set<string>();
  const locked = [...ua].filter((c) => !ub.has(c));
  const opened = [...ub].filter((c) => !ua.has(c));
  if (locked.length) out.push(`locked ${locked.length}: ${locked.sort().join(' ')}`);
  if (opened.length) out.push(`unlocked ${opened.length}: ${opened.sort().join(' ')}`);
  return out;
}

export interface EditCheck {
  before: Snapshot;
  after: Snapshot;
  own: Ownership;
  /** The same edit on a reference workbook (the generated one): its protection changes per sheet. */
  reference?: { before: Snapshot; after: Snapshot };
}

/** Every problem, by check. An empty list means nothing was lost or broken. */
export function checkEdit({ before, after, own, reference }: EditCheck): Problem[] {
  const problems: Problem[] = [];
  const p = (check: CheckName, what: string): void => { problems.push({ check, what }); };
  const inParts = before.parts;
  const outParts = after.parts;

  // 1. parts
  const ownedPart = (name: string, parts: Parts, sheets: Snapshot['sheets']): boolean => {
    if (own.parts(name) || workbookLevelPart(parts, name)) return true;
    for (const s of sheets) {
      if (!s.part || !own.sheets(s.name) || s.kind !== 'worksheet') continue;
      if (key(s.part) === key(name)) return true;
      const src = sourceOfRels(name);
      if (src !== undefined && key(src) === key(s.part)) return true;
    }
    return false;
  };
  for (const [name, bytes] of inParts) {
    const outName = findPart(outParts, name);
    if (ownedPart(name, inParts, before.sheets)) continue;
    if (!outName) p('parts', `removed: ${name}`);
    else if (!bytes.equals(outParts.get(outName)!)) p('parts', `changed: ${name}`);
  }

  // 2. relationships
  for (const name of outParts.keys()) {
    const src = sourceOfRels(name);
    if (src === undefined) continue;
    if (src !== '' && !findPart(outParts, src)) p('rels', `${name}: relationships of a missing part`);
    let rels;
    try {
      rels = readRels(outParts, src);
    } catch (e) {
      p('rels', `${name}: not well-formed (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    for (const r of rels) {
      if (r.external) continue;
      if (!r.part || !findPart(outParts, r.part)) p('rels', `${name} ${r.id} (${relType(r)}) → ${r.target}: no such part`);
    }
  }
  for (const [name, bytes] of outParts) {
    if (!/\.(xml|vml)$/i.test(name) || name.includes('_rels/')) continue;
    let root: XElement;
    try {
      root = parseXml(bytes).root;
    } catch (e) {
      p('rels', `${name}: not well-formed XML (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    const ids = new Set(readRels(outParts, name).map((r) => r.id));
    for (const el of walk(root)) {
      for (const a of el.attrs) {
        if (a.uri === NS.r && a.value !== '' && !ids.has(a.value)) p('rels', `${name}: <${el.name} ${a.name}="${a.value}"> has no relationship`);
      }
    }
  }

  // 3. content types
  const ct = readContentTypes(outParts);
  for (const name of outParts.keys()) {
    if (name === '[Content_Types].xml') continue;
    if (!contentTypeOf(ct, name)) p('content-types', `no content type: ${name}`);
  }
  for (const o of ct.overrides.keys()) if (!findPart(outParts, o)) p('content-types', `Override for a missing part: /${o}`);
  const ctIn = readContentTypes(inParts);
  for (const name of inParts.keys()) {
    const outName = findPart(outParts, name);
    if (!outName || name === '[Content_Types].xml') continue;
    const a = contentTypeOf(ctIn, name);
    const b = contentTypeOf(ct, outName);
    if (a && b && a !== b) p('content-types', `${name}: ${a} → ${b}`);
  }

  // 4. defined names
  for (const [k, text] of before.names) {
    const name = k.split(' @ ')[0];
    const now = after.names.get(k);
    if (now === undefined) {
      const elsewhere = [...after.names.keys()].find((x) => x.split(' @ ')[0] === name);
      p('names', elsewhere ? `${k} rescoped to ${elsewhere.split(' @ ')[1]}` : `${k} lost (was ${text})`);
    } else if (now !== text && !own.names(name)) p('names', `${k}: ${text} → ${now}`);
  }

  // 5. protection and unlocked cells
  for (const [sheet, st] of before.states) {
    const got = diffProtection(st, after.states.get(sheet));
    const want = reference ? diffProtection(reference.before.states.get(sheet), reference.after.states.get(sheet)) : [];
    const extra = got.filter((d) => !want.includes(d));
    const missing = want.filter((d) => !got.includes(d));
    for (const d of extra) p('protection', `${sheet}: ${d.length > 300 ? d.slice(0, 300) + '…' : d}`);
    for (const d of missing) p('protection', `${sheet}: the edit should have made ${d.length > 300 ? d.slice(0, 300) + '…' : d}`);
  }
  if (reference) {
    for (const [sheet, st] of after.states) {
      if (before.states.has(sheet)) continue;
      const ref = reference.after.states.get(sheet);
      if (!ref) continue;
      for (const d of diffProtection(ref, st)) p('protection', `new sheet ${sheet}: ${d.slice(0, 300)}`);
    }
  }

  // 6. links
  const la = links(inParts);
  const lb = links(outParts);
  const bare = (l: string): string => l.slice(0, l.lastIndexOf(':'));
  const lbBare = new Set([...lb].map(bare));
  for (const l of la) {
    if (lb.has(l)) continue;
    p('links', lbBare.has(bare(l)) ? `still linked but its content altered: ${l}` : `no longer linked: ${l}`);
  }
  for (const s of before.sheets) {
    if (!after.sheets.some((x) => x.name === s.name && x.kind === s.kind)) p('links', `${s.kind} “${s.name}” gone`);
  }

  // 7. inside the owned sheets
  for (const s of before.sheets) {
    if (!own.sheets(s.name) || !s.part || s.kind !== 'worksheet') continue;
    const t = after.sheets.find((x) => x.name === s.name);
    if (!t?.part) continue;
    const a = keptInOwnedSheet(parseXml(inParts.get(s.part)!).root, own);
    let b: Map<string, string>;
    try {
      b = keptInOwnedSheet(parseXml(outParts.get(t.part)!).root, own);
    } catch {
      continue;
    }
    for (const [k, v] of a) {
      if (!b.has(k)) p('owned-xml', `${s.name}: ${k} lost`);
      else if (b.get(k) !== v) p('owned-xml', `${s.name}: ${k} altered`);
    }
  }
  return problems;
}

/** The problems of one check, as lines. */
export const lines = (ps: Problem[], check: CheckName): string[] => ps.filter((x) => x.check === check).map((x) => x.what);
