/**
 * What test/e2e/harness.ts puts on `window.okrE2E`: a small, JSON-only window into the in-memory
 * Excel that replaces the Office host in the browser page. Types only (shared by the harness and
 * the test); nothing here runs.
 */

export interface HarnessCell {
  /** what Range.values would return (null when empty or not calculated) */
  value: string | number | boolean | null;
  /** the formula text ("=…") or null */
  formula: string | null;
}

export interface HarnessStats {
  runs: number;
  syncs: number;
  requests: number;
  failedRequests: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
}

export interface HarnessSelection {
  sheet: string;
  /** e.g. "个人-刘洋!B7" as Excel reports Range.address */
  address: string;
}

export interface HarnessApi {
  /** the display language the fake host reports (from ?lang=) */
  displayLanguage(): string;
  /** true while window.Office is still the fake (office.js did not put its own back) */
  officeIsFake(): boolean;
  /** how many times the fake was re-installed after office.js's mapping script ran (0 or 1) */
  reinstalls(): number;
  sheetNames(): string[];
  activeSheet(): string;
  cell(sheet: string, address: string): HarnessCell;
  /** what Range.values of `address` (e.g. "A5:L60") on `sheet` would return */
  values(sheet: string, address: string): (string | number | boolean | null)[][];
  stats(): HarnessStats;
  /** every Excel.createWorkbook call, with the file as the base64 string passed (null for an empty workbook) */
  createdWorkbooks(): { base64: string | null }[];
  /** the selected range, read through the fake's own Excel.run (one extra request) */
  selection(): Promise<HarnessSelection>;
}

export interface HarnessWindow {
  okrE2E: HarnessApi;
}
