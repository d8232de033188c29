/**
 * Reading an .xlsx with ExcelJS, the tests' independent reader: what the product's own reader
 * (src/xlsx/package/values.ts) must agree with.
 */
import ExcelJS from 'exceljs';
import type { RawValue, SheetValues } from '../../src/templates/read-book';
import { PackageWorkbook } from '../../src/xlsx/package/workbook';
import { sheetProtectionOf } from './exceljs-protection';

/** Loads an .xlsx file's bytes; throws a plain Error naming why it is not a readable workbook. */
export async function loadXlsx(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's load signature wants its own Buffer type; a Node Buffer is what it reads.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  // The old password hash ExcelJS drops is put back on the sheet's protection, so that an edit asks
  // for the password and protects the sheet again with it (see passwordForEdit).
  for (const [name, hash] of await legacySheetPasswords(bytes)) {
    const p = wb.getWorksheet(name) ? sheetProtectionOf(wb.getWorksheet(name) as ExcelJS.Worksheet) : null;
    if (p?.sheet) p.legacyPassword = hash;
  }
  return wb;
}

export function sheetValues(wb: ExcelJS.Workbook): SheetValues[] {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    hidden: ws.state !== 'visible',
    rowCount: ws.rowCount,
    // findCell, not getCell: reading must not create rows (a value in row 1,048,576 would make
    // every scan of the sheet allocate a million of them).
    get: (row: number, col: number) => {
      const cell = (ws as unknown as { findCell(r: number, c: number): ExcelJS.Cell | undefined }).findCell(row, col);
      return cell ? cellValue(cell) : null;
    },
  }));
}

/** A cell's value as a person sees it: formula results, rich text flattened, hyperlinks as text. */
export function cellValue(cell: ExcelJS.Cell): RawValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  // A date-formatted number beyond any calendar (ExcelJS gives an invalid Date) reads as Excel shows it.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '########' : v;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if ('formula' in v || 'sharedFormula' in v) {
    // cell.result keeps a result of 0 or false that cell.value.result loses (see the testing notes).
    const r = cell.result as unknown;
    if (r === null || r === undefined) return null;
    if (typeof r === 'object' && !(r instanceof Date)) return null; // an error value such as #DIV/0!
    if (r instanceof Date && Number.isNaN(r.getTime())) return '########';
    return r as RawValue;
  }
  if ('richText' in v) return v.richText.map((p) => p.text).join('');
  if ('text' in v && typeof v.text === 'string') return v.text;
  if ('error' in v) return null;
  return null;
}

/**
 * Sheets protected with the old 16-bit password hash (<sheetProtection password="83AF">), by name.
 * ExcelJS reads past that attribute; loadXlsx puts it back on the sheet it loads.
 */
export async function legacySheetPasswords(bytes: Buffer | Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const l of await (await PackageWorkbook.open(bytes)).locks()) if (l.hash?.algorithmName === 'legacy') out.set(l.name, l.hash.hashValue);
  return out;
}
