/**
 * In-memory Excel object model for tests (see README.md next to this file).
 *
 *   import { createFakeExcel, exportToXlsx } from '../fake-excel';
 */

export * from './browser';
export { exportToXlsx, pointsToCharacters } from './export-xlsx';
export type { ExportOptions } from './export-xlsx';
export { findSoffice, readZipEntry, recalculateWithLibreOffice } from './libreoffice';
