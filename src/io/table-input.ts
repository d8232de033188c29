import type { Lang } from '../domain/model';
import { IssueCollector } from './issues';
import { text } from '../i18n';
import { M } from './messages';

/** A cell as read from a file: CSV gives strings; an .xlsx also gives numbers and real dates. */
export type TableCell = string | number | Date | null;

export interface TableRow {
  /** 1-based line of the CSV text (a quoted newline counts) or sheet row number. */
  line: number;
  cells: TableCell[];
}

/** How a CSV's bytes were read (an .xlsx has none). */
export type TextEncodingName = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

/** A table read from a CSV or the first sheet of an .xlsx: a header row and the rows under it. */
export interface TableInput {
  file: string;
  header: string[];
  /** Line of the header row (1 unless blank lines come first). */
  headerLine?: number;
  /** Rows under the header; rows whose cells are all blank are left out. */
  rows: TableRow[];
  /** The encoding a CSV was read in; 'gbk' is worth telling the person (see encodingNote). */
  encoding?: TextEncodingName;
}

export function isBlankCell(c: TableCell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

export function isBlankRow(cells: readonly TableCell[]): boolean {
  return cells.every(isBlankCell);
}

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32767;

/**
 * Refuses text a cell cannot hold: longer than Excel's 32,767 characters (counted in UTF-16 units,
 * as Excel counts). Every such cell is reported with its line and column.
 */
export function checkCellLengths(table: TableInput, lang: Lang): void {
  const issues = new IssueCollector(table.file, lang);
  const column = (i: number) => table.header[i] || text(lang).io.nthColumn(i + 1);
  table.header.forEach((h, i) => {
    if (h.length > MAX_CELL_TEXT) issues.add('CELL_TOO_LONG', table.headerLine ?? 1, column(i), M.cellTooLong(lang, h.length, MAX_CELL_TEXT));
  });
  for (const row of table.rows) {
    row.cells.forEach((c, i) => {
      if (typeof c === 'string' && c.length > MAX_CELL_TEXT) issues.add('CELL_TOO_LONG', row.line, column(i), M.cellTooLong(lang, c.length, MAX_CELL_TEXT));
    });
  }
  issues.throwIfAny();
}
