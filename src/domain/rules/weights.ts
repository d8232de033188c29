import type { Finding, Params, Where } from './types';
import { cardFinding, isNum, krWhere, objectiveWhere, type CardContext } from './types';

/** A weight sum within this distance of 100% is 100% (0.1 + 0.2 + 0.7 is not exactly 1 in binary). */
export const WEIGHT_TOLERANCE = 0.0001;

interface Weighted {
  weight?: number;
  where: Where;
  params: Params;
}

/** Checks one group: all blank = equal weights; else all given, each 0–1, summing to 100%. */
function checkGroup(ctx: CardContext, items: Weighted[], group: Params, prefix: 'kr' | 'obj'): Finding[] {
  const out: Finding[] = [];
  for (const it of items) {
    if (isNum(it.weight) && (it.weight < 0 || it.weight > 1)) {
      out.push(cardFinding(ctx, 'WEIGHTS', 'error', `${prefix}Range`, { ...it.params, weight: it.weight }, it.where));
    }
  }
  const given = items.filter((i) => isNum(i.weight));
  if (given.length === 0) return out;
  if (given.length < items.length) {
    const firstBlank = items.find((i) => !isNum(i.weight)) as Weighted;
    out.push(
      cardFinding(ctx, 'WEIGHTS', 'error', `${prefix}Mixed`, { ...group, given: given.length, total: items.length }, firstBlank.where),
    );
    return out;
  }
  const sum = given.reduce((s, i) => s + (i.weight as number), 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    out.push(cardFinding(ctx, 'WEIGHTS', 'error', `${prefix}Sum`, { ...group, sum: Math.round(sum * 1e6) / 1e6 }, items[0].where));
  }
  return out;
}

/**
 * WEIGHTS: the KR weights of an objective, and the objective weights of a card, are either all
 * blank (equal weights) or all given and sum to 100%; each weight lies in 0–100%.
 */
export function checkWeights(ctx: CardContext): Finding[] {
  const { card } = ctx;
  const out: Finding[] = [];
  out.push(
    ...checkGroup(
      ctx,
      card.objectives.map((o) => ({ weight: o.weight, where: objectiveWhere(card, o, 'weight'), params: { o: o.no } })),
      {},
      'obj',
    ),
  );
  for (const o of card.objectives) {
    out.push(
      ...checkGroup(
        ctx,
        o.krs.map((kr) => ({ weight: kr.weight, where: krWhere(card, o, kr, 'weight'), params: { o: o.no, kr: kr.no } })),
        { o: o.no },
        'kr',
      ),
    );
  }
  return out;
}
