import type { Card, KeyResult, Level, Objective, OkrBook } from '../model';

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
  | 'ENTRY'
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
  'ENTRY',
  'O_FROZEN',
  'QKR_LOCKED',
  'AKR_APPROVAL',
  'CARRY_OVER',
  'ALIGNMENT',
  'PUBLIC',
];

/**
 * The message keys of each rule. The catalogue (src/i18n) has one sentence per key in each
 * language, so a rule that reports a key without a sentence, or a misspelled one, does not compile.
 */
export interface RuleMessageKeys {
  O_COUNT: 'tooMany' | 'tooFew' | 'none';
  KR_COUNT: 'tooMany' | 'none';
  KR_MEASURABLE: 'noTarget' | 'noCriteria';
  KR_TIMEBOUND: 'missing' | 'notDate' | 'outsideQuarter' | 'outsideYear';
  O_SPECIFIC: 'empty' | 'placeholder' | 'krEmpty' | 'tooEasy';
  BOTTOM_UP: 'department' | 'company';
  AGREED: 'unsigned' | 'notAgreed';
  WEIGHTS: 'krRange' | 'objRange' | 'krMixed' | 'krSum' | 'objMixed' | 'objSum';
  SCORE_RANGE: 'selfScore' | 'managerScore' | 'progress';
  /** An entry the formulas cannot use: text in a number cell ('number'), a word off the list ('word'). */
  ENTRY: 'number' | 'word';
  O_FROZEN: 'changed' | 'added' | 'removed' | 'snapshotAltered' | 'cardRemoved';
  QKR_LOCKED: 'changed' | 'added' | 'removed' | 'periodChanged' | 'targetChanged' | 'criteriaChanged';
  AKR_APPROVAL: 'changed' | 'added' | 'removed';
  CARRY_OVER: 'noReason';
  ALIGNMENT: 'none' | 'dangling';
  PUBLIC: 'hidden' | 'missing';
}

export type Severity = 'error' | 'warning';

/**
 * One broken rule, as data: the domain says what and where, never in which words. The words come
 * from the catalogue (src/i18n/findings.ts renders `params.key` with `params`), so the same finding
 * reads in either language.
 */
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
  /** Message parameters; `params.key` is the message key (one of RuleMessageKeys[rule]). */
  params: Record<string, string | number>;
}

export type Phase = 'draft' | 'lock' | 'score';

export interface CheckOptions {
  /** 'draft' (default): while people type; 'lock' and 'score': AGREED becomes an error */
  phase?: Phase;
}

/** What one rule function gets when it checks one card. */
export interface CardContext {
  book: OkrBook;
  card: Card;
  phase: Phase;
}

export interface Where {
  sheet: string;
  cell: string;
}

export type Params = Record<string, string | number>;

/** Builds a finding for a card: level, department and owner come from the card. */
export function cardFinding<R extends RuleId>(
  ctx: CardContext,
  rule: R,
  severity: Severity,
  key: RuleMessageKeys[R],
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
  );
}

export function makeFinding<R extends RuleId>(
  base: Omit<Finding, 'params' | 'rule'> & { rule: R },
  key: RuleMessageKeys[R],
  params: Params,
): Finding {
  return { ...base, params: { ...params, key } };
}

// ---- where things are ----------------------------------------------------------------------

export function cardWhere(card: Card): Where {
  return { sheet: card.sheet ?? '', cell: '' };
}

type ObjectiveField = 'text' | 'weight' | 'score' | 'source' | 'alignedTo' | 'agreed';

export function objectiveWhere(card: Card, o: Objective, field: ObjectiveField = 'text'): Where {
  return { sheet: o.ref?.sheet || card.sheet || '', cell: o.ref?.[field] ?? '' };
}

type KrField = 'text' | 'target' | 'criteria' | 'deadline' | 'weight' | 'selfScore' | 'managerScore' | 'finalScore' | 'progress' | 'period' | 'status';

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
