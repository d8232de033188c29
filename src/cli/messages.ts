import type { Lang } from '../domain/model';

type Msg = Record<Lang, string>;

/** Every sentence the command line says to a person, in both languages. */
export const CLI = {
  badCycle: (v: string): Msg => ({ 'zh-CN': `周期“${v}”无效，应为 2026-Q4 这样的格式。`, 'en-US': `Cycle "${v}" is not valid; write it like 2026-Q4.` }),
  badLang: (v: string): Msg => ({ 'zh-CN': `语言“${v}”无效，可选 zh-CN 或 en-US。`, 'en-US': `Language "${v}" is not valid; use zh-CN or en-US.` }),
  exists: (f: string): Msg => ({ 'zh-CN': `文件 ${f} 已存在，未覆盖（其中可能有人填写的内容）。换一个文件名，或加 --force 覆盖。`, 'en-US': `${f} already exists and was not overwritten (people may have typed into it). Choose another name, or add --force.` }),
  cannotRead: (f: string, why: string): Msg => ({ 'zh-CN': `无法读取 ${f}：${why}`, 'en-US': `Cannot read ${f}: ${why}` }),
  cannotWrite: (f: string, why: string): Msg => ({ 'zh-CN': `无法写入 ${f}：${why}（未生成任何文件）`, 'en-US': `Cannot write ${f}: ${why} (no file was written)` }),
  whyNotWritten: (code: string, detail: string): Msg =>
    code === 'ENOENT' || code === 'ENOTDIR' ? { 'zh-CN': '所在文件夹不存在', 'en-US': 'its folder does not exist' }
      : code === 'EISDIR' ? { 'zh-CN': '这是一个文件夹', 'en-US': 'it is a folder' }
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? { 'zh-CN': '没有写入权限', 'en-US': 'no permission to write there' }
          : code === 'ENOSPC' ? { 'zh-CN': '磁盘空间不足', 'en-US': 'the disk is full' }
            : { 'zh-CN': detail, 'en-US': detail },
  notOkr: (f: string, why: string): Msg => ({ 'zh-CN': `${f} 不是OKR工作簿（${why}）。`, 'en-US': `${f} is not an OKR workbook (${why}).` }),
  written: (f: string, sheets: number, people: number, depts: number, kb: number, ms: number): Msg => ({
    'zh-CN': `已生成 ${f}：${sheets} 个工作表（${depts} 个部门卡，${people} 个个人卡），${kb} KB，用时 ${ms} 毫秒。`,
    'en-US': `Wrote ${f}: ${sheets} sheets (${depts} department cards, ${people} individual cards), ${kb} KB in ${ms} ms.`,
  }),
  noFindings: { 'zh-CN': '未发现问题。', 'en-US': 'No findings.' },
  summary: (e: number, w: number): Msg => ({ 'zh-CN': `共 ${e} 个错误，${w} 个提醒。`, 'en-US': `${e} errors, ${w} warnings.` }),
  error: { 'zh-CN': '错误', 'en-US': 'error' },
  warning: { 'zh-CN': '提醒', 'en-US': 'warning' },
  failed: { 'zh-CN': '失败', 'en-US': 'failed' },
  outExists: (f: string): Msg => ({ 'zh-CN': `文件 ${f} 已存在，未覆盖。换一个 --out 文件名，或加 --force 覆盖。`, 'en-US': `${f} already exists and was not overwritten. Choose another --out, or add --force.` }),
  locked: (f: string, cycle: string, cards: number, o: number, k: number, sheet: string): Msg => ({
    'zh-CN': `已锁定 ${cycle}，写入 ${f}：${cards} 张卡片的 ${o} 个目标和 ${k} 个季度KR已冻结（单元格受保护、显示为灰色），锁定快照保存在隐藏工作表“${sheet}”，并记入变更记录。`,
    'en-US': `Locked ${cycle} and wrote ${f}: ${o} objectives and ${k} quarterly KRs of ${cards} cards are frozen (protected, shown grey); the snapshot is in the hidden sheet "${sheet}" and the lock is in the change log.`,
  }),
  overridden: (n: number, reason: string): Msg => ({
    'zh-CN': `例外锁定（原因已写入变更记录：${reason}）。未协商一致/未签字 ${n} 处：`,
    'en-US': `Locked by override (the reason is in the change log: ${reason}). ${n} AGREED problems:`,
  }),
  scoredAgain: (cycle: string, n: number): Msg => ({
    'zh-CN': `“结果运用”中已有 ${cycle} 的 ${n} 行评分，未做任何修改。加 --force 重新评分：只替换本周期的行，其他周期的行不变，人力资源部填写的内容按人保留。`,
    'en-US': `The score register already holds ${n} rows for ${cycle}; nothing was written. Add --force to score again: only this cycle's rows are replaced, other cycles stay, and what HR typed stays with each person.`,
  }),
  scored: (f: string, cycle: string, people: number, depts: number, replaced: number): Msg => ({
    'zh-CN': `已写入 ${f}：${cycle} 季度评分，${people} 人、${depts} 个部门和公司（数值，不是公式）${replaced ? `，替换了本周期原有的 ${replaced} 行` : ''}。`,
    'en-US': `Wrote ${f}: ${cycle} scores of ${people} people, ${depts} departments and the company (values, not formulas)${replaced ? `, replacing this cycle's ${replaced} rows` : ''}.`,
  }),
  companyScore: (s: string): Msg => ({ 'zh-CN': `公司得分：${s}`, 'en-US': `Company score: ${s}` }),
  distribution: (s: string): Msg => ({ 'zh-CN': `个人评级分布：${s}`, 'en-US': `Individual ratings: ${s}` }),
  departments: (s: string): Msg => ({ 'zh-CN': `部门得分：${s}`, 'en-US': `Department scores: ${s}` }),
  tooEasy: (n: number): Msg => ({ 'zh-CN': `满分（1.0）的KR：${n} 个——目标是否太容易？（O_SPECIFIC）`, 'en-US': `KRs scored 1.0: ${n} — too easy? (O_SPECIFIC)` }),
  unscored: (n: number): Msg => ({ 'zh-CN': `没有评分的KR：${n} 个（按0分计）`, 'en-US': `KRs without any score: ${n} (counted as 0)` }),
  carryOver: (n: number): Msg => ({ 'zh-CN': `未完成的KR（得分<1，结转候选；仅在确有必要时结转，并写明原因）：${n} 个`, 'en-US': `Unfinished KRs (score < 1, carry-over candidates; carry one over only when truly necessary, with a reason): ${n}` }),
  reviewAdded: (f: string, month: string, n: number, skipped: number, sheet: string): Msg => ({
    'zh-CN': `已写入 ${f}：在“${sheet}”末尾为 ${month} 添加了 ${n} 行（预填当前进度和偏差率）${skipped ? `；${skipped} 人已有该月的行，未改动` : ''}。`,
    'en-US': `Wrote ${f}: added ${n} rows for ${month} at the end of "${sheet}" (current progress and deviation rate filled in)${skipped ? `; ${skipped} people already had a row for that month and were left alone` : ''}.`,
  }),
  reviewNothing: (month: string): Msg => ({ 'zh-CN': `每个人都已有 ${month} 的回顾行，未做任何修改。`, 'en-US': `Everyone already has a review row for ${month}; nothing was written.` }),
  updated: (f: string, what: string): Msg => ({ 'zh-CN': `已写入 ${f}：${what}。`, 'en-US': `Wrote ${f}: ${what}.` }),
  upToDate: (what: string): Msg => ({ 'zh-CN': `${what}未写入任何文件。`, 'en-US': `${what} No file was written.` }),
};
