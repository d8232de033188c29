/**
 * A real spreadsheet engine for tests: LibreOffice Calc, headless.
 *
 * Facts this relies on (see shared/notes/testing-without-excel.md):
 * - LibreOffice does NOT recalculate an .xlsx that carries cached results unless told to: every call
 *   gets a fresh private profile whose registrymodifications.xcu sets OOXMLRecalcMode=0 (always).
 * - Two soffice processes sharing one profile fail at random: one profile directory per call.
 * - soffice often exits 0 when a conversion failed: the output files are checked, not the exit code.
 * - /usr/bin/soffice is a shell script that execs oosplash, which forks soffice.bin: a timeout must kill
 *   the whole process group, not just the direct child (hence spawn with `detached`, see run()).
 * - soffice exits 0 and only prints "Error: source file could not be loaded" for a file it cannot open,
 *   and happily converts an empty file into an empty workbook.
 * - Read values back with ExcelJS `cell.result` (a result of 0 or false is lost via `cell.value.result`).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';
import { isExecutable } from './executable';

/** The soffice binary: `$SOFFICE` if set, else `soffice` on PATH. */
function sofficeCommand(): string {
  return process.env.SOFFICE && process.env.SOFFICE.length > 0 ? process.env.SOFFICE : 'soffice';
}

/** Filter names: explicit, because newer LibreOffice picks another filter for a bare `xlsx`. */
export const XLSX_FILTER = 'xlsx:Calc MS Excel 2007 XML';
export const PDF_FILTER = 'pdf:calc_pdf_Export';

/** Default time limit for one soffice call; start-up is ~1 s, a 20k-formula workbook ~3 s. */
const DEFAULT_TIMEOUT_MS = 120_000;

function findOnPath(cmd: string): string | null {
  if (cmd.includes(path.sep)) {
    return isExecutable(cmd) ? cmd : null;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}


export function sofficeAvailable(): boolean {
  return findOnPath(sofficeCommand()) !== null;
}

export function pdftoppmAvailable(): boolean {
  return findOnPath('pdftoppm') !== null;
}

const RECALC_PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh private LibreOffice profile that forces recalculation on load. Caller removes `root`. */
function makeProfile(): { root: string; url: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  fs.mkdirSync(path.join(root, 'user'), { recursive: true });
  fs.writeFileSync(path.join(root, 'user', 'registrymodifications.xcu'), RECALC_PROFILE_XCU, 'utf8');
  return { root, url: pathToFileURL(root).href };
}

interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
}

/** Output kept per stream; soffice prints a few lines, pdftoppm nothing. */
const MAX_OUTPUT = 1024 * 1024;

/**
 * Run a program without a shell, in its own process group, killing the whole group on timeout.
 *
 * This is spawn() rather than execFile(): execFile forwards only some options to spawn and silently
 * drops `detached`, so the child would stay in our process group and a timeout could only kill the
 * /usr/bin/soffice -> oosplash process, not soffice.bin, which keeps the pipes open (measured: the
 * callback then waits for soffice.bin to finish on its own, or forever if it hangs).
 */
function run(file: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outLen = 0;
    let errLen = 0;
    child.stdout.on('data', (b: Buffer) => {
      if (outLen < MAX_OUTPUT) out.push(b);
      outLen += b.length;
    });
    child.stderr.on('data', (b: Buffer) => {
      if (errLen < MAX_OUTPUT) err.push(b);
      errLen += b.length;
    });
    let timedOut = false;
    let settled = false;
    let straggler: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (e) => {
      // Could not start at all (ENOENT, EACCES, ...).
      clearTimeout(timer);
      if (straggler) clearTimeout(straggler);
      if (settled) return;
      settled = true;
      reject(new Error(`cannot run ${file}: ${e.message}`));
    });
    child.on('exit', () => {
      // The direct child is gone; anything of its group still holding our pipes is a straggler.
      straggler = setTimeout(() => killGroup(child.pid), 5_000);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (straggler) clearTimeout(straggler);
      if (settled) return;
      settled = true;
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        code,
        signal,
        timedOut,
        durationMs: Date.now() - started,
      });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

function childEnv(): NodeJS.ProcessEnv {
  // HOME is left alone on purpose: fontconfig's user cache there saves ~0.1 s per call.
  // No display needed; never try to talk to a desktop session.
  return { ...process.env, SAL_USE_VCLPLUGIN: 'svp' };
}

function describeRun(r: RunResult, args: string[]): string {
  const how = r.timedOut ? 'timed out' : r.signal ? `killed by ${r.signal}` : `exit code ${r.code}`;
  return [
    `soffice ${how} after ${r.durationMs} ms`,
    `args: ${JSON.stringify(args)}`,
    `stderr: ${r.stderr.trim() || '(empty)'}`,
    `stdout: ${r.stdout.trim() || '(empty)'}`,
  ].join('\n');
}

export interface SofficeOptions {
  /** Time limit for the soffice call, in ms (default 120 s). */
  timeoutMs?: number;
}

/**
 * Convert `inputs` with soffice into `outDir`, one soffice call for all of them.
 * Inputs are staged in a private directory under unique names so that two inputs with the same base
 * name, or an outDir equal to an input's directory, cannot clash; outputs are then moved to
 * `outDir/<input base name>.<ext>`. Returns the output paths in input order.
 */
async function convert(inputs: string[], outDir: string, filter: string, ext: string, opts: SofficeOptions = {}): Promise<string[]> {
  if (inputs.length === 0) return [];
  const cmd = sofficeCommand();
  if (!sofficeAvailable()) {
    throw new Error(`LibreOffice not found (${cmd}); install libreoffice-calc-nogui or set $SOFFICE`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const absOut = path.resolve(outDir);

  // Final destinations: never overwrite an input, never give two inputs the same output.
  const absInputs = inputs.map((p) => path.resolve(p));
  const targets: string[] = [];
  const taken = new Set<string>();
  absInputs.forEach((input, i) => {
    if (!fs.existsSync(input)) throw new Error(`input file not found: ${input}`);
    const base = path.basename(input, path.extname(input));
    let target = path.join(absOut, `${base}.${ext}`);
    if (absInputs.includes(target)) {
      throw new Error(
        `output ${target} would overwrite input ${absInputs[i]}: pass an outDir different from the input's directory`,
      );
    }
    for (let n = 2; taken.has(target); n++) target = path.join(absOut, `${base}-${n}.${ext}`);
    taken.add(target);
    targets.push(target);
  });

  const profile = makeProfile();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-work-'));
  try {
    const stageDir = path.join(work, 'in');
    const convDir = path.join(work, 'out');
    fs.mkdirSync(stageDir);
    fs.mkdirSync(convDir);
    const staged = absInputs.map((input, i) => {
      const p = path.join(stageDir, `f${i}${path.extname(input) || '.xlsx'}`);
      fs.copyFileSync(input, p);
      return p;
    });
    const args = [
      `-env:UserInstallation=${profile.url}`,
      '--headless',
      '--invisible',
      '--nologo',
      '--nodefault',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      filter,
      '--outdir',
      convDir,
      ...staged,
    ];
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const result = await run(cmd, args, timeoutMs, childEnv());
    const produced = staged.map((_, i) => path.join(convDir, `f${i}.${ext}`));
    const missing = produced.map((p, i) => (fs.existsSync(p) && fs.statSync(p).size > 0 ? -1 : i)).filter((i) => i >= 0);
    if (result.timedOut || missing.length > 0) {
      const which = missing.map((i) => inputs[i]).join(', ');
      throw new Error(
        `LibreOffice conversion to ${filter} failed${which ? ` for: ${which}` : ''}\n${describeRun(result, args)}`,
      );
    }
    produced.forEach((p, i) => moveFile(p, targets[i]));
    return targets;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(profile.root, { recursive: true, force: true });
  }
}

function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch {
    // Different file systems (tmpfs vs work tree).
    fs.copyFileSync(from, to);
    fs.rmSync(from, { force: true });
  }
}

/**
 * Recalculate .xlsx files with LibreOffice headless (forced recalc via a private profile per call) and
 * return the paths of the recalculated .xlsx copies (same order). Several files in one soffice call.
 * Throws with soffice's stderr if an output is missing.
 */
export async function recalcXlsx(inputs: string[], outDir: string, opts: SofficeOptions = {}): Promise<string[]> {
  return convert(inputs, outDir, XLSX_FILTER, 'xlsx', opts);
}

/**
 * Convert a workbook to PDF (recalculated, as above) and then to PNG pages with pdftoppm.
 * The PDF is left in `outDir` beside the pages. Returns the PNG paths in page order.
 */
export async function renderPng(
  input: string,
  outDir: string,
  opts: { dpi?: number; firstPage?: number; lastPage?: number; timeoutMs?: number } = {},
): Promise<string[]> {
  if (!pdftoppmAvailable()) throw new Error('pdftoppm not found: install poppler-utils');
  const [pdf] = await convert([input], outDir, PDF_FILTER, 'pdf', { timeoutMs: opts.timeoutMs });
  const prefixBase = path.basename(pdf, '.pdf');
  const prefix = path.join(path.dirname(pdf), prefixBase);
  const args = ['-png', '-r', String(opts.dpi ?? 80)];
  if (opts.firstPage !== undefined) args.push('-f', String(opts.firstPage));
  if (opts.lastPage !== undefined) args.push('-l', String(opts.lastPage));
  args.push(pdf, prefix);
  // Old pages from an earlier call with the same prefix would be mistaken for new ones.
  const pagePattern = new RegExp(`^${escapeRegExp(prefixBase)}-(\\d+)\\.png$`);
  for (const f of fs.readdirSync(path.dirname(pdf))) {
    if (pagePattern.test(f)) fs.rmSync(path.join(path.dirname(pdf), f));
  }
  const r = await run('pdftoppm', args, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, process.env);
  if (r.timedOut || r.code !== 0) {
    throw new Error(`pdftoppm failed (${r.timedOut ? 'timed out' : `exit code ${r.code}`}): ${r.stderr.trim()}`);
  }
  // pdftoppm zero-pads the page number to the width of the page count: name-1.png or name-01.png.
  const pages = fs
    .readdirSync(path.dirname(pdf))
    .map((f) => ({ f, m: pagePattern.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => path.join(path.dirname(pdf), x.f));
  if (pages.length === 0) throw new Error(`pdftoppm wrote no page for ${pdf}: ${r.stderr.trim()}`);
  return pages;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type CellScalar = string | number | boolean | null;

/** Plain value of an ExcelJS value or formula result. Dates become ISO strings, errors their code. */
function toScalar(v: unknown): CellScalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return o.error; // { error: '#DIV/0!' }
    if (Array.isArray(o.richText)) {
      return (o.richText as Array<{ text?: unknown }>).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    }
    if ('text' in o && ('hyperlink' in o || typeof o.text === 'string')) return toScalar(o.text);
  }
  return String(v);
}

/**
 * Values of a (recalculated) workbook: sheet name -> A1 address -> value. Formula cells give their
 * cached result (read through `cell.result`); a formula whose result is "" (or that has no stored result)
 * gives "". Dates become ISO strings (YYYY-MM-DD at midnight), errors their code ('#DIV/0!').
 * Only cells that hold something appear. Note that LibreOffice writes numbers with 15 significant
 * digits: compare non-integers with toBeCloseTo.
 */
export async function readValues(xlsxPath: string): Promise<Map<string, Map<string, CellScalar>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  const out = new Map<string, Map<string, CellScalar>>();
  wb.eachSheet((ws) => {
    const cells = new Map<string, CellScalar>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const isFormula = cell.type === ExcelJS.ValueType.Formula;
        // LibreOffice stores a formula's "" result as <c t="str"><f>..</f><v></v></c>, which ExcelJS reads
        // as no result at all: a formula cell without a result is reported as "".
        const v = isFormula ? toScalar(cell.result) : toScalar(cell.value);
        cells.set(cell.address, isFormula && v === null ? '' : v);
      });
    });
    out.set(ws.name, cells);
  });
  return out;
}
