/** Excel.run's shape; tests pass the in-memory Excel's run. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Excel.run, looked up when called (office.js may load after this module). */
export const excelRun: ExcelRun = (batch) => Excel.run(batch);
