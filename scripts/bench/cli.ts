/**
 * The command line on files: `okr-workbook new`, `check` and `score`, each run as a person runs it
 * (a fresh node process; wall time includes start-up), and LibreOffice's recalculation of a file.
 */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { SyntheticBook } from '../../test/support/synthetic';
import { recalcXlsx, sofficeAvailable } from '../../test/support/libreoffice';
import { okrCsv, orgCsv } from './csv';
import { DEFAULT_ORG_CSV, SHAPES, type ShapeName } from '../../test/support/shapes';

/** The command line compiled from the current sources beside this script (build-bench/src/cli/main.js). */
const CLI_MAIN = path.resolve(__dirname, '../../src/cli/main.js');
const CPU_PROBE = path.resolve(__dirname, 'cpu-probe.js');
const MAKE_SHAPES = path.resolve(__dirname, 'make-shapes.js');

export type CliOperation = 'new' | 'check' | 'lock' | 'score' | 'review' | 'update' | 'next' | 'year';

/** One row of the JSON's "xlsx". */
export interface CliCase {
  people: number;
  operation: CliOperation;
  ms: number;
  bytes: number;
}

export interface CliRun {
  case: CliCase;
  /** CPU time of the run (user + system), less sensitive to other work on the machine than `ms`. */
  cpuMs: number | undefined;
  /** Peak resident memory of the process (MB). */
  peakMb: number | undefined;
  code: number;
  out: string;
  err: string;
}

let runs = 0;

function run(args: string[], cpuFile?: string): Promise<{ code: number; out: string; err: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const env = cpuFile ? { ...process.env, OKR_BENCH_CPU_FILE: cpuFile } : process.env;
    const child = spawn(process.execPath, ['--require', CPU_PROBE, CLI_MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({
      code: code ?? -1, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8'), ms: performance.now() - t0,
    }));
  });
}

async function size(file: string): Promise<number> {
  return fs.stat(file).then((s) => s.size, () => 0);
}

/** Writes the organisation's input files; returns the workbook `new` made and the three runs. */
export async function cliCases(people: number, book: SyntheticBook, dir: string, withScore: boolean): Promise<{ file: string; runs: CliRun[] }> {
  await fs.mkdir(dir, { recursive: true });
  const org = path.join(dir, 'org.csv');
  const okrs = path.join(dir, 'okrs.csv');
  const file = path.join(dir, 'okr.xlsx');
  const scored = path.join(dir, 'scored.xlsx');
  await fs.writeFile(org, orgCsv(book.org));
  await fs.writeFile(okrs, okrCsv([book.company, ...book.departments, ...book.individuals]));
  const list: CliRun[] = [];
  const add = async (operation: CliOperation, args: string[], output: string) => {
    const cpuFile = path.join(dir, `cpu-${++runs}.json`);
    const r = await run(args, cpuFile);
    const probe = await fs.readFile(cpuFile, 'utf8').then((t) => JSON.parse(t) as { cpuMs: number; peakMb: number }, () => undefined);
    list.push({ case: { people, operation, ms: Math.round(r.ms), bytes: await size(output) }, cpuMs: probe?.cpuMs, peakMb: probe?.peakMb, code: r.code, out: r.out, err: r.err });
    return r;
  };
  await add('new', ['new', '--org', org, '--okrs', okrs, '--cycle', '2026-Q4', '--out', file, '--force'], file);
  await add('check', ['check', file, '--json'], file);
  if (withScore) {
    // The edit commands on the package: lock (with an override: the synthetic cards are not all
    // signed), score, a review month, and an update with ten newcomers.
    const locked = path.join(dir, 'locked.xlsx');
    const reviewed = path.join(dir, 'reviewed.xlsx');
    const updated = path.join(dir, 'updated.xlsx');
    const org2 = path.join(dir, 'org-plus-10.csv');
    const last = book.org.people[book.org.people.length - 1];
    await fs.writeFile(org2, orgCsv({ ...book.org, people: [...book.org.people, ...Array.from({ length: 10 }, (_, i) => ({ ...last, name: `新同事${i + 1}`, head: false }))] }));
    await add('lock', ['lock', file, '--out', locked, '--force', '--by', 'HR', '--override', 'bench'], locked);
    await add('score', ['score', locked, '--out', scored, '--force', '--json', '--by', 'HR', '--override', 'bench'], scored);
    await add('review', ['review', scored, '--month', '2026-11', '--out', reviewed, '--force'], reviewed);
    await add('update', ['update', file, '--org', org2, '--out', updated, '--force'], updated);
    // The OKR year (#13): the next quarter's workbook from the scored one, and the year's results.
    const nextQuarter = path.join(dir, 'next.xlsx');
    await add('next', ['next', scored, '--cycle', '2027-Q1', '--carry-annual', '--out', nextQuarter, '--force'], nextQuarter);
    await add('year', ['year', scored, '--json'], scored);
  }
  return { file, runs: list };
}

/** Does the command line have this command (its --help lists it)? */
export async function cliHas(command: string): Promise<boolean> {
  const r = await run(['--help']);
  return new RegExp(`^\\s+${command}\\b`, 'm').test(r.out + r.err);
}

/** LibreOffice's forced recalculation of one file (a private profile, one soffice call, start-up included). */
export async function recalc(file: string, dir: string): Promise<number | undefined> {
  if (!sofficeAvailable()) return undefined;
  const t0 = performance.now();
  await recalcXlsx([file], path.join(dir, 'recalc'), { timeoutMs: 600_000 });
  return Math.round(performance.now() - t0);
}

/** One row of the shapes table (#15): a shape of test/support/shapes.ts through one entry point. */
export interface ShapeRun {
  shape: ShapeName;
  entry: 'new --org' | CliOperation;
  /** Bytes of the input file. */
  bytes: number;
  ms: number;
  peakMb: number | undefined;
  code: number;
  /** The first line of what was said on stderr (the refusal, when there is one). */
  said: string;
}

/**
 * Every shape of #15 through every command-line entry point: as an org .xlsx for `new --org`, and inside
 * a 5-person OKR workbook (in an individual card) for check, lock, score, review and update.
 */
export async function shapeCases(dir: string): Promise<ShapeRun[]> {
  await fs.mkdir(dir, { recursive: true });
  const orgCsvFile = path.join(dir, 'org.csv');
  await fs.writeFile(orgCsvFile, DEFAULT_ORG_CSV);
  const bookFile = path.join(dir, 'book.xlsx');
  await run(['new', '--org', orgCsvFile, '--cycle', '2026-Q4', '--out', bookFile, '--force']);
  // The files are made in a process of their own (see make-shapes.ts): this one stays small.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [MAKE_SHAPES, dir, bookFile], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`make-shapes exited with ${code}`))));
  });
  const out: ShapeRun[] = [];
  for (const shape of SHAPES) {
    const orgFile = path.join(dir, `org-${shape}.xlsx`);
    const shaped = path.join(dir, `book-${shape}.xlsx`);
    const o = (name: string) => path.join(dir, `${name}-${shape}.xlsx`);
    const cases: [ShapeRun['entry'], string, string[]][] = [
      ['new --org', orgFile, ['new', '--org', orgFile, '--cycle', '2026-Q4', '--out', o('new'), '--force']],
      ['check', shaped, ['check', shaped, '--json']],
      ['lock', shaped, ['lock', shaped, '--out', o('lock'), '--force', '--by', 'HR', '--override', 'bench']],
      ['score', shaped, ['score', shaped, '--out', o('score'), '--force', '--override', 'bench']],
      ['review', shaped, ['review', shaped, '--month', '2026-11', '--out', o('review'), '--force']],
      ['update', shaped, ['update', shaped, '--org', orgCsvFile, '--out', o('update'), '--force']],
    ];
    for (const [entry, input, args] of cases) {
      const cpuFile = path.join(dir, `cpu-${++runs}.json`);
      const r = await run(args, cpuFile);
      const probe = await fs.readFile(cpuFile, 'utf8').then((t) => JSON.parse(t) as { cpuMs: number; peakMb: number }, () => undefined);
      out.push({ shape, entry, bytes: await size(input), ms: Math.round(r.ms), peakMb: probe?.peakMb, code: r.code, said: r.err.split('\n')[0] ?? '' });
    }
  }
  return out;
}
