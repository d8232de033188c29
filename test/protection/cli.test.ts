/**
 * The sheet-protection password through the command line and the file adapter: `new --password`
 * (and OKR_PASSWORD), then lock / score / review with no, a wrong and the right password.
 */
import type ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { verifySheetPassword, type SheetPasswordHash } from '../../src/xlsx/password';
import { sheetPasswordOf, sheetProtectionOf } from '../support/exceljs-protection';
import { cli, editFile, exists, OKRS, openXlsx, ORG, signAll } from '../lifecycle/helpers';
import { tempDir } from '../workbook/build-fixture';

const PASSWORD = 'Zq9-人力资源-Pw!';
const WRONG = 'Zq9-人力资源-Pw?';
const CARD = '个人-刘洋';

/** Every part of an .xlsx (zip), as bytes. */
async function zipParts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  return out;
}

/** Parts in which `text` appears as UTF-8, UTF-16LE or base64 of either (the forms a password could leak in). */
async function partsContaining(file: string, text: string): Promise<string[]> {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')].flatMap((b) => [b, Buffer.from(b.toString('base64'))]);
  const hits: string[] = [];
  for (const [name, bytes] of await zipParts(file)) if (needles.some((n) => bytes.includes(n))) hits.push(name);
  return hits;
}

/** Every sheet's <sheetProtection> element, straight from the XML. */
async function sheetProtectionXml(file: string): Promise<string[]> {
  const parts = await zipParts(file);
  return [...parts].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(([, b]) => /<sheetProtection [^>]*\/>/.exec(b.toString('utf8'))?.[0] ?? '');
}

function hashesOf(wb: ExcelJS.Workbook): Map<string, SheetPasswordHash | undefined> {
  return new Map(wb.worksheets.map((ws) => [ws.name, sheetPasswordOf(ws)]));
}

const lockedCell = (ws: ExcelJS.Worksheet, a: string) => ws.getCell(a).style.protection?.locked !== false;

describe('sheet-protection password: command line and .xlsx files', () => {
  let dir: string;
  let book: string;
  let signed: string;
  beforeAll(async () => {
    dir = await tempDir('protection-cli');
    book = path.join(dir, 'book.xlsx');
    const r = await cli('new', '--org', ORG, '--okrs', OKRS, '--cycle', '2026-Q4', '--out', book, '--password', PASSWORD);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('受保护的工作表已设置密码');
    // Signed the way a person does it: opened, typed into, saved (ExcelJS load + save keeps the hash).
    signed = await editFile(book, path.join(dir, 'signed.xlsx'), signAll);
  });

  it('new --password: every sheet is protected with one SHA-512 hash (salt, 100,000 spins) and the password is nowhere in the file', async () => {
    const xml = await sheetProtectionXml(book);
    expect(xml).toHaveLength(50);
    for (const el of xml) {
      expect(el).toMatch(/ sheet="1"/);
      expect(el).toMatch(/ algorithmName="SHA-512"/);
      expect(el).toMatch(/ hashValue="[A-Za-z0-9+/]{86}=="/);
      expect(el).toMatch(/ saltValue="[A-Za-z0-9+/]{22}=="/);
      expect(el).toMatch(/ spinCount="100000"/);
    }
    // One hash computed once for the workbook, shared by its sheets.
    expect(new Set(xml.map((el) => /hashValue="([^"]+)"/.exec(el)?.[1])).size).toBe(1);
    expect(await partsContaining(book, PASSWORD)).toEqual([]);

    const wb = await openXlsx(book);
    const hashes = [...hashesOf(wb).values()];
    expect(hashes.every((h) => h !== undefined)).toBe(true);
    expect(verifySheetPassword(PASSWORD, hashes[0]!)).toBe(true);
    expect(verifySheetPassword(WRONG, hashes[0]!)).toBe(false);
    // The protection options of the generated sheets stay as they are without a password: rows may be
    // inserted and rows/columns formatted ("0" = not protected against), not sorted or deleted.
    expect(xml[0]).toMatch(/ formatColumns="0"/);
    expect(xml[0]).toMatch(/ insertRows="0"/);
    expect(xml[0]).not.toMatch(/ (sort|deleteRows)="0"/);
  });

  it('load and save (a person signing the cards) keeps every hash as it was', async () => {
    const before = hashesOf(await openXlsx(book));
    const after = hashesOf(await openXlsx(signed));
    expect(after).toEqual(before);
  });

  it('OKR_PASSWORD gives the password without it appearing on the command line; --help says so', async () => {
    const out = path.join(dir, 'env.xlsx');
    process.env.OKR_PASSWORD = PASSWORD;
    try {
      const r = await cli('new', '--org', ORG, '--cycle', '2026-Q4', '--out', out);
      expect(r.code).toBe(0);
    } finally {
      delete process.env.OKR_PASSWORD;
    }
    const wb = await openXlsx(out);
    expect(verifySheetPassword(PASSWORD, sheetPasswordOf(wb.worksheets[0])!)).toBe(true);
    for (const cmd of ['new', 'lock', 'score', 'review']) {
      const help = await cli(cmd, '--help');
      expect(help.out).toMatch(/--password <password>/);
      expect(help.out).toMatch(/OKR_PASSWORD/);
    }
  });

  it('without --password a password-protected workbook is not written: exit 2, a clear message, no file', async () => {
    const out = path.join(dir, 'no-pw.xlsx');
    const r = await cli('lock', signed, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/受密码保护（工作表“.+”等 \d+ 个），未做任何修改。请用 --password 或环境变量 OKR_PASSWORD 提供/);
    expect(await exists(out)).toBe(false);
    const en = await cli('score', signed, '--out', out, '--lang', 'en-US', '--override', '测试：有意留下的错误');
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/is password-protected \(sheet ".+" and \d+ more\); nothing was written\. Give the sheet-protection password with --password or the OKR_PASSWORD environment variable\./);
    expect(await exists(out)).toBe(false);
    const review = await cli('review', signed, '--month', '2026-11', '--out', out);
    expect(review.code).toBe(2);
    expect(await exists(out)).toBe(false);
  });

  it('a wrong password: exit 2, "密码不正确" / "The password is not correct", no file, and the password is not echoed', async () => {
    const out = path.join(dir, 'wrong.xlsx');
    const r = await cli('lock', signed, '--out', out, '--password', WRONG);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^密码不正确/);
    expect(r.err + r.out).not.toContain(WRONG);
    expect(await exists(out)).toBe(false);
    const en = await cli('score', signed, '--out', out, '--password', WRONG, '--lang', 'en-US', '--override', '测试：有意留下的错误');
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/^The password is not correct/);
    expect(await exists(out)).toBe(false);
  });

  describe('with the right password', () => {
    let locked: string;
    let scored: string;
    beforeAll(async () => {
      locked = path.join(dir, 'locked.xlsx');
      const r = await cli('lock', signed, '--out', locked, '--by', '人力资源部', '--password', PASSWORD);
      expect(r).toMatchObject({ code: 0, err: '' });
      scored = path.join(dir, 'scored.xlsx');
      process.env.OKR_PASSWORD = PASSWORD;
      try {
        const s = await cli('score', locked, '--out', scored, '--by', '人力资源部');
        expect(s).toMatchObject({ code: 0, err: '' });
      } finally {
        delete process.env.OKR_PASSWORD;
      }
    });

    it('lock: frozen cells are locked, every sheet (the new very hidden snapshot too) is protected with the password', async () => {
      const wb = await openXlsx(locked);
      const ws = wb.getWorksheet(CARD)!;
      expect(['B7', 'H7', 'J7', 'K7'].map((a) => lockedCell(ws, a))).toEqual([true, true, true, true]);
      expect(['P7', 'Q7', 'H15'].map((a) => lockedCell(ws, a))).toEqual([false, false, false]);
      const snapshot = wb.getWorksheet('OKR_锁定')!;
      expect(snapshot.state).toBe('veryHidden');
      const distinct = new Map<string, SheetPasswordHash>();
      for (const [name, hash] of hashesOf(wb)) {
        expect([name, sheetProtectionOf(wb.getWorksheet(name)!)?.sheet, hash !== undefined]).toEqual([name, true, true]);
        distinct.set(hash!.hashValue, hash!);
      }
      // The snapshot got the workbook's verified hash as it is: one hash for all 50 sheets.
      expect(distinct.size).toBe(1);
      for (const h of distinct.values()) expect(verifySheetPassword(PASSWORD, h)).toBe(true);
      expect(await partsContaining(locked, PASSWORD)).toEqual([]);
    });

    it('score: the register and change log are written, frozen cells stay locked, every sheet keeps a hash of the password', async () => {
      const wb = await openXlsx(scored);
      expect(wb.getWorksheet('结果运用')!.getCell('C5').value).toBeTruthy();
      expect(wb.getWorksheet('变更记录')!.getCell('B6').value).toBe('季度评分');
      const ws = wb.getWorksheet(CARD)!;
      expect(['B7', 'H7', 'J7', 'K7'].map((a) => lockedCell(ws, a))).toEqual([true, true, true, true]);
      const distinct = new Map<string, SheetPasswordHash>();
      for (const [name, hash] of hashesOf(wb)) {
        expect([name, sheetProtectionOf(wb.getWorksheet(name)!)?.sheet, hash?.algorithmName, hash?.spinCount]).toEqual([name, true, 'SHA-512', 100000]);
        distinct.set(hash!.hashValue, hash!);
      }
      for (const h of distinct.values()) expect(verifySheetPassword(PASSWORD, h)).toBe(true);
      // Nothing the command wrote (the change log included) holds the password.
      expect(await partsContaining(scored, PASSWORD)).toEqual([]);
      // Reading needs no password: check works on the protected file.
      expect((await cli('check', scored, '--json')).code).toBeLessThan(2);
    });

    it('review with the password appends its rows; the review sheet stays protected with the password', async () => {
      const out = path.join(dir, 'reviewed.xlsx');
      const r = await cli('review', scored, '--month', '2026-11', '--out', out, '--password', PASSWORD);
      expect(r).toMatchObject({ code: 0, err: '' });
      const wb = await openXlsx(out);
      const review = wb.worksheets.find((w) => w.name.startsWith('月（季）绩效回顾表'))!;
      expect(verifySheetPassword(PASSWORD, sheetPasswordOf(review)!)).toBe(true);
    });
  });

  it('a password for a workbook that has none: a note, the edit is done, and nothing gets a password', async () => {
    const plain = path.join(dir, 'plain.xlsx');
    expect((await cli('new', '--org', ORG, '--okrs', OKRS, '--cycle', '2026-Q4', '--out', plain)).code).toBe(0);
    const plainSigned = await editFile(plain, path.join(dir, 'plain-signed.xlsx'), signAll);
    const out = path.join(dir, 'plain-locked.xlsx');
    const r = await cli('lock', plainSigned, '--out', out, '--password', PASSWORD);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/没有受密码保护的工作表，未使用所给的密码/);
    const wb = await openXlsx(out);
    expect([...hashesOf(wb).values()].every((h) => h === undefined)).toBe(true);
    expect(sheetProtectionOf(wb.getWorksheet('OKR_锁定')!)?.sheet).toBe(true);
  });

  it('a sheet someone protected with another password is refused even with the workbook\'s password', async () => {
    const other = await editFile(signed, path.join(dir, 'other.xlsx'), async (wb) => {
      // 变更记录 (the change log, written by every lock) re-protected by someone with their own password.
      await wb.getWorksheet('变更记录')!.protect('another one', { spinCount: 1000 });
    });
    const out = path.join(dir, 'other-locked.xlsx');
    const r = await cli('lock', other, '--out', out, '--password', PASSWORD);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^密码不正确（打不开工作表“变更记录”的保护）/);
    expect(await exists(out)).toBe(false);
  });
});
