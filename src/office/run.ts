/** Excel.run's shape; tests pass the in-memory Excel's run. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run, looked up when called (office.js may load after this module). */
export const excelRun: ExcelRun = (batch) => Excel.run(batch);

/** Excel.createWorkbook's shape (ExcelApi 1.8): opens a new workbook from an .xlsx file in base64. */
export type CreateWorkbook = (base64: string) => Promise<void>;

/** Excel.createWorkbook, looked up when called. */
export const excelCreateWorkbook: CreateWorkbook = (base64) => Excel.createWorkbook(base64);
