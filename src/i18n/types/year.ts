/** The OKR year: the 年度结果 sheet, 设置's year block, and the `next` / `year` use cases' sentences. */
export interface YearText {
  sheetName: string;
  /** The sheet's title, followed by the year ("年度结果 2027"): readers recognise the sheet by it. */
  title: string;
  note: string;
  columns: {
    level: string; department: string; name: string; id: string;
    /** "Q1得分", "Q1评级". */
    quarterScore: (q: string) => string; quarterRating: (q: string) => string;
    score: string; rating: string; bonus: string;
    position: string; salary: string; training: string;
    hrPosition: string; hrSalary: string; hrTraining: string; hrBonus: string; hrNotes: string;
  };
  settings: {
    block: string;
    quarter: string;
    weight: string;
    weightPrompt: string;
    rules: string;
    salary: string;
    training: string;
    positionAfterBad: string;
    positionText: string;
  };
  /** Defaults HR can change in 设置. */
  defaults: { training: { BAD: string; FAIR: string; GOOD: string; EXCELLENT: string }; position: string };
  /** What a carried KR's reason cell shows in the new quarter: where it came from, its progress, the reason. */
  carriedFrom: (p: { cycle: string; sheet: string; objective: number; kr: number; progress: string; reason: string }) => string;
  /** The change-log row of a quarter started from the last one. */
  nextLog: (p: { from: string; to: string; carried: number; annual: number }) => string;
  nextOverride: (reason: string) => string;
  /** The change-log row of a carried KR (old text: where it came from). */
  carriedLog: (p: { cycle: string; sheet: string; objective: number; kr: number }) => string;
  /** Lines `next` prints. */
  next: {
    written: (p: { out: string; from: string; to: string; people: number; carried: number; annual: number; history: number }) => string;
    notCarried: (where: string) => string;
    annualDropped: (n: number) => string;
    moved: (name: string, from: string, to: string) => string;
    left: (name: string, department: string) => string;
    sameFile: (file: string) => string;
  };
  /** What `year` prints. */
  print: {
    title: (year: number) => string;
    header: string[];
    none: string;
    noSheet: string;
  };
  /** The task pane's year sections: start the next quarter, the annual results. */
  pane: {
    nextHeading: string;
    nextIntro: string;
    cycleLabel: string;
    cycleHint: string;
    cycleInvalid: string;
    carryAnnual: string;
    carryAnnualHint: string;
    run: string;
    running: string;
    refusedTitle: string;
    /** The refusal 'notScored' as the pane says it (the use case's sentence names the command line's flags). */
    notScored: (cycle: string) => string;
    overrideGroup: string;
    overrideLabel: string;
    overrideSubmit: string;
    overrideReason: string;
    overrideReasonMissing: string;
    builtTitle: (from: string, to: string) => string;
    summary: (p: { people: number; carried: number; annual: number; history: number }) => string;
    opened: string;
    /** The host lacks ExcelApi 1.8 (Excel.createWorkbook). */
    cannotOpen: string;
    /** Excel refused to open the file: its message. */
    openFailed: (message: string) => string;
    download: (file: string) => string;
    /** Into a new year without the box ticked. */
    annualDropped: (n: number) => string;
    carriedCaption: string;
    colFrom: string;
    colOwner: string;
    colKr: string;
    /** The new workbook's file name. */
    fileName: (cycle: string) => string;
    yearHeading: string;
    yearIntro: string;
    yearRun: string;
    yearReading: string;
    yearCaption: string;
    /** No person, department or company line in the workbook. */
    yearEmpty: string;
  };
}
