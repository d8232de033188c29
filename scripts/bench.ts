/**
 * npm run bench [-- --json] [-- --sizes 10,200] [-- --naive-all] [-- --no-libreoffice] [-- --office-only]
 *
 * Speed at company scale (issue 6). For organisations of 10, 200 and 1,000 people (generateOrganisation:
 * 5 objectives × 4 KRs on every card, everything filled in) it measures
 *  - the Office.js adapter against the in-memory Excel: generate, validate, quarter-end scoring, update;
 *  - the naive generation (one sync per sheet) against the same in-memory Excel, as a ratio;
 *  - the command line on files: new, check, score (wall time, file size);
 *  - LibreOffice's recalculation of the generated 1,000-person workbook;
 *  - formulas per card (and that none is volatile or takes a whole column);
 * prints a table (or, with --json, one JSON object on stdout) and exits 1 when a budget is missed.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateOrganisation } from '../test/support/synthetic';
import { lintFormula } from '../src/templates/formula-lint';
import type { SheetKind, WorkbookPlan } from '../src/templates/plan';
import { cliCases, cliHas, recalc, shapeCases, type CliCase, type CliRun, type ShapeRun } from './bench/cli';
import { generate, generateNaive, planOf, score, update, validate, type OfficeCase, type OfficeDetail } from './bench/office';

const SEED = 2026;
const MB = 1024 * 1024;
const DEFAULT_SIZES = [10, 200, 1000];
/** The naive run snapshots the whole in-memory workbook once per sheet: O(sheets²), minutes at 1,000. */
const NAIVE_DEFAULT_MAX = 200;

interface Args {
  json: boolean;
  sizes: number[];
  naiveAll: boolean;
  libreoffice: boolean;
  /** Only the shapes of #15 (no organisation sizes). */
  shapesOnly: boolean;
  /** Only the Office.js adapter against the in-memory Excel (no shapes, naive run, command line, LibreOffice). */
  officeOnly: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { json: false, sizes: DEFAULT_SIZES, naiveAll: false, libreoffice: true, shapesOnly: false, officeOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--naive-all') a.naiveAll = true;
    else if (x === '--no-libreoffice') a.libreoffice = false;
    else if (x === '--shapes-only') a.shapesOnly = true;
    else if (x === '--office-only') a.officeOnly = true;
    else if (x === '--sizes') a.sizes = (argv[++i] ?? '').split(',').map(Number).filter((n) => n > 0);
    else if (x.startsWith('--sizes=')) a.sizes = x.slice(8).split(',').map(Number).filter((n) => n > 0);
    else throw new Error(`unknown argument ${x} (use --json, --sizes 10,200,1000, --naive-all, --no-libreoffice, --shapes-only, --office-only)`);
  }
  if (a.shapesOnly) a.sizes = [];
  if (a.officeOnly) a.libreoffice = false;
  return a;
}

interface Naive {
  people: number;
  batched: { syncs: number; ms: number };
  naive: { syncs: number; ms: number };
  syncRatio: number;
  msRatio: number;
}

interface FormulaCount {
  kind: SheetKind;
  perCard: number;
  problems: number;
}

interface Budget {
  name: string;
  ok: boolean;
  figures: string;
}

interface Result {
  cases: OfficeCase[];
  xlsx: CliCase[];
  /** Bytes of the update's write requests (beyond reading), per size: should not grow with the workbook. */
  updateWrites: { people: number; bytes: number }[];
  details: OfficeDetail[];
  naive: Naive[];
  cli: CliRun[];
  recalc: { people: number; ms: number; formulas: number; startupMs?: number } | { skipped: string };
  formulas: { perCard: FormulaCount[]; workbook: { people: number; formulas: number; problems: number }[] };
  budgets: Budget[];
  /** #15: each shape through each entry point. */
  shapes: ShapeRun[];
}

const log = (json: boolean) => (s: string) => (json ? process.stderr : process.stdout).write(s + '\n');

function countFormulas(plan: WorkbookPlan): { byKind: Map<SheetKind, number[]>; total: number; problems: number } {
  const byKind = new Map<SheetKind, number[]>();
  let total = 0;
  let problems = 0;
  for (const s of plan.sheets) {
    let n = 0;
    for (const row of s.rows) for (const c of row) if (c?.f !== undefined) {
      n++;
      problems += lintFormula(c.f).length;
    }
    total += n;
    byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), n]);
  }
  return { byKind, total, problems };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const say = log(args.json);
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
  say(`load average at start: ${load()} (${os.cpus().length} CPUs): wall times grow with it`);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-bench-'));
  const r: Result = {
    cases: [], xlsx: [], updateWrites: [], details: [], naive: [], cli: [], recalc: { skipped: 'no 1,000-person run' },
    formulas: { perCard: [], workbook: [] }, budgets: [], shapes: [],
  };
  const withScore = await cliHas('score');
  let startupMs: number | undefined;
  try {
    say('… the shapes of #15 (whole-sheet ranges, far cells, bloat, entities) through every entry point');
    if (!args.officeOnly) r.shapes = await shapeCases(path.join(tmp, 'shapes'));
    for (const people of args.shapesOnly ? [] : args.sizes) {
      say(`… ${people} people`);
      const book = generateOrganisation(people, SEED);
      const plan = planOf(book);
      const f = countFormulas(plan);
      r.formulas.workbook.push({ people, formulas: f.total, problems: f.problems });
      if (!r.formulas.perCard.length) {
        for (const kind of ['individualCard', 'departmentCard', 'map'] as SheetKind[]) {
          const counts = f.byKind.get(kind) ?? [];
          if (counts.length) r.formulas.perCard.push({ kind, perCard: Math.max(...counts), problems: 0 });
        }
      }

      const gen = await generate(people, plan);
      const val = await validate(people, gen.fake);
      const sco = await score(people, gen.fake);
      const upd = await update(people, gen.fake, book);
      r.details.push(gen.detail, val, sco, upd);
      r.cases.push(gen.detail.case, val.case, sco.case, upd.case);
      r.updateWrites.push({ people, bytes: upd.writeBytes });

      if (args.officeOnly) continue;
      if (args.naiveAll || people <= NAIVE_DEFAULT_MAX) {
        say(`… ${people} people, naive generation`);
        const nv = await generateNaive(people, plan);
        r.naive.push({
          people,
          batched: { syncs: gen.detail.case.syncs, ms: gen.detail.case.ms },
          naive: { syncs: nv.case.syncs, ms: nv.case.ms },
          syncRatio: round(nv.case.syncs / gen.detail.case.syncs, 1),
          msRatio: round(nv.case.ms / Math.max(1, gen.detail.case.ms), 1),
        });
      }

      say(`… ${people} people, command line`);
      const cli = await cliCases(people, book, path.join(tmp, String(people)), withScore);
      r.cli.push(...cli.runs);
      r.xlsx.push(...cli.runs.map((x) => x.case));

      if (args.libreoffice && (people === 10 || people === Math.max(...args.sizes))) {
        say(`… ${people} people, LibreOffice recalculation`);
        const ms = await recalc(cli.file, path.join(tmp, String(people)));
        if (ms === undefined) r.recalc = { skipped: 'LibreOffice (soffice) not found' };
        else if (people === 10 && people !== Math.max(...args.sizes)) startupMs = ms;
        else r.recalc = { people, ms, formulas: f.total, startupMs };
      }
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  if (!args.libreoffice) r.recalc = { skipped: '--no-libreoffice' };
  say(`load average at end: ${load()}`);
  r.budgets = budgets(r, args);

  if (args.json) {
    const out: Record<string, unknown> = { cases: r.cases, xlsx: r.xlsx };
    out.naive = r.naive;
    out.recalc = r.recalc;
    out.formulas = r.formulas;
    out.budgets = r.budgets;
    out.shapes = r.shapes;
    process.stdout.write(JSON.stringify(out) + '\n');
  } else {
    printTables(r, say);
  }
  const missed = r.budgets.filter((b) => !b.ok);
  for (const b of missed) process.stderr.write(`budget missed: ${b.name} — ${b.figures}\n`);
  return missed.length ? 1 : 0;
}

function budgets(r: Result, args: Args): Budget[] {
  const out: Budget[] = [];
  // #15: any input of 10 MB or less is done, or refused, within 5 s and 400 MB.
  for (const x of r.shapes) {
    if (x.bytes > 10 * MB) continue;
    out.push({ name: `${x.shape} × ${x.entry}: ≤ 5 s, ≤ 400 MB, exit 0–2`, ok: x.ms <= 5000 && (x.peakMb ?? 0) <= 400 && x.code >= 0 && x.code <= 2, figures: `${x.ms} ms, ${x.peakMb ?? '?'} MB, exit ${x.code}` });
  }
  const detail = (people: number, op: OfficeCase['operation']) => r.details.find((d) => d.case.people === people && d.case.operation === op);
  for (const people of args.sizes) {
    const g = detail(people, 'generate');
    if (g) {
      // Bytes as the in-memory Excel counts them: the request bodies office.js would send.
      const allowed = 2 + Math.ceil(g.case.totalRequestBytes / (4 * MB));
      out.push({ name: `generate ${people}: syncs ≤ 2 + ceil(total / 4 MB)`, ok: g.case.syncs <= allowed, figures: `${g.case.syncs} syncs for ${mb(g.case.totalRequestBytes)} (allowed ${allowed})` });
      out.push({ name: `generate ${people}: no request over 4.5 MB`, ok: g.case.maxRequestBytes <= 4.5 * MB, figures: `largest ${mb(g.case.maxRequestBytes)}` });
      // #14 item 1: cards copied from one template per layout, not written one by one.
      if (people >= 1000) {
        out.push({
          name: `generate ${people}: ≤ 8 MiB of requests in ≤ 6 requests`, ok: g.case.totalRequestBytes <= 8 * MB && g.case.requests <= 6,
          figures: `${mb(g.case.totalRequestBytes)} in ${g.case.requests} requests`,
        });
      }
    }
    const v = detail(people, 'validate');
    if (v) {
      out.push({
        name: `validate ${people}: one sync to read everything`, ok: v.case.syncs === 1,
        figures: `${v.case.syncs} syncs; ${mb(v.totalResponseBytes)} of responses, the largest ${mb(v.maxResponseBytes)} (a response may carry 5 MB)`,
      });
      if (people <= 10) out.push({ name: `validate ${people}: ≤ 100 KB of requests`, ok: v.case.totalRequestBytes <= 100 * 1024, figures: `${mb(v.case.totalRequestBytes)} in ${v.case.requests} requests` });
      if (people >= 1000) out.push({ name: `validate ${people}: rules under 1 s`, ok: (v.rulesMs ?? Infinity) < 1000, figures: `${v.rulesMs} ms for ${v.findings} findings (read ${v.readMs} ms)` });
    }
    const u = detail(people, 'update');
    if (u) {
      out.push({ name: `update ${people} + 10 people: ≤ 3 syncs`, ok: u.case.syncs <= 3 && !u.note, figures: `${u.case.syncs} syncs${u.note ? `; ${u.note}` : ''}` });
      if (people >= 1000) out.push({ name: `update ${people} + 10 people: ≤ 1 MiB of requests, reads included`, ok: u.case.totalRequestBytes <= MB, figures: `${mb(u.case.totalRequestBytes)} in ${u.case.requests} requests` });
      const w = r.updateWrites.find((x) => x.people === people);
      const smallest = r.updateWrites[0];
      if (w && smallest && people > smallest.people) {
        // Proportional to what changed: ten new cards cost the same whatever the workbook's size.
        out.push({
          name: `update ${people} + 10 people: writes proportional to the change, not the workbook`, ok: w.bytes <= 1.25 * smallest.bytes,
          figures: `${mb(w.bytes)} written at ${num(people)} people, ${mb(smallest.bytes)} at ${num(smallest.people)}`,
        });
      }
    }
    const s = detail(people, 'score');
    // The sheet count of the 5-minute guard, then the read and the write (two reads at 1,000 people).
    if (s) out.push({ name: `score ${people}: ≤ 4 syncs`, ok: s.case.syncs <= 4 && !s.note, figures: `${s.case.syncs} syncs${s.note ? `; ${s.note}` : ''}` });
    const cli = (op: CliCase['operation']) => r.cli.find((c) => c.case.people === people && c.case.operation === op);
    for (const c of r.cli.filter((x) => x.case.people === people)) {
      // check exits 1 when the workbook has errors: that is a result, not a failure.
      const fine = c.code === 0 || (c.case.operation === 'check' && c.code === 1);
      if (!fine) out.push({ name: `okr-workbook ${c.case.operation} ${people}: runs`, ok: false, figures: `exit ${c.code}: ${c.err.trim().split('\n')[0]}` });
    }
    if (people === 1000) {
      const n = cli('new');
      const k = cli('check');
      const cpu = (c: CliRun) => (c.cpuMs === undefined ? '' : ` (CPU ${sec(c.cpuMs)}, load average ${os.loadavg()[0].toFixed(1)})`);
      if (n) out.push({ name: 'okr-workbook new 1,000 people: under 10 s', ok: n.case.ms < 10_000, figures: `${sec(n.case.ms)}${cpu(n)}, ${mb(n.case.bytes)}` });
      if (k) out.push({ name: 'okr-workbook check 1,000 people: under 5 s', ok: k.case.ms < 5_000, figures: `${sec(k.case.ms)}${cpu(k)}` });
      // The edit commands on the package (issue #12): reported against ≤ 2 s and ≤ 300 MB.
      for (const op of ['lock', 'score', 'review', 'update'] as const) {
        const c = cli(op);
        if (c) out.push({ name: `okr-workbook ${op} 1,000 people: under 2 s, 300 MB`, ok: c.case.ms < 2_000 && (c.peakMb ?? 0) <= 300, figures: `${sec(c.case.ms)}${cpu(c)}, peak ${c.peakMb ?? '?'} MB` });
      }
    }
  }
  const problems = r.formulas.workbook.reduce((s, w) => s + w.problems, 0);
  out.push({ name: 'no volatile function, no whole-column reference', ok: problems === 0, figures: `${problems} problems in ${r.formulas.workbook.map((w) => w.formulas).join(' / ')} formulas` });
  return out;
}

function printTables(r: Result, say: (s: string) => void): void {
  say('\nThe shapes of #15, a row per shape and entry point (a fresh node process each; peak resident memory)');
  say(table(['shape', 'entry', 'input', 'ms', 'peak MB', 'exit', 'said'], r.shapes.map((x) => [x.shape, x.entry, mb(x.bytes), num(x.ms), x.peakMb === undefined ? '—' : String(x.peakMb), String(x.code), x.said.slice(0, 90)])));
  say('\nOffice.js adapter, in-memory Excel (syncs: context.sync() calls; requests: those carrying operations;');
  say('bytes: request bodies as office.js frames them, responses as the JSON Excel sends back)');
  say(table(['people', 'operation', 'syncs', 'requests', 'max request', 'total request', 'max response', 'total response', 'ms', 'notes'], [
    ...r.details.map((d) => [
      num(d.case.people), d.case.operation, String(d.case.syncs), String(d.case.requests), mb(d.case.maxRequestBytes), mb(d.case.totalRequestBytes),
      d.totalResponseBytes ? mb(d.maxResponseBytes) : '—', d.totalResponseBytes ? mb(d.totalResponseBytes) : '—', num(d.case.ms), notes(d),
    ]),
  ]));
  if (r.naive.length) {
    say('\nNaive generation (one sync per sheet, same operations, same in-memory Excel)');
    say(table(['people', 'syncs batched', 'syncs naive', 'ratio', 'ms batched', 'ms naive', 'ratio'], r.naive.map((n) => [
      num(n.people), String(n.batched.syncs), num(n.naive.syncs), `${n.syncRatio}×`, num(n.batched.ms), num(n.naive.ms), `${n.msRatio}×`,
    ])));
  }
  say('\nCommand line on files (fresh node process each: wall time, and CPU time of the process)');
  say(table(['people', 'operation', 'ms', 'cpu ms', 'peak MB', 'file', 'exit'], r.cli.map((c) => [num(c.case.people), c.case.operation, num(c.case.ms), c.cpuMs === undefined ? '—' : num(c.cpuMs), c.peakMb === undefined ? '—' : String(c.peakMb), mb(c.case.bytes), String(c.code)])));
  say('\nLibreOffice recalculation');
  if ('skipped' in r.recalc) say(`  skipped: ${r.recalc.skipped}`);
  else say(`  ${num(r.recalc.people)} people, ${num(r.recalc.formulas)} formulas: ${sec(r.recalc.ms)}${r.recalc.startupMs !== undefined ? ` (the 10-person file takes ${sec(r.recalc.startupMs)}: start-up)` : ''}`);
  say('\nFormulas');
  say(`  per card: ${r.formulas.perCard.map((f) => `${f.kind} ${f.perCard}`).join(', ')}`);
  say(`  per workbook: ${r.formulas.workbook.map((w) => `${num(w.people)} people ${num(w.formulas)}`).join(', ')}`);
  say('\nBudgets');
  for (const b of r.budgets) say(`  ${b.ok ? 'PASS' : 'FAIL'}  ${b.name}: ${b.figures}`);
}

function notes(d: OfficeDetail): string {
  const parts: string[] = [];
  if (d.readMs !== undefined) parts.push(`read ${num(d.readMs)} ms, rules ${d.rulesMs} ms, ${d.findings} findings`);
  if (d.note) parts.push(d.note);
  return parts.join('; ');
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(w[i]))).join('  ');
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const num = (n: number) => n.toLocaleString('en-US');
const mb = (b: number) => (b >= 100_000 ? `${round(b / MB, 2)} MB` : `${round(b / 1024, 1)} KB`);
const sec = (ms: number) => `${round(ms / 1000, 2)} s`;

main().then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 2;
});
