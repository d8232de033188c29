import type { Lang } from '../domain/model';
import { addr, rangeAddr } from './a1';
import { deadlineBounds } from './card-checks';
import type { CardField, CardLayout } from './card-layout';
import { N } from './names';
import type { ValidationPlan } from './plan';
import { text } from '../i18n';

/** A drop-down list; `prompt` is already in `lang` (the caller picks it from the catalogue). */
export function listValidation(range: string, name: string, prompt: string, lang: Lang, errorStyle: 'stop' | 'warning' = 'stop'): ValidationPlan {
  const M = text(lang).sheets.validation;
  return {
    range, type: 'list', operator: 'between', formula1: name, errorStyle,
    promptTitle: M.listTitle, prompt, errorTitle: M.errTitle, error: M.errList,
  };
}

/** A number from 0 to 1; `title` and `prompt` are already in `lang`. */
export function decimalValidation(range: string, title: string, prompt: string, lang: Lang): ValidationPlan {
  const M = text(lang).sheets.validation;
  return {
    range, type: 'decimal', operator: 'between', formula1: '0', formula2: '1', errorStyle: 'stop',
    promptTitle: title, prompt, errorTitle: M.errTitle, error: M.errDecimal,
  };
}

/**
 * The sign-off block: a prompt on each name cell (who signs, and what it means) and a date check on
 * each date cell. `rows` are the block's signature rows, consecutive (one for the company card, two otherwise).
 */
export function signOffValidations(lang: Lang, rows: number[]): ValidationPlan[] {
  const M = text(lang).sheets.validation;
  // The signature rows are consecutive: one rectangle each for names and dates.
  const names = rangeAddr(rows[0], 2, rows[rows.length - 1], 2);
  const dates = rangeAddr(rows[0], 4, rows[rows.length - 1], 4);
  const firstDate = addr(rows[0], 4);
  return [
    {
      range: names, type: 'textLength', operator: 'between', formula1: '1', formula2: '100', errorStyle: 'warning',
      promptTitle: M.signTitle, prompt: M.sign, errorTitle: M.errTitle, error: M.errSign,
    },
    {
      // Signing may come before the quarter starts (planning), never after it ends.
      range: dates, type: 'custom', operator: 'between',
      formula1: `AND(ISNUMBER(${firstDate}),INT(${firstDate})>=${N.cycleStart}-92,INT(${firstDate})<=${N.cycleEnd})`, errorStyle: 'stop',
      promptTitle: M.signDateTitle, prompt: M.signDate, errorTitle: M.errTitle, error: M.errSignDate,
    },
  ];
}

export function cardValidations(L: CardLayout, lang: Lang, first: number, last: number): ValidationPlan[] {
  const range = (f: CardField) => rangeAddr(first, L.col(f), last, L.col(f));
  const out: ValidationPlan[] = [];
  const M = text(lang).sheets.validation;
  if (L.has('category')) out.push(listValidation(range('category'), N.categories, M.category, lang, 'warning'));
  if (L.has('source')) out.push(listValidation(range('source'), N.sources, M.source, lang));
  if (L.has('alignedTo')) out.push(listValidation(range('alignedTo'), N.alignTargets, M.alignedTo, lang, 'warning'));
  out.push(listValidation(range('agreed'), N.yesNo, M.agreed, lang));
  out.push(listValidation(range('period'), N.periods, M.period, lang));
  out.push(listValidation(range('status'), N.statuses, M.status, lang));
  out.push(decimalValidation(range('objWeight'), M.weightTitle, M.weight, lang));
  out.push(decimalValidation(range('krWeight'), M.weightTitle, M.weight, lang));
  out.push(decimalValidation(range('progress'), M.progressTitle, M.progress, lang));
  out.push(decimalValidation(rangeAddr(first, L.col('selfScore'), last, L.col('managerScore')), M.scoreTitle, M.score, lang));
  // Deadline bounds follow the row's KR period, so the rule is a custom formula relative to the
  // range's first row (ExcelJS cannot write formula bounds into a 'date' rule).
  const first_ = addr(first, L.col('deadline'));
  const { start, end } = deadlineBounds(addr(first, L.col('period')).replace(/^([A-Z]+)/, '$$$1'));
  out.push({
    range: range('deadline'), type: 'custom', operator: 'between',
    formula1: `AND(ISNUMBER(${first_}),INT(${first_})>=${start},INT(${first_})<=${end})`, errorStyle: 'stop',
    promptTitle: M.deadlineTitle, prompt: M.deadline, errorTitle: M.errTitle, error: M.errDate,
  });
  return out;
}
