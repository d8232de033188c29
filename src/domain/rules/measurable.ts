import type { Finding } from './types';
import { blank, cardFinding, krWhere, type CardContext } from './types';

/** KR_MEASURABLE: every KR has a metric/target and scoring criteria. */
export function checkMeasurable(ctx: CardContext): Finding[] {
  const { card } = ctx;
  const out: Finding[] = [];
  for (const o of card.objectives) {
    for (const kr of o.krs) {
      const p = { o: o.no, kr: kr.no };
      if (blank(kr.target)) out.push(cardFinding(ctx, 'KR_MEASURABLE', 'error', 'noTarget', p, krWhere(card, o, kr, 'target')));
      if (blank(kr.criteria)) out.push(cardFinding(ctx, 'KR_MEASURABLE', 'error', 'noCriteria', p, krWhere(card, o, kr, 'criteria')));
    }
  }
  return out;
}
