import { at, COMPANY_SHEET, DEPT_SHEET, krCell, makeBook, obj, objs, oCell, PERSON_SHEET, run, texts } from './fixtures';

describe('O_COUNT: 3–5 objectives per card', () => {
  const withObjectives = (n: number, level: 'company' | 'department' | 'individual' = 'individual') => {
    const book = makeBook();
    const card = level === 'company' ? book.company : level === 'department' ? book.departments[0] : book.individuals[0];
    card.objectives = objs(n);
    return book;
  };

  test.each([3, 4, 5])('%i objectives: no finding', (n) => {
    expect(run(withObjectives(n), 'O_COUNT')).toEqual([]);
  });

  test('6 objectives on an individual card: error at the sixth objective', () => {
    const { zh, en } = texts(withObjectives(6), 'O_COUNT');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'O_COUNT', severity: 'error' });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${oCell(6)}`);
    expect(zh[0].params).toMatchObject({ key: 'tooMany', count: 6, max: 5 });
    expect(zh[0].message).toContain('本卡共有6个目标，超过上限5个');
    expect(en[0].message).toContain('6 objectives, more than the limit of 5');
  });

  test('2 objectives: warning on the card, naming 2 and 3–5', () => {
    const { zh, en } = texts(withObjectives(2), 'O_COUNT');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'warning', sheet: PERSON_SHEET, cell: '' });
    expect(zh[0].message).toContain('只有2个目标');
    expect(zh[0].message).toContain('3-5个');
    expect(en[0].message).toContain('only 2 objectives');
    expect(en[0].message).toContain('3–5');
  });

  test('1 objective reads in the singular', () => {
    expect(texts(withObjectives(1), 'O_COUNT').en[0].message).toContain('only 1 objective;');
  });

  test('no objective at all: a warning too', () => {
    const { zh, en } = texts(withObjectives(0), 'O_COUNT');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'warning', params: { key: 'none', count: 0 } });
    expect(zh[0].message).toContain('尚未填写目标');
    expect(en[0].message).toContain('no objectives');
  });

  test('company card: level company, no department, no owner', () => {
    const [f] = run(withObjectives(6, 'company'), 'O_COUNT');
    expect(at(f)).toBe(`company|||${COMPANY_SHEET}|${oCell(6)}`);
  });

  test('department card: the department, no owner', () => {
    const [f] = run(withObjectives(2, 'department'), 'O_COUNT');
    expect(at(f)).toBe(`department|销售部||${DEPT_SHEET}|`);
    expect(f.severity).toBe('warning');
  });

  test('the limits come from Settings', () => {
    const book = withObjectives(5);
    book.settings.limits.maxObjectives = 4;
    const { zh, en } = texts(book, 'O_COUNT');
    expect(zh[0].message).toContain('超过上限4个');
    expect(en[0].message).toContain('limit of 4');
  });
});

describe('KR_COUNT: 1–4 KRs per objective', () => {
  test('4 KRs: no finding', () => {
    const book = makeBook();
    book.individuals[0].objectives[1] = obj(2, { alignedTo: '销售部#2' }, 4);
    expect(run(book, 'KR_COUNT')).toEqual([]);
  });

  test('5 KRs: error at the fifth KR, "目标2的KR数量为5个，超过上限4个"', () => {
    const book = makeBook();
    book.individuals[0].objectives[1] = obj(2, { alignedTo: '销售部#2' }, 5);
    const { zh, en } = texts(book, 'KR_COUNT');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'KR_COUNT', severity: 'error' });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${krCell(2, 5)}`);
    expect(zh[0].message).toBe('目标2的KR数量为5个，超过上限4个');
    expect(en[0].message).toBe('Objective 2 has 5 key results, more than the limit of 4.');
  });

  test('an objective without KRs: error at the objective', () => {
    const book = makeBook();
    book.departments[0].objectives[2].krs = [];
    const { zh, en } = texts(book, 'KR_COUNT');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'error', params: { key: 'none', o: 3 } });
    expect(at(zh[0])).toBe(`department|销售部||${DEPT_SHEET}|${oCell(3)}`);
    expect(zh[0].message).toContain('目标3还没有KR');
    expect(en[0].message).toContain('Objective 3 has no key results');
  });

  test('one finding per offending objective', () => {
    const book = makeBook();
    book.company.objectives[0].krs = [];
    book.company.objectives[2] = obj(3, {}, 6);
    const fs = run(book, 'KR_COUNT');
    expect(fs.map((f) => `${f.level}:${f.params.o}:${f.params.key}`)).toEqual(['company:1:none', 'company:3:tooMany']);
  });
});
