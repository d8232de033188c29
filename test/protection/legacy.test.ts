/**
 * The old sheet-protection hash (<sheetProtection password="83AF">, Excel 97–2003 and some tools).
 * ExcelJS reads past it, so a workbook it loads and saves would come out protected WITHOUT a
 * password. The file adapter reads the old hash itself: an edit needs the password, checks it, and
 * protects those sheets again with SHA-512.
 */
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { legacyPasswordHash, verifySheetPassword } from '../../src/xlsx/password';
import { sheetPasswordOf } from '../support/exceljs-protection';
import { cli, exists, newExample, openXlsx, ORG } from '../lifecycle/helpers';
import { tempDir } from '../workbook/build-fixture';

/** The workbook with every protected sheet given the old hash of `password`, as older tools write it. */
async function withLegacyPassword(file: string, out: string, password: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace(/<sheetProtection /, `<sheetProtection password="${legacyPasswordHash(password)}" `));
  }
  await fs.writeFile(out, await zip.generateAsync({ type: 'nodebuffer' }));
  return out;
}

describe('old-style sheet passwords (password="83AF")', () => {
  it('hashes as Excel does (known values)', () => {
    expect(legacyPasswordHash('password')).toBe('83AF');
    expect(legacyPasswordHash('secret')).toBe('DAA7');
  });

  let dir: string;
  let legacy: string;
  beforeAll(async () => {
    dir = await tempDir('protection-legacy');
    legacy = await withLegacyPassword(await newExample(dir), path.join(dir, 'legacy.xlsx'), 'secret');
  });

  it('score without the password, or with a wrong one: exit 2, no file — the password is not silently dropped', async () => {
    const out = path.join(dir, 'x.xlsx');
    const none = await cli('score', legacy, '--out', out, '--override', '测试：有意留下的错误');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/密码/);
    const wrong = await cli('score', legacy, '--out', out, '--password', 'Secret', '--override', '测试：有意留下的错误');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('密码不正确');
    expect(await exists(out)).toBe(false);
  });

  it('with the right password the edit goes ahead, and every such sheet keeps its protection byte for byte (nothing is dropped)', async () => {
    const protections = async (file: string) => {
      const zip = await JSZip.loadAsync(await fs.readFile(file));
      const out = new Map<string, string>();
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        const xml = await zip.file(name)!.async('string');
        const at = xml.indexOf('<sheetProtection ');
        if (at >= 0) out.set(name, xml.slice(at, xml.indexOf('>', at) + 1));
      }
      return out;
    };
    const before = await protections(legacy);
    expect(before.size).toBeGreaterThan(40);
    for (const [command, extra] of [['score', ['--override', '测试：有意留下的错误']], ['update', ['--org', ORG]]] as const) {
      const out = path.join(dir, `${command}.xlsx`);
      const r = await cli(command, legacy, '--out', out, '--password', 'secret', ...extra);
      // update with the same organisation has nothing to do and writes nothing: that is fine too.
      expect({ command, code: r.code }).toEqual({ command, code: 0 });
      if (!(await exists(out))) continue;
      const after = await protections(out);
      for (const [part, tag] of before) expect({ part, tag: after.get(part) }).toEqual({ part, tag });
      const wb = await openXlsx(out);
      expect(wb.worksheets.filter((ws) => sheetPasswordOf(ws) !== undefined).length).toBe(0); // ExcelJS reads past the old hash
      expect(verifySheetPassword('secret', { algorithmName: 'legacy', hashValue: legacyPasswordHash('secret'), saltValue: '', spinCount: 0 })).toBe(true);
    }
  });
});
