/**
 * Every rule's messages, titles and one-line hints in zh-CN and en-US.
 * A finding stores its rule, message key and parameters, so it can be rendered again in the
 * other language: renderMessage(rule, key, params, lang).
 */
import type { Lang, Limits } from './model';
import { DEFAULT_SETTINGS } from './model';
import type { RuleId, Severity } from './rules/types';

export type MessageParams = Record<string, string | number>;
type Render = (p: MessageParams) => string;
type Bilingual = Record<Lang, Render>;

// ---- formatting ----------------------------------------------------------------------------

const str = (p: MessageParams, k: string): string => (p[k] === undefined ? '' : String(p[k]));
const num = (p: MessageParams, k: string): number => Number(p[k]);

/** 0.6 → "60%", 0.5714 → "57.14%", 0.30000000000000004 → "30%". */
export function formatPercent(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const v = Math.round(x * 10000) / 100;
  return `${Object.is(v, -0) ? 0 : v}%`;
}

/** Scores keep one decimal at least: 1 → "1.0", 1.25 → "1.25", -0.2 → "-0.2". */
export function formatScore(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return x.toFixed(1);
  return String(Math.round(x * 10000) / 10000);
}

const MAX_QUOTE = 60;
/** Long texts are shortened inside a message (the full text stays in the params). */
function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_QUOTE ? `${chars.slice(0, MAX_QUOTE - 1).join('')}…` : text;
}
const zq = (p: MessageParams, k: string): string => (str(p, k).trim() === '' ? '（空白）' : `“${clip(str(p, k))}”`);
const eq = (p: MessageParams, k: string): string => (str(p, k).trim() === '' ? '(blank)' : `"${clip(str(p, k))}"`);
const has = (p: MessageParams, k: string): string => (num(p, k) === 1 ? 'has' : 'have');

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

// objective / KR names
const zO = (p: MessageParams): string => `目标${str(p, 'o')}`;
const zKR = (p: MessageParams): string => `目标${str(p, 'o')}的KR${str(p, 'kr')}`;
const eO = (p: MessageParams): string => `Objective ${str(p, 'o')}`;
const eKR = (p: MessageParams): string => `KR ${str(p, 'kr')} of objective ${str(p, 'o')}`;

const ROLE: Record<string, Record<Lang, string>> = {
  employee: { 'zh-CN': '员工', 'en-US': 'the employee' },
  manager: { 'zh-CN': '直属上级', 'en-US': 'the manager' },
  head: { 'zh-CN': '部门负责人', 'en-US': 'the department head' },
  supervisor: { 'zh-CN': '上级领导', 'en-US': "the department's supervisor" },
  gm: { 'zh-CN': '总经理', 'en-US': 'the general manager' },
};
const role = (p: MessageParams, lang: Lang): string => ROLE[str(p, 'who')]?.[lang] ?? str(p, 'who');

function zPhase(p: MessageParams): string {
  const phase = str(p, 'phase');
  if (phase === 'lock') return '，签字确认后才能锁定';
  if (phase === 'score') return '，签字确认后才能进行季度评分';
  return '';
}
function ePhase(p: MessageParams): string {
  const phase = str(p, 'phase');
  if (phase === 'lock') return ' before the quarter can be locked';
  if (phase === 'score') return ' before quarter-end scoring';
  return '';
}

function zCard(p: MessageParams): string {
  const level = str(p, 'cardLevel');
  if (level === 'department') return `${str(p, 'department')}的部门OKR卡`;
  if (level === 'individual') return `${str(p, 'owner')}（${str(p, 'department')}）的个人OKR卡`;
  return '公司目标体系图';
}
function eCard(p: MessageParams): string {
  const level = str(p, 'cardLevel');
  if (level === 'department') return `The department card of ${str(p, 'department')}`;
  if (level === 'individual') return `The individual card of ${str(p, 'owner')} (${str(p, 'department')})`;
  return 'The company target-system map';
}

function zTarget(p: MessageParams): string {
  const scope = str(p, 'targetScope');
  if (scope === 'company') return `公司目标${str(p, 'targetNo')}`;
  if (scope === 'department') return `${str(p, 'targetDept')}目标${str(p, 'targetNo')}`;
  return zq(p, 'target');
}
function eTarget(p: MessageParams): string {
  const scope = str(p, 'targetScope');
  if (scope === 'company') return `company objective ${str(p, 'targetNo')}`;
  if (scope === 'department') return `objective ${str(p, 'targetNo')} of ${str(p, 'targetDept')}`;
  return eq(p, 'target');
}

const clampScore = (x: number): number => Math.min(1, Math.max(0, x));

// ---- messages ------------------------------------------------------------------------------

const MESSAGES: Record<RuleId, Record<string, Bilingual>> = {
  O_COUNT: {
    tooMany: {
      'zh-CN': (p) => `本卡共有${str(p, 'count')}个目标，超过上限${str(p, 'max')}个。每个周期最多${str(p, 'max')}个目标，请合并或删除多余的目标`,
      'en-US': (p) =>
        `This card has ${str(p, 'count')} objectives, more than the limit of ${str(p, 'max')}. Merge or remove objectives so that at most ${str(p, 'max')} remain.`,
    },
    tooFew: {
      'zh-CN': (p) => `本卡只有${str(p, 'count')}个目标，少于${str(p, 'min')}个。每季度应设定${str(p, 'min')}-${str(p, 'max')}个目标`,
      'en-US': (p) => `This card has only ${plural(num(p, 'count'), 'objective')}; each quarter should have ${str(p, 'min')}–${str(p, 'max')}.`,
    },
    none: {
      'zh-CN': (p) => `本卡尚未填写目标。每季度应设定${str(p, 'min')}-${str(p, 'max')}个目标`,
      'en-US': (p) => `This card has no objectives yet; each quarter should have ${str(p, 'min')}–${str(p, 'max')}.`,
    },
  },
  KR_COUNT: {
    tooMany: {
      'zh-CN': (p) => `${zO(p)}的KR数量为${str(p, 'count')}个，超过上限${str(p, 'max')}个`,
      'en-US': (p) => `${eO(p)} has ${str(p, 'count')} key results, more than the limit of ${str(p, 'max')}.`,
    },
    none: {
      'zh-CN': (p) => `${zO(p)}还没有KR。每个目标至少要有1个关键结果`,
      'en-US': (p) => `${eO(p)} has no key results; every objective needs at least one.`,
    },
  },
  KR_MEASURABLE: {
    noTarget: {
      'zh-CN': (p) => `${zKR(p)}未填写衡量指标和目标值。KR必须以产出或结果为基础、可衡量`,
      'en-US': (p) => `${eKR(p)} has no metric or target value; a key result must be an outcome that can be measured.`,
    },
    noCriteria: {
      'zh-CN': (p) => `${zKR(p)}未填写评分标准。请写明达到什么结果得几分（0-1分）`,
      'en-US': (p) => `${eKR(p)} has no scoring criteria; state which result earns which score (0–1).`,
    },
  },
  KR_TIMEBOUND: {
    missing: {
      'zh-CN': (p) => `${zKR(p)}未填写完成期限。KR必须和时间相联系`,
      'en-US': (p) => `${eKR(p)} has no deadline; a key result must be tied to a date.`,
    },
    notDate: {
      'zh-CN': (p) => `${zKR(p)}的完成期限${zq(p, 'value')}不是有效日期，请填写日期（年-月-日）`,
      'en-US': (p) => `The deadline of ${eKR(p)}, ${eq(p, 'value')}, is not a date; enter a date (year-month-day).`,
    },
    outsideQuarter: {
      'zh-CN': (p) =>
        `${zKR(p)}是季度KR，完成期限${str(p, 'deadline')}不在本季度（${str(p, 'start')}至${str(p, 'end')}）内`,
      'en-US': (p) =>
        `${eKR(p)} is a quarterly KR, but its deadline ${str(p, 'deadline')} is outside the quarter (${str(p, 'start')} to ${str(p, 'end')}).`,
    },
    outsideYear: {
      'zh-CN': (p) => `${zKR(p)}是年度KR，完成期限${str(p, 'deadline')}不在${str(p, 'year')}年内`,
      'en-US': (p) => `${eKR(p)} is an annual KR, but its deadline ${str(p, 'deadline')} is outside ${str(p, 'year')}.`,
    },
  },
  O_SPECIFIC: {
    empty: {
      'zh-CN': (p) => `${zO(p)}未填写内容。目标须具体、可量化、有挑战性`,
      'en-US': (p) => `${eO(p)} is empty; an objective must be specific, measurable and challenging.`,
    },
    placeholder: {
      'zh-CN': (p) => `${zO(p)}的内容${zq(p, 'text')}只是占位，请写出具体、可量化、有挑战性的目标`,
      'en-US': (p) => `${eO(p)} reads ${eq(p, 'text')}, which is only a placeholder; write a specific, measurable, challenging objective.`,
    },
    krEmpty: {
      'zh-CN': (p) => `${zKR(p)}未填写关键结果内容，请写明要达成什么结果`,
      'en-US': (p) => `${eKR(p)} does not say what the key result is.`,
    },
    tooEasy: {
      'zh-CN': (p) =>
        `${zKR(p)}得分为${formatScore(num(p, 'score'))}（满分），是否定得太容易了？OKR应有挑战性，完成度${formatPercent(num(p, 'goodFrom'))}-${formatPercent(num(p, 'goodTo'))}即为良好`,
      'en-US': (p) =>
        `${eKR(p)} scored ${formatScore(num(p, 'score'))} — too easy? OKRs should be ambitious; ${formatPercent(num(p, 'goodFrom'))}–${formatPercent(num(p, 'goodTo'))} completion is already good.`,
    },
  },
  BOTTOM_UP: {
    department: {
      'zh-CN': (p) =>
        `${str(p, 'department')}自下而上的目标占比为${formatPercent(num(p, 'share'))}（${str(p, 'total')}个目标中有${str(p, 'bottomUp')}个），低于要求的${formatPercent(num(p, 'min'))}`,
      'en-US': (p) =>
        `In ${str(p, 'department')}, ${formatPercent(num(p, 'share'))} of the objectives are bottom-up (${str(p, 'bottomUp')} of ${str(p, 'total')}), below the required ${formatPercent(num(p, 'min'))}.`,
    },
    company: {
      'zh-CN': (p) =>
        `全公司（部门卡和个人卡）自下而上的目标占比为${formatPercent(num(p, 'share'))}（${str(p, 'total')}个目标中有${str(p, 'bottomUp')}个），低于要求的${formatPercent(num(p, 'min'))}`,
      'en-US': (p) =>
        `Company-wide (department and individual cards), ${formatPercent(num(p, 'share'))} of the objectives are bottom-up (${str(p, 'bottomUp')} of ${str(p, 'total')}), below the required ${formatPercent(num(p, 'min'))}.`,
    },
  },
  AGREED: {
    unsigned: {
      'zh-CN': (p) => `${role(p, 'zh-CN')}尚未签字确认。所有目标和关键成果必须协商一致${zPhase(p)}`,
      'en-US': (p) => {
        const r = role(p, 'en-US');
        return `Not yet signed by ${r}. All objectives and key results must be agreed and signed${ePhase(p)}.`;
      },
    },
    notAgreed: {
      'zh-CN': (p) => `${zO(p)}标记为未协商一致。未达成共识的目标不能算作目标${zPhase(p).replace('签字确认', '达成共识')}`,
      'en-US': (p) =>
        `${eO(p)} is marked as not agreed; an objective without agreement does not count as an objective${ePhase(p) ? `, and must be agreed${ePhase(p)}` : ''}.`,
    },
  },
  WEIGHTS: {
    krRange: {
      'zh-CN': (p) => `${zKR(p)}的权重为${formatPercent(num(p, 'weight'))}，应在0%-100%之间`,
      'en-US': (p) => `The weight of ${eKR(p)} is ${formatPercent(num(p, 'weight'))}; it must be between 0% and 100%.`,
    },
    objRange: {
      'zh-CN': (p) => `${zO(p)}的权重为${formatPercent(num(p, 'weight'))}，应在0%-100%之间`,
      'en-US': (p) => `The weight of objective ${str(p, 'o')} is ${formatPercent(num(p, 'weight'))}; it must be between 0% and 100%.`,
    },
    krMixed: {
      'zh-CN': (p) => `${zO(p)}的${str(p, 'total')}个KR中只有${str(p, 'given')}个填写了权重。请全部填写或全部留空（留空表示平均分配）`,
      'en-US': (p) =>
        `Only ${str(p, 'given')} of the ${str(p, 'total')} KRs of objective ${str(p, 'o')} ${has(p, 'given')} a weight; fill in all weights or leave all blank (blank = equal weights).`,
    },
    krSum: {
      'zh-CN': (p) => `${zO(p)}的KR权重合计为${formatPercent(num(p, 'sum'))}，应为100%`,
      'en-US': (p) => `The KR weights of objective ${str(p, 'o')} add up to ${formatPercent(num(p, 'sum'))}; they must add up to 100%.`,
    },
    objMixed: {
      'zh-CN': (p) => `本卡的${str(p, 'total')}个目标中只有${str(p, 'given')}个填写了权重。请全部填写或全部留空（留空表示平均分配）`,
      'en-US': (p) =>
        `Only ${str(p, 'given')} of the ${str(p, 'total')} objectives on this card ${has(p, 'given')} a weight; fill in all weights or leave all blank (blank = equal weights).`,
    },
    objSum: {
      'zh-CN': (p) => `本卡的目标权重合计为${formatPercent(num(p, 'sum'))}，应为100%`,
      'en-US': (p) => `The objective weights on this card add up to ${formatPercent(num(p, 'sum'))}; they must add up to 100%.`,
    },
  },
  SCORE_RANGE: {
    selfScore: {
      'zh-CN': (p) =>
        `${zKR(p)}的自评分为${formatScore(num(p, 'value'))}，超出0-1的范围（按${formatScore(clampScore(num(p, 'value')))}计算）`,
      'en-US': (p) =>
        `The self score of ${eKR(p)} is ${formatScore(num(p, 'value'))}, outside 0–1 (it counts as ${formatScore(clampScore(num(p, 'value')))}).`,
    },
    managerScore: {
      'zh-CN': (p) =>
        `${zKR(p)}的上级评分为${formatScore(num(p, 'value'))}，超出0-1的范围（按${formatScore(clampScore(num(p, 'value')))}计算）`,
      'en-US': (p) =>
        `The manager score of ${eKR(p)} is ${formatScore(num(p, 'value'))}, outside 0–1 (it counts as ${formatScore(clampScore(num(p, 'value')))}).`,
    },
    progress: {
      'zh-CN': (p) => `${zKR(p)}的进度为${formatPercent(num(p, 'value'))}，应在0%-100%之间`,
      'en-US': (p) => `The progress of ${eKR(p)} is ${formatPercent(num(p, 'value'))}; it must be between 0% and 100%.`,
    },
  },
  O_FROZEN: {
    changed: {
      'zh-CN': (p) => `${zO(p)}在锁定后被修改：原为${zq(p, 'old')}，现为${zq(p, 'new')}。目标一经确定不得调整（可以完善的是KR）`,
      'en-US': (p) =>
        `${eO(p)} was changed after the lock: it was ${eq(p, 'old')}, now ${eq(p, 'new')}. Objectives are never adjusted (only KRs may be refined).`,
    },
    added: {
      'zh-CN': (p) => `${zO(p)}${zq(p, 'new')}是锁定后新增的。目标锁定后不得调整或增加`,
      'en-US': (p) => `${eO(p)} ${eq(p, 'new')} was added after the lock; objectives cannot be adjusted or added once locked.`,
    },
    removed: {
      'zh-CN': (p) => `锁定时的${zO(p)}${zq(p, 'old')}已被删除。目标锁定后不得调整或删除`,
      'en-US': (p) => `${eO(p)} ${eq(p, 'old')}, present at the lock, was removed; objectives cannot be adjusted or removed once locked.`,
    },
    snapshotAltered: {
      'zh-CN': (p) =>
        `锁定快照（隐藏工作表“${str(p, 'sheet')}”${str(p, 'cell') ? `第${str(p, 'cell')}行` : ''}）在锁定后被改动，指纹不符。锁定时的目标和KR内容已无法确认，请由人力资源部核对后重新锁定`,
      'en-US': (p) =>
        `The lock snapshot (hidden sheet "${str(p, 'sheet')}"${str(p, 'cell') ? `, row ${str(p, 'cell')}` : ''}) was altered after the lock: its fingerprint does not match. The locked objectives and KRs can no longer be trusted; HR must review them and lock again.`,
    },
    cardRemoved: {
      'zh-CN': (p) => `锁定时存在的${zCard(p)}（${str(p, 'count')}个目标）已不在工作簿中。目标锁定后不得调整或删除`,
      'en-US': (p) =>
        `${eCard(p)} (${plural(num(p, 'count'), 'objective')}) existed at the lock and is no longer in the workbook; locked objectives cannot be removed.`,
    },
  },
  QKR_LOCKED: {
    changed: {
      'zh-CN': (p) => `${zO(p)}的季度KR${str(p, 'kr')}在锁定后被修改：原为${zq(p, 'old')}，现为${zq(p, 'new')}。季度KR一旦确定就不能改变`,
      'en-US': (p) =>
        `Quarterly ${eKR(p)} was changed after the lock: it was ${eq(p, 'old')}, now ${eq(p, 'new')}. Quarterly KRs cannot change once set.`,
    },
    added: {
      'zh-CN': (p) => `${zO(p)}的季度KR${str(p, 'kr')}${zq(p, 'new')}是锁定后新增的。季度KR一旦确定就不能改变`,
      'en-US': (p) => `Quarterly ${eKR(p)} ${eq(p, 'new')} was added after the lock; quarterly KRs cannot change once set.`,
    },
    removed: {
      'zh-CN': (p) => `${zO(p)}锁定时的季度KR${str(p, 'kr')}${zq(p, 'old')}已被删除。季度KR一旦确定就不能改变`,
      'en-US': (p) => `Quarterly ${eKR(p)} ${eq(p, 'old')}, present at the lock, was removed; quarterly KRs cannot change once set.`,
    },
    periodChanged: {
      'zh-CN': (p) => `${zKR(p)}锁定时是季度KR，现被改为年度KR。季度KR一旦确定就不能改变`,
      'en-US': (p) => `${eKR(p)} was a quarterly KR at the lock and is now marked annual; quarterly KRs cannot change once set.`,
    },
  },
  AKR_APPROVAL: {
    changed: {
      'zh-CN': (p) =>
        `${zO(p)}的年度KR${str(p, 'kr')}在锁定后被修改（原为${zq(p, 'old')}，现为${zq(p, 'new')}），但变更记录中没有经批准的记录。年度KR调整须经批准：请在变更记录中登记新内容、审批人和审批日期`,
      'en-US': (p) =>
        `Annual ${eKR(p)} was changed after the lock (was ${eq(p, 'old')}, now ${eq(p, 'new')}) without an approved change-log row. Record the new text, the approver and the approval date in the change log.`,
    },
    added: {
      'zh-CN': (p) =>
        `${zO(p)}的年度KR${str(p, 'kr')}${zq(p, 'new')}是锁定后新增的，但变更记录中没有经批准的记录。年度KR调整须经批准：请在变更记录中登记新内容、审批人和审批日期`,
      'en-US': (p) =>
        `Annual ${eKR(p)} ${eq(p, 'new')} was added after the lock without an approved change-log row. Record the new text, the approver and the approval date in the change log.`,
    },
    removed: {
      'zh-CN': (p) =>
        `${zO(p)}锁定时的年度KR${str(p, 'kr')}${zq(p, 'old')}已被删除，但变更记录中没有经批准的记录。年度KR调整须经批准：请在变更记录中登记原内容、审批人和审批日期`,
      'en-US': (p) =>
        `Annual ${eKR(p)} ${eq(p, 'old')}, present at the lock, was removed without an approved change-log row. Record the old text, the approver and the approval date in the change log.`,
    },
  },
  CARRY_OVER: {
    noReason: {
      'zh-CN': (p) => `${zKR(p)}已结转下期，但未写明结转原因。仅在确有必要时，才将未完成的KR保留到下个周期`,
      'en-US': (p) =>
        `${eKR(p)} is carried over to the next cycle without a written reason; carry over unfinished KRs only when truly necessary.`,
    },
  },
  ALIGNMENT: {
    none: {
      'zh-CN': (p) =>
        str(p, 'cardLevel') === 'department'
          ? `${zO(p)}未填写对齐的公司目标（个人→部门→公司）`
          : `${zO(p)}未填写对齐的部门目标（个人→部门→公司）`,
      'en-US': (p) =>
        str(p, 'cardLevel') === 'department'
          ? `${eO(p)} does not name the company objective it supports (individual → team → company).`
          : `${eO(p)} does not name the department objective it supports (individual → team → company).`,
    },
    dangling: {
      'zh-CN': (p) => `${zO(p)}对齐的${zTarget(p)}不存在，请从下拉列表中重新选择`,
      'en-US': (p) => `${eO(p)} is aligned to ${eTarget(p)}, which does not exist; choose it again from the drop-down list.`,
    },
  },
  PUBLIC: {
    hidden: {
      'zh-CN': () => `本卡所在的工作表被隐藏了。OKR一旦制定须公开，以保证透明度和公平性`,
      'en-US': () => `This card's sheet is hidden; OKRs are published once set, for transparency and fairness.`,
    },
    missing: {
      'zh-CN': (p) => `人员名单中的${str(p, 'owner')}（${str(p, 'department')}）没有个人OKR卡片（工作表可能被删除）。请在OKR面板中“更新组织架构”（命令行：okr-workbook update）重新创建`,
      'en-US': (p) => `${str(p, 'owner')} (${str(p, 'department')}) is on the staff list but has no individual OKR card (the sheet may have been deleted). Run "Update organisation" in the OKR pane (command line: okr-workbook update) to create it again.`,
    },
  },
};

/** Renders a finding's message; an unknown key falls back to the rule's title and the key. */
export function renderMessage(rule: RuleId, key: string, params: MessageParams, lang: Lang): string {
  const table = MESSAGES[rule];
  const m = table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (!m) return `${ruleTitle(rule, lang)}: ${key}`;
  return m[lang](params);
}

/** The message keys of a rule (for tests and for documentation). */
export function messageKeys(rule: RuleId): string[] {
  return Object.keys(MESSAGES[rule] ?? {});
}

// ---- titles and hints ----------------------------------------------------------------------

const TITLES: Record<RuleId, Record<Lang, string>> = {
  O_COUNT: { 'zh-CN': '目标数量', 'en-US': 'Objective count' },
  KR_COUNT: { 'zh-CN': 'KR数量', 'en-US': 'KR count' },
  KR_MEASURABLE: { 'zh-CN': 'KR可衡量', 'en-US': 'Measurable KRs' },
  KR_TIMEBOUND: { 'zh-CN': 'KR有时限', 'en-US': 'Time-bound KRs' },
  O_SPECIFIC: { 'zh-CN': '目标具体', 'en-US': 'Specific objectives' },
  BOTTOM_UP: { 'zh-CN': '自下而上', 'en-US': 'Bottom-up share' },
  AGREED: { 'zh-CN': '协商一致', 'en-US': 'Agreed and signed' },
  WEIGHTS: { 'zh-CN': '权重', 'en-US': 'Weights' },
  SCORE_RANGE: { 'zh-CN': '评分范围', 'en-US': 'Score range' },
  O_FROZEN: { 'zh-CN': '目标不可调整', 'en-US': 'Objectives frozen' },
  QKR_LOCKED: { 'zh-CN': '季度KR锁定', 'en-US': 'Quarterly KRs locked' },
  AKR_APPROVAL: { 'zh-CN': '年度KR调整审批', 'en-US': 'Annual KR approval' },
  CARRY_OVER: { 'zh-CN': '结转下期', 'en-US': 'Carry-over' },
  ALIGNMENT: { 'zh-CN': '目标对齐', 'en-US': 'Alignment' },
  PUBLIC: { 'zh-CN': '公开透明', 'en-US': 'Published' },
};

export function ruleTitle(rule: RuleId, lang: Lang): string {
  return TITLES[rule]?.[lang] ?? rule;
}

const HINTS: Record<RuleId, Record<Lang, (l: Limits) => string>> = {
  O_COUNT: {
    'zh-CN': (l) => `每季度设定${l.minObjectives}-${l.maxObjectives}个目标，一个周期最多${l.maxObjectives}个`,
    'en-US': (l) => `Set ${l.minObjectives}–${l.maxObjectives} objectives per quarter; at most ${l.maxObjectives} per cycle.`,
  },
  KR_COUNT: {
    'zh-CN': (l) => `每个目标的KR不超过${l.maxKrs}个，且至少要有1个`,
    'en-US': (l) => `Each objective has at least one and at most ${l.maxKrs} key results.`,
  },
  KR_MEASURABLE: {
    'zh-CN': () => 'KR必须以产出或结果为基础、可衡量：填写衡量指标和目标值，并设定评分标准',
    'en-US': () => 'Key results are outcomes that can be measured: fill in the metric and target, and the scoring criteria.',
  },
  KR_TIMEBOUND: {
    'zh-CN': () => 'KR必须和时间相联系：填写完成期限，季度KR在本季度内，年度KR在本年度内',
    'en-US': () => 'Key results are tied to time: a deadline inside the quarter (quarterly KRs) or the year (annual KRs).',
  },
  O_SPECIFIC: {
    'zh-CN': () => '目标须具体、可量化、有挑战性，不能空着或只写“待定”；KR得满分1.0时会提示是否定得太容易',
    'en-US': () => 'Objectives are specific, measurable and challenging — never blank or "TBD"; a KR scored 1.0 is questioned as too easy.',
  },
  BOTTOM_UP: {
    'zh-CN': (l) => `${formatPercent(l.bottomUpMin)}以上的目标须自下而上产生，按部门和全公司分别统计`,
    'en-US': (l) => `At least ${formatPercent(l.bottomUpMin)} of objectives come bottom-up, per department and company-wide.`,
  },
  AGREED: {
    'zh-CN': () => '所有目标和关键成果必须由管理者与员工充分沟通、协商一致，双方签字后才能锁定和评分',
    'en-US': () => 'All objectives and key results are agreed between manager and employee and signed by both before lock and scoring.',
  },
  WEIGHTS: {
    'zh-CN': () => '每个目标内的KR权重、每张卡上的目标权重合计为100%；全部留空表示平均分配',
    'en-US': () => 'KR weights within an objective, and objective weights on a card, add up to 100%; all blank means equal weights.',
  },
  SCORE_RANGE: {
    'zh-CN': () => '自评分、上级评分和进度均在0-1之间（0%-100%）',
    'en-US': () => 'Self scores, manager scores and progress lie between 0 and 1 (0%–100%).',
  },
  O_FROZEN: {
    'zh-CN': () => '目标锁定后不得调整；可以不断完善的是KR（措施和方法）',
    'en-US': () => 'Objectives are never adjusted after the lock; only the KRs (the means) may be refined.',
  },
  QKR_LOCKED: {
    'zh-CN': () => '季度KR一旦确定就不能改变',
    'en-US': () => 'Quarterly KRs cannot change once they are set.',
  },
  AKR_APPROVAL: {
    'zh-CN': () => '年度KR可以调整，但须经批准：在变更记录中登记新内容、审批人和审批日期',
    'en-US': () => 'Annual KRs may be adjusted with approval: record the new text, approver and approval date in the change log.',
  },
  CARRY_OVER: {
    'zh-CN': () => '仅在确有必要时，才将未完成的KR保留到下个周期，并写明原因',
    'en-US': () => 'Carry an unfinished KR over to the next cycle only when truly necessary, with a written reason.',
  },
  ALIGNMENT: {
    'zh-CN': () => '个人→团队→公司：个人目标对齐部门目标，部门目标对齐公司目标',
    'en-US': () => 'Individual → team → company: personal objectives support department objectives, which support company objectives.',
  },
  PUBLIC: {
    'zh-CN': () => 'OKR一旦制定即公开，以保证透明度和公平性；卡片工作表不得隐藏',
    'en-US': () => 'OKRs are published once set, for transparency and fairness; card sheets are never hidden.',
  },
};

/** One line explaining the seed rule, for the workbook's guide sheet; limits default to the seed's. */
export function ruleHint(rule: RuleId, lang: Lang, limits: Limits = DEFAULT_SETTINGS.limits): string {
  const h = HINTS[rule]?.[lang];
  return h ? h(limits) : rule;
}

const SEVERITY: Record<Severity, Record<Lang, string>> = {
  error: { 'zh-CN': '错误', 'en-US': 'Error' },
  warning: { 'zh-CN': '提醒', 'en-US': 'Warning' },
};

export function severityWord(severity: Severity, lang: Lang): string {
  return SEVERITY[severity][lang];
}
