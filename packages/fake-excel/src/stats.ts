/** Round-trip accounting: what a real add-in pays for on Excel on the web. */

export interface RequestLogEntry {
  /** 1-based index among requests (syncs that carried at least one operation) */
  index: number;
  /** which Excel.run this request belonged to (1-based) */
  run: number;
  /** number of queued operations (property sets, method calls, loads) */
  operations: number;
  /** UTF-8 size of the request body office.js would send for the queue (wire.ts) */
  bytes: number;
  /** UTF-8 size of the response: {"Results":[{"ActionId","Value"}]} with what was read */
  responseBytes: number;
  responseCells: number;
  ok: boolean;
  errorCode?: string;
  errorMessage?: string;
  suspendedCalculation: boolean;
  suspendedScreenUpdating: boolean;
  /** short description of each operation, e.g. "set Range.values Plan!A1:F40" */
  summary: string[];
}

export interface FakeStats {
  /** Excel.run calls */
  runs: number;
  /** every context.sync() call, including empty ones (and the implicit one at the end of Excel.run) */
  syncs: number;
  /** syncs that carried at least one operation (= real round trips) */
  requests: number;
  failedRequests: number;
  operations: number;
  totalRequestBytes: number;
  maxRequestBytes: number;
  totalResponseBytes: number;
  maxResponseBytes: number;
  log: RequestLogEntry[];
  /** sheets made by Worksheet.copy in requests that succeeded */
  sheetCopies: number;
  /** zero every counter and clear the log */
  reset(): void;
}

export function createStats(): FakeStats {
  const stats: FakeStats = {
    runs: 0,
    syncs: 0,
    requests: 0,
    failedRequests: 0,
    operations: 0,
    totalRequestBytes: 0,
    maxRequestBytes: 0,
    totalResponseBytes: 0,
    maxResponseBytes: 0,
    log: [],
    sheetCopies: 0,
    reset() {
      stats.sheetCopies = 0;
      stats.runs = 0;
      stats.syncs = 0;
      stats.requests = 0;
      stats.failedRequests = 0;
      stats.operations = 0;
      stats.totalRequestBytes = 0;
      stats.maxRequestBytes = 0;
      stats.totalResponseBytes = 0;
      stats.maxResponseBytes = 0;
      stats.log.length = 0;
    },
  };
  return stats;
}

/** UTF-8 byte length without allocating (works in browsers and Node). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
