/**
 * Import of the organisation and the OKRs from CSV or .xlsx files. Pure TypeScript: an .xlsx is read
 * by the file adapter's reader (src/xlsx/table.ts), which the caller hands to readTable.
 *
 *   const org = parseOrgTable(await readTable('org.csv', bytes, lang, readXlsxTable), lang);
 *   const { company, departments, individuals } = parseOkrTable(await readTable('okrs.csv', bytes2, lang), org, lang);
 *
 * Every function that finds a problem throws an ImportError carrying all the issues of the file
 * (up to MAX_ISSUES), each naming file, line and column in zh-CN or en-US.
 */
export { ImportError, MAX_ISSUES, type ImportIssue, type IssueCode } from './issues';
export type { TableCell, TableInput, TableRow, TextEncodingName } from './table-input';
export { MAX_CELL_TEXT } from './table-input';
export { MAX_NAME_LENGTH } from './org';
export { cleanText } from './cells';
export { decodeGbk } from './csv-table';
export { xlsxBrokenAt, xlsxProblem, xlsxProblemAt } from './xlsx-errors';
export { readCsvTable } from './csv-table';
export { readTable, type XlsxTableReader } from './read-table';
export { parseOrgTable, parseOrgTablePaced } from './org';
export { Pacer, PACE_BUDGET, ReadCancelled, nextMacrotask, type PaceOptions, type YieldToHost } from './pace';
export { parseOkrTable, type ImportedCards } from './okrs';
export { ORG_COLUMNS, OKR_COLUMNS, headerKey } from './columns';

import type { Lang } from '../domain/model';
import { text } from '../i18n';
import { unknownColumns, type ColumnSpec } from './columns';
import { located, M } from './messages';
import type { TableInput } from './table-input';

/**
 * A sentence for the person when a CSV was not read as UTF-8 but as GBK (Excel's Chinese
 * "CSV (逗号分隔)"), e.g. `org.csv：按 GBK 编码读取（…）`; undefined otherwise.
 */
export function encodingNote(table: TableInput, lang: Lang): string | undefined {
  return table.encoding === 'gbk' ? located(lang, table.file, 0, '', M.readAsGbk(lang)) : undefined;
}

/**
 * What a person should know about a table that was read: the columns that were ignored (a typo in a
 * header would otherwise drop a whole column silently) and a CSV read as GBK.
 */
export function tableNotes<K extends string>(table: TableInput, specs: readonly ColumnSpec<K>[], lang: Lang): string[] {
  const notes: string[] = [];
  const unknown = unknownColumns(table, specs);
  if (unknown.length) {
    const known = specs.map((s) => text(lang).io.columnName(s));
    notes.push(located(lang, table.file, table.headerLine ?? 1, '', M.ignoredColumns(lang, unknown, known)));
  }
  const gbk = encodingNote(table, lang);
  if (gbk) notes.push(gbk);
  return notes;
}
