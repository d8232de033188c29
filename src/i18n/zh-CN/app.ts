import type { Finding } from '../../domain/rules/types';
import type { AppText } from '../types/app';
import { countByRule } from '../count-by-rule';
import { rules } from './rules';

const byRule = (fs: Finding[]): string => countByRule(fs, rules.titles, '、');

export const app: AppText = {
  refusal: {
    alreadyLocked: (r) => `本季度已于 ${r.lockedOn || '?'} 锁定。重新锁定会以当前内容替换锁定快照；确需如此请选择“重新锁定”（命令行：--relock）。`,
    blankReason: () => '例外锁定必须写明原因（--override "原因"）。',
    lockErrors: (r) => `有 ${r.findings.length} 处错误，不能锁定：${byRule(r.findings)}。请先修正（“校验”会列出每一处），或以 --override "原因" 例外锁定（原因和这些问题会写入变更记录）。`,
    scoreBlocked: (r) => `${[r.notLocked ? '本季度尚未锁定' : '', r.findings.length ? `有 ${r.findings.length} 处错误（${byRule(r.findings)}）` : ''].filter(Boolean).join('，')}，不能评分。请先锁定本季度并修正这些问题，或以 --override "原因" 例外评分（原因和这些问题会写入变更记录）。`,
    notAgreed: (r) => `有 ${r.findings.length} 处未协商一致或未签字（AGREED），不能锁定。请先补齐签字，或以 --override "原因" 例外锁定（原因会写入变更记录）。`,
    NO_ROOM: (r) => `工作表“${r.sheet}”没有空行可追加（第${r.maxRows}行以下已用完）。请删除表末尾多余的内容后重试。`,
    badMonth: (r) => `回顾期“${r.month}”无效：月份应写作 2026-11，周应写作 2026-W45。`,
    periodOutsideCycle: (r) => `回顾期 ${r.period} 不在本周期 ${r.cycle}（${r.start} 至 ${r.end}）内，未做任何修改。请选择本周期内的月份或周。`,
    badLeaveDate: (r) => `离职日期“${r.date}”无效，应为 2026-11-30 这样的日期。`,
    noReviewSheet: () => '找不到“月（季）绩效回顾表”。',
    blank: () => '请填写调整后的KR内容和申请人。',
    notAnnual: (r) => `${r.where} 不是年度KR的内容单元格。只有年度KR可以申请调整；季度KR和目标锁定后不可更改。`,
    noSettings: () => '找不到“设置”工作表，无法更新组织架构。',
    notScored: (r) => `${r.cycle} 尚未进行季度评分。请先进行季度评分；或者写明不评分就开始下一季度的原因（例外），原因写入新季度的变更记录。`,
    cycleNotAfter: (r) => `${r.to} 不在 ${r.from} 之后。下一季度必须晚于当前季度，例如 ${r.from} 之后的季度。`,
    newerTemplate: (r) => `这个工作簿由更新版本的模板生成（模板版本 ${r.version}，本程序支持到 ${r.supported}）。请先升级OKR加载项或命令行工具。`,
    alreadyGenerated: (r) => `工作簿中已有OKR工作表（${r.sheets.slice(0, 5).join('、')}${r.sheets.length > 5 ? '等' : ''}），未做任何修改。`,
  },
  confirmRescore: (cycle, n) => `“结果运用”中已有 ${cycle} 的 ${n} 行评分。重新评分会替换这些行（其他周期的行不变，人力资源部填写的内容按人保留）。确定要重新评分吗？`,
  blockedFromPane: (notLocked, n) => `${[notLocked ? '本季度尚未锁定' : '', n ? `有 ${n} 处错误` : ''].filter(Boolean).join('，')}，未评分，未做任何修改。请用“校验”查看并修正这些问题；确实不能等待时，请打开OKR面板，在评分步骤中写明原因后例外评分。`,
  rescoreFromPane: (cycle, n) => `“结果运用”中已有 ${cycle} 的 ${n} 行评分，未做任何修改。要重新评分，请打开OKR面板，在评分步骤中确认替换本周期的行。`,
  clauseSep: '，',
  listSep: '、',
  lockSummary: (c, o, k) => `锁定 ${c} 张卡片：${o} 个目标、${k} 个季度KR`,
  lockLateSummary: (c, o, k, who) => `补充锁定 ${c} 张锁定后签字的卡片（${who}）：${o} 个目标、${k} 个季度KR`,
  lockOverrideNote: (reason, n, who) => `例外锁定，原因：${reason}。未协商一致/未签字 ${n} 处：${who}`,
  openFindings: (n, list) => `未解决的错误 ${n} 处：${list}`,
  findingAt: (where, rule) => `${where}（${rule}）`,
  scoreOverrideNote: (reason, notLocked) => `例外评分，原因：${reason}。${notLocked ? '本季度未锁定。' : ''}`,
  relockNote: (n, u, archive) => `重新锁定：快照中 ${n} 处内容被替换（逐条见下）${u ? `，其中 ${u} 处未经批准` : ''}；原快照存档于隐藏工作表“${archive}”`,
  relockReplaced: (approved) => (approved ? '重新锁定时替换（已批准的年度KR调整）' : '重新锁定时替换（锁定后的修改，未经批准）'),
  registerLeft: (level, mark) => `${level}（${mark}）`,
  scoreSummary: (p) => `${p.cycle}：${p.people} 人，公司得分 ${p.company}；个人评级分布：${p.distribution}；未评分KR ${p.unscored} 个（按0分计）`,
  rescored: (n) => `重新评分，替换了本周期原有的 ${n} 行`,
  scoreWithRating: (score, rating) => `${score}（${rating}）`,
  charts: { distTitle: '评级分布', deptTitle: '各部门得分', rating: '评级', people: '人数', department: '部门', score: '得分', company: '公司得分' },
  upgradeSkipped: {
    noHeader: '卡片表头不在第6行（表头以上插入或删除了行），此卡片未升级。',
    noSignOff: '找不到签字栏或目标序号，此卡片未升级。',
  },
};
