import type { Finding } from './types';
import { cardFinding, cardWhere, krWhere, objectiveWhere, type CardContext } from './types';

/** O_COUNT: 3–5 objectives per card per quarter; more than the maximum is an error, fewer a warning. */
export function checkObjectiveCount(ctx: CardContext): Finding[] {
  const { card } = ctx;
  const { minObjectives: min, maxObjectives: max } = ctx.book.settings.limits;
  const count = card.objectives.length;
  if (count > max) {
    // A limit typed as 4.5 or -1 in 设置 still points at an objective that exists.
    const first = card.objectives[Math.max(0, Math.floor(max))];
    return [cardFinding(ctx, 'O_COUNT', 'error', 'tooMany', { count, max }, objectiveWhere(card, first))];
  }
  if (count === 0) return [cardFinding(ctx, 'O_COUNT', 'warning', 'none', { count, min, max }, cardWhere(card))];
  if (count < min) return [cardFinding(ctx, 'O_COUNT', 'warning', 'tooFew', { count, min, max }, cardWhere(card))];
  return [];
}

/** KR_COUNT: at most four KRs per objective, and at least one. */
export function checkKrCount(ctx: CardContext): Finding[] {
  const { card } = ctx;
  const max = ctx.book.settings.limits.maxKrs;
  const out: Finding[] = [];
  for (const o of card.objectives) {
    const count = o.krs.length;
    if (count > max) {
      out.push(cardFinding(ctx, 'KR_COUNT', 'error', 'tooMany', { o: o.no, count, max }, krWhere(card, o, o.krs[Math.max(0, Math.floor(max))])));
    } else if (count === 0) {
      out.push(cardFinding(ctx, 'KR_COUNT', 'error', 'none', { o: o.no, max }, objectiveWhere(card, o)));
    }
  }
  return out;
}
