/** The sheet-protection hash (ECMA-376 §18.3.1.85) and its check, against ExcelJS's own implementation. */
import ExcelJS from 'exceljs';
import * as crypto from 'crypto';
import {
  hashSheetPassword, passwordHashBytes, SPIN_COUNT, UnsupportedPasswordHash, verifySheetPassword,
} from '../../src/xlsx/password';
import { sheetPasswordOf } from '../support/exceljs-protection';

/** ExcelJS's ws.protect(password): its own salt and hash, read back from the sheet's model. */
async function excelJsProtection(password: string, spinCount?: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  await ws.protect(password, spinCount === undefined ? {} : { spinCount });
  return (ws as unknown as { sheetProtection: { algorithmName: string; hashValue: string; saltValue: string; spinCount: number } }).sheetProtection;
}

/** The definition written out plainly, independent of the module's buffer reuse. */
function reference(password: string, salt: Buffer, spins: number): string {
  let h = crypto.createHash('sha512').update(Buffer.concat([salt, Buffer.from(password, 'utf16le')])).digest();
  for (let i = 0; i < spins; i++) {
    const n = Buffer.alloc(4);
    n.writeUInt32LE(i, 0);
    h = crypto.createHash('sha512').update(Buffer.concat([h, n])).digest();
  }
  return h.toString('base64');
}

describe('sheet-protection password hash', () => {
  it('is what ExcelJS ws.protect(password) writes for the same salt (SHA-512, 100,000 spins), CJK and emoji included', async () => {
    for (const pw of ['s3cret', '人力资源部2026', 'p@ss 🔒 word']) {
      const theirs = await excelJsProtection(pw);
      expect(theirs.algorithmName).toBe('SHA-512');
      expect(theirs.spinCount).toBe(SPIN_COUNT);
      const ours = hashSheetPassword(pw, { salt: Buffer.from(theirs.saltValue, 'base64') });
      expect(ours).toEqual({ algorithmName: 'SHA-512', hashValue: theirs.hashValue, saltValue: theirs.saltValue, spinCount: 100000 });
      expect(verifySheetPassword(pw, theirs)).toBe(true);
    }
  });

  it('matches the formula written out plainly, for a fixed salt and few spins', () => {
    const salt = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
    for (const spins of [0, 1, 2, 1000]) {
      expect(passwordHashBytes('密码', salt, spins, 'SHA-512').toString('base64')).toBe(reference('密码', salt, spins));
    }
  });

  it('accepts the right password and rejects a wrong one, an empty one, and one that differs in case', () => {
    const h = hashSheetPassword('Quarter-4');
    expect(verifySheetPassword('Quarter-4', h)).toBe(true);
    expect(verifySheetPassword('quarter-4', h)).toBe(false);
    expect(verifySheetPassword('Quarter-4 ', h)).toBe(false);
    expect(verifySheetPassword('', h)).toBe(false);
  });

  it('gives every workbook a fresh random salt; the hash never contains the password', () => {
    const a = hashSheetPassword('same');
    const b = hashSheetPassword('same');
    expect(a.saltValue).not.toBe(b.saltValue);
    expect(a.hashValue).not.toBe(b.hashValue);
    expect(Buffer.from(a.saltValue, 'base64')).toHaveLength(16);
    expect(Buffer.from(a.hashValue, 'base64')).toHaveLength(64);
    expect(JSON.stringify(a)).not.toContain('same');
  });

  it('checks hashes written with another algorithm or spin count (SHA-256, 5,000 spins), as older tools write them', async () => {
    const salt = crypto.randomBytes(16);
    const stored = { algorithmName: 'SHA-256', saltValue: salt.toString('base64'), spinCount: 5000, hashValue: passwordHashBytes('x', salt, 5000, 'SHA-256').toString('base64') };
    expect(verifySheetPassword('x', stored)).toBe(true);
    expect(verifySheetPassword('y', stored)).toBe(false);
    // ExcelJS with its own spin count agrees too.
    const theirs = await excelJsProtection('x', 10);
    expect(verifySheetPassword('x', theirs)).toBe(true);
  });

  it('refuses to guess about a hash it cannot check', () => {
    const base = hashSheetPassword('x', { spinCount: 1 });
    expect(() => verifySheetPassword('x', { ...base, algorithmName: 'MD2' })).toThrow(UnsupportedPasswordHash);
    expect(() => verifySheetPassword('x', { ...base, spinCount: -1 })).toThrow(UnsupportedPasswordHash);
    expect(() => verifySheetPassword('x', { ...base, spinCount: Number.NaN })).toThrow(UnsupportedPasswordHash);
  });
});
