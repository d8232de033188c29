import ExcelJS from 'exceljs';
import type { CondFormatPlan, SheetPlan, StylePlan, ValidationPlan, WorkbookPlan } from '../templates/plan';
import { printSetup, SHEET_PROTECTION, TEMPLATE_VERSION } from '../templates/plan';
import { addr } from '../templates/a1';
import { sharedFormulaLayout } from '../templates/shared-formulas';
import { hashSheetPassword, LEGACY, type SheetPasswordHash } from './password';

export interface RenderOptions {
  /**
   * Protects every protected sheet with this password (stored only as a hash, computed once for the
   * whole workbook). Empty or undefined: protected without a password.
   */
  password?: string;
}

/** Renders a workbook plan into an ExcelJS workbook (the file adapter). */
export async function renderPlan(plan: WorkbookPlan, opts: RenderOptions = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OKR Workbook';
  wb.created = new Date(0);
  // No cached results are written, so Excel must compute every formula when the file opens.
  wb.calcProperties.fullCalcOnLoad = true;
  const styles = new Map(Object.entries(plan.styles).map(([id, s]) => [id, toExcelStyle(s)]));
  const password = opts.password ? hashSheetPassword(opts.password) : undefined;
  for (const sheet of plan.sheets) await renderSheet(wb, sheet, styles, password);
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet.replace(/'/g, "''")}'!${n.ref}`, n.name);
  wb.keywords = `okr-workbook template ${TEMPLATE_VERSION}`;
  return wb;
}

/**
 * Adds one planned sheet to a workbook (at the end), with its cells, styles, validations, formats and
 * protection (with `password` when given: a hash from hashSheetPassword, shared by the workbook's sheets).
 */
export async function renderSheet(wb: ExcelJS.Workbook, sheet: SheetPlan, styles: Map<string, Partial<ExcelJS.Style>>, password?: SheetPasswordHash): Promise<void> {
  const ws = wb.addWorksheet(sheet.name, {
    properties: sheet.tabColor ? { tabColor: { argb: `FF${sheet.tabColor}` } } : {},
    views: sheet.freeze ? [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }] : [],
  });
  if (sheet.hidden) ws.state = 'hidden';
  const print = printSetup(sheet);
  if (print) {
    ws.pageSetup = {
      orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9,
      ...(print.titleRows ? { printTitlesRow: `1:${print.titleRows}` } : {}),
    };
  }
  sheet.colWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [r, h] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(r)).height = h;
  const shared = sharedFormulaLayout(sheet.rows);
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      const role = cell.f !== undefined ? shared.get(addr(r + 1, c + 1)) : undefined;
      // ExcelJS makes the master shared (with its ref) when it meets the first cell that names it.
      if (role?.kind === 'child') target.value = { sharedFormula: role.master, date1904: false } satisfies ExcelJS.CellSharedFormulaValue;
      else if (cell.f !== undefined) target.value = { formula: cell.f, date1904: false } as ExcelJS.CellFormulaValue;
      else if (cell.v !== undefined && cell.v !== null) target.value = cell.v;
      const style = cell.s ? styles.get(cell.s) : undefined;
      if (style) target.style = style;
    });
  });
  for (const m of sheet.merges) ws.mergeCells(m);
  for (const v of sheet.validations) addValidation(ws, v);
  sheet.conditionalFormats.forEach((cf, i) => addConditionalFormat(ws, cf, i + 1));
  if (sheet.protect) await protectSheet(ws, password);
}

/**
 * Protects a sheet the way every generated sheet is protected, with a password hash or without one.
 * The hash is set as it is rather than through ws.protect(password), which would hash the password
 * again (100,000 rounds of SHA-512) for every sheet.
 */
export async function protectSheet(ws: ExcelJS.Worksheet, password?: SheetPasswordHash): Promise<void> {
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, ...SHEET_PROTECTION });
  const p = sheetProtectionOf(ws);
  if (p && password) Object.assign(p, { algorithmName: password.algorithmName, hashValue: password.hashValue, saltValue: password.saltValue, spinCount: password.spinCount });
}

/** The <sheetProtection> attributes ExcelJS keeps for a sheet (read from a file or set by protect). */
export interface SheetProtectionModel extends Partial<SheetPasswordHash> {
  sheet?: boolean;
  /** The old 16-bit hash (password="83AF"), which ExcelJS reads past: set by loadXlsx (read.ts). */
  legacyPassword?: string;
}

/** ExcelJS keeps a sheet's protection in `sheetProtection`, which its typings omit; null when unprotected. */
export function sheetProtectionOf(ws: ExcelJS.Worksheet): SheetProtectionModel | null {
  return (ws as unknown as { sheetProtection?: SheetProtectionModel | null }).sheetProtection ?? null;
}

/** The password hash of a protected sheet, or undefined when it is unprotected or protected without a password. */
export function sheetPasswordOf(ws: ExcelJS.Worksheet): SheetPasswordHash | undefined {
  const p = sheetProtectionOf(ws);
  if (p?.sheet && !p.hashValue && p.legacyPassword) return { algorithmName: LEGACY, hashValue: p.legacyPassword, saltValue: '', spinCount: 0 };
  if (!p?.sheet || !p.hashValue || !p.algorithmName) return undefined;
  return { algorithmName: p.algorithmName, hashValue: p.hashValue, saltValue: p.saltValue ?? '', spinCount: p.spinCount ?? 0 };
}

export function addValidation(ws: ExcelJS.Worksheet, v: ValidationPlan): void {
  const dv: ExcelJS.DataValidation = {
    type: v.type,
    operator: v.operator,
    allowBlank: true,
    formulae: v.formula2 === undefined ? [v.formula1] : [v.formula1, v.formula2],
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    showErrorMessage: true,
    errorStyle: v.errorStyle,
    errorTitle: v.errorTitle,
    error: v.error,
  };
  // ExcelJS's typings omit the range-level API that its writer supports (one <dataValidation> per range).
  (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, dv);
}

export function addConditionalFormat(ws: ExcelJS.Worksheet, cf: CondFormatPlan, priority: number): void {
  if (cf.kind === 'expression') {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{
        type: 'expression', priority, formulae: [cf.formula],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${cf.fill}` } },
          font: { color: cf.fontColor ? { argb: `FF${cf.fontColor}` } : undefined, bold: cf.bold },
        },
      }],
    });
  } else {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{
        type: 'dataBar', priority, gradient: true, minLength: 0, maxLength: 100,
        cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }],
        color: { argb: `FF${cf.color}` },
      } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  }
}

export function toExcelStyle(s: StylePlan): Partial<ExcelJS.Style> {
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
  return {
    font: { name: 'Microsoft YaHei', size: s.size ?? 10, bold: s.bold, italic: s.italic, color: s.fontColor ? { argb: `FF${s.fontColor}` } : undefined },
    fill: s.fill ? { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } } : undefined,
    numFmt: s.numFmt,
    alignment: { horizontal: s.hAlign, vertical: s.vAlign, wrapText: s.wrap },
    border: s.border ? { top: thin, left: thin, bottom: thin, right: thin } : undefined,
    protection: { locked: s.locked },
  };
}
