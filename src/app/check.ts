import type { Lang } from '../domain/model';
import { checkBook, type Finding } from '../i18n/findings';
import { readBook } from '../templates/read-book';
import type { WorkbookPort } from './port';

export interface CheckResult {
  findings: Finding[];
  errors: number;
  warnings: number;
}

/** Every rule on the whole workbook, findings in `lang`. */
export async function checkWorkbook(port: Pick<WorkbookPort, 'read'>, req: { lang: Lang }): Promise<CheckResult> {
  const findings = checkBook(readBook(await port.read()), { lang: req.lang });
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { findings, errors, warnings: findings.length - errors };
}
