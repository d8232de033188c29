import ExcelJS from 'exceljs';
import type { Lang } from '../domain/model';
import { fail } from '../io/issues';
import { M } from '../io/messages';
import { cellText } from '../io/cells';
import { checkCellLengths, isBlankRow, type TableCell, type TableInput, type TableRow } from '../io/table-input';
import { xlsxProblem } from '../io/xlsx-errors';
import { readTable } from '../io/read-table';

/**
 * Reads the first sheet of an .xlsx into a table: the first non-blank row is the header, line numbers
 * are sheet row numbers. It lives with the file adapter, the one place that imports ExcelJS; src/io's
 * readTable is handed it (XlsxTableReader) by the command line and the task pane.
 *
 * Cell values: numbers stay numbers, date cells become Date (UTC midnight, as ExcelJS reads them),
 * rich text and hyperlinks become their text, booleans "TRUE"/"FALSE", errors their code ("#N/A").
 * A formula cell gives its cached result (what the person saw); without one, its formula as text.
 * Merged cells read as the value of the merged area on every row it covers.
 *
 * `lang` (an addition to the brief's signature) picks the language of the error messages.
 */
export async function readXlsxTable(file: string, bytes: Buffer | Uint8Array, lang: Lang = 'zh-CN'): Promise<TableInput> {
  const wb = new ExcelJS.Workbook();
  try {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // ExcelJS declares its own module-local `Buffer` type (extends ArrayBuffer); a Node Buffer is what it reads.
    await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    fail(file, lang, 'XLSX_UNREADABLE', 0, '', xlsxProblem(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), lang));
  }
  const ws = wb.worksheets[0];
  if (!ws) fail(file, lang, 'XLSX_UNREADABLE', 0, '', M.noSheet(lang));

  let header: string[] | undefined;
  let headerLine = 1;
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: TableCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value));
    if (isBlankRow(cells)) return;
    if (!header) {
      header = cells.map((v) => cellText(v));
      headerLine = rowNumber;
    } else {
      rows.push({ line: rowNumber, cells });
    }
  });
  if (!header) fail(file, lang, 'EMPTY_FILE', 0, '', M.emptyFile(lang));
  const table: TableInput = { file, header, headerLine, rows };
  checkCellLengths(table, lang);
  return table;
}

function cellValue(v: ExcelJS.CellValue): TableCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return textOf(v.text);
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) {
    const r = v.result;
    if (r === undefined || r === null) return `=${v.formula ?? ('sharedFormula' in v ? v.sharedFormula : '')}`;
    if (typeof r === 'object' && !(r instanceof Date)) return r.error;
    return cellValue(r);
  }
  return null;
}

/** Hyperlink text may itself be rich text in files written by other tools. */
function textOf(t: unknown): string {
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && 'richText' in t && Array.isArray((t as { richText: unknown }).richText)) {
    return (t as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return t === undefined || t === null ? '' : String(t);
}

/** A CSV or .xlsx table file, with this adapter's .xlsx reader: what the command line and tests read. */
export function readTableFile(file: string, bytes: Buffer | Uint8Array, lang: Lang = 'zh-CN'): Promise<TableInput> {
  return readTable(file, bytes, lang, readXlsxTable);
}
