import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { tempDir, writeExample } from '../workbook/build-fixture';

/** Something typed in the very last row of a sheet leaves no room to append: a clear refusal, no file. */
it('score and review refuse, with exit code 2, when the sheet they append to is full to the last row', async () => {
  const dir = await tempDir('no-room');
  const { file } = await writeExample(dir);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet('结果运用')!.getCell('A1048576').value = 'x';
  wb.getWorksheet('月（季）绩效回顾表')!.getCell('A1048576').value = 'x';
  const full = path.join(dir, 'full.xlsx');
  await wb.xlsx.writeFile(full);
  const err: string[] = [];
  const io = { out: () => undefined, err: (s: string) => err.push(s) };
  const scored = path.join(dir, 'scored.xlsx');
  expect(await main(['node', 'okr-workbook', 'score', full, '--out', scored, '--override', '测试'], io)).toBe(2);
  expect(err.join('\n')).toMatch(/结果运用.*没有空行/);
  const reviewed = path.join(dir, 'reviewed.xlsx');
  expect(await main(['node', 'okr-workbook', 'review', full, '--month', '2026-11', '--out', reviewed], io)).toBe(2);
  expect(err.join('\n')).toMatch(/月（季）绩效回顾表.*没有空行/);
  expect((await fs.readdir(dir)).sort()).toEqual(['example-zh-CN.xlsx', 'full.xlsx']);
}, 120_000);
