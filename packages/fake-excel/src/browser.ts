/**
 * Browser-safe entry (no ExcelJS, no Node APIs): bundle this for the browser e2e page and call
 * `createFakeExcel(...).installGlobals(window)` before the add-in's scripts run.
 */

export { createFakeExcel } from './fake-excel';
export type { FakeExcel, FakeExcelNamespace, FakeExcelOptions } from './fake-excel';
export type { CreatedWorkbook } from './new-workbooks';
export { WorkbookState, SheetView } from './workbook-state';
export { chartsOf } from './charts';
export type { ChartView } from './charts';
export type { CellView, ConditionalFormatView, NameView, ValidationView, ProtectionOptionsData } from './workbook-state';
export type { FakeStats, RequestLogEntry } from './stats';
export type { Limits, SyncHookInfo } from './core';
export { WEB_LIMITS } from './core';
export { FakeOfficeError, FakeNotImplementedError, ErrorCodes } from './errors';
export { DARK_THEME, LIGHT_THEME, DEFAULT_API_SETS } from './office-globals';
export type { FakeAddinCommandEvent, FakeOffice, FakeOfficeControls, OfficeThemeLike, OfficePlatform } from './office-globals';
