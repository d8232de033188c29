/**
 * Each edit command on a workbook carrying things the engine does not model: every part it does
 * not own is byte-identical, nothing dangles, names keep their text and scope, what it does not
 * own inside the sheets it edits (an x14 extension, an unknown element) stays byte for byte, and
 * protection is as before plus what the edit sets.
 */
import { promises as fs } from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { cli, newExample, ORG } from '../lifecycle/helpers';
import { tempDir } from '../workbook/build-fixture';

const EXT = '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="0" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/></ext></extLst>';
const CUSTOM = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner"><vt:lpwstr>HR &amp; 财务</vt:lpwstr></property></Properties>';

type Parts = Map<string, Buffer>;

async function partsOf(file: string): Promise<Parts> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out: Parts = new Map();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async('nodebuffer'));
  return out;
}

const text = (p: Parts, name: string) => p.get(name)?.toString('utf8') ?? '';

/** The example with a custom-properties part, an x14 extension on every card, user names (a constant, a sheet-scoped print area). */
async function withArtefacts(file: string, out: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  zip.file('docProps/custom.xml', CUSTOM);
  const ct = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', ct.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'));
  const rels = await zip.file('_rels/.rels')!.async('string');
  zip.file('_rels/.rels', rels.replace('</Relationships>', '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'));
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet'))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(name, xml.replace('</worksheet>', `${EXT}</worksheet>`));
  }
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', wb.replace('</definedNames>', '<definedName name="MyConst">0.5</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">\'目标体系图\'!$A$1:$E$10</definedName></definedNames>'));
  await fs.writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

function definedNames(wbXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = /name="([^"]*)"/.exec(m[1])![1];
    const local = /localSheetId="(\d+)"/.exec(m[1])?.[1];
    const sheets = [...wbXml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((x) => x[1]);
    out.set(`${name}@${local === undefined ? '' : sheets[Number(local)]}`, m[2]);
  }
  return out;
}

function checkPackage(p: Parts): void {
  const ct = text(p, '[Content_Types].xml');
  for (const m of ct.matchAll(/PartName="\/([^"]+)"/g)) expect({ override: m[1], exists: p.has(m[1]) }).toEqual({ override: m[1], exists: true });
  for (const [name] of p) {
    if (!name.endsWith('.rels')) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
    for (const m of text(p, name).matchAll(/<Relationship ([^>]*)\/>/g)) {
      if (/TargetMode="External"/.test(m[1])) continue;
      const target = /Target="([^"]+)"/.exec(m[1])![1];
      const resolved = path.posix.normalize(target.startsWith('/') ? target.slice(1) : dir + target);
      expect({ rels: name, target, exists: p.has(resolved) }).toEqual({ rels: name, target, exists: true });
    }
  }
}

describe('edit commands on the package: what they do not own goes through', () => {
  let dir: string;
  let input: string;
  let before: Parts;
  beforeAll(async () => {
    dir = await tempDir('package-untouched');
    input = await withArtefacts(await newExample(dir), path.join(dir, 'artefacts.xlsx'));
    before = await partsOf(input);
    const org = await fs.readFile(ORG, 'utf8');
    await fs.writeFile(path.join(dir, 'org2.csv'), `${org.trimEnd()}\n技术部,新同事,工程师,,\n`);
  });

  const commands: [string, string[]][] = [
    ['lock', ['--override', '测试', '--by', 'HR']],
    ['score', ['--override', '测试：有意留下的错误']],
    ['review', ['--month', '2026-11']],
    ['update', ['--org', 'ORG2']],
  ];

  it.each(commands)('%s', async (command, extra) => {
    const out = path.join(dir, `${command}.xlsx`);
    const args = extra.map((a) => (a === 'ORG2' ? path.join(dir, 'org2.csv') : a));
    const r = await cli(command, input, '--out', out, ...args);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: expect.any(String) });
    const after = await partsOf(out);
    checkPackage(after);
    const owned = (name: string) => name.startsWith('xl/worksheets/') || ['xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/calcChain.xml'].includes(name);
    let untouchedSheets = 0;
    for (const [name, bytes] of before) {
      if (!owned(name)) {
        expect({ name, same: after.get(name)?.equals(bytes) }).toEqual({ name, same: true });
        continue;
      }
      if (!name.startsWith('xl/worksheets/sheet') || !after.has(name)) continue;
      const a = text(after, name);
      if (after.get(name)!.equals(bytes)) untouchedSheets++;
      else {
        // An edited sheet: the extension and the protection it had are still there, byte for byte.
        expect({ name, ext: a.includes(EXT) }).toEqual({ name, ext: true });
        const prot = /<sheetProtection [^>]*>/.exec(bytes.toString('utf8'))?.[0];
        if (prot) expect({ name, prot: a.includes(prot) }).toEqual({ name, prot: true });
      }
    }
    if (command !== 'lock') expect(untouchedSheets).toBeGreaterThan(20);
    const namesBefore = definedNames(text(before, 'xl/workbook.xml'));
    const namesAfter = definedNames(text(after, 'xl/workbook.xml'));
    for (const [key, value] of namesBefore) {
      if (command === 'update' && key.startsWith('OKR_')) continue; // update redefines its own lists
      expect({ key, value: namesAfter.get(key) }).toEqual({ key, value });
    }
    expect(text(after, 'xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
  });
});
