/**
 * The contract between the task pane and the workbook. The React components receive a PaneActions
 * object as a prop and never touch Office.js; src/office/pane-actions.ts implements it with Excel.run over the use cases of this folder.
 * Tests pass fakes.
 */
import type { Cycle, IsoDate, Lang, Organisation, RatingCode, Settings } from '../domain/model';
import type { CarriedKr } from '../templates/next';
import type { AnnualChangeRequest as AppAnnualChangeRequest } from './annual-change';
import type { YearResults } from './year';

export type { YearResults };

/** What the Setup step decides: the cycle (year/quarter), the workbook language, rating bands and limits. */
export interface SetupState {
  cycle: Cycle;
  lang: Lang;
  settings: Settings;
}

/** Where the organisation is read from. */
export type OrgSource =
  /** A CSV or XLSX file the user picked; `bytes` is the whole file. */
  | { kind: 'file'; name: string; bytes: Uint8Array }
  /** An existing sheet of the open workbook (a name returned by listSheets). */
  | { kind: 'sheet'; sheetName: string }
  /** CSV text pasted into the pane (first line = column names). */
  | { kind: 'paste'; text: string };

/** One problem found while reading the organisation. `line` is 1-based (the header is line 1); 0 = the whole source. */
export interface ImportIssueView {
  /** File name, sheet name, or "" for pasted text. */
  file: string;
  line: number;
  /** Column name as written in the source, e.g. "上级"; "" when the issue is not about one column. */
  column: string;
  /** Already in the language passed to readOrg. */
  message: string;
}

/**
 * The result of reading an organisation. `org` is absent when the source could not be used at all;
 * when `org` is present the issues are non-blocking (the org can be generated).
 */
export interface OrgPreview {
  /** The person cancelled the read (ReadOptions.signal): nothing was read, nothing else is set. */
  cancelled?: true;
  org?: Organisation;
  /** Number of OKR rows found in the source, when it holds any (e.g. a workbook with objectives). */
  okrCount?: number;
  issues: ImportIssueView[];
}

/** How the pane follows a long read: its progress (0–1, never going back) and a way to cancel it. */
export interface ReadOptions {
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/**
 * Sheet kinds the pane knows how to label (see strings.ts `sheetKinds`). `GenerateSummary.created[].kind`
 * should be one of these; an unknown kind is shown as written.
 */
export const SHEET_KINDS = [
  'guide',
  'settings',
  'map',
  'plan',
  'department',
  'individual',
  'review',
  'scores',
  'changelog',
] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export interface GenerateSummary {
  /** Sheets created, in creation order. `kind` is a SheetKind. */
  created: { sheet: string; kind: string }[];
  /** True when nothing was generated (e.g. OKR sheets appeared meanwhile); `reason` says why, in the setup language. */
  skipped: boolean;
  reason?: string;
  /** Wall-clock milliseconds the generation took. */
  ms: number;
}

/** One rule finding, ready to show. Texts are in the language passed to validate. */
export interface FindingView {
  /** Rule id, e.g. "O_COUNT". */
  rule: string;
  ruleTitle: string;
  severity: 'error' | 'warning';
  /** Card level: "company" | "department" | "individual". */
  level: string;
  /** "" for company-level findings. */
  department: string;
  /** Card owner (person), "" for department and company cards. */
  owner: string;
  sheet: string;
  /** A1 address on `sheet`, e.g. "C12". */
  cell: string;
  message: string;
}

// ---- step 5, the quarter: lock, quarter-end scoring, a review month, an annual KR change ---------------

/** A lifecycle action that did not go ahead: the person must do something first. `message` is in the language asked for. */
export interface RefusedView {
  status: 'refused';
  /** Why, as a code: 'notAgreed', 'alreadyLocked', 'blankReason', 'badMonth', 'noReviewSheet', 'notAnnual', 'blank', … */
  code: string;
  message: string;
}

/** An annual KR of the workbook: what the change-request form offers. */
export interface AnnualKrView {
  /** Sheet and A1 cell of the KR's text: what requestAnnualKrChange takes. */
  sheet: string;
  cell: string;
  level: 'company' | 'department' | 'individual';
  /** "" for the company card. */
  department: string;
  /** Card owner, "" for department and company cards. */
  owner: string;
  objectiveNo: number;
  krNo: number;
  text: string;
}

/** The state of the workbook's quarter, read when the Quarter step is shown. */
export interface QuarterInfo {
  /** e.g. "2026-Q4". */
  cycle: string;
  /** First and last month of the cycle, "YYYY-MM". */
  firstMonth: string;
  lastMonth: string;
  /** True once the quarter is locked; `lockedOn` is the lock snapshot's date ("" when unreadable). */
  locked: boolean;
  lockedOn?: IsoDate;
  annualKrs: AnnualKrView[];
}

export type LockResult =
  | { status: 'locked'; cards: number; objectives: number; quarterlyKrs: number; /** Problems an override let through (empty without one). */ overridden: FindingView[];
    /** Only cards signed after the lock were locked now. */ late: boolean; /** A relock's history. */ relocked?: { replaced: number; unapproved: number; archive: string } }
  /**
   * `findings`: for code 'notAgreed' the AGREED problems (cards not agreed or not signed), for
   * 'lockErrors' every other rule error; otherwise empty.
   */
  | (RefusedView & { findings: FindingView[] });

export interface ScoreLineView {
  name: string;
  /** Undefined for a card without objectives. */
  score?: number;
  rating?: RatingCode;
}

/** What the pane shows of the quarter report (src/domain/report.ts); scores unrounded. */
export interface ScoreReportView {
  cycle: string;
  people: number;
  company: Omit<ScoreLineView, 'name'>;
  /** Individual ratings. */
  distribution: Record<RatingCode, number>;
  departments: ScoreLineView[];
  /** KRs without any score (counted 0), scored a full 1.0 ("too easy?"), and unfinished (carry-over candidates). */
  unscoredKrs: number;
  tooEasyKrs: number;
  carryOverKrs: number;
}

export type ScoreResult =
  | {
    status: 'scored'; report: ScoreReportView; /** Rows of this cycle replaced (0 the first time). */ replacedRows: number; registerSheet: string; chartSheet?: string;
    /** What an override let through: a quarter never locked, rule errors (none without one). */
    overridden: { notLocked: boolean; findings: FindingView[] };
  }
  /** The register already holds this cycle: ask, then call again with replace: true. */
  | { status: 'needsConfirm'; cycle: string; existingRows: number }
  /** For code 'scoreBlocked': whether the quarter was never locked, and every rule error; otherwise false and empty. */
  | (RefusedView & { notLocked: boolean; findings: FindingView[] });

export type ReviewResult =
  | { status: 'added'; sheet: string; month: string; /** People who got a row. */ added: number; /** People whose blank row got progress and deviation. */ filled: number; /** People who already had one (untouched). */ skipped: number; /** Progress the elapsed time calls for (0–1). */ expected: number }
  | RefusedView;

/** The KR's text cell (an AnnualKrView's sheet and cell) and the change asked for; an approval date only once approved. */
export type AnnualChangeRequest = Pick<AppAnnualChangeRequest, 'sheet' | 'cell' | 'newText' | 'requester' | 'approver' | 'approvedOn' | 'note'>;

export type ChangeResult =
  | { status: 'logged'; oldText: string; newText: string; /** True when the row names an approver and an approval date. */ approved: boolean }
  | RefusedView;

/**
 * The workbook's sheet-protection password, typed into the pane: the actions hand it to Excel (which
 * keeps only a hash) and never store or log it. Undefined: sheets are protected without a password.
 */
export interface PasswordOption {
  password?: string;
}

/**
 * The Quarter step's actions (src/office/lifecycle.ts behind them). `by` is who does it, for the change
 * log; `password` unprotects the sheets written and protects them (and sheets added) again.
 */
export interface QuarterActions {
  /** Reads the workbook's cycle, lock and annual KRs. Rejects when the workbook is not an OKR workbook. */
  quarterInfo(lang: Lang): Promise<QuarterInfo>;
  /** Locks the quarter; `override` (a reason) locks although cards are not agreed; `relock` locks again. */
  lock(o: { lang: Lang; by?: string; override?: string; relock?: boolean } & PasswordOption): Promise<LockResult>;
  /**
   * Quarter-end scoring; a cycle already in the register is replaced only with `replace: true`.
   * Refused ('scoreBlocked') on a quarter never locked or with rule errors, unless `override` gives a reason.
   */
  score(o: { lang: Lang; by?: string; replace?: boolean; override?: string } & PasswordOption): Promise<ScoreResult>;
  /** Adds the rows of `month` ("YYYY-MM") to the review sheet. */
  addReviewMonth(o: { lang: Lang; month: string } & PasswordOption): Promise<ReviewResult>;
  /** Writes the change-log row of an annual KR change. */
  requestAnnualKrChange(o: { lang: Lang } & AnnualChangeRequest & PasswordOption): Promise<ChangeResult>;
}

/** What the organisation update did (or why it did nothing), in the pane's language. */
export interface OrgUpdateView {
  status: 'updated' | 'upToDate' | 'refused';
  /** The summary ("新增 3 人；离职 1 人…"), or why the update was refused. */
  message: string;
  /** One line per card or cell changed or noticed: where (sheet or sheet!cell) and what. */
  lines: { where: string; what: string }[];
}

// ---- the year: the next quarter's workbook, the annual results ---------------------------------------

/** What the person asks of `next` in the pane: the quarter to start, last year's annual KRs, an override reason. */
export interface NextQuarterAsk extends PasswordOption {
  lang: Lang;
  cycle: Cycle;
  /** Into a new year: bring last year's annual objectives and KRs, as drafts. */
  carryAnnual?: boolean;
  /** Build although the current quarter was not scored (refusal 'notScored'): the reason. */
  override?: string;
  by?: string;
}

/** The next quarter's workbook, built (the same counts `okr-workbook next` prints) and opened in Excel or offered as a file. */
export interface NextQuarterBuilt {
  status: 'built';
  from: string;
  to: string;
  people: number;
  carried: CarriedKr[];
  annual: number;
  history: number;
  moved: { name: string; from: string; to: string }[];
  left: { name: string; department: string }[];
  notCarried: string[];
  annualDropped: number;
  /** The new workbook's file ("OKR 2027-Q1.xlsx") and bytes: to download when it could not be opened. */
  file: { name: string; bytes: Uint8Array };
  /** True: Excel opened it as a new workbook (unsaved, in its own window); the open workbook is untouched. */
  opened: boolean;
  /** When not opened, why, as a sentence in the language asked for (the host lacks ExcelApi 1.8, or Excel refused). */
  notOpened?: string;
}

/** `code`: 'notScored' (offer the override), 'cycleNotAfter', 'blankReason', … */
export type NextQuarterResult = NextQuarterBuilt | RefusedView;

/** The pane's year actions (src/office/pane-actions.ts): read the open workbook, never write it. */
export interface YearActions {
  /** Builds the next quarter's workbook from the open one and opens it in Excel as a NEW workbook. */
  nextQuarter(o: NextQuarterAsk): Promise<NextQuarterResult>;
  /** The year's results of the open workbook. */
  yearResults(lang: Lang): Promise<YearResults>;
}

export interface PaneActions extends QuarterActions, YearActions {
  /** Names of the workbook's worksheets, in tab order (for "import from a sheet"). */
  listSheets(): Promise<string[]>;
  /** OKR sheets this add-in generated earlier. Non-empty → the pane does not offer to generate. */
  existingOkrSheets(): Promise<string[]>;
  /**
   * Reads and checks an organisation; never writes to the workbook. Rejects only on unexpected failures.
   * A file or pasted text is read a bounded piece at a time, reporting progress, so the pane stays
   * responsive; once `options.signal` is aborted the read stops and resolves `{ cancelled: true }`.
   */
  readOrg(source: OrgSource, lang: Lang, options?: ReadOptions): Promise<OrgPreview>;
  /**
   * Creates the OKR workbook from templates. Must re-check that no OKR sheets exist and return
   * `skipped: true` instead of touching them. Calls onProgress(done, total) as sheets are written.
   * With `options.password`, every protected sheet is protected with that password.
   */
  generate(setup: SetupState, org: Organisation, onProgress: (done: number, total: number) => void, options?: PasswordOption): Promise<GenerateSummary>;
  /**
   * Brings the OKR workbook already in Excel up to `org`: new cards, departed cards kept and marked,
   * headers and lists updated, the templates upgraded; never writes an input cell.
   */
  updateOrg(org: Organisation, lang: Lang, options?: PasswordOption & { by?: string }): Promise<OrgUpdateView>;
  /** Reads the workbook back and runs every rule. */
  validate(lang: Lang): Promise<FindingView[]>;
  /** Activates `sheet` and selects `cell` so the user sees the offending value. */
  selectCell(sheet: string, cell: string): Promise<void>;
}

/** Built once at start-up from Office's display language and theme (see index.tsx / host.ts). */
export interface HostInfo {
  lang: Lang;
  theme: 'light' | 'dark';
  /** Set when the Excel host lacks a required API set; generation is then disabled. */
  unsupportedMessage?: string;
}
