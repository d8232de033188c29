import { promises as fs } from 'fs';
import path from 'path';
import { tempDir } from '../workbook/build-fixture';
import { cli, newExample, ORG, readBookOf } from './helpers';

/** The business categories a new workbook offers in 设置 / Settings, in the workbook's language. */
describe('business categories of a new workbook', () => {
  let dir: string;
  beforeAll(async () => { dir = await tempDir('categories'); });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('are English in an en-US workbook, and the categories the imported company objectives use are kept in the list', async () => {
    const book = await readBookOf(await newExample(dir, 'en.xlsx', 'en-US'));
    expect(book.settings.categories.slice(0, 5)).toEqual(['Own platforms', 'External platforms', 'Games', 'Page advertising', 'Other']);
    const used = [...new Set(book.company.objectives.map((o) => o.category).filter((c): c is string => !!c))];
    expect(used.length).toBeGreaterThan(0);
    for (const c of used) expect(book.settings.categories).toContain(c);
  });

  it('are the procedure\'s Chinese ones in a zh-CN workbook without OKRs, and nothing English', async () => {
    const file = path.join(dir, 'zh.xlsx');
    const r = await cli('new', '--org', ORG, '--cycle', '2026-Q4', '--out', file);
    expect(r.code).toBe(0);
    const book = await readBookOf(file);
    expect(book.settings.categories).toEqual(['自有平台', '外部平台', '游戏', '页面广告', '其他']);
  });

  it('are English and only English in an en-US workbook without OKRs', async () => {
    const file = path.join(dir, 'en-empty.xlsx');
    expect((await cli('new', '--org', ORG, '--cycle', '2026-Q4', '--out', file, '--lang', 'en-US')).code).toBe(0);
    expect((await readBookOf(file)).settings.categories).toEqual(['Own platforms', 'External platforms', 'Games', 'Page advertising', 'Other']);
  });
});
