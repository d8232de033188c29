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
