import { checkBook, checkCard, messageKeys, renderFinding, renderMessage, ruleHint, RULE_IDS, ruleTitle } from '../../../src/i18n/findings';
import { DEFAULT_SETTINGS, emptyCard } from '../../../src/domain/model';
import { CYCLE, DEPT, LANGS, makeBook, obj, runAll, snapshot } from './fixtures';

describe('rules engine', () => {
  test('the fixture book is clean in every phase', () => {
    const book = makeBook();
    for (const phase of ['draft', 'lock', 'score'] as const) expect(runAll(book, { phase })).toEqual([]);
    expect(runAll(snapshot(makeBook()), { phase: 'score' })).toEqual([]);
  });

  test('RULE_IDS lists the 15 rules of the design and ENTRY (unreadable entries), once each', () => {
    expect(RULE_IDS).toEqual([
      'O_COUNT', 'KR_COUNT', 'KR_MEASURABLE', 'KR_TIMEBOUND', 'O_SPECIFIC', 'BOTTOM_UP', 'AGREED', 'WEIGHTS',
      'SCORE_RANGE', 'ENTRY', 'O_FROZEN', 'QKR_LOCKED', 'AKR_APPROVAL', 'CARRY_OVER', 'ALIGNMENT', 'PUBLIC',
    ]);
    expect(new Set(RULE_IDS).size).toBe(16);
  });

  test('checkCard reports card-local rules only; checkBook adds the bottom-up shares', () => {
    const book = makeBook();
    book.individuals[0].objectives.forEach((o) => (o.source = 'top-down'));
    book.departments[0].objectives.forEach((o) => (o.source = 'top-down'));
    const card = book.individuals[0];
    expect(checkCard(card, book, { lang: 'zh-CN' })).toEqual([]);
    const all = checkBook(book, { lang: 'zh-CN' });
    expect(all.map((f) => f.rule)).toEqual(['BOTTOM_UP', 'BOTTOM_UP']);
  });

  test('checkCard of one card does not report other cards', () => {
    const book = makeBook();
    book.departments[0].objectives = [];
    const fs = checkCard(book.individuals[0], book, { lang: 'zh-CN' });
    // the person's objectives now point at department objectives that no longer exist
    expect(fs.every((f) => f.owner === '张三' && f.level === 'individual')).toBe(true);
    expect(fs.map((f) => f.rule)).toEqual(['ALIGNMENT', 'ALIGNMENT', 'ALIGNMENT']);
  });

  test('findings come card by card: company, departments, individuals, then bottom-up', () => {
    const book = makeBook();
    book.company.hidden = true;
    book.departments[0].hidden = true;
    book.individuals[0].hidden = true;
    book.individuals[0].objectives.forEach((o) => (o.source = undefined));
    book.departments[0].objectives.forEach((o) => (o.source = undefined));
    const fs = runAll(book);
    expect(fs.map((f) => `${f.rule}:${f.level}`)).toEqual([
      'PUBLIC:company',
      'PUBLIC:department',
      'PUBLIC:individual',
      'BOTTOM_UP:department',
      'BOTTOM_UP:company',
    ]);
  });

  test('a finding re-renders in the other language from its key and params', () => {
    const book = makeBook();
    book.individuals[0].objectives[1].krs = [];
    const [zh] = checkBook(book, { lang: 'zh-CN' });
    const [en] = checkBook(book, { lang: 'en-US' });
    expect(zh.params).toEqual(en.params);
    expect(zh.params.key).toBe('none');
    expect(renderFinding(zh, 'en-US')).toBe(en.message);
    expect(renderFinding(en, 'zh-CN')).toBe(zh.message);
    expect(renderMessage(zh.rule, String(zh.params.key), zh.params, 'en-US')).toBe(en.message);
  });

  test('without refs, a finding keeps the card sheet and an empty cell', () => {
    const book = makeBook();
    const o = obj(4, { krs: [] });
    book.individuals[0].objectives.push(o); // no ref
    const [f] = checkBook(book, { lang: 'zh-CN' }).filter((x) => x.rule === 'KR_COUNT');
    expect(f.sheet).toBe('个人-张三');
    expect(f.cell).toBe('');
    const card = emptyCard('individual', DEPT, '李四');
    card.objectives = [obj(1, { text: '待定', alignedTo: `${DEPT}#1` })];
    card.signOff = { employee: '李四', manager: '李经理' };
    const fs = checkCard(card, book, { lang: 'zh-CN' });
    expect(fs.find((x) => x.rule === 'O_SPECIFIC')).toMatchObject({ sheet: '', cell: '', owner: '李四' });
  });

  test('every finding in a badly broken book renders in both languages without holes', () => {
    const book = snapshot(makeBook());
    const p = book.individuals[0];
    p.hidden = true;
    p.signOff = {};
    p.objectives.push(obj(4), obj(5), obj(6, { text: 'TBD', weight: 2, agreed: false, alignedTo: 'company#9', source: undefined }));
    p.objectives[0].text = '改了';
    p.objectives[0].krs.push({ ...p.objectives[0].krs[0], no: 3, text: '', target: '', criteria: '', deadline: undefined, weight: -1, selfScore: 1.5, managerScore: -0.5, progress: 2, carriedOver: true, period: 'annual' });
    p.objectives[1].krs[0].deadlineText = '下月底';
    p.objectives[1].krs[1].deadline = '2026-07-01';
    p.objectives[2].alignedTo = '';
    book.departments[0].objectives = [];
    book.cycle = { ...CYCLE };
    const zh = runAll(book, { lang: 'zh-CN', phase: 'lock' });
    const en = runAll(book, { lang: 'en-US', phase: 'lock' });
    expect(zh.length).toBeGreaterThan(20);
    expect(en.length).toBe(zh.length);
    for (const f of [...zh, ...en]) {
      expect(f.message).not.toMatch(/undefined|NaN|\$\{|: none$/);
      expect(f.message.length).toBeGreaterThan(10);
    }
    for (const f of zh) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    // English messages hold Chinese only inside quoted user text and names
    for (const f of en) expect(f.message.replace(/"[^"]*"/g, '').replace(/销售部|张三/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('messages', () => {
  test('every rule has a title and a hint in both languages', () => {
    for (const rule of RULE_IDS) {
      for (const lang of LANGS) {
        expect(ruleTitle(rule, lang)).not.toBe(rule);
        expect(ruleHint(rule, lang).length).toBeGreaterThan(10);
        expect(messageKeys(rule).length).toBeGreaterThan(0);
      }
    }
    expect(ruleTitle('O_COUNT', 'zh-CN')).toBe('目标数量');
    expect(ruleTitle('O_COUNT', 'en-US')).toBe('Objective count');
    expect(ruleHint('O_COUNT', 'zh-CN')).toContain('3-5');
    expect(ruleHint('BOTTOM_UP', 'zh-CN')).toContain('60%');
    expect(ruleHint('BOTTOM_UP', 'en-US', { ...DEFAULT_SETTINGS.limits, bottomUpMin: 0.7 })).toContain('70%');
    expect(ruleHint('KR_COUNT', 'en-US')).toContain('4');
  });

  test('an unknown key still says which rule', () => {
    expect(renderMessage('WEIGHTS', 'nope', {}, 'zh-CN')).toContain('权重');
    expect(renderMessage('WEIGHTS', 'toString', {}, 'en-US')).toBe('Weights: toString');
  });
});
