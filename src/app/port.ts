/**
 * The workbook port: what a use case needs of a workbook, whether it is an .xlsx file (src/xlsx) or
 * the workbook open in Excel (src/office). One port lives for one use case: in Excel that is one
 * Excel.run, for a file one load, the edit, one save.
 */
import type { WorkbookEdit } from '../templates/edits';
import type { WorkbookPlan } from '../templates/plan';
import type { SheetValues } from '../templates/read-book';

export interface ApplyOptions {
  /**
   * The workbook's sheet-protection password, when it has one: the sheets an edit writes are
   * unprotected and protected again with it, sheets it adds get it. Handed to the adapter only.
   */
  password?: string;
}

export interface ApplyReport {
  /** A password was given but no sheet of the workbook has one, so it was not used. */
  passwordUnused: boolean;
}

/** An existing workbook, read and then edited. */
export interface WorkbookPort {
  /** The values and structure of every sheet. */
  read(): Promise<SheetValues[]>;
  /**
   * Applies edits in order. An adapter may split them into several requests (Excel's request size
   * limit) or merge them into one (a file); each leaves the workbook consistent.
   */
  apply(edits: WorkbookEdit[], opts: ApplyOptions): Promise<ApplyReport>;
}

/** Where a new OKR workbook is generated: a new file, or the workbook open in Excel. */
export interface GenerationPort {
  /** The sheets already there: all of them, and those that are OKR sheets. */
  sheetNames(): Promise<{ all: string[]; okr: string[] }>;
  create(plan: WorkbookPlan, opts: { password?: string; onProgress?: (done: number, total: number) => void }): Promise<void>;
}

/**
 * A new workbook generated as an .xlsx file's bytes, for a front end that does something else with
 * them than write a file: the task pane opens them in Excel as a new workbook (Excel.createWorkbook).
 */
export interface FileGenerationPort extends GenerationPort {
  /** The generated file; throws when nothing was generated yet. */
  bytes(): Uint8Array;
}
