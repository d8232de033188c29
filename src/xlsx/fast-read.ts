import type { SheetValues } from '../templates/read-book';
import { PackageWorkbook } from './package/workbook';

/**
 * Reads the values of every sheet of an .xlsx straight from its XML (saxes, one streaming pass per
 * sheet: src/xlsx/package/values.ts) — what the rules and scoring need, and nothing else (no styles,
 * no formulas). Formula cells give their cached result when the file has one, else nothing.
 */
export async function readSheetValuesFast(bytes: Buffer | Uint8Array): Promise<SheetValues[]> {
  return (await PackageWorkbook.open(bytes)).values();
}

/**
 * Sheets protected with the old 16-bit password hash (<sheetProtection password="83AF">), by name.
 * ExcelJS reads past that attribute; loadXlsx (read.ts) puts it back on the sheet it loads.
 */
export async function legacySheetPasswords(bytes: Buffer | Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const l of await (await PackageWorkbook.open(bytes)).locks()) if (l.hash?.algorithmName === 'legacy') out.set(l.name, l.hash.hashValue);
  return out;
}
