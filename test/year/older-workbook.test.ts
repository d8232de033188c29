/**
 * A workbook made before 年度结果 existed (no sheet, no year block in 设置, none of its names): the
 * first scoring adds the sheet, the block and the names, and LibreOffice computes the annual columns.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { yearResult } from '../../src/domain/year';
import { N } from '../../src/templates/names';
import { cli, editFile, newExample, openXlsx } from '../lifecycle/helpers';
import { readValues, recalcXlsx } from '../support/libreoffice';

jest.setTimeout(300_000);

test('scoring an older workbook adds 年度结果, 设置\'s year block and names; LibreOffice agrees with year --json', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-year-old-'));
  try {
    const book = await newExample(dir);
    const old = await editFile(book, path.join(dir, 'old.xlsx'), (wb) => {
      wb.removeWorksheet(wb.getWorksheet('年度结果')!.id);
      const s = wb.getWorksheet('设置')!;
      for (let r = 24; r <= 39; r++) for (let c = 1; c <= 5; c++) s.getCell(r, c).value = null;
      const yearNames: string[] = [N.quarterWeights, N.salaryAdjust, N.training, N.positionAfterBad, N.positionText];
      wb.definedNames.model = wb.definedNames.model.filter((d) => !yearNames.includes(d.name));
      wb.getWorksheet('个人-刘洋')!.getCell('Q7').value = 0.8;
    });
    const before = await openXlsx(old);
    expect(before.getWorksheet('年度结果')).toBeUndefined();
    expect(before.definedNames.getRanges(N.quarterWeights).ranges).toEqual([]);

    const scored = path.join(dir, 'scored.xlsx');
    const r = await cli('score', old, '--out', scored, '--override', '旧工作簿');
    expect(r.code).toBe(0);
    const y = JSON.parse((await cli('year', scored, '--json')).out);
    expect(y.people).toHaveLength(36);

    const [recalc] = await recalcXlsx([scored], path.join(dir, 'lo'));
    const values = await readValues(recalc);
    const sheet = values.get('年度结果')!;
    expect(values.get('设置')!.get('A24')).toBe('年度结果');
    let checked = 0;
    for (let row = 5; row < 5 + 36; row++) {
      const p = y.people.find((x: { name: string; department: string }) => x.name === sheet.get(`C${row}`) && x.department === sheet.get(`B${row}`));
      expect(p).toBeDefined();
      if (p.score === null) { expect(sheet.get(`M${row}`) ?? '').toBe(''); continue; }
      expect(sheet.get(`M${row}`) as number).toBeCloseTo(p.score, 9);
      expect(sheet.get(`O${row}`)).toBe(p.bonus);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a domain check: the annual score weighs only scored quarters, and a position review follows two BAD quarters', () => {
  // The expected numbers are worked out by hand.
  const year = { quarterWeights: [0.1, 0.2, 0.3, 0.4] as [number, number, number, number], salary: { BAD: 0, FAIR: 0.01, GOOD: 0.03, EXCELLENT: 0.05 }, training: { BAD: 'a', FAIR: 'b', GOOD: '', EXCELLENT: 'c' }, positionAfterBad: 2, positionText: '岗位复核' };
  const r = yearResult({ level: 'individual', department: 'd', name: 'n', quarters: [0.4, null, 0.3, 0.9] }, DEFAULT_SETTINGS, year);
  expect(r.score).toBeCloseTo((0.4 * 0.1 + 0.3 * 0.3 + 0.9 * 0.4) / 0.8, 12);
  expect(r.rating).toBe('GOOD');
  expect(r.badQuarters).toBe(2);
  expect(r.suggested).toEqual({ position: '岗位复核', salary: 0.03, training: '' });
  const none = yearResult({ level: 'company', department: '', name: '', quarters: [null, null, null, null] }, DEFAULT_SETTINGS, year);
  expect([none.score, none.rating, none.bonus, none.suggested.position]).toEqual([null, null, null, '']);
  const zero = yearResult({ level: 'company', department: '', name: '', quarters: [0.5, null, null, null] }, DEFAULT_SETTINGS, { ...year, quarterWeights: [0, 1, 1, 1] });
  expect(zero.score).toBeNull();
});
