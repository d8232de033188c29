import { planReviewMonth, type ReviewPlan } from '../templates/lifecycle';
import { readBook } from '../templates/read-book';
import type { WorkbookPort } from './port';
import { refused, type AppRefused } from './refused';
import type { Request } from './request';

export interface ReviewRequest extends Request {
  /** The review period: a month "YYYY-MM" or an ISO week "YYYY-Www". */
  month: string;
}

export type ReviewResult =
  | ({ status: 'added'; month: string; passwordUnused: boolean } & Pick<ReviewPlan, 'sheet' | 'added' | 'filled' | 'skipped' | 'expected'>)
  | AppRefused;

/** A review month or week: a row per person who has none for it, blank pre-created rows filled in; nothing is written when there is nothing to do. */
export async function addReviewMonth(port: WorkbookPort, req: ReviewRequest): Promise<ReviewResult> {
  const sheets = await port.read();
  const plan = planReviewMonth({ sheets, book: readBook(sheets), lang: req.lang, today: req.today, month: req.month });
  if (plan.status === 'refused') return refused(plan.refusal, req.lang);
  const { passwordUnused } = plan.added.length || plan.filled ? await port.apply([plan.edit], { password: req.password }) : { passwordUnused: false };
  return { status: 'added', month: plan.period, sheet: plan.sheet, added: plan.added, filled: plan.filled, skipped: plan.skipped, expected: plan.expected, passwordUnused };
}
