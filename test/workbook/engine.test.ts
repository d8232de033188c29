import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { RATING_WORDS } from '../../src/domain/labels';
import { DEFAULT_SETTINGS, RATING_CODES, type Card, type Lang, type Organisation, type RatingCode } from '../../src/domain/model';
import { checkCard, type Finding } from '../../src/i18n/findings';
import { cardShows, scoreCard } from '../../src/domain/scoring';
import { text } from '../../src/i18n';
import { prng, randomCards } from '../support/synthetic';
import { addr } from '../../src/templates/a1';
import { buildWorkbook } from '../../src/templates/build';
import { cardLayout } from '../../src/templates/card-layout';
import { readXlsxBook } from '../../src/xlsx/read';
import { planWorkbook } from '../support/plan-file';
import { readValues, recalcXlsx, type CellScalar } from '../support/libreoffice';
import { describeWith } from '../support/tools';
import { CYCLE, tempDir } from './build-fixture';

/**
 * The workbook's own formulas, recalculated by a real spreadsheet engine, must agree with the
 * TypeScript scoring and rules on every card: scores, ratings and every live check cell.
 */
const describeIfSoffice = describeWith('soffice');

/** Breaks some KRs the ways people do: blank target/criteria/deadline, dates outside the cycle, texts as dates. */
function mutate(cards: Card[], seed: number): void {
  const r = prng(seed);
  for (const c of cards) for (const o of c.objectives) {
    if (r() < 0.05) o.text = '';
    for (const kr of o.krs) {
      const x = r();
      if (x < 0.05) kr.target = '';
      else if (x < 0.1) kr.criteria = ' ';
      else if (x < 0.15) delete kr.deadline;
      else if (x < 0.2) kr.deadline = '2026-09-30';
      else if (x < 0.25) kr.deadline = '2026-12-31';
      else if (x < 0.28) { delete kr.deadline; kr.deadlineText = '月底'; }
      else if (x < 0.31) { kr.period = 'annual'; kr.deadline = '2026-03-01'; }
      else if (x < 0.33) kr.text = '';
      if (r() < 0.05) kr.progress = r() < 0.5 ? 1.5 : 0.35;
    }
  }
}

function orgOf(cards: Card[]): Organisation {
  const depts = [...new Set(cards.map((c) => c.department ?? ''))];
  return {
    departments: depts.map((name) => ({ name })),
    people: cards.filter((c) => c.level === 'individual').map((c) => ({ name: c.owner ?? '', department: c.department ?? '', head: false })),
  };
}

const ratingOf = (label: CellScalar, lang: Lang): RatingCode | undefined => RATING_CODES.find((c) => RATING_WORDS[c][lang] === label);
const blank = (v: CellScalar | undefined) => v === null || v === undefined || v === '';
const mark = (v: CellScalar | undefined) => (blank(v) ? '' : String(v).slice(0, 1));

/** What a check cell must show for a set of findings: ✗ for an error, ⚠ for a warning only, ✓ otherwise. */
function expectedMark(fs: Finding[]): string {
  if (fs.some((f) => f.severity === 'error')) return '✗';
  if (fs.length) return '⚠';
  return '✓';
}

interface Mismatch { sheet: string; cell: string; what: string; expected: unknown; actual: unknown }

function compareCard(card: Card, findings: Finding[], values: Map<string, CellScalar>, lang: Lang, out: Mismatch[]): void {
  const L = cardLayout(card.level);
  const sheet = card.sheet!;
  const at = (a: string) => values.get(a);
  const push = (cell: string, what: string, expected: unknown, actual: unknown) => out.push({ sheet, cell, what, expected, actual });
  const close = (cell: string, what: string, expected: number | undefined, actual: CellScalar | undefined) => {
    if (expected === undefined ? !blank(actual) : typeof actual !== 'number' || Math.abs(actual - expected) > 1e-9) push(cell, what, expected, actual);
  };

  const scored = scoreCard(card, DEFAULT_SETTINGS.bands);
  const shows = cardShows(scored);
  close('B3', 'card score', shows.score, at('B3'));
  const rating = at('D3') === text(lang).sheets.labels.notScored ? 'notScored' : ratingOf(at('D3') ?? null, lang);
  if (rating !== shows.rating) push('D3', 'rating', shows.rating, at('D3'));
  card.objectives.forEach((o, i) => {
    const row = o.ref!.row;
    close(addr(row, L.col('objScore')), `objective ${o.no} score`, scored.objectiveScores[i], at(addr(row, L.col('objScore'))));
    for (const kr of o.krs) {
      const r = kr.ref!.row;
      const fin = kr.managerScore ?? kr.selfScore ?? 0;
      close(addr(r, L.col('finalScore')), `KR ${o.no}.${kr.no} final`, Math.min(1, Math.max(0, fin)), at(addr(r, L.col('finalScore'))));
    }
  });

  const key = (f: Finding) => String(f.params.key ?? '');
  const cardChecks: [string, Finding[]][] = [
    ['B4', findings.filter((f) => f.rule === 'O_COUNT')],
    ['D4', findings.filter((f) => f.rule === 'WEIGHTS' && key(f).startsWith('obj'))],
    ['H4', findings.filter((f) => f.rule === 'SCORE_RANGE')],
  ];
  for (const [cell, fs] of cardChecks) if (expectedMark(fs) !== mark(at(cell))) push(cell, 'card check', fs.map((f) => f.params.key), at(cell));

  for (const o of card.objectives) {
    const objFs = findings.filter((f) => f.params.o === o.no && (
      f.rule === 'KR_COUNT' || (f.rule === 'WEIGHTS' && key(f).startsWith('kr')) || (f.rule === 'O_SPECIFIC' && key(f) === 'empty')));
    const cell = addr(o.ref!.row, L.col('objCheck'));
    if (expectedMark(objFs) !== mark(at(cell))) push(cell, `objective ${o.no} check`, objFs.map((f) => key(f)), at(cell));
    for (const kr of o.krs) {
      const krFs = findings.filter((f) => f.params.o === o.no && f.params.kr === kr.no && (
        ['KR_MEASURABLE', 'KR_TIMEBOUND', 'SCORE_RANGE'].includes(f.rule) || (f.rule === 'O_SPECIFIC' && key(f) === 'krEmpty')));
      const c = addr(kr.ref!.row, L.col('krCheck'));
      if (expectedMark(krFs) !== mark(at(c))) push(c, `KR ${o.no}.${kr.no} check`, krFs.map((f) => `${f.rule}:${key(f)}`), at(c));
    }
  }
}

async function spoilCachedResults(file: string): Promise<void> {
  // Deliberately wrong cached results: a formula LibreOffice did not recalculate cannot pass.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => {
    if (c.type === ExcelJS.ValueType.Formula) c.value = { ...(c.value as ExcelJS.CellFormulaValue), result: -7 }; // a shared formula stays shared
  }));
  await wb.xlsx.writeFile(file);
}

describeIfSoffice('card formulas recalculated by LibreOffice agree with the TypeScript scoring and rules', () => {
  for (const lang of ['zh-CN', 'en-US'] as Lang[]) {
    it(`${lang}: 80 random cards, every score, rating and check cell`, async () => {
      const seed = lang === 'zh-CN' ? 11 : 23;
      const individuals = randomCards(seed, { count: 70 });
      const departments = randomCards(seed + 1, { count: 5, level: 'department' });
      const [company] = randomCards(seed + 2, { count: 1, level: 'company' });
      mutate([...individuals, ...departments, company], seed);
      const org = orgOf([...departments, ...individuals]);
      const { plan } = buildWorkbook({ lang, cycle: CYCLE, settings: DEFAULT_SETTINGS, org, company, departments, individuals });
      const dir = await tempDir('engine');
      const file = path.join(dir, 'book.xlsx');
      await (await planWorkbook(plan)).xlsx.writeFile(file);
      await spoilCachedResults(file);
      const [recalculated] = await recalcXlsx([file], path.join(dir, 'out'));
      const values = await readValues(recalculated);

      // The cards as the workbook holds them, read back by the file adapter.
      const book = await readXlsxBook(await fs.readFile(file));
      const cards = [book.company, ...book.departments, ...book.individuals];
      expect(cards).toHaveLength(76);
      const mismatches: Mismatch[] = [];
      let checked = 0;
      for (const card of cards) {
        compareCard(card, checkCard(card, book, { lang }), values.get(card.sheet!)!, lang, mismatches);
        checked += card.objectives.reduce((n, o) => n + 1 + o.krs.length, 0);
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(500);
      // Boundary scores really occurred, so the band edges were exercised.
      const scores = [...values.values()].flatMap((m) => [...m.values()]).filter((v): v is number => typeof v === 'number');
      for (const edge of [0.4, 0.6, 0.7]) expect(scores.some((s) => Math.abs(s - edge) < 1e-9)).toBe(true);
    });
  }
});
