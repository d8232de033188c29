import * as path from 'path';
import { parseAddr } from '../../src/templates/a1';
import { createPaneActions } from '../../src/office/pane-actions';
import type { WorkbookState } from '@okr-workbook/fake-excel';
import { tempDir } from '../workbook/build-fixture';
import { cli, editFile, fakeExample, newExample } from './helpers';

/**
 * The rules on workbooks as people fill them — cells edited after generation, a row inserted inside
 * a card, a card sheet renamed — read by the file adapter (okr-workbook check) AND by the Office.js
 * adapter (the pane's 校验 on the in-memory Excel): the same edits give the same findings.
 */
type F = { rule: string; severity: string; level: string; department: string; owner: string; sheet: string; cell: string; message: string };
const key = (f: F) => `${f.rule}|${f.severity}|${f.level}|${f.department}|${f.owner}|${f.sheet}|${f.cell}|${f.message}`;

const LIU = '个人-刘洋';
const ZHANG = '个人-张伟';
const RENAMED = '张伟的OKR';
const INSERTED = '压测：峰值并发提升到2万';

/** Shifts rows `row`.. of a sheet down by one in the in-memory Excel (Range.insert is not modelled). */
function insertRowFake(st: WorkbookState, sheet: string, row: number): void {
  const used = st.sheet(sheet).usedRange()!;
  const [, end] = used.split(':');
  const last = parseAddr(end);
  const lastCol = used.replace(/^[A-Z]+\d+:([A-Z]+)\d+$/, '$1');
  const block = st.sheet(sheet).formulas(`A${row}:${lastCol}${last.row}`);
  st.externalEdit(sheet, `A${row + 1}:${lastCol}${last.row + 1}`, block);
  st.externalEdit(sheet, `A${row}:${lastCol}${row}`, [block[0].map(() => null)]);
  st.externalEdit(sheet, `A${row}:${lastCol}${row}`, [block[0].map(() => '')]);
}

describe('rules on workbooks as people fill them, through both adapters', () => {
  let fileFindings: F[];
  let baseline: F[];
  let checkCode: number;

  beforeAll(async () => {
    const dir = await tempDir('as-filled');
    const book = await newExample(dir);
    baseline = JSON.parse((await cli('check', book, '--json')).out).findings;
    const filled = await editFile(book, path.join(dir, 'filled.xlsx'), (wb) => {
      const liu = wb.getWorksheet(LIU)!;
      liu.getCell('P7').value = 1.3; // a self score outside 0–1
      liu.spliceRows(9, 0, []); // a row inserted inside objective 1, with a KR typed into it
      liu.getCell('H9').value = INSERTED;
      const zhang = wb.getWorksheet(ZHANG)!;
      zhang.name = RENAMED; // the card renamed…
      zhang.getCell('B7').value = null; // …and its first objective's text deleted
      wb.getWorksheet('部门-技术部')!.getCell('E7').value = 0.9; // objective weights no longer add up
    });
    const r = await cli('check', filled, '--json');
    checkCode = r.code;
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['findings', 'errors', 'warnings']);
    expect(json.errors).toBe(json.findings.filter((f: F) => f.severity === 'error').length);
    expect(json.warnings).toBe(json.findings.length - json.errors);
    fileFindings = json.findings;
  });

  it('check --json: the issue\'s shape, exit code 1 on errors, findings where the person typed', () => {
    expect(checkCode).toBe(1);
    for (const f of fileFindings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'level', 'department', 'owner', 'sheet', 'cell', 'message']);
      expect(['company', 'department', 'individual']).toContain(f.level);
      if (f.level !== 'individual') expect(f.owner).toBe('');
      if (f.level === 'company') expect(f.department).toBe('');
    }
    const at = (rule: string, sheet: string, cell?: string) => fileFindings.filter((f) => f.rule === rule && f.sheet === sheet && (cell === undefined || f.cell === cell));
    expect(at('SCORE_RANGE', LIU, 'P7')).toEqual([expect.objectContaining({ severity: 'error', level: 'individual', department: '技术部', owner: '刘洋' })]);
    // The inserted row is a fifth KR of objective 1, numbered after the slot's own rows, and checked like any other.
    expect(at('KR_MEASURABLE', LIU).map((f) => [f.cell, f.message])).toEqual([
      ['J9', '目标1的KR5未填写衡量指标和目标值。KR必须以产出或结果为基础、可衡量'],
      ['K9', '目标1的KR5未填写评分标准。请写明达到什么结果得几分（0-1分）'],
    ]);
    expect(at('KR_TIMEBOUND', LIU, 'L9')).toHaveLength(1);
    // …and it joins the objective's weights: 2 of 3 KRs weighted now.
    expect(at('WEIGHTS', LIU, 'N9')[0].message).toBe('目标1的3个KR中只有2个填写了权重。请全部填写或全部留空（留空表示平均分配）');
    // Findings below the inserted row moved down with it.
    for (const b of baseline.filter((f) => f.sheet === LIU && f.cell && parseAddr(f.cell).row >= 9 && f.rule !== 'SCORE_RANGE')) {
      const moved = `${b.cell.replace(/\d+$/, '')}${parseAddr(b.cell).row + 1}`;
      expect(fileFindings.map(key)).toContain(key({ ...b, cell: moved }));
    }
    // The renamed card still reads, and its findings carry its new name.
    expect(fileFindings.some((f) => f.sheet === ZHANG)).toBe(false);
    expect(at('O_SPECIFIC', RENAMED, 'B7')).toEqual([expect.objectContaining({ severity: 'error', department: '技术部', owner: '张伟', message: expect.stringContaining('目标1') })]);
    expect(at('WEIGHTS', '部门-技术部').length).toBeGreaterThan(0);
  });

  it('the Office.js adapter reading the same edits in the open workbook gives exactly the same findings', async () => {
    const fake = await fakeExample();
    const st = fake.workbookState;
    st.externalEdit(LIU, 'P7', 1.3);
    insertRowFake(st, LIU, 9);
    st.externalEdit(LIU, 'H9', INSERTED);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(ZHANG).name = RENAMED;
      await ctx.sync();
    });
    st.externalEdit(RENAMED, 'B7', '');
    st.externalEdit('部门-技术部', 'E7', 0.9);
    const views = await createPaneActions(fake.run).validate('zh-CN');
    const officeFindings: F[] = views.map((v) => ({ rule: v.rule, severity: v.severity, level: v.level, department: v.department, owner: v.owner, sheet: v.sheet, cell: v.cell, message: v.message }));
    expect(officeFindings.map(key)).toEqual(fileFindings.map(key));
  });
});
