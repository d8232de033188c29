/**
 * The rules engine: the seed procedure's rules as pure functions over the domain model.
 * One rules engine serves the add-in and the command line; the workbook's live check cells
 * implement the same semantics as formulas.
 */
import { activeBook, allCards, type Card, type OkrBook } from '../model';
import { checkAgreed } from './agreed';
import { checkAlignment } from './alignment';
import { checkBottomUp } from './bottomUp';
import { checkCarryOver } from './carryOver';
import { checkEntries } from './entries';
import { checkKrCount, checkObjectiveCount } from './counts';
import { checkLock, checkRemovedCards, checkSnapshotAltered } from './lock';
import { checkMeasurable } from './measurable';
import { checkScoreRange } from './scoreRange';
import { checkSpecific } from './specific';
import { checkTimebound } from './timebound';
import type { CardContext, CheckOptions, Finding } from './types';
import { checkMissingCards, checkPublic } from './visibility';
import { checkWeights } from './weights';

export { RULE_IDS } from './types';
export type { CheckOptions, Finding, Phase, RuleId, RuleMessageKeys, Severity } from './types';
export { isPlaceholderObjective, PLACEHOLDER_WORDS } from './specific';
export { bottomUpShare, departmentBottomUpShare, type BottomUpShare } from './bottomUp';
export { WEIGHT_TOLERANCE } from './weights';
export { annualChangeApproved, parseCardKey } from './lock';
export { isCarriedOver } from './carryOver';
export { parseAlignment, resolveAlignment, type AlignmentTarget } from './alignment';

/** The card-local rules, in RULE_IDS order (BOTTOM_UP needs the whole book). */
const CARD_RULES: ReadonlyArray<(ctx: CardContext) => Finding[]> = [
  checkObjectiveCount,
  checkKrCount,
  checkMeasurable,
  checkTimebound,
  checkSpecific,
  checkAgreed,
  checkWeights,
  checkScoreRange,
  checkEntries,
  checkLock,
  checkCarryOver,
  checkAlignment,
  checkPublic,
];

/**
 * Checks one card: every rule that can be judged from the card itself (alignment targets and the
 * lock snapshot are looked up in the book). BOTTOM_UP is book-wide and only in checkBook.
 */
export function checkCard(card: Card, book: OkrBook, opts: CheckOptions = {}): Finding[] {
  const ctx: CardContext = { book, card, phase: opts.phase ?? 'draft' };
  return CARD_RULES.flatMap((rule) => rule(ctx));
}

/**
 * Checks the whole book: each card in order (company, departments, individuals), then the
 * bottom-up shares (per department, then company-wide), then cards that vanished since the lock,
 * then a lock snapshot that was edited.
 */
export function checkBook(whole: OkrBook, opts: CheckOptions = {}): Finding[] {
  // Departed cards (people who left, departments closed) are history: not checked, but still
  // present, so the lock does not report them as removed.
  const book = activeBook(whole);
  return [
    ...allCards(book).flatMap((card) => checkCard(card, book, opts)),
    ...checkBottomUp(book),
    ...checkMissingCards(whole),
    ...checkRemovedCards(whole),
    ...checkSnapshotAltered(book),
  ];
}
