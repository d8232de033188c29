/**
 * Mutations of generated OKR workbooks, fed to `okr-workbook check`: inside the zip (entries deleted
 * or cut, XML values, cell types, styles, sheet names and states changed) and through ExcelJS (cells
 * overwritten with hostile values, sheets deleted, renamed, hidden, rows inserted, titles moved).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SETTINGS_CELLS } from '../../src/templates/settings-sheet';
import { CONTROL_CHARS, HOSTILE_TEXT, randomUnicode, type Rng } from './generators';

export type ZipEntries = Map<string, Buffer>;

export async function unzip(bytes: Buffer): Promise<ZipEntries> {
  const zip = await JSZip.loadAsync(bytes);
  const out: ZipEntries = new Map();
  for (const name of Object.keys(zip.files)) {
    const f = zip.files[name];
    if (!f.dir) out.set(name, await f.async('nodebuffer'));
  }
  return out;
}

export async function rezip(entries: ZipEntries): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of entries) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function randomText(r: Rng): string {
  return r.weighted<() => string>([
    [4, () => r.pick(HOSTILE_TEXT)],
    [2, () => r.pick(['OKR设置', 'OKR settings', '个人OKR目标和关键成果卡', 'Individual OKR card', '部门OKR目标和关键成果卡', '目标体系图（公司目标O）', '变更记录', '目标序号', 'O #', '签字确认（目标和关键成果已协商一致）', '2026-Q4', 'en-US', '1999-Q1', '0000-Q1', '9999-Q4'])],
    [1, () => r.pick(CONTROL_CHARS)],
    [1, () => randomUnicode(r, r.between(1, 20))],
  ])();
}

function randomNumberText(r: Rng): string {
  return r.pick(['0', '-1', '1', '0.5', '2026', '4', '5', '1e308', '-1e308', '1e-320', 'NaN', 'INF', '', '46387', '99999999', '3000000', '1.7976931348623157e309', 'abc', '2.5']);
}

/** Replaces the n-th match of a regex in a string. */
function replaceNth(s: string, re: RegExp, r: Rng, f: (m: string) => string): string {
  const matches = [...s.matchAll(re)];
  if (!matches.length) return s;
  const m = r.pick(matches);
  const i = m.index ?? 0;
  return s.slice(0, i) + f(m[0]) + s.slice(i + m[0].length);
}

/** One to three mutations of the XML inside the zip. */
export function mutateEntries(base: ZipEntries, r: Rng): ZipEntries {
  const e: ZipEntries = new Map(base);
  const names = [...e.keys()];
  const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const text = (n: string) => e.get(n)?.toString('utf8') ?? '';
  const put = (n: string, s: string) => e.set(n, Buffer.from(s, 'utf8'));
  const n = r.between(1, 3);
  for (let i = 0; i < n; i++) {
    const sheet = r.pick(sheets);
    r.weighted<() => void>([
      [1, () => e.delete(r.pick(names))],
      [1, () => { const t = r.pick(names); const b = e.get(t); if (b) e.set(t, b.subarray(0, r.int(b.length))); }],
      [3, () => put('xl/sharedStrings.xml', replaceNth(text('xl/sharedStrings.xml'), /<t(?: [^>]*)?>[^<]*<\/t>/g, r, () => `<t xml:space="preserve">${r.chance(0.95) ? xmlEscape(randomText(r)) : randomText(r)}</t>`))],
      [3, () => put(sheet, replaceNth(text(sheet), /<v>[^<]*<\/v>/g, r, () => `<v>${r.chance(0.9) ? randomNumberText(r) : xmlEscape(randomText(r))}</v>`))],
      [2, () => put(sheet, replaceNth(text(sheet), / t="[a-zA-Z]+"/g, r, () => r.pick([' t="str"', ' t="e"', ' t="b"', ' t="n"', ' t="d"', ' t="inlineStr"', ' t="zz"', ''])))],
      [1, () => put(sheet, replaceNth(text(sheet), /<c r="[A-Z]+\d+"( s="\d+")?( t="[a-z]+")?\/?>/g, r, (m) => m.replace(/ s="\d+"/, ` s="${r.int(60)}"`)))],
      [1, () => put(sheet, replaceNth(text(sheet), /<row [^>]*>.*?<\/row>/gs, r, () => ''))],
      [1, () => put(sheet, replaceNth(text(sheet), /<f>[^<]*<\/f>/g, r, () => `<f>${xmlEscape(r.pick(['1/0', 'A1', 'NA()', '"x"', 'SUM(', '']))}</f>`))],
      [1, () => put(sheet, text(sheet).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${r.pick(['A1', 'A1:XFD1048576', 'ZZZ', ''])}"/>`))],
      [1, () => put(sheet, text(sheet).replace('</sheetData>', `<row r="${r.pick([1048576, 70000, 2])}"><c r="A${r.pick([1048576, 70000, 2])}" t="inlineStr"><is><t>${xmlEscape(randomText(r))}</t></is></c></row></sheetData>`))],
      [1, () => put('xl/workbook.xml', replaceNth(text('xl/workbook.xml'), /<sheet [^>]*\/>/g, r, (m) => m.replace(/name="[^"]*"/, `name="${xmlEscape(r.pick(HOSTILE_TEXT).slice(0, 31))}"`)))],
      [1, () => put('xl/workbook.xml', replaceNth(text('xl/workbook.xml'), /<sheet [^>]*\/>/g, r, (m) => m.replace('<sheet ', `<sheet state="${r.pick(['hidden', 'veryHidden', 'bogus'])}" `)))],
      [1, () => { const w = text('xl/workbook.xml'); const all = [...w.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]); const shuffled = [...all].sort(() => r.next() - 0.5); let k = 0; put('xl/workbook.xml', w.replace(/<sheet [^>]*\/>/g, () => shuffled[k++])); }],
      [1, () => put('xl/styles.xml', text('xl/styles.xml').replace(/numFmtId="\d+"/g, () => `numFmtId="${r.pick([14, 22, 0, 9, 49])}"`).replace(/applyNumberFormat="0"/g, 'applyNumberFormat="1"'))],
      [1, () => put('xl/workbook.xml', text('xl/workbook.xml').replace(/<definedName [^>]*>[^<]*<\/definedName>/, (m) => m.replace(/>[^<]*</, `>${xmlEscape(r.pick(["'x'!A1", '#REF!', '', "'设置'!$Z$99999"]))}<`)))],
    ])();
  }
  return e;
}

type Mutable = ExcelJS.CellValue;

const SETTINGS_ADDRESSES: string[] = Object.values(SETTINGS_CELLS).filter((v): v is Extract<typeof v, string> => typeof v === 'string');

function randomCellValue(r: Rng): Mutable {
  return r.weighted<() => Mutable>([
    [4, () => randomText(r)],
    [3, () => r.pick([0, -1, 1, 0.5, 1.5, 2026, 4, 5, 1e308, -1e308, 5e-324, 46387, 1e12, -0.0001, 7])],
    [1, () => new Date(Date.UTC(r.pick([1900, 2026, 2027, 9999]), r.int(12), r.between(1, 28)))],
    [1, () => r.pick([true, false])],
    [1, () => ({ error: r.pick(['#N/A', '#DIV/0!', '#REF!', '#VALUE!', '#NAME?']) }) as ExcelJS.CellErrorValue],
    [1, () => ({ formula: r.pick(['1/0', '1+1', 'NA()', '"x"']), result: r.pick([2, 'x', { error: '#DIV/0!' }, undefined]) }) as ExcelJS.CellFormulaValue],
    [1, () => ({ richText: [{ text: randomText(r) }, { text: randomText(r) }] })],
    [1, () => null],
  ])();
}

/** One to six semantic edits made through ExcelJS, as a person (or another program) might make them. */
export async function mutateWithExcel(bytes: Buffer, r: Rng): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  // ExcelJS cannot save a shared formula whose master was written over (Excel moves it to the next
  // cell), so every shared formula is written out in full first: each cell keeps what it computes.
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => {
    const v = c.value as { sharedFormula?: string; shareType?: string } | null;
    if (v && typeof v === 'object' && ('sharedFormula' in v || v.shareType === 'shared')) c.value = { formula: c.formula, result: c.result } as ExcelJS.CellFormulaValue;
  }));
  const n = r.between(1, 6);
  for (let i = 0; i < n; i++) {
    const sheets = wb.worksheets;
    if (!sheets.length) break;
    const ws = r.pick(sheets);
    const settings = wb.worksheets.find((w) => String(w.getCell('A1').value ?? '').includes('OKR'));
    r.weighted<() => void>([
      [6, () => { ws.getCell(r.between(1, 40), r.between(1, 24)).value = randomCellValue(r); }],
      [3, () => { if (settings) settings.getCell(r.pick(SETTINGS_ADDRESSES)).value = randomCellValue(r); }],
      [1, () => { if (settings) settings.getCell(r.between(4, 12), r.pick([7, 13, 15, 16, 17, 18, 19])).value = randomCellValue(r); }],
      [1, () => wb.removeWorksheet(ws.id)],
      [1, () => { ws.name = `${r.pick(['x', 'Renamed', '改名'])}${r.int(1000)}`; }],
      [1, () => { ws.state = r.pick(['hidden', 'veryHidden', 'visible']); }],
      [1, () => ws.spliceRows(r.between(1, 30), r.between(0, 3), ...Array.from({ length: r.between(0, 3) }, () => [randomCellValue(r), randomCellValue(r)]))],
      [1, () => { r.pick(sheets).getCell('A1').value = ws.getCell('A1').value; }],
      [1, () => { ws.getCell(r.between(1, 30), 1).value = r.pick([1, 2, 3, 99, -1, 0.5, 1e9]); }],
    ])();
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
