/**
 * Cooperative pacing of a long read (#15): the task pane runs the same readers as the command line on
 * its one thread, so a reader handed a Pacer stops after a bounded amount of work (a budget of bytes
 * or cells), lets the page run (a macrotask, so input and painting get their turn) and reports how far
 * it is. Without a Pacer a reader runs as it always has (the command line). Pure TypeScript: only
 * globals that both browsers and Node have.
 *
 * A Web Worker was not chosen: it needs a second bundle and `import.meta.url` (which the tests' CommonJS
 * build does not have), and the file's bytes would be copied across; chunking keeps one code path for
 * every host Excel runs the pane in (WebView2, WKWebView, a browser iframe).
 */

/** Resolves on a later turn of the event loop. */
export type YieldToHost = () => Promise<void>;

/** The read was cancelled by the person (through the AbortSignal given to the Pacer). */
export class ReadCancelled extends Error {
  constructor() {
    super('the read was cancelled');
    this.name = 'ReadCancelled';
  }
}

export interface PaceOptions {
  /** Called with the share of the work done (0–1), never smaller than the one before. */
  onProgress?(fraction: number): void;
  /** How to give the turn back; default nextMacrotask. */
  yieldToHost?: YieldToHost;
  /** Units of work (bytes of XML, cells) between two yields; default PACE_BUDGET. */
  budget?: number;
  /** Once aborted, the next yield throws ReadCancelled. */
  signal?: AbortSignal;
}

/**
 * Work is counted in bytes of sheet XML; about 128 KB of it between two yields, a few tens of
 * milliseconds on a slow laptop.
 */
export const PACE_BUDGET = 128 * 1024;
/** What a cell built into the table costs, in bytes of XML (about what its XML takes). */
export const CELL_COST = 16;
/** What a row checked (an organisation row: names normalised, looked up, a manager resolved) costs. */
export const ROW_COST = 256;

/**
 * A macrotask: a MessageChannel message where there is one (no 4 ms clamp as nested setTimeout has,
 * and the browser may paint before it runs), setTimeout otherwise.
 */
export const nextMacrotask: YieldToHost = () =>
  new Promise<void>((resolve) => {
    if (typeof MessageChannel === 'function') {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    } else setTimeout(resolve, 0);
  });

/**
 * Counts work and yields when a budget of it is spent. Progress is reported in phases: `phase(from,
 * to)` maps the next reports (0–1 within the phase) onto [from, to] of the whole.
 */
export class Pacer {
  /** How many times the reader gave the turn back. */
  yields = 0;
  private spent = 0;
  private last = 0;
  private from = 0;
  private to = 1;
  private scopeFrom = 0;
  private scopeTo = 1;
  private readonly budget: number;
  private readonly yieldToHost: YieldToHost;

  constructor(private readonly options: PaceOptions = {}) {
    this.budget = Math.max(1, options.budget ?? PACE_BUDGET);
    this.yieldToHost = options.yieldToHost ?? nextMacrotask;
  }

  /** Units of work between two yields. */
  get chunk(): number {
    return this.budget;
  }

  /**
   * The caller's share of the whole: the phases that follow are within [from, to] (a reader's phases
   * run 0–1 of the reader's part, the caller decides what share reading is).
   */
  scope(from: number, to: number): void {
    this.scopeFrom = from;
    this.scopeTo = to;
    this.phase(0, 1);
  }

  /** The following reports are within [from, to] of the current scope. */
  phase(from: number, to: number): void {
    this.report(0);
    const w = this.scopeTo - this.scopeFrom;
    this.from = this.scopeFrom + w * from;
    this.to = this.scopeFrom + w * to;
  }

  /** Reports `fraction` (0–1) of the current phase done. */
  report(fraction: number): void {
    const f = this.from + (this.to - this.from) * Math.min(1, Math.max(0, fraction));
    if (f <= this.last) return;
    this.last = f;
    this.options.onProgress?.(f);
  }

  /** Counts `units` of work; once the budget is spent, yields (and throws ReadCancelled if aborted). */
  async step(units: number): Promise<void> {
    this.spent += units;
    if (this.spent < this.budget) return;
    await this.pause();
  }

  /** Gives the turn back now. */
  async pause(): Promise<void> {
    this.spent = 0;
    this.yields++;
    if (this.options.signal?.aborted) throw new ReadCancelled();
    await this.yieldToHost();
    if (this.options.signal?.aborted) throw new ReadCancelled();
  }
}
