/**
 * Browser harness of the e2e test: loaded by the test server's copy of taskpane.html right after
 * the real office.js and before the task pane bundle. It replaces the Office host with the
 * in-memory Excel (@okr-workbook/fake-excel/browser: no ExcelJS) and exposes a JSON-only
 * inspection API on `window.okrE2E` for the test to read through page.evaluate.
 *
 * Query parameters: ?lang=zh-CN|en-US (Office.context.displayLanguage), ?theme=dark.
 *
 * office.js in a plain browser: while it runs it sets `window.Office` to its own namespace and
 * starts loading o15apptofilemappingtable.js (script id "O15Mapping"), which sets `window.Office`
 * to that namespace AGAIN when it executes (OSF.NamespaceManager.enableShortcut()). Depending on
 * which of that script and the task pane bundle runs first, the pane would otherwise see the real
 * Office (onReady → host null, no display language). So the fake is installed now AND again
 * right after the mapping script has run; `officeIsFake()` lets the test check it stayed in place.
 * The real namespace stays the fake's prototype, so office.js's internals (which also go through the
 * global `Office`) keep working and raise no page errors.
 */
import { createFakeExcel, DARK_THEME, LIGHT_THEME } from '@okr-workbook/fake-excel/browser';
import type { HarnessApi, HarnessWindow } from './harness-api';

const params = new URLSearchParams(window.location.search);
const displayLanguage = params.get('lang') ?? 'zh-CN';
const theme = params.get('theme') === 'dark' ? DARK_THEME : LIGHT_THEME;

const fake = createFakeExcel({ sheets: ['Sheet1'], displayLanguage, officeTheme: theme });

// office.js's own code keeps calling members of the global `Office` that the fake does not model
// (Office.Promise, Office._Internal, …): members the fake lacks fall through to office.js's namespace.
const realOffice = (window as unknown as { Office?: object }).Office;
if (realOffice && typeof realOffice === 'object') Object.setPrototypeOf(fake.Office, realOffice);
let reinstalls = 0;
const install = (): void => {
  fake.installGlobals(window);
};
install();

const OFFICE_MAPPING_SCRIPT_ID = 'O15Mapping';
const mappingScript = document.getElementById(OFFICE_MAPPING_SCRIPT_ID);
const osf = (window as unknown as { OSF?: { NamespaceManager?: unknown } }).OSF;
if (mappingScript && !osf?.NamespaceManager) {
  // Not executed yet: its load event fires in the same task, right after it has run.
  mappingScript.addEventListener('load', () => {
    reinstalls += 1;
    install();
  });
}

const api: HarnessApi = {
  displayLanguage: () => displayLanguage,
  officeIsFake: () => (window as unknown as { Office: unknown }).Office === fake.Office,
  reinstalls: () => reinstalls,
  sheetNames: () => fake.workbookState.sheetNames(),
  activeSheet: () => fake.workbookState.activeSheetName(),
  cell(sheet, address) {
    const c = fake.workbookState.sheet(sheet).cell(address);
    return { value: c.value, formula: c.formula ?? null };
  },
  values: (sheet, address) => fake.workbookState.sheet(sheet).values(address),
  stats() {
    const s = fake.stats;
    return {
      runs: s.runs,
      syncs: s.syncs,
      requests: s.requests,
      failedRequests: s.failedRequests,
      maxRequestBytes: s.maxRequestBytes,
      totalRequestBytes: s.totalRequestBytes,
    };
  },
  createdWorkbooks: () => fake.createdWorkbooks.map((w) => ({ base64: w.base64 ?? null })),
  selection: () =>
    fake.run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange().load('address');
      const sheet = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      return { sheet: sheet.name, address: range.address };
    }),
};

(window as unknown as HarnessWindow).okrE2E = api;
