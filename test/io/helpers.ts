import { ImportError, type ImportIssue } from '../../src/io/import';

/** Runs fn, expects an ImportError, returns its issues. */
export function issuesOf(fn: () => unknown): ImportIssue[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e.issues;
    throw e;
  }
  throw new Error('expected an ImportError, but nothing was thrown');
}

export async function issuesOfAsync(fn: () => Promise<unknown>): Promise<ImportIssue[]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ImportError) return e.issues;
    throw e;
  }
  throw new Error('expected an ImportError, but nothing was thrown');
}

/** file/line/column/code of each issue, for compact assertions. */
export function where(issues: ImportIssue[]): string[] {
  return issues.map((i) => `${i.file}:${i.line}:${i.column}:${i.code}`);
}

export const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
export const BOM = '\ufeff';
