/**
 * Fuzzes the command line in-process: random and mutated organisation/OKR inputs (CSV in any encoding,
 * .xlsx, junk) through `okr-workbook new`, and mutated generated workbooks through `okr-workbook check`.
 *
 * Every case must end with exit 0/1 (success: 1 only for check's "errors found") or exit 2 with a
 * non-empty, human message — never an exception (the bin's exit 3), never a leftover output file.
 * Every 4th successful `new` is also read back with `check`, which must accept it (exit 0/1).
 * Deterministic: case i of seed s is always the same input.
 *
 *   npm run fuzz                               # 10,000 cases, seed 1
 *   npm run fuzz -- --cases 500 --seed 7       # another sample
 *   npm run fuzz -- --seed 7 --case 123        # replay one case (its inputs are kept in the printed dir)
 *   npm run fuzz -- --cases 100 --show         # print each case's exit code and first message line
 *   npm run fuzz -- --commands check,lock,score,review   # feed the mutated workbooks to more commands
 *
 * Prints the cases run, crashes and seconds; exits 1 on any crash.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';
import {
  HOSTILE_TEXT, junkBytes, mutateBytes, okrTable, orgTable, Rng, toCsv, toXlsx, type OrgDraft,
} from './fuzz/generators';
import { mutateEntries, mutateWithExcel, rezip, unzip, type ZipEntries } from './fuzz/workbooks';
import { loadCorpus, mutateCorpus, type CorpusBook } from './fuzz/corpus';
import { SHAPES, withShape } from '../test/support/shapes';

export type WorkbookCommand = 'check' | 'lock' | 'score' | 'review' | 'update';

export type CaseKind = 'org-csv' | 'okrs-csv' | 'org-xlsx' | 'okrs-xlsx' | 'junk' | 'args' | 'check-bytes' | 'check-zip' | 'check-excel' | 'update-org' | 'corpus' | 'shapes';

const KINDS: readonly (readonly [number, CaseKind])[] = [
  [22, 'org-csv'], [22, 'okrs-csv'], [7, 'org-xlsx'], [6, 'okrs-xlsx'], [4, 'junk'], [3, 'args'],
  [10, 'check-bytes'], [16, 'check-zip'], [10, 'check-excel'], [8, 'update-org'],
  // #12: the corpus of workbooks people added to, mutated, through check and every edit command.
  [27, 'corpus'],
  // #15: whole-sheet ranges, far cells, bloat and entities, as import files and inside workbooks.
  [6, 'shapes'],
];

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** Only this case (replay); its directory is kept. */
  only?: number;
  /** Called with progress lines. */
  log?: (s: string) => void;
  /** Per-case time limit (a hang counts as a crash). */
  timeoutMs?: number;
  /**
   * Commands the mutated workbooks are fed to: 'check' (the default), and optionally the workbook
   * commands 'lock', 'score', 'review' (each writes --out).
   */
  commands?: readonly WorkbookCommand[];
  /** Called after each case with its exit code and message (for --show). */
  show?: (i: number, kind: CaseKind, code: number, message: string) => void;
}

export interface Failure {
  case: number;
  kind: CaseKind;
  what: string;
  argv: string[];
  dir: string;
}

export interface FuzzResult {
  cases: number;
  crashes: Failure[];
  seconds: number;
  /** kind → exit code → count. */
  outcomes: Record<string, Record<string, number>>;
  readBack: number;
}

/** Messages that leak an internal error instead of saying what is wrong with the file. */
const INTERNAL = /TypeError|RangeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|is not iterable|Maximum call stack|\[object Object\]|Invalid time value|\bundefined\b|\bNaN\b/;

/** The message without the values it quotes back (“NaN” typed in a cell is the person's, not ours). */
function withoutQuotes(m: string): string {
  return m.replace(/“[^”]*”|"[^"\n]*"/g, '“…”');
}

export function caseSeed(seed: number, i: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0;
}

interface Bases {
  workbooks: Buffer[];
  entries: ZipEntries[];
  corpus: CorpusBook[];
}

const BASE_ORG = '部门,姓名,岗位,上级,负责人\n技术部,张伟,经理,,是\n技术部,李娜,工程师,张伟,\n市场部,张伟,经理,,是\n市场部,"=HYPERLINK(""http://x"",""y"")",专员,张伟,\n';
const BASE_OKRS = [
  '层级,部门,负责人,业务类别,目标序号,目标,来源,对齐,目标权重,已协商,KR序号,关键结果,衡量标准,评分标准,截止日期,周期,KR权重,进度,自评分,上级评分,状态',
  '公司,,,自有平台,1,扩大平台,自上而下,,100%,是,1,MAU 180万,MAU≥180万,完成率,2026-12-31,季度,60%,50%,0.6,,进行中',
  '公司,,,自有平台,1,扩大平台,自上而下,,100%,是,2,留存40%,≥40%,完成率,2026/12/31,年度,40%,30%,,,进行中',
  '部门,技术部,,,1,稳定系统,自下而上,公司#1,0.5,是,1,可用性99.9%,99.9%,达标,46387,季度,1,０.５,0.7,0.6,',
  '个人,技术部,李娜,,1,"=cmd|\' /C calc\'!A0",自下而上,技术部#1,1,是,1,+SUM(1),≥1,达标,2026年12月31日,季度,"1,000.0",20%,,,',
];

async function makeBases(dir: string): Promise<Bases> {
  const errors: string[] = [];
  const io = { out: () => undefined, err: (s: string) => errors.push(s) };
  const org = path.join(dir, 'base-org.csv');
  const okrs = path.join(dir, 'base-okrs.csv');
  await fs.writeFile(org, BASE_ORG);
  await fs.writeFile(okrs, BASE_OKRS.join('\r\n'));
  const workbooks: Buffer[] = [];
  for (const extra of [[], ['--lang', 'en-US'], ['--company', '=1+1']]) {
    const out = path.join(dir, `base-${workbooks.length}.xlsx`);
    const code = await main(['node', 'okr-workbook', 'new', '--org', org, '--okrs', okrs, '--cycle', '2026-Q4', '--out', out, ...extra], io);
    if (code !== 0) throw new Error(`base workbook ${workbooks.length} failed with exit ${code}: ${errors.join('\n')}`);
    workbooks.push(await fs.readFile(out));
  }
  return { workbooks, entries: await Promise.all(workbooks.map(unzip)), corpus: await loadCorpus() };
}

interface Prepared {
  argv: string[];
  /** The --out file of `new` (undefined for check). */
  out?: string;
}

const EXTS = ['.csv', '.csv', '.csv', '.txt', '.CSV', '', '.xlsx', '.tsv'];

async function prepare(kind: CaseKind, r: Rng, dir: string, bases: Bases, commands: readonly WorkbookCommand[]): Promise<Prepared> {
  const out = path.join(dir, r.pick(['out.xlsx', '输出 文件.xlsx', 'o.XLSX']));
  const common = (): string[] => {
    const a: string[] = [];
    if (r.chance(0.25)) a.push('--lang', r.pick(['en-US', 'zh-CN', 'en', 'zh']));
    if (r.chance(0.1)) a.push('--company', r.pick(HOSTILE_TEXT));
    return a;
  };
  const cycle = (): string => (r.chance(0.95) ? r.pick(['2026-Q4', '2027-Q1', '2026Q2', '1999-Q3']) : r.pick(['2026-Q5', 'Q4', '', '２０２６-Q4']));
  const write = async (name: string, bytes: Buffer): Promise<string> => {
    const f = path.join(dir, name);
    await fs.writeFile(f, bytes);
    return f;
  };
  const maybeMutate = (b: Buffer): Buffer => (r.chance(0.35) ? mutateBytes(b, r) : b);
  const orgFile = async (draft: OrgDraft, asXlsx: boolean): Promise<string> =>
    asXlsx ? write(`org${r.chance(0.9) ? '.xlsx' : '.csv'}`, maybeMutate(await toXlsx(draft.table, r))) : write(`org${r.pick(EXTS.slice(0, 6))}`, maybeMutate(toCsv(draft.table, r)));
  const newArgs = (org: string, okrs?: string): Prepared => ({
    argv: ['new', '--org', org, ...(okrs ? ['--okrs', okrs] : []), '--cycle', cycle(), '--out', out, ...common()],
    out,
  });

  switch (kind) {
    case 'org-csv':
    case 'org-xlsx': {
      const draft = orgTable(r, r.chance(0.9) ? 6 : 30);
      return newArgs(await orgFile(draft, kind === 'org-xlsx'));
    }
    case 'okrs-csv':
    case 'okrs-xlsx': {
      // The organisation is usually clean here, so the OKR file is what gets exercised.
      const draft = orgTable(r, 6, r.chance(0.8));
      const org = await write('org.csv', toCsv(draft.table, r));
      const table = okrTable(r, draft);
      const okrs = kind === 'okrs-xlsx' ? await write('okrs.xlsx', maybeMutate(await toXlsx(table, r))) : await write(`okrs${r.pick(EXTS.slice(0, 5))}`, maybeMutate(toCsv(table, r)));
      return newArgs(org, okrs);
    }
    case 'junk': {
      const f = await write(`org${r.pick(EXTS)}`, junkBytes(r));
      if (r.chance(0.5)) return newArgs(f);
      return { argv: ['check', await write(`book${r.pick(['.xlsx', '.csv', ''])}`, junkBytes(r)), ...common()] };
    }
    case 'args': {
      const org = await write('org.csv', toCsv(orgTable(r).table, r));
      const pool = ['new', 'check', '--org', org, '--okrs', '--cycle', '2026-Q4', '--out', out, '--lang', 'fr', '--force', '--json', '--help', '--bogus', '', '-', path.join(dir, 'missing.csv'), dir, '--', '=1+1'];
      return { argv: Array.from({ length: r.between(0, 8) }, () => r.pick(pool)), out };
    }
    case 'check-bytes': {
      const base = r.pick(bases.workbooks);
      return bookCommand(r, await write('book.xlsx', r.chance(0.3) ? base.subarray(0, r.int(base.length)) : mutateBytes(base, r)), out, commands);
    }
    case 'check-zip': {
      const e = mutateEntries(r.pick(bases.entries), r);
      return bookCommand(r, await write('book.xlsx', await rezip(e)), out, commands);
    }
    case 'update-org': {
      // A generated (sometimes damaged) workbook updated with a random, sometimes broken, org table.
      const draft = orgTable(r, r.chance(0.8) ? 6 : 20, r.chance(0.7));
      const org = r.chance(0.8) ? await write('org.csv', maybeMutate(toCsv(draft.table, r))) : await write('org.xlsx', maybeMutate(await toXlsx(draft.table, r)));
      const base = r.pick(bases.workbooks);
      const book = await write('book.xlsx', r.chance(0.7) ? base : r.chance(0.5) ? mutateBytes(base, r) : await mutateWithExcel(base, r));
      const a = ['update', book, '--org', org, '--out', out];
      if (r.chance(0.3)) a.push('--by', r.pick(HOSTILE_TEXT));
      if (r.chance(0.3)) a.push('--lang', r.pick(['en-US', 'zh-CN']));
      return { argv: a, out };
    }
    case 'corpus': {
      // Always all the commands, whatever --commands says: these are the files the edits must open.
      const book = r.pick(bases.corpus);
      const ext = book.name.endsWith('.xlsm') ? '.xlsm' : '.xlsx';
      const bytes = r.chance(0.1) ? book.bytes : await mutateCorpus(book, r);
      const f = await write(`book${ext}`, bytes);
      const command = r.pick(['check', 'lock', 'score', 'review', 'update'] as const);
      if (command === 'update') {
        const org = await write('org.csv', toCsv(orgTable(r, 6, true).table, r));
        return { argv: ['update', f, '--org', org, '--out', path.join(dir, `out${ext}`), ...(r.chance(0.3) ? ['--lang', 'en-US'] : [])], out: path.join(dir, `out${ext}`) };
      }
      const p = bookCommand(r, f, path.join(dir, `out${ext}`), [command]);
      if (command === 'lock' && !p.argv.includes('--override')) p.argv.push('--override', '语料');
      return p;
    }
    case 'shapes': {
      // Bloat costs a 260 MB deflate to build: one shape case in ten.
      const shape = r.chance(0.9) ? r.pick(SHAPES.filter((x) => x !== 'compressedBloat' && x !== 'lyingSizeBloat')) : r.pick(['compressedBloat', 'lyingSizeBloat'] as const);
      if (r.chance(0.4)) {
        const draft = orgTable(r, 6, r.chance(0.8));
        return newArgs(await write('org.xlsx', maybeMutate(await withShape(await toXlsx(draft.table, r), shape))));
      }
      const base = r.pick(bases.workbooks);
      const sheets = [...(await unzip(base)).keys()].filter((n) => n.startsWith('xl/worksheets/sheet'));
      const book = await write('book.xlsx', await withShape(base, shape, r.pick(sheets)));
      return bookCommand(r, book, out, ['check', 'lock', 'score', 'review']);
    }
    case 'check-excel': {
      const b = await mutateWithExcel(r.pick(bases.workbooks), r);
      return bookCommand(r, await write('book.xlsx', b), out, commands);
    }
  }
}

/** `check book.xlsx` (or another workbook command, writing `out`) with random options. */
function bookCommand(r: Rng, book: string, out: string, commands: readonly WorkbookCommand[]): Prepared {
  const command = r.pick(commands);
  const a: string[] = [command, book];
  if (command === 'check' && r.chance(0.4)) a.push('--json');
  if (command === 'score' && r.chance(0.3)) a.push('--json');
  if (command === 'lock' && r.chance(0.3)) a.push('--override', r.pick(HOSTILE_TEXT));
  if ((command === 'lock' || command === 'score') && r.chance(0.3)) a.push('--by', r.pick(HOSTILE_TEXT));
  if (command === 'review') a.push('--month', r.pick(['2026-11', '2026-10', '2026-12', '2027-01', '2026-13', 'x']));
  if (command !== 'check') a.push('--out', out);
  if (r.chance(0.3)) a.push('--lang', r.pick(['en-US', 'zh-CN']));
  return { argv: a, out: command === 'check' ? undefined : out };
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`hang: no answer within ${ms} ms`)), ms); });
  try {
    return await Promise.race([p, t]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Runs the cases; never throws for a crash, returns it. */
export async function runFuzz(o: FuzzOptions): Promise<FuzzResult> {
  const log = o.log ?? (() => undefined);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-fuzz-'));
  const bases = await makeBases(root);
  const crashes: Failure[] = [];
  const outcomes: FuzzResult['outcomes'] = {};
  let readBack = 0;
  let successes = 0;
  let current: { i: number; kind: CaseKind; argv: string[]; dir: string } | undefined;
  const stray = (what: string) => (e: unknown) => {
    const c = current ?? { i: -1, kind: 'args' as CaseKind, argv: [], dir: root };
    crashes.push({ case: c.i, kind: c.kind, what: `${what}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`, argv: c.argv, dir: c.dir });
  };
  const onRejection = stray('unhandled rejection');
  const onException = stray('uncaught exception');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  const t0 = Date.now();
  const first = o.only ?? 0;
  const last = o.only ?? o.cases - 1;
  try {
    for (let i = first; i <= last; i++) {
      const r = new Rng(caseSeed(o.seed, i));
      const kind = r.weighted(KINDS);
      const dir = path.join(root, `case-${i}`);
      await fs.mkdir(dir);
      let prepared: Prepared;
      try {
        prepared = await prepare(kind, r, dir, bases, o.commands ?? ['check']);
      } catch (e) {
        throw new Error(`fuzzer bug preparing case ${i} (${kind}): ${e instanceof Error ? e.stack : String(e)}`);
      }
      const before = new Set(await fs.readdir(dir));
      const argv = prepared.argv;
      current = { i, kind, argv, dir };
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
      const fail = (what: string) => crashes.push({ case: i, kind, what, argv, dir });
      const crashesBefore = crashes.length;
      let code: number | undefined;
      try {
        code = await withTimeout(main(['node', 'okr-workbook', ...argv], io), o.timeoutMs ?? 60_000);
      } catch (e) {
        fail(`exception (exit 3): ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
      if (code !== undefined) {
        const k = (outcomes[kind] ??= {});
        k[code] = (k[code] ?? 0) + 1;
        const message = err.join('\n').trim();
        o.show?.(i, kind, code, message);
        const isNew = argv[0] === 'new';
        if (![0, 1, 2].includes(code)) fail(`exit code ${code}`);
        if (code === 1 && argv[0] === 'new') fail('exit 1 from new');
        if (code === 2 && message === '' && !argv.includes('--help')) fail('exit 2 without a message');
        if (code === 2 && INTERNAL.test(withoutQuotes(message))) fail(`exit 2 with an internal error as its message: ${message.slice(0, 400)}`);
        const after = (await fs.readdir(dir)).filter((f) => !before.has(f));
        const outName = prepared.out ? path.basename(prepared.out) : undefined;
        if (code === 2 && after.length) fail(`exit 2 left files behind: ${after.join(', ')}`);
        if (code !== 2 && after.some((f) => f !== outName)) fail(`left temporary files: ${after.join(', ')}`);
        if (code === 0 && isNew && prepared.out && after.includes(path.basename(prepared.out)) && ++successes % 4 === 1) {
          // What `new` writes, `check` must read as an OKR workbook.
          readBack++;
          const cerr: string[] = [];
          let c2: number | string;
          try {
            c2 = await main(['node', 'okr-workbook', 'check', prepared.out, '--json'], { out: () => undefined, err: (s) => cerr.push(s) });
          } catch (e) {
            c2 = `exception ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
          }
          if (c2 !== 0 && c2 !== 1) fail(`check of the generated workbook gave ${c2}: ${cerr.join(' ').slice(0, 400)}`);
        }
      }
      current = undefined;
      if (crashes.length === crashesBefore && o.only === undefined) await fs.rm(dir, { recursive: true, force: true });
      if ((i + 1) % 500 === 0) log(`  ${i + 1} cases, ${crashes.length} crashes, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    if (crashes.length === 0 && o.only === undefined) await fs.rm(root, { recursive: true, force: true });
  }
  return { cases: last - first + 1, crashes, seconds: (Date.now() - t0) / 1000, outcomes, readBack };
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function cli(): Promise<number> {
  const argv = process.argv.slice(2);
  const cases = Number(arg(argv, '--cases') ?? 10_000);
  const seed = Number(arg(argv, '--seed') ?? 1);
  const only = arg(argv, '--case');
  const commands = (arg(argv, '--commands') ?? 'check').split(',') as WorkbookCommand[];
  const show = argv.includes('--show') ? (i: number, kind: CaseKind, code: number, m: string) => console.log(`#${i} ${kind} exit ${code} ${m.split('\n')[0].slice(0, 200)}`) : undefined;
  const res = await runFuzz({ cases, seed, only: only === undefined ? undefined : Number(only), log: (s) => console.log(s), show, commands });
  for (const c of res.crashes.slice(0, 20)) {
    console.log(`\nCRASH case ${c.case} (${c.kind}, seed ${seed}): ${c.what}\n  argv: ${JSON.stringify(c.argv)}\n  inputs kept in ${c.dir}\n  replay: npm run fuzz -- --seed ${seed} --case ${c.case}`);
  }
  console.log(`\noutcomes (kind: exit code → cases): ${JSON.stringify(res.outcomes)}`);
  console.log(`generated workbooks read back by check: ${res.readBack}`);
  console.log(`fuzz: ${res.cases} cases, ${res.crashes.length} crashes, ${res.seconds.toFixed(1)} s (seed ${seed})`);
  return res.crashes.length ? 1 : 0;
}

if (require.main === module) {
  cli().then((c) => (process.exitCode = c), (e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exitCode = 2;
  });
}
