import { parseOrgTable, readCsvTable, readTable, ImportError, type TableInput } from '../io/import';
import { checkBook, renderFinding } from '../domain/rules';
import { ruleTitle } from '../domain/messages';
import type { Lang } from '../domain/model';
import { buildWorkbook } from '../templates/build';
import type { SheetKind as PlanSheetKind } from '../templates/plan';
import type { FindingView, GenerateSummary, OrgPreview, PaneActions, SheetKind } from '../taskpane/actions';
import { applyPlan } from './apply-plan';
import { readable } from './errors';
import { findOkrSheets } from './okr-sheets';
import { readOpenBook } from './read-book';

/** Excel.run's shape; tests pass the in-memory Excel's run. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const KIND: Record<PlanSheetKind, SheetKind> = {
  guide: 'guide', settings: 'settings', map: 'map', actions: 'plan', departmentCard: 'department',
  individualCard: 'individual', review: 'review', register: 'scores', changeLog: 'changelog',
  // Never generated: written by lock and scoring (src/office/lifecycle.ts).
  lock: 'settings', charts: 'scores',
};

const EXISTS = (sheets: string[]): Record<Lang, string> => ({
  'zh-CN': `工作簿中已有OKR工作表（${sheets.slice(0, 5).join('、')}${sheets.length > 5 ? '等' : ''}），未做任何修改。`,
  'en-US': `The workbook already has OKR sheets (${sheets.slice(0, 5).join(', ')}${sheets.length > 5 ? ', …' : ''}); nothing was changed.`,
});

/**
 * The task pane's actions, implemented with Office.js. `run` defaults to Excel.run, looked up when
 * called; `uiLang` is the language of errors from actions that are not given one.
 */
export function createPaneActions(run: ExcelRun = (batch) => Excel.run(batch), uiLang: Lang = 'zh-CN'): PaneActions {
  return {
    listSheets: () => readable(uiLang, () => run(async (ctx) => (await findOkrSheets(ctx)).all)),

    existingOkrSheets: () => readable(uiLang, () => run(async (ctx) => (await findOkrSheets(ctx)).okr)),

    async readOrg(source, lang): Promise<OrgPreview> {
      return readable(lang, async () => {
        let table: TableInput;
        try {
          if (source.kind === 'file') table = await readTable(source.name, source.bytes, lang);
          else if (source.kind === 'paste') table = readCsvTable(lang === 'zh-CN' ? '粘贴的内容' : 'pasted text', new TextEncoder().encode(source.text), lang);
          else table = await run((ctx) => sheetTable(ctx, source.sheetName));
          return { org: parseOrgTable(table, lang), issues: [] };
        } catch (e) {
          if (e instanceof ImportError) return { issues: e.issues.map((i) => ({ file: i.file, line: i.line, column: i.column, message: i.message })) };
          throw e;
        }
      });
    },

    async generate(setup, org, onProgress): Promise<GenerateSummary> {
      const t0 = Date.now();
      return readable(setup.lang, () => run(async (ctx) => {
        const { okr, all } = await findOkrSheets(ctx);
        const { plan } = buildWorkbook({ lang: setup.lang, cycle: setup.cycle, settings: setup.settings, org });
        const taken = new Set(all.map((n) => n.toLowerCase()));
        const clash = plan.sheets.map((s) => s.name).filter((n) => taken.has(n.toLowerCase()));
        if (okr.length || clash.length) {
          return { created: [], skipped: true, reason: EXISTS(okr.length ? okr : clash)[setup.lang], ms: Date.now() - t0 };
        }
        await applyPlan(ctx, plan, { onProgress });
        ctx.workbook.worksheets.getItem(plan.sheets[0].name).activate();
        await ctx.sync();
        return { created: plan.sheets.map((s) => ({ sheet: s.name, kind: KIND[s.kind] })), skipped: false, ms: Date.now() - t0 };
      }));
    },

    async validate(lang): Promise<FindingView[]> {
      return readable(lang, () => run(async (ctx) => {
        const book = await readOpenBook(ctx);
        return checkBook(book, { lang }).map((f) => ({
          rule: f.rule, ruleTitle: ruleTitle(f.rule, lang), severity: f.severity, level: f.level,
          department: f.department, owner: f.owner, sheet: f.sheet, cell: f.cell, message: renderFinding(f, lang),
        }));
      }));
    },

    async selectCell(sheet, cell) {
      return readable(uiLang, () => run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell || 'A1').select();
        await ctx.sync();
      }));
    },
  };
}

/** An existing sheet of the workbook as an import table (first row = column names). */
async function sheetTable(context: Excel.RequestContext, sheetName: string): Promise<TableInput> {
  const r = context.workbook.worksheets.getItem(sheetName).getUsedRange(true);
  r.load('values,rowIndex');
  await context.sync();
  const values = r.values as (string | number | boolean)[][];
  const [header = [], ...rows] = values;
  return {
    file: sheetName,
    header: header.map((h) => String(h)),
    headerLine: r.rowIndex + 1,
    rows: rows
      .map((cells, i) => ({ line: r.rowIndex + i + 2, cells: cells.map((c) => (typeof c === 'boolean' ? String(c) : c)) }))
      .filter((row) => row.cells.some((c) => c !== '')),
  };
}
