/**
 * createFakeExcel(): an Excel host in memory, to run adapter code written against the real
 * `Excel` types (@types/office-js) and make wrong Office.js usage fail the way Excel would.
 *
 *   const fake = createFakeExcel({ sheets: ['Plan'] });
 *   await fake.run(async (context) => {                   // context: Excel.RequestContext
 *     const range = context.workbook.worksheets.getItem('Plan').getRange('A1:B1');
 *     range.values = [['Objective', 'Owner']];
 *     await context.sync();
 *   });
 *   fake.workbookState.sheet('Plan').values('A1:B1');     // [['Objective', 'Owner']]
 *   fake.stats.requests;                                   // 1
 */

import './charts';
import './conditional-formats';
import './validation';
import { DEFAULT_BEHAVIOUR, ExcelBehaviour, FakeHost, FakeRequestContext, Limits, SyncHookInfo, WEB_LIMITS, runBatch } from './core';
import { excelEnums } from './enums';
import {
  DEFAULT_API_SETS,
  FakeOffice,
  FakeOfficeControls,
  FakeOfficeExtension,
  LIGHT_THEME,
  OfficePlatform,
  OfficeThemeLike,
  createFakeOffice,
  installOn,
} from './office-globals';
import { FakeStats, createStats } from './stats';
import { Scalar } from './values';
import { FakeWorkbook } from './workbook';
import { createWorkbookFn, type CreatedWorkbook } from './new-workbooks';
import { WorkbookState } from './workbook-state';

export interface FakeExcelOptions extends Partial<ExcelBehaviour> {
  /** initial worksheets, in order (default ["Sheet1"]); the first is active */
  sheets?: string[];
  /** requirement sets name → highest supported version (default ExcelApi 1.17, ExcelApiOnline 1.1, …) */
  apiSets?: Record<string, string>;
  /** what Office.context.platform / onReady report (default "OfficeOnline") */
  platform?: OfficePlatform;
  /** request/response limits (default: Excel on the web, 5 MB / 5 MB / 5,000,000 cells); use Infinity to lift one */
  limits?: Partial<Limits>;
  /** what Range.values returns for a formula cell that has no cached value (default null: the fake does not calculate) */
  uncalculatedValue?: Scalar | null;
  /** apply Excel's typed-text conversions ("1.10" → 1.1, "1/2" → a date, …) when writing strings (default true) */
  coerceTypedText?: boolean;
  /** simulated round-trip time per sync in ms (default 0: a microtask) */
  latencyMs?: number;
  /** Office.context.displayLanguage (default "en-US") */
  displayLanguage?: string;
  officeTheme?: Partial<OfficeThemeLike>;
  /** called before each request is applied: simulate a co-author editing during the round trip */
  onBeforeSync?: (info: SyncHookInfo) => void;
}

export type FakeExcelNamespace = typeof excelEnums & {
  /** Excel.run with the real overloads; the context is the fake's */
  run: typeof Excel.run;
  RequestContext: new () => never;
  /** Excel.createWorkbook (ExcelApi 1.8): recorded in FakeExcel.createdWorkbooks (new-workbooks.ts) */
  createWorkbook: typeof Excel.createWorkbook;
};

export interface FakeExcel {
  /** the `Excel` namespace as the adapter sees it (Excel.run + enums) */
  Excel: FakeExcelNamespace;
  /** the `Office` global */
  Office: FakeOffice;
  /** the `OfficeExtension` global (Error for instanceof checks, ErrorCodes) */
  OfficeExtension: typeof FakeOfficeExtension;
  /** Excel.run(batch) */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** the in-memory workbook: inspect it, seed it, simulate co-authors */
  workbookState: WorkbookState;
  stats: FakeStats;
  /** test-side controls of the Office global (requirement sets, commands, theme, language) */
  office: FakeOfficeControls;
  /** change request/response limits at run time */
  setLimits(limits: Partial<Limits>): void;
  /** change where the fake behaves as Excel (or a build of Excel) does, at run time */
  setBehaviour(behaviour: Partial<ExcelBehaviour>): void;
  /**
   * Another workbook comes to the front: after `afterOperations` more write operations (default 0)
   * every write fails with InactiveWorkbook, until focusWorkbook().
   */
  blurWorkbook(opts?: { afterOperations?: number }): void;
  /** this workbook is in front again */
  focusWorkbook(): void;
  /** put Excel / Office / OfficeExtension on globalThis (or a window); returns the uninstaller */
  installGlobals(target?: object): () => void;
  /** every Excel.createWorkbook call that Excel would have opened, in order, with the file's bytes */
  readonly createdWorkbooks: CreatedWorkbook[];
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const state = new WorkbookState(options.sheets ?? ['Sheet1'], {
    uncalculatedValue: options.uncalculatedValue === undefined ? null : options.uncalculatedValue,
    coerceTypedText: options.coerceTypedText ?? true,
  });
  const stats = createStats();
  const { office, controls } = createFakeOffice({
    apiSets: options.apiSets ?? DEFAULT_API_SETS,
    platform: options.platform ?? 'OfficeOnline',
    displayLanguage: options.displayLanguage ?? 'en-US',
    theme: { ...LIGHT_THEME, ...(options.officeTheme ?? {}) },
  });
  const host: FakeHost = {
    state,
    stats,
    limits: { ...WEB_LIMITS, ...(options.limits ?? {}) },
    behaviour: {
      partialApply: options.partialApply ?? DEFAULT_BEHAVIOUR.partialApply,
      unprotectUnprotected: options.unprotectUnprotected ?? DEFAULT_BEHAVIOUR.unprotectUnprotected,
      wrongPasswordCode: options.wrongPasswordCode ?? DEFAULT_BEHAVIOUR.wrongPasswordCode,
      passwordLatch: options.passwordLatch ?? DEFAULT_BEHAVIOUR.passwordLatch,
      mergeClearsFill: options.mergeClearsFill ?? DEFAULT_BEHAVIOUR.mergeClearsFill,
      worksheetCopy: options.worksheetCopy ?? DEFAULT_BEHAVIOUR.worksheetCopy,
    },
    focus: { active: true, countdown: undefined },
    latencyMs: options.latencyMs ?? 0,
    isSetSupported: (name, version) => controls.isSetSupported(name, version),
    onBeforeSync: options.onBeforeSync,
    createWorkbook: (ctx: FakeRequestContext) => new FakeWorkbook(ctx),
  };
  const run = (...args: unknown[]): Promise<unknown> => runBatch(host, args);
  const createdWorkbooks: CreatedWorkbook[] = [];
  const ExcelNs: FakeExcelNamespace = {
    ...excelEnums,
    // The fake context implements the members adapters use, not all of Excel.RequestContext;
    // the overloads are the real ones so adapter code type-checks unchanged.
    run: run as unknown as typeof Excel.run,
    RequestContext: class {
      constructor() {
        throw new Error('new Excel.RequestContext() is not modelled by the fake; use Excel.run');
      }
    } as unknown as new () => never,
    // Resolves to nothing, as Excel's does (typed Promise<void> by @types/office-js).
    createWorkbook: createWorkbookFn(createdWorkbooks, () => controls.isSetSupported('ExcelApi', '1.8')) as typeof Excel.createWorkbook,
  };
  return {
    Excel: ExcelNs,
    Office: office,
    OfficeExtension: FakeOfficeExtension,
    // The batch receives the fake context; it is typed as Excel.RequestContext so the adapter's
    // signatures stay the real ones (members the fake lacks fail loudly at run time).
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => runBatch<T>(host, [batch]),
    workbookState: state,
    stats,
    office: controls,
    setLimits(limits) {
      host.limits = { ...host.limits, ...limits };
    },
    setBehaviour(behaviour) {
      host.behaviour = { ...host.behaviour, ...behaviour };
    },
    blurWorkbook(opts = {}) {
      const n = opts.afterOperations ?? 0;
      host.focus = n > 0 ? { active: true, countdown: n } : { active: false, countdown: undefined };
    },
    focusWorkbook() {
      host.focus = { active: true, countdown: undefined };
    },
    createdWorkbooks,
    installGlobals(target: object = globalThis) {
      return installOn(target, { Excel: ExcelNs, Office: office, OfficeExtension: FakeOfficeExtension });
    },
  };
}
