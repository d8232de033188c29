/**
 * Import of the organisation and the OKRs from CSV or .xlsx files. Pure TypeScript except
 * xlsx-table.ts (ExcelJS), which is loaded lazily.
 *
 *   const org = parseOrgTable(await readTable('org.csv', bytes, lang), lang);
 *   const { company, departments, individuals } = parseOkrTable(await readTable('okrs.csv', bytes2, lang), org, lang);
 *
 * Every function that finds a problem throws an ImportError carrying all the issues of the file
 * (up to MAX_ISSUES), each naming file, line and column in zh-CN or en-US.
 */
export { ImportError, MAX_ISSUES, type ImportIssue, type IssueCode } from './issues';
export type { TableCell, TableInput, TableRow } from './table-input';
export { readCsvTable } from './csv-table';
export { readTable } from './read-table';
export { parseOrgTable } from './org';
export { parseOkrTable, type ImportedCards } from './okrs';
export { ORG_COLUMNS, OKR_COLUMNS, headerKey } from './columns';

import type { Lang } from '../domain/model';
import type { TableInput } from './table-input';

/** The first sheet of an .xlsx as a table (ExcelJS is loaded on first use). */
export async function readXlsxTable(file: string, bytes: Buffer | Uint8Array, lang: Lang = 'zh-CN'): Promise<TableInput> {
  const m = await import('./xlsx-table');
  return m.readXlsxTable(file, bytes, lang);
}
