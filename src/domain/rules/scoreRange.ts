import type { Finding } from './types';
import { cardFinding, isNum, krWhere, type CardContext } from './types';

const inRange = (x: number): boolean => x >= 0 && x <= 1;

/**
 * SCORE_RANGE: self score, manager score and progress lie in 0–1 (0 and 1 included).
 * Progress has no cell of its own on the model's KR refs, so it points at the KR's row (text cell).
 */
export function checkScoreRange(ctx: CardContext): Finding[] {
  const { card } = ctx;
  const out: Finding[] = [];
  for (const o of card.objectives) {
    for (const kr of o.krs) {
      const p = { o: o.no, kr: kr.no };
      if (isNum(kr.selfScore) && !inRange(kr.selfScore)) {
        out.push(cardFinding(ctx, 'SCORE_RANGE', 'error', 'selfScore', { ...p, value: kr.selfScore }, krWhere(card, o, kr, 'selfScore')));
      }
      if (isNum(kr.managerScore) && !inRange(kr.managerScore)) {
        out.push(
          cardFinding(ctx, 'SCORE_RANGE', 'error', 'managerScore', { ...p, value: kr.managerScore }, krWhere(card, o, kr, 'managerScore')),
        );
      }
      if (isNum(kr.progress) && !inRange(kr.progress)) {
        out.push(cardFinding(ctx, 'SCORE_RANGE', 'error', 'progress', { ...p, value: kr.progress }, krWhere(card, o, kr, 'text')));
      }
    }
  }
  return out;
}
