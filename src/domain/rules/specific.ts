import { krFinalScore, krHasScore } from '../scoring';
import type { Finding } from './types';
import { blank, cardFinding, isNum, krWhere, objectiveWhere, type CardContext } from './types';

/**
 * Words that hold an objective's place without saying anything. Compared trimmed and
 * case-insensitively; the workbook's live check cell uses the same list.
 */
export const PLACEHOLDER_WORDS: readonly string[] = [
  '',
  '-',
  '—',
  '/',
  '无',
  '待定',
  'tbd',
  'todo',
  'xxx',
  '...',
  '…',
  '目标',
  'objective',
];

/** True when an objective's text is empty or only a placeholder ("待定", "TBD", "目标2", "O1", "1.", …). */
export function isPlaceholderObjective(text: string | undefined): boolean {
  const t = (text ?? '').trim();
  if (PLACEHOLDER_WORDS.includes(t.toLowerCase())) return true;
  // Only digits, punctuation, symbols and blanks: "1", "1.", "——", "???".
  if (/^[\p{Nd}\p{P}\p{S}\s]*$/u.test(t)) return true;
  return /^(目标|objective|o)\s*\d*$/i.test(t);
}

/**
 * O_SPECIFIC: objectives are specific (not empty, not a placeholder), every KR says what it is,
 * and a KR scored a full 1.0 is questioned: an ambitious OKR lands at 0.6–0.7.
 */
export function checkSpecific(ctx: CardContext): Finding[] {
  const { card } = ctx;
  const out: Finding[] = [];
  for (const o of card.objectives) {
    const text = o.text.trim();
    if (text === '') {
      out.push(cardFinding(ctx, 'O_SPECIFIC', 'error', 'empty', { o: o.no }, objectiveWhere(card, o)));
    } else if (isPlaceholderObjective(text)) {
      out.push(cardFinding(ctx, 'O_SPECIFIC', 'error', 'placeholder', { o: o.no, text }, objectiveWhere(card, o)));
    }
    for (const kr of o.krs) {
      const p = { o: o.no, kr: kr.no };
      if (blank(kr.text)) out.push(cardFinding(ctx, 'O_SPECIFIC', 'error', 'krEmpty', p, krWhere(card, o, kr)));
      if (krHasScore(kr) && krFinalScore(kr) === 1) {
        const field = isNum(kr.managerScore) ? 'managerScore' : 'selfScore';
        out.push(cardFinding(ctx, 'O_SPECIFIC', 'warning', 'tooEasy', { ...p, score: 1, goodFrom: ctx.book.settings.bands.goodFrom, goodTo: ctx.book.settings.bands.goodTo }, krWhere(card, o, kr, field)));
      }
    }
  }
  return out;
}
