/**
 * Why a use case will not go ahead: something the person must do first. A refusal is a value, never
 * an exception, so every front end — command line, task pane, ribbon — receives it the same way
 * and words it from the catalogue (src/i18n, section `app.refusal`) in the person's language. The
 * codes are the ones the command line and the pane have always reported.
 */
import type { Finding } from './rules/types';

export type Refusal =
  /** The quarter is locked already; a relock must be asked for. */
  | { code: 'alreadyLocked'; lockedOn: string }
  /** An override without a reason. */
  | { code: 'blankReason' }
  /** Cards not agreed or not signed: every AGREED problem, for the person to fix or override. */
  | { code: 'notAgreed'; findings: Finding[] }
  /** Rule errors other than missing sign-offs stop the lock: every error, for the person to fix or override. */
  | { code: 'lockErrors'; findings: Finding[] }
  /**
   * Scoring a quarter that was never locked, or with rule errors (unsigned cards, unreadable or
   * out-of-range entries, changes since the lock): refused unless overridden with a reason.
   */
  | { code: 'scoreBlocked'; notLocked: boolean; findings: Finding[] }
  /** A sheet has something in its last row, so nothing can be appended below it. */
  | { code: 'NO_ROOM'; sheet: string; maxRows: number }
  | { code: 'badMonth'; month: string }
  /** A review month or week with no day in the cycle. */
  | { code: 'periodOutsideCycle'; period: string; cycle: string; start: string; end: string }
  /** `update --left-on` with a date that is not a calendar date. */
  | { code: 'badLeaveDate'; date: string }
  | { code: 'noReviewSheet' }
  /** An annual KR change without new text or requester. */
  | { code: 'blank' }
  /** The cell named for an annual KR change is not the text of an annual KR. */
  | { code: 'notAnnual'; where: string }
  | { code: 'noSettings' }
  /** The workbook was made by templates newer than this program. */
  | { code: 'newerTemplate'; version: number; supported: number }
  /** Generating into a workbook that already holds OKR sheets (or sheets of the same names). */
  | { code: 'alreadyGenerated'; sheets: string[] }
  /** `next` from a quarter that was never scored (without an override). */
  | { code: 'notScored'; cycle: string }
  /** `next` to a cycle that is not after the workbook's. */
  | { code: 'cycleNotAfter'; from: string; to: string };

export type RefusalCode = Refusal['code'];

/** A planner's answer when it refuses. */
export interface Refused {
  status: 'refused';
  refusal: Refusal;
}

export const refuse = (refusal: Refusal): Refused => ({ status: 'refused', refusal });

/** The findings a refusal carries (the problems the person must fix or override), if any. */
export function refusalFindings(r: Refusal): Finding[] | undefined {
  return r.code === 'notAgreed' || r.code === 'lockErrors' || r.code === 'scoreBlocked' ? r.findings : undefined;
}

/** Every code, for tests that render each one in both languages. */
export const REFUSAL_CODES: readonly RefusalCode[] = [
  'alreadyLocked', 'blankReason', 'notAgreed', 'lockErrors', 'scoreBlocked', 'NO_ROOM', 'badMonth', 'noReviewSheet', 'blank', 'notAnnual',
  'noSettings', 'newerTemplate', 'alreadyGenerated', 'badLeaveDate', 'periodOutsideCycle', 'notScored', 'cycleNotAfter',
];
