import { isCarriedOver } from '../../../src/domain/rules';
import type { KeyResult } from '../../../src/domain/model';
import { at, krCell, makeBook, PERSON_SHEET, run, texts } from './fixtures';

function withKr(over: Partial<KeyResult>) {
  const book = makeBook();
  Object.assign(book.individuals[0].objectives[0].krs[1], over);
  return book;
}

describe('CARRY_OVER: a carried KR needs a written reason', () => {
  test('isCarriedOver reads the flag and the status word in either language', () => {
    expect(isCarriedOver({ carriedOver: true })).toBe(true);
    expect(isCarriedOver({ status: '结转下期' })).toBe(true);
    expect(isCarriedOver({ status: 'Carried over' })).toBe(true);
    expect(isCarriedOver({ status: 'carried-over' })).toBe(true);
    expect(isCarriedOver({ status: '进行中' })).toBe(false);
    expect(isCarriedOver({ carriedOver: false, status: '' })).toBe(false);
  });

  test('carried over with a reason: fine; not carried: fine', () => {
    expect(run(withKr({ carriedOver: true, carryOverReason: '合作方系统延期上线，需下季度继续推进' }), 'CARRY_OVER')).toEqual([]);
    expect(run(withKr({ status: '已完成' }), 'CARRY_OVER')).toEqual([]);
  });

  test('carried over (flag) without a reason: warning on the KR row', () => {
    const { zh, en } = texts(withKr({ carriedOver: true, carryOverReason: '  ' }), 'CARRY_OVER');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'CARRY_OVER', severity: 'warning', params: { key: 'noReason', o: 1, kr: 2 } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${krCell(1, 2)}`);
    expect(zh[0].message).toContain('目标1的KR2已结转下期，但未写明结转原因');
    expect(en[0].message).toContain('KR 2 of objective 1 is carried over to the next cycle without a written reason');
  });

  test('carried over by status 结转下期 without a reason: warning', () => {
    expect(run(withKr({ status: '结转下期' }), 'CARRY_OVER')).toHaveLength(1);
  });
});
