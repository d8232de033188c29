import { parseOrgTablePaced, readCsvTable, readTable, ImportError, Pacer, ReadCancelled, type TableInput, type XlsxTableReader } from '../io/import';
import { cycleLabel, isoDateOf } from '../domain/cycle';
import type { Finding } from '../domain/rules';
import { text } from '../i18n';
import { renderFinding, ruleTitle } from '../i18n/findings';
import { allCards, type IsoDate, type Lang, type OkrBook } from '../domain/model';
import type { QuarterReport } from '../domain/report';
import { checkWorkbook, generateWorkbook, nextQuarter, yearResults } from '../app';
import type { FileGenerationPort } from '../app/port';
import type { SheetKind as PlanSheetKind } from '../templates/plan';
import type {
  AnnualKrView, FindingView, GenerateSummary, OrgPreview, OrgUpdateView, PaneActions, QuarterActions, QuarterInfo, ScoreReportView, SheetKind, YearActions,
} from '../app/pane-contract';
import { readable } from './errors';
import { createLifecycleActions, type LifecycleActions } from './lifecycle';
import { findOkrSheets } from './okr-sheets';
import { readOpenBook } from './read-book';
import { excelApiSupported } from './requirements';
import { excelCreateWorkbook, excelRun, type CreateWorkbook, type ExcelRun } from './run';
import { OfficeWorkbook } from './workbook-port';

export type { ExcelRun } from './run';

const KIND: Record<PlanSheetKind, SheetKind> = {
  guide: 'guide', settings: 'settings', map: 'map', actions: 'plan', departmentCard: 'department',
  individualCard: 'individual', review: 'review', register: 'scores', year: 'scores', changeLog: 'changelog',
  // Never generated: written by lock and scoring (src/office/lifecycle.ts).
  lock: 'settings', charts: 'scores',
};

/** Without the file adapter's reader an .xlsx cannot be read: a bug in the wiring, not the person's file. */
const noXlsx: XlsxTableReader = () => Promise.reject(new Error('createPaneActions was given no .xlsx reader'));

/** Without the file renderer the next quarter cannot be built: a bug in the wiring too. */
const noFile = (): FileGenerationPort => {
  throw new Error('createPaneActions was given no workbook file renderer');
};

/** What the entry point hands in besides Excel.run: the file adapter's parts (src/office does not import src/xlsx). */
export interface PaneWiring {
  /** A new workbook rendered as an .xlsx file's bytes (src/xlsx/new-file.ts): the next quarter's target. */
  newFile?: () => FileGenerationPort;
  /** Excel.createWorkbook, looked up when called; tests pass the in-memory Excel's. */
  createWorkbook?: CreateWorkbook;
}

/** Findings as the pane shows them, in `lang` (none for undefined). */
const findingViews = (fs: readonly Finding[] | undefined, lang: Lang): FindingView[] => (fs ?? []).map((f) => findingView(f, lang));

/** A rule finding as the pane shows it, in `lang`. */
function findingView(f: Finding, lang: Lang): FindingView {
  return {
    rule: f.rule, ruleTitle: ruleTitle(f.rule, lang), severity: f.severity, level: f.level,
    department: f.department, owner: f.owner, sheet: f.sheet, cell: f.cell, message: renderFinding(f, lang),
  };
}

/**
 * The task pane's actions, implemented with Office.js. `run` defaults to Excel.run, looked up when
 * called; `uiLang` is the language of errors from actions that are not given one; `today` is the date
 * the lifecycle actions write into the change log (tests fix it); `readXlsx` reads an .xlsx file the
 * person picked (the file adapter's, src/xlsx/table.ts, handed in by the pane's entry point); `wiring`
 * the file renderer the next quarter is built with, and Excel.createWorkbook.
 */
export function createPaneActions(
  run: ExcelRun = excelRun, uiLang: Lang = 'zh-CN', today?: () => IsoDate, readXlsx: XlsxTableReader = noXlsx, wiring: PaneWiring = {},
): PaneActions {
  const lifecycle = createLifecycleActions(run, today);
  return {
    ...createQuarterActions(run, lifecycle),
    ...createYearActions(run, today ?? (() => isoDateOf(new Date())), wiring),

    listSheets: () => readable(uiLang, () => run(async (ctx) => (await findOkrSheets(ctx)).all)),

    existingOkrSheets: () => readable(uiLang, () => run(async (ctx) => (await findOkrSheets(ctx)).okr)),

    async readOrg(source, lang, options): Promise<OrgPreview> {
      return readable(lang, async () => {
        // Reading is most of the work; checking the rows the last tenth.
        const pacer = new Pacer({ onProgress: options?.onProgress, signal: options?.signal });
        let table: TableInput;
        try {
          pacer.scope(0, 0.9);
          if (source.kind === 'file') table = await readTable(source.name, source.bytes, lang, readXlsx, pacer);
          else if (source.kind === 'paste') {
            await pacer.pause();
            table = readCsvTable(text(lang).pane.pastedSource, new TextEncoder().encode(source.text), lang);
          }
          else table = await run((ctx) => sheetTable(ctx, source.sheetName));
          pacer.scope(0.9, 1);
          return { org: await parseOrgTablePaced(table, lang, pacer), issues: [] };
        } catch (e) {
          if (e instanceof ReadCancelled) return { cancelled: true, issues: [] };
          if (e instanceof ImportError) return { issues: e.issues.map((i) => ({ file: i.file, line: i.line, column: i.column, message: i.message })) };
          throw e;
        }
      });
    },

    async generate(setup, org, onProgress, options): Promise<GenerateSummary> {
      const t0 = Date.now();
      const r = await readable(setup.lang, () => run((ctx) => generateWorkbook(new OfficeWorkbook(ctx, setup.lang), {
        lang: setup.lang, cycle: setup.cycle, settings: setup.settings, org, password: options?.password, onProgress,
      })));
      if (r.status === 'refused') return { created: [], skipped: true, reason: r.message, ms: Date.now() - t0 };
      return { created: r.sheets.map((s) => ({ sheet: s.name, kind: KIND[s.kind] })), skipped: false, ms: Date.now() - t0 };
    },

    async updateOrg(org, lang, options): Promise<OrgUpdateView> {
      const out = await lifecycle.updateOrg({ lang, org, by: options?.by, password: options?.password });
      if (out.status === 'refused') return { status: 'refused', message: out.message, lines: [] };
      return { status: out.status, message: out.summary, lines: out.lines };
    },

    async validate(lang): Promise<FindingView[]> {
      return readable(lang, () => run(async (ctx) => {
        const { findings } = await checkWorkbook(new OfficeWorkbook(ctx, lang), { lang });
        return findings.map((f) => findingView(f, lang));
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

/**
 * The Quarter step's actions: src/office/lifecycle.ts (same `run`), its outcomes turned into the
 * pane's views (findings rendered in the language asked for, the report reduced to what is shown).
 */
function createQuarterActions(run: ExcelRun, lifecycle: LifecycleActions): QuarterActions {
  return {
    quarterInfo: (lang) => readable(lang, () => run(async (ctx) => quarterInfoOf(await readOpenBook(ctx)))),

    async lock(o) {
      const r = await lifecycle.lock(o);
      if (r.status === 'refused') {
        return { status: 'refused', code: r.code, message: r.message, findings: findingViews(r.findings, o.lang) };
      }
      return { status: 'locked', cards: r.cards, objectives: r.objectives, quarterlyKrs: r.quarterlyKrs, overridden: findingViews(r.overridden, o.lang), late: r.late, relocked: r.relocked };
    },

    async score(o) {
      const r = await lifecycle.score(o);
      if (r.status === 'refused') return { status: 'refused', code: r.code, message: r.message, notLocked: r.notLocked === true, findings: findingViews(r.findings, o.lang) };
      if (r.status === 'needsConfirm') return { status: 'needsConfirm', cycle: r.cycle, existingRows: r.existingRows };
      return {
        status: 'scored', report: reportView(r.report), replacedRows: r.replacedRows, registerSheet: r.registerSheet, chartSheet: r.chartSheet,
        overridden: { notLocked: r.overridden.notLocked, findings: findingViews(r.overridden.findings, o.lang) },
      };
    },

    async addReviewMonth(o) {
      const r = await lifecycle.addReviewMonth(o);
      if (r.status === 'refused') return { status: 'refused', code: r.code, message: r.message };
      return { status: 'added', sheet: r.sheet, month: r.month, added: r.added.length, filled: r.filled, skipped: r.skipped, expected: r.expected };
    },

    async requestAnnualKrChange(o) {
      const r = await lifecycle.requestAnnualKrChange(o);
      if (r.status === 'refused') return { status: 'refused', code: r.code, message: r.message };
      return { status: 'logged', oldText: r.oldText, newText: r.newText, approved: r.approved };
    },
  };
}

/** An .xlsx file's bytes as the base64 string Excel.createWorkbook takes. */
export function base64Of(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * The year's actions. `next`: the open workbook is read in one Excel.run (never written), the use
 * case builds the next quarter into a file rendered here in the pane by the package engine (the
 * file the command line writes), and Excel opens those bytes as a new workbook (ExcelApi 1.8).
 * Where it cannot, the file is handed back to be downloaded, with the reason.
 */
function createYearActions(run: ExcelRun, today: () => IsoDate, wiring: PaneWiring): YearActions {
  const readOpen = (lang: Lang) => readable(lang, () => run((ctx) => new OfficeWorkbook(ctx, lang).read()));
  return {
    async nextQuarter(o) {
      const sheets = await readOpen(o.lang);
      const target = (wiring.newFile ?? noFile)();
      const r = await nextQuarter({ read: async () => sheets }, target, {
        lang: o.lang, today: today(), by: o.by, cycle: o.cycle, carryAnnual: o.carryAnnual, override: o.override, password: o.password,
      });
      if (r.status === 'refused') return { status: 'refused', code: r.code, message: r.message };
      const P = text(o.lang).year.pane;
      const bytes = target.bytes();
      const built = {
        status: 'built' as const, from: r.from, to: r.to, people: r.people, carried: r.carried, annual: r.annual, history: r.history,
        moved: r.moved, left: r.left, notCarried: r.notCarried, annualDropped: r.annualDropped, file: { name: P.fileName(r.to), bytes },
      };
      if (!excelApiSupported('1.8')) return { ...built, opened: false, notOpened: P.cannotOpen };
      try {
        await (wiring.createWorkbook ?? excelCreateWorkbook)(base64Of(bytes));
      } catch (e) {
        // Not swallowed: the person sees Excel's reason and gets the file instead.
        return { ...built, opened: false, notOpened: P.openFailed(e instanceof Error ? e.message : String(e)) };
      }
      return { ...built, opened: true };
    },

    yearResults: (lang) => readable(lang, () => run((ctx) => yearResults(new OfficeWorkbook(ctx, lang)))),
  };
}

const month = (year: number, m: number): string => `${year}-${String(m).padStart(2, '0')}`;

function quarterInfoOf(book: OkrBook): QuarterInfo {
  const { year, quarter } = book.cycle;
  const annualKrs: AnnualKrView[] = [];
  for (const card of allCards(book)) {
    for (const o of card.objectives) {
      for (const kr of o.krs) {
        if (kr.period !== 'annual' || !kr.ref) continue;
        annualKrs.push({
          sheet: kr.ref.sheet || card.sheet || '', cell: kr.ref.text, level: card.level,
          department: card.level === 'company' ? '' : card.department ?? '', owner: card.level === 'individual' ? card.owner ?? '' : '',
          objectiveNo: o.no, krNo: kr.no, text: kr.text,
        });
      }
    }
  }
  return {
    cycle: cycleLabel(book.cycle),
    firstMonth: month(year, 3 * quarter - 2),
    lastMonth: month(year, 3 * quarter),
    locked: book.lock !== undefined,
    lockedOn: book.lock?.lockedOn,
    annualKrs,
  };
}

function reportView(r: QuarterReport): ScoreReportView {
  return {
    cycle: r.cycle,
    people: r.people.length,
    company: { score: r.company.score, rating: r.company.rating },
    distribution: { ...r.distribution },
    departments: r.departments.map((d) => ({ name: d.name, score: d.score, rating: d.rating })),
    unscoredKrs: r.unscored.length,
    tooEasyKrs: r.tooEasy.length,
    carryOverKrs: r.carryOver.length,
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
