import type { Lang } from '../domain/model';
import { readCsvTable } from './csv-table';
import { fail } from './issues';
import { M } from './messages';
import type { TableInput } from './table-input';
import type { Pacer } from './pace';

/**
 * Reads the first sheet of an .xlsx as a table: src/xlsx/table.ts, handed in by the caller (io does not
 * know the file library). With a pacer it yields and reports progress as it goes.
 */
export type XlsxTableReader = (file: string, bytes: Uint8Array, lang: Lang, pacer?: Pacer) => Promise<TableInput>;

/**
 * Reads a CSV or an .xlsx, chosen by the content's magic bytes first (a zip is an .xlsx whatever its
 * name), then by extension. An old binary .xls is refused with a message saying how to save it.
 */
export async function readTable(file: string, bytes: Buffer | Uint8Array, lang: Lang, readXlsx: XlsxTableReader, pacer?: Pacer): Promise<TableInput> {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  const isZip = b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  const isOle = b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
  if (isOle || ext === 'xls') fail(file, lang, 'UNSUPPORTED_FORMAT', 0, '', M.oldXls(lang));
  if (isZip || ext === 'xlsx' || ext === 'xlsm') {
    return pacer ? readXlsx(file, b, lang, pacer) : readXlsx(file, b, lang);
  }
  // csv-parse's synchronous parser reads the whole text in one go (its streaming one needs Node's
  // streams): the pane gets one turn before it, and its progress after it.
  if (pacer) await pacer.pause();
  const table = readCsvTable(file, b, lang);
  pacer?.report(1);
  return table;
}
