import type { Finding } from './types';
import { cardFinding, cardWhere, type CardContext } from './types';

/** PUBLIC: OKRs are published for transparency; a hidden card sheet is flagged. */
export function checkPublic(ctx: CardContext): Finding[] {
  const { card } = ctx;
  return card.hidden === true ? [cardFinding(ctx, 'PUBLIC', 'warning', 'hidden', {}, cardWhere(card))] : [];
}
