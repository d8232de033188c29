import type { CliText } from '../types/cli';

export const cli: CliText = {
  badCycle: (v) => `周期“${v}”无效，应为 2026-Q4 这样的格式。`,
  badLang: (v) => `语言“${v}”无效，可选 zh-CN 或 en-US。`,
  exists: (f) => `文件 ${f} 已存在，未覆盖（其中可能有人填写的内容）。换一个文件名，或加 --force 覆盖。`,
  cannotRead: (f, why) => `无法读取 ${f}：${why}`,
  cannotWrite: (f, why) => `无法写入 ${f}：${why}（未生成任何文件）`,
  notOkr: (f, why) => `${f} 不是OKR工作簿（${why}）。`,
  notOkrWhy: { noSettings: '找不到“设置”工作表', noCycle: '“设置”工作表中没有周期' },
  written: (f, sheets, people, depts, kb, ms) => `已生成 ${f}：${sheets} 个工作表（${depts} 个部门卡，${people} 个个人卡），${kb} KB，用时 ${ms} 毫秒。`,
  noFindings: '未发现问题。',
  summary: (e, w) => `共 ${e} 个错误，${w} 个提醒。`,
  error: '错误',
  warning: '提醒',
  failed: '失败',
  outExists: (f) => `文件 ${f} 已存在，未覆盖。换一个 --out 文件名，或加 --force 覆盖。`,
  lockedLate: (f, cycle, cards, o, k) => `${cycle} 已于此前锁定；现补充锁定锁定后签字的 ${cards} 张卡片（${o} 个目标、${k} 个季度KR），写入 ${f}。其他卡片的锁定不变，并记入变更记录。`,
  relocked: (n, u, archive) => `快照中 ${n} 处内容被替换，逐条记入变更记录（原内容 → 新内容）${u ? `，其中 ${u} 处未经批准` : ''}；原快照存档于隐藏工作表“${archive}”。`,
  locked: (f, cycle, cards, o, k, sheet) => `已锁定 ${cycle}，写入 ${f}：${cards} 张卡片的 ${o} 个目标和 ${k} 个季度KR已冻结（单元格受保护、显示为灰色），锁定快照保存在隐藏工作表“${sheet}”，并记入变更记录。`,
  overridden: (n, reason) => `例外锁定（原因已写入变更记录：${reason}）。未解决的问题 ${n} 处：`,
  scoreOverridden: (notLocked, n, reason) => `例外评分（原因已写入变更记录：${reason}）。${notLocked ? '本季度未锁定。' : ''}${n ? `未解决的错误 ${n} 处：` : ''}`,
  keptLeavers: (n) => `已离职人员的 ${n} 行评分保留在“结果运用”中，并已标注。`,
  scoredAgain: (cycle, n) => `“结果运用”中已有 ${cycle} 的 ${n} 行评分，未做任何修改。加 --force 重新评分：只替换本周期的行，其他周期的行不变，人力资源部填写的内容按人保留。`,
  scored: (f, cycle, people, depts, replaced) => `已写入 ${f}：${cycle} 季度评分，${people} 人、${depts} 个部门和公司（数值，不是公式）${replaced ? `，替换了本周期原有的 ${replaced} 行` : ''}。`,
  companyScore: (s) => `公司得分：${s}`,
  distribution: (s) => `个人评级分布：${s}`,
  departments: (s) => `部门得分：${s}`,
  tooEasy: (n) => `满分（1.0）的KR：${n} 个——目标是否太容易？（O_SPECIFIC）`,
  unscored: (n) => `没有评分的KR：${n} 个（按0分计）`,
  carryOver: (n, good) => `低于良好的KR（得分<${good}，结转候选；仅在确有必要时结转，并写明原因）：${n} 个`,
  reviewPeriodNeeded: '请用 --month（如 2026-11）或 --week（如 2026-W45）指定回顾期，二者选一。',
  reviewAdded: (f, period, n, filled, skipped, sheet) =>
    `已写入 ${f}：${[n ? `在“${sheet}”末尾为 ${period} 添加了 ${n} 行` : '', filled ? `为 ${filled} 人已有的 ${period} 空白行填入数据` : ''].filter(Boolean).join('，')}（预填当前进度和偏差率）${skipped ? `；${skipped} 人已有该期的行，未改动` : ''}。`,
  reviewNothing: (month) => `每个人都已有 ${month} 的回顾行，未做任何修改。`,
  updated: (f, what) => `已写入 ${f}：${what}。`,
  upToDate: (what) => `${what}未写入任何文件。`,  whyNotWritten: (code, detail) => {
    if (code === 'ENOENT' || code === 'ENOTDIR') return '所在文件夹不存在';
    if (code === 'EISDIR') return '这是一个文件夹';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入权限';
    if (code === 'ENOSPC') return '磁盘空间不足';
    return detail;
  },
  noSuchFile: '文件不存在',
  company: '公司',
  krName: (o, kr) => `目标${o} KR${kr}`,
  membersMean: (s) => `（成员平均 ${s}）`,
  clauseSep: '，',
  passwordMissing: (file, first, n) => `${file} 受密码保护（工作表“${first}”${n > 1 ? `等 ${n} 个` : ''}），未做任何修改。请用 --password 或环境变量 OKR_PASSWORD 提供工作表保护密码。`,
  passwordWrong: (first) => `密码不正确（打不开工作表“${first}”的保护），未做任何修改。`,
  passwordUnsupported: (first) => `工作表“${first}”的保护密码使用了无法校验的算法，未做任何修改。请在 Excel 中撤销该工作表的保护并重新设置密码后再试。`,
  passwordUnused: (file) => `注意：${file} 中没有受密码保护的工作表，未使用所给的密码。`,
  protectedWith: '受保护的工作表已设置密码（工作簿中只保存密码的哈希值）。',
  usage: {
    missingOption: (o) => `缺少必填选项 ${o}。`,
    optionNeedsValue: (o) => `选项 ${o} 后面需要一个值。`,
    unknownOption: (o) => `没有 ${o} 这个选项。`,
    missingArgument: (a) => `缺少参数 ${a}（要处理的工作簿文件）。`,
    unknownCommand: (c, all) => `没有“${c}”这个命令。可用的命令：${all.join('、')}。`,
    tooManyArguments: (c) => `命令 ${c} 收到了多余的参数（文件名中有空格时请加引号）。`,
    invalidValue: (d) => `选项的值无效：${d}`,
    seeHelp: (c) => `用法见：okr-workbook ${c ? c + ' ' : ''}--help`,
  },
};
