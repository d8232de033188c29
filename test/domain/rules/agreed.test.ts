import { at, COMPANY_SHEET, DEPT_SHEET, makeBook, oCell, PERSON_SHEET, run, texts } from './fixtures';

describe('AGREED: both sign-offs, every objective agreed', () => {
  test('signed and agreed: no finding in any phase', () => {
    for (const phase of ['draft', 'lock', 'score'] as const) expect(run(makeBook(), 'AGREED', { phase })).toEqual([]);
  });

  test('individual card without the employee signature: warning while drafting', () => {
    const book = makeBook();
    book.individuals[0].signOff.employee = ' ';
    const { zh, en } = texts(book, 'AGREED');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'AGREED', severity: 'warning', params: { key: 'unsigned', who: 'employee', phase: 'draft' } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|`);
    expect(zh[0].message).toContain('员工尚未签字确认');
    expect(en[0].message).toContain('Not yet signed by the employee');
  });

  test.each(['lock', 'score'] as const)('phase %s: an error, and the message says what it blocks', (phase) => {
    const book = makeBook();
    book.individuals[0].signOff = {};
    const { zh, en } = texts(book, 'AGREED', { phase });
    expect(zh.map((f) => [f.severity, f.params.who])).toEqual([
      ['error', 'employee'],
      ['error', 'manager'],
    ]);
    expect(zh[1].message).toContain('直属上级尚未签字确认');
    expect(zh[1].message).toContain(phase === 'lock' ? '才能锁定' : '才能进行季度评分');
    expect(en[1].message).toContain(phase === 'lock' ? 'before the quarter can be locked' : 'before quarter-end scoring');
  });

  test('company card: only the general manager signs', () => {
    const book = makeBook();
    book.company.signOff = { employee: '' , manager: '王总' };
    expect(run(book, 'AGREED')).toEqual([]);
    book.company.signOff = { employee: '某人' };
    const { zh, en } = texts(book, 'AGREED', { phase: 'lock' });
    expect(zh).toHaveLength(1);
    expect(at(zh[0])).toBe(`company|||${COMPANY_SHEET}|`);
    expect(zh[0].message).toContain('总经理尚未签字确认');
    expect(en[0].message).toContain('the general manager');
  });

  test('department card: the head and the supervisor', () => {
    const book = makeBook();
    book.departments[0].signOff = {};
    const { zh, en } = texts(book, 'AGREED');
    expect(zh.map((f) => f.params.who)).toEqual(['head', 'supervisor']);
    expect(at(zh[0])).toBe(`department|销售部||${DEPT_SHEET}|`);
    expect(zh[0].message).toContain('部门负责人尚未签字确认');
    expect(en[0].message).toContain('the department head');
  });

  test('a card without objectives needs no signature', () => {
    const book = makeBook();
    book.individuals[0].objectives = [];
    book.individuals[0].signOff = {};
    expect(run(book, 'AGREED', { phase: 'score' })).toEqual([]);
  });

  test('an objective marked not agreed (false) is flagged; unknown (undefined) is not', () => {
    const book = makeBook();
    book.individuals[0].objectives[1].agreed = false;
    book.individuals[0].objectives[2].agreed = undefined;
    const draft = texts(book, 'AGREED');
    expect(draft.zh).toHaveLength(1);
    expect(draft.zh[0]).toMatchObject({ severity: 'warning', cell: oCell(2), params: { key: 'notAgreed', o: 2 } });
    expect(draft.zh[0].message).toContain('目标2标记为未协商一致');
    expect(draft.en[0].message).toContain('Objective 2 is marked as not agreed');
    const [locked] = run(book, 'AGREED', { phase: 'lock' });
    expect(locked.severity).toBe('error');
  });
});
