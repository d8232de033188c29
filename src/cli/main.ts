import { Command, CommanderError, Option } from 'commander';
import { promises as fs } from 'fs';
import { parseCycle } from '../domain/cycle';
import { DEFAULT_SETTINGS, type Lang } from '../domain/model';
import { checkBook, renderFinding } from '../domain/rules';
import { ImportError, parseOkrTable, parseOrgTable, readTable } from '../io/import';
import { buildWorkbook } from '../templates/build';
import { NotAnOkrWorkbook, readBook } from '../templates/read-book';
import { writeWorkbookAtomic } from '../xlsx/file';
import { loadXlsx, sheetValues } from '../xlsx/read';
import { renderPlan } from '../xlsx/write';
import { CLI } from './messages';

/** A failure the person can fix; exit code 2 with the message, nothing written. */
export class UsageError extends Error {}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

function langOf(v: string | undefined): Lang {
  if (v === undefined || v === 'zh-CN' || v === 'zh') return 'zh-CN';
  if (v === 'en-US' || v === 'en') return 'en-US';
  throw new UsageError(CLI.badLang(v)['zh-CN'] + '\n' + CLI.badLang(v)['en-US']);
}

async function readInput(file: string, lang: Lang): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    throw new UsageError(CLI.cannotRead(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? (lang === 'zh-CN' ? '文件不存在' : 'no such file') : (e as Error).message)[lang]);
  }
}

export interface NewOptions { org: string; okrs?: string; cycle: string; out: string; lang?: string; force?: boolean; company?: string }

export async function cmdNew(o: NewOptions, io: Io = defaultIo): Promise<number> {
  const lang = langOf(o.lang);
  const cycle = parseCycle(o.cycle);
  if (!cycle) throw new UsageError(CLI.badCycle(o.cycle)[lang]);
  if (!o.force && (await exists(o.out))) throw new UsageError(CLI.exists(o.out)[lang]);
  const t0 = Date.now();
  const org = parseOrgTable(await readTable(o.org, await readInput(o.org, lang), lang), lang);
  const cards = o.okrs ? parseOkrTable(await readTable(o.okrs, await readInput(o.okrs, lang), lang), org, lang) : undefined;
  const { plan } = buildWorkbook({ lang, cycle, settings: DEFAULT_SETTINGS, org, ...cards, companyName: o.company });
  const bytes = await writeWorkbookAtomic(await renderPlan(plan), o.out);
  io.out(CLI.written(o.out, plan.sheets.length, org.people.length, org.departments.length, Math.round(bytes / 1024), Date.now() - t0)[lang]);
  return 0;
}

export interface CheckCliOptions { json?: boolean; lang?: string }

export async function cmdCheck(file: string, o: CheckCliOptions, io: Io = defaultIo): Promise<number> {
  let lang = langOf(o.lang);
  const bytes = await readInput(file, lang);
  let book;
  try {
    book = readBook(sheetValues(await loadXlsx(bytes)));
  } catch (e) {
    const why = e instanceof NotAnOkrWorkbook ? e.message : (e as Error).message;
    throw new UsageError(CLI.notOkr(file, why)[lang]);
  }
  if (o.lang === undefined) lang = book.lang;
  const findings = checkBook(book, { lang });
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (o.json) {
    io.out(JSON.stringify({
      findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, level: f.level, department: f.department, owner: f.owner, sheet: f.sheet, cell: f.cell, message: renderFinding(f, lang) })),
      errors, warnings,
    }));
  } else {
    if (findings.length === 0) io.out(CLI.noFindings[lang]);
    for (const f of findings) io.out(`${f.sheet}${f.cell ? '!' + f.cell : ''}\t${CLI[f.severity][lang]}\t${f.rule}\t${renderFinding(f, lang)}`);
    io.out(CLI.summary(errors, warnings)[lang]);
  }
  return errors > 0 ? 1 : 0;
}

async function exists(f: string): Promise<boolean> {
  return fs.stat(f).then(() => true, () => false);
}

export function program(io: Io, setCode: (c: number) => void): Command {
  const p = new Command('okr-workbook')
    .description('OKR 工作簿：生成和检查OKR Excel工作簿 / OKR Workbook: generate and check OKR Excel workbooks')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const langOpt = () => new Option('--lang <lang>', '语言 language: zh-CN (默认 default) | en-US');
  p.command('new')
    .description('生成OKR工作簿 / generate an OKR workbook')
    .requiredOption('--org <file>', '组织架构 CSV/XLSX（列：部门 姓名 岗位 上级 负责人）/ organisation (department, name, position, manager, head)')
    .option('--okrs <file>', '可选：OKR CSV/XLSX，每行一个KR / optional: OKRs, one row per key result')
    .requiredOption('--cycle <cycle>', '周期，如 2026-Q4 / cycle, e.g. 2026-Q4')
    .requiredOption('--out <file>', '输出的 .xlsx 文件 / the .xlsx file to write')
    .option('--company <name>', '公司名称 / company name')
    .option('--force', '覆盖已存在的文件 / overwrite an existing file')
    .addOption(langOpt())
    .action(async (o: NewOptions) => setCode(await cmdNew(o, io)));
  p.command('check')
    .description('按规则检查工作簿（退出码：0 无错误，1 有错误，2 无法读取）/ check a workbook against the rules (exit 0 no errors, 1 errors, 2 unreadable)')
    .argument('<book.xlsx>')
    .option('--json', '输出 JSON / print JSON')
    .addOption(langOpt())
    .action(async (file: string, o: CheckCliOptions) => setCode(await cmdCheck(file, o, io)));
  p.addHelpText('after', `
示例 Examples:
  npx okr-workbook new --org examples/org.csv --okrs examples/okrs.csv --cycle 2026-Q4 --out okr-2026-Q4.xlsx
  npx okr-workbook new --org examples/org.csv --cycle 2026-Q4 --lang en-US --out blank.xlsx
  npx okr-workbook check okr-2026-Q4.xlsx --json

输入格式见 README / input formats: see README.md. 出错时退出码为 2，且不留下任何输出文件 / on bad input: exit code 2 and no output file.`);
  return p;
}

/** Runs the command line; resolves to the process exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError || e instanceof ImportError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv).then((c) => (process.exitCode = c), (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 3;
  });
}
