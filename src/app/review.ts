import { planReviewMonth, type ReviewPlan } from '../templates/lifecycle';
import { readBook } from '../templates/read-book';
import type { WorkbookPort } from './port';
import { refused, type AppRefused } from './refused';
import type { Request } from './request';

export interface ReviewRequest extends Request {
  /** "YYYY-MM". */
  month: string;
}

export type ReviewResult =
  | ({ status: 'added'; month: string; passwordUnused: boolean } & Pick<ReviewPlan, 'sheet' | 'added' | 'skipped' | 'expected'>)
  | AppRefused;

/** A new review month: a row per person who has none for that month; nothing is written when all have one. */
export async function addReviewMonth(port: WorkbookPort, req: ReviewRequest): Promise<ReviewResult> {
  const sheets = await port.read();
  const plan = planReviewMonth({ sheets, book: readBook(sheets), lang: req.lang, today: req.today, month: req.month });
  if (plan.status === 'refused') return refused(plan.refusal, req.lang);
  const { passwordUnused } = plan.added.length ? await port.apply([plan.edit], { password: req.password }) : { passwordUnused: false };
  return { status: 'added', month: req.month.trim(), sheet: plan.sheet, added: plan.added, skipped: plan.skipped, expected: plan.expected, passwordUnused };
}
