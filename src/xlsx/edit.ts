import ExcelJS from 'exceljs';
import type { OkrBook } from '../domain/model';
import { addr, parseAddr } from '../templates/a1';
import { coalesceCells, finalOrder, touchedSheets, type CellWrite, type WorkbookEdit } from '../templates/edits';
import type { PlanCell } from '../templates/plan';
import { readBook, type SheetValues } from '../templates/read-book';
import { defineNamesXlsx, replaceRulesXlsx } from './edit-rules';
import { writeWorkbookAtomic } from './file';
import {
  ALGORITHM, LEGACY, hashKey, hashSheetPassword, SheetPasswordError, SPIN_COUNT, UnsupportedPasswordHash, verifySheetPassword, type SheetPasswordHash,
} from './password';
import { cellValue, sheetValues } from './read';
import { protectSheet, renderSheet, sheetPasswordOf, sheetProtectionOf, toExcelStyle } from './write';

/**
 * Applies a workbook edit (src/templates/edits.ts) to a workbook loaded with ExcelJS. Only the cells
 * the edit names change; every other sheet, cell, validation, format and name is written back as
 * it was read. ExcelJS does not enforce protection, so protected sheets need no unprotecting here
 * (they keep their protection, password hash included, as read); sheets the edit must protect are
 * protected at the end. A password-protected sheet is only edited with its password (see
 * passwordForEdit). Charts cannot be written by ExcelJS: they are skipped and counted.
 */
export interface XlsxEditResult {
  chartsSkipped: number;
  /** A password was given but no sheet of the workbook has one: it was not used (nothing got a password). */
  passwordUnused: boolean;
}

export interface XlsxEditOptions {
  /** The workbook's sheet-protection password: needed when the edit touches a password-protected sheet. */
  password?: string;
}

export class EditConflict extends Error {}

export async function applyEditXlsx(wb: ExcelJS.Workbook, edit: WorkbookEdit, opts: XlsxEditOptions = {}): Promise<XlsxEditResult> {
  // First, before anything changes: a SheetPasswordError leaves the workbook as it was read.
  const protection = passwordForEdit(wb, edit, opts.password);
  const styles = new Map(Object.entries(edit.styles).map(([id, s]) => [id, toExcelStyle(s)]));
  const tabs = finalOrder(wb.worksheets.map((w) => w.name), edit.sheets);
  let chartsSkipped = 0;
  for (const add of edit.sheets) {
    if (add.replaces) {
      const old = wb.getWorksheet(add.replaces);
      if (old) wb.removeWorksheet(old.id);
    }
    await renderSheet(wb, add.plan, styles, protection.hash);
    const ws = sheet(wb, add.plan.name);
    ws.state = add.visibility === 'veryHidden' ? 'veryHidden' : add.visibility === 'hidden' ? 'hidden' : 'visible';
    chartsSkipped += add.charts?.length ?? 0;
  }
  // ExcelJS writes the tabs in the order of their orderNo.
  if (edit.sheets.some((a) => a.after !== undefined)) tabs.forEach((name, i) => { (sheet(wb, name) as unknown as { orderNo: number }).orderNo = i; });
  const put = (w: CellWrite, checkEmpty: boolean) => {
    const ws = sheet(wb, w.sheet);
    w.cells.forEach((row, i) => row.forEach((cell, j) => {
      if (!cell) return;
      const r = w.row + i;
      const c = w.col + j;
      if (checkEmpty && !isEmpty(ws, r, c)) throw new EditConflict(`${w.sheet}!${addr(r, c)} is no longer empty`);
      writeCell(ws.getCell(r, c), cell, styles);
    }));
  };
  for (const a of edit.appends) put({ sheet: a.sheet, row: a.row, col: a.col, cells: a.rows }, true);
  for (const w of edit.writes) put(w, false);
  for (const l of edit.locks) {
    const ws = sheet(wb, l.sheet);
    const [a, b = a] = l.range.split(':');
    const p = parseAddr(a);
    const q = parseAddr(b);
    for (let r = p.row; r <= q.row; r++) {
      for (let c = p.col; c <= q.col; c++) setLocked(ws.getCell(r, c), l.locked, l.fill);
    }
  }
  for (const r of edit.rules) replaceRulesXlsx(sheet(wb, r.sheet), r);
  for (const t of edit.tabColors) {
    // ExcelJS types tabColor as always present; an absent one is no colour.
    const props = sheet(wb, t.sheet).properties as { tabColor?: Partial<ExcelJS.Color> };
    if (t.color) props.tabColor = { argb: `FF${t.color}` };
    else delete props.tabColor;
  }
  defineNamesXlsx(wb, edit.names);
  for (const name of edit.protect) {
    const ws = sheet(wb, name);
    if (!sheetProtectionOf(ws)?.sheet) await protectSheet(ws, protection.hash);
  }
  return { chartsSkipped, passwordUnused: protection.passwordUnused };
}

// ---- sheet-protection passwords -------------------------------------------------------------------

/** What an edit does about passwords: the hash given to the sheets it adds or protects again. */
export interface EditProtection {
  hash?: SheetPasswordHash;
  passwordUnused: boolean;
}

/**
 * Checks the password against the password-protected sheets an edit touches (writes, locks, protects or
 * replaces), before anything changes: none given → SheetPasswordError 'missing'; one that does not open
 * every such sheet → 'wrong'. Sheets sharing a hash (every generated sheet) are checked once. When the
 * edit touches none but the workbook has some, a given password is checked against one of them, so
 * that sheets the edit adds never get a password other than the workbook's.
 *
 * Returns the hash for sheets the edit adds or protects again: a verified SHA-512 hash of the workbook
 * reused as it is (no new 100,000-round hash), otherwise a fresh one. The password itself is never kept.
 */
export function passwordForEdit(wb: ExcelJS.Workbook, edit: WorkbookEdit, password: string | undefined): EditProtection {
  const locked = wb.worksheets.flatMap((ws) => {
    const hash = sheetPasswordOf(ws);
    return hash ? [{ name: ws.name, hash }] : [];
  });
  const touched = new Set([...touchedSheets(edit), ...edit.sheets.flatMap((s) => (s.replaces ? [s.replaces] : []))].map((n) => n.toLowerCase()));
  // ExcelJS cannot write the old 16-bit hash back: saving would leave those sheets without a
  // password, so every one of them counts as touched and gets the SHA-512 hash below.
  const needed = locked.filter((l) => touched.has(l.name.toLowerCase()) || l.hash.algorithmName === LEGACY);
  if (!password) {
    if (needed.length) throw new SheetPasswordError('missing', needed.map((l) => l.name));
    return { passwordUnused: false };
  }
  if (locked.length === 0) return { passwordUnused: true };
  const verdicts = new Map<string, boolean>();
  let reusable: SheetPasswordHash | undefined;
  for (const l of needed.length ? needed : locked.slice(0, 1)) {
    const key = hashKey(l.hash);
    let ok = verdicts.get(key);
    if (ok === undefined) {
      try {
        ok = verifySheetPassword(password, l.hash);
      } catch (e) {
        if (e instanceof UnsupportedPasswordHash) throw new SheetPasswordError('unsupported', [l.name]);
        throw e;
      }
      verdicts.set(key, ok);
    }
    if (!ok) throw new SheetPasswordError('wrong', [l.name]);
    if (!reusable && l.hash.algorithmName === ALGORITHM && l.hash.spinCount >= SPIN_COUNT) reusable = l.hash;
  }
  const hash = reusable ? { ...reusable } : hashSheetPassword(password);
  for (const l of locked.filter((x) => x.hash.algorithmName === LEGACY)) {
    const p = sheetProtectionOf(sheet(wb, l.name));
    if (p) Object.assign(p, { ...hash, legacyPassword: undefined });
  }
  return { hash, passwordUnused: false };
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name) ?? wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  if (!ws) throw new EditConflict(`sheet ${name} not found`);
  return ws;
}

function isEmpty(ws: ExcelJS.Worksheet, r: number, c: number): boolean {
  const v = cellValue(ws.getRow(r).getCell(c));
  return v === null || v === '';
}

/** Style objects are shared between cells after loading: the cell gets its own, with the new lock. */
function setLocked(cell: ExcelJS.Cell, locked: boolean, fill: string | undefined): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style, protection: { ...(cell.style.protection ?? {}), locked } };
  if (fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
  cell.style = style;
}

function writeCell(target: ExcelJS.Cell, cell: PlanCell, styles: Map<string, Partial<ExcelJS.Style>>): void {
  if (cell.f !== undefined) target.value = { formula: cell.f, date1904: false } as ExcelJS.CellFormulaValue;
  else if (cell.v !== undefined) target.value = cell.v;
  const style = cell.s ? styles.get(cell.s) : undefined;
  // A copy per cell, so a later change to one cell's style (a lock) cannot leak into others.
  if (style) target.style = { ...style, protection: { ...(style.protection ?? {}) } };
}

/**
 * ExcelJS reads a data validation into one entry per cell and, when writing, groups cells again in
 * text order ("C10" before "C7"), which produces overlapping ranges that Excel reports as damage.
 * Before writing an edited workbook, each sheet's validations are regrouped into non-overlapping
 * rectangles (range keys are written as they are).
 */
export function compactValidations(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const holder = ws as unknown as { dataValidations?: { model: Record<string, unknown> } };
    const model = holder.dataValidations?.model;
    if (!model) continue;
    const groups = new Map<string, { dv: unknown; cells: { row: number; col: number }[] }>();
    const next: Record<string, unknown> = {};
    for (const [address, dv] of Object.entries(model)) {
      if (!/^[A-Z]+\d+$/.test(address)) {
        next[address] = dv;
        continue;
      }
      const key = JSON.stringify(dv);
      const g = groups.get(key) ?? { dv, cells: [] };
      g.cells.push(parseAddr(address));
      groups.set(key, g);
    }
    for (const g of groups.values()) for (const range of coalesceCells(g.cells)) next[range] = g.dv;
    holder.dataValidations!.model = next;
  }
}

/** Reads a loaded workbook the way the planners need it: its values and the book read from them. */
export function readLoaded(wb: ExcelJS.Workbook): { sheets: SheetValues[]; book: OkrBook } {
  const sheets = sheetValues(wb);
  return { sheets, book: readBook(sheets) };
}

/**
 * Writes an edited workbook atomically (a temporary file renamed over `out` once complete, so a
 * failed run leaves nothing), with its validations regrouped and Excel told to recalculate on open.
 */
export async function saveEdited(wb: ExcelJS.Workbook, out: string): Promise<number> {
  compactValidations(wb);
  wb.calcProperties.fullCalcOnLoad = true;
  return writeWorkbookAtomic(wb, out);
}
