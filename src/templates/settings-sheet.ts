import { isoToSerial } from '../domain/cycle';
import { PERIOD_WORDS, RATING_WORDS, SOURCE_WORDS, STATUS_WORDS, YES_NO_WORDS, wordsOf } from '../domain/labels';
import { RATING_CODES, type Cycle, type Lang, type Organisation, type Person, type Settings } from '../domain/model';
import { absRange } from './a1';
import { decimalValidation } from './card-validations';
import { alignedText } from './card';
import { Grid, sheetPlan } from './grid';
import { N } from './names';
import type { NamePlan, PlanCell, SheetPlan } from './plan';
import { TEMPLATE_VERSION } from './plan';
import { t } from './text';
import { text } from '../i18n';
import { placeYearBlock, yearOf } from './year-settings';

export const SETTINGS_CELLS = {
  cycle: 'B3', year: 'B4', quarter: 'B5', start: 'B6', end: 'B7', lang: 'B8', version: 'B9',
  minO: 'B12', maxO: 'B13', maxKr: 'B14', bottomUp: 'B15',
  bandsFirstRow: 19,
  /** Columns of the drop-down lists (row 3 header, values from row 4) and the staff table. */
  categoriesCol: 7,
  departmentsCol: 13,
  staffCol: 15,
  listFirstRow: 4,
} as const;

const EXTRA_CATEGORY_ROWS = 5;

export interface SettingsInput {
  sheetName: string;
  lang: Lang;
  cycle: Cycle;
  settings: Settings;
  org: Organisation;
  /** Department names with their card's objective count, for the alignment list. */
  maxObjectives: number;
}

export function buildSettingsSheet(input: SettingsInput): { plan: SheetPlan; names: NamePlan[] } {
  const { lang, cycle, settings, org } = input;
  const g = new Grid();
  const sheet = input.sheetName;
  const names: NamePlan[] = [];
  const name = (n: string, r1: number, c1: number, r2 = r1, c2 = c1) => names.push({ name: n, sheet, ref: absRange(r1, c1, r2, c2) });
  const S = text(lang).sheets.settings;
  const label = (v: string): PlanCell => ({ v, s: 'label' });
  const head = (v: string): PlanCell => ({ v, s: 'header' });

  g.set(1, 1, { v: t('titleSettings', lang), s: 'title' });
  g.set(1, 4, { v: S.note, s: 'note' });
  g.set(2, 1, { v: S.cycleBlock, s: 'subtitle' });
  g.line(3, 1, [label(S.cycleText), { v: `${cycle.year}-Q${cycle.quarter}`, s: 'value' }]);
  g.line(4, 1, [label(S.year), { v: cycle.year, s: 'value' }]);
  g.line(5, 1, [label(S.quarter), { v: cycle.quarter, s: 'value' }]);
  g.line(6, 1, [label(S.start), { v: isoToSerial(cycle.start), s: 'date' }]);
  g.line(7, 1, [label(S.end), { v: isoToSerial(cycle.end), s: 'date' }]);
  g.line(8, 1, [label(S.lang), { v: lang, s: 'value' }]);
  g.line(9, 1, [label(S.version), { v: TEMPLATE_VERSION, s: 'value' }]);
  name(N.year, 4, 2); name(N.quarter, 5, 2); name(N.cycleStart, 6, 2); name(N.cycleEnd, 7, 2);
  name(N.lang, 8, 2); name(N.templateVersion, 9, 2);

  g.set(11, 1, { v: S.limits, s: 'subtitle' });
  const lim = settings.limits;
  g.line(12, 1, [label(S.minO), { v: lim.minObjectives, s: 'input' }]);
  g.line(13, 1, [label(S.maxO), { v: lim.maxObjectives, s: 'input' }]);
  g.line(14, 1, [label(S.maxKr), { v: lim.maxKrs, s: 'input' }]);
  g.line(15, 1, [label(S.bottomUp), { v: lim.bottomUpMin, s: 'inputPct' }]);
  name(N.minObjectives, 12, 2); name(N.maxObjectives, 13, 2); name(N.maxKrs, 14, 2); name(N.bottomUpMin, 15, 2);

  g.set(17, 1, { v: S.bands, s: 'subtitle' });
  g.line(18, 1, [head(S.code), head(S.label), head(S.from), head(S.to), head(S.bonus)]);
  const b = settings.bands;
  const r0 = SETTINGS_CELLS.bandsFirstRow;
  // Each boundary is typed in exactly one cell (C20, C21, D21); the other bounds show it by formula.
  // Each end shows its comparison, exactly as the rating formulas (card.ts ratingFormula) and the
  // scoring (domain/scoring.ts rating) apply it: BAD ≤ C20 < FAIR < C21 ≤ GOOD ≤ D21 < EXCELLENT.
  const bounds: [PlanCell, PlanCell][] = [
    [{ v: 0, s: 'bandGe' }, { f: N.fairFrom, s: 'bandLe' }],
    [{ v: b.fairFrom, s: 'inputBandGt' }, { f: N.goodFrom, s: 'bandLt' }],
    [{ v: b.goodFrom, s: 'inputBandGe' }, { v: b.goodTo, s: 'inputBandLe' }],
    [{ f: N.goodTo, s: 'bandGt' }, { v: 1, s: 'bandLe' }],
  ];
  RATING_CODES.forEach((code, i) => {
    g.line(r0 + i, 1, [
      { v: code, s: 'value' },
      { v: settings.ratingLabels?.[code] ?? RATING_WORDS[code][lang], s: 'input' },
      bounds[i][0],
      bounds[i][1],
      { v: settings.bonus[code], s: 'inputNum' },
    ]);
  });
  name(N.fairFrom, r0 + 1, 3); name(N.goodFrom, r0 + 2, 3); name(N.goodTo, r0 + 2, 4);
  name(N.ratingCodes, r0, 1, r0 + 3, 1); name(N.ratingLabels, r0, 2, r0 + 3, 2); name(N.bonus, r0, 5, r0 + 3, 5);

  const yearBlock = placeYearBlock(g, sheet, lang, yearOf(settings, lang));
  names.push(...yearBlock.names);

  // Lists for drop-downs, one column each from G.
  const lists: { title: string; name: string; values: string[]; input?: boolean; extra?: number }[] = [
    { title: S.categories, name: N.categories, values: settings.categories, input: true, extra: EXTRA_CATEGORY_ROWS },
    { title: S.sources, name: N.sources, values: wordsOf(SOURCE_WORDS, lang) },
    { title: S.periods, name: N.periods, values: wordsOf(PERIOD_WORDS, lang) },
    { title: S.statuses, name: N.statuses, values: wordsOf(STATUS_WORDS, lang) },
    { title: S.yesNo, name: N.yesNo, values: wordsOf(YES_NO_WORDS, lang) },
    { title: S.align, name: N.alignTargets, values: alignmentTargets(org, lang, input.maxObjectives) },
    { title: S.departments, name: N.departments, values: org.departments.map((d) => d.name) },
  ];
  lists.forEach((list, i) => {
    const c = SETTINGS_CELLS.categoriesCol + i;
    g.set(3, c, { v: list.title, s: 'header' });
    const n = list.values.length + (list.extra ?? 0);
    for (let k = 0; k < n; k++) g.set(4 + k, c, { v: list.values[k] ?? null, s: list.input ? 'input' : 'value' });
    name(list.name, 4, c, 4 + Math.max(n, 1) - 1, c);
  });

  // Staff list.
  const sc = SETTINGS_CELLS.staffCol;
  g.set(2, sc, { v: S.staff, s: 'subtitle' });
  g.line(3, sc, (['name', 'department', 'position', 'manager', 'head', 'employeeId'] as const).map((k) => head(t(k, lang))));
  // Every cell a string: an id "007" stays text, never the number 7.
  org.people.forEach((p, k) => g.line(4 + k, sc, staffRow(p, lang).map((v) => ({ v: v === '' ? null : v, s: 'value' }))));
  name(N.staff, 4, sc, 4 + Math.max(org.people.length, 1) - 1, sc);

  const widths = [26, 14, 12, 12, 14, 2, 14, 12, 10, 12, 8, 16, 12, 2, 12, 12, 16, 12, 8, 12];
  const plan = sheetPlan('settings', 'settings', sheet, g, {
    colWidths: widths,
    // The note beside the title spans the columns up to the lists' end, so it reads whole.
    merges: ['D1:M1'],
    validations: [
      decimalValidation(`C${r0 + 1}:D${r0 + 2}`, S.bandPromptTitle, S.bandPrompt, lang),
      decimalValidation('B15', S.sharePromptTitle, text(lang).sheets.validation.percent, lang),
      ...yearBlock.validations,
    ],
    tabColor: '7F7F7F',
  });
  return { plan, names };
}

/** Every objective a lower-level objective can align to: company#1..n and <department>#1..n. */
export function alignmentTargets(org: Organisation, lang: Lang, maxObjectives: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= maxObjectives; i++) out.push(alignedText(`company#${i}`, lang));
  for (const d of org.departments) for (let i = 1; i <= maxObjectives; i++) out.push(`${d.name}#${i}`);
  return out;
}

/**
 * The staff list's columns from SETTINGS_CELLS.staffCol: name, department, position, manager, head and
 * employee id. The id column came last (a workbook from before it has five); readers take ids only
 * under its header, so whatever an old workbook holds in that column is never taken for one.
 */
export const STAFF_COLUMNS = 6;
export const STAFF_ID_OFFSET = 5;

/** A person's row of the staff list, as text ('' for a blank cell): what `new` writes and `update` compares. */
export function staffRow(p: Person, lang: Lang): string[] {
  return [p.name, p.department, p.position ?? '', p.manager ?? '', p.head ? YES_NO_WORDS.yes[lang] : '', p.id ?? ''];
}
