import { promises as fs } from 'fs';
import * as path from 'path';
import { both, text } from '../../src/i18n';
import { formatDate, formatPercent, formatScore } from '../../src/i18n/format';
import { renderFinding } from '../../src/i18n/findings';
import type { Finding } from '../../src/domain/rules';

/** Every key path of a catalogue, a function or string being a leaf. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('the catalogues', () => {
  it('have the same keys in both languages, all the way down', () => {
    const zh = keyPaths(text('zh-CN')).sort();
    const en = keyPaths(text('en-US')).sort();
    expect(en).toEqual(zh);
    expect(zh.length).toBeGreaterThan(300);
  });

  it('hold a leaf of the same kind (text or sentence) under each key', () => {
    const kinds = both((c) => c);
    for (const p of keyPaths(kinds['zh-CN'])) {
      const at = (root: unknown) => p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], root);
      expect([p, typeof at(kinds['en-US'])]).toEqual([p, typeof at(kinds['zh-CN'])]);
    }
  });

  it('render a domain finding (data only) in either language', () => {
    const f: Finding = { rule: 'O_COUNT', severity: 'warning', level: 'company', department: '', owner: '', sheet: '目标体系图', cell: '', params: { key: 'none', count: 0, min: 3, max: 5 } };
    expect(renderFinding(f, 'zh-CN')).toBe('本卡尚未填写目标。每季度应设定3-5个目标');
    expect(renderFinding(f, 'en-US')).toBe('This card has no objectives yet; each quarter should have 3–5.');
  });
});

describe('the formatter', () => {
  it('shows a score rounded as rated, with two decimals at most and one at least', () => {
    expect(formatScore(0.6543)).toBe('0.65');
    expect(formatScore(0.6525)).toBe('0.65');
    expect(formatScore(0.64995)).toBe('0.65');
    expect(formatScore(0.7)).toBe('0.7');
    expect(formatScore(1)).toBe('1.0');
    expect(formatScore(0)).toBe('0.0');
    expect(formatScore(-0.1)).toBe('-0.1');
    expect(formatScore(1.2)).toBe('1.2');
  });

  it('shows a percentage with up to two decimals', () => {
    expect(formatPercent(0.6)).toBe('60%');
    expect(formatPercent(0.5714)).toBe('57.14%');
    expect(formatPercent(0.30000000000000004)).toBe('30%');
  });

  it('shows a date as ISO year-month-day', () => {
    expect(formatDate(new Date(2026, 11, 31))).toBe('2026-12-31');
    expect(formatDate('2026-01-05')).toBe('2026-01-05');
  });
});

// ---- no language comparisons outside the catalogue --------------------------------------------------

const SRC = path.join(__dirname, '../../src');
const COMPARISON = /[!=]==\s*['"](zh-CN|en-US)['"]|['"](zh-CN|en-US)['"]\s*[!=]==|['"](zh-CN|en-US)['"]\s*\?/;

/** Where a comparison with a language is allowed: parsing the user's choice, and the catalogue. */
const ALLOWED = [
  'i18n/', // the catalogue itself, and parsing a language tag
];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : Promise.resolve([path.join(dir, e.name)]))));
  return nested.flat().filter((f) => /\.tsx?$/.test(f));
}

it('no source file outside src/i18n compares languages (so every word goes through the catalogue)', async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    if (ALLOWED.some((a) => rel.startsWith(a))) continue;
    (await fs.readFile(file, 'utf8')).split('\n').forEach((line, i) => {
      if (COMPARISON.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(offenders).toEqual([]);
});
