import type { Card, KeyResult, Lang, Level, Objective, OkrBook } from '../model';
import { renderMessage } from '../messages';

/** The rules of the seed procedure, in the order the guide sheet lists them. */
export type RuleId =
  | 'O_COUNT'
  | 'KR_COUNT'
  | 'KR_MEASURABLE'
  | 'KR_TIMEBOUND'
  | 'O_SPECIFIC'
  | 'BOTTOM_UP'
  | 'AGREED'
  | 'WEIGHTS'
  | 'SCORE_RANGE'
  | 'O_FROZEN'
  | 'QKR_LOCKED'
  | 'AKR_APPROVAL'
  | 'CARRY_OVER'
  | 'ALIGNMENT'
  | 'PUBLIC';

export const RULE_IDS: readonly RuleId[] = [
  'O_COUNT',
  'KR_COUNT',
  'KR_MEASURABLE',
  'KR_TIMEBOUND',
  'O_SPECIFIC',
  'BOTTOM_UP',
  'AGREED',
  'WEIGHTS',
  'SCORE_RANGE',
  'O_FROZEN',
  'QKR_LOCKED',
  'AKR_APPROVAL',
  'CARRY_OVER',
  'ALIGNMENT',
  'PUBLIC',
];

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  level: Level;
  /** '' for company rows. */
  department: string;
  /** '' for company and department cards; the person's name for individual cards. */
  owner: string;
  sheet: string;
  cell: string;
  /** Rendered in CheckOptions.lang. */
  message: string;
  /**
   * Message parameters, for re-rendering in another language. `params.key` is the message key:
   * `renderMessage(f.rule, String(f.params.key), f.params, lang)` (or `renderFinding(f, lang)`).
   */
  params: Record<string, string | number>;
}

export type Phase = 'draft' | 'lock' | 'score';

export interface CheckOptions {
  lang: Lang;
  /** 'draft' (default): while people type; 'lock' and 'score': AGREED becomes an error */
  phase?: Phase;
}

/** What one rule function gets when it checks one card. */
export interface CardContext {
  book: OkrBook;
  card: Card;
  lang: Lang;
  phase: Phase;
}

export interface Where {
  sheet: string;
  cell: string;
}

export type Params = Record<string, string | number>;

/** Builds a finding for a card: level, department and owner come from the card. */
export function cardFinding(
  ctx: CardContext,
  rule: RuleId,
  severity: Severity,
  key: string,
  params: Params,
  where: Where,
): Finding {
  const { card } = ctx;
  return makeFinding(
    {
      rule,
      severity,
      level: card.level,
      department: card.level === 'company' ? '' : card.department ?? '',
      owner: card.level === 'individual' ? card.owner ?? '' : '',
      sheet: where.sheet,
      cell: where.cell,
    },
    key,
    params,
    ctx.lang,
  );
}

export function makeFinding(
  base: Omit<Finding, 'message' | 'params'>,
  key: string,
  params: Params,
  lang: Lang,
): Finding {
  const all: Params = { ...params, key };
  return { ...base, message: renderMessage(base.rule, key, all, lang), params: all };
}

/** Re-renders a finding's message in another language. */
export function renderFinding(f: Finding, lang: Lang): string {
  return renderMessage(f.rule, String(f.params.key ?? ''), f.params, lang);
}

// ---- where things are ----------------------------------------------------------------------

export function cardWhere(card: Card): Where {
  return { sheet: card.sheet ?? '', cell: '' };
}

type ObjectiveField = 'text' | 'weight' | 'score' | 'source' | 'alignedTo';

export function objectiveWhere(card: Card, o: Objective, field: ObjectiveField = 'text'): Where {
  return { sheet: o.ref?.sheet || card.sheet || '', cell: o.ref?.[field] ?? '' };
}

type KrField = 'text' | 'target' | 'criteria' | 'deadline' | 'weight' | 'selfScore' | 'managerScore' | 'finalScore';

export function krWhere(card: Card, o: Objective, kr: KeyResult, field: KrField = 'text'): Where {
  return { sheet: kr.ref?.sheet || o.ref?.sheet || card.sheet || '', cell: kr.ref?.[field] ?? '' };
}

// ---- small value helpers -------------------------------------------------------------------

export function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

export function blank(text: string | undefined): boolean {
  return (text ?? '').trim() === '';
}

/**
 * Text as the lock comparison sees it: line breaks unified, leading/trailing blanks dropped and
 * runs of spaces collapsed — what Excel's TRIM does — so a stray space is not "a change".
 */
export function normText(text: string | undefined): string {
  return (text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}
