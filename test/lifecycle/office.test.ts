import { RATING_WORDS } from '../../src/domain/labels';
import { RATING_CODES } from '../../src/domain/model';
import { quarterReport } from '../../src/domain/report';
import { createCommandActions } from '../../src/office/command-actions';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { readOpenBook } from '../../src/office/read-book';
import { chartsOf, type FakeExcel } from '@okr-workbook/fake-excel';
import { fakeExample, lockedFake, writeRequests } from './helpers';

const REG = '结果运用';

/** Register rows A–L from row 5 (values; '' for empty), up to the last filled row. */
function registerRows(fake: FakeExcel, sheet = REG): unknown[][] {
  const rows = fake.workbookState.sheet(sheet).values('A5:L400');
  let last = rows.length;
  while (last > 0 && rows[last - 1].every((v) => v === '' || v === null)) last--;
  return rows.slice(0, last);
}

function typeQuarter(fake: FakeExcel): void {
  const st = fake.workbookState;
  st.externalEdit('个人-刘洋', 'P7', 0.9);
  st.externalEdit('个人-刘洋', 'Q8', 0.55); // manager score wins over self score
  st.externalEdit('个人-张伟', 'P7', 0.7);
}

describe('季度评分 against the in-memory Excel (ribbon and pane)', () => {
  it('the ribbon button scores in at most 4 round trips — the sheet count, one read, one write — and writes the register, the change log and a chart sheet', async () => {
    const fake = await lockedFake();
    typeQuarter(fake);
    const expected = quarterReport(await fake.run(readOpenBook));
    const regProtection = fake.workbookState.sheet(REG).protection;
    const st = fake.workbookState;
    fake.stats.reset();

    const result = await createCommandActions('zh-CN', fake.run).score();
    expect(result.ok).toBe(true);
    expect(result.title).toBe('季度评分');
    expect(result.message).toContain(`个人评级分布：${RATING_CODES.map((c) => `${RATING_WORDS[c]['zh-CN']} ${expected.distribution[c]}`).join('，')}。`);
    expect(result.message).toMatch(/已写入“结果运用”：36 人、6 个部门和公司的得分与评级；图表见“评分图表 2026-Q4”。/);
    const s = fake.stats;
    // Measured: the sheet count (the 5-minute guard, its own Excel.run), one read request, one write
    // request, and each Excel.run's closing (empty) sync.
    expect(s.syncs).toBeLessThanOrEqual(5);
    expect(s.requests).toBeLessThanOrEqual(4);
    expect(writeRequests(s.log)).toBe(1);
    expect(s.log.every((l) => l.ok)).toBe(true);
    const write = s.log.find((l) => writeRequests([l]) === 1)!;
    expect(write.bytes).toBeLessThan(512 * 1024);

    const rows = registerRows(fake);
    expect(rows).toHaveLength(43);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3] === '' ? null : r[3], r[11]])).toEqual([
      ...expected.people.map((p) => ['2026-Q4', p.department, p.name, p.score ?? null, '个人']),
      ...expected.departments.map((d) => ['2026-Q4', d.name, '', d.score ?? null, '部门']),
      ['2026-Q4', '', '', expected.company.score, '公司'],
    ]);
    // Shown rounded (0.00), stored unrounded: the value is the score the card's formulas compute.
    const unrounded = expected.people.findIndex((p) => p.score !== undefined && Math.round(p.score * 100) !== p.score * 100);
    expect(unrounded).toBeGreaterThanOrEqual(0);
    expect(st.sheet(REG).cell(`D${5 + unrounded}`)).toMatchObject({ numberFormat: '0.00', value: expected.people[unrounded].score });
    // Values, not formulas; the register is protected again with the options it had.
    expect(st.sheet(REG).formulas('A5:L47').flat().some((f) => String(f).startsWith('='))).toBe(false);
    expect(st.sheet(REG).protection).toEqual(regProtection);
    expect(st.sheet(REG).cell('H5').locked).toBe(false);
    expect(st.sheet('变更记录').values('B5:B6')).toEqual([['锁定'], ['季度评分']]);

    const charts = chartsOf(st, '评分图表 2026-Q4');
    expect(charts).toEqual([
      { name: 'Chart 1', type: 'ColumnClustered', seriesBy: 'Columns', source: '评分图表 2026-Q4!A3:B7', title: '评级分布', legendVisible: false, position: { from: 'G2', to: 'N18' } },
      { name: 'Chart 2', type: 'BarClustered', seriesBy: 'Columns', source: '评分图表 2026-Q4!D3:E9', title: '各部门得分', legendVisible: false, position: { from: 'G20', to: 'N38' } },
    ]);
    expect(st.sheet('评分图表 2026-Q4').values('A4:B7')).toEqual(RATING_CODES.map((c) => [RATING_WORDS[c]['zh-CN'], expected.distribution[c]]));
    expect(st.sheet('评分图表 2026-Q4').values('D4:D9').map((r) => r[0])).toEqual(expected.departments.map((d) => d.name));
  });

  it('on a quarter never locked the ribbon scores nothing and says why and where to go on (it cannot ask for a reason)', async () => {
    const fake = await fakeExample('zh-CN');
    fake.stats.reset();
    const r = await createCommandActions('zh-CN', fake.run).score();
    expect(r).toEqual({ ok: false, title: '季度评分', message: expect.stringMatching(/^本季度尚未锁定，有 \d+ 处错误，未评分，未做任何修改。.*例外评分。$/) });
    expect(writeRequests(fake.stats.log)).toBe(0);
    const en = await createCommandActions('en-US', fake.run).score();
    expect(en.message).toMatch(/^The quarter is not locked; \d+ errors remain: nothing was scored or changed\./);
  });

  it('a colleague typing elsewhere while the write is on its way keeps what they typed', async () => {
    let fake: FakeExcel | undefined;
    fake = await lockedFake('zh-CN', {
      onBeforeSync: (info) => {
        // The request about to be applied is the write: a colleague types at that very moment.
        const log = fake?.stats.log ?? [];
        if (writeRequests(log.slice(-1)) !== 1 || !log[log.length - 1].summary.some((x) => x.includes(REG))) return;
        info.state.externalEdit('个人-张伟', 'P8', 0.66);
        info.state.externalEdit(REG, 'H300', '同事在别处写的备注');
        info.state.externalEdit('变更记录', 'J3', '同事的批注');
      },
    });
    const r = await createLifecycleActions(fake.run, () => '2026-12-31').score({ lang: 'zh-CN' });
    expect(r.status).toBe('scored');
    const st = fake.workbookState;
    expect(st.sheet('个人-张伟').values('P8')).toEqual([[0.66]]);
    expect(st.sheet(REG).values('H300')).toEqual([['同事在别处写的备注']]);
    expect(st.sheet('变更记录').values('J3')).toEqual([['同事的批注']]);
    expect(st.sheet(REG).values('A5:A5')).toEqual([['2026-Q4']]);
  });

  it('pressed again, the ribbon replaces nothing and points to the pane; the pane replaces only the cycle\'s rows, keeping what HR typed', async () => {
    const fake = await lockedFake('en-US');
    const REG_EN = 'Score register';
    typeQuarter2(fake);
    await createCommandActions('en-US', fake.run).score();
    const first = registerRows(fake, REG_EN);
    const liuRow = first.findIndex((r) => r[2] === '刘洋') + 5;
    fake.workbookState.externalEdit(REG_EN, `H${liuRow}`, '上调5%'); // HR types a salary adjustment
    fake.workbookState.externalEdit('P-刘洋', 'Q8', 0.1); // a manager corrects a score

    fake.stats.reset();
    const again = await createCommandActions('en-US', fake.run).score();
    expect(again).toMatchObject({ ok: false, title: 'Quarter scoring' });
    expect(again.message).toBe('The score register already holds 43 rows for 2026-Q4; nothing was changed. To score again, open the OKR pane and confirm replacing this cycle\'s rows there.');
    expect(writeRequests(fake.stats.log)).toBe(0);

    const pane = createLifecycleActions(fake.run);
    const ask = await pane.score({ lang: 'en-US' });
    expect(ask).toMatchObject({ status: 'needsConfirm', existingRows: 43 });
    expect(ask.status === 'needsConfirm' && ask.message).toMatch(/already holds 43 rows for 2026-Q4\. Scoring again replaces them/);
    const replaced = await pane.score({ lang: 'en-US', replace: true });
    expect(replaced).toMatchObject({ status: 'scored', replacedRows: 43 });
    const after = registerRows(fake, REG_EN);
    expect(after).toHaveLength(43);
    expect(after[liuRow - 5][7]).toBe('上调5%');
    const expected = quarterReport(await fake.run(readOpenBook));
    expect(after[liuRow - 5][3]).toBe(expected.people.find((p) => p.name === '刘洋')!.score);
    expect(after[liuRow - 5][3]).not.toBe(first[liuRow - 5][3]);
    // One chart sheet for the quarter, replaced, not duplicated.
    expect(fake.workbookState.sheetNames().filter((n) => n.startsWith('Scores 2026-Q4'))).toEqual(['Scores 2026-Q4']);
    expect(chartsOf(fake.workbookState, 'Scores 2026-Q4')).toHaveLength(2);
    expect(fake.workbookState.sheet('Change log').values('B5:B7')).toEqual([['lock'], ['quarter scoring'], ['quarter scoring']]);
  });
});

function typeQuarter2(fake: FakeExcel): void {
  fake.workbookState.externalEdit('P-刘洋', 'P7', 0.8);
  fake.workbookState.externalEdit('P-刘洋', 'Q8', 0.55);
}
