import { parseWord, STATUS_WORDS } from '../labels';
import type { Finding } from './types';
import { blank, cardFinding, krWhere, type CardContext } from './types';

/** True when a KR is carried over to the next cycle (flag set, or status 结转下期 / carried over). */
export function isCarriedOver(kr: { carriedOver?: boolean; status?: string }): boolean {
  return kr.carriedOver === true || parseWord(STATUS_WORDS, kr.status ?? '') === 'carried-over';
}

/**
 * CARRY_OVER: unfinished KRs are carried to the next cycle only when truly necessary, so a carried
 * KR needs a written reason. The reason has no cell of its own on the KR refs: points at the KR row.
 */
export function checkCarryOver(ctx: CardContext): Finding[] {
  const { card } = ctx;
  const out: Finding[] = [];
  for (const o of card.objectives) {
    for (const kr of o.krs) {
      if (isCarriedOver(kr) && blank(kr.carryOverReason)) {
        out.push(cardFinding(ctx, 'CARRY_OVER', 'warning', 'noReason', { o: o.no, kr: kr.no }, krWhere(card, o, kr)));
      }
    }
  }
  return out;
}
