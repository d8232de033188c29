/**
 * The Setup form as plain data: the text the user typed (a draft), its defaults, and the parse
 * that turns it into a SetupState or per-field errors. No React here, so it is tested directly.
 */
import { DEFAULT_SETTINGS, type Cycle, type Lang, type Settings } from '../domain/model';
import { parseCycle } from '../domain/cycle';
import type { SetupState } from './actions';
import type { FieldError } from '../i18n/types/pane';

export interface SetupDraft {
  year: string;
  quarter: Cycle['quarter'];
  fairFrom: string;
  goodFrom: string;
  goodTo: string;
  minObjectives: string;
  maxObjectives: string;
  maxKrs: string;
  /** Percent, e.g. "60" for 0.6. */
  bottomUpPercent: string;
}

export type SetupField = Exclude<keyof SetupDraft, 'quarter'>;

export type { FieldError, FieldErrorCode } from '../i18n/types/pane';

export type SetupErrors = Partial<Record<SetupField, FieldError>>;

export interface ParsedSetup {
  /** Present only when there are no errors. */
  setup?: SetupState;
  errors: SetupErrors;
}

/** The quarter `now` falls in (local time: the calendar the user sees). */
export function currentQuarter(now: Date): { year: number; quarter: Cycle['quarter'] } {
  return { year: now.getFullYear(), quarter: (Math.floor(now.getMonth() / 3) + 1) as Cycle['quarter'] };
}

/** Shows a fraction without binary noise: 0.6 → "0.6", 0.7 * 100 → "70". */
function show(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

export function defaultDraft(now: Date, settings: Settings = DEFAULT_SETTINGS): SetupDraft {
  const { year, quarter } = currentQuarter(now);
  return {
    year: String(year),
    quarter,
    fairFrom: show(settings.bands.fairFrom),
    goodFrom: show(settings.bands.goodFrom),
    goodTo: show(settings.bands.goodTo),
    minObjectives: String(settings.limits.minObjectives),
    maxObjectives: String(settings.limits.maxObjectives),
    maxKrs: String(settings.limits.maxKrs),
    bottomUpPercent: show(settings.limits.bottomUpMin * 100),
  };
}

/** Reads a number as a person types it: spaces, full-width digits and a trailing % are accepted. */
export function readNumber(text: string): number | undefined {
  const t = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[%％]$/, '')
    .trim();
  if (t === '' || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

export function parseSetup(draft: SetupDraft, lang: Lang, base: Settings = DEFAULT_SETTINGS): ParsedSetup {
  const errors: SetupErrors = {};
  const num = (field: SetupField): number | undefined => {
    const n = readNumber(draft[field]);
    if (n === undefined) errors[field] = { code: 'notNumber' };
    return n;
  };
  const int = (field: SetupField): number | undefined => {
    const n = num(field);
    if (n !== undefined && !Number.isInteger(n)) {
      errors[field] = { code: 'notInteger' };
      return undefined;
    }
    return n;
  };

  const year = int('year');
  if (year !== undefined && (year < 2000 || year > 2100)) errors.year = { code: 'yearRange' };

  // 0 < fair < good ≤ goodTo < 1; each inequality is reported on the field typed later in the chain.
  const fair = num('fairFrom');
  const good = num('goodFrom');
  const goodTo = num('goodTo');
  if (fair !== undefined && !(fair > 0)) errors.fairFrom = { code: 'fairPositive' };
  if (fair !== undefined && good !== undefined && !(fair < good)) errors.goodFrom = { code: 'goodAboveFair', value: fair };
  if (good !== undefined && goodTo !== undefined && !(good <= goodTo)) errors.goodTo = { code: 'goodToAtLeastGood', value: good };
  else if (goodTo !== undefined && !(goodTo < 1)) errors.goodTo = { code: 'goodToBelowOne' };

  const minO = int('minObjectives');
  const maxO = int('maxObjectives');
  const maxK = int('maxKrs');
  if (minO !== undefined && minO < 1) errors.minObjectives = { code: 'atLeastOne' };
  if (maxO !== undefined && maxO < 1) errors.maxObjectives = { code: 'atLeastOne' };
  else if (minO !== undefined && maxO !== undefined && maxO < minO) errors.maxObjectives = { code: 'maxAtLeastMin', value: minO };
  if (maxK !== undefined && maxK < 1) errors.maxKrs = { code: 'atLeastOne' };
  const share = num('bottomUpPercent');
  if (share !== undefined && (share < 0 || share > 100)) errors.bottomUpPercent = { code: 'percentRange' };

  if (Object.keys(errors).length > 0) return { errors };
  const cycle = parseCycle(`${year}-Q${draft.quarter}`);
  if (!cycle) return { errors: { year: { code: 'yearRange' } } };
  const settings: Settings = {
    ...base,
    bands: { fairFrom: fair as number, goodFrom: good as number, goodTo: goodTo as number },
    limits: {
      minObjectives: minO as number,
      maxObjectives: maxO as number,
      maxKrs: maxK as number,
      bottomUpMin: Math.round((share as number) * 1e4) / 1e6,
    },
  };
  return { setup: { cycle, lang, settings }, errors };
}
