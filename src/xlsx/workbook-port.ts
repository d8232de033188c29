/**
 * The workbook port (src/app/port.ts) on an .xlsx file, for the command line: the file is loaded
 * once, edited in memory, and written by the caller with save() — whole or not at all, so a refusal
 * or a failure leaves no file behind.
 */
import type ExcelJS from 'exceljs';
import type { ApplyOptions, ApplyReport, GenerationPort, WorkbookPort } from '../app/port';
import { mergeEdits, type WorkbookEdit } from '../templates/edits';
import type { WorkbookPlan } from '../templates/plan';
import type { SheetValues } from '../templates/read-book';
import { applyEditXlsx, saveEdited } from './edit';
import { writeWorkbookAtomic } from './file';
import { readSheetValuesFast } from './fast-read';
import { loadXlsx, sheetValues } from './read';
import { renderPlan } from './write';

/** An existing workbook file to edit. */
export class XlsxWorkbook implements WorkbookPort {
  private sheets?: SheetValues[];

  private constructor(private readonly wb: ExcelJS.Workbook) {}

  /** Loads the file's bytes; rejects when they are not an .xlsx package. */
  static async load(bytes: Buffer | Uint8Array): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await loadXlsx(bytes));
  }

  async read(): Promise<SheetValues[]> {
    this.sheets ??= sheetValues(this.wb);
    return this.sheets;
  }

  /** All edits go into the one file together; a password-protected sheet needs its password (SheetPasswordError). */
  async apply(edits: WorkbookEdit[], opts: ApplyOptions): Promise<ApplyReport> {
    const r = await applyEditXlsx(this.wb, mergeEdits(edits), { password: opts.password });
    this.sheets = undefined;
    return { passwordUnused: r.passwordUnused };
  }

  /** Writes the edited workbook to `out` (atomically); resolves to the bytes written. */
  save(out: string): Promise<number> {
    return saveEdited(this.wb, out);
  }
}

/** A workbook file read for its values only (check needs nothing else): straight from the sheet XML. */
export class XlsxValues implements Pick<WorkbookPort, 'read'> {
  private constructor(private readonly sheets: SheetValues[]) {}

  static async load(bytes: Buffer | Uint8Array): Promise<XlsxValues> {
    return new XlsxValues(await readSheetValuesFast(bytes));
  }

  async read(): Promise<SheetValues[]> {
    return this.sheets;
  }
}

/** A new workbook file, generated from the templates. */
export class NewXlsxWorkbook implements GenerationPort {
  private wb?: ExcelJS.Workbook;

  async sheetNames(): Promise<{ all: string[]; okr: string[] }> {
    return { all: [], okr: [] };
  }

  async create(plan: WorkbookPlan, opts: { password?: string }): Promise<void> {
    this.wb = await renderPlan(plan, { password: opts.password });
  }

  /** Writes the generated workbook to `out` (atomically); resolves to the bytes written. */
  save(out: string): Promise<number> {
    if (!this.wb) throw new Error('nothing generated to save');
    return writeWorkbookAtomic(this.wb, out);
  }
}
