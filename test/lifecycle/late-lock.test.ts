/**
 * Per-card lock: someone who joins after the quarter was locked sets OKRs on an open card, and
 * `lock` freezes that card alone once it is signed, leaving everyone else's lock as it was.
 */
import { promises as fs } from 'fs';
import type ExcelJS from 'exceljs';
import * as path from 'path';
import { tempDir } from '../workbook/build-fixture';
import { cli, editFile, newExample, openXlsx, ORG, readBookOf, signAll } from './helpers';

const LOCK_RULES = ['O_FROZEN', 'QKR_LOCKED', 'AKR_APPROVAL'];
type JsonFinding = { rule: string; severity: string; sheet: string; cell: string; owner: string; message: string };
async function findings(file: string): Promise<JsonFinding[]> {
  return (JSON.parse((await cli('check', file, '--json')).out) as { findings: JsonFinding[] }).findings;
}

const NEW = '个人-新人甲';
const SIGN_LABELS = ['员工签字', '上级签字'];

/** Types 刘洋's objectives and KRs into the newcomer's card, as the newcomer would (values only). */
function typeOkrs(wb: ExcelJS.Workbook): void {
  const from = wb.getWorksheet('个人-刘洋')!;
  const to = wb.getWorksheet(NEW)!;
  for (let r = 7; r <= 30; r++) {
    if (SIGN_LABELS.includes(String(from.getCell(r, 1).value ?? ''))) break;
    for (let c = 2; c <= 18; c++) {
      const cell = from.getCell(r, c);
      if (cell.formula || cell.value === null) continue;
      to.getCell(r, c).value = cell.value;
    }
  }
}

function sign(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row, r) => { if (SIGN_LABELS.includes(String(row.getCell(1).value ?? ''))) ws.getCell(r, 2).value = '签字人'; });
}

describe('a card of someone who joined after the lock', () => {
  let dir: string;
  let typed: string;
  beforeAll(async () => {
    dir = await tempDir('late-lock');
    const book = await newExample(dir);
    const signed = await editFile(book, path.join(dir, 'signed.xlsx'), signAll);
    const locked = path.join(dir, 'locked.xlsx');
    expect((await cli('lock', signed, '--out', locked)).code).toBe(0);
    const org = path.join(dir, 'org.csv');
    await fs.writeFile(org, `${await fs.readFile(ORG, 'utf8')}技术部,新人甲,前端开发工程师,王志强,\n`);
    const updated = path.join(dir, 'updated.xlsx');
    expect(await cli('update', locked, '--org', org, '--out', updated)).toMatchObject({ code: 0 });
    typed = await editFile(updated, path.join(dir, 'typed.xlsx'), typeOkrs);
  });

  it('stays open: the newcomer sets OKRs with no lock error, and lock refuses it until signed, naming only that card', async () => {
    expect((await findings(typed)).filter((f) => LOCK_RULES.includes(f.rule))).toEqual([]);
    const r = await cli('lock', typed, '--out', path.join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('新人甲');
    expect(r.err).not.toContain('刘洋');
    expect(r.err).not.toMatch(/已于 .* 锁定/);
  });

  it('once signed, lock freezes that card alone; a later change to it is reported; a third lock is refused as already locked', async () => {
    const signedNew = await editFile(typed, path.join(dir, 'signed-new.xlsx'), (wb) => sign(wb.getWorksheet(NEW)!));
    const before = await readBookOf(signedNew);
    const out = path.join(dir, 'late.xlsx');
    const r = await cli('lock', signedNew, '--out', out, '--by', '人力资源部');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^2026-Q4 已于此前锁定；现补充锁定锁定后签字的 1 张卡片（\d+ 个目标、\d+ 个季度KR），写入 /);

    const after = await readBookOf(out);
    // Everyone else's snapshot rows are kept as they were (same lock date, same entries), the newcomer's added.
    expect(after.lock!.lockedOn).toBe(before.lock!.lockedOn);
    expect(after.lock!.entries.slice(0, before.lock!.entries.length)).toEqual(before.lock!.entries);
    expect(after.lock!.entries.filter((e) => e.card === 'individual:技术部:新人甲').length).toBeGreaterThan(3);
    expect(after.lock!.altered).toBeUndefined();
    expect(after.changeLog.at(-1)).toMatchObject({ kind: 'lock', newText: expect.stringMatching(/^2026-Q4：补充锁定 1 张锁定后签字的卡片（技术部\/新人甲）/) });

    const wb = await openXlsx(out);
    expect(wb.getWorksheet(NEW)!.getCell('B7').style.protection?.locked).not.toBe(false);
    expect(wb.getWorksheet(NEW)!.getCell('B7').fill).toMatchObject({ fgColor: { argb: 'FFE7E6E6' } });
    expect((await findings(out)).filter((f) => LOCK_RULES.includes(f.rule))).toEqual([]);

    const edited = await editFile(out, path.join(dir, 'edited.xlsx'), (w) => {
      const ws = w.getWorksheet(NEW)!;
      ws.unprotect();
      ws.getCell('B7').value = '改过的目标';
    });
    expect((await findings(edited)).filter((f) => LOCK_RULES.includes(f.rule)).map((f) => [f.rule, f.sheet, f.cell])).toEqual([['O_FROZEN', NEW, 'B7']]);

    const again = await cli('lock', out, '--out', path.join(dir, 'again.xlsx'));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/本季度已于 \d{4}-\d{2}-\d{2} 锁定/);
  });
});
