import { at, krCell, makeBook, PERSON_SHEET, run, texts } from './fixtures';
import type { KeyResult } from '../../../src/domain/model';

function withKr(over: Partial<KeyResult>) {
  const book = makeBook();
  Object.assign(book.individuals[0].objectives[1].krs[0], over);
  return book;
}

describe('KR_TIMEBOUND: a deadline inside the cycle', () => {
  test.each(['2026-04-01', '2026-06-30', '2026-05-15'])('quarterly KR due %s (inside, bounds included): fine', (deadline) => {
    expect(run(withKr({ deadline }), 'KR_TIMEBOUND')).toEqual([]);
  });

  test.each(['2026-03-31', '2026-07-01'])('quarterly KR due %s: error with the quarter bounds', (deadline) => {
    const { zh, en } = texts(withKr({ deadline }), 'KR_TIMEBOUND');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'error', params: { key: 'outsideQuarter', deadline } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${krCell(2, 1, 'deadline')}`);
    expect(zh[0].message).toBe(`目标2的KR1是季度KR，完成期限${deadline}不在本季度（2026-04-01至2026-06-30）内`);
    expect(en[0].message).toContain(`deadline ${deadline} is outside the quarter (2026-04-01 to 2026-06-30)`);
  });

  test.each(['2026-01-01', '2026-12-31', '2026-09-30'])('annual KR due %s (in the year): fine', (deadline) => {
    expect(run(withKr({ deadline, period: 'annual' }), 'KR_TIMEBOUND')).toEqual([]);
  });

  test.each(['2025-12-31', '2027-01-01'])('annual KR due %s: error naming the year', (deadline) => {
    const { zh, en } = texts(withKr({ deadline, period: 'annual' }), 'KR_TIMEBOUND');
    expect(zh).toHaveLength(1);
    expect(zh[0].params).toMatchObject({ key: 'outsideYear', year: 2026 });
    expect(zh[0].message).toBe(`目标2的KR1是年度KR，完成期限${deadline}不在2026年内`);
    expect(en[0].message).toContain(`is an annual KR, but its deadline ${deadline} is outside 2026`);
  });

  test('no deadline: error "missing"', () => {
    const { zh, en } = texts(withKr({ deadline: undefined }), 'KR_TIMEBOUND');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ severity: 'error', cell: krCell(2, 1, 'deadline'), params: { key: 'missing' } });
    expect(zh[0].message).toContain('目标2的KR1未填写完成期限');
    expect(en[0].message).toContain('KR 1 of objective 2 has no deadline');
  });

  test('a deadline cell holding text: error quoting it', () => {
    const { zh, en } = texts(withKr({ deadline: undefined, deadlineText: '下月底' }), 'KR_TIMEBOUND');
    expect(zh).toHaveLength(1);
    expect(zh[0].params).toMatchObject({ key: 'notDate', value: '下月底' });
    expect(zh[0].message).toContain('“下月底”不是有效日期');
    expect(en[0].message).toContain('"下月底", is not a date');
  });

  test('an impossible ISO date is not a date', () => {
    const [f] = run(withKr({ deadline: '2026-02-30' }), 'KR_TIMEBOUND');
    expect(f.params).toMatchObject({ key: 'notDate', value: '2026-02-30' });
  });

  test('whitespace-only deadline text counts as no deadline', () => {
    const [f] = run(withKr({ deadline: undefined, deadlineText: '  ' }), 'KR_TIMEBOUND');
    expect(f.params.key).toBe('missing');
  });
});
