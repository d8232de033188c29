import type { Finding } from './types';
import { blank, cardFinding, cardWhere, objectiveWhere, type CardContext } from './types';

/**
 * AGREED: objectives and KRs are negotiated and agreed. A card with objectives carries both
 * sign-offs (company card: the general manager's only; department card: the head's and the
 * supervisor's); an objective marked "not agreed" is flagged. Warnings while drafting, errors
 * before lock and scoring.
 */
export function checkAgreed(ctx: CardContext): Finding[] {
  const { card, phase } = ctx;
  if (card.objectives.length === 0) return [];
  const severity = phase === 'draft' ? 'warning' : 'error';
  const out: Finding[] = [];
  const missing: string[] = [];
  if (card.level === 'company') {
    if (blank(card.signOff.manager)) missing.push('gm');
  } else {
    if (blank(card.signOff.employee)) missing.push(card.level === 'department' ? 'head' : 'employee');
    if (blank(card.signOff.manager)) missing.push(card.level === 'department' ? 'supervisor' : 'manager');
  }
  for (const who of missing) out.push(cardFinding(ctx, 'AGREED', severity, 'unsigned', { who, phase }, cardWhere(card)));
  for (const o of card.objectives) {
    if (o.agreed === false) out.push(cardFinding(ctx, 'AGREED', severity, 'notAgreed', { o: o.no, phase }, objectiveWhere(card, o)));
  }
  return out;
}
