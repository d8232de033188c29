/**
 * Sheet protection as the package holds it, and what an edit does about passwords. The edit never
 * rewrites a <sheetProtection> it does not set: a protected sheet it writes keeps its protection
 * byte for byte (the old 16-bit `password=` hash included); a sheet it must protect, or adds, gets the
 * generator's protection with the workbook's password hash.
 */
import { SHEET_PROTECTION } from '../../templates/plan';
import { touchedSheets, type WorkbookEdit } from '../../templates/edits';
import {
  ALGORITHM, LEGACY, hashKey, hashSheetPassword, SheetPasswordError, SPIN_COUNT, UnsupportedPasswordHash, verifySheetPassword, type SheetPasswordHash,
} from '../password';
import { isTrue } from './xml-tree';
import type { SheetProtectionInfo } from './values';

export interface SheetLock {
  name: string;
  protected: boolean;
  /** The password hash of a protected sheet (the old 16-bit one as algorithmName 'legacy'). */
  hash?: SheetPasswordHash;
}

/** What a sheet's <sheetProtection> says (sheet="1" or "true", as any writer spells it). */
export function sheetLockOf(name: string, p: SheetProtectionInfo | undefined): SheetLock {
  const a = p?.attrs ?? {};
  const on = p !== undefined && isTrue(a.sheet, false);
  if (!on) return { name, protected: false };
  if (a.hashValue && a.algorithmName) {
    return { name, protected: true, hash: { algorithmName: a.algorithmName, hashValue: a.hashValue, saltValue: a.saltValue ?? '', spinCount: Number(a.spinCount ?? 0) } };
  }
  if (a.password && a.password.length <= 4 && [...a.password].every((c) => '0123456789abcdefABCDEF'.includes(c))) {
    return { name, protected: true, hash: { algorithmName: LEGACY, hashValue: a.password.toUpperCase(), saltValue: '', spinCount: 0 } };
  }
  return { name, protected: true };
}

/** The <sheetProtection> attributes of a generated sheet, with the password hash when there is one. */
export function protectionAttrs(hash: SheetPasswordHash | undefined): [string, string][] {
  const out: [string, string][] = [];
  if (hash) out.push(['algorithmName', hash.algorithmName], ['hashValue', hash.hashValue], ['saltValue', hash.saltValue], ['spinCount', String(hash.spinCount)]);
  out.push(['sheet', '1']);
  // An attribute set to 0 allows the action (ECMA-376 §18.3.1.85); the defaults forbid them.
  for (const [k, allowed] of Object.entries(SHEET_PROTECTION)) if (allowed) out.push([k, '0']);
  return out;
}

export interface EditProtection {
  hash?: SheetPasswordHash;
  passwordUnused: boolean;
}

/**
 * Checks the password against the password-protected sheets an edit touches (writes, locks, protects or
 * replaces), before anything changes: none given → SheetPasswordError 'missing'; one that does not open
 * every such sheet → 'wrong'. Sheets sharing a hash are checked once. When the edit touches none but
 * the workbook has some, a given password is checked against one of them, so that sheets the edit adds
 * never get a password other than the workbook's. Sheets it does not touch keep their protection as
 * it is, whatever hash it uses (the old 16-bit one included: it is no longer rewritten).
 *
 * Returns the hash for sheets the edit adds or protects: a verified SHA-512 hash of the workbook
 * reused as it is (no new 100,000-round hash), otherwise a fresh one. The password itself is never kept.
 */
export function passwordForEdit(sheets: SheetLock[], edit: WorkbookEdit, password: string | undefined): EditProtection {
  const locked = sheets.filter((s): s is SheetLock & { hash: SheetPasswordHash } => s.hash !== undefined);
  const touched = new Set([...touchedSheets(edit), ...edit.sheets.flatMap((s) => (s.replaces ? [s.replaces] : []))].map((n) => n.toLowerCase()));
  const needed = locked.filter((l) => touched.has(l.name.toLowerCase()));
  if (!password) {
    if (needed.length) throw new SheetPasswordError('missing', needed.map((l) => l.name));
    return { passwordUnused: false };
  }
  if (locked.length === 0) return { passwordUnused: true };
  const verdicts = new Map<string, boolean>();
  let reusable: SheetPasswordHash | undefined;
  for (const l of needed.length ? needed : locked.slice(0, 1)) {
    const key = hashKey(l.hash);
    let ok = verdicts.get(key);
    if (ok === undefined) {
      try {
        ok = verifySheetPassword(password, l.hash);
      } catch (e) {
        if (e instanceof UnsupportedPasswordHash) throw new SheetPasswordError('unsupported', [l.name]);
        throw e;
      }
      verdicts.set(key, ok);
    }
    if (!ok) throw new SheetPasswordError('wrong', [l.name]);
    if (!reusable && l.hash.algorithmName === ALGORITHM && l.hash.spinCount >= SPIN_COUNT) reusable = l.hash;
  }
  if (!reusable) reusable = locked.find((l) => l.hash.algorithmName === ALGORITHM && l.hash.spinCount >= SPIN_COUNT && verdicts.get(hashKey(l.hash)))?.hash;
  return { hash: reusable ? { ...reusable } : hashSheetPassword(password), passwordUnused: false };
}
