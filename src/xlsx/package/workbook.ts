/**
 * An .xlsx/.xlsm package opened for reading and editing: the parts the reader and the edit need,
 * found through relationships. What XlsxWorkbook (src/xlsx/workbook-port.ts) stands on.
 */
import type { WorkbookEdit } from '../../templates/edits';
import type { SheetValues } from '../../templates/read-book';
import { applyEditPackage, checkEditableParts, type PackageEditResult } from './apply';
import { sheetLockOf, type SheetLock } from './protection';
import type { SheetIndex } from './sheet-index';
import { readAllSheets } from './values';
import { WorkbookPart } from './workbook-part';
import { ZipPackage } from './zip-package';

interface ReadState {
  values: SheetValues[];
  locks: SheetLock[];
  /** Where each sheet's elements are, by part (read for an edit only). */
  index: Map<string, SheetIndex>;
}

export class PackageWorkbook {
  private read?: ReadState;

  /**
   * The workbook part as opened, until an edit changes it: parsed once for the open, the read and the
   * edit (#12: workbook.xml of a 1,000-card book is 160 KB, about 0.1 s a parse).
   */
  private wb?: WorkbookPart;

  private constructor(readonly pkg: ZipPackage, private readonly forEdit: boolean, wb: WorkbookPart) {
    this.wb = wb;
  }

  private async workbookPart(): Promise<WorkbookPart> {
    this.wb ??= await WorkbookPart.load(this.pkg);
    return this.wb;
  }

  /**
   * Opens the package; a file that is not one (or is broken) is a BrokenPackage. `forEdit`: the read
   * also keeps where each sheet's elements are, so that apply() does not parse them again.
   */
  static async open(bytes: Buffer | Uint8Array, opts: { forEdit?: boolean } = {}): Promise<PackageWorkbook> {
    const pkg = await ZipPackage.load(bytes);
    // The workbook part and its sheets must be there (a BrokenPackage names what is missing).
    const wb = await WorkbookPart.load(pkg);
    await checkEditableParts(pkg, wb);
    return new PackageWorkbook(pkg, opts.forEdit ?? false, wb);
  }

  private async state(): Promise<ReadState> {
    if (!this.read) {
      const sheets = await readAllSheets(this.pkg, await this.workbookPart(), this.forEdit);
      this.read = {
        values: sheets.map((s) => s.values),
        locks: sheets.map((s) => sheetLockOf(s.values.name, s.protection)),
        index: new Map(sheets.flatMap((s) => (s.index ? [[s.index.part, s.index.at] as const] : []))),
      };
    }
    return this.read;
  }

  async values(): Promise<SheetValues[]> {
    return (await this.state()).values;
  }

  /** Each worksheet's protection, as the package holds it. */
  async locks(): Promise<SheetLock[]> {
    return (await this.state()).locks;
  }

  async apply(edit: WorkbookEdit, password: string | undefined): Promise<PackageEditResult> {
    const s = await this.state();
    const wb = await this.workbookPart();
    // The edit changes the workbook part it is given: a later read or edit parses the part written.
    this.wb = undefined;
    const r = await applyEditPackage(this.pkg, edit, { values: new Map(s.values.map((v) => [v.name, v])), locks: s.locks, index: s.index, wb }, password);
    this.read = undefined;
    return r;
  }

  save(): Promise<Buffer> {
    return this.pkg.save();
  }
}
