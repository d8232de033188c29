import { at, krCell, makeBook, oCell, PERSON_SHEET, run, texts } from './fixtures';

function krWeights(...ws: (number | undefined)[]) {
  const book = makeBook();
  const o = book.individuals[0].objectives[0];
  o.krs = ws.map((w, i) => ({ ...o.krs[0], no: i + 1, weight: w, ref: undefined }));
  return book;
}

function objWeights(...ws: (number | undefined)[]) {
  const book = makeBook();
  book.individuals[0].objectives.forEach((o, i) => (o.weight = ws[i]));
  return book;
}

describe('WEIGHTS: KR weights within an objective', () => {
  test('all blank = equal weights: fine', () => {
    expect(run(krWeights(undefined, undefined, undefined), 'WEIGHTS')).toEqual([]);
  });

  test('0.3 + 0.7 and 0.7 + 0.2 + 0.1 (floating error): fine', () => {
    expect(0.7 + 0.2 + 0.1).not.toBe(1);
    expect(run(krWeights(0.3, 0.7), 'WEIGHTS')).toEqual([]);
    expect(run(krWeights(0.7, 0.2, 0.1), 'WEIGHTS')).toEqual([]);
    expect(run(krWeights(0.3, 0.6, 0.1), 'WEIGHTS')).toEqual([]);
  });

  test('a sum off by at most 0.0001 is 100%', () => {
    expect(run(krWeights(0.3, 0.69995), 'WEIGHTS')).toEqual([]);
    expect(run(krWeights(0.3, 0.6998), 'WEIGHTS')).toHaveLength(1);
  });

  test('weights exactly 0 and 1 are in range', () => {
    expect(run(krWeights(0, 1), 'WEIGHTS')).toEqual([]);
  });

  test('sum 90%: error at the first KR weight cell, naming the sum', () => {
    const { zh, en } = texts(krWeights(0.3, 0.6), 'WEIGHTS');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'WEIGHTS', severity: 'error', params: { key: 'krSum', o: 1, sum: 0.9 } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|${krCell(1, 1, 'weight')}`);
    expect(zh[0].message).toBe('目标1的KR权重合计为90%，应为100%');
    expect(en[0].message).toContain('The KR weights of objective 1 add up to 90%');
  });

  test('a single KR with weight 50%: the sum is wrong', () => {
    expect(run(krWeights(0.5), 'WEIGHTS').map((f) => f.params.key)).toEqual(['krSum']);
  });

  test('some given, some blank: error at the first blank weight', () => {
    const { zh, en } = texts(krWeights(0.5, undefined, 0.5), 'WEIGHTS');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ cell: krCell(1, 2, 'weight'), params: { key: 'krMixed', given: 2, total: 3 } });
    expect(zh[0].message).toContain('目标1的3个KR中只有2个填写了权重');
    expect(en[0].message).toContain('Only 2 of the 3 KRs of objective 1 have a weight');
  });

  test('negative weight or above 100%: error at that weight', () => {
    const { zh, en } = texts(krWeights(-0.2, 1.2), 'WEIGHTS');
    expect(zh.map((f) => [f.params.key, f.cell])).toEqual([
      ['krRange', krCell(1, 1, 'weight')],
      ['krRange', krCell(1, 2, 'weight')],
    ]);
    expect(zh[0].message).toBe('目标1的KR1的权重为-20%，应在0%-100%之间');
    expect(zh[1].message).toContain('KR2的权重为120%');
    expect(en[1].message).toContain('The weight of KR 2 of objective 1 is 120%');
  });
});

describe('WEIGHTS: objective weights on a card', () => {
  test('0.2 + 0.3 + 0.5: fine; all blank: fine', () => {
    expect(run(objWeights(0.2, 0.3, 0.5), 'WEIGHTS')).toEqual([]);
    expect(run(objWeights(), 'WEIGHTS')).toEqual([]);
  });

  test('sum 110%: error at the first objective weight cell', () => {
    const { zh, en } = texts(objWeights(0.4, 0.3, 0.4), 'WEIGHTS');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ cell: oCell(1, 'weight'), params: { key: 'objSum', sum: 1.1 } });
    expect(zh[0].message).toBe('本卡的目标权重合计为110%，应为100%');
    expect(en[0].message).toContain('The objective weights on this card add up to 110%');
  });

  test('one given: mixed, singular in English', () => {
    const { zh, en } = texts(objWeights(undefined, 1), 'WEIGHTS');
    expect(zh[0]).toMatchObject({ cell: oCell(1, 'weight'), params: { key: 'objMixed', given: 1, total: 3 } });
    expect(zh[0].message).toContain('本卡的3个目标中只有1个填写了权重');
    expect(en[0].message).toContain('Only 1 of the 3 objectives on this card has a weight');
  });

  test('weight out of range: error at that objective', () => {
    const [range] = run(objWeights(1.5, -0.25, -0.25), 'WEIGHTS');
    expect(range).toMatchObject({ cell: oCell(1, 'weight'), params: { key: 'objRange', o: 1, weight: 1.5 } });
  });
});
