import type { OkrBook } from '../domain/model';
import { readBook } from '../templates/read-book';
import { readSheetValuesFast } from './fast-read';

/** The domain model of an .xlsx workbook, read from the sheets' XML (see fast-read.ts). */
export async function readXlsxBook(bytes: Buffer | Uint8Array): Promise<OkrBook> {
  return readBook(await readSheetValuesFast(bytes));
}
