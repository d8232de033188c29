import type { EntryField, KrEntryField, ObjectiveEntryField, Unreadable } from '../entries';
import type { Finding } from './types';
import { cardFinding, krWhere, objectiveWhere, type CardContext, type Where } from './types';

const NUMBER_FIELDS: readonly EntryField[] = ['objWeight', 'krWeight', 'progress', 'selfScore', 'managerScore'];
const KR_FIELDS: readonly KrEntryField[] = ['krWeight', 'progress', 'selfScore', 'managerScore', 'period', 'status'];
const OBJECTIVE_FIELDS: readonly ObjectiveEntryField[] = ['source', 'objWeight', 'agreed'];

/**
 * ENTRY: every entry in an input cell is one the workbook's formulas can use. Text in a score,
 * weight or progress cell, or a word that is not on the cell's list (status 完成, period 季), counts
 * as blank in the card's formulas and in the scoring alike — so it is an error on its cell, never
 * a silent 0. A number typed as text says what it reads as, so the person only retypes it.
 */
export function checkEntries(ctx: CardContext): Finding[] {
  const { card } = ctx;
  const out: Finding[] = [];
  const report = (field: EntryField, u: Unreadable, base: Record<string, number>, where: Where) => {
    const number = NUMBER_FIELDS.includes(field);
    const params: Record<string, string | number> = { ...base, field, value: u.raw };
    if (u.reads !== undefined) params.reads = u.reads;
    out.push(cardFinding(ctx, 'ENTRY', 'error', number ? 'number' : 'word', params, where));
  };
  for (const o of card.objectives) {
    for (const f of OBJECTIVE_FIELDS) {
      const u = o.unreadable?.[f];
      if (u) report(f, u, { o: o.no }, objectiveWhere(card, o, f === 'objWeight' ? 'weight' : f));
    }
    for (const kr of o.krs) {
      for (const f of KR_FIELDS) {
        const u = kr.unreadable?.[f];
        if (u) report(f, u, { o: o.no, kr: kr.no }, krWhere(card, o, kr, f === 'krWeight' ? 'weight' : f));
      }
    }
  }
  return out;
}
