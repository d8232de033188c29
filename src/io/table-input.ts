/** A cell as read from a file: CSV gives strings; an .xlsx also gives numbers and real dates. */
export type TableCell = string | number | Date | null;

export interface TableRow {
  /** 1-based line of the CSV text (a quoted newline counts) or sheet row number. */
  line: number;
  cells: TableCell[];
}

/** A table read from a CSV or the first sheet of an .xlsx: a header row and the rows under it. */
export interface TableInput {
  file: string;
  header: string[];
  /** Line of the header row (1 unless blank lines come first). */
  headerLine?: number;
  /** Rows under the header; rows whose cells are all blank are left out. */
  rows: TableRow[];
}

export function isBlankCell(c: TableCell | undefined): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

export function isBlankRow(cells: readonly TableCell[]): boolean {
  return cells.every(isBlankCell);
}
