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
