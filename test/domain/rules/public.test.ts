import { checkBook } from '../../../src/i18n/findings';
import { at, COMPANY_SHEET, makeBook, PERSON_SHEET, run, texts } from './fixtures';

describe('PUBLIC: card sheets are not hidden', () => {
  test('visible (hidden false or absent): fine', () => {
    const book = makeBook();
    book.individuals[0].hidden = false;
    expect(run(book, 'PUBLIC')).toEqual([]);
  });

  test('hidden individual card: warning on the sheet', () => {
    const book = makeBook();
    book.individuals[0].hidden = true;
    const { zh, en } = texts(book, 'PUBLIC');
    expect(zh).toHaveLength(1);
    expect(zh[0]).toMatchObject({ rule: 'PUBLIC', severity: 'warning', params: { key: 'hidden' } });
    expect(at(zh[0])).toBe(`individual|销售部|张三|${PERSON_SHEET}|`);
    expect(zh[0].message).toContain('工作表被隐藏');
    expect(en[0].message).toContain('sheet is hidden');
  });

  test('hidden company sheet: level company', () => {
    const book = makeBook();
    book.company.hidden = true;
    expect(at(run(book, 'PUBLIC')[0])).toBe(`company|||${COMPANY_SHEET}|`);
  });
});

describe('PUBLIC: everyone on the staff list has a card', () => {
  it('reports a listed person whose card is gone (deleted sheet), in both languages, and nobody else', () => {
    const book = makeBook();
    book.org.people.push({ name: '王五', department: book.org.departments[0].name, head: false });
    const zh = checkBook(book, { lang: 'zh-CN' }).filter((f) => f.rule === 'PUBLIC');
    expect(zh.map((f) => [f.owner, f.params.key])).toEqual([['王五', 'missing']]);
    expect(zh[0].message).toContain('人员名单中的王五');
    expect(checkBook(book, { lang: 'en-US' }).find((f) => f.rule === 'PUBLIC')?.message).toMatch(/^王五 \(.+\) is on the staff list but has no individual OKR card/);
  });

  it('leaves departed cards out of every rule', () => {
    const book = makeBook();
    const card = book.individuals[0];
    card.hidden = true;
    card.objectives = [];
    expect(checkBook(book, { lang: 'zh-CN' }).some((f) => f.owner === card.owner)).toBe(true);
    card.departed = '已离职 2026-11-28';
    expect(checkBook(book, { lang: 'zh-CN' }).some((f) => f.owner === card.owner)).toBe(false);
  });
});
