import type { ChangeLogEntry, OkrBook } from '../../../src/domain/model';
import { at, COMPANY_SHEET, kr, krCell, makeBook, obj, oCell, PERSON_SHEET, run, runAll, snapshot, texts } from './fixtures';

const LOCK_RULES = ['O_FROZEN', 'QKR_LOCKED', 'AKR_APPROVAL'];
const lockFindings = (book: OkrBook) => runAll(book).filter((f) => LOCK_RULES.includes(f.rule));

/** A locked book whose person's objective 1 has an annual KR 3. */
function lockedWithAnnual(): OkrBook {
  const book = makeBook();
  book.individuals[0].objectives[0].krs.push(kr(3, { period: 'annual', text: '全年新增付费用户5000人', deadline: '2026-12-31' }));
  return snapshot(book);
}

const approval = (over: Partial<ChangeLogEntry> = {}): ChangeLogEntry => ({
  date: '2026-05-02',
  kind: 'annual-kr-change',
  sheet: PERSON_SHEET,
  oldText: '全年新增付费用户5000人',
  newText: '全年新增付费用户6000人',
  requester: '张三',
  approver: '王总',
  approvedOn: '2026-05-03',
  ...over,
});

describe('lock rules: nothing to compare before the lock', () => {
  test('no lock snapshot: no O_FROZEN / QKR_LOCKED / AKR_APPROVAL', () => {
    const book = makeBook();
    book.individuals[0].objectives[0].text = '完全不同的目标：海外市场收入翻番';
    expect(lockFindings(book)).toEqual([]);
  });

  test('locked and unchanged, or changed in blanks only: no finding', () => {
    const book = makeBook();
    const o = book.individuals[0].objectives[0];
    o.text = 'Grow paying users 20%';
    o.krs[0].text = '第一行\n第二行';
    snapshot(book);
    o.text = '  Grow  paying users\u00a020%\n';
    o.krs[0].text = '第一行\r\n第二行 ';
    expect(lockFindings(book)).toEqual([]);
    o.text = 'Grow paying users 30%';
    expect(lockFindings(book)).toHaveLength(1);
  });
});

describe('O_FROZEN: objectives never change after the lock', () => {
  test('a changed objective: error at its text, with old and new text', () => {
    const book = snapshot(makeBook());
    book.individuals[0].objectives[1].text = '提升自有平台付费转化率至8%';
    const { zh, en } = texts(book, 'O_FROZEN');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({
      rule: 'O_FROZEN',
      severity: 'error',
      params: { key: 'changed', o: 2, old: '提升自有平台付费转化率至4%', new: '提升自有平台付费转化率至8%' },
    });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${oCell(2)}`);
    expect(zh[0].message).toContain('目标2在锁定后被修改：原为“提升自有平台付费转化率至4%”，现为“提升自有平台付费转化率至8%”');
    expect(en[0].message).toContain('Objective 2 was changed after the lock: it was "提升自有平台付费转化率至4%", now "提升自有平台付费转化率至8%"');
  });

  test('company objectives are frozen too', () => {
    const book = snapshot(makeBook());
    book.company.objectives[0].text = '新的公司目标';
    const [f] = run(book, 'O_FROZEN');
    expect(at(f)).toBe(`company|||${COMPANY_SHEET}|${oCell(1)}`);
  });

  test('an objective added after the lock: O_FROZEN, and its quarterly KRs QKR_LOCKED', () => {
    const book = snapshot(makeBook());
    book.individuals[0].objectives.push(obj(4, { text: '拓展外部平台合作渠道', alignedTo: '销售部#1' }));
    const fs = lockFindings(book);
    expect(fs.map((f) => `${f.rule}:${f.params.key}:${f.cell}`)).toEqual([
      `O_FROZEN:added:${oCell(4)}`,
      `QKR_LOCKED:added:${krCell(4, 1)}`,
      `QKR_LOCKED:added:${krCell(4, 2)}`,
    ]);
    const { zh, en } = texts(book, 'O_FROZEN');
    expect(zh[0].message).toContain('目标4“拓展外部平台合作渠道”是锁定后新增的');
    expect(en[0].message).toContain('Objective 4 "拓展外部平台合作渠道" was added after the lock');
  });

  test('an objective removed after the lock: O_FROZEN on the card, its KRs too', () => {
    const book = snapshot(makeBook());
    book.individuals[0].objectives.pop();
    const fs = lockFindings(book);
    expect(fs.map((f) => `${f.rule}:${f.params.key}:${f.params.o}:${f.params.kr ?? ''}:${f.cell}`)).toEqual([
      'O_FROZEN:removed:3::',
      'QKR_LOCKED:removed:3:1:',
      'QKR_LOCKED:removed:3:2:',
    ]);
    expect(fs[0].sheet).toBe(PERSON_SHEET);
    const { zh, en } = texts(book, 'O_FROZEN');
    expect(zh[0].message).toContain('锁定时的目标3“提升自有平台付费转化率至5%”已被删除');
    expect(en[0].message).toContain('Objective 3 "提升自有平台付费转化率至5%", present at the lock, was removed');
  });

  test('a whole card gone since the lock: O_FROZEN naming the card', () => {
    const book = snapshot(makeBook());
    book.individuals = [];
    const { zh, en } = texts(book, 'O_FROZEN');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'error', params: { key: 'cardRemoved', count: 3 } });
    expect(at(zh[0])).toBe('individual|销售部|张三||');
    expect(zh[0].message).toContain('张三（销售部）的个人OKR卡（3个目标）已不在工作簿中');
    expect(en[0].message).toContain('The individual card of 张三 (销售部) (3 objectives) existed at the lock');
  });

  test('a long text is shortened in the message but kept whole in the params', () => {
    const book = snapshot(makeBook());
    const long = '很'.repeat(100);
    book.individuals[0].objectives[0].text = long;
    const [f] = run(book, 'O_FROZEN');
    expect(f.params.new).toBe(long);
    expect(f.message).toContain(`${'很'.repeat(59)}…”`);
    expect(f.message).not.toContain('很'.repeat(60));
  });
});

describe('QKR_LOCKED: quarterly KRs never change after the lock', () => {
  test('a changed quarterly KR: error at the KR text, with old and new text', () => {
    const book = snapshot(makeBook());
    book.departments[0].objectives[0].krs[1].text = '自有平台新增付费用户150人';
    const { zh, en } = texts(book, 'QKR_LOCKED');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'error', params: { key: 'changed', o: 1, kr: 2, old: '自有平台新增付费用户200人', new: '自有平台新增付费用户150人' } });
    expect(at(zh[0])).toBe(`department|销售部||部门-销售部|${krCell(1, 2)}`);
    expect(zh[0].message).toContain('目标1的季度KR2在锁定后被修改：原为“自有平台新增付费用户200人”，现为“自有平台新增付费用户150人”');
    expect(en[0].message).toContain('Quarterly KR 2 of objective 1 was changed after the lock');
  });

  test('a quarterly KR removed: error at its objective', () => {
    const book = snapshot(makeBook());
    book.individuals[0].objectives[1].krs.pop();
    const { zh, en } = texts(book, 'QKR_LOCKED');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ cell: oCell(2), params: { key: 'removed', o: 2, kr: 2 } });
    expect(zh[0].message).toContain('目标2锁定时的季度KR2“自有平台新增付费用户200人”已被删除');
    expect(en[0].message).toContain('Quarterly KR 2 of objective 2 "自有平台新增付费用户200人", present at the lock, was removed');
  });

  test('a quarterly KR added: error at the new KR', () => {
    const book = snapshot(makeBook());
    book.individuals[0].objectives[1].krs.push(kr(3, { text: '新增一个KR' }));
    const [f] = run(book, 'QKR_LOCKED');
    expect(f).toMatchObject({ cell: krCell(2, 3), params: { key: 'added', new: '新增一个KR' } });
  });

  test('a locked quarterly KR re-marked annual: still QKR_LOCKED, even with an approval row', () => {
    const book = snapshot(makeBook());
    const k = book.individuals[0].objectives[0].krs[0];
    k.period = 'annual';
    k.deadline = '2026-12-31';
    book.changeLog.push(approval({ newText: k.text }));
    const { zh, en } = texts(book, 'QKR_LOCKED');
    expect(zh.map((f) => f.params.key)).toEqual(['periodChanged']);
    expect(zh[0].message).toContain('目标1的KR1锁定时是季度KR，现被改为年度KR');
    expect(en[0].message).toContain('was a quarterly KR at the lock');
    expect(run(book, 'AKR_APPROVAL')).toEqual([]);
  });
});

describe('AKR_APPROVAL: annual KRs change only with an approved change-log row', () => {
  const change = (book: OkrBook, text = '全年新增付费用户6000人') => {
    book.individuals[0].objectives[0].krs[2].text = text;
    return book;
  };

  test('changed without a change-log row: error with old and new text', () => {
    const { zh, en } = texts(change(lockedWithAnnual()), 'AKR_APPROVAL');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'error', params: { key: 'changed', o: 1, kr: 3, old: '全年新增付费用户5000人', new: '全年新增付费用户6000人' } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${krCell(1, 3)}`);
    expect(zh[0].message).toContain('目标1的年度KR3在锁定后被修改（原为“全年新增付费用户5000人”，现为“全年新增付费用户6000人”）');
    expect(zh[0].message).toContain('审批人和审批日期');
    expect(en[0].message).toContain('Annual KR 3 of objective 1 was changed after the lock');
    expect(run(change(lockedWithAnnual()), 'QKR_LOCKED')).toEqual([]);
  });

  test('changed with an approved row (new text matches after trimming): fine', () => {
    const book = change(lockedWithAnnual(), ' 全年新增付费用户6000人 ');
    book.changeLog.push(approval({ newText: '全年新增付费用户6000人  ' }));
    expect(run(book, 'AKR_APPROVAL')).toEqual([]);
  });

  test.each([
    ['no approver', { approver: ' ' }],
    ['no approval date', { approvedOn: undefined }],
    ['another kind of row', { kind: 'lock' }],
    ['another new text', { newText: '全年新增付费用户7000人' }],
  ] as const)('a row with %s does not approve', (_label, over) => {
    const book = change(lockedWithAnnual());
    book.changeLog.push(approval(over));
    expect(run(book, 'AKR_APPROVAL').map((f) => f.params.key)).toEqual(['changed']);
  });

  test('an annual KR added after the lock: needs approval too', () => {
    const book = snapshot(makeBook());
    book.individuals[0].objectives[2].krs.push(kr(3, { period: 'annual', text: '全年渠道收入破千万', deadline: '2026-12-31' }));
    const { zh, en } = texts(book, 'AKR_APPROVAL');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ cell: krCell(3, 3), params: { key: 'added', new: '全年渠道收入破千万' } });
    expect(zh[0].message).toContain('目标3的年度KR3“全年渠道收入破千万”是锁定后新增的');
    expect(en[0].message).toContain('Annual KR 3 of objective 3 "全年渠道收入破千万" was added after the lock');
    book.changeLog.push(approval({ oldText: '', newText: '全年渠道收入破千万' }));
    expect(run(book, 'AKR_APPROVAL')).toEqual([]);
  });

  test('an annual KR removed: error unless a row approves removing that text', () => {
    const book = lockedWithAnnual();
    book.individuals[0].objectives[0].krs.pop();
    const { zh, en } = texts(book, 'AKR_APPROVAL');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ cell: oCell(1), params: { key: 'removed', o: 1, kr: 3, old: '全年新增付费用户5000人' } });
    expect(zh[0].message).toContain('目标1锁定时的年度KR3“全年新增付费用户5000人”已被删除');
    expect(en[0].message).toContain('Annual KR 3 of objective 1 "全年新增付费用户5000人", present at the lock, was removed');
    book.changeLog.push(approval({ newText: '' }));
    expect(run(book, 'AKR_APPROVAL')).toEqual([]);
  });

  test('an unchanged annual KR needs nothing', () => {
    expect(lockFindings(lockedWithAnnual())).toEqual([]);
  });
});
