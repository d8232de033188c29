import type { Lang } from '../domain/model';
import { located, tooManyIssues } from './messages';

/** What went wrong, machine-readable (the message says it to a person). */
export type IssueCode =
  | 'NOT_UTF8'
  | 'CSV_SYNTAX'
  | 'XLSX_UNREADABLE'
  /** A part or the whole package inflates to more than the limits (#15). */
  | 'XLSX_TOO_LARGE'
  /** A non-blank cell outside the rows and columns an import reads (#15). */
  | 'XLSX_TOO_FAR'
  | 'UNSUPPORTED_FORMAT'
  | 'EMPTY_FILE'
  | 'CELL_TOO_LONG'
  | 'NAME_TOO_LONG'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'REQUIRED'
  | 'BAD_NUMBER'
  | 'BAD_INTEGER'
  | 'BAD_DATE'
  | 'BAD_WORD'
  | 'BAD_YES_NO'
  | 'BAD_ALIGNMENT'
  | 'UNKNOWN_DEPARTMENT'
  | 'UNKNOWN_PERSON'
  | 'PERSON_NOT_IN_DEPARTMENT'
  | 'AMBIGUOUS_PERSON'
  | 'DUPLICATE_PERSON'
  /** Two rows with one employee id (工号): an id names one person. */
  | 'DUPLICATE_ID'
  | 'TWO_HEADS'
  | 'SELF_MANAGER'
  | 'MANAGER_LOOP'
  | 'NO_PEOPLE'
  | 'NOT_ON_CARD'
  | 'CONFLICT'
  | 'DUPLICATE_KR'
  | 'KR_WITHOUT_OBJECTIVE';

export interface ImportIssue {
  file: string;
  /** 1-based line of the CSV text or sheet row (header = line 1); 0 when the issue concerns the whole file. */
  line: number;
  /** The header as written in the file; the canonical header when the column is missing; '' for none. */
  column: string;
  /** A complete sentence naming file, line and column, in the language asked for. */
  message: string;
  code: IssueCode;
}

export const MAX_ISSUES = 50;

export class ImportError extends Error {
  /** At most MAX_ISSUES issues, in the order they were found. */
  readonly issues: ImportIssue[];
  /** How many further issues were found but not listed. */
  readonly omitted: number;

  constructor(issues: ImportIssue[], lang: Lang = 'zh-CN', omitted = 0) {
    const lines = issues.map((i) => i.message);
    if (omitted > 0) lines.push(tooManyIssues(lang, issues.length, omitted));
    super(lines.join('\n'));
    this.name = 'ImportError';
    this.issues = issues;
    this.omitted = omitted;
  }
}

/** Collects issues of one file (all of them, not just the first), capped at MAX_ISSUES. */
export class IssueCollector {
  readonly issues: ImportIssue[] = [];
  private extra = 0;

  constructor(
    readonly file: string,
    readonly lang: Lang,
  ) {}

  add(code: IssueCode, line: number, column: string, text: string): void {
    if (this.issues.length >= MAX_ISSUES) {
      this.extra++;
      return;
    }
    this.issues.push({ file: this.file, line, column, code, message: located(this.lang, this.file, line, column, text) });
  }

  get count(): number {
    return this.issues.length + this.extra;
  }

  /** Throws an ImportError when anything was collected. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new ImportError(this.issues, this.lang, this.extra);
  }
}

/** One issue, thrown at once (for problems that stop the reading of a file). */
export function fail(file: string, lang: Lang, code: IssueCode, line: number, column: string, text: string): never {
  const c = new IssueCollector(file, lang);
  c.add(code, line, column, text);
  c.throwIfAny();
  throw new Error('unreachable');
}
