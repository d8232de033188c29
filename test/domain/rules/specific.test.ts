import { isPlaceholderObjective } from '../../../src/domain/rules';
import { at, DEPT_SHEET, krCell, makeBook, oCell, PERSON_SHEET, run, texts } from './fixtures';

describe('isPlaceholderObjective', () => {
  test.each([
    '', '  ', '-', '—', '/', '无', '待定', 'TBD', 'tbd', 'ToDo', 'xxx', 'XXX', '...', '…', '目标', 'Objective',
    '1', '12', '1.', '——', '???', '（1）', '目标1', '目标 2', 'objective 3', 'O1', 'o 5', ' 待定 ',
  ])('%j is a placeholder', (text) => {
    expect(isPlaceholderObjective(text)).toBe(true);
  });

  test.each(['提升自有平台付费转化率至5%', '目标：新客增长30%', 'Grow revenue 20%', 'O2O渠道拓展', '无线端改版', 'xxxx项目上线', 'Q3 launch'])(
    '%j is a real objective',
    (text) => {
      expect(isPlaceholderObjective(text)).toBe(false);
    },
  );
});

describe('O_SPECIFIC', () => {
  test('specific texts and scores below 1: no finding', () => {
    const book = makeBook();
    Object.assign(book.individuals[0].objectives[0].krs[0], { selfScore: 0.99, managerScore: 0 });
    expect(run(book, 'O_SPECIFIC')).toEqual([]);
  });

  test('placeholder objective: error at the objective text, quoting it', () => {
    const book = makeBook();
    book.departments[0].objectives[1].text = ' 待定 ';
    const { zh, en } = texts(book, 'O_SPECIFIC');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'O_SPECIFIC', severity: 'error', params: { key: 'placeholder', o: 2, text: '待定' } });
    expect(at(zh[0])).toBe(`department|销售部||${DEPT_SHEET}|${oCell(2)}`);
    expect(zh[0].message).toContain('目标2的内容“待定”只是占位');
    expect(en[0].message).toContain('Objective 2 reads "待定", which is only a placeholder');
  });

  test('empty objective: error', () => {
    const book = makeBook();
    book.individuals[0].objectives[2].text = '';
    const { zh, en } = texts(book, 'O_SPECIFIC');
    expect(zh).toHaveLength(1);
    expect(zh[0].params.key).toBe('empty');
    expect(zh[0].message).toContain('目标3未填写内容');
    expect(en[0].message).toContain('Objective 3 is empty');
  });

  test('empty KR text: error at the KR text cell', () => {
    const book = makeBook();
    book.individuals[0].objectives[0].krs[1].text = ' ';
    const { zh, en } = texts(book, 'O_SPECIFIC');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'error', params: { key: 'krEmpty', o: 1, kr: 2 } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${krCell(1, 2)}`);
    expect(zh[0].message).toContain('目标1的KR2未填写关键结果内容');
    expect(en[0].message).toContain('KR 2 of objective 1 does not say what the key result is');
  });

  test('self score exactly 1: warning "too easy?" at the self-score cell', () => {
    const book = makeBook();
    book.individuals[0].objectives[1].krs[0].selfScore = 1;
    const { zh, en } = texts(book, 'O_SPECIFIC');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'warning', cell: krCell(2, 1, 'selfScore'), params: { key: 'tooEasy', o: 2, kr: 1 } });
    expect(zh[0].message).toContain('目标2的KR1得分为1.0');
    expect(zh[0].message).toContain('60%-70%');
    expect(en[0].message).toContain('KR 1 of objective 2 scored 1.0 — too easy?');
  });

  test('manager score 1 wins over a lower self score: warning at the manager-score cell', () => {
    const book = makeBook();
    Object.assign(book.individuals[0].objectives[1].krs[1], { selfScore: 0.6, managerScore: 1 });
    const [f] = run(book, 'O_SPECIFIC');
    expect(f.cell).toBe(krCell(2, 2, 'managerScore'));
  });

  test('self score 1 overruled by manager score 0.7: no warning', () => {
    const book = makeBook();
    Object.assign(book.individuals[0].objectives[1].krs[1], { selfScore: 1, managerScore: 0.7 });
    expect(run(book, 'O_SPECIFIC')).toEqual([]);
  });

  test('score exactly 0, or no score at all: no warning', () => {
    const book = makeBook();
    book.individuals[0].objectives[0].krs[0].selfScore = 0;
    expect(run(book, 'O_SPECIFIC')).toEqual([]);
  });

  test('a score above 1 counts as 1: warned here too (SCORE_RANGE flags the value)', () => {
    const book = makeBook();
    book.individuals[0].objectives[0].krs[0].selfScore = 1.2;
    expect(run(book, 'O_SPECIFIC').map((f) => f.params.key)).toEqual(['tooEasy']);
  });
});
