/**
 * Broken inputs through the command line (main(argv, io) in-process): each either imports correctly or
 * ends with exit code 2, a clear zh-CN/en-US message naming the file (and line and column where there
 * is one), and no output file — nothing half-written, no temporary file left.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { readXlsxTable } from '../../src/xlsx/table';
import { createPaneActions } from '../../src/office/pane-actions';
import { readXlsxBook } from '../../src/xlsx/read';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { encodeGbk } from '../../scripts/fuzz/gbk';
import { cli, csv, exists, tempDir, type Run } from './support';

const ORG_ROWS = [['部门', '姓名', '岗位', '上级', '负责人'], ['技术部', '张伟', '经理', '', '是'], ['技术部', '李娜', '工程师', '张伟', ''], ['市场部', '王芳', '经理', '', '是']];
const ORG = csv(ORG_ROWS);
const OKR_HEADER = ['层级', '部门', '负责人', '目标序号', '目标', '来源', '目标权重', 'KR序号', '关键结果', '衡量标准', '评分标准', '截止日期', '周期', 'KR权重', '进度', '自评分'];

let dir: string;
beforeAll(async () => { dir = await tempDir('broken'); });

async function file(name: string, content: string | Buffer): Promise<string> {
  const f = path.join(dir, name);
  await fs.writeFile(f, content);
  return f;
}

/** Runs `new` into a fresh output name; checks the outcome's invariants; returns the run and the output path. */
async function runNew(org: string, okrs?: string, ...extra: string[]): Promise<Run & { out: string; outFile: string }> {
  const outFile = path.join(dir, `out-${Math.random().toString(36).slice(2)}.xlsx`);
  const before = await fs.readdir(dir);
  const r = await cli('new', '--org', org, ...(okrs ? ['--okrs', okrs] : []), '--cycle', '2026-Q4', '--out', outFile, ...extra);
  const after = await fs.readdir(dir);
  if (r.code === 2) {
    expect(r.err.trim()).not.toBe('');
    expect(after.sort()).toEqual(before.sort()); // nothing written, no temporary file
  } else {
    expect(after.filter((f) => !before.includes(f))).toEqual([path.basename(outFile)]);
  }
  return { ...r, outFile };
}

async function expectRefused(p: Promise<Run & { outFile: string }>, message: RegExp): Promise<string> {
  const r = await p;
  expect({ code: r.code, err: r.err }).toEqual({ code: 2, err: expect.stringMatching(message) });
  expect(await exists(r.outFile)).toBe(false);
  return r.err;
}

async function generatedWorkbook(): Promise<Buffer> {
  const r = await runNew(await file('base-org.csv', ORG));
  expect(r.code).toBe(0);
  return fs.readFile(r.outFile);
}

describe('truncated and non-xlsx files', () => {
  it('as the organisation: damaged, text, not a workbook, empty, old or password-protected', async () => {
    const good = await generatedWorkbook();
    await expectRefused(runNew(await file('cut.xlsx', good.subarray(0, 3000))), /cut\.xlsx：无法读取该 \.xlsx 文件：文件已损坏或不完整/);
    await expectRefused(runNew(await file('cut2.xlsx', good.subarray(0, good.length - 20)), undefined, '--lang', 'en-US'), /cut2\.xlsx: cannot read this \.xlsx file: the file is damaged or incomplete/);
    // The whole advice, never cut short ("…" was where "名为 .csv" should be).
    await expectRefused(runNew(await file('csv-named.xlsx', ORG)), /csv-named\.xlsx：无法读取该 \.xlsx 文件：这是文本文件（可能是 CSV），不是 Excel 工作簿；如果是 CSV，请把扩展名改为 \.csv$/);
    await expectRefused(runNew(await file('pdf.xlsx', Buffer.from('%PDF-1.7\n\u0000\u0001\u00ff binary'))), /pdf\.xlsx：无法读取该 \.xlsx 文件：这不是 Excel 工作簿/);
    await expectRefused(runNew(await file('empty.xlsx', Buffer.alloc(0))), /empty\.xlsx：无法读取该 \.xlsx 文件：文件是空的/);
    await expectRefused(runNew(await file('empty.csv', '')), /empty\.csv：文件是空的（找不到表头行）/);
    await expectRefused(runNew(await file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))), /Excel 97-2003 \(\.xls\)/);
  });

  it('check: a truncated workbook, a text file and a workbook that is not an OKR workbook', async () => {
    const good = await generatedWorkbook();
    const r1 = await cli('check', await file('cut-book.xlsx', good.subarray(0, good.length / 2)));
    expect(r1).toMatchObject({ code: 2, err: expect.stringMatching(/cut-book\.xlsx：无法读取该 \.xlsx 文件：文件已损坏或不完整/) });
    const r2 = await cli('check', await file('book.csv', ORG), '--lang', 'en-US');
    // A .csv where a workbook is needed: what is needed instead, not "name it .csv".
    expect(r2).toMatchObject({ code: 2, err: expect.stringMatching(/\/book\.csv: This is a CSV text file, not an Excel workbook\. An OKR workbook \(\.xlsx\) written by okr-workbook new is needed here; import an organisation or OKR CSV with okr-workbook new --org \/ --okrs$/) });
    const r3 = await cli('check', await file('named.xlsx', ORG), '--lang', 'en-US');
    expect(r3.err).toMatch(/\/named\.xlsx: cannot read this \.xlsx file: it is a text file \(perhaps a CSV\), not an Excel workbook; if it is a CSV, name it \.csv$/);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('预算').getCell('A1').value = '2026年预算';
    other.addWorksheet('Sheet2').getCell('B2').value = 42;
    const otherFile = path.join(dir, 'budget.xlsx');
    await other.xlsx.writeFile(otherFile);
    expect(await cli('check', otherFile)).toMatchObject({ code: 2, err: expect.stringMatching(/budget\.xlsx 不是OKR工作簿/) });
    expect(await cli('check', otherFile, '--lang', 'en-US')).toMatchObject({ code: 2, err: expect.stringMatching(/budget\.xlsx is not an OKR workbook/) });
    expect(await cli('check', path.join(dir, 'missing.xlsx'))).toMatchObject({ code: 2, err: expect.stringMatching(/无法读取 .*missing\.xlsx：文件不存在/) });
    expect((await cli('check', await file('good.xlsx', good))).code).toBeLessThan(2);
  });
});

describe('encodings', () => {
  it('reads a GBK CSV (Excel "CSV (逗号分隔)" on Chinese Windows), org and OKRs, and says it did', async () => {
    const okrs = csv([OKR_HEADER, ['个人', '技术部', '李娜', '1', '提升系统稳定性', '自下而上', '100%', '1', '可用性达到99.9%', '≥99.9%', '达标得1分', '2026-12-31', '季度', '100%', '50%', '0.6']]);
    const org = await file('org-gbk.csv', encodeGbk(ORG)!);
    const okr = await file('okrs-gbk.csv', encodeGbk(okrs)!);
    expect(new TextDecoder('utf-8', { fatal: false }).decode(await fs.readFile(org))).not.toContain('技术部'); // really GBK bytes
    const r = await runNew(org, okr);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/org-gbk\.csv：按 GBK 编码读取/);
    expect(r.out).toMatch(/okrs-gbk\.csv：按 GBK 编码读取/);
    const book = await readXlsxBook(await fs.readFile(r.outFile));
    expect(book.org.people.map((p) => `${p.department}/${p.name}`)).toEqual(['技术部/张伟', '技术部/李娜', '市场部/王芳']);
    expect(book.individuals.find((c) => c.owner === '李娜')!.objectives[0]).toMatchObject({ text: '提升系统稳定性', krs: [expect.objectContaining({ text: '可用性达到99.9%', selfScore: 0.6 })] });
    const en = await runNew(org, undefined, '--lang', 'en-US');
    expect(en.out).toMatch(/org-gbk\.csv: read as GBK/);
  });

  it('refuses bytes that are neither UTF-8 nor GBK, naming the line, in both languages', async () => {
    const latin1 = Buffer.concat([Buffer.from('部门,姓名\n技术部,张伟\n', 'utf8'), Buffer.from([0x52, 0x65, 0x6e, 0xe9, 0x65, 0x2c, 0x4a, 0x6f, 0x73, 0xe9, 0x0a])]);
    await expectRefused(runNew(await file('latin1.csv', latin1)), /latin1\.csv 第3行：无法识别文件编码：既不是 UTF-8，也不是 GBK.*CSV UTF-8/);
    await expectRefused(runNew(await file('latin1-en.csv', latin1), undefined, '--lang', 'en-US'), /latin1-en\.csv line 3: the file's encoding is not recognised/);
    // One broken byte deep inside an otherwise GBK file is pointed at, not the first Chinese character.
    const gbk = encodeGbk(ORG + '市场部,赵六,专员,王芳,\n')!;
    const broken = Buffer.concat([gbk, Buffer.from([0x0a, 0xd5])]);
    await expectRefused(runNew(await file('gbk-broken.csv', broken)), /gbk-broken\.csv 第7行：无法识别文件编码/);
  });

  it('reads UTF-16 (Excel "Unicode text") and UTF-8 with a BOM', async () => {
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ORG.replace(/,/g, '\t'), 'utf16le')]);
    expect((await runNew(await file('org-u16.txt', u16))).code).toBe(0);
    expect((await runNew(await file('org-bom.csv', '\ufeff' + ORG))).code).toBe(0);
  });
});

describe('the shape of the text', () => {
  it('blank lines, CRLF, quoted newlines: imported, and a later error names its true line', async () => {
    const rows = [...ORG_ROWS.slice(0, 2), ['技术部', '李娜', '高级\n工程师', '张伟', ''], ...ORG_ROWS.slice(3)];
    const text = '\r\n\r\n' + csv(rows, '\r\n').replace('市场部', '\r\n\r\n市场部');
    const r = await runNew(await file('blank-lines.csv', text));
    expect(r.code).toBe(0);
    const book = await readXlsxBook(await fs.readFile(r.outFile));
    expect(book.org.people.find((p) => p.name === '李娜')!.position).toBe('高级\n工程师');
    expect(book.org.people).toHaveLength(3);
    // Line 1-2 blank, header 3, 张伟 4, 李娜 5-6 (quoted newline), blank 7-8, 王芳 9, bad manager 10.
    const bad = text + '市场部,赵六,专员,不存在的人,\r\n';
    await expectRefused(runNew(await file('bad-line.csv', bad)), /bad-line\.csv 第10行“上级”列：找不到“不存在的人”/);
  });

  it('a 10,000-character objective is kept whole; a 10,000-character name or a cell beyond Excel\'s 32,767 characters is refused, shortly', async () => {
    const long = '提'.repeat(9999) + '末';
    const okrs = await file('long-okrs.csv', csv([OKR_HEADER, ['个人', '技术部', '李娜', '1', long, '自下而上', '100%', '1', 'KR', '≥1', '达标', '2026-12-31', '季度', '100%', '', '']]));
    const r = await runNew(await file('org-ok.csv', ORG), okrs);
    expect(r.code).toBe(0);
    const book = await readXlsxBook(await fs.readFile(r.outFile));
    expect(book.individuals.find((c) => c.owner === '李娜')!.objectives[0].text).toBe(long);

    const longName = csv([...ORG_ROWS, ['市场部', '名'.repeat(10000), '', '', '']]);
    const err = await expectRefused(runNew(await file('long-name.csv', longName)), /long-name\.csv 第5行“姓名”列：名称过长（10000 个字符），部门名称和姓名最多 255 个字符/);
    expect(err.length).toBeLessThan(300);
    const huge = csv([OKR_HEADER, ['个人', '技术部', '李娜', '1', 'x'.repeat(40000), '', '', '', 'KR', '', '', '', '', '', '', '']]);
    const err2 = await expectRefused(runNew(await file('org-ok2.csv', ORG), await file('huge.csv', huge), '--lang', 'en-US'), /huge\.csv line 2, column "目标": the text is too long \(40000 characters\); an Excel cell holds at most 32767/);
    expect(err2.length).toBeLessThan(300);
    // Messages quote long values by their start, on one line.
    const conflict = csv([OKR_HEADER, ['个人', '技术部', '李娜', '1', '甲'.repeat(5000), '', '', '1', 'KR', '', '', '', '', '', '', ''], ['个人', '技术部', '李娜', '1', '乙\n'.repeat(2000), '', '', '2', 'KR2', '', '', '', '', '', '', '']]);
    const err3 = await expectRefused(runNew(await file('org-ok3.csv', ORG), await file('conflict.csv', conflict)), /与第2行不一致：这里是“乙 ↵ 乙.*…”，第2行是“甲+…”/);
    expect(err3.length).toBeLessThan(400);
  });

  it('numbers with thousands separators and full-width digits, dates as Excel serials and 2026/12/31', async () => {
    const okrs = csv([
      OKR_HEADER,
      ['个人', '技术部', '李娜', '１', '目标一', '自下而上', '1,000', '1', 'KR1', '≥1', '达标', '46387', '季度', '１００％', '０.５', '０.５'],
      ['个人', '技术部', '李娜', '1', '目标一', '自下而上', '1,000', '2', 'KR2', '≥1', '达标', '2026/12/31', '季度', '0', '25%', '0.25'],
      ['个人', '技术部', '李娜', '1', '目标一', '自下而上', '1,000', '3', 'KR3', '≥1', '达标', '2026年12月31日', '年度', '0', '', ''],
      ['个人', '技术部', '李娜', '1', '目标一', '自下而上', '1,000', '4', 'KR4', '≥1', '达标', '2026-12-31', '季度', '0', '', ''],
    ]);
    const r = await runNew(await file('org-n.csv', ORG), await file('numbers.csv', okrs));
    expect(r.code).toBe(0);
    const book = await readXlsxBook(await fs.readFile(r.outFile));
    const o = book.individuals.find((c) => c.owner === '李娜')!.objectives[0];
    expect(o.weight).toBe(1000);
    expect(o.krs.map((k) => [k.weight, k.progress, k.selfScore, k.deadline])).toEqual([
      [1, 0.5, 0.5, '2026-12-31'], [0, 0.25, 0.25, '2026-12-31'], [0, undefined, undefined, '2026-12-31'], [0, undefined, undefined, '2026-12-31'],
    ]);
    // The same from an .xlsx: a date cell, a serial number, numbers and text numbers.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('OKR');
    ws.addRow(OKR_HEADER);
    ws.addRow(['个人', '技术部', '李娜', 1, '目标一', '自下而上', 1, 1, 'KR1', '≥1', '达标', new Date(Date.UTC(2026, 11, 31)), '季度', 0.5, '５０％', 0.5]);
    ws.addRow(['个人', '技术部', '李娜', 1, '目标一', '自下而上', 1, 2, 'KR2', '≥1', '达标', 46387, '季度', '0.5', 0.25, '1.0']);
    const xlsx = path.join(dir, 'numbers.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const r2 = await runNew(path.join(dir, 'org-n.csv'), xlsx);
    expect(r2.code).toBe(0);
    const b2 = await readXlsxBook(await fs.readFile(r2.outFile));
    expect(b2.individuals.find((c) => c.owner === '李娜')!.objectives[0].krs.map((k) => [k.weight, k.progress, k.selfScore, k.deadline])).toEqual([
      [0.5, 0.5, 0.5, '2026-12-31'], [0.5, 0.25, 1, '2026-12-31'],
    ]);
    // And what does not read is named with file, line and column.
    const bad = csv([OKR_HEADER, ['个人', '技术部', '李娜', '1', '目标一', '', '1.2.3', '1', 'KR1', '', '', '2026-13-45', '', '', '', '']]);
    const err = await expectRefused(runNew(path.join(dir, 'org-n.csv'), await file('bad-numbers.csv', bad)), /bad-numbers\.csv 第2行“目标权重”列：“1\.2\.3”不是有效的数字/);
    expect(err).toMatch(/bad-numbers\.csv 第2行“截止日期”列：“2026-13-45”不是有效的日期/);
  });
});

describe('the output file', () => {
  it('a folder that does not exist, or a folder as the output, is exit 2 with nothing written', async () => {
    const org = await file('org-out.csv', ORG);
    const r = await cli('new', '--org', org, '--cycle', '2026-Q4', '--out', path.join(dir, 'no-such-folder', 'book.xlsx'));
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/无法写入 .*book\.xlsx：所在文件夹不存在（未生成任何文件）/) });
    const folder = path.join(dir, 'a-folder');
    await fs.mkdir(folder);
    const before = await fs.readdir(dir);
    const r2 = await cli('new', '--org', org, '--cycle', '2026-Q4', '--out', folder, '--force', '--lang', 'en-US');
    expect(r2).toMatchObject({ code: 2, err: expect.stringMatching(/Cannot write .*a-folder: it is a folder \(no file was written\)/) });
    expect((await fs.readdir(dir)).sort()).toEqual(before.sort());
    // The workbook commands that write --out say the same.
    const book = await file('for-score.xlsx', await generatedWorkbook());
    const r3 = await cli('score', book, '--out', path.join(dir, 'no-such-folder', 'scored.xlsx'), '--override', '测试：有意留下的错误');
    expect(r3).toMatchObject({ code: 2, err: expect.stringMatching(/无法写入 .*scored\.xlsx：所在文件夹不存在/) });
  });
});

describe("the add-in's import (task pane, in-memory Excel)", () => {
  it('reads a GBK file, and lists a clear issue for a damaged workbook, undecodable bytes and a 10,000-character name', async () => {
    // The pane's entry point hands in the file adapter's .xlsx reader, as src/taskpane/index.tsx does.
    const actions = createPaneActions(createFakeExcel({ sheets: ['Sheet1'] }).run, 'zh-CN', undefined, readXlsxTable);
    const gbk = await actions.readOrg({ kind: 'file', name: 'org.csv', bytes: encodeGbk(ORG)! }, 'zh-CN');
    expect(gbk.issues).toEqual([]);
    expect(gbk.org!.people.map((p) => p.name)).toEqual(['张伟', '李娜', '王芳']);
    const good = await generatedWorkbook();
    const cut = await actions.readOrg({ kind: 'file', name: 'org.xlsx', bytes: good.subarray(0, 2000) }, 'en-US');
    expect(cut.issues).toEqual([expect.objectContaining({ file: 'org.xlsx', message: expect.stringMatching(/org\.xlsx: cannot read this \.xlsx file: the file is damaged or incomplete/) })]);
    const latin1 = await actions.readOrg({ kind: 'file', name: 'org.csv', bytes: Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x65, 0x0a]) }, 'zh-CN');
    expect(latin1.issues[0]).toMatchObject({ line: 2, message: expect.stringMatching(/既不是 UTF-8，也不是 GBK/) });
    const long = await actions.readOrg({ kind: 'paste', text: csv([...ORG_ROWS, ['市场部', '名'.repeat(10000), '', '', '']]) }, 'zh-CN');
    expect(long.issues).toEqual([expect.objectContaining({ line: 5, column: '姓名', message: expect.stringMatching(/名称过长（10000 个字符）/) })]);
    expect(long.issues[0].message.length).toBeLessThan(200);
  });
});
