import { activeBook, type Card, type KeyResult, type Objective, type OkrBook, type RatingBands, type RatingCode } from './model';

/** The score a KR counts with: manager score if given, else self score; clamped to 0–1; none counts 0. */
export function krFinalScore(kr: KeyResult): number {
  const raw = isNum(kr.managerScore) ? kr.managerScore : isNum(kr.selfScore) ? kr.selfScore : 0;
  return Math.min(1, Math.max(0, raw));
}

export function krHasScore(kr: KeyResult): boolean {
  return isNum(kr.managerScore) || isNum(kr.selfScore);
}

/**
 * Σ(w·s)/Σw over the weights given; when no weight of the group is given (or they sum to 0),
 * equal weights. An item without a weight while others have one counts with weight 0 — exactly
 * what SUMPRODUCT(weights, scores)/SUM(weights) does in the card formulas.
 */
export function weightedMean(items: { weight?: number; score: number }[]): number | undefined {
  if (items.length === 0) return undefined;
  const weighted = items.filter((i) => isNum(i.weight));
  const sumW = weighted.reduce((s, i) => s + (i.weight as number), 0);
  if (weighted.length === 0 || sumW === 0) return items.reduce((s, i) => s + i.score, 0) / items.length;
  return weighted.reduce((s, i) => s + (i.weight as number) * i.score, 0) / sumW;
}

/** An objective without any KR scores 0 (KR_COUNT flags it). */
export function objectiveScore(o: Objective): number {
  return weightedMean(o.krs.map((kr) => ({ weight: kr.weight, score: krFinalScore(kr) }))) ?? 0;
}

/** A card without objectives has no score. */
export function cardScore(card: Card): number | undefined {
  return weightedMean(card.objectives.map((o) => ({ weight: o.weight, score: objectiveScore(o) })));
}

/**
 * Bands compare the score rounded to 4 decimals, so 0.7000000001 is still GOOD and 0.4000000001
 * still BAD: BAD ≤ fairFrom < FAIR < goodFrom ≤ GOOD ≤ goodTo < EXCELLENT (the card's formulas
 * and 设置's band table say the same).
 */
export function rating(score: number, bands: RatingBands): RatingCode {
  const s = round4(score);
  if (s <= bands.fairFrom) return 'BAD';
  if (s < bands.goodFrom) return 'FAIR';
  if (s <= bands.goodTo) return 'GOOD';
  return 'EXCELLENT';
}

export function round4(x: number): number {
  // Same rounding as Excel's ROUND (half away from zero), with a nudge against binary noise.
  return Math.sign(x) * Math.round(Math.abs(x) * 10000 + 1e-9) / 10000;
}

export interface ScoredCard {
  card: Card;
  score?: number;
  rating?: RatingCode;
  objectiveScores: number[];
  /** KRs with no score at all (they count 0). */
  unscored: KeyResult[];
  /** Some KR has a self or manager score. Until one has, the card shows 未评分 (not a 0.00 差 mid-quarter); scoring still counts 0. */
  hasScores: boolean;
}

export function scoreCard(card: Card, bands: RatingBands): ScoredCard {
  const score = cardScore(card);
  return {
    card,
    score,
    rating: score === undefined ? undefined : rating(score, bands),
    objectiveScores: card.objectives.map(objectiveScore),
    unscored: card.objectives.flatMap((o) => o.krs.filter((kr) => !krHasScore(kr))),
    hasScores: card.objectives.some((o) => o.krs.some(krHasScore)),
  };
}

/**
 * What a card's score and rating cells show: nothing without objectives; 'notScored' while no KR has
 * a score (mid-quarter); otherwise the score and its rating. The workbook's formulas do the same.
 */
export function cardShows(s: ScoredCard): { score?: number; rating?: RatingCode | 'notScored' } {
  if (s.score === undefined) return {};
  if (!s.hasScores) return { rating: 'notScored' };
  return { score: s.score, rating: s.rating };
}

export interface BookScores {
  company: ScoredCard;
  departments: ScoredCard[];
  individuals: ScoredCard[];
  distribution: Record<RatingCode, number>;
}

export function scoreBook(whole: OkrBook): BookScores {
  // People who left and closed departments are not scored (their cards stay in the workbook).
  const book = activeBook(whole);
  const bands = book.settings.bands;
  const individuals = book.individuals.map((c) => scoreCard(c, bands));
  const distribution: Record<RatingCode, number> = { BAD: 0, FAIR: 0, GOOD: 0, EXCELLENT: 0 };
  for (const p of individuals) if (p.rating) distribution[p.rating]++;
  return {
    company: scoreCard(book.company, bands),
    departments: book.departments.map((c) => scoreCard(c, bands)),
    individuals,
    distribution,
  };
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
