/**
 * The lifecycle actions in the open workbook — lock the quarter, quarter-end scoring, a new review
 * month, an annual KR change request — for the task pane and the ribbon. Each is ONE Excel.run:
 * read everything (one round trip up to about 450 people, one more per ~4 MB of values beyond: see
 * read-book.ts), plan the edit with the same pure planners the command line uses
 * (src/templates/lifecycle.ts), apply it in one request (src/office/edit.ts).
 */
import { isoDateOf } from '../domain/cycle';
import type { IsoDate, Lang } from '../domain/model';
import type { QuarterReport } from '../domain/report';
import type { Finding } from '../domain/rules';
import { readBook } from '../templates/read-book';
import {
  LifecycleError, planAnnualKrChange, planLock, planReviewMonth, planScore,
  type AnnualChangeInput, type ReviewPlan,
} from '../templates/lifecycle';
import { applyEditOffice } from './edit';
import { readable } from './errors';
import type { ExcelRun } from './pane-actions';
import { readOpenWorkbook } from './read-book';

/** Refused: the person must do something first; `message` says what, in the requested language. */
export interface Refused {
  status: 'refused';
  code: string;
  message: string;
  /** The findings behind the refusal, when there are any: for code 'notAgreed', every AGREED problem (cards not agreed or not signed). */
  findings?: Finding[];
}

export type LockOutcome =
  | { status: 'locked'; cards: number; objectives: number; quarterlyKrs: number; snapshotSheet: string; overridden: Finding[] }
  | Refused;

export type ScoreOutcome =
  | { status: 'scored'; report: QuarterReport; replacedRows: number; registerSheet: string; chartSheet?: string }
  /** The register already holds this cycle: ask the person, then call again with replace: true. */
  | { status: 'needsConfirm'; report: QuarterReport; existingRows: number; message: string }
  | Refused;

export type ReviewOutcome = ({ status: 'added' } & Pick<ReviewPlan, 'sheet' | 'added' | 'skipped' | 'expected'>) | Refused;

export type ChangeOutcome = { status: 'logged'; oldText: string } | Refused;

/**
 * The workbook's sheet-protection password, when it has one: the sheets an action writes are
 * unprotected and protected again with it, sheets it adds get it. Handed to Excel only, never kept.
 */
export interface PasswordOption {
  password?: string;
}

export interface LifecycleActions {
  lock(o: { lang: Lang; by?: string; override?: string; relock?: boolean } & PasswordOption): Promise<LockOutcome>;
  score(o: { lang: Lang; by?: string; replace?: boolean } & PasswordOption): Promise<ScoreOutcome>;
  addReviewMonth(o: { lang: Lang; month: string } & PasswordOption): Promise<ReviewOutcome>;
  requestAnnualKrChange(o: { lang: Lang } & Pick<AnnualChangeInput, 'sheet' | 'cell' | 'newText' | 'requester' | 'approver' | 'approvedOn' | 'note'> & PasswordOption): Promise<ChangeOutcome>;
}

const CONFIRM = (cycle: string, n: number): Record<Lang, string> => ({
  'zh-CN': `“结果运用”中已有 ${cycle} 的 ${n} 行评分。重新评分会替换这些行（其他周期的行不变，人力资源部填写的内容按人保留）。确定要重新评分吗？`,
  'en-US': `The score register already holds ${n} rows for ${cycle}. Scoring again replaces them (other cycles stay; what HR typed stays with each person). Score again?`,
});

function refused(e: unknown, lang: Lang): Refused {
  if (e instanceof LifecycleError) return { status: 'refused', code: e.code, message: e.text[lang], ...(e.findings.length ? { findings: e.findings } : {}) };
  throw e;
}

/**
 * The actions, with Excel.run (or the in-memory Excel's run in tests) and a clock (the date written
 * into the change log; tests fix it).
 */
export function createLifecycleActions(run: ExcelRun = (batch) => Excel.run(batch), today: () => IsoDate = () => isoDateOf(new Date())): LifecycleActions {
  return {
    lock: (o) => readable(o.lang, () => run(async (ctx) => {
      const { sheets, states } = await readOpenWorkbook(ctx);
      let plan;
      try {
        plan = planLock({ sheets, book: readBook(sheets), lang: o.lang, today: today(), by: o.by, override: o.override, relock: o.relock });
      } catch (e) {
        return refused(e, o.lang);
      }
      await applyEditOffice(ctx, plan.edit, states, { password: o.password });
      return {
        status: 'locked' as const, cards: plan.cards, objectives: plan.objectives, quarterlyKrs: plan.quarterlyKrs,
        snapshotSheet: plan.edit.sheets[0].plan.name, overridden: plan.notAgreed,
      };
    })),

    score: (o) => readable(o.lang, () => run(async (ctx): Promise<ScoreOutcome> => {
      const { sheets, states } = await readOpenWorkbook(ctx);
      const plan = planScore({ sheets, book: readBook(sheets), lang: o.lang, today: today(), by: o.by, replace: o.replace === true, charts: true });
      if (plan.status === 'needsConfirm') {
        return { status: 'needsConfirm', report: plan.report, existingRows: plan.existingRows, message: CONFIRM(plan.report.cycle, plan.existingRows)[o.lang] };
      }
      await applyEditOffice(ctx, plan.edit, states, { password: o.password });
      return { status: 'scored', report: plan.report, replacedRows: plan.replacedRows, registerSheet: plan.registerSheet, chartSheet: plan.chartSheet };
    })),

    addReviewMonth: (o) => readable(o.lang, () => run(async (ctx): Promise<ReviewOutcome> => {
      const { sheets, states } = await readOpenWorkbook(ctx);
      let plan;
      try {
        plan = planReviewMonth({ sheets, book: readBook(sheets), lang: o.lang, today: today(), month: o.month });
      } catch (e) {
        return refused(e, o.lang);
      }
      if (plan.added.length) await applyEditOffice(ctx, plan.edit, states, { password: o.password });
      return { status: 'added', sheet: plan.sheet, added: plan.added, skipped: plan.skipped, expected: plan.expected };
    })),

    requestAnnualKrChange: ({ password, ...o }) => readable(o.lang, () => run(async (ctx): Promise<ChangeOutcome> => {
      const { sheets, states } = await readOpenWorkbook(ctx);
      let plan;
      try {
        // The password is left out of what the planner gets: it only goes to Excel.
        plan = planAnnualKrChange({ ...o, sheets, book: readBook(sheets), today: today() });
      } catch (e) {
        return refused(e, o.lang);
      }
      await applyEditOffice(ctx, plan.edit, states, { password });
      return { status: 'logged', oldText: plan.oldText };
    })),
  };
}
