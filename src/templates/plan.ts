/**
 * A workbook plan: everything a generated workbook contains, as plain data. Both adapters render
 * the same plan — ExcelJS into an .xlsx file, Office.js into the open workbook — so the two never
 * drift apart. Formulas are stored without the leading "=".
 */
import type { Lang } from '../domain/model';

export type CellValue = string | number | boolean | null;

export interface PlanCell {
  /** A literal value. Strings are always text, never formulas, whatever they start with. */
  v?: CellValue;
  /** A formula without "=". */
  f?: string;
  /**
   * Cells of one column with the same key may be written as one shared formula (shared-formulas.ts):
   * a file then holds a long per-row formula once instead of once per row. Only a hint: a cell joins
   * its column's group only when its formula is the group's first formula moved down, and Office.js
   * writes every formula in full.
   */
  share?: string;
  /** Style id, a key of WorkbookPlan.styles. */
  s?: StyleId;
}

export type StyleId =
  | 'title' | 'subtitle' | 'label' | 'value' | 'header' | 'headerInput'
  | 'input' | 'inputWrap' | 'inputPct' | 'inputDate' | 'inputNum'
  | 'fixed' | 'fixedCenter' | 'formula' | 'formulaPct' | 'formulaScore' | 'check' | 'note' | 'blocked' | 'text' | 'date' | 'pct'
  | 'score' | 'fixedPct'
  /** The ends of 设置's rating bands, each showing whether it is included: ≥ / > (lower), ≤ / < (upper). */
  | 'bandGe' | 'bandGt' | 'bandLe' | 'bandLt' | 'inputBandGe' | 'inputBandGt' | 'inputBandLe';

export interface StylePlan {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  /** RGB hex without '#', e.g. "DDEBF7". */
  fill?: string;
  numFmt?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  border?: boolean;
  /** Whether the cell stays locked when the sheet is protected. */
  locked: boolean;
}

export type SheetKind =
  | 'guide' | 'settings' | 'map' | 'actions' | 'departmentCard' | 'individualCard' | 'review' | 'register' | 'year' | 'changeLog'
  /** Written by the lifecycle actions: the lock snapshot (very hidden) and the quarter's charts. */
  | 'lock' | 'charts';

export interface ValidationPlan {
  /** A1 range on the sheet, e.g. "C7:C26". */
  range: string;
  type: 'list' | 'decimal' | 'custom' | 'whole' | 'textLength';
  operator: 'between' | 'greaterThanOrEqual' | 'lessThanOrEqual';
  /** Formula (no "="), relative to the top-left cell of the range. */
  formula1: string;
  formula2?: string;
  /** 'stop' refuses the entry; 'warning' lets a person keep it after a warning. */
  errorStyle: 'stop' | 'warning';
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export type CondFormatPlan =
  | { kind: 'expression'; range: string; formula: string; fill: string; fontColor?: string; bold?: boolean }
  | { kind: 'dataBar'; range: string; color: string };

export interface NamePlan {
  name: string;
  sheet: string;
  /** Absolute A1 reference on that sheet, e.g. "$B$4" or "$G$4:$G$13". */
  ref: string;
}

export interface SheetPlan {
  kind: SheetKind;
  /** Stable identity across languages and renames, e.g. "card:individual:技术部:张三". */
  key: string;
  name: string;
  /** Row-major cells from A1; null = nothing written. */
  rows: (PlanCell | null)[][];
  /** Column widths in Excel character units, from column A. */
  colWidths: number[];
  merges: string[];
  /**
   * Heights in points of the rows whose headers, notes or guide text wrap, by 1-based row (row-heights.ts).
   * Other rows keep Excel's automatic height.
   */
  rowHeights?: Record<number, number>;
  validations: ValidationPlan[];
  conditionalFormats: CondFormatPlan[];
  freeze?: { rows: number; cols: number };
  protect: boolean;
  tabColor?: string;
  hidden?: boolean;
}

/**
 * How a sheet prints. Every visible sheet prints on A4 landscape, one page wide and as many pages tall
 * as it needs, with its frozen header rows repeated on every page: a card, the guide or a review
 * sheet on paper reads like the screen. Hidden sheets (the lock snapshot) keep the defaults.
 */
export interface PrintSetup {
  /** Rows 1..titleRows repeat at the top of every printed page; 0 = none. */
  titleRows: number;
}

export function printSetup(sheet: Pick<SheetPlan, 'hidden' | 'freeze'>): PrintSetup | undefined {
  if (sheet.hidden) return undefined;
  return { titleRows: sheet.freeze?.rows ?? 0 };
}

/** The print-titles reference Excel stores for a sheet (_xlnm.Print_Titles), e.g. 'Sheet'!$1:$4. */
export function printTitlesRef(sheetName: string, titleRows: number): string {
  return `'${sheetName.replace(/'/g, "''")}'!$1:$${titleRows}`;
}

export interface WorkbookPlan {
  lang: Lang;
  templateVersion: number;
  sheets: SheetPlan[];
  names: NamePlan[];
  styles: Record<StyleId, StylePlan>;
}

/**
 * The version of the templates, recorded in every workbook (设置!B9, OKR_TemplateVersion) so the
 * organisation update knows what to upgrade. 1: first release. 2: cards gained a status cell (N2)
 * for the departed mark.
 */
export const TEMPLATE_VERSION = 2;

/**
 * How every protected sheet is protected (no password): people may format rows and columns,
 * insert rows (a card grows) and filter, but not delete rows or columns, sort, or insert columns.
 */
export const SHEET_PROTECTION = {
  formatColumns: true, formatRows: true, insertRows: true, autoFilter: true,
  sort: false, deleteRows: false, insertColumns: false, deleteColumns: false,
} as const;
