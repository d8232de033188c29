/**
 * In-memory Excel object model for tests (see the package's README.md). Node entry:
 *
 *   import { createFakeExcel, exportToXlsx } from '@okr-workbook/fake-excel';
 */

export * from './browser';
export { exportToXlsx, pointsToCharacters } from './export-xlsx';
export type { ExportOptions } from './export-xlsx';
export { findSoffice, readZipEntry, recalculateWithLibreOffice } from './libreoffice';
export { officeJsRequestBytes } from './office-js-vm';
