import type { Lang } from '../domain/model';
import { NotAnOkrWorkbook } from '../templates/read-book';

type Msg = Record<Lang, string>;

const BY_CODE: Record<string, Msg> = {
  AccessDenied: { 'zh-CN': '工作表受保护，无法写入。请先撤销工作表保护，或联系工作簿负责人。', 'en-US': 'The sheet is protected, so nothing could be written. Unprotect it first, or ask the workbook owner.' },
  InvalidOperation: { 'zh-CN': 'Excel 拒绝了这个操作（可能是工作表受保护或正在编辑单元格）。请按 Esc 退出编辑后重试。', 'en-US': 'Excel refused the operation (a protected sheet, or a cell being edited). Press Esc to leave the cell and try again.' },
  ItemAlreadyExists: { 'zh-CN': '同名的工作表或名称已存在，未做任何修改。', 'en-US': 'A sheet or name with that name already exists; nothing was changed.' },
  ItemNotFound: { 'zh-CN': '找不到所需的工作表或名称（可能已被删除或重命名）。', 'en-US': 'A sheet or name was not found (it may have been deleted or renamed).' },
  RequestPayloadSizeLimitExceeded: { 'zh-CN': '一次写入的数据太多，超过了 Excel 网页版的限制。请重试；若仍失败，请分批生成。', 'en-US': 'Too much data in one request for Excel on the web. Try again; if it still fails, generate in parts.' },
  ApiNotFound: { 'zh-CN': '当前 Excel 版本太旧，不支持此功能。请使用 Excel 2021、Microsoft 365 或 Excel 网页版。', 'en-US': 'This Excel is too old for this feature. Use Excel 2021, Microsoft 365 or Excel on the web.' },
  GeneralException: { 'zh-CN': 'Excel 处理请求时出错，请重试。', 'en-US': 'Excel could not complete the request. Please try again.' },
};

/** unprotect failed: the sheet has a password and none or another was given (see isUnprotectFailure). */
const SHEET_PASSWORD: Msg = {
  'zh-CN': '工作表受密码保护，未提供保护密码或密码不正确，未做任何修改。请在任务窗格的“保护密码”框中输入工作表的保护密码后重试。',
  'en-US': 'The sheet is password-protected and no password, or not the right one, was given; nothing was changed. Enter the sheet-protection password in the task pane\'s "Protection password" box and try again.',
};

const NOT_OKR: Msg = { 'zh-CN': '当前工作簿不是OKR工作簿（找不到“设置”表）。请先在“生成”步骤中生成。', 'en-US': 'This workbook is not an OKR workbook (no settings sheet). Generate it first.' };

/** A person-readable error that keeps the original as its cause. */
export class OfficeActionError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly original: unknown) {
    super(message);
    this.name = 'OfficeActionError';
  }
}

/** Maps an Office.js (OfficeExtension.Error) or reader error to a sentence a person understands. */
export function describeError(e: unknown, lang: Lang): OfficeActionError {
  if (e instanceof OfficeActionError) return e;
  if (e instanceof NotAnOkrWorkbook) return new OfficeActionError(NOT_OKR[lang], 'NotAnOkrWorkbook', e);
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
  if (isUnprotectFailure(e)) return new OfficeActionError(SHEET_PASSWORD[lang], 'SheetPassword', e);
  const known = code ? BY_CODE[code] : undefined;
  const detail = e instanceof Error ? e.message : String(e);
  if (known) return new OfficeActionError(known[lang], code, e);
  return new OfficeActionError(lang === 'zh-CN' ? `操作失败：${detail}` : `The action failed: ${detail}`, code, e);
}

/**
 * Whether an Excel error is a failed WorksheetProtection.unprotect: at ExcelApi 1.9 that is how a
 * missing or wrong password shows (Excel answers InvalidArgument; the code alone would also cover
 * many unrelated mistakes, so the place of the error decides). Office.js puts the failing member in
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
