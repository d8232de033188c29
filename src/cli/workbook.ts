/**
 * Opening the workbook a command works on, with the messages of a file that cannot be one: not an
 * .xlsx at all, or not an OKR workbook. The language of what is printed is --lang, else the
 * workbook's own.
 */
import type { Lang } from '../domain/model';
import { xlsxBrokenAt, xlsxProblemAt } from '../io/import';
import { text } from '../i18n';
import { NotAnOkrWorkbook, readBook } from '../templates/read-book';
import type { SheetValues } from '../templates/read-book';
import { BrokenPackage } from '../xlsx/package/errors';
import { XlsxValues, XlsxWorkbook } from '../xlsx/workbook-port';
import { langOf, readInput, UsageError } from './io';

async function open<P extends { read(): Promise<SheetValues[]> }>(file: string, langOption: string | undefined, load: (b: Buffer) => Promise<P>): Promise<{ port: P; lang: Lang }> {
  const asked = langOf(langOption);
  const bytes = await readInput(file, asked);
  let port: P;
  try {
    port = await load(bytes);
  } catch (e) {
    // A zip whose package is broken: say what is wrong with which part.
    if (e instanceof BrokenPackage && e.code !== 'notZip') throw new UsageError(xlsxBrokenAt(file, asked, e.code, e.part, e.limit, e.detail));
    // Not an .xlsx at all (empty, old .xls, text, damaged): say so in words a person can act on.
    throw new UsageError(xlsxProblemAt(file, bytes, asked));
  }
  try {
    const book = readBook(await port.read());
    return { port, lang: langOption === undefined ? book.lang : asked };
  } catch (e) {
    if (e instanceof BrokenPackage && e.code !== 'notZip') throw new UsageError(xlsxBrokenAt(file, asked, e.code, e.part, e.limit, e.detail));
    const why = e instanceof NotAnOkrWorkbook ? text(asked).cli.notOkrWhy[e.reason] : (e as Error).message;
    throw new UsageError(text(asked).cli.notOkr(file, why));
  }
}

/** A workbook to edit (the whole package, through ExcelJS). */
export const openForEdit = (file: string, langOption: string | undefined) => open(file, langOption, (b) => XlsxWorkbook.load(b));

/**
 * A workbook to check: its values only, straight from the sheet XML — a 1,000-card workbook in
 * about 2 s where a full load takes 6–7 s.
 */
export const openForCheck = (file: string, langOption: string | undefined) => open(file, langOption, (b) => XlsxValues.load(b));
