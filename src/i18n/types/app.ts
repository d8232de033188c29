import type { Refusal, RefusalCode } from '../../domain/refusal';

/** One sentence per refusal code, given the refusal's own data. */
export type RefusalText = { [K in RefusalCode]: (r: Extract<Refusal, { code: K }>) => string };

/** The use-case layer's sentences: refusals, questions, and what the lifecycle writes into the change log. */
export interface AppText {
  refusal: RefusalText;
  /** Scoring a cycle the register already holds: the question the pane asks. */
  confirmRescore: (cycle: string, rows: number) => string;
  /** The ribbon cannot ask: what it says instead. */
  rescoreFromPane: (cycle: string, rows: number) => string;
  /** The ribbon cannot ask for an override reason: why scoring is refused, and where to go on. */
  blockedFromPane: (notLocked: boolean, errors: number) => string;
  /** Between the items of a list inside a sentence. */
  listSep: string;
  /** Between the clauses of a sentence: "良好 3，优秀 1". */
  clauseSep: string;
  /** Change-log texts written by lock and scoring. */
  lockSummary: (cards: number, objectives: number, quarterlyKrs: number) => string;
  /** Cards locked after the quarter was (late joiners who have signed since): who. */
  lockLateSummary: (cards: number, objectives: number, quarterlyKrs: number, who: string) => string;
  lockOverrideNote: (reason: string, problems: number, who: string) => string;
  /** The open findings an override let through, in the change log: "个人-刘洋!P7（评分范围）、…". */
  openFindings: (problems: number, list: string) => string;
  /** One finding in that list: where and the rule's title. */
  findingAt: (where: string, rule: string) => string;
  /** The change-log note of a scoring run by override. */
  scoreOverrideNote: (reason: string, notLocked: boolean) => string;
  /** A relock: what the note of its change-log row says. */
  relockNote: (replaced: number, unapproved: number, archive: string) => string;
  /** A text the relock replaced in the snapshot (one change-log row each): approved or not. */
  relockReplaced: (approved: boolean) => string;
  /** The 层级 cell of a leaver's register row: "个人（已离职 2026-11-28）". */
  registerLeft: (level: string, mark: string) => string;
  scoreSummary: (p: { cycle: string; people: number; company: string; distribution: string; unscored: number }) => string;
  rescored: (rows: number) => string;
  /** A company score with its rating: "0.65（良好）". */
  scoreWithRating: (score: string, rating: string) => string;
  /** The chart sheet's small tables and chart titles. */
  charts: { distTitle: string; deptTitle: string; rating: string; people: string; department: string; score: string; company: string };
  /** Why a card was left out of a template upgrade. */
  upgradeSkipped: { noHeader: string; noSignOff: string };
}
