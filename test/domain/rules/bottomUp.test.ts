import type { Source } from '../../../src/domain/model';
import { bottomUpShare } from '../../../src/domain/rules';
import { DEPT_SHEET, deptCard, makeBook, objs, personCard, run, texts } from './fixtures';

/** Sets the sources of a card's objectives: 'b' bottom-up, 't' top-down, '-' none. */
function sources(card: { objectives: { source?: Source }[] }, pattern: string): void {
  card.objectives = objs(pattern.length).map((o, i) => ({
    ...o,
    alignedTo: '',
    source: pattern[i] === 'b' ? 'bottom-up' : pattern[i] === 't' ? 'top-down' : undefined,
  }));
}

describe('BOTTOM_UP: at least 60% of objectives bottom-up', () => {
  test('share exactly 60% (3 of 5): no finding', () => {
    const book = makeBook();
    sources(book.departments[0], 'btt');
    sources(book.individuals[0], 'bb');
    expect(bottomUpShare([...book.departments[0].objectives, ...book.individuals[0].objectives])).toEqual({ bottomUp: 3, total: 5, share: 0.6 });
    expect(run(book, 'BOTTOM_UP')).toEqual([]);
  });

  test('share exactly 60% (6 of 10, not exact in binary): no finding', () => {
    const book = makeBook();
    sources(book.departments[0], 'bbbtt');
    sources(book.individuals[0], 'bbbtt');
    expect(run(book, 'BOTTOM_UP')).toEqual([]);
  });

  test('share 50% in a department: error for the department and company-wide', () => {
    const book = makeBook();
    sources(book.departments[0], 'btt');
    sources(book.individuals[0], 'bt-');
    const { zh, en } = texts(book, 'BOTTOM_UP');
    expect(zh).toHaveLength(2);
    expect(zh[0]).toMatchObject({
      rule: 'BOTTOM_UP',
      severity: 'error',
      level: 'department',
      department: '销售部',
      owner: '',
      sheet: DEPT_SHEET,
      cell: '',
      params: { key: 'department', bottomUp: 2, total: 6, min: 0.6 },
    });
    expect(zh[0].params.share).toBeCloseTo(1 / 3);
    expect(zh[0].message).toBe('销售部自下而上的目标占比为33.33%（6个目标中有2个），低于要求的60%');
    expect(en[0].message).toBe('In 销售部, 33.33% of the objectives are bottom-up (2 of 6), below the required 60%.');
    expect(zh[1]).toMatchObject({ level: 'company', department: '', owner: '', sheet: '', cell: '', params: { key: 'company', bottomUp: 2, total: 6 } });
    expect(zh[1].message).toContain('全公司');
    expect(zh[1].message).toContain('33.33%');
    expect(en[1].message).toContain('Company-wide');
  });

  test('one department below, the company above: only the department is flagged', () => {
    const book = makeBook();
    book.departments.push(deptCard('技术部'));
    book.individuals.push(personCard('赵六', '技术部'));
    sources(book.departments[0], 'tt');
    sources(book.individuals[0], 'bt'); // 销售部: 1 of 4 = 25%
    sources(book.departments[1], 'bbb');
    sources(book.individuals[1], 'bbb'); // 技术部: 6 of 6; company: 7 of 10 = 70%
    const fs = run(book, 'BOTTOM_UP');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ level: 'department', department: '销售部', params: { share: 0.25, bottomUp: 1, total: 4 } });
    const { zh } = texts(book, 'BOTTOM_UP');
    expect(zh[0].message).toContain('25%（4个目标中有1个）');
  });

  test('company objectives do not count; objectives without source count as not bottom-up', () => {
    const book = makeBook();
    sources(book.company, 'ttttt');
    sources(book.departments[0], 'bb-');
    sources(book.individuals[0], 'bb');
    expect(run(book, 'BOTTOM_UP')).toEqual([]); // 4 of 5
    sources(book.individuals[0], '--');
    expect(run(book, 'BOTTOM_UP').map((f) => f.params.share)).toEqual([0.4, 0.4]);
  });

  test('a department without a card: its members still count, sheet is empty', () => {
    const book = makeBook();
    book.individuals.push(personCard('孙七', '市场部'));
    sources(book.individuals[1], 'bt');
    const fs = run(book, 'BOTTOM_UP');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ department: '市场部', sheet: '', params: { share: 0.5 } });
  });

  test('no objectives anywhere: no finding', () => {
    const book = makeBook();
    book.departments[0].objectives = [];
    book.individuals[0].objectives = [];
    expect(run(book, 'BOTTOM_UP')).toEqual([]);
  });

  test('the minimum comes from Settings', () => {
    const book = makeBook();
    book.settings.limits.bottomUpMin = 0.8;
    sources(book.departments[0], 'btt');
    sources(book.individuals[0], 'bbb'); // 4 of 6
    const { zh, en } = texts(book, 'BOTTOM_UP');
    expect(zh[0].message).toContain('66.67%');
    expect(zh[0].message).toContain('低于要求的80%');
    expect(en[0].message).toContain('below the required 80%');
  });
});
