/**
 * The OKR domain model: what a workbook holds, independent of how it is stored.
 * Both adapters (ExcelJS files, Office.js) read a workbook back into these types,
 * so one rules engine and one scoring serve both.
 */

import type { KrEntryField, ObjectiveEntryField, Unreadable } from './entries';

export type Lang = 'zh-CN' | 'en-US';
export type Level = 'company' | 'department' | 'individual';
export type Source = 'top-down' | 'bottom-up';
export type Period = 'quarter' | 'annual';
export type RatingCode = 'BAD' | 'FAIR' | 'GOOD' | 'EXCELLENT';
export const RATING_CODES: readonly RatingCode[] = ['BAD', 'FAIR', 'GOOD', 'EXCELLENT'];

/** An ISO date, YYYY-MM-DD. Dates stay strings in the domain so that no time zone can shift them. */
export type IsoDate = string;

export interface Cycle {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  start: IsoDate;
  end: IsoDate;
}

/** Where a value lives in the workbook, so findings can point a person at the cell. */
export interface CellRef {
  sheet: string;
  /** A1 address, e.g. "C12". */
  cell: string;
}

export interface Person {
  name: string;
  department: string;
  /**
   * Employee id (工号), optional: when the org file and the workbook both carry it, it — not the name
   * and department — says who a person is across quarters, renames and transfers, so that two people
   * named 王磊 stay two people. Text as written ("007" keeps its zeros); compared by personIdKey.
   */
  id?: string;
  position?: string;
  manager?: string;
  head: boolean;
  /** Left the company; the card is kept and marked (never deleted). */
  departed?: boolean;
}

export interface Department {
  name: string;
  /** Name of the department head, when the org file marks one. */
  head?: string;
}

export interface Organisation {
  departments: Department[];
  people: Person[];
}

export interface KeyResult {
  no: number;
  text: string;
  deliverable: string;
  /** Metric and target value (衡量标准). */
  target: string;
  /** Scoring criteria (评分标准). */
  criteria: string;
  deadline?: IsoDate;
  /** A deadline cell that holds something that is not a date; kept so rules can flag it. */
  deadlineText?: string;
  period: Period;
  weight?: number;
  progress?: number;
  selfScore?: number;
  managerScore?: number;
  status?: string;
  /** Reason written when an unfinished KR is carried over to the next cycle. */
  carryOverReason?: string;
  carriedOver?: boolean;
  /**
   * Entries the formulas cannot use (text in a number cell, an off-list word): the field then counts
   * as blank, in the workbook and here alike, and the rules report it on its cell (ENTRY).
   */
  unreadable?: Partial<Record<KrEntryField, Unreadable>>;
  ref?: KrRefs;
}

/** Cell addresses of the fields of one KR row. */
export interface KrRefs {
  sheet: string;
  row: number;
  text: string;
  target: string;
  criteria: string;
  deadline: string;
  weight: string;
  selfScore: string;
  managerScore: string;
  finalScore: string;
  progress?: string;
  period?: string;
  status?: string;
}

export interface Objective {
  no: number;
  text: string;
  source?: Source;
  /** Parent objective, "company#N" or "<department>#N". */
  alignedTo?: string;
  weight?: number;
  agreed?: boolean;
  /** Business category (业务类别), company objectives. */
  category?: string;
  krs: KeyResult[];
  /** Objective entries the formulas cannot use (see KeyResult.unreadable). */
  unreadable?: Partial<Record<ObjectiveEntryField, Unreadable>>;
  ref?: { sheet: string; row: number; text: string; weight: string; score: string; source: string; alignedTo: string; agreed?: string };
}

export interface SignOff {
  employee?: string;
  employeeDate?: IsoDate;
  manager?: string;
  managerDate?: IsoDate;
}

export interface Card {
  level: Level;
  /** Department of a department or individual card. */
  department?: string;
  /** Person who owns an individual card. */
  owner?: string;
  objectives: Objective[];
  signOff: SignOff;
  sheet?: string;
  hidden?: boolean;
  /**
   * The person left the company (individual card) or the department was closed (department card):
   * the card is kept as it was, marked in its header (e.g. "已离职 2026-11-28"), and left out of the
   * rules and the score register. The text is the mark as written.
   */
  departed?: string;
}

/**
 * The rating bands, compared on the score rounded to 4 decimals (the seed: 完成度40%=BAD,
 * 60%-70%=GOOD): BAD ≤ fairFrom < FAIR < goodFrom ≤ GOOD ≤ goodTo < EXCELLENT.
 */
export interface RatingBands {
  /** Scores up to and including this are BAD; FAIR starts just above it (the name is historical). */
  fairFrom: number;
  /** Scores below this (and above fairFrom) are FAIR; from it on (inclusive) GOOD. */
  goodFrom: number;
  /** Scores up to and including this (and ≥ goodFrom) are GOOD; above it EXCELLENT. */
  goodTo: number;
}

export interface Limits {
  minObjectives: number;
  maxObjectives: number;
  maxKrs: number;
  bottomUpMin: number;
}

export interface Settings {
  bands: RatingBands;
  limits: Limits;
  categories: string[];
  bonus: Record<RatingCode, number>;
  /** The rating names people see (设置 can rename them); absent = the default words. */
  ratingLabels?: Record<RatingCode, string>;
  /** How the year's quarters combine into 年度结果 (设置's year block); absent = the defaults of the language. */
  year?: YearSettings;
}

/**
 * How four quarters become an annual result, as HR sets it in 设置: the annual score is the mean of
 * the scored quarters weighted by `quarterWeights` (a quarter without a score is left out, so the
 * year fills in as it goes), rated by the same bands; the result application is suggested from it.
 */
export interface YearSettings {
  /** Q1..Q4 (default 25 % each); only their ratio matters, over the quarters scored. */
  quarterWeights: [number, number, number, number];
  /** Suggested salary adjustment per annual rating, as a fraction (0.03 = 3 %). */
  salary: Record<RatingCode, number>;
  /** Suggested training per annual rating ('' = none). */
  training: Record<RatingCode, string>;
  /** A position review is suggested once this many of the year's quarters rate BAD (0 = never). */
  positionAfterBad: number;
  /** The words of that suggestion. */
  positionText: string;
}

export interface ChangeLogEntry {
  date?: IsoDate;
  kind: string;
  sheet?: string;
  cell?: string;
  oldText?: string;
  newText?: string;
  requester?: string;
  approver?: string;
  approvedOn?: IsoDate;
  note?: string;
}

export interface OkrBook {
  lang: Lang;
  cycle: Cycle;
  settings: Settings;
  org: Organisation;
  company: Card;
  departments: Card[];
  individuals: Card[];
  changeLog: ChangeLogEntry[];
  /** Present once the quarter has been locked. */
  lock?: LockSnapshot;
}

export const DEFAULT_SETTINGS: Settings = {
  bands: { fairFrom: 0.4, goodFrom: 0.6, goodTo: 0.7 },
  limits: { minObjectives: 3, maxObjectives: 5, maxKrs: 4, bottomUpMin: 0.6 },
  categories: ['自有平台', '外部平台', '游戏', '页面广告', '其他'],
  bonus: { BAD: 0, FAIR: 0.6, GOOD: 1, EXCELLENT: 1.2 },
};

/** Cards of a book in a fixed order: company, departments, individuals. */
export function allCards(book: OkrBook): Card[] {
  return [book.company, ...book.departments, ...book.individuals];
}

/**
 * The book without departed cards (people who left, departments closed): what the rules check, the
 * scoring scores and a review month lists. The cards stay in the workbook; they just no longer count.
 */
export function activeBook(book: OkrBook): OkrBook {
  if (!book.departments.some((c) => c.departed) && !book.individuals.some((c) => c.departed)) return book;
  return { ...book, departments: book.departments.filter((c) => !c.departed), individuals: book.individuals.filter((c) => !c.departed) };
}

export function emptyCard(level: Level, department?: string, owner?: string): Card {
  return { level, department, owner, objectives: [], signOff: {} };
}

/**
 * What was frozen when the quarter was locked: the text of every objective and KR at that moment,
 * so a later edit (after someone unprotects a sheet) is detected and reported with old and new text.
 */
export interface LockSnapshot {
  lockedOn: IsoDate;
  /** Who locked the quarter (the lock's change-log row says so too). */
  lockedBy?: string;
  /** The cycle that was locked, e.g. "2026-Q4". */
  cycle?: string;
  entries: LockEntry[];
  /** Where the snapshot is stored (a very hidden sheet). */
  sheet?: string;
  /**
   * Snapshot rows whose stored fingerprint does not match their content, or a snapshot whose rows
   * were added or removed (cell ''): someone edited the hidden sheet. Reported as O_FROZEN errors.
   */
  altered?: CellRef[];
}

export interface LockEntry {
  /** Card identity: "company", "department:<dept>" or "individual:<dept>:<name>". */
  card: string;
  objectiveNo: number;
  /** Absent for the objective's own text. */
  krNo?: number;
  period?: Period;
  text: string;
  /** A quarterly KR's target (衡量标准) and scoring criteria (评分标准): lock freezes them too. Absent in snapshots written before they were stored. */
  target?: string;
  criteria?: string;
}

export function cardKey(card: Pick<Card, 'level' | 'department' | 'owner'>): string {
  if (card.level === 'company') return 'company';
  if (card.level === 'department') return `department:${card.department ?? ''}`;
  return `individual:${card.department ?? ''}:${card.owner ?? ''}`;
}
