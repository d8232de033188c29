import type { Lang } from '../domain/model';
import { text } from '../i18n';
import { isExcelErrorCode } from '../i18n/types/excel';
import { NotAnOkrWorkbook } from '../templates/read-book';

/** A person-readable error that keeps Excel's (or the reader's) error as its cause. */
export class OfficeActionError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly original: unknown) {
    super(message, { cause: original });
    this.name = 'OfficeActionError';
  }
}

/** The code of an OfficeExtension.Error (or anything with a string `code`). */
export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/** Maps an Office.js (OfficeExtension.Error) or reader error to a sentence a person understands. */
export function describeError(e: unknown, lang: Lang): OfficeActionError {
  if (e instanceof OfficeActionError) return e;
  const words = text(lang).excel;
  if (e instanceof NotAnOkrWorkbook) return new OfficeActionError(words.notOkrWorkbook, 'NotAnOkrWorkbook', e);
  const code = errorCode(e);
  // A missing or wrong password: BadPassword, or InvalidArgument on older builds. Anything else at
  // unprotect (AccessDenied, InvalidOperation: the sheet was not protected) is not about the password.
  if (isUnprotectFailure(e) && (code === 'BadPassword' || code === 'InvalidArgument')) return new OfficeActionError(words.sheetPassword, 'SheetPassword', e);
  if (isExcelErrorCode(code)) return new OfficeActionError(words.byCode[code], code, e);
  const detail = e instanceof Error ? e.message : String(e);
  return new OfficeActionError(words.failed(detail), code, e);
}

/**
 * Whether an Excel error is a failed WorksheetProtection.unprotect: at ExcelApi 1.9 that is how a
 * missing or wrong password shows (Excel answers BadPassword, older builds InvalidArgument; the code
 * alone would also cover unrelated mistakes, so the place of the error decides), and how a sheet that
 * is no longer protected shows (AccessDenied or InvalidOperation). Office.js puts the failing member in
 * debugInfo.errorLocation ("WorksheetProtection.unprotect").
 */
export function isUnprotectFailure(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const where = (e as { debugInfo?: { errorLocation?: unknown } }).debugInfo?.errorLocation;
  return typeof where === 'string' && /worksheetprotection\.unprotect/i.test(where);
}

/** Runs an action and turns whatever it throws into a readable OfficeActionError. */
export async function readable<T>(lang: Lang, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw describeError(e, lang);
  }
}
