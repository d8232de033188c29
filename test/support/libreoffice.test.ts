/**
 * Proves the LibreOffice harness: formulas are written with deliberately WRONG cached results, so a
 * value can only be right if LibreOffice really recalculated the workbook.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readValues, recalcXlsx, renderPng, sofficeAvailable } from './libreoffice';
import { describeWith, itWith } from './tools';

const available = sofficeAvailable();
// On CI LibreOffice is installed by .ci/run: a missing soffice there is a failure, not a skip.
const describeLo = describeWith('soffice');

const SHEET = '数据';
const SETTINGS = 'My Settings';

async function buildWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const settings = wb.addWorksheet(SETTINGS);

  // A1:A4 weights, B1:B4 scores, C1:C4 status text (Chinese).
  const rows: Array<[number, number, string]> = [
    [1, 0.5, '完成'],
    [2, 0.8, '进行中'],
    [3, 1, '完成'],
    [4, 0.2, '未开始'],
  ];
  rows.forEach(([w, s, st], i) => {
    ws.getCell(`A${i + 1}`).value = w;
    ws.getCell(`B${i + 1}`).value = s;
    ws.getCell(`C${i + 1}`).value = st;
  });
  settings.getCell('A1').value = '阈值';
  settings.getCell('B1').value = 0.6;
  wb.definedNames.add(`'${SETTINGS}'!$B$1`, 'OKR_GoodFrom');
  wb.definedNames.add(`'${SHEET}'!$A$1:$A$4`, 'OKR_Weights');

  const f = (addr: string, formula: string, result: number | string | boolean): void => {
    ws.getCell(addr).value = { formula, result };
  };
  // Weighted mean: (1*.5 + 2*.8 + 3*1 + 4*.2) / 10 = 0.59
  f('E1', 'SUMPRODUCT(A1:A4,B1:B4)/SUM(A1:A4)', 999);
  // The same through a defined name, and a comparison with a name on another sheet.
  f('E2', 'SUMPRODUCT(OKR_Weights,B1:B4)/SUM(OKR_Weights)', 999);
  f('E3', 'IF(E2>=OKR_GoodFrom,"良好","待改进")', '良好');
  // A formula returning "" and one returning 0, and one returning FALSE.
  f('E4', 'IF(A1>100,1,"")', 'WRONG');
  f('E5', 'A1-1', 42);
  f('E6', 'A1>100', true);
  // IF / ROUND / COUNTIFS / AVERAGE / INDEX / MATCH.
  f('E7', 'ROUND(AVERAGE(B1:B4),2)', 999); // 0.625 -> 0.63
  f('E8', 'COUNTIFS(C1:C4,"完成",B1:B4,">=0.5")', 999); // 2
  f('E9', 'INDEX(C1:C4,MATCH(MAX(B1:B4),B1:B4,0))', 'WRONG'); // 完成 (row 3)
  f('E10', 'IF(COUNTIFS(C1:C4,"未开始")>0,ROUND(SUMPRODUCT(A1:A4,B1:B4),1),-1)', 999); // 5.9
  f('E11', 'IFERROR(1/0,"除零")', 'WRONG');
  f('E12', `'${SETTINGS}'!B1*2`, 999); // 1.2
  f('E13', '1/0', 999); // #DIV/0!
  // Text that looks like a formula, written as a string value: must stay text.
  ws.getCell('G1').value = '=1+1';
  ws.getCell('G2').value = '目标：提升用户留存率 20%';
  await wb.xlsx.writeFile(file);
}

async function tinyWorkbook(file: string, n: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('S');
  ws.getCell('A1').value = n;
  ws.getCell('B1').value = { formula: 'A1*10', result: -1 };
  await wb.xlsx.writeFile(file);
}

describeLo('LibreOffice harness', () => {
  let dir: string;
  beforeAll(() => {
    if (!available) throw new Error('soffice not found on CI: .ci/run must install libreoffice-calc-nogui');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-test-'));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('recalculates formulas whose cached results are wrong', async () => {
    const input = path.join(dir, 'main.xlsx');
    await buildWorkbook(input);

    // Before LibreOffice: the wrong cached results are what a reader sees.
    const before = await readValues(input);
    expect(before.get(SHEET)?.get('E1')).toBe(999);
    expect(before.get(SHEET)?.get('E5')).toBe(42);

    const t0 = Date.now();
    const [out] = await recalcXlsx([input], path.join(dir, 'out'));
    const ms = Date.now() - t0;
    console.log(`LibreOffice recalc of one small .xlsx: ${ms} ms`);

    expect(out).toBe(path.join(dir, 'out', 'main.xlsx'));
    const values = await readValues(out);
    const v = values.get(SHEET);
    if (!v) throw new Error(`sheet ${SHEET} missing; sheets: ${[...values.keys()].join(', ')}`);
    expect([...values.keys()]).toEqual([SHEET, SETTINGS]);

    expect(v.get('E1')).toBeCloseTo(0.59, 12);
    expect(v.get('E2')).toBeCloseTo(0.59, 12);
    expect(v.get('E3')).toBe('待改进');
    expect(v.get('E4')).toBe('');
    expect(v.get('E5')).toBe(0);
    expect(v.get('E6')).toBe(false);
    expect(v.get('E7')).toBe(0.63);
    expect(v.get('E8')).toBe(2);
    expect(v.get('E9')).toBe('完成');
    expect(v.get('E10')).toBe(5.9);
    expect(v.get('E11')).toBe('除零');
    expect(v.get('E12')).toBeCloseTo(1.2, 12);
    expect(v.get('E13')).toBe('#DIV/0!');
    // Plain values survive, Chinese included.
    expect(v.get('A4')).toBe(4);
    expect(v.get('C2')).toBe('进行中');
    expect(v.get('G2')).toBe('目标：提升用户留存率 20%');
    // '=1+1' written as a string is still a string, not a formula giving 2.
    expect(v.get('G1')).toBe('=1+1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const g1 = wb.getWorksheet(SHEET)?.getCell('G1');
    expect(g1?.type).toBe(ExcelJS.ValueType.String);
    // Defined names survive the round trip.
    expect(wb.definedNames.model.map((d) => d.name).sort()).toEqual(['OKR_GoodFrom', 'OKR_Weights']);
  });

  test('several files in one call keep their order; same base names do not clash', async () => {
    const a = path.join(dir, 'multi', 'a');
    const b = path.join(dir, 'multi', 'b');
    fs.mkdirSync(a, { recursive: true });
    fs.mkdirSync(b, { recursive: true });
    const inputs = [path.join(a, 'book.xlsx'), path.join(b, 'book.xlsx'), path.join(a, 'other.xlsx')];
    await tinyWorkbook(inputs[0], 1);
    await tinyWorkbook(inputs[1], 2);
    await tinyWorkbook(inputs[2], 3);
    const outDir = path.join(dir, 'multi', 'out');
    const outs = await recalcXlsx(inputs, outDir);
    expect(outs).toEqual([path.join(outDir, 'book.xlsx'), path.join(outDir, 'book-2.xlsx'), path.join(outDir, 'other.xlsx')]);
    const results = await Promise.all(outs.map(async (o) => (await readValues(o)).get('S')?.get('B1')));
    expect(results).toEqual([10, 20, 30]);
  });

  test('refuses to overwrite an input (outDir = the input directory)', async () => {
    const input = path.join(dir, 'same.xlsx');
    await tinyWorkbook(input, 1);
    await expect(recalcXlsx([input], dir)).rejects.toThrow(/would overwrite input/);
    await expect(recalcXlsx([path.join(dir, 'nope.xlsx')], path.join(dir, 'x'))).rejects.toThrow(/not found/);
  });

  test('a file LibreOffice cannot load is an error naming it, with soffice output', async () => {
    // soffice exits 0 here and just prints "Error: source file could not be loaded".
    const good = path.join(dir, 'good.xlsx');
    const bad = path.join(dir, 'corrupt.xlsx');
    await tinyWorkbook(good, 1);
    fs.writeFileSync(bad, Buffer.from('PK\u0003\u0004 this is not a zip file at all'.repeat(20)));
    const err = await recalcXlsx([good, bad], path.join(dir, 'bad-out')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const msg = (err as Error).message;
    expect(msg).toContain('corrupt.xlsx');
    expect(msg).not.toContain('good.xlsx');
    expect(msg).toMatch(/could not be loaded/);
  });

  test('a timeout kills the whole process group, grandchildren included', async () => {
    // A stand-in soffice that hangs, with a grandchild holding the output pipes like soffice.bin does.
    const fake = path.join(dir, 'fake-soffice');
    const pidFile = path.join(dir, 'grandchild.pid');
    fs.writeFileSync(fake, '#!/bin/sh\nsleep 60 &\necho $! > "$LO_TEST_PIDFILE"\nsleep 61\n', { mode: 0o755 });
    const input = path.join(dir, 'hang.xlsx');
    await tinyWorkbook(input, 1);
    const saved = { SOFFICE: process.env.SOFFICE, LO_TEST_PIDFILE: process.env.LO_TEST_PIDFILE };
    process.env.SOFFICE = fake;
    process.env.LO_TEST_PIDFILE = pidFile;
    const t0 = Date.now();
    let err: unknown = null;
    try {
      await recalcXlsx([input], path.join(dir, 'hang-out'), { timeoutMs: 500 });
    } catch (e) {
      err = e;
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    const elapsed = Date.now() - t0;
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/timed out after \d+ ms/);
    expect(elapsed).toBeLessThan(10_000);
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    expect(pid).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    let state = 'gone';
    try {
      // Field 3 of /proc/PID/stat; a zombie (Z) waiting for a reaper is dead too.
      state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] ?? 'gone';
    } catch {
      /* no such process */
    }
    expect(['gone', 'Z', 'X']).toContain(state);
  });

  test('a timeout on the real soffice is reported, and leaves no soffice.bin behind', async () => {
    const input = path.join(dir, 'slow.xlsx');
    await tinyWorkbook(input, 1);
    const err = await recalcXlsx([input], path.join(dir, 'slow-out'), { timeoutMs: 200 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    const msg = (err as Error).message;
    expect(msg).toMatch(/timed out/);
    // The call's private profile is in the command line of oosplash and soffice.bin: none may survive.
    const profile = /-env:UserInstallation=file:\/\/([^"]+)/.exec(msg)?.[1];
    expect(profile).toBeTruthy();
    const survivors = fs
      .readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
          const zombie = stat.split(') ')[1]?.[0] === 'Z';
          return !zombie && fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(profile as string);
        } catch {
          return false;
        }
      });
    expect(survivors).toEqual([]);
  });

  itWith('pdftoppm')('renders PNG pages with Chinese text', async () => {
    const input = path.join(dir, 'render.xlsx');
    await buildWorkbook(input);
    const pngs = await renderPng(input, path.join(dir, 'png'), { dpi: 40, firstPage: 1, lastPage: 1 });
    expect(pngs).toHaveLength(1);
    expect(pngs[0]).toMatch(/render-0?1\.png$/);
    const head = fs.readFileSync(pngs[0]).subarray(0, 8);
    expect(head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'png', 'render.pdf'))).toBe(true);
  });
});
