import { LEVEL_WORDS, parseWord } from '../labels';
import type { Objective, OkrBook } from '../model';
import type { Finding } from './types';
import { blank, cardFinding, objectiveWhere, type CardContext } from './types';

export interface AlignmentTarget {
  /** 'company', or the department's name. */
  scope: 'company' | 'department';
  department: string;
  objectiveNo: number;
}

/** Parses "company#2" (also "公司#2") or "<department>#N"; undefined when the text is neither. */
export function parseAlignment(text: string): AlignmentTarget | undefined {
  const t = text.trim().replace(/＃/g, '#');
  const i = t.lastIndexOf('#');
  if (i <= 0) return undefined;
  const head = t.slice(0, i).trim();
  const num = t.slice(i + 1).trim();
  if (!/^\d+$/.test(num) || head === '') return undefined;
  const objectiveNo = Number(num);
  if (parseWord(LEVEL_WORDS, head) === 'company') return { scope: 'company', department: '', objectiveNo };
  return { scope: 'department', department: head, objectiveNo };
}

/** The objective an alignment text points at, if it exists. */
export function resolveAlignment(book: OkrBook, text: string): Objective | undefined {
  const target = parseAlignment(text);
  if (!target) return undefined;
  const card =
    target.scope === 'company' ? book.company : book.departments.find((c) => (c.department ?? '').trim() === target.department);
  return card?.objectives.find((o) => o.no === target.objectiveNo);
}

/**
 * ALIGNMENT: individual → team → company. Every department and individual objective names the
 * objective it serves, and that objective exists.
 */
export function checkAlignment(ctx: CardContext): Finding[] {
  const { card, book } = ctx;
  if (card.level === 'company') return [];
  const out: Finding[] = [];
  for (const o of card.objectives) {
    const where = objectiveWhere(card, o, 'alignedTo');
    if (blank(o.alignedTo)) {
      out.push(cardFinding(ctx, 'ALIGNMENT', 'warning', 'none', { o: o.no, cardLevel: card.level }, where));
    } else if (!resolveAlignment(book, o.alignedTo ?? '')) {
      const target = parseAlignment(o.alignedTo ?? '');
      const params = {
        o: o.no,
        target: (o.alignedTo ?? '').trim(),
        targetScope: target?.scope ?? '',
        targetDept: target?.department ?? '',
        targetNo: target?.objectiveNo ?? '',
      };
      out.push(cardFinding(ctx, 'ALIGNMENT', 'warning', 'dangling', params, where));
    }
  }
  return out;
}
