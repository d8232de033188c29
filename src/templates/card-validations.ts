import type { Lang } from '../domain/model';
import { addr, rangeAddr } from './a1';
import { deadlineBounds } from './card-checks';
import type { CardField, CardLayout } from './card-layout';
import { N } from './names';
import type { ValidationPlan } from './plan';

type Msg = Record<Lang, string>;

const M = {
  listTitle: { 'zh-CN': '请选择', 'en-US': 'Choose' },
  category: { 'zh-CN': '从“设置”表的业务类别中选择。', 'en-US': 'Pick a business category from the Settings sheet.' },
  source: { 'zh-CN': '自下而上：由员工/部门提出；自上而下：由上级分解。至少60%的目标应自下而上。', 'en-US': 'Bottom-up: proposed by the employee or team; top-down: handed down. At least 60% should be bottom-up.' },
  alignedTo: { 'zh-CN': '选择本目标支撑的上级目标，例如 公司#1 或 技术部#2。', 'en-US': 'Pick the parent objective this one supports, e.g. company#1 or Tech#2.' },
  agreed: { 'zh-CN': '目标和KR是否已与上级充分沟通并达成共识。', 'en-US': 'Have the objective and its KRs been discussed and agreed with your manager?' },
  period: { 'zh-CN': '季度KR一经确定不可更改；年度KR可调整，但须经审批并记入“变更记录”。留空视为季度。', 'en-US': 'Quarterly KRs cannot change once set; annual KRs may change with approval, logged in the change log. Blank means quarterly.' },
  status: { 'zh-CN': '选择当前状态。', 'en-US': 'Choose the current status.' },
  weightTitle: { 'zh-CN': '权重', 'en-US': 'Weight' },
  weight: { 'zh-CN': '输入0–100%（如 25%）。同组权重合计应为100%；全部留空则平均分配。', 'en-US': 'Enter 0–100% (e.g. 25%). Weights of a group should add up to 100%; leave all blank for equal weights.' },
  progressTitle: { 'zh-CN': '进度', 'en-US': 'Progress' },
  progress: { 'zh-CN': '输入完成进度0–100%。', 'en-US': 'Enter progress, 0–100%.' },
  scoreTitle: { 'zh-CN': '评分', 'en-US': 'Score' },
  score: { 'zh-CN': '评分为0–1之间的小数：0.6–0.7为良好，低于0.4为差。有上级评分时以上级评分为准。', 'en-US': 'A score between 0 and 1: 0.6–0.7 is GOOD, below 0.4 is BAD. The manager score, when given, is the one that counts.' },
  deadlineTitle: { 'zh-CN': '截止日期', 'en-US': 'Deadline' },
  deadline: { 'zh-CN': '输入本周期内的日期（年度KR可到年底），格式 2026-12-31。', 'en-US': 'Enter a date inside the cycle (annual KRs: inside the year), e.g. 2026-12-31.' },
  errTitle: { 'zh-CN': '输入无效', 'en-US': 'Invalid entry' },
  errList: { 'zh-CN': '请从下拉列表中选择。', 'en-US': 'Please choose a value from the list.' },
  errDecimal: { 'zh-CN': '请输入0到1之间的数（或0%–100%）。', 'en-US': 'Enter a number from 0 to 1 (or 0%–100%).' },
  errDate: { 'zh-CN': '日期不在本周期内（季度KR）或本年度内（年度KR）。', 'en-US': 'The date is outside the cycle (quarterly KR) or the year (annual KR).' },
} satisfies Record<string, Msg>;

export function listValidation(range: string, name: string, prompt: Msg, lang: Lang, errorStyle: 'stop' | 'warning' = 'stop'): ValidationPlan {
  return {
    range, type: 'list', operator: 'between', formula1: name, errorStyle,
    promptTitle: M.listTitle[lang], prompt: prompt[lang], errorTitle: M.errTitle[lang], error: M.errList[lang],
  };
}

export function decimalValidation(range: string, title: Msg, prompt: Msg, lang: Lang): ValidationPlan {
  return {
    range, type: 'decimal', operator: 'between', formula1: '0', formula2: '1', errorStyle: 'stop',
    promptTitle: title[lang], prompt: prompt[lang], errorTitle: M.errTitle[lang], error: M.errDecimal[lang],
  };
}

export function cardValidations(L: CardLayout, lang: Lang, first: number, last: number): ValidationPlan[] {
  const range = (f: CardField) => rangeAddr(first, L.col(f), last, L.col(f));
  const out: ValidationPlan[] = [];
  if (L.has('category')) out.push(listValidation(range('category'), N.categories, M.category, lang, 'warning'));
  if (L.has('source')) out.push(listValidation(range('source'), N.sources, M.source, lang));
  if (L.has('alignedTo')) out.push(listValidation(range('alignedTo'), N.alignTargets, M.alignedTo, lang, 'warning'));
  out.push(listValidation(range('agreed'), N.yesNo, M.agreed, lang));
  out.push(listValidation(range('period'), N.periods, M.period, lang));
  out.push(listValidation(range('status'), N.statuses, M.status, lang));
  out.push(decimalValidation(range('objWeight'), M.weightTitle, M.weight, lang));
  out.push(decimalValidation(range('krWeight'), M.weightTitle, M.weight, lang));
  out.push(decimalValidation(range('progress'), M.progressTitle, M.progress, lang));
  out.push(decimalValidation(rangeAddr(first, L.col('selfScore'), last, L.col('managerScore')), M.scoreTitle, M.score, lang));
  // Deadline bounds follow the row's KR period, so the rule is a custom formula relative to the
  // range's first row (ExcelJS cannot write formula bounds into a 'date' rule).
  const first_ = addr(first, L.col('deadline'));
  const { start, end } = deadlineBounds(addr(first, L.col('period')).replace(/^([A-Z]+)/, '$$$1'));
  out.push({
    range: range('deadline'), type: 'custom', operator: 'between',
    formula1: `AND(ISNUMBER(${first_}),INT(${first_})>=${start},INT(${first_})<=${end})`, errorStyle: 'stop',
    promptTitle: M.deadlineTitle[lang], prompt: M.deadline[lang], errorTitle: M.errTitle[lang], error: M.errDate[lang],
  });
  return out;
}

export const VALIDATION_TEXT = M;
