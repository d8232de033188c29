/**
 * The Office.js adapter against the in-memory Excel (packages/fake-excel): generate, validate, quarter-end
 * scoring, and update when the adapter has it. Figures are the in-memory Excel's own accounting:
 * round trips, request bytes (the body office.js would send: each object path once per request,
 * see packages/fake-excel/src/wire.ts), response bytes (the JSON of what was read).
 */
import { parseCycle } from '../../src/domain/cycle';
import { DEFAULT_SETTINGS, type Cycle } from '../../src/domain/model';
import { checkBook } from '../../src/i18n/findings';
import type { SyntheticBook } from '../../test/support/synthetic';
import { applyPlan } from '../../src/office/apply-plan';
import { createCommandActions } from '../../src/office/command-actions';
import { readOpenBook } from '../../src/office/read-book';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { buildWorkbook } from '../../src/templates/build';
import type { WorkbookPlan } from '../../src/templates/plan';
import { createFakeExcel, type FakeExcel } from '@okr-workbook/fake-excel';

export const CYCLE: Cycle = parseCycle('2026-Q4') as Cycle;

export type Operation = 'generate' | 'validate' | 'score' | 'update';

/** One row of the JSON's "cases". */
export interface OfficeCase {
  people: number;
  operation: Operation;
  /** context.sync() calls made by the adapter (Excel.run's closing sync, empty, is not counted). */
  syncs: number;
  /** Syncs that carried operations: the round trips Excel on the web charges for. */
  requests: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
  ms: number;
}

/** What the table and the budgets need beside the JSON row. */
export interface OfficeDetail {
  case: OfficeCase;
  maxResponseBytes: number;
  totalResponseBytes: number;
  readMs?: number;
  rulesMs?: number;
  findings?: number;
  note?: string;
}

export function planOf(book: SyntheticBook): WorkbookPlan {
  return buildWorkbook({
    lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, org: book.org,
    company: book.company, departments: book.departments, individuals: book.individuals,
  }).plan;
}

/** Runs `work` against `fake` with fresh counters and returns its figures. */
async function measure(fake: FakeExcel, people: number, operation: Operation, work: () => Promise<Partial<OfficeDetail> | void>): Promise<OfficeDetail> {
  fake.stats.reset();
  // Office.context.requirements as the add-in sees it: the adapter asks it which requirement sets it may use.
  const uninstall = fake.installGlobals();
  const t0 = performance.now();
  let extra: Partial<OfficeDetail> | void;
  try {
    extra = await work();
  } finally {
    uninstall();
  }
  const ms = performance.now() - t0;
  const s = fake.stats;
  return {
    case: {
      people, operation, syncs: s.syncs - s.runs, requests: s.requests,
      maxRequestBytes: s.maxRequestBytes, totalRequestBytes: s.totalRequestBytes, ms: Math.round(ms),
    },
    maxResponseBytes: s.maxResponseBytes,
    totalResponseBytes: s.totalResponseBytes,
    ...(extra ?? {}),
  };
}

/** A fresh in-memory Excel with the generated workbook in it, and the generate case measured on the way. */
export async function generate(people: number, plan: WorkbookPlan): Promise<{ fake: FakeExcel; detail: OfficeDetail }> {
  const fake = createFakeExcel({ sheets: ['Sheet1'] });
  const detail = await measure(fake, people, 'generate', async () => {
    await fake.run((ctx) => applyPlan(ctx, plan));
  });
  return { fake, detail };
}

/**
 * The naive way, for comparison: the very same operations, but one sync per sheet (each sheet, with
 * the names that live on it, applied on its own), as an adapter that syncs in its loop over sheets would.
 */
export async function generateNaive(people: number, plan: WorkbookPlan): Promise<OfficeDetail> {
  const fake = createFakeExcel({ sheets: ['Sheet1'] });
  return measure(fake, people, 'generate', async () => {
    await fake.run(async (ctx) => {
      for (const sheet of plan.sheets) {
        await applyPlan(ctx, { ...plan, sheets: [sheet], names: plan.names.filter((n) => n.sheet === sheet.name) });
      }
    });
  });
}

/** The task pane's 校验: read everything, then the rules; the two timed apart. */
export async function validate(people: number, fake: FakeExcel): Promise<OfficeDetail> {
  let readMs = 0;
  let rulesMs = 0;
  let findings = 0;
  return measure(fake, people, 'validate', async () => {
    await fake.run(async (ctx) => {
      const r0 = performance.now();
      const book = await readOpenBook(ctx);
      readMs = performance.now() - r0;
      const c0 = performance.now();
      findings = checkBook(book, { lang: 'zh-CN' }).length;
      rulesMs = performance.now() - c0;
    });
    return { readMs: Math.round(readMs), rulesMs: Math.round(rulesMs * 10) / 10, findings };
  });
}

/**
 * The ribbon's 季度评分 (command-actions score), whatever it does by now, without its size limit
 * (RIBBON_SCORE_MAX_SHEETS, which refuses the 1,000-person workbook after one round trip): the
 * figures are the scoring's own, the ones that limit is estimated from.
 */
export async function score(people: number, fake: FakeExcel): Promise<OfficeDetail> {
  return measure(fake, people, 'score', async () => {
    const r = await createCommandActions('zh-CN', fake.run, Number.POSITIVE_INFINITY).score();
    return r.ok ? {} : { note: `refused: ${r.message.split('\n')[0]}` };
  });
}

/**
 * 更新组织架构 with ten newcomers: the organisation of the generated workbook plus ten people in its
 * first departments. `writeBytes` is what the update sends beyond reading: it should not grow with
 * the workbook.
 */
export async function update(people: number, fake: FakeExcel, book: SyntheticBook): Promise<OfficeDetail & { writeBytes: number }> {
  const depts = book.org.departments;
  const newcomers = Array.from({ length: 10 }, (_, i) => {
    const d = depts[i % depts.length];
    return { name: `新员工${i + 1}`, department: d.name, position: '工程师', manager: d.head, head: false };
  });
  const org = { departments: depts, people: [...book.org.people, ...newcomers] };
  const detail = await measure(fake, people, 'update', async () => {
    const r = await createLifecycleActions(fake.run, () => '2026-11-28').updateOrg({ lang: 'zh-CN', org });
    if (r.status !== 'updated') return { note: r.status === 'refused' ? `refused: ${r.message}` : r.status };
    return r.added.length === 10 ? {} : { note: `${r.added.length} cards added, not 10` };
  });
  // Requests that change the workbook (property sets and method calls), as the tests count them.
  const writeBytes = fake.stats.log.filter((l) => l.summary.some((x) => /^(set|call) /.test(x))).reduce((n, l) => n + l.bytes, 0);
  return { ...detail, writeBytes };
}
