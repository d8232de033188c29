/**
 * Every word the task pane shows. Each language implements PaneText in full, so a key missing from
 * either does not compile.
 */
import type { Lang, RatingCode } from '../../domain/model';

export type StepId = 'setup' | 'org' | 'generate' | 'validate' | 'quarter';

/** The sheet kinds the pane names (the same list as taskpane/actions.ts's SHEET_KINDS). */
export type PaneSheetKind = 'guide' | 'settings' | 'map' | 'plan' | 'department' | 'individual' | 'review' | 'scores' | 'changelog';

export type FieldErrorCode =
  | 'notNumber'
  | 'notInteger'
  | 'yearRange'
  | 'fairPositive'
  | 'goodAboveFair'
  | 'goodToAtLeastGood'
  | 'goodToBelowOne'
  | 'atLeastOne'
  | 'maxAtLeastMin'
  | 'percentRange';

/** A validation problem of one setup field; `value` is the bound it was compared with, when there is one. */
export interface FieldError {
  code: FieldErrorCode;
  value?: number;
}

export interface PaneText {
  appTitle: string;
  stepsLabel: string;
  steps: Record<StepId, string>;
  unsupportedTitle: string;
  /** The start-up message when Excel lacks ExcelApi 1.9. */
  unsupportedMessage: string;
  /** Between two findings' messages on one line. */
  findingSeparator: string;
  errorTitle: string;
  dismiss: string;

  // Setup
  setupHeading: string;
  cycleHeading: string;
  year: string;
  quarter: string;
  quarterOption: (q: number) => string;
  cycleDates: (start: string, end: string) => string;
  language: string;
  languageHint: string;
  langNames: Record<Lang, string>;
  bandsHeading: string;
  fairFrom: string;
  goodFrom: string;
  goodTo: string;
  bandsPreview: (fair: number, good: number, goodTo: number) => string;
  limitsHeading: string;
  minObjectives: string;
  maxObjectives: string;
  maxKrs: string;
  bottomUp: string;
  setupInvalid: string;
  fieldError: (e: FieldError) => string;

  // Organisation
  orgHeading: string;
  sourceLabel: string;
  sourceFile: string;
  sourceSheet: string;
  sourcePaste: string;
  columnsHelp: string;
  chooseFile: string;
  noFile: string;
  chosenFile: (name: string) => string;
  sheetLabel: string;
  sheetPlaceholder: string;
  loadingSheets: string;
  noSheets: string;
  reloadSheets: string;
  pasteLabel: string;
  pasteHint: string;
  /** Where pasted text is said to be, in import messages (the file name of a file). */
  pastedSource: string;
  read: string;
  reading: string;
  /** The progress of a read, e.g. "读取中… 45%". */
  readingProgress: (percent: number) => string;
  cancelRead: string;
  /** Said when the person cancelled a read (the earlier result, if any, stays). */
  readCancelled: string;
  readResult: (departments: number, people: number) => string;
  okrCount: (n: number) => string;
  departmentsCaption: string;
  colDepartment: string;
  colHead: string;
  colPeople: string;
  noHead: string;
  readFailed: string;
  issuesHeading: (n: number) => string;
  issueLine: (line: number, column: string, message: string) => string;

  // Generate
  generateHeading: string;
  planHeading: string;
  planCycle: (cycle: string, lang: string) => string;
  planDepartments: (n: number) => string;
  planIndividuals: (n: number) => string;
  planOther: (names: string[]) => string;
  needOrg: string;
  needSetup: string;
  checkingExisting: string;
  existingTitle: string;
  existingBody: string;
  updateOrgHeading: string;
  updateOrgHint: (people: number, departments: number) => string;
  updateOrg: string;
  updating: string;
  updatedTitle: string;
  upToDateTitle: string;
  updateRefusedTitle: string;
  updateLinesLabel: string;
  checkAgain: string;
  generate: string;
  generating: (done: number, total: number) => string;
  generatingStart: string;
  doneTitle: string;
  doneBody: (sheets: number, seconds: string) => string;
  skippedTitle: string;
  skippedDefault: string;
  createdKind: (kind: string, n: number) => string;
  unsupportedGenerate: string;
  sheetKinds: Record<PaneSheetKind, string>;
  passwordLabel: string;
  passwordHint: string;
  passwordConfirmLabel: string;
  passwordMismatch: string;

  // Validate
  validateHeading: string;
  validateIntro: string;
  validate: string;
  validating: string;
  counts: (errors: number, warnings: number) => string;
  noFindings: string;
  filtersLabel: string;
  filterDepartment: string;
  allDepartments: string;
  noDepartment: string;
  showErrors: string;
  showWarnings: string;
  severity: Record<'error' | 'warning', string>;
  shown: (n: number, total: number) => string;
  noneMatch: string;
  findingsHint: string;
  ruleHeading: (rule: string, title: string, n: number) => string;
  findingWhere: (owner: string, department: string) => string;
  selectFailed: string;

  // Quarter (step 5)
  quarterHeading: string;
  quarterIntro: string;
  loadingQuarter: string;
  readAgain: string;
  quarterCycle: (cycle: string) => string;
  lockedOn: (date: string) => string;
  notLocked: string;
  byLabel: string;
  byHint: string;
  quarterPasswordLabel: string;
  quarterPasswordHint: string;
  refusedTitle: string;
  cardLabel: (department: string, owner: string) => string;
  goToSheet: (sheet: string) => string;
  ratings: Record<RatingCode, string>;
  noScore: string;
  // Lock
  lockHeading: string;
  lockIntro: string;
  lock: string;
  locking: string;
  lockRefusedTitle: string;
  lockNotAgreed: (cards: number, problems: number) => string;
  /** Rule errors stop the lock: n cards, m errors. */
  lockErrors: (cards: number, problems: number) => string;
  unsignedCards: string;
  /** Heading of the list of cards with rule errors (lock and scoring refused). */
  errorCards: string;
  cardProblems: (n: number) => string;
  overrideGroup: string;
  overrideLabel: string;
  /** The lock override's checkbox when rule errors (not only sign-offs) stop it. */
  overrideLabelErrors: string;
  overrideReason: string;
  overrideReasonMissing: string;
  lockAnyway: string;
  relock: string;
  lockedTitle: string;
  lockedBody: (cards: number, objectives: number, quarterlyKrs: number) => string;
  lockedOverride: (problems: number) => string;
  /** The quarter was locked already: only cards signed since (late joiners) were locked now. */
  lockedLateBody: (cards: number, objectives: number, quarterlyKrs: number) => string;
  /** A relock: texts replaced (each logged old → new), how many not approved, the archived snapshot. */
  relockedBody: (replaced: number, unapproved: number, archive: string) => string;
  // Scoring
  scoreHeading: string;
  scoreIntro: string;
  score: string;
  scoring: string;
  confirmTitle: string;
  confirmBody: (cycle: string, rows: number) => string;
  confirmReplace: string;
  cancel: string;
  scoredTitle: (cycle: string) => string;
  scoredReplaced: (rows: number) => string;
  scoreRefusedTitle: string;
  /** Scoring refused: the quarter not locked, and/or errors on some cards. */
  scoreBlocked: (notLocked: boolean, cards: number, problems: number) => string;
  scoreOverrideGroup: string;
  scoreOverrideLabel: string;
  scoreAnyway: string;
  /** Scored by override: what it let through, recorded in the change log. */
  scoredOverride: (notLocked: boolean, problems: number) => string;
  companyScore: (score: string, rating: string) => string;
  companyNoScore: string;
  distributionCaption: string;
  departmentScoresCaption: string;
  colRating: string;
  colScore: string;
  krNotes: (unscored: number, tooEasy: number, carryOver: number) => string;
  registerAt: (sheet: string) => string;
  chartAt: (sheet: string) => string;
  // Review month
  reviewHeading: string;
  reviewIntro: string;
  monthLabel: string;
  monthHint: (first: string, last: string) => string;
  monthInvalid: string;
  monthOutside: (first: string, last: string) => string;
  addMonth: string;
  addingMonth: string;
  reviewDoneTitle: (month: string) => string;
  reviewDoneBody: (added: number, filled: number, skipped: number, sheet: string) => string;
  reviewExpected: (percent: string) => string;
  // Annual KR change
  changeHeading: string;
  changeIntro: string;
  krLabel: string;
  krPlaceholder: string;
  krOption: (card: string, objective: number, kr: number, text: string) => string;
  noAnnualKrs: string;
  currentText: (text: string) => string;
  newTextLabel: string;
  requesterLabel: string;
  approverLabel: string;
  approvedOnLabel: string;
  approvedOnHint: string;
  requiredField: string;
  dateInvalid: string;
  chooseKr: string;
  submitChange: string;
  submittingChange: string;
  changeLoggedTitle: string;
  changeLoggedBody: (oldText: string, newText: string) => string;
  changeAwaits: string;
  changeApproved: string;
  goToKr: string;
}
