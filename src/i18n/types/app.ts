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
  /** Between the items of a list inside a sentence. */
  listSep: string;
  /** Between the clauses of a sentence: "良好 3，优秀 1". */
  clauseSep: string;
  /** Change-log texts written by lock and scoring. */
  lockSummary: (cards: number, objectives: number, quarterlyKrs: number) => string;
  lockOverrideNote: (reason: string, problems: number, who: string) => string;
  scoreSummary: (p: { cycle: string; people: number; company: string; distribution: string; unscored: number }) => string;
  rescored: (rows: number) => string;
  /** A company score with its rating: "0.65（良好）". */
  scoreWithRating: (score: string, rating: string) => string;
  /** The chart sheet's small tables and chart titles. */
  charts: { distTitle: string; deptTitle: string; rating: string; people: string; department: string; score: string; company: string };
  /** Why a card was left out of a template upgrade. */
  upgradeSkipped: { noHeader: string; noSignOff: string };
}
