/**
 * Scoring fills in 年度结果 the same through both adapters: the command line on the file and the
 * add-in in the (in-memory) Excel write the same cells — the quarter's scores as values, the same
 * formulas — and 设置's year block is the same.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { cli, editFile, fakeExample, newExample, openXlsx } from '../lifecycle/helpers';

const YEAR = '年度结果';

function fileCells(ws: ExcelJS.Worksheet, range: { rows: number; cols: number; from?: number }): unknown[][] {
  const out: unknown[][] = [];
  for (let r = range.from ?? 1; r <= range.rows; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= range.cols; c++) {
      const cell = ws.getCell(r, c);
      // ExcelJS shows a merge's value on every cell it covers; Excel keeps it in the first.
      if (cell.isMerged && cell.master !== cell) { row.push(''); continue; }
      const f = cell.formula;
      row.push(f ? `=${f}` : cell.value ?? '');
    }
    out.push(row);
  }
  return out;
}

test('score writes the same 年度结果 and year block from the file and in Excel', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-year-adapters-'));
  try {
    const book = await newExample(dir);
    const typed = await editFile(book, path.join(dir, 'typed.xlsx'), (wb) => {
      wb.getWorksheet('个人-刘洋')!.getCell('P7').value = 0.9;
      wb.getWorksheet('个人-刘洋')!.getCell('Q8').value = 0.55;
      wb.getWorksheet('个人-张伟')!.getCell('P7').value = 0.7;
    });
    const scored = path.join(dir, 'scored.xlsx');
    const r = await cli('score', typed, '--out', scored, '--override', '对照');
    expect(r.code).toBe(0);
    const wb = await openXlsx(scored);

    const fake = await fakeExample('zh-CN');
    const st = fake.workbookState;
    st.externalEdit('个人-刘洋', 'P7', 0.9);
    st.externalEdit('个人-刘洋', 'Q8', 0.55);
    st.externalEdit('个人-张伟', 'P7', 0.7);
    const res = await createLifecycleActions(fake.run, () => '2026-12-31').score({ lang: 'zh-CN', override: '对照' });
    expect(res.status).toBe('scored');

    const ws = wb.getWorksheet(YEAR)!;
    const rows = 4 + 36 + 6 + 1;
    const file = fileCells(ws, { rows, cols: 23 });
    const inExcel = st.sheet(YEAR).formulas(`A1:W${rows}`);
    expect(inExcel).toEqual(file);
    // The quarter's scores are there (Q4 is column H), as values.
    expect(file.slice(4).filter((row) => typeof row[7] === 'number').length).toBeGreaterThan(10);
    expect(st.sheet('设置').formulas('A24:E39')).toEqual(fileCells(wb.getWorksheet('设置')!, { from: 24, rows: 39, cols: 5 }));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
