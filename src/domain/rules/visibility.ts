import type { OkrBook } from '../model';
import type { Finding } from './types';
import { cardFinding, cardWhere, makeFinding, type CardContext } from './types';

/** PUBLIC: OKRs are published for transparency; a hidden card sheet is flagged. */
export function checkPublic(ctx: CardContext): Finding[] {
  const { card } = ctx;
  return card.hidden === true ? [cardFinding(ctx, 'PUBLIC', 'warning', 'hidden', {}, cardWhere(card))] : [];
}

/**
 * PUBLIC, book level: a person on the staff list (设置) without an individual card — the card was
 * deleted, or the person was added to the list by hand. Nobody can see their OKRs; the organisation
 * update creates the card again.
 */
export function checkMissingCards(book: OkrBook): Finding[] {
  const have = new Set(book.individuals.map((c) => `${c.department ?? ''}\u0000${c.owner ?? ''}`));
  return book.org.people
    .filter((p) => !p.departed && !have.has(`${p.department}\u0000${p.name}`))
    .map((p) => makeFinding(
      { rule: 'PUBLIC', severity: 'warning', level: 'individual', department: p.department, owner: p.name, sheet: '', cell: '' },
      'missing', { department: p.department, owner: p.name },
    ));
}
