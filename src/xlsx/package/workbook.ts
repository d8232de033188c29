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

  private constructor(readonly pkg: ZipPackage, private readonly forEdit: boolean) {}

  /**
   * Opens the package; a file that is not one (or is broken) is a BrokenPackage. `forEdit`: the read
   * also keeps where each sheet's elements are, so that apply() does not parse them again.
   */
  static async open(bytes: Buffer | Uint8Array, opts: { forEdit?: boolean } = {}): Promise<PackageWorkbook> {
    const pkg = await ZipPackage.load(bytes);
    // The workbook part and its sheets must be there (a BrokenPackage names what is missing).
    await checkEditableParts(pkg, await WorkbookPart.load(pkg));
    return new PackageWorkbook(pkg, opts.forEdit ?? false);
  }

  private async state(): Promise<ReadState> {
    if (!this.read) {
      const sheets = await readAllSheets(this.pkg, await WorkbookPart.load(this.pkg), this.forEdit);
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
    const r = await applyEditPackage(this.pkg, edit, { values: new Map(s.values.map((v) => [v.name, v])), locks: s.locks, index: s.index }, password);
    this.read = undefined;
    return r;
  }

  save(): Promise<Buffer> {
    return this.pkg.save();
  }
}
