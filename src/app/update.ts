import type { Organisation } from '../domain/model';
import { readBook } from '../templates/read-book';
import { planUpdate, updateLines, type UpdatePlan } from '../templates/update';
import type { WorkbookPort } from './port';
import { refused, type AppRefused } from './refused';
import type { Request } from './request';

export interface UpdateRequest extends Request {
  /** The organisation as it is now. */
  org: Organisation;
  /** The date people who left are marked with (YYYY-MM-DD); default: today. */
  leftOn?: string;
}

export type UpdateView = Pick<UpdatePlan, 'added' | 'recreated' | 'departed' | 'returned' | 'moved' | 'headers' | 'hidden' | 'upgrade'>;

export type UpdateResult =
  | ({ status: 'updated' | 'upToDate'; summary: string; lines: { where: string; what: string }[]; passwordUnused: boolean } & UpdateView)
  | AppRefused;

/**
 * Brings a live workbook up to a new organisation and to the current templates: new people and
 * departments get cards, departed cards stay marked, headers follow; nothing typed is touched.
 * The template upgrade goes first (one edit per card), the organisation's edit last.
 */
export async function updateOrganisation(port: WorkbookPort, req: UpdateRequest): Promise<UpdateResult> {
  const sheets = await port.read();
  const plan = planUpdate({ sheets, book: readBook(sheets), lang: req.lang, today: req.today, by: req.by, org: req.org, leftOn: req.leftOn });
  if (plan.status === 'refused') return refused(plan.refusal, req.lang);
  const { passwordUnused } = plan.upToDate ? { passwordUnused: false } : await port.apply([...plan.upgrades, plan.edit], { password: req.password });
  const { added, recreated, departed, returned, moved, headers, hidden, upgrade } = plan;
  return {
    status: plan.upToDate ? 'upToDate' : 'updated', summary: plan.summary[req.lang], lines: updateLines(plan, req.lang), passwordUnused,
    added, recreated, departed, returned, moved, headers, hidden, upgrade,
  };
}
