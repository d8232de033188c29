import { parseAlignment, resolveAlignment } from '../../../src/domain/rules';
import { at, DEPT_SHEET, deptCard, makeBook, oCell, PERSON_SHEET, run, texts } from './fixtures';

describe('parseAlignment / resolveAlignment', () => {
  test('reads company#N, 公司#N and <department>#N', () => {
    expect(parseAlignment('company#2')).toEqual({ scope: 'company', department: '', objectiveNo: 2 });
    expect(parseAlignment(' 公司 # 3 ')).toEqual({ scope: 'company', department: '', objectiveNo: 3 });
    expect(parseAlignment('Company#1')).toEqual({ scope: 'company', department: '', objectiveNo: 1 });
    expect(parseAlignment('销售部#1')).toEqual({ scope: 'department', department: '销售部', objectiveNo: 1 });
    expect(parseAlignment('销售部＃4')).toEqual({ scope: 'department', department: '销售部', objectiveNo: 4 });
    for (const bad of ['', '#1', '销售部', '销售部#', '销售部#一', 'company#1.5']) expect(parseAlignment(bad)).toBeUndefined();
  });

  test('resolves to the objective, or nothing', () => {
    const book = makeBook();
    expect(resolveAlignment(book, 'company#2')).toBe(book.company.objectives[1]);
    expect(resolveAlignment(book, '销售部#3')).toBe(book.departments[0].objectives[2]);
    expect(resolveAlignment(book, 'company#4')).toBeUndefined();
    expect(resolveAlignment(book, '市场部#1')).toBeUndefined();
  });
});

describe('ALIGNMENT: individual → team → company', () => {
  test('every objective aligned to an existing one: fine', () => {
    expect(run(makeBook(), 'ALIGNMENT')).toEqual([]);
  });

  test('company objectives need no alignment', () => {
    const book = makeBook();
    book.company.objectives.forEach((o) => (o.alignedTo = undefined));
    expect(run(book, 'ALIGNMENT')).toEqual([]);
  });

  test('an individual objective aligned to nothing: warning at the alignment cell', () => {
    const book = makeBook();
    book.individuals[0].objectives[1].alignedTo = ' ';
    const { zh, en } = texts(book, 'ALIGNMENT');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'ALIGNMENT', severity: 'warning', params: { key: 'none', o: 2 } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${oCell(2, 'alignedTo')}`);
    expect(zh[0].message).toContain('目标2未填写对齐的部门目标');
    expect(en[0].message).toContain('Objective 2 does not name the department objective it supports');
  });

  test('a department objective aligned to nothing: asks for the company objective', () => {
    const book = makeBook();
    book.departments[0].objectives[0].alignedTo = undefined;
    const { zh, en } = texts(book, 'ALIGNMENT');
    expect(at(zh[0])).toBe(`department|销售部||${DEPT_SHEET}|${oCell(1, 'alignedTo')}`);
    expect(zh[0].message).toContain('目标1未填写对齐的公司目标');
    expect(en[0].message).toContain('company objective');
  });

  test('aligned to a company objective that does not exist: warning naming it', () => {
    const book = makeBook();
    book.departments[0].objectives[2].alignedTo = 'company#7';
    const { zh, en } = texts(book, 'ALIGNMENT');
    expect(zh).toHaveLength(1);
    expect(zh[0].params).toMatchObject({ key: 'dangling', o: 3, target: 'company#7', targetScope: 'company', targetNo: 7 });
    expect(zh[0].message).toContain('目标3对齐的公司目标7不存在');
    expect(en[0].message).toContain('Objective 3 is aligned to company objective 7, which does not exist');
  });

  test('aligned to a missing department objective, or an unknown department, or gibberish', () => {
    const book = makeBook();
    book.individuals[0].objectives[0].alignedTo = '销售部#4';
    book.individuals[0].objectives[1].alignedTo = '市场部#1';
    book.individuals[0].objectives[2].alignedTo = '看情况';
    const { zh, en } = texts(book, 'ALIGNMENT');
    expect(zh.map((f) => f.message)).toEqual([
      '目标1对齐的销售部目标4不存在，请从下拉列表中重新选择',
      '目标2对齐的市场部目标1不存在，请从下拉列表中重新选择',
      '目标3对齐的“看情况”不存在，请从下拉列表中重新选择',
    ]);
    expect(en[0].message).toContain('objective 4 of 销售部');
    expect(en[2].message).toContain('aligned to "看情况"');
  });

  test('aligning to another department card is fine when it exists', () => {
    const book = makeBook();
    book.departments.push(deptCard('技术部'));
    book.individuals[0].objectives[0].alignedTo = '技术部#2';
    expect(run(book, 'ALIGNMENT')).toEqual([]);
  });
});
