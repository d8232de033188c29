import { at, krCell, makeBook, PERSON_SHEET, run, texts } from './fixtures';

describe('KR_MEASURABLE: metric/target and scoring criteria', () => {
  test('filled in: no finding', () => {
    expect(run(makeBook(), 'KR_MEASURABLE')).toEqual([]);
  });

  test('blank target: error at the target cell', () => {
    const book = makeBook();
    book.individuals[0].objectives[0].krs[1].target = '   ';
    const { zh, en } = texts(book, 'KR_MEASURABLE');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'KR_MEASURABLE', severity: 'error', params: { key: 'noTarget', o: 1, kr: 2 } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${krCell(1, 2, 'target')}`);
    expect(zh[0].message).toContain('目标1的KR2未填写衡量指标和目标值');
    expect(en[0].message).toContain('KR 2 of objective 1 has no metric or target value');
  });

  test('blank criteria: error at the criteria cell', () => {
    const book = makeBook();
    book.company.objectives[2].krs[0].criteria = '';
    const { zh, en } = texts(book, 'KR_MEASURABLE');
    expect(zh).toHaveLength(1);
    expect(at(zh[0])).toBe(`company|||目标体系图|${krCell(3, 1, 'criteria')}`);
    expect(zh[0].message).toContain('目标3的KR1未填写评分标准');
    expect(en[0].message).toContain('KR 1 of objective 3 has no scoring criteria');
  });

  test('both blank: one finding per missing field', () => {
    const book = makeBook();
    Object.assign(book.departments[0].objectives[1].krs[0], { target: '', criteria: '' });
    const fs = run(book, 'KR_MEASURABLE');
    expect(fs.map((f) => [f.params.key, f.cell])).toEqual([
      ['noTarget', krCell(2, 1, 'target')],
      ['noCriteria', krCell(2, 1, 'criteria')],
    ]);
    expect(fs.every((f) => f.level === 'department' && f.owner === '')).toBe(true);
  });
});
