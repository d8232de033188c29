/** `update --left-on`: departed cards are marked with the date HR gives, and a date that is not one is refused. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { cli, newExample, openXlsx, ORG } from '../lifecycle/helpers';
import { tempDir } from '../workbook/build-fixture';

describe('update --left-on', () => {
  let dir: string;
  let book: string;
  let org: string;
  beforeAll(async () => {
    dir = await tempDir('left-on');
    book = await newExample(dir);
    org = path.join(dir, 'org-left.csv');
    const text = await fs.readFile(ORG, 'utf8');
    await fs.writeFile(org, text.split('\n').filter((l) => !l.startsWith('总经办,何静,')).join('\n'));
  });

  it('marks the card of who left with that date', async () => {
    const out = path.join(dir, 'left.xlsx');
    const r = await cli('update', book, '--org', org, '--left-on', '2026-11-30', '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect((await openXlsx(out)).getWorksheet('个人-何静')!.getCell('N2').value).toBe('已离职 2026-11-30');
  });

  it('refuses a date that does not exist, in the user\'s language, and writes nothing', async () => {
    const out = path.join(dir, 'bad.xlsx');
    const zh = await cli('update', book, '--org', org, '--left-on', '2026-11-31', '--out', out);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain('离职日期“2026-11-31”无效，应为 2026-11-30 这样的日期。');
    const en = await cli('update', book, '--org', org, '--left-on', '30/11/2026', '--out', out, '--lang', 'en-US');
    expect(en.err).toContain('Leave date "30/11/2026" is not valid; write it like 2026-11-30.');
    await expect(fs.access(out)).rejects.toThrow();
  });
});
