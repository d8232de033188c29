/**
 * The command line `okr-workbook`: each command in its own file under commands/, each running one
 * use case of src/app/ on an .xlsx file and printing its result.
 */
import { Command, CommanderError, Option } from 'commander';
import { ImportError } from '../io/import';
import { cmdCheck, type CheckCliOptions } from './commands/check';
import { cmdLock, type LockCliOptions } from './commands/lock';
import { cmdNew, type NewOptions } from './commands/new';
import { cmdNext, type NextCliOptions } from './commands/next';
import { cmdYear, type YearCliOptions } from './commands/year';
import { cmdReview, type ReviewCliOptions } from './commands/review';
import { cmdScore, type ScoreCliOptions } from './commands/score';
import { cmdUpdate, type UpdateCliOptions } from './commands/update';
import { parseLangOption, text } from '../i18n';
import { defaultIo, type Io, UsageError } from './io';
import { passwordOption } from './password';

export { UsageError, type Io } from './io';
export { scoreJson } from './commands/score';

export function program(io: Io, setCode: (c: number) => void): Command {
  const p = new Command('okr-workbook')
    .description('OKR 工作簿：生成和检查OKR Excel工作簿 / OKR Workbook: generate and check OKR Excel workbooks')
    .exitOverride()
    // Commander's own error lines are English: main() says them in the person's language instead.
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()), outputError: () => undefined });
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
    .option('--override <reason>', '有卡片未协商一致或仍有错误时仍然锁定，原因和问题写入变更记录 / lock although cards are not agreed or errors remain; the reason and the problems go into the change log')
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
    .option('--override <reason>', '本季度未锁定或仍有错误时仍然评分，原因和问题写入变更记录 / score although the quarter is not locked or errors remain; the reason and the problems go into the change log')
    .addOption(passwordOption('edit'))
    .addOption(langOpt())
    .action(async (file: string, o: ScoreCliOptions) => setCode(await cmdScore(file, o, io)));
  p.command('review')
    .description('在“月（季）绩效回顾表”末尾添加一个月或一周的回顾行（预填进度和偏差率）/ add a month\'s or a week\'s rows to the review sheet (progress and deviation filled in)')
    .argument('<book.xlsx>')
    .option('--month <YYYY-MM>', '月度回顾：月份，如 2026-11 / a monthly review: the month, e.g. 2026-11')
    .option('--week <YYYY-Www>', '周回顾：ISO 周，如 2026-W45 / a weekly review: the ISO week, e.g. 2026-W45')
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
    .option('--left-on <YYYY-MM-DD>', '离职者卡片标记的离职日期（默认今天）/ the date departed cards are marked with (default: today)')
    .addOption(passwordOption('edit'))
    .addOption(langOpt())
    .action(async (file: string, o: UpdateCliOptions) => setCode(await cmdUpdate(file, o, io)));
  p.command('next')
    .description('开始下一季度：由当前季度生成下一季度的新工作簿（组织架构、设置、年度KR、结转的KR、历史记录），当前工作簿不变 / start the next quarter: a new workbook from the current one (organisation, settings, annual KRs, carried-over KRs, history); the current workbook is not changed')
    .argument('<book.xlsx>')
    .requiredOption('--cycle <cycle>', '下一季度，如 2027-Q1 / the next quarter, e.g. 2027-Q1')
    .requiredOption('--out <file>', '新季度的 .xlsx 文件（不能是当前工作簿）/ the new quarter\'s .xlsx file (not the current workbook)')
    .option('--org <file>', '可选：新的组织架构 CSV/XLSX，按 update 的方式应用 / optional: the organisation as it is now, applied as update would')
    .option('--okrs <file>', '可选：新季度的 OKR CSV/XLSX / optional: the new quarter\'s OKRs')
    .option('--carry-annual', '进入新的一年时也带入上一年的年度目标和KR（作为草稿重新签字）/ into a new year, bring last year\'s annual objectives and KRs as drafts to sign again')
    .option('--override <reason>', '当前季度未评分时仍然开始下一季度，原因写入新季度的变更记录 / start although the current quarter was not scored; the reason goes into the new change log')
    .option('--by <name>', '操作人（写入变更记录）/ who starts it (written into the change log)')
    .option('--force', '覆盖已存在的 --out 文件 / overwrite an existing --out file')
    .addOption(passwordOption('new'))
    .addOption(langOpt())
    .action(async (file: string, o: NextCliOptions) => setCode(await cmdNext(file, o, io)));
  p.command('year')
    .description('年度结果：每季度得分、年度得分、评级、奖金系数和结果运用建议 / the year\'s results: each quarter\'s score, the annual score, rating, bonus coefficient and suggested result application')
    .argument('<book.xlsx>')
    .option('--json', '输出 JSON：{year, people, departments, company} / print JSON')
    .addOption(langOpt())
    .action(async (file: string, o: YearCliOptions) => setCode(await cmdYear(file, o, io)));
  p.addHelpText('after', `
示例 Examples:
  npx okr-workbook new --org examples/org.csv --okrs examples/okrs.csv --cycle 2026-Q4 --out okr-2026-Q4.xlsx
  npx okr-workbook new --org examples/org.csv --cycle 2026-Q4 --lang en-US --out blank.xlsx
  npx okr-workbook next okr-2026-Q4.xlsx --cycle 2027-Q1 --out okr-2027-Q1.xlsx
  npx okr-workbook year okr-2027-Q1.xlsx --json
  npx okr-workbook check okr-2026-Q4.xlsx --json
  npx okr-workbook lock okr-2026-Q4.xlsx --out locked.xlsx --by 人力资源部
  npx okr-workbook score locked.xlsx --out scored.xlsx --json
  npx okr-workbook review okr-2026-Q4.xlsx --month 2026-11 --out okr-2026-Q4.xlsx --force
  npx okr-workbook update okr-2026-Q4.xlsx --org org-new.csv --out updated.xlsx
  OKR_PASSWORD='…' npx okr-workbook score locked.xlsx --out scored.xlsx   # 受密码保护的工作簿 / a password-protected workbook

输入格式见 README / input formats: see README.md. 出错时退出码为 2，且不留下任何输出文件 / on bad input: exit code 2 and no output file.`);
  return p;
}

/** Every command, in the order --help lists them (a test checks the two agree). */
export const COMMANDS = ['new', 'check', 'lock', 'score', 'review', 'update', 'next', 'year'];

/**
 * A usage mistake commander found, in the language of --lang (zh-CN when none is readable: the
 * default of every command). What it names — an option, an argument, a command — is the first
 * quoted token of commander's message.
 */
function usageMessage(e: CommanderError, argv: string[]): string {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const asked = at < 0 ? undefined : argv[at].startsWith('--lang=') ? argv[at].slice('--lang='.length) : argv[at + 1];
  const words = text(parseLangOption(asked) ?? 'zh-CN').cli.usage;
  const named = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  const command = COMMANDS.find((c) => argv.slice(2).includes(c)) ?? '';
  const sentence: Record<string, () => string> = {
    'commander.missingMandatoryOptionValue': () => words.missingOption(named),
    'commander.optionMissingArgument': () => words.optionNeedsValue(named),
    'commander.unknownOption': () => words.unknownOption(named),
    'commander.missingArgument': () => words.missingArgument(named),
    'commander.unknownCommand': () => words.unknownCommand(named, COMMANDS),
    'commander.excessArguments': () => words.tooManyArguments(command),
  };
  const said = sentence[e.code]?.() ?? words.invalidValue(e.message.replace(/^error: /, ''));
  return `${said}\n${words.seeHelp(command)}`;
}

/** Runs the command line; resolves to the process exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      io.err(usageMessage(e, argv));
      return 2;
    }
    if (e instanceof UsageError || e instanceof ImportError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
}

/**
 * Output piped into a program that stops reading (`okr-workbook check … | head`) ends quietly, as
 * command-line tools do, instead of with an EPIPE stack trace.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
}

if (require.main === module) {
  endQuietlyOnClosedPipe();
  main(process.argv).then((c) => (process.exitCode = c), (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 3;
  });
}
