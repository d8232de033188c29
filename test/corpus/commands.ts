/**
 * The edit commands the corpus tests run, how they are invoked on a corpus file, and what each owns
 * (README, "Command line"): the sheets it rewrites, the names whose text it may change, the extLst
 * entries it writes itself. Everything else in the package must come out byte for byte.
 */
import * as fs from 'fs';
import * as path from 'path';
import { N } from '../../src/templates/names';
import type { Ownership } from './invariants';

export type EditCommand = 'lock' | 'score' | 'review' | 'update';
export const EDIT_COMMANDS: readonly EditCommand[] = ['lock', 'score', 'review', 'update'];

/** test/fixtures/corpus, found upwards from here (this file also runs compiled, from build/…). */
export const CORPUS_DIR = ((): string => {
  for (let d = __dirname; d !== path.dirname(d); d = path.dirname(d)) {
    const c = path.join(d, 'test/fixtures/corpus');
    if (fs.existsSync(path.join(c, 'generated.xlsx')) && !d.includes(`${path.sep}build`)) return c;
  }
  return path.resolve(__dirname, '../fixtures/corpus');
})();
export const REFERENCE = 'generated.xlsx';

/** Every corpus workbook (README.md in CORPUS_DIR says how each was made). */
export const CORPUS_FILES = [
  'generated.xlsx',
  'lo-resaved.xlsx',
  'lo-added.xlsx',
  'openpyxl-resaved.xlsx',
  'openpyxl-added.xlsx',
  'excel-added.xlsx',
  'excel-added.xlsm',
] as const;
export type CorpusFile = (typeof CORPUS_FILES)[number];

/** The command line arguments after the program name. */
export function argv(command: EditCommand, input: string, out: string): string[] {
  switch (command) {
    case 'lock': return ['lock', input, '--out', out, '--override', '季度末统一锁定（语料测试）', '--by', '周丽华', '--force'];
    case 'score': return ['score', input, '--out', out, '--by', '周丽华', '--override', '季度末评分（语料测试）', '--force'];
    case 'review': return ['review', input, '--month', '2026-11', '--out', out, '--force'];
    case 'update': return ['update', input, '--org', path.join(CORPUS_DIR, 'make/org-december.csv'), '--out', out, '--force'];
  }
}

/** The names of 设置's year block, which score defines in a workbook made before it. */
const YEAR_NAMES: readonly string[] = [N.quarterWeights, N.salaryAdjust, N.training, N.positionAfterBad, N.positionText];

const isCard = (n: string): boolean => n.startsWith('部门-') || n.startsWith('个人-');
const SHEETS: Record<EditCommand, (n: string) => boolean> = {
  // lock: the company objectives are on 目标体系图, the departments' and people's on their cards.
  lock: (n) => isCard(n) || n === '目标体系图' || n === '变更记录' || n === 'OKR_锁定',
  // score: the register, the year's quarter column, the change log; in a workbook made before 年度结果,
  // 设置's year block (rows 24–39, columns A–E) that the new sheet's formulas read.
  score: (n) => n === '结果运用' || n === '年度结果' || n === '变更记录' || n === '设置',
  review: (n) => n === '月（季）绩效回顾表',
  // update: cards (headers, status, upgrade), 设置's lists, the review sheet's new rows, the map and KR
  // sheet's alignment lists, the change log.
  update: (n) => isCard(n) || ['设置', '月（季）绩效回顾表', '目标体系图', '关键成果KRS和行动实施表', '变更记录'].includes(n),
};

/** The x14 conditional formats (data bars) the generator writes in the cards' extLst. */
const X14_CONDITIONAL_FORMATS = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';

export function ownership(command: EditCommand): Ownership {
  return {
    sheets: SHEETS[command],
    // The calculation chain is the edit's to keep true where it writes formulas; invariants.ts checks
    // it is still there and names only formula cells.
    parts: (name) => name.toLowerCase().endsWith('calcchain.xml'),
    names: (n) => (command === 'update' && n.startsWith('OKR_')) || (command === 'score' && YEAR_NAMES.includes(n)),
    extUris: (u) => u.toUpperCase() === X14_CONDITIONAL_FORMATS.toUpperCase(),
  };
}
