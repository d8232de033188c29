/**
 * A new workbook generated as an .xlsx file's bytes by the package engine — the file `okr-workbook
 * new` and `next` write (new-package.ts) — without Node: the task pane's target for `next`, whose
 * bytes it opens in Excel as a new workbook. Browser-safe: no fs, no Node crypto (the protection
 * hash is web-password.ts's), no Node zlib needed.
 */
import type { FileGenerationPort } from '../app/port';
import type { WorkbookPlan } from '../templates/plan';
import { renderNewWorkbook } from './package/new-package';
import { hashSheetPasswordWeb } from './web-password';

export class NewWorkbookFile implements FileGenerationPort {
  private made?: Uint8Array;

  async sheetNames(): Promise<{ all: string[]; okr: string[] }> {
    return { all: [], okr: [] };
  }

  async create(plan: WorkbookPlan, opts: { password?: string }): Promise<void> {
    this.made = await renderNewWorkbook(plan, opts.password ? await hashSheetPasswordWeb(opts.password) : undefined);
  }

  bytes(): Uint8Array {
    if (!this.made) throw new Error('nothing generated yet');
    return this.made;
  }
}
