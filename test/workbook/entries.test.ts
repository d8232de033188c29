import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { RATING_WORDS } from '../../src/domain/labels';
import { DEFAULT_SETTINGS, RATING_CODES, type Card, type KeyResult, type Lang, type Objective, type Organisation, type RatingCode } from '../../src/domain/model';
import { bottomUpShare, departmentBottomUpShare } from '../../src/domain/rules';
import { cardShows, scoreCard } from '../../src/domain/scoring';
import { text } from '../../src/i18n';
import { main } from '../../src/cli/main';
import { checkBook, checkCard, type Finding } from '../../src/i18n/findings';
import { addr } from '../../src/templates/a1';
import { buildWorkbook } from '../../src/templates/build';
import { cardLayout, type CardField } from '../../src/templates/card-layout';
import { readXlsxBook } from '../../src/xlsx/read';
import { planWorkbook } from '../support/plan-file';
import { readValues, recalcXlsx, type CellScalar } from '../support/libreoffice';
import { describeWith } from '../support/tools';
import { CYCLE, tempDir } from './build-fixture';

/**
 * Issue #11, items 1 and 2, through the file: entries a formula cannot use (text in a score, weight
 * or progress cell, an off-list word) are errors on their cell, in the card's check cells and in
 * `check`, and never count silently; what is unambiguous (由下而上, full-width spaces, case, ＃ in an
 * alignment) reads the same in the engine and in the workbook; and the rating bands' ends
 * (BAD ≤ 0.4 < FAIR < 0.6 ≤ GOOD ≤ 0.7 < EXCELLENT, on the score rounded to 4 decimals) are the
 * same in LibreOffice's recalculation and in the TypeScript scoring.
 */

const kr = (no: number, over: Partial<KeyResult> = {}): KeyResult => ({
  no, text: `关键结果${no}`, deliverable: '', target: '目标值', criteria: '评分标准', deadline: '2026-12-15', period: 'quarter', ...over,
});
const obj = (no: number, krs: KeyResult[], over: Partial<Objective> = {}): Objective => ({
  no, text: `目标${no}`, source: 'bottom-up', alignedTo: '技术部#1', krs, ...over,
});
const person = (owner: string, objectives: Objective[]): Card => ({ level: 'individual', department: '技术部', owner, objectives, signOff: {} });

/** Card scores at every band end (each card: one objective, one KR whose manager score is the card's score). */
const BOUNDARIES: [number, RatingCode][] = [
  [0, 'BAD'], [0.3999, 'BAD'], [0.4, 'BAD'], [0.40004, 'BAD'], [0.40006, 'FAIR'], [0.4001, 'FAIR'], [0.5, 'FAIR'],
  [0.59994, 'FAIR'], [0.5999, 'FAIR'], [0.59996, 'GOOD'], [0.6, 'GOOD'], [0.65, 'GOOD'], [0.7, 'GOOD'],
  [0.70004, 'GOOD'], [0.70006, 'EXCELLENT'], [0.7001, 'EXCELLENT'], [1, 'EXCELLENT'],
];

/** Raw entries written into a card after it is generated, as a person types or pastes them. */
interface Spoil { owner: string; cells: [CardField, number, ExcelJS.CellValue][]; expect: { field: string; cell: CardField; row: number }[] }
const NOT_SCORED = '尚未评分';
const R1 = 7; // first slot row
const R2 = 8;
const SPOILS: Spoil[] = [
  // The issue's example: 0.7分 as manager score, no self score.
  { owner: '文本上级分', cells: [['managerScore', R1, '0.7分']], expect: [{ field: 'managerScore', cell: 'managerScore', row: R1 }] },
  { owner: '全角自评', cells: [['selfScore', R1, '０.７']], expect: [{ field: 'selfScore', cell: 'selfScore', row: R1 }] },
  { owner: '文本六十', cells: [['managerScore', R1, '60'], ['selfScore', R1, 0.5]], expect: [{ field: 'managerScore', cell: 'managerScore', row: R1 }] },
  { owner: '文本权重', cells: [['krWeight', R1, '50%'], ['krWeight', R2, 0.5]], expect: [{ field: 'krWeight', cell: 'krWeight', row: R1 }] },
  { owner: '文本目标权重', cells: [['objWeight', R1, '100%']], expect: [{ field: 'objWeight', cell: 'objWeight', row: R1 }] },
  { owner: '文本进度', cells: [['progress', R2, '一半']], expect: [{ field: 'progress', cell: 'progress', row: R2 }] },
  { owner: '状态完成', cells: [['status', R1, '完成'], ['status', R2, ' 已完成 ']], expect: [{ field: 'status', cell: 'status', row: R1 }] },
  { owner: '周期季', cells: [['period', R1, '季'], ['period', R2, ' 年度 '], ['deadline', R2, new Date(Date.UTC(2026, 2, 1))]], expect: [{ field: 'period', cell: 'period', row: R1 }] },
  { owner: '来源上级', cells: [['source', R1, '上级定']], expect: [{ field: 'source', cell: 'source', row: R1 }] },
  { owner: '协商可以', cells: [['agreed', R1, '可以']], expect: [{ field: 'agreed', cell: 'agreed', row: R1 }] },
  // Unambiguous spellings: read, never flagged, and counted the same way by the formulas.
  { owner: '由下而上', cells: [['source', R1, '由下而上'], ['agreed', R1, '同意'], ['alignedTo', R1, '技术部 ＃ １']], expect: [] },
  { owner: '自下向上', cells: [['source', R1, '自下向上\u3000'], ['agreed', R1, ' Yes ']], expect: [] },
  { owner: '英文来源', cells: [['source', R1, ' Bottom-Up ']], expect: [] },
];

function cards(): { company: Card; departments: Card[]; individuals: Card[]; org: Organisation } {
  const company: Card = { level: 'company', objectives: [obj(1, [kr(1, { selfScore: 0.6 })], { source: undefined, alignedTo: undefined, category: '游戏' })], signOff: {} };
  const dept: Card = { level: 'department', department: '技术部', objectives: [obj(1, [kr(1, { selfScore: 0.65 })], { alignedTo: 'company#1' })], signOff: {} };
  const individuals = [
    ...BOUNDARIES.map(([s], i) => person(`边界${i + 1}`, [obj(1, [kr(1, { managerScore: s })])])),
    ...SPOILS.map((sp) => person(sp.owner, [obj(1, [kr(1, { selfScore: 0.8 }), kr(2, { selfScore: 0.5 })], { source: 'top-down' })])),
  ];
  // The spoiled cards start from clean, typed values; the bad entries replace them in the file.
  for (const c of individuals.slice(BOUNDARIES.length)) {
    const sp = SPOILS.find((x) => x.owner === c.owner)!;
    if (sp.cells.some(([f]) => f === 'managerScore' || f === 'selfScore')) { delete c.objectives[0].krs[0].selfScore; delete c.objectives[0].krs[0].managerScore; }
  }
  // Objectives set, nothing scored yet (mid-quarter): 未评分, not a 0.00 差.
  individuals.push(person(NOT_SCORED, [obj(1, [kr(1), kr(2)])]));
  const org: Organisation = {
    departments: [{ name: '技术部' }],
    people: individuals.map((c) => ({ name: c.owner!, department: '技术部', head: false })),
  };
  return { company, departments: [dept], individuals, org };
}

async function writeBook(dir: string, lang: Lang): Promise<string> {
  const { org, ...rest } = cards();
  const { plan } = buildWorkbook({ lang, cycle: CYCLE, settings: DEFAULT_SETTINGS, org, ...rest });
  const wb = await planWorkbook(plan);
  const L = cardLayout('individual');
  for (const ws of wb.worksheets) {
    const sp = SPOILS.find((x) => ws.getCell('B2').value === x.owner);
    if (!sp) continue;
    for (const [f, row, v] of sp.cells) ws.getCell(row, L.col(f)).value = v;
  }
  // Deliberately wrong cached results: a formula LibreOffice did not recalculate cannot pass.
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => {
    if (c.type === ExcelJS.ValueType.Formula) c.value = { ...(c.value as ExcelJS.CellFormulaValue), result: -7 }; // a shared formula stays shared
  }));
  const file = path.join(dir, `entries-${lang}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

const blank = (v: CellScalar | undefined) => v === null || v === undefined || v === '';
const mark = (v: CellScalar | undefined) => (blank(v) ? '' : String(v).slice(0, 1));
const expectedMark = (fs: Finding[]) => (fs.some((f) => f.severity === 'error') ? '✗' : fs.length ? '⚠' : '✓');
const key = (f: Finding) => String(f.params.key ?? '');
const KR_ENTRY = ['krWeight', 'progress', 'selfScore', 'managerScore', 'period', 'status'];
const SCORE_ENTRY = ['progress', 'selfScore', 'managerScore'];

/** Every score, rating and check cell of a card against the engine: the mismatches, as text. */
function compare(card: Card, findings: Finding[], values: Map<string, CellScalar>, lang: Lang): string[] {
  const L = cardLayout(card.level);
  const out: string[] = [];
  const at = (a: string) => values.get(a);
  const close = (cell: string, expected: number | undefined) => {
    const actual = at(cell);
    if (expected === undefined ? !blank(actual) : typeof actual !== 'number' || Math.abs(actual - expected) > 1e-9) out.push(`${card.sheet}!${cell}: ${expected} ≠ ${actual}`);
  };
  const scored = scoreCard(card, DEFAULT_SETTINGS.bands);
  const shows = cardShows(scored);
  close('B3', shows.score);
  const rating = at('D3') === text(lang).sheets.labels.notScored ? 'notScored' : RATING_CODES.find((c) => RATING_WORDS[c][lang] === at('D3'));
  if (rating !== shows.rating) out.push(`${card.sheet}!D3: ${shows.rating} ≠ ${at('D3')}`);
  if (card.level !== 'company') close('J3', bottomUpShare(card.objectives).share);
  const h4 = findings.filter((f) => f.rule === 'SCORE_RANGE' || (f.rule === 'ENTRY' && SCORE_ENTRY.includes(String(f.params.field))));
  if (expectedMark(h4) !== mark(at('H4'))) out.push(`${card.sheet}!H4: ${h4.map(key)} ≠ ${at('H4')}`);
  card.objectives.forEach((o, i) => {
    close(addr(o.ref!.row, L.col('objScore')), scored.objectiveScores[i]);
    const objFs = findings.filter((f) => f.params.o === o.no && (f.rule === 'KR_COUNT' || (f.rule === 'WEIGHTS' && key(f).startsWith('kr'))
      || (f.rule === 'O_SPECIFIC' && key(f) === 'empty') || (f.rule === 'ENTRY' && f.params.kr === undefined)));
    const oc = addr(o.ref!.row, L.col('objCheck'));
    if (expectedMark(objFs) !== mark(at(oc))) out.push(`${card.sheet}!${oc}: ${objFs.map(key)} ≠ ${at(oc)}`);
    for (const k of o.krs) {
      const r = k.ref!.row;
      const fin = k.managerScore ?? k.selfScore ?? 0;
      close(addr(r, L.col('finalScore')), Math.min(1, Math.max(0, fin)));
      const krFs = findings.filter((f) => f.params.o === o.no && f.params.kr === k.no && (['KR_MEASURABLE', 'KR_TIMEBOUND', 'SCORE_RANGE'].includes(f.rule)
        || (f.rule === 'O_SPECIFIC' && key(f) === 'krEmpty') || (f.rule === 'ENTRY' && KR_ENTRY.includes(String(f.params.field)))));
      const kc = addr(r, L.col('krCheck'));
      if (expectedMark(krFs) !== mark(at(kc))) out.push(`${card.sheet}!${kc}: ${krFs.map((f) => `${f.rule}:${key(f)}`)} ≠ ${at(kc)}`);
    }
  });
  return out;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'okr-workbook', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('entries a formula cannot use, read from the file', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await tempDir('entries');
    file = await writeBook(dir, 'zh-CN');
  });

  it('are ENTRY errors on their cells; unambiguous spellings read as their word and never count silently', async () => {
    const book = await readXlsxBook(await fs.readFile(file));
    const L = cardLayout('individual');
    const findings = checkBook(book, { lang: 'zh-CN' });
    for (const sp of SPOILS) {
      const card = book.individuals.find((c) => c.owner === sp.owner)!;
      const entry = findings.filter((f) => f.rule === 'ENTRY' && f.owner === sp.owner);
      expect({ owner: sp.owner, entry: entry.map((f) => [f.params.field, f.sheet, f.cell]) }).toEqual({
        owner: sp.owner, entry: sp.expect.map((e) => [e.field, card.sheet, addr(e.row, L.col(e.cell))]),
      });
      for (const f of entry) expect(f.severity).toBe('error');
    }
    const by = (owner: string) => book.individuals.find((c) => c.owner === owner)!;
    // 0.7分 counts as no score (0, listed as unscored), as the card's formula counts it — and is an error.
    const text07 = scoreCard(by('文本上级分'), DEFAULT_SETTINGS.bands);
    expect(text07.objectiveScores[0]).toBeCloseTo((0 + 0.5) / 2, 12);
    expect(text07.unscored.map((k) => k.no)).toEqual([1]);
    const msg = findings.find((f) => f.rule === 'ENTRY' && f.owner === '文本上级分')!;
    expect(msg.message).toContain('“0.7分”不是数字');
    // A number typed as text says what it reads as.
    expect(findings.find((f) => f.rule === 'ENTRY' && f.owner === '全角自评')!.message).toContain('请重新输入为数字0.7');
    // The procedure's own wording, full-width spaces, case and ＃ read as the import reads them.
    for (const owner of ['由下而上', '自下向上', '英文来源']) expect(by(owner).objectives[0].source).toBe('bottom-up');
    expect(by('由下而上').objectives[0]).toMatchObject({ agreed: true, alignedTo: '技术部#1' });
    expect(findings.filter((f) => ['由下而上', '自下向上', '英文来源'].includes(f.owner) && ['ENTRY', 'ALIGNMENT'].includes(f.rule))).toEqual([]);
    expect(by('状态完成').objectives[0].krs[1].status).toBe('done');
    expect(by('周期季').objectives[0].krs.map((k) => k.period)).toEqual(['quarter', 'annual']);
  });

  it('okr-workbook check names each unreadable entry with its cell; score does not rate on them silently', async () => {
    const r = await run('check', file);
    const book = await readXlsxBook(await fs.readFile(file));
    const sheet = book.individuals.find((c) => c.owner === '文本上级分')!.sheet!;
    expect(r.out).toContain(sheet);
    expect(r.out).toMatch(/Q7/);
    expect(r.out).toContain('“0.7分”不是数字');
    expect(r.out).toContain('“完成”不在下拉列表中');
    expect(r.out).toContain('“季”不在下拉列表中');
    const scored = path.join(dir, 'scored.xlsx');
    const s = await run('score', file, '--out', scored);
    // Scoring refuses, names the unreadable entries, and writes nothing.
    expect(s.code).toBe(2);
    expect(s.err).toContain('“0.7分”不是数字');
    expect(s.err).toMatch(/不能评分/);
    await expect(fs.stat(scored)).rejects.toThrow();
  });
});

describe('rating bands in the TypeScript scoring', () => {
  it.each(BOUNDARIES)('%p rates %s', (score, code) => {
    const card = person('x', [obj(1, [kr(1, { managerScore: score })])]);
    expect(scoreCard(card, DEFAULT_SETTINGS.bands).rating).toBe(code);
  });
});

describeWith('soffice')('LibreOffice recalculates such cards as the engine scores and checks them', () => {
  for (const lang of ['zh-CN', 'en-US'] as Lang[]) {
    it(`${lang}: band ends, unreadable entries and synonyms`, async () => {
      const dir = await tempDir(`entries-lo-${lang}`);
      const file = await writeBook(dir, lang);
      const [recalculated] = await recalcXlsx([file], path.join(dir, 'out'));
      const values = await readValues(recalculated);
      const book = await readXlsxBook(await fs.readFile(file));
      const all = [book.company, ...book.departments, ...book.individuals];
      expect(all).toHaveLength(2 + BOUNDARIES.length + SPOILS.length + 1);
      const mismatches = all.flatMap((c) => compare(c, checkCard(c, book, { lang }), values.get(c.sheet!)!, lang));
      expect(mismatches).toEqual([]);
      // Every band end as LibreOffice rates it.
      BOUNDARIES.forEach(([s, code], i) => {
        const card = book.individuals.find((c) => c.owner === `边界${i + 1}`)!;
        expect([s, values.get(card.sheet!)!.get('D3')]).toEqual([s, RATING_WORDS[code][lang]]);
      });
      // The department card's live BOTTOM_UP check: the share over its card and its people's, as checkBook computes it.
      const dept = values.get(book.departments[0].sheet!)!;
      const share = departmentBottomUpShare(book, '技术部');
      expect(share.total).toBe(1 + BOUNDARIES.length + SPOILS.length + 1);
      expect(dept.get('L3')).toBeCloseTo(share.share!, 12);
      const low = checkBook(book, { lang }).some((f) => f.rule === 'BOTTOM_UP' && f.level === 'department');
      expect([low, String(dept.get('L4')).slice(0, 1)]).toEqual([share.share! < 0.6, low ? '✗' : '✓']);
      // A card with objectives and no score yet: an empty score and 未评分 / Not scored, never 0.00 差.
      const waiting = values.get(book.individuals.find((c) => c.owner === NOT_SCORED)!.sheet!)!;
      expect([waiting.get('B3') ?? '', waiting.get('D3')]).toEqual(['', lang === 'zh-CN' ? '未评分' : 'Not scored']);
      // The issue's example: a red ✗ on the KR row and on the card, never "✓ everywhere".
      const L = cardLayout('individual');
      const v = values.get(book.individuals.find((c) => c.owner === '文本上级分')!.sheet!)!;
      expect(String(v.get(addr(R1, L.col('krCheck'))))).toMatch(lang === 'zh-CN' ? /^✗ .*上级评分不是数字/ : /^✗ .*manager score is not a number/);
      expect(String(v.get('H4'))).toMatch(/^✗/);
      expect(String(v.get('J4'))).toMatch(/^✗/);
    }, 120_000);
  }
});
