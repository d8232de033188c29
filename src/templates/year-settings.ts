/**
 * 设置's year block (columns A–E below the rating bands): the quarter weights of the annual score
 * and the rules that suggest the result application. HR edits it; 年度结果's formulas read it by
 * name, and `next` carries it into the next quarter.
 */
import { RATING_CODES, type Lang, type Settings, type YearSettings } from '../domain/model';
import { DEFAULT_YEAR, QUARTER_KEYS } from '../domain/year';
import { text } from '../i18n';
import { absRange, addr } from './a1';
import { decimalValidation } from './card-validations';
import { Grid } from './grid';
import { N } from './names';
import type { NamePlan, PlanCell, ValidationPlan } from './plan';
import { num, text as cellText, type SheetValues } from './read-book-values';

export const YEAR_BLOCK = {
  titleRow: 24, weightsRow: 26, rulesTitleRow: 31, rulesFirstRow: 33, positionAfterBadRow: 38, positionTextRow: 39,
} as const;

/** The year settings a workbook starts with: the defaults, in its language. */
export function defaultYear(lang: Lang): YearSettings {
  const d = text(lang).year.defaults;
  return { ...DEFAULT_YEAR, quarterWeights: [...DEFAULT_YEAR.quarterWeights], salary: { ...DEFAULT_YEAR.salary }, training: { ...d.training }, positionText: d.position };
}

export const yearOf = (settings: Settings, lang: Lang): YearSettings => settings.year ?? defaultYear(lang);

/** Writes the block into the settings sheet's grid; returns its names and validations. */
export function placeYearBlock(g: Grid, sheet: string, lang: Lang, year: YearSettings): { names: NamePlan[]; validations: ValidationPlan[] } {
  const Y = text(lang).year.settings;
  const B = YEAR_BLOCK;
  const label = (v: string): PlanCell => ({ v, s: 'label' });
  const head = (v: string): PlanCell => ({ v, s: 'header' });
  g.set(B.titleRow, 1, { v: Y.block, s: 'subtitle' });
  // The weights lie in a row, as 年度结果's quarter scores do, so one SUMPRODUCT pairs them.
  g.line(B.titleRow + 1, 1, [head(Y.quarter), ...QUARTER_KEYS.map(head)]);
  g.line(B.weightsRow, 1, [label(Y.weight), ...year.quarterWeights.map((w): PlanCell => ({ v: w, s: 'inputPct' }))]);
  g.set(B.rulesTitleRow, 1, { v: Y.rules, s: 'subtitle' });
  g.line(B.rulesFirstRow - 1, 1, [head(text(lang).sheets.settings.code), head(text(lang).sheets.settings.label), head(Y.salary), head(Y.training)]);
  RATING_CODES.forEach((code, i) => g.line(B.rulesFirstRow + i, 1, [
    { v: code, s: 'value' }, { f: `INDEX(${N.ratingLabels},${i + 1})`, s: 'formula' },
    { v: year.salary[code], s: 'inputPct' }, { v: year.training[code] || null, s: 'inputWrap' },
  ]));
  g.line(B.positionAfterBadRow, 1, [label(Y.positionAfterBad), { v: year.positionAfterBad, s: 'input' }]);
  g.line(B.positionTextRow, 1, [label(Y.positionText), { v: year.positionText, s: 'input' }]);
  const name = (n: string, r1: number, c1: number, r2 = r1, c2 = c1): NamePlan => ({ name: n, sheet, ref: absRange(r1, c1, r2, c2) });
  const last = B.rulesFirstRow + RATING_CODES.length - 1;
  return {
    names: [
      name(N.quarterWeights, B.weightsRow, 2, B.weightsRow, 5),
      name(N.salaryAdjust, B.rulesFirstRow, 3, last, 3),
      name(N.training, B.rulesFirstRow, 4, last, 4),
      name(N.positionAfterBad, B.positionAfterBadRow, 2),
      name(N.positionText, B.positionTextRow, 2),
    ],
    validations: [
      decimalValidation(`B${B.weightsRow}:E${B.weightsRow}`, Y.weight, Y.weightPrompt, lang),
    ],
  };
}

/** Reads the block back; undefined for a workbook made before it existed (its defaults then apply). */
export function readYearBlock(s: SheetValues): YearSettings | undefined {
  const B = YEAR_BLOCK;
  const title = cellText(s.get(B.titleRow, 1));
  if (!title || !(['zh-CN', 'en-US'] as Lang[]).some((l) => text(l).year.settings.block === title)) return undefined;
  const lang: Lang = text('en-US').year.settings.block === title ? 'en-US' : 'zh-CN';
  const d = defaultYear(lang);
  // A blank weight counts 0, as the formulas count it: HR blanked the quarter out of the year.
  const weight = (i: number): number => Math.max(0, num(s.get(B.weightsRow, 2 + i)) ?? 0);
  const salary = { ...d.salary };
  const training = { ...d.training };
  RATING_CODES.forEach((code, i) => {
    salary[code] = num(s.get(B.rulesFirstRow + i, 3)) ?? 0;
    training[code] = cellText(s.get(B.rulesFirstRow + i, 4));
  });
  return {
    quarterWeights: [weight(0), weight(1), weight(2), weight(3)], salary, training,
    positionAfterBad: num(s.get(B.positionAfterBadRow, 2)) ?? 0,
    positionText: cellText(s.get(B.positionTextRow, 2)),
  };
}

/** The block's top-left cell, for the edits that add it to an older workbook. */
export const YEAR_BLOCK_CELL = addr(YEAR_BLOCK.titleRow, 1);
