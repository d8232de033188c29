import { isIsoDate } from '../cycle';
import type { Finding } from './types';
import { blank, cardFinding, krWhere, type CardContext } from './types';

/**
 * KR_TIMEBOUND: every KR has a deadline that is a date; a quarterly KR's deadline falls inside the
 * cycle (start and end days included), an annual KR's inside the cycle's calendar year.
 */
export function checkTimebound(ctx: CardContext): Finding[] {
  const { card, book } = ctx;
  const { cycle } = book;
  const out: Finding[] = [];
  for (const o of card.objectives) {
    for (const kr of o.krs) {
      const where = krWhere(card, o, kr, 'deadline');
      const p = { o: o.no, kr: kr.no };
      const deadline = (kr.deadline ?? '').trim();
      if (!blank(kr.deadlineText)) {
        out.push(cardFinding(ctx, 'KR_TIMEBOUND', 'error', 'notDate', { ...p, value: (kr.deadlineText ?? '').trim() }, where));
      } else if (deadline === '') {
        out.push(cardFinding(ctx, 'KR_TIMEBOUND', 'error', 'missing', p, where));
      } else if (!isIsoDate(deadline)) {
        out.push(cardFinding(ctx, 'KR_TIMEBOUND', 'error', 'notDate', { ...p, value: deadline }, where));
      } else if (kr.period === 'annual') {
        if (deadline.slice(0, 4) !== String(cycle.year)) {
          out.push(cardFinding(ctx, 'KR_TIMEBOUND', 'error', 'outsideYear', { ...p, deadline, year: cycle.year }, where));
        }
      } else if (deadline < cycle.start || deadline > cycle.end) {
        out.push(
          cardFinding(
            ctx,
            'KR_TIMEBOUND',
            'error',
            'outsideQuarter',
            { ...p, deadline, start: cycle.start, end: cycle.end, year: cycle.year, quarter: cycle.quarter },
            where,
          ),
        );
      }
    }
  }
  return out;
}
