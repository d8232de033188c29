/**
 * Whether the host supports an ExcelApi requirement set, asked as the task pane asks it
 * (Office.context.requirements.isSetSupported). Where Office is not there at all (a test that runs the
 * adapter on an object model without the Office global) nothing beyond ExcelApi 1.1 may be assumed:
 * false, so that the adapter takes the way every host has.
 */
export function excelApiSupported(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    // Office.context is undefined before Office.onReady in some hosts: treated as not supported.
    return false;
  }
}
