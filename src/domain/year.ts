/**
 * The OKR year: four quarters' scores per person, department and the company, combined into the
 * annual score, rating, bonus coefficient and the suggested result application (结果运用). The
 * 年度结果 sheet's formulas compute the same from the same cells (templates/year-sheet.ts); a test
 * recalculates them in LibreOffice against this.
 */
import { rating, round4 } from './scoring';
import type { Level, RatingCode, Settings, YearSettings } from './model';
import { personIdKey } from './person-id';

export type QuarterKey = 'Q1' | 'Q2' | 'Q3' | 'Q4';
export const QUARTER_KEYS: readonly QuarterKey[] = ['Q1', 'Q2', 'Q3', 'Q4'];

/** One row of the year: who, and the score of each quarter that was scored (null: not scored). */
export interface YearLine {
  level: Level;
  department: string;
  /** The person (individual rows); '' for a department or the company. */
  name: string;
  /** The employee id (工号), when the org file gives one. */
  id?: string;
  quarters: [number | null, number | null, number | null, number | null];
}

export interface YearResult extends YearLine {
  /** Unrounded; null while no quarter with a weight has a score. */
  score: number | null;
  rating: RatingCode | null;
  bonus: number | null;
  /** Quarters rated BAD by the current bands. */
  badQuarters: number;
  suggested: { position: string; salary: number | null; training: string };
}

export const DEFAULT_YEAR: Omit<YearSettings, 'training' | 'positionText'> = {
  quarterWeights: [0.25, 0.25, 0.25, 0.25],
  salary: { BAD: 0, FAIR: 0, GOOD: 0.03, EXCELLENT: 0.06 },
  positionAfterBad: 2,
};

/** The annual score: scored quarters' mean, weighted; null when none of them weighs anything. */
export function annualScore(quarters: readonly (number | null)[], weights: readonly number[]): number | null {
  let sum = 0;
  let weight = 0;
  quarters.forEach((s, i) => {
    if (s === null) return;
    sum += s * weights[i];
    weight += weights[i];
  });
  return weight === 0 ? null : sum / weight;
}

export function yearResult(line: YearLine, settings: Settings, year: YearSettings): YearResult {
  const score = annualScore(line.quarters, year.quarterWeights);
  const r = score === null ? null : rating(score, settings.bands);
  const badQuarters = line.quarters.filter((s) => s !== null && round4(s) <= settings.bands.fairFrom).length;
  return {
    ...line, score, rating: r, bonus: r ? settings.bonus[r] : null, badQuarters,
    suggested: {
      position: year.positionAfterBad > 0 && badQuarters >= year.positionAfterBad ? year.positionText : '',
      salary: r ? year.salary[r] : null,
      training: r ? year.training[r] : '',
    },
  };
}

/** Identity across quarters: the employee id when both have one, else department and name. */
export function sameHolder(a: Pick<YearLine, 'level' | 'department' | 'name' | 'id'>, b: Pick<YearLine, 'level' | 'department' | 'name' | 'id'>): boolean {
  if (a.level !== b.level) return false;
  if (a.level === 'company') return true;
  if (a.level === 'individual' && a.id && b.id) return personIdKey(a.id) === personIdKey(b.id);
  return a.department === b.department && a.name === b.name;
}

type Holder = Pick<YearLine, 'level' | 'department' | 'name' | 'id'>;

/**
 * Finds the year row of a holder: the same id or department and name; else, for a person who
 * moved department (no ids to tell), the one row with their name when only one can be meant.
 */
export function findYearLine<L extends Holder>(lines: readonly L[], who: Holder, taken: Set<L> = new Set()): L | undefined {
  const exact = lines.find((l) => !taken.has(l) && sameHolder(l, who));
  if (exact || who.level !== 'individual') return exact;
  const byName = lines.filter((l) => !taken.has(l) && l.level === 'individual' && l.name === who.name && !(l.id && who.id));
  return byName.length === 1 ? byName[0] : undefined;
}

/**
 * Pairs each of `from` with at most one of `to`, as a person is followed from quarter to quarter:
 * the same holder (employee id, else department and name) first, for everyone, so that a mover's
 * name cannot take the place of someone who stayed; then a person who moved, by their name alone,
 * when only one of `from` left unpaired and one of `to` have it.
 */
export function pairHolders<F extends Holder, T extends Holder>(from: readonly F[], to: readonly T[]): Map<F, T> {
  const out = new Map<F, T>();
  const taken = new Set<T>();
  const pair = (f: F, t: T | undefined) => { if (t) { taken.add(t); out.set(f, t); } };
  for (const f of from) pair(f, to.find((t) => !taken.has(t) && sameHolder(t, f)));
  for (const f of from) {
    if (out.has(f) || f.level !== 'individual') continue;
    const rivals = from.filter((x) => !out.has(x) && x.level === 'individual' && x.name === f.name).length;
    if (rivals === 1) pair(f, findYearLine(to, f, taken));
  }
  return out;
}
