/** The Excel errors people meet (OfficeExtension.Error codes), one table for the pane and the ribbon. */
export type ExcelErrorCode =
  | 'InvalidOperationInCellEditMode' | 'AccessDenied' | 'InvalidOperation' | 'ItemNotFound' | 'ItemAlreadyExists'
  | 'RequestPayloadSizeLimitExceeded' | 'ResponsePayloadSizeLimitExceeded' | 'ApiNotFound' | 'Conflict' | 'EditConflict'
  | 'ActivityLimitReached' | 'ServiceNotAvailable' | 'RequestAborted' | 'GeneralException' | 'BadPassword' | 'InactiveWorkbook';

export const EXCEL_ERROR_CODES: readonly ExcelErrorCode[] = [
  'InvalidOperationInCellEditMode', 'AccessDenied', 'InvalidOperation', 'ItemNotFound', 'ItemAlreadyExists',
  'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'ApiNotFound', 'Conflict', 'EditConflict',
  'ActivityLimitReached', 'ServiceNotAvailable', 'RequestAborted', 'GeneralException', 'BadPassword', 'InactiveWorkbook',
];

export interface ExcelText {
  byCode: Record<ExcelErrorCode, string>;
  /** WorksheetProtection.unprotect failed: no password, or not the right one. */
  sheetPassword: string;
  notOkrWorkbook: string;
  /** Anything else, with Excel's own words. */
  failed: (detail: string) => string;
  unknown: string;
  /** Before Excel's code and message, on a line of their own. */
  details: string;
}

export const isExcelErrorCode = (code: string | undefined): code is ExcelErrorCode =>
  code !== undefined && (EXCEL_ERROR_CODES as readonly string[]).includes(code);
