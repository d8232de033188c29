import type { QuarterReport } from '../domain/report';
import type { Finding } from '../domain/rules';
import { text } from '../i18n';
import { planScore } from '../templates/lifecycle';
import { readBook } from '../templates/read-book';
import type { WorkbookPort } from './port';
import { refused, type AppRefused } from './refused';
import type { Request } from './request';

export interface ScoreRequest extends Request {
  /** Replace this cycle's rows when the register holds them already (the person confirmed). */
  replace?: boolean;
  /** Add the chart sheet (the add-in; a file adapter cannot write charts). */
  charts: boolean;
  /** Score although the quarter is not locked or rule errors remain; the reason and the findings go into the change log. */
  override?: string;
}

export type ScoreResult =
  | {
    status: 'scored'; report: QuarterReport; replacedRows: number; registerSheet: string; chartSheet?: string; passwordUnused: boolean;
    /** What the override let through: a quarter never locked, rule errors (none without an override). */
    overridden: { notLocked: boolean; findings: Finding[] };
    /** Register rows of people who left since the cycle was scored: kept and marked. */
    keptLeavers: number;
  }
  /** The register already holds this cycle: ask the person (`message`), then again with replace. */
  | { status: 'needsConfirm'; report: QuarterReport; cycle: string; existingRows: number; message: string }
  | AppRefused;

/** Quarter-end scoring: every score and rating into the score register, a change-log row, the charts. */
export async function scoreQuarter(port: WorkbookPort, req: ScoreRequest): Promise<ScoreResult> {
  const sheets = await port.read();
  const plan = planScore({ sheets, book: readBook(sheets), lang: req.lang, today: req.today, by: req.by, replace: req.replace === true, charts: req.charts, override: req.override });
  if (plan.status === 'refused') return refused(plan.refusal, req.lang);
  if (plan.status === 'needsConfirm') {
    const { cycle } = plan.report;
    return { status: 'needsConfirm', report: plan.report, cycle, existingRows: plan.existingRows, message: text(req.lang).app.confirmRescore(cycle, plan.existingRows) };
  }
  const { passwordUnused } = await port.apply([plan.edit], { password: req.password });
  return {
    status: 'scored', report: plan.report, replacedRows: plan.replacedRows, registerSheet: plan.registerSheet, chartSheet: plan.chartSheet, passwordUnused,
    overridden: plan.overridden, keptLeavers: plan.keptLeavers,
  };
}
