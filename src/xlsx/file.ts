import { promises as fs } from 'fs';
import * as path from 'path';
import type ExcelJS from 'exceljs';

/**
 * Writes a workbook so that a failed run leaves nothing behind: the bytes go to a temporary file
 * beside the target, which is renamed over it only once complete.
 */
export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, out: string): Promise<number> {
  return writeBytesAtomic(Buffer.from(await wb.xlsx.writeBuffer()), out);
}

/** The same for a package's bytes. */
export async function writeBytesAtomic(buffer: Buffer, out: string): Promise<number> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, buffer);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  return buffer.length;
}
