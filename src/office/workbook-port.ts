/**
 * The workbook port (src/app/port.ts) on the workbook open in Excel, for one Excel.run. Reading is
 * one round trip up to about 450 people (read-book.ts), the names list riding along. Edits are sent
 * as few requests as Excel's size limit allows: a template upgrade (one edit per card) in parts of
 * about REQUEST_BUDGET bytes, many new cards (a whole new division) the way generation sends them,
 * the rest in one request. Only the cells, rules and names an edit names are written, so what
 * colleagues type elsewhere meanwhile survives.
 */
import type { Lang } from '../domain/model';
import type { ApplyOptions, ApplyReport, GenerationPort, WorkbookPort } from '../app/port';
import { finalOrder, mergeEdits, type WorkbookEdit } from '../templates/edits';
import { TEMPLATE_VERSION, type WorkbookPlan } from '../templates/plan';
import type { SheetValues } from '../templates/read-book';
import { applyPlan, estimateGeneratedSheets, utf8Length } from './apply-plan';
import { applyEditOffice, queuePositions } from './edit';
import { findOkrSheets } from './okr-sheets';
import { readOpenWorkbook, type SheetState } from './read-book';
import { excelApiSupported } from './requirements';

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

export class OfficeWorkbook implements WorkbookPort, GenerationPort {
  private states: SheetState[] = [];
  private names: string[] = [];

  /** `lang`: the language of the sheets an edit adds. */
  constructor(private readonly ctx: Excel.RequestContext, private readonly lang: Lang) {}

  async read(): Promise<SheetValues[]> {
    let names: Excel.NamedItemCollection | undefined;
    // The names list rides in the request that lists the sheets, whichever try of it goes through.
    const { sheets, states } = await readOpenWorkbook(this.ctx, { alongside: () => { names = this.ctx.workbook.names.load('items/name'); } });
    this.states = states;
    this.names = names ? names.items.map((n) => n.name) : [];
    return sheets;
  }

  async apply(edits: WorkbookEdit[], o: ApplyOptions): Promise<ApplyReport> {
    const { ctx, states } = this;
    const opts = { password: o.password, existingNames: this.names };
    const last = edits[edits.length - 1];
    // Everything before the last edit is a template upgrade's: several requests, each under the budget.
    for (const part of packEdits(edits.slice(0, -1), REQUEST_BUDGET)) await applyEditOffice(ctx, part, states, opts);
    if (!last) return { passwordUnused: false };
    let edit = last;
    const cards = edit.sheets.filter((s) => s.visibility === 'visible' && !s.replaces && !s.charts?.length);
    if (estimateGeneratedSheets(cards.map((s) => s.plan), edit.styles, excelApiSupported('1.7')) > REQUEST_BUDGET) {
      await applyPlan(ctx, { lang: this.lang, templateVersion: TEMPLATE_VERSION, sheets: cards.map((s) => s.plan), names: [], styles: edit.styles }, { password: o.password });
      // Their places in the tabs ride along with the edit's request.
      queuePositions(ctx.workbook, finalOrder(states.map((st) => st.name), cards), cards.filter((c) => c.after !== undefined).map((c) => c.plan.name));
      edit = { ...edit, sheets: edit.sheets.filter((s) => !cards.includes(s)) };
    }
    await applyEditOffice(ctx, edit, states, opts);
    // Excel hashes the password itself and reports nothing of the kind.
    return { passwordUnused: false };
  }

  async sheetNames(): Promise<{ all: string[]; okr: string[] }> {
    return findOkrSheets(this.ctx);
  }

  async create(plan: WorkbookPlan, o: { password?: string; onProgress?: (done: number, total: number) => void }): Promise<void> {
    await applyPlan(this.ctx, plan, { onProgress: o.onProgress, password: o.password });
    this.ctx.workbook.worksheets.getItem(plan.sheets[0].name).activate();
    await this.ctx.sync();
  }
}
