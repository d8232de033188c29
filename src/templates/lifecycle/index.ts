/** The OKR lifecycle as workbook edits: one planner per file. */
export { findSheet, freeName, kindWord, logRows, MAX_ROWS, noRoom, type PlanInput } from './common';
export { planLock, type LockInput, type LockPlan } from './lock';
export { planScore, type ScoreInput, type ScorePlan } from './score';
export { expectedProgress, planReviewMonth, reviewRow, type ReviewInput, type ReviewPlan } from './review';
export { planAnnualKrChange, type AnnualChangeInput, type AnnualChangePlan } from './annual-change';
