import type { Finding } from '../domain/rules';
import { planLock } from '../templates/lifecycle';
import { readBook } from '../templates/read-book';
import type { WorkbookPort } from './port';
import { refused, type AppRefused } from './refused';
import type { Request } from './request';

export interface LockRequest extends Request {
  /** Lock although cards are not agreed; the reason goes into the change log. */
  override?: string;
  /** Lock again, replacing the snapshot with the current text. */
  relock?: boolean;
}

export type LockResult =
  | {
    status: 'locked'; cycle: string; cards: number; objectives: number; quarterlyKrs: number; snapshotSheet: string;
    /** The problems the override let through: AGREED ones first, then other rule errors. */
    overridden: Finding[];
    passwordUnused: boolean;
    /** The quarter was locked already: only cards signed since (late joiners) were locked now. */
    late: boolean;
    /** A relock: texts replaced (logged old → new), how many not approved, the archived snapshot's sheet. */
    relocked?: { replaced: number; unapproved: number; archive: string };
  }
  | AppRefused;

/**
 * Locks the quarter: freezes objectives and quarterly KRs (text, target, criteria), stores the
 * snapshot and logs it. Refused while cards are not agreed, unless overridden with a reason.
 */
export async function lockQuarter(port: WorkbookPort, req: LockRequest): Promise<LockResult> {
  const sheets = await port.read();
  const plan = planLock({ sheets, book: readBook(sheets), lang: req.lang, today: req.today, by: req.by, override: req.override, relock: req.relock });
  if (plan.status === 'refused') return refused(plan.refusal, req.lang);
  const { passwordUnused } = await port.apply([plan.edit], { password: req.password });
  return {
    status: 'locked', cycle: plan.snapshot.cycle ?? '', cards: plan.cards, objectives: plan.objectives, quarterlyKrs: plan.quarterlyKrs,
    snapshotSheet: plan.edit.sheets[0].plan.name, overridden: [...plan.notAgreed, ...plan.otherErrors], passwordUnused,
    late: plan.late, relocked: plan.relocked,
  };
}
