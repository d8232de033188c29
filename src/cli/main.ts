import { Command, CommanderError, Option } from 'commander';
import { promises as fs } from 'fs';
import type ExcelJS from 'exceljs';
import { isoDateOf, parseCycle } from '../domain/cycle';
import { RATING_WORDS } from '../domain/labels';
import { formatScore } from '../domain/messages';
import { DEFAULT_SETTINGS, RATING_CODES, type Lang, type OkrBook, type RatingCode } from '../domain/model';
import type { KrLine, QuarterReport } from '../domain/report';
import { checkBook, renderFinding } from '../domain/rules';
import { LifecycleError, planLock, planReviewMonth, planScore } from '../templates/lifecycle';
import { mergeEdits } from '../templates/edits';
import { planUpdate, updateLines } from '../templates/update';
import type { SheetValues } from '../templates/read-book';
import { ImportError, parseOkrTable, parseOrgTable, readTable, xlsxProblemAt, encodingNote } from '../io/import';
import { buildWorkbook } from '../templates/build';
import { NotAnOkrWorkbook, readBook } from '../templates/read-book';
import { applyEditXlsx, saveEdited } from '../xlsx/edit';
import { SheetPasswordError } from '../xlsx/password';
import { writeWorkbookAtomic } from '../xlsx/file';
import { readSheetValuesFast } from '../xlsx/fast-read';
import { loadXlsx, sheetValues } from '../xlsx/read';
import { renderPlan } from '../xlsx/write';
import { CLI } from './messages';
import { PASSWORD_MSG, passwordOf, passwordOption, type PasswordCliOption } from './password';

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

/** Writes `out`; a path that cannot be written (no such folder, a folder, no permission) is exit 2. */
async function writeOut(out: string, lang: Lang, write: (out: string) => Promise<number>): Promise<number> {
  try {
    return await write(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw e;
    throw new UsageError(CLI.cannotWrite(out, CLI.whyNotWritten(code, (e as Error).message)[lang])[lang]);
  }
}

export interface NewOptions extends PasswordCliOption { org: string; okrs?: string; cycle: string; out: string; lang?: string; force?: boolean; company?: string }

export async function cmdNew(o: NewOptions, io: Io = defaultIo): Promise<number> {
  const lang = langOf(o.lang);
  const cycle = parseCycle(o.cycle);
  if (!cycle) throw new UsageError(CLI.badCycle(o.cycle)[lang]);
  if (!o.force && (await exists(o.out))) throw new UsageError(CLI.exists(o.out)[lang]);
  const t0 = Date.now();
  const orgTable = await readTable(o.org, await readInput(o.org, lang), lang);
  const org = parseOrgTable(orgTable, lang);
  const okrTable = o.okrs ? await readTable(o.okrs, await readInput(o.okrs, lang), lang) : undefined;
  const cards = okrTable ? parseOkrTable(okrTable, org, lang) : undefined;
  const { plan } = buildWorkbook({ lang, cycle, settings: DEFAULT_SETTINGS, org, ...cards, companyName: o.company });
  const password = passwordOf(o);
  const wb = await renderPlan(plan, { password });
  const bytes = await writeOut(o.out, lang, (out) => writeWorkbookAtomic(wb, out));
  io.out(CLI.written(o.out, plan.sheets.length, org.people.length, org.departments.length, Math.round(bytes / 1024), Date.now() - t0)[lang]);
  if (password) io.out(PASSWORD_MSG.protectedWith[lang]);
  // A CSV read as GBK (Excel's Chinese "CSV (逗号分隔)") is said, in case a name came out garbled.
  for (const t of [orgTable, okrTable]) if (t && encodingNote(t, lang)) io.out(encodingNote(t, lang) ?? '');
  return 0;
}

export interface CheckCliOptions { json?: boolean; lang?: string }

interface Loaded { wb: ExcelJS.Workbook; sheets: SheetValues[]; book: OkrBook; lang: Lang }

/** Reads an OKR workbook; exit code 2 with a message saying why when it cannot be read as one. */
async function loadBook(file: string, langOption: string | undefined): Promise<Loaded> {
  const asked = langOf(langOption);
  const bytes = await readInput(file, asked);
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadXlsx(bytes);
  } catch {
    // Not an .xlsx at all (empty, old .xls, text, damaged): say so in words a person can act on.
    throw new UsageError(xlsxProblemAt(file, bytes, asked));
  }
  try {
    const sheets = sheetValues(wb);
    const book = readBook(sheets);
    return { wb, sheets, book, lang: langOption === undefined ? book.lang : asked };
  } catch (e) {
    const why = e instanceof NotAnOkrWorkbook ? e.message : (e as Error).message;
    throw new UsageError(CLI.notOkr(file, why)[asked]);
  }
}

/**
 * Reads only the values (check needs nothing else), straight from the sheet XML: a 1,000-card
 * workbook in about 2 s where a full ExcelJS load takes 6–7 s. Same messages as loadBook.
 */
async function loadBookValues(file: string, langOption: string | undefined): Promise<{ book: OkrBook; lang: Lang }> {
  const asked = langOf(langOption);
  const bytes = await readInput(file, asked);
  let sheets: SheetValues[];
  try {
    sheets = await readSheetValuesFast(bytes);
  } catch {
    throw new UsageError(xlsxProblemAt(file, bytes, asked));
  }
  try {
    const book = readBook(sheets);
    return { book, lang: langOption === undefined ? book.lang : asked };
  } catch (e) {
    const why = e instanceof NotAnOkrWorkbook ? e.message : (e as Error).message;
    throw new UsageError(CLI.notOkr(file, why)[asked]);
  }
}

export async function cmdCheck(file: string, o: CheckCliOptions, io: Io = defaultIo): Promise<number> {
  const { book, lang } = await loadBookValues(file, o.lang);
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

/** An edit writes --out; an existing file (the input included) is only replaced with --force. */
async function checkOut(out: string, force: boolean | undefined, lang: Lang): Promise<void> {
  if (!force && (await exists(out))) throw new UsageError(CLI.outExists(out)[lang]);
}

function lifecycleError(e: unknown, lang: Lang): never {
  if (e instanceof LifecycleError) throw new UsageError(e.text[lang]);
  throw e;
}

const today = (): string => isoDateOf(new Date());

/**
 * Applies an edit with the password option (--password / OKR_PASSWORD), for every command that edits
 * a workbook: a password-protected sheet without the right password is exit 2 before anything changes.
 */
async function applyEdit(wb: ExcelJS.Workbook, edit: Parameters<typeof applyEditXlsx>[1], file: string, o: PasswordCliOption, lang: Lang, io: Io): Promise<void> {
  try {
    const r = await applyEditXlsx(wb, edit, { password: passwordOf(o) });
    if (r.passwordUnused) io.err(PASSWORD_MSG.unused(file)[lang]);
  } catch (e) {
    if (e instanceof SheetPasswordError) throw new UsageError(PASSWORD_MSG.refused(file, e)[lang]);
    throw e;
  }
}

export interface LockCliOptions extends PasswordCliOption { out: string; override?: string; by?: string; relock?: boolean; force?: boolean; lang?: string }

export async function cmdLock(file: string, o: LockCliOptions, io: Io = defaultIo): Promise<number> {
  await checkOut(o.out, o.force, langOf(o.lang));
  const { wb, sheets, book, lang } = await loadBook(file, o.lang);
  let plan;
  try {
    plan = planLock({ sheets, book, lang, today: today(), by: o.by, override: o.override, relock: o.relock });
  } catch (e) {
    if (e instanceof LifecycleError && e.code === 'notAgreed') {
      for (const f of checkBook(book, { lang, phase: 'lock' }).filter((x) => x.rule === 'AGREED' && x.severity === 'error')) {
        io.err(`${f.sheet}${f.cell ? '!' + f.cell : ''}\t${renderFinding(f, lang)}`);
      }
    }
    lifecycleError(e, lang);
  }
  await applyEdit(wb, plan.edit, file, o, lang, io);
  await writeOut(o.out, lang, (out) => saveEdited(wb, out));
  io.out(CLI.locked(o.out, plan.snapshot.cycle ?? '', plan.cards, plan.objectives, plan.quarterlyKrs, plan.edit.sheets[0].plan.name)[lang]);
  if (plan.notAgreed.length) {
    io.out(CLI.overridden(plan.notAgreed.length, (o.override ?? '').trim())[lang]);
    for (const f of plan.notAgreed) io.out(`  ${f.sheet}${f.cell ? '!' + f.cell : ''}\t${renderFinding(f, lang)}`);
  }
  return 0;
}

export interface ScoreCliOptions extends PasswordCliOption { out: string; force?: boolean; json?: boolean; by?: string; lang?: string }

/** The --json output: exactly the shape, unrounded scores, rating codes, null without objectives. */
export function scoreJson(r: QuarterReport): unknown {
  const line = (s: { score?: number; rating?: RatingCode }) => ({ score: s.score ?? null, rating: s.rating ?? null });
  return {
    cycle: r.cycle,
    people: r.people.map((p) => ({ name: p.name, department: p.department, ...line(p) })),
    departments: r.departments.map((d) => ({ name: d.name, ...line(d) })),
    company: line(r.company),
    distribution: { BAD: r.distribution.BAD, FAIR: r.distribution.FAIR, GOOD: r.distribution.GOOD, EXCELLENT: r.distribution.EXCELLENT },
  };
}

function krList(io: Io, lang: Lang, krs: KrLine[]): void {
  for (const k of krs) {
    const who = [k.department, k.owner].filter(Boolean).join('/') || (lang === 'zh-CN' ? '公司' : 'company');
    const o = lang === 'zh-CN' ? `目标${k.objectiveNo} KR${k.krNo}` : `O${k.objectiveNo} KR${k.krNo}`;
    io.out(`  ${k.sheet}${k.cell ? '!' + k.cell : ''}\t${who}\t${o}\t${formatScore(k.score)}\t${k.text}`);
  }
}

export async function cmdScore(file: string, o: ScoreCliOptions, io: Io = defaultIo): Promise<number> {
  await checkOut(o.out, o.force, langOf(o.lang));
  const { wb, sheets, book, lang } = await loadBook(file, o.lang);
  let plan;
  try {
    plan = planScore({ sheets, book, lang, today: today(), by: o.by, replace: o.force === true, charts: false });
  } catch (e) {
    lifecycleError(e, lang);
  }
  if (plan.status === 'needsConfirm') throw new UsageError(CLI.scoredAgain(plan.report.cycle, plan.existingRows)[lang]);
  await applyEdit(wb, plan.edit, file, o, lang, io);
  await writeOut(o.out, lang, (out) => saveEdited(wb, out));
  const r = plan.report;
  if (o.json) {
    io.out(JSON.stringify(scoreJson(r)));
    return 0;
  }
  const label = (c: RatingCode | undefined) => (c ? book.settings.ratingLabels?.[c] ?? RATING_WORDS[c][lang] : '—');
  const score = (s: number | undefined) => (s === undefined ? '—' : formatScore(Math.round(s * 10000) / 10000));
  const sep = lang === 'zh-CN' ? '，' : ', ';
  io.out(CLI.scored(o.out, r.cycle, r.people.length, r.departments.length, plan.replacedRows)[lang]);
  io.out(CLI.companyScore(`${score(r.company.score)} ${label(r.company.rating)}`)[lang]);
  io.out(CLI.distribution(RATING_CODES.map((c) => `${label(c)} ${r.distribution[c]}`).join(sep))[lang]);
  const members = (m: number | undefined) => (m === undefined ? '' : lang === 'zh-CN' ? `（成员平均 ${score(m)}）` : ` (members' mean ${score(m)})`);
  io.out(CLI.departments(r.departments.map((d) => `${d.name} ${score(d.score)} ${label(d.rating)}${members(d.membersMean)}`).join(sep))[lang]);
  io.out(CLI.tooEasy(r.tooEasy.length)[lang]);
  krList(io, lang, r.tooEasy);
  io.out(CLI.unscored(r.unscored.length)[lang]);
  krList(io, lang, r.unscored);
  io.out(CLI.carryOver(r.carryOver.length)[lang]);
  krList(io, lang, r.carryOver);
  return 0;
}

export interface ReviewCliOptions extends PasswordCliOption { month: string; out: string; force?: boolean; lang?: string }

export async function cmdReview(file: string, o: ReviewCliOptions, io: Io = defaultIo): Promise<number> {
  await checkOut(o.out, o.force, langOf(o.lang));
  const { wb, sheets, book, lang } = await loadBook(file, o.lang);
  let plan;
  try {
    plan = planReviewMonth({ sheets, book, lang, today: today(), month: o.month });
  } catch (e) {
    lifecycleError(e, lang);
  }
  if (plan.added.length === 0) {
    io.out(CLI.reviewNothing(o.month)[lang]);
    return 0;
  }
  await applyEdit(wb, plan.edit, file, o, lang, io);
  await writeOut(o.out, lang, (out) => saveEdited(wb, out));
  io.out(CLI.reviewAdded(o.out, o.month, plan.added.length, plan.skipped, plan.sheet)[lang]);
  return 0;
}

export interface UpdateCliOptions extends PasswordCliOption { org: string; out: string; force?: boolean; by?: string; lang?: string }

/**
 * Brings a live workbook up to a new organisation table (and to the current templates): new people
 * and departments get cards, people who left keep theirs marked, headers follow; nothing typed is
 * touched. Prints one line per card it changed.
 */
export async function cmdUpdate(file: string, o: UpdateCliOptions, io: Io = defaultIo): Promise<number> {
  await checkOut(o.out, o.force, langOf(o.lang));
  const { wb, sheets, book, lang } = await loadBook(file, o.lang);
  const orgTable = await readTable(o.org, await readInput(o.org, lang), lang);
  const org = parseOrgTable(orgTable, lang);
  let plan;
  try {
    plan = planUpdate({ sheets, book, lang, today: today(), by: o.by, org });
  } catch (e) {
    lifecycleError(e, lang);
  }
  if (plan.upToDate) {
    io.out(CLI.upToDate(plan.summary[lang])[lang]);
    return 0;
  }
  await applyEdit(wb, mergeEdits([...plan.upgrades, plan.edit]), file, o, lang, io);
  await writeOut(o.out, lang, (out) => saveEdited(wb, out));
  io.out(CLI.updated(o.out, plan.summary[lang])[lang]);
  for (const l of updateLines(plan, lang)) io.out(`  ${l.where}\t${l.what}`);
  const note = encodingNote(orgTable, lang);
  if (note) io.out(note);
  return 0;
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
    .addOption(passwordOption('new'))
    .addOption(langOpt())
    .action(async (o: NewOptions) => setCode(await cmdNew(o, io)));
  p.command('check')
    .description('按规则检查工作簿（退出码：0 无错误，1 有错误，2 无法读取）/ check a workbook against the rules (exit 0 no errors, 1 errors, 2 unreadable)')
    .argument('<book.xlsx>')
    .option('--json', '输出 JSON / print JSON')
    .addOption(langOpt())
    .action(async (file: string, o: CheckCliOptions) => setCode(await cmdCheck(file, o, io)));
  const outOpt = () => new Option('--out <file>', '输出的 .xlsx 文件（可与输入相同，需加 --force）/ the .xlsx file to write (may be the input, with --force)').makeOptionMandatory();
  p.command('lock')
    .description('锁定本季度：冻结目标和季度KR，保存锁定快照，记入变更记录 / lock the quarter: freeze objectives and quarterly KRs, store the snapshot, log it')
    .argument('<book.xlsx>')
    .addOption(outOpt())
    .option('--override <reason>', '有卡片未协商一致时仍然锁定，原因写入变更记录 / lock although cards are not agreed; the reason goes into the change log')
    .option('--by <name>', '锁定人（写入变更记录）/ who locks (written into the change log)')
    .option('--relock', '已锁定时重新锁定（以当前内容替换快照）/ lock again, replacing the snapshot with the current text')
    .option('--force', '覆盖已存在的 --out 文件 / overwrite an existing --out file')
    .addOption(passwordOption('edit'))
    .addOption(langOpt())
    .action(async (file: string, o: LockCliOptions) => setCode(await cmdLock(file, o, io)));
  p.command('score')
    .description('季度评分：计算所有得分和评级，写入“结果运用”（数值）和变更记录 / quarter-end scoring: every score and rating into the score register (values) and the change log')
    .argument('<book.xlsx>')
    .addOption(outOpt())
    .option('--force', '覆盖已存在的 --out 文件，并替换本周期已有的评分行 / overwrite an existing --out and replace this cycle\'s register rows')
    .option('--json', '输出 JSON：{cycle, people, departments, company, distribution} / print JSON')
    .option('--by <name>', '评分人（写入变更记录）/ who scores (written into the change log)')
    .addOption(passwordOption('edit'))
    .addOption(langOpt())
    .action(async (file: string, o: ScoreCliOptions) => setCode(await cmdScore(file, o, io)));
  p.command('review')
    .description('在“月（季）绩效回顾表”末尾添加一个月的回顾行（预填进度和偏差率）/ add a month\'s rows to the review sheet (progress and deviation filled in)')
    .argument('<book.xlsx>')
    .requiredOption('--month <YYYY-MM>', '月份，如 2026-11 / the month, e.g. 2026-11')
    .addOption(outOpt())
    .option('--force', '覆盖已存在的 --out 文件 / overwrite an existing --out file')
    .addOption(passwordOption('edit'))
    .addOption(langOpt())
    .action(async (file: string, o: ReviewCliOptions) => setCode(await cmdReview(file, o, io)));
  p.command('update')
    .description('按新的组织架构更新工作簿（新人新卡片，离职者卡片保留并标记，表头更新，升级模板；不改动任何填写内容）/ update a workbook to a new organisation (new cards, departed cards kept and marked, headers, template upgrade; nothing typed is touched)')
    .argument('<book.xlsx>')
    .requiredOption('--org <file>', '新的组织架构 CSV/XLSX / the new organisation table')
    .addOption(outOpt())
    .option('--force', '覆盖已存在的 --out 文件 / overwrite an existing --out file')
    .option('--by <name>', '操作人（写入变更记录）/ who updates (written into the change log)')
    .addOption(passwordOption('edit'))
    .addOption(langOpt())
    .action(async (file: string, o: UpdateCliOptions) => setCode(await cmdUpdate(file, o, io)));
  p.addHelpText('after', `
示例 Examples:
  npx okr-workbook new --org examples/org.csv --okrs examples/okrs.csv --cycle 2026-Q4 --out okr-2026-Q4.xlsx
  npx okr-workbook new --org examples/org.csv --cycle 2026-Q4 --lang en-US --out blank.xlsx
  npx okr-workbook check okr-2026-Q4.xlsx --json
  npx okr-workbook lock okr-2026-Q4.xlsx --out locked.xlsx --by 人力资源部
  npx okr-workbook score locked.xlsx --out scored.xlsx --json
  npx okr-workbook review okr-2026-Q4.xlsx --month 2026-11 --out okr-2026-Q4.xlsx --force
  npx okr-workbook update okr-2026-Q4.xlsx --org org-new.csv --out updated.xlsx
  OKR_PASSWORD='…' npx okr-workbook score locked.xlsx --out scored.xlsx   # 受密码保护的工作簿 / a password-protected workbook

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
