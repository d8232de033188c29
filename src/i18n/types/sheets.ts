/** The words the generated sheets carry: sheet names, titles, labels and column headers. */

/** Readers recognise every language's spelling of these (templates/text.ts `both`). */
export interface SheetLabels {
  sheetGuide: string;
  sheetSettings: string;
  sheetMap: string;
  sheetActions: string;
  sheetReview: string;
  sheetRegister: string;
  sheetChangeLog: string;
  sheetLock: string;
  sheetChartsPrefix: string;
  deptSheetPrefix: string;
  personSheetPrefix: string;
  titleMap: string;
  titleDeptCard: string;
  titlePersonCard: string;
  titleSettings: string;
  titleActions: string;
  titleReview: string;
  titleRegister: string;
  titleChangeLog: string;
  titleLock: string;
  /** A previous snapshot that a relock replaced, kept for the record. */
  titleLockArchive: string;
  sheetLockArchive: string;
  titleCharts: string;
  titleGuide: string;
  name: string;
  department: string;
  head: string;
  position: string;
  manager: string;
  /** The staff list's employee id column (工号) in 设置. */
  employeeId: string;
  cycle: string;
  cardStatus: string;
  company: string;
  cardScore: string;
  rating: string;
  /** A card's rating cell while no KR has a self or manager score. */
  notScored: string;
  objectiveCount: string;
  bottomUpShare: string;
  deptBottomUpShare: string;
  checkDeptBottomUp: string;
  checkObjectives: string;
  checkObjWeights: string;
  checkScores: string;
  checkRows: string;
  colObjNo: string;
  colCategory: string;
  colObjective: string;
  colSource: string;
  colAlignedTo: string;
  colObjWeight: string;
  colAgreed: string;
  colKrNo: string;
  colKr: string;
  colDeliverable: string;
  colTarget: string;
  colCriteria: string;
  colDeadline: string;
  colPeriod: string;
  colKrWeight: string;
  colProgress: string;
  colSelfScore: string;
  colManagerScore: string;
  colFinalScore: string;
  colObjScore: string;
  colStatus: string;
  colCarryReason: string;
  colKrCheck: string;
  colObjCheck: string;
  signOff: string;
  employeeSign: string;
  deptHeadSign: string;
  managerSign: string;
  gmSign: string;
  date: string;
  ok: string;
}

/** 设置: block titles, row labels, list headers and the cells' input prompts (templates/settings-sheet.ts). */
export interface SettingsSheetText {
  cycleBlock: string;
  cycleText: string;
  year: string;
  quarter: string;
  start: string;
  end: string;
  lang: string;
  version: string;
  limits: string;
  minO: string;
  maxO: string;
  maxKr: string;
  bottomUp: string;
  bands: string;
  code: string;
  label: string;
  from: string;
  to: string;
  bonus: string;
  categories: string;
  sources: string;
  periods: string;
  statuses: string;
  yesNo: string;
  align: string;
  staff: string;
  departments: string;
  note: string;
  bandPromptTitle: string;
  bandPrompt: string;
  sharePromptTitle: string;
  /** The business categories a new workbook starts with, in this language (HR edits them in 设置). */
  defaultCategories: string[];
}

/** The KR & action plan sheet (templates/simple-sheets.ts). */
export interface ActionsSheetText {
  note: string;
  ownerPrompt: string;
  statusPrompt: string;
  columns: {
    objective: string; kr: string; action: string; owner: string; start: string;
    due: string; status: string; progress: string; deliverable: string; notes: string;
  };
}

/** The monthly (quarterly) review sheet. */
export interface ReviewSheetText {
  note: string;
  columns: {
    period: string; department: string; name: string; progress: string; quality: string; balance: string;
    collaboration: string; countermeasures: string; improvements: string; onStandard: string; deviation: string;
    actionsEffect: string; countermeasuresEffect: string; obstacles: string; insurmountable: string;
    uncontrollable: string; accidental: string; removeObstacles: string; reviewer: string; reviewDate: string;
  };
}

/** The score register (结果运用) and its rating distribution block. */
export interface RegisterSheetText {
  note: string;
  distTitle: string;
  distCycle: string;
  distTotal: string;
  columns: {
    cycle: string; department: string; name: string; score: string; rating: string; bonus: string;
    position: string; salary: string; training: string; bonusAllocation: string; notes: string; level: string;
  };
}

/** The change log sheet. */
export interface ChangeLogSheetText {
  note: string;
  approverPrompt: string;
  columns: {
    date: string; kind: string; sheet: string; cell: string; oldText: string; newText: string;
    requester: string; approver: string; approvedOn: string; note: string;
  };
}

/** 说明: the guide's sections (one string per line) and the rules table's headers (templates/guide-sheet.ts). */
export interface GuideSheetText {
  howTitle: string;
  how: string[];
  scoringTitle: string;
  scoring: string[];
  timelineTitle: string;
  timeline: string[];
  rulesTitle: string;
  ruleCode: string;
  ruleName: string;
  ruleHint: string;
}

/** Input prompts and error alerts of the data validations (templates/card-validations.ts). */
export interface ValidationText {
  listTitle: string;
  category: string;
  source: string;
  alignedTo: string;
  agreed: string;
  period: string;
  status: string;
  weightTitle: string;
  weight: string;
  progressTitle: string;
  progress: string;
  /** A percentage prompt without more to say (review, actions, settings). */
  percent: string;
  scoreTitle: string;
  score: string;
  deadlineTitle: string;
  deadline: string;
  errTitle: string;
  errList: string;
  errDecimal: string;
  errDate: string;
  /** The sign-off block's name and date cells. */
  signTitle: string;
  sign: string;
  errSign: string;
  signDateTitle: string;
  signDate: string;
  errSignDate: string;
}

/** The lock snapshot sheet's labels, note and headers (templates/lock-sheet.ts). */
export interface LockSheetText {
  lockedOn: string;
  lockedBy: string;
  cycle: string;
  fingerprint: string;
  note: string;
  card: string;
  objectiveNo: string;
  krNo: string;
  period: string;
  text: string;
  target: string;
  criteria: string;
  sha: string;
  /** The note of an archived snapshot (kept by a relock). */
  archiveNote: string;
}

/**
 * What the cards' live check formulas say (templates/card-checks.ts). A tuple holds the pieces of
 * a sentence around the numbers the formula computes, in order: the formula puts a count (and a
 * limit) between them, so each language orders its own words around the numbers.
 */
export interface CheckText {
  /** Around the count and the maximum. */
  tooManyObjectives: readonly [string, string, string];
  /** Around the count and the minimum. */
  tooFewObjectives: readonly [string, string, string];
  /** The department's bottom-up share (its card and its people's): [before share, between share and minimum, after]. */
  deptBottomUpLow: readonly [string, string, string];
  someWeightsMissing: string;
  weightOutOfRange: string;
  /** Around the weights' sum. */
  weightSum: readonly [string, string];
  scoreRange: string;
  noKr: string;
  /** Around the count and the maximum. */
  tooManyKrs: readonly [string, string, string];
  noObjectiveText: string;
  noKrText: string;
  noTarget: string;
  noCriteria: string;
  noDeadline: string;
  badDeadline: string;
  deadlineOutside: string;
  badScore: string;
  /** After the number of rows. */
  rowsToFix: string;
}

/** The organisation update's summary (also its change-log note) and its per-card lines (templates/update.ts). */
export interface UpdateText {
  upToDate: string;
  peopleAdded: (n: number) => string;
  departmentsAdded: (n: number) => string;
  peopleLeft: (n: number) => string;
  departmentsClosed: (n: number) => string;
  cardsReturned: (n: number) => string;
  peopleMoved: (n: number) => string;
  /** People found by their employee id (工号) under a new name. */
  peopleRenamed: (n: number) => string;
  /** Objectives of moved people still aligned to the old department. */
  alignmentsStale: (n: number) => string;
  headersUpdated: (n: number) => string;
  cardsRecreated: (n: number) => string;
  upgraded: (from: number, to: number, sheets: number, skipped: number) => string;
  /** When only the staff list changed. */
  staffOnly: string;
  /** The clauses above joined into the summary sentence. */
  summary: (clauses: string[]) => string;
  line: {
    added: string;
    recreated: string;
    departed: string;
    returned: string;
    moved: (from: string, to: string) => string;
    /** The card's person renamed (found by employee id); the tab keeps its name. */
    renamed: (from: string, to: string) => string;
    staleAlignment: (target: string, from: string, to: string) => string;
    header: (old: string, now: string) => string;
    hidden: string;
    /** A card left out of the upgrade, with the reason (app.upgradeSkipped). */
    skipped: (reason: string) => string;
  };
}

export interface SheetsText {
  labels: SheetLabels;
  settings: SettingsSheetText;
  actions: ActionsSheetText;
  review: ReviewSheetText;
  register: RegisterSheetText;
  changeLog: ChangeLogSheetText;
  guide: GuideSheetText;
  validation: ValidationText;
  lock: LockSheetText;
  checks: CheckText;
  update: UpdateText;
}
