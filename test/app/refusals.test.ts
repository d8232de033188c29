/**
 * Refusals are values with a typed code and a sentence in each language: every code's sentence is
 * wholly in its language, and the command line prints the refusals it meets as worded, with exit
 * code 2 and no file (the pane's side: refusals-pane.test.tsx).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { refusalMessage } from '../../src/app';
import { REFUSAL_CODES, type RefusalCode } from '../../src/domain/refusal';
import { SAMPLES } from './refusal-samples';
import { TEMPLATE_VERSION } from '../../src/templates/plan';
import { SETTINGS_CELLS } from '../../src/templates/settings-sheet';
import { cli, editFile, newExample, ORG } from '../lifecycle/helpers';
import { tempDir } from '../workbook/build-fixture';

const CJK = /[\u4e00-\u9fff]/;
/** English words of the sentence, leaving out the data in it and the option names it quotes. */
const englishWords = (m: string): string[] => (m.replace(/--[a-z]+|"[^"]*"|AGREED|OKR|KR|Nov|H7/g, '').match(/[A-Za-z]{3,}/g) ?? []);

describe('every refusal code, in both languages', () => {
  it('has a sentence in each language that is wholly in that language', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...REFUSAL_CODES].sort());
    for (const code of REFUSAL_CODES) {
      const zh = refusalMessage(SAMPLES[code], 'zh-CN');
      const en = refusalMessage(SAMPLES[code], 'en-US');
      expect({ code, words: englishWords(zh) }).toEqual({ code, words: [] });
      expect(zh).toMatch(CJK);
      expect({ code, cjk: CJK.test(en.replace(/“[^”]*”|（[^）]*）|[\u4e00-\u9fff]+-[\u4e00-\u9fff]+!|结果运用|设置|目标体系图/g, '')) }).toEqual({ code, cjk: false });
      expect(en.length).toBeGreaterThan(20);
    }
  });

  it('is printed by the command line as it is worded, with exit code 2 and no file', async () => {
    const dir = await tempDir('refusals-cli');
    const book = await newExample(dir);
    const out = (f: string) => path.join(dir, f);
    // The refusals the command line can meet, each through its own command.
    const runs: { code: RefusalCode; expected: string | RegExp; args: string[] }[] = [
      { code: 'notAgreed', expected: /处未协商一致或未签字（AGREED），不能锁定/, args: ['lock', book, '--out', out('a.xlsx')] },
      { code: 'blankReason', expected: refusalMessage(SAMPLES.blankReason, 'en-US'), args: ['lock', book, '--out', out('b.xlsx'), '--override', ' ', '--lang', 'en-US'] },
      { code: 'badMonth', expected: refusalMessage(SAMPLES.badMonth, 'zh-CN'), args: ['review', book, '--month', 'Nov', '--out', out('c.xlsx')] },
      { code: 'badMonth', expected: refusalMessage(SAMPLES.badMonth, 'en-US'), args: ['review', book, '--month', 'Nov', '--out', out('d.xlsx'), '--lang', 'en-US'] },
    ];
    for (const r of runs) {
      const run = await cli(...r.args);
      expect({ code: r.code, exit: run.code }).toEqual({ code: r.code, exit: 2 });
      if (typeof r.expected === 'string') expect(run.err).toContain(r.expected);
      else expect(run.err).toMatch(r.expected);
    }
    // Locked once, a second lock is refused as already locked.
    const locked = out('locked.xlsx');
    expect((await cli('lock', book, '--out', locked, '--override', '试运行')).code).toBe(0);
    const again = await cli('lock', locked, '--out', out('e.xlsx'));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/本季度已于 \d{4}-\d{2}-\d{2} 锁定/);
    // A workbook from newer templates is refused by update.
    const newer = await editFile(book, out('newer.xlsx'), (wb) => { wb.getWorksheet('设置')!.getCell(SETTINGS_CELLS.version).value = 99; });
    const update = await cli('update', newer, '--org', ORG, '--out', out('f.xlsx'));
    expect(update.code).toBe(2);
    expect(update.err).toContain(refusalMessage({ code: 'newerTemplate', version: 99, supported: TEMPLATE_VERSION }, 'zh-CN'));
    expect((await fs.readdir(dir)).sort()).toEqual(['book.xlsx', 'locked.xlsx', 'newer.xlsx']);
  }, 180_000);
});
