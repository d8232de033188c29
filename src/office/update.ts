/**
 * The organisation update in the open workbook: the task pane's "更新组织架构" with a new org table.
 * One Excel.run: read the workbook (the names list rides in the same round trip), plan with the
 * same pure planner the command line uses (src/templates/update.ts), apply in ONE write request.
 * Only the cells, rules and names the plan names are written, so what colleagues type elsewhere while
 * the update runs survives; the cells the update does write are cells the templates own (labels,
 * formulas, headers, the staff list), never input cells.
 */
import { isoDateOf } from '../domain/cycle';
import type { IsoDate, Lang, Organisation } from '../domain/model';
import { readBook } from '../templates/read-book';
import { LifecycleError } from '../templates/lifecycle';
import { planUpdate, updateLines, type UpdatePlan } from '../templates/update';
import { finalOrder, mergeEdits, type WorkbookEdit } from '../templates/edits';
import { TEMPLATE_VERSION } from '../templates/plan';
import { applyPlan, estimateGeneratedSheets, utf8Length } from './apply-plan';
import { applyEditOffice, queuePositions } from './edit';
import { readable } from './errors';
import type { ExcelRun } from './pane-actions';
import { readOpenWorkbook } from './read-book';

export type UpdateView = Pick<UpdatePlan, 'added' | 'recreated' | 'departed' | 'returned' | 'moved' | 'headers' | 'hidden' | 'upgrade'>;

export type UpdateOutcome =
  | ({ status: 'updated' | 'upToDate'; summary: string; lines: { where: string; what: string }[] } & UpdateView)
  | { status: 'refused'; code: string; message: string };

export interface UpdateRequest {
  lang: Lang;
  org: Organisation;
  by?: string;
  /** The workbook's sheet-protection password, when it has one. */
  password?: string;
}

/**
 * Estimated bytes per request for the parts of an update, below apply-plan's 4 MB because the
 * estimate of an edit (estimateEditBytes) is rougher than generation's.
 */
const REQUEST_BUDGET = 3_000_000;

/**
 * About what an edit's request costs as office.js sends it: per written cell its formula, number
 * format and cell properties (~320 bytes as office.js frames them, measured on the in-memory Excel), per rule its range, formula and messages.
 */
function estimateEditBytes(edit: WorkbookEdit): number {
  let n = 2_000;
  for (const w of edit.writes) for (const row of w.cells) for (const c of row) n += c ? 320 + utf8Length(JSON.stringify(c)) : 8;
  for (const r of edit.rules) n += 1_000 + utf8Length(JSON.stringify(r)) + 600 * (r.validations.length + r.conditionalFormats.length);
  return n;
}

/** Edits grouped into requests of about `budget` bytes each, in order. */
function packEdits(edits: WorkbookEdit[], budget: number): WorkbookEdit[] {
  const out: WorkbookEdit[] = [];
  let cur: WorkbookEdit[] = [];
  let size = 0;
  for (const e of edits) {
    const b = estimateEditBytes(e);
    if (cur.length && size + b > budget) { out.push(mergeEdits(cur)); cur = []; size = 0; }
    cur.push(e);
    size += b;
  }
  if (cur.length) out.push(mergeEdits(cur));
  return out;
}

export function createUpdateAction(run: ExcelRun = (batch) => Excel.run(batch), today: () => IsoDate = () => isoDateOf(new Date())) {
  return (o: UpdateRequest): Promise<UpdateOutcome> => readable(o.lang, () => run(async (ctx): Promise<UpdateOutcome> => {
    const names = ctx.workbook.names.load('items/name');
    const { sheets, states } = await readOpenWorkbook(ctx);
    let plan: UpdatePlan;
    try {
      plan = planUpdate({ sheets, book: readBook(sheets), lang: o.lang, today: today(), by: o.by, org: o.org });
    } catch (e) {
      if (e instanceof LifecycleError) return { status: 'refused', code: e.code, message: e.text[o.lang] };
      throw e;
    }
    if (!plan.upToDate) {
      const opts = { password: o.password, existingNames: names.items.map((n) => n.name) };
      // A template upgrade rewrites every card: several requests, each under the budget.
      for (const part of packEdits(plan.upgrades, REQUEST_BUDGET)) await applyEditOffice(ctx, part, states, opts);
      let edit = plan.edit;
      // Many new cards at once (a whole new division): sent the way generation sends them, packed.
      const cards = edit.sheets.filter((s) => s.visibility === 'visible' && !s.replaces && !s.charts?.length);
      if (estimateGeneratedSheets(cards.map((s) => s.plan), edit.styles) > REQUEST_BUDGET) {
        await applyPlan(ctx, { lang: o.lang, templateVersion: TEMPLATE_VERSION, sheets: cards.map((s) => s.plan), names: [], styles: edit.styles }, { password: o.password });
        // Their places in the tabs ride along with the edit's request.
        queuePositions(ctx.workbook, finalOrder(states.map((st) => st.name), cards), cards.filter((c) => c.after !== undefined).map((c) => c.plan.name));
        edit = { ...edit, sheets: edit.sheets.filter((s) => !cards.includes(s)) };
      }
      await applyEditOffice(ctx, edit, states, opts);
    }
    const { added, recreated, departed, returned, moved, headers, hidden, upgrade } = plan;
    return {
      status: plan.upToDate ? 'upToDate' : 'updated', summary: plan.summary[o.lang], lines: updateLines(plan, o.lang),
      added, recreated, departed, returned, moved, headers, hidden, upgrade,
    };
  }));
}
