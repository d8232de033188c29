/**
 * Packages as other writers make them: absolute relationship targets and other part names
 * (openpyxl), `sheet="true"` / `locked="false"` (LibreOffice); and a genuinely broken one, refused
 * with a message naming the part.
 */
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { cli, newExample, ORG } from '../lifecycle/helpers';
import { tempDir } from '../workbook/build-fixture';
import { XlsxWorkbook } from '../../src/xlsx/workbook-port';

async function rewrite(file: string, out: string, change: (zip: JSZip) => Promise<void>): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  await change(zip);
  await fs.writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

describe('packages from other writers', () => {
  let dir: string;
  let example: string;
  beforeAll(async () => {
    dir = await tempDir('package-writers');
    example = await newExample(dir);
  });

  it('absolute targets and renamed sheet parts (as openpyxl writes): score reads and edits them', async () => {
    const moved = await rewrite(example, path.join(dir, 'moved.xlsx'), async (zip) => {
      let rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
      let ct = await zip.file('[Content_Types].xml')!.async('string');
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
        const base = name.slice('xl/worksheets/'.length);
        const to = `xl/sheets/tab_${base}`;
        zip.file(to, await zip.file(name)!.async('nodebuffer'));
        zip.remove(name);
        rels = rels.split(`"worksheets/${base}"`).join(`"/${to}"`);
        ct = ct.split(`"/${name}"`).join(`"/${to}"`);
      }
      zip.file('xl/_rels/workbook.xml.rels', rels);
      zip.file('[Content_Types].xml', ct);
    });
    const out = path.join(dir, 'moved-scored.xlsx');
    const r = await cli('score', moved, '--out', out, '--override', '测试：有意留下的错误');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: expect.any(String) });
    const wb = await XlsxWorkbook.load(await fs.readFile(out));
    expect((await wb.read()).length).toBeGreaterThan(40);
  });

  it('sheet="true" and locked="false" read as protected and unlocked', async () => {
    const lo = await rewrite(example, path.join(dir, 'lo.xlsx'), async (zip) => {
      const name = 'xl/worksheets/sheet3.xml';
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replace('<sheetProtection sheet="1"', '<sheetProtection sheet="true"'));
    });
    const wb = await XlsxWorkbook.load(await fs.readFile(lo));
    await wb.read();
    const { PackageWorkbook } = await import('../../src/xlsx/package/workbook');
    const locks = await (await PackageWorkbook.open(await fs.readFile(lo))).locks();
    expect(locks[2].protected).toBe(true);
  });

  it('a part the workbook refers to is missing: exit 2, the part named', async () => {
    const broken = await rewrite(example, path.join(dir, 'broken.xlsx'), async (zip) => {
      zip.remove('xl/worksheets/sheet3.xml');
    });
    const r = await cli('score', broken, '--out', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('xl/worksheets/sheet3.xml');
    const c = await cli('check', broken, '--lang', 'en-US');
    expect(c.code).toBe(2);
    expect(c.err).toContain('xl/worksheets/sheet3.xml');
  });

  // Found by the fuzz run: these parts are read only when the edit is written, so a broken one was a crash (exit 3).
  it.each(['xl/styles.xml', '[Content_Types].xml'])('%s is not well-formed: every edit command refuses with exit 2 naming it, nothing written', async (part) => {
    const broken = await rewrite(example, path.join(dir, `bad-${part.replace(/\W/g, '')}.xlsx`), async (zip) => {
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.slice(0, Math.floor(xml.length / 2)));
    });
    for (const args of [['lock', '--by', 'HR', '--override', '测试'], ['score', '--override', '测试'], ['review', '--month', '2026-11'], ['update', '--org', ORG]]) {
      const [command, ...rest] = args;
      const out = path.join(dir, `bad-${command}.xlsx`);
      const r = await cli(command, broken, '--out', out, ...rest);
      expect({ command, code: r.code }).toEqual({ command, code: 2 });
      expect(r.err).toContain(part);
      await expect(fs.stat(out)).rejects.toThrow();
    }
  });
});
