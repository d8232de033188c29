/**
 * The lifecycle use cases (src/app/) in the open workbook, for the task pane and the ribbon: each
 * is ONE Excel.run around the use case, with the workbook port on its request context. Errors from
 * Excel become a readable OfficeActionError (its cause kept); refusals come back as values.
 */
import {
  addReviewMonth, lockQuarter, requestAnnualKrChange, scoreQuarter, updateOrganisation,
  type AnnualChangeRequest, type AnnualChangeResult, type LockRequest, type LockResult, type ReviewRequest, type ReviewResult,
  type ScoreRequest, type ScoreResult, type UpdateRequest, type UpdateResult,
} from '../app';
import { isoDateOf } from '../domain/cycle';
import type { IsoDate, Lang } from '../domain/model';
import { readable } from './errors';
import { excelRun, type ExcelRun } from './run';
import { OfficeWorkbook } from './workbook-port';

/** What the person asks; the clock is the actions'. */
type Ask<R> = Omit<R, 'today'>;

export interface LifecycleActions {
  lock(o: Ask<LockRequest>): Promise<LockResult>;
  score(o: Ask<Omit<ScoreRequest, 'charts'>>): Promise<ScoreResult>;
  addReviewMonth(o: Ask<ReviewRequest>): Promise<ReviewResult>;
  requestAnnualKrChange(o: Ask<AnnualChangeRequest>): Promise<AnnualChangeResult>;
  updateOrg(o: Ask<UpdateRequest>): Promise<UpdateResult>;
}

/**
 * The actions, with Excel.run (or the in-memory Excel's run in tests) and a clock (the date written
 * into the change log; tests fix it).
 */
export function createLifecycleActions(run: ExcelRun = excelRun, today: () => IsoDate = () => isoDateOf(new Date())): LifecycleActions {
  const inExcel = <T>(lang: Lang, useCase: (port: OfficeWorkbook) => Promise<T>): Promise<T> =>
    readable(lang, () => run((ctx) => useCase(new OfficeWorkbook(ctx, lang))));
  return {
    lock: (o) => inExcel(o.lang, (port) => lockQuarter(port, { ...o, today: today() })),
    // The add-in writes the quarter's chart sheet too (a file cannot hold Excel's charts).
    score: (o) => inExcel(o.lang, (port) => scoreQuarter(port, { ...o, today: today(), charts: true })),
    addReviewMonth: (o) => inExcel(o.lang, (port) => addReviewMonth(port, { ...o, today: today() })),
    requestAnnualKrChange: (o) => inExcel(o.lang, (port) => requestAnnualKrChange(port, { ...o, today: today() })),
    updateOrg: (o) => inExcel(o.lang, (port) => updateOrganisation(port, { ...o, today: today() })),
  };
}
