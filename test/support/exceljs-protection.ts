/**
 * A sheet's protection as ExcelJS reads it from a file: the tests look at what the product wrote with
 * it (ExcelJS is the tests' independent reader of .xlsx files; the product writes the package itself).
 */
import type ExcelJS from 'exceljs';
import { LEGACY, type SheetPasswordHash } from '../../src/xlsx/password';

/** The <sheetProtection> attributes ExcelJS keeps for a sheet (read from a file or set by protect). */
export interface SheetProtectionModel extends Partial<SheetPasswordHash> {
  sheet?: boolean;
  /** The old 16-bit hash (password="83AF"), which ExcelJS reads past: set by loadXlsx (exceljs-read.ts). */
  legacyPassword?: string;
}

/** ExcelJS keeps a sheet's protection in `sheetProtection`, which its typings omit; null when unprotected. */
export function sheetProtectionOf(ws: ExcelJS.Worksheet): SheetProtectionModel | null {
  return (ws as unknown as { sheetProtection?: SheetProtectionModel | null }).sheetProtection ?? null;
}

/** The password hash of a protected sheet, or undefined when it is unprotected or protected without a password. */
export function sheetPasswordOf(ws: ExcelJS.Worksheet): SheetPasswordHash | undefined {
  const p = sheetProtectionOf(ws);
  if (p?.sheet && !p.hashValue && p.legacyPassword) return { algorithmName: LEGACY, hashValue: p.legacyPassword, saltValue: '', spinCount: 0 };
  if (!p?.sheet || !p.hashValue || !p.algorithmName) return undefined;
  return { algorithmName: p.algorithmName, hashValue: p.hashValue, saltValue: p.saltValue ?? '', spinCount: p.spinCount ?? 0 };
}
