/**
 * Applies a WorkbookEdit (src/templates/edits.ts) to the package itself. Only the parts the edit
 * owns are rewritten — the worksheets it writes or adds, the styles it adds, workbook.xml when
 * sheets or names change, relationships and content types of what it adds or removes — and in them
 * only the elements it owns (see sheet-edit.ts). Every other part goes through untouched.
 */
import { addr, parseAddr } from '../../templates/a1';
import { finalOrder, type WorkbookEdit } from '../../templates/edits';
import { printSetup, printTitlesRef, type PlanCell, type StyleId } from '../../templates/plan';
import type { SheetValues } from '../../templates/read-book';
import { EditConflict } from './errors';
import { calcChainEmpty, editCalcChain, type CalcChainChange } from './calc-chain';
import { CT, REL, relIs, relativeTarget } from './names';
import { passwordForEdit, protectionAttrs, type SheetLock } from './protection';
import { addCellOp, editSheetXml, emptyOps, type SheetOps } from './sheet-edit';
import { renderSheetXml } from './sheet-render';
import type { SharedStrings } from './cell-xml';
import type { SheetIndex } from './sheet-index';
import { StylesPart } from './styles-part';
import { WorkbookPart, type SheetEntry } from './workbook-part';
import type { ZipPackage } from './zip-package';
import type { SheetPasswordHash } from '../password';

export interface PackageEditResult {
  chartsSkipped: number;
  passwordUnused: boolean;
}

export interface PackageState {
  /** The sheets as read before the edit: values (for the append check) and protection. */
  values: Map<string, SheetValues>;
  locks: SheetLock[];
  /** Where the read found each sheet's elements, by part (sheet-index.ts): the edit does not parse them again. */
  index?: ReadonlyMap<string, SheetIndex>;
  /** The workbook part as read (the edit changes it); loaded from the package when not given. */
  wb?: WorkbookPart;
}

async function stylesOf(pkg: ZipPackage, wb: WorkbookPart): Promise<StylesPart> {
  const rels = await pkg.relsOf(wb.part);
  let rel = rels.list.find((r) => relIs(r.type, 'styles') && !r.external);
  if (!rel || !pkg.has(rel.part)) {
    // A workbook without a styles part (legal, rare): one with the defaults is added.
    const part = 'xl/styles.xml';
    pkg.write(part, MINIMAL_STYLES);
    const id = rels.add(REL.styles, relativeTarget(wb.part, part));
    (await pkg.contentTypes()).addOverride(part, CT.styles);
    rel = rels.byId(id);
  }
  const part = (rel as { part: string }).part;
  return new StylesPart(part, await pkg.text(part));
}

/**
 * Reads the parts every edit rewrites — content types, the workbook's relationships, the styles —
 * so that a broken one is refused when the file is opened, before a use case decides anything.
 */
export async function checkEditableParts(pkg: ZipPackage, wb: WorkbookPart): Promise<void> {
  await pkg.contentTypes();
  const rel = (await pkg.relsOf(wb.part)).list.find((r) => relIs(r.type, 'styles') && !r.external);
  if (rel && pkg.has(rel.part)) new StylesPart(rel.part, await pkg.text(rel.part));
}

/** The styles part of a workbook that has none: Excel's defaults (also a new workbook's, new-package.ts). */
export const MINIMAL_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Free part names for new sheets, counting on from the last one given (a thousand new cards: no rescan from 1 each time). */
function partNamer(pkg: ZipPackage, dir: string): () => string {
  let n = 0;
  return () => {
    for (n++; ; n++) {
      const name = `${dir}/sheet${n}.xml`;
      if (!pkg.has(name)) return name;
    }
  };
}

export interface ApplyPackageOptions {
  /** A new workbook (new-package.ts): its protected sheets get this hash, there being no sheet to check a password against. */
  newHash?: SheetPasswordHash;
  /** A new workbook's shared strings, which its added sheets' texts go into (else they are written inline). */
  strings?: SharedStrings;
}

export async function applyEditPackage(pkg: ZipPackage, edit: WorkbookEdit, state: PackageState, password: string | undefined, opts: ApplyPackageOptions = {}): Promise<PackageEditResult> {
  // First, before anything changes: a SheetPasswordError leaves the package as it was read.
  const protection = opts.newHash ? { hash: opts.newHash, passwordUnused: false } : passwordForEdit(state.locks, edit, password);
  const protectAttrs = protectionAttrs(protection.hash);
  const wb = state.wb ?? await WorkbookPart.load(pkg);
  const styles = await stylesOf(pkg, wb);
  const xfMemo = new Map<StyleId, number>();
  const xfOf = (id: StyleId): number => {
    let x = xfMemo.get(id);
    if (x === undefined) {
      const plan = edit.styles[id];
      x = plan ? styles.xfFor(plan) : 0;
      xfMemo.set(id, x);
    }
    return x;
  };
  const wbRels = await pkg.relsOf(wb.part);
  const types = await pkg.contentTypes();
  const chain: CalcChainChange = { removedSheets: new Set(), written: new Map() };
  let chartsSkipped = 0;

  // ---- sheets added (and replaced) ------------------------------------------------------------------
  const order = finalOrder(wb.sheets.map((s) => s.name), edit.sheets);
  const entries = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s]));
  const sheetDir = wb.worksheets()[0]?.part.split('/').slice(0, -1).join('/') || `${wb.part.split('/').slice(0, -1).join('/') || 'xl'}/worksheets`;
  const freePartName = partNamer(pkg, sheetDir);
  for (const add of edit.sheets) {
    if (add.replaces) {
      const old = entries.get(add.replaces.toLowerCase());
      if (old) {
        if (old.part) {
          pkg.removeWithRels(old.part);
          types.removeOverride(old.part);
        }
        wbRels.remove(old.rid);
        entries.delete(old.name.toLowerCase());
        chain.removedSheets.add(old.sheetId);
      }
    }
    const part = freePartName();
    const r = renderSheetXml(add.plan, styles, xfOf, protectAttrs, opts.strings);
    pkg.write(part, r.xml);
    await pkg.yieldToDeflate();
    types.addOverride(part, CT.worksheet);
    const rid = wbRels.add(REL.worksheet, relativeTarget(wb.part, part));
    const entry: SheetEntry = { name: add.plan.name, sheetId: Math.max(wb.nextSheetId(), ...[...entries.values()].map((e) => e.sheetId + 1)), rid, part, state: add.visibility };
    entries.set(add.plan.name.toLowerCase(), entry);
    if (r.formulaRefs.length) chain.written.set(entry.sheetId, new Map(r.formulaRefs.map((ref) => [ref, true])));
    chartsSkipped += add.charts?.length ?? 0;
  }
  if (edit.sheets.length) wb.setSheets(order.map((n) => entries.get(n.toLowerCase())).filter((e): e is SheetEntry => e !== undefined));
  for (const add of edit.sheets) {
    const rows = printSetup(add.plan)?.titleRows;
    const at = wb.sheets.indexOf(entries.get(add.plan.name.toLowerCase())!);
    if (rows && at >= 0) wb.defineSheetName('_xlnm.Print_Titles', at, printTitlesRef(add.plan.name, rows));
  }

  // ---- cells, rules, tab colours, protection, per sheet -------------------------------------------------
  const ops = new Map<string, SheetOps>();
  const sheetOf = (name: string): SheetEntry => {
    const e = entries.get(name.toLowerCase());
    if (!e || !e.part) throw new EditConflict(`sheet ${name} not found`);
    return e;
  };
  const opsOf = (name: string): SheetOps => {
    const e = sheetOf(name);
    let o = ops.get(e.part);
    if (!o) ops.set(e.part, (o = emptyOps()));
    return o;
  };
  const put = (sheet: string, row: number, col: number, cells: (PlanCell | null)[][], check: boolean) => {
    const o = opsOf(sheet);
    const values = check ? state.values.get(sheetOf(sheet).name) : undefined;
    cells.forEach((line, i) => line.forEach((cell, j) => {
      if (!cell) return;
      const r = row + i;
      const c = col + j;
      if (values) {
        const v = values.get(r, c);
        if (v !== null && v !== undefined && v !== '') throw new EditConflict(`${sheet}!${addr(r, c)} is no longer empty`);
      }
      addCellOp(o, r, c, { kind: 'write', cell, xf: cell.s ? xfOf(cell.s) : undefined });
    }));
  };
  for (const a of edit.appends) put(a.sheet, a.row, a.col, a.rows, true);
  for (const w of edit.writes) put(w.sheet, w.row, w.col, w.cells, false);
  for (const l of edit.locks) {
    const o = opsOf(l.sheet);
    const [a, b = a] = l.range.split(':');
    const p = parseAddr(a);
    const q = parseAddr(b);
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) {
      for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) addCellOp(o, r, c, { kind: 'lock', locked: l.locked, fill: l.fill });
    }
  }
  for (const r of edit.rules) opsOf(r.sheet).rules.push({ range: r.range, validations: r.validations, conditionalFormats: r.conditionalFormats });
  for (const t of edit.tabColors) opsOf(t.sheet).tabColor = t.color;
  for (const name of edit.protect) opsOf(name).protect = protectAttrs;
  const sheetIdOf = new Map([...entries.values()].map((e) => [e.part, e.sheetId]));
  for (const [part, o] of ops) {
    // A part added by this edit (a replaced sheet's name given to a new one) was not what the read indexed.
    const index = pkg.isWritten(part) ? undefined : state.index?.get(part);
    const out = editSheetXml(await pkg.text(part), part, o, styles, index);
    const id = sheetIdOf.get(part) as number;
    if (out.written.size) chain.written.set(id, new Map([...(chain.written.get(id) ?? []), ...out.written]));
    pkg.write(part, out.xml);
    await pkg.yieldToDeflate();
  }

  // ---- names, calculation, styles --------------------------------------------------------------------
  for (const n of edit.names) wb.defineName(n.name, `'${n.sheet.replace(/'/g, "''")}'!${n.ref}`);
  wb.fullCalcOnLoad();
  if (chain.removedSheets.size || chain.written.size) {
    for (const rel of wbRels.list.filter((x) => relIs(x.type, 'calcChain') && !x.external && pkg.has(x.part))) {
      const before = await pkg.text(rel.part);
      const xml = editCalcChain(before, rel.part, chain);
      if (calcChainEmpty(xml, rel.part)) {
        // An empty <calcChain/> is invalid (it needs one <c>): the part goes, as Excel saves a book without formulas.
        pkg.remove(rel.part);
        types.removeOverride(rel.part);
        wbRels.remove(rel.id);
      } else if (xml !== before) pkg.write(rel.part, xml);
    }
  }
  pkg.write(wb.part, wb.text());
  if (styles.changed) pkg.write(styles.part, styles.text());
  return { chartsSkipped, passwordUnused: protection.passwordUnused };
}
