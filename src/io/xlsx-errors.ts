import type { Lang } from '../domain/model';
import { decodeGbk, firstInvalidUtf8 } from './csv-table';
import type { BrokenPartWhat } from '../i18n/types/io';
import { text } from '../i18n';
import { located, M } from './messages';

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Text without NUL bytes that decodes as UTF-8 or GBK: a CSV or other text file named .xlsx. */
function looksLikeText(b: Uint8Array): boolean {
  const head = b.subarray(0, 4096);
  // Cut at a character boundary: drop up to three trailing continuation/lead bytes before testing.
  let end = head.length;
  while (end > 0 && head.length === 4096 && end > head.length - 4 && head[end - 1] >= 0x80) end--;
  const sample = head.subarray(0, end);
  return !sample.includes(0) && (firstInvalidUtf8(sample) < 0 || decodeGbk(sample) !== undefined);
}

/**
 * Why a file could not be read as an .xlsx, in words a person can act on: empty, an old or
 * password-protected workbook, a text file, not a workbook at all, or damaged (cut short in a
 * download or copy). ExcelJS's own wording (a JSZip or XML parser message, or a TypeError on a
 * missing part) is never shown: it says nothing to the person.
 */
export function xlsxProblem(bytes: Uint8Array, lang: Lang, file = ''): string {
  // The inner sentences are the catalogue's own: not shortened as a person's text is (M would clip them).
  const unreadable = text(lang).io.sentences.xlsxUnreadable;
  if (bytes.length === 0) return unreadable(M.xlsxEmpty(lang));
  if (isOle(bytes)) return unreadable(M.xlsxOle(lang));
  if (!isZip(bytes)) {
    if (!looksLikeText(bytes)) return unreadable(M.xlsxNotZip(lang));
    // "Name it .csv" is no advice for a file that is named .csv: say what is needed instead.
    return /\.csv$/i.test(file) ? M.xlsxIsCsv(lang) : unreadable(M.xlsxIsText(lang));
  }
  return unreadable(M.xlsxDamaged(lang));
}

/** What the file adapter reports about a package that opened as a zip (its BrokenPackage codes but 'notZip'). */
export type XlsxBrokenWhat = BrokenPartWhat | 'tooLarge' | 'packageTooLarge' | 'dtd';

/** Why a package that opened as a zip is refused, naming the part (`limit` in bytes for the size refusals). */
export function xlsxBrokenWhy(lang: Lang, what: XlsxBrokenWhat, part: string, limit = 0, detail = ''): string {
  const mb = Math.round(limit / (1024 * 1024));
  // The inner sentence is the catalogue's own, not a person's text: it is not shortened as an echo is
  // (M shortens every string argument; the part name inside it is).
  const unreadable = text(lang).io.sentences.xlsxUnreadable;
  if (what === 'tooLarge') return unreadable(M.xlsxTooLarge(lang, part, mb));
  if (what === 'packageTooLarge') return unreadable(M.xlsxTooLarge(lang, '', mb));
  if (what === 'dtd') return unreadable(M.xlsxDtd(lang, part));
  return unreadable(M.xlsxBrokenPart(lang, what, part, detail));
}

/** A package that opened as a zip but is broken: what is wrong, naming the part. */
export function xlsxBrokenAt(file: string, lang: Lang, what: XlsxBrokenWhat, part: string, limit = 0, detail = ''): string {
  return located(lang, file, 0, '', xlsxBrokenWhy(lang, what, part, limit, detail));
}

/** The same, naming the file: `book.xlsx：无法读取该 .xlsx 文件：…`. */
export function xlsxProblemAt(file: string, bytes: Uint8Array, lang: Lang): string {
  return located(lang, file, 0, '', xlsxProblem(bytes, lang, file));
}
