/**
 * The workbook port (src/app/port.ts) on an .xlsx file, for the command line: the package is opened
 * once, edited in place (src/xlsx/package: only what the edit owns changes, every other part and
 * element goes through byte for byte), and written by the caller with save() — whole or not at all,
 * so a refusal or a failure leaves no file behind.
 */
import type { ApplyOptions, ApplyReport, GenerationPort, WorkbookPort } from '../app/port';
import { mergeEdits, type WorkbookEdit } from '../templates/edits';
import type { WorkbookPlan } from '../templates/plan';
import type { SheetValues } from '../templates/read-book';
import { writeBytesAtomic } from './file';
import { readSheetValuesFast } from './fast-read';
import { PackageWorkbook } from './package/workbook';
import { writeNewWorkbook } from './package/new-package';

/** An existing workbook file to edit. */
export class XlsxWorkbook implements WorkbookPort {
  private constructor(private readonly book: PackageWorkbook) {}

  /** Opens the file's bytes; rejects (BrokenPackage) when they are not an .xlsx package. */
  static async load(bytes: Buffer | Uint8Array): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await PackageWorkbook.open(bytes, { forEdit: true }));
  }

  read(): Promise<SheetValues[]> {
    return this.book.values();
  }

  /** All edits go into the one file together; a password-protected sheet needs its password (SheetPasswordError). */
  async apply(edits: WorkbookEdit[], opts: ApplyOptions): Promise<ApplyReport> {
    const r = await this.book.apply(mergeEdits(edits), opts.password);
    return { passwordUnused: r.passwordUnused };
  }

  /** Writes the edited workbook to `out` (atomically); resolves to the bytes written. */
  async save(out: string): Promise<number> {
    return writeBytesAtomic(await this.book.save(), out);
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

/** A new workbook file, generated from the templates by the package engine (new-package.ts). */
export class NewXlsxWorkbook implements GenerationPort {
  private bytes?: Buffer;

  async sheetNames(): Promise<{ all: string[]; okr: string[] }> {
    return { all: [], okr: [] };
  }

  async create(plan: WorkbookPlan, opts: { password?: string }): Promise<void> {
    this.bytes = await writeNewWorkbook(plan, opts.password);
  }

  /** Writes the generated workbook to `out` (atomically); resolves to the bytes written. */
  save(out: string): Promise<number> {
    if (!this.bytes) throw new Error('nothing generated to save');
    return writeBytesAtomic(this.bytes, out);
  }
}
