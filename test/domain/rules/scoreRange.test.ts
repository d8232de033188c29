import { at, krCell, makeBook, PERSON_SHEET, run, texts } from './fixtures';
import type { KeyResult } from '../../../src/domain/model';

function withKr(over: Partial<KeyResult>) {
  const book = makeBook();
  Object.assign(book.individuals[0].objectives[2].krs[1], over);
  return book;
}

describe('SCORE_RANGE: scores and progress in 0–1', () => {
  test('exactly 0 and exactly 1: fine', () => {
    expect(run(withKr({ selfScore: 0, managerScore: 1, progress: 0 }), 'SCORE_RANGE')).toEqual([]);
    expect(run(withKr({ selfScore: 1, managerScore: 0, progress: 1 }), 'SCORE_RANGE')).toEqual([]);
  });

  test('self score 1.2: error at the self-score cell', () => {
    const { zh, en } = texts(withKr({ selfScore: 1.2 }), 'SCORE_RANGE');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'SCORE_RANGE', severity: 'error', params: { key: 'selfScore', o: 3, kr: 2, value: 1.2 } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${krCell(3, 2, 'selfScore')}`);
    expect(zh[0].message).toBe('目标3的KR2的自评分为1.2，超出0-1的范围（按1.0计算）');
    expect(en[0].message).toBe('The self score of KR 2 of objective 3 is 1.2, outside 0–1 (it counts as 1.0).');
  });

  test('manager score −0.1: error at the manager-score cell, counts as 0', () => {
    const { zh, en } = texts(withKr({ managerScore: -0.1 }), 'SCORE_RANGE');
    expect(zh).toHaveLength(1);
    expect(zh[0].cell).toBe(krCell(3, 2, 'managerScore'));
    expect(zh[0].message).toContain('上级评分为-0.1');
    expect(zh[0].message).toContain('按0.0计算');
    expect(en[0].message).toContain('manager score of KR 2 of objective 3 is -0.1');
  });

  test('progress 130%: error on the KR row, as a percentage', () => {
    const { zh, en } = texts(withKr({ progress: 1.3 }), 'SCORE_RANGE');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ cell: krCell(3, 2, 'text'), params: { key: 'progress', value: 1.3 } });
    expect(zh[0].message).toBe('目标3的KR2的进度为130%，应在0%-100%之间');
    expect(en[0].message).toContain('progress of KR 2 of objective 3 is 130%');
  });

  test('one finding per cell', () => {
    const fs = run(withKr({ selfScore: 2, managerScore: -1, progress: -0.5 }), 'SCORE_RANGE');
    expect(fs.map((f) => f.params.key)).toEqual(['selfScore', 'managerScore', 'progress']);
  });

  test('the company card is checked too', () => {
    const book = makeBook();
    book.company.objectives[0].krs[0].selfScore = 1.01;
    const [f] = run(book, 'SCORE_RANGE');
    expect(at(f)).toBe(`company|||目标体系图|${krCell(1, 1, 'selfScore')}`);
  });
});
