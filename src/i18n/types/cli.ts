/** Every sentence the command line says to a person. */
export interface CliText {
  badCycle: (v: string) => string;
  badLang: (v: string) => string;
  exists: (f: string) => string;
  cannotRead: (f: string, why: string) => string;
  cannotWrite: (f: string, why: string) => string;
  notOkr: (f: string, why: string) => string;
  /** Why a workbook is not an OKR workbook (NotAnOkrWorkbook's reason). */
  notOkrWhy: { noSettings: string; noCycle: string };
  written: (f: string, sheets: number, people: number, depts: number, kb: number, ms: number) => string;
  noFindings: string;
  summary: (e: number, w: number) => string;
  error: string;
  warning: string;
  failed: string;
  outExists: (f: string) => string;
  locked: (f: string, cycle: string, cards: number, o: number, k: number, sheet: string) => string;
  /** Locked only the cards signed after the quarter was locked (late joiners). */
  lockedLate: (f: string, cycle: string, cards: number, o: number, k: number) => string;
  relocked: (replaced: number, unapproved: number, archive: string) => string;
  overridden: (n: number, reason: string) => string;
  /** Scored by override: what it let through (a quarter not locked, n errors), the reason. */
  scoreOverridden: (notLocked: boolean, n: number, reason: string) => string;
  /** Register rows of people who left, kept and marked. */
  keptLeavers: (n: number) => string;
  scoredAgain: (cycle: string, n: number) => string;
  scored: (f: string, cycle: string, people: number, depts: number, replaced: number) => string;
  companyScore: (s: string) => string;
  distribution: (s: string) => string;
  departments: (s: string) => string;
  tooEasy: (n: number) => string;
  unscored: (n: number) => string;
  /** KRs below the GOOD band (`goodFrom`, e.g. "0.60"): carry-over candidates. */
  carryOver: (n: number, goodFrom: string) => string;
  /** `review` without --month or --week, or with both. */
  reviewPeriodNeeded: string;
  reviewAdded: (f: string, period: string, n: number, filled: number, skipped: number, sheet: string) => string;
  reviewNothing: (month: string) => string;
  updated: (f: string, what: string) => string;
  upToDate: (what: string) => string;
  /** Why a file could not be written, from Node's error code (`detail`: Node's own words). */
  whyNotWritten: (code: string, detail: string) => string;
  noSuchFile: string;
  /** Who a company KR belongs to. */
  company: string;
  krName: (objectiveNo: number, krNo: number) => string;
  membersMean: (score: string) => string;
  /** Between the items of a printed list: "良好 3，优秀 1". */
  clauseSep: string;
  passwordMissing: (file: string, first: string, sheets: number) => string;
  passwordWrong: (first: string) => string;
  passwordUnsupported: (first: string) => string;
  passwordUnused: (file: string) => string;
  protectedWith: string;
  /** The command line's own usage mistakes (what commander finds), each naming what was written. */
  usage: {
    missingOption: (option: string) => string;
    optionNeedsValue: (option: string) => string;
    unknownOption: (option: string) => string;
    missingArgument: (argument: string) => string;
    unknownCommand: (command: string, commands: readonly string[]) => string;
    tooManyArguments: (command: string) => string;
    invalidValue: (detail: string) => string;
    seeHelp: (command: string) => string;
  };
}
