import type { Lang } from '../domain/model';
import { formulaString as q } from './a1';
import { MARK, N } from './names';

/**
 * The live check formulas of a card. Each returns "" for an empty row, "✓" when fine, or
 * "✗ " / "⚠ " followed by what to fix, so a person without the add-in sees at once what is wrong.
 * They mirror the TypeScript rules (O_COUNT, KR_COUNT, WEIGHTS, SCORE_RANGE, KR_MEASURABLE,
 * KR_TIMEBOUND, O_SPECIFIC) and are tested against them in a real spreadsheet engine.
 */
const MSG = {
  tooManyObjectives: { 'zh-CN': ['目标', '个，超过上限', '个'], 'en-US': ['', ' objectives, more than ', ''] },
  tooFewObjectives: { 'zh-CN': ['目标', '个，少于', '个'], 'en-US': ['', ' objectives, fewer than ', ''] },
  someWeightsMissing: { 'zh-CN': '部分权重未填；', 'en-US': 'some weights missing; ' },
  weightOutOfRange: { 'zh-CN': '权重须在0–100%；', 'en-US': 'weights must be 0–100%; ' },
  weightSum: { 'zh-CN': ['权重合计', '，应为100%；'], 'en-US': ['weights add up to ', ', not 100%; '] },
  scoreRange: { 'zh-CN': '进度/评分须在0–1之间', 'en-US': 'progress and scores must be 0–1' },
  noKr: { 'zh-CN': '没有KR；', 'en-US': 'no key result; ' },
  tooManyKrs: { 'zh-CN': ['KR', '个，超过上限', '个；'], 'en-US': ['', ' key results, more than ', '; '] },
  noObjectiveText: { 'zh-CN': '缺目标描述；', 'en-US': 'objective text missing; ' },
  noKrText: { 'zh-CN': '缺KR描述；', 'en-US': 'key result text missing; ' },
  noTarget: { 'zh-CN': '缺衡量标准；', 'en-US': 'metric/target missing; ' },
  noCriteria: { 'zh-CN': '缺评分标准；', 'en-US': 'scoring criteria missing; ' },
  noDeadline: { 'zh-CN': '缺截止日期；', 'en-US': 'deadline missing; ' },
  badDeadline: { 'zh-CN': '截止日期不是日期；', 'en-US': 'deadline is not a date; ' },
  deadlineOutside: { 'zh-CN': '截止日期超出周期；', 'en-US': 'deadline outside the cycle; ' },
  badScore: { 'zh-CN': '进度/评分须在0–1；', 'en-US': 'progress/scores must be 0–1; ' },
  rowsToFix: { 'zh-CN': '行待修正', 'en-US': ' rows to fix' },
} as const;

/** "" → "✓", otherwise "✗ " & issues; `gate` true means the row is empty and shows nothing. */
function verdict(gate: string, issues: string[]): string {
  const joined = issues.join('&');
  return `IF(${gate},"",IF(${joined}="",${q(MARK.ok)},${q(MARK.error + ' ')}&${joined}))`;
}

function when(cond: string, text: string): string {
  return `IF(${cond},${q(text)},"")`;
}

export function objectiveCountCheck(lang: Lang, objScores: string): string {
  const n = `COUNT(${objScores})`;
  const [a, b, c] = MSG.tooManyObjectives[lang];
  const [d, e, f] = MSG.tooFewObjectives[lang];
  return `IF(${n}>${N.maxObjectives},${q(MARK.error + ' ' + a)}&${n}&${q(b)}&${N.maxObjectives}&${q(c)},` +
    `IF(${n}<${N.minObjectives},${q(MARK.warning + ' ' + d)}&${n}&${q(e)}&${N.minObjectives}&${q(f)},${q(MARK.ok)}))`;
}

/** Weights of a group (objective weights on a card, KR weights of an objective). */
function weightIssues(lang: Lang, weights: string, members: string): string[] {
  const given = `COUNT(${weights})`;
  const [s1, s2] = MSG.weightSum[lang];
  return [
    when(`AND(${given}>0,${given}<${members})`, MSG.someWeightsMissing[lang]),
    when(`COUNTIF(${weights},"<0")+COUNTIF(${weights},">1")>0`, MSG.weightOutOfRange[lang]),
    `IF(AND(${given}>0,${given}>=${members},ABS(SUM(${weights})-1)>0.0001),${q(s1)}&TEXT(SUM(${weights}),"0.0%")&${q(s2)},"")`,
  ];
}

export function objectiveWeightsCheck(lang: Lang, objWeights: string, objScores: string): string {
  return verdict('FALSE', weightIssues(lang, objWeights, `COUNT(${objScores})`));
}

export function scoreRangeCheck(lang: Lang, scores: string): string {
  return `IF(COUNTIF(${scores},"<0")+COUNTIF(${scores},">1")>0,${q(MARK.error + ' ' + MSG.scoreRange[lang])},${q(MARK.ok)})`;
}

export function rowsToFix(lang: Lang, checkCols: string[]): string {
  const count = checkCols.map((r) => `SUMPRODUCT(--(LEFT(${r},1)=${q(MARK.error)}))`).join('+');
  return `IF(${count}=0,${q(MARK.ok)},${q(MARK.error + ' ')}&(${count})&${q(MSG.rowsToFix[lang])})`;
}

export interface ObjectiveCells {
  objScore: string;
  objective: string;
  krWeights: string;
  finals: string;
}

export function objectiveCheck(lang: Lang, c: ObjectiveCells): string {
  const k = `COUNT(${c.finals})`;
  const [a, b, d] = MSG.tooManyKrs[lang];
  return verdict(`${c.objScore}=""`, [
    when(`LEN(TRIM(${c.objective}))=0`, MSG.noObjectiveText[lang]),
    when(`${k}=0`, MSG.noKr[lang]),
    `IF(${k}>${N.maxKrs},${q(a)}&${k}&${q(b)}&${N.maxKrs}&${q(d)},"")`,
    ...weightIssues(lang, c.krWeights, k),
  ]);
}

export interface KrRowCells {
  inputs: string;
  kr: string;
  target: string;
  criteria: string;
  deadline: string;
  period: string;
  progress: string;
  selfScore: string;
  managerScore: string;
}

/** True when the KR's period cell says annual, in either language. */
export function isAnnual(period: string): string {
  return `OR(${period}="年度",${period}="annual")`;
}

export function deadlineBounds(period: string): { start: string; end: string } {
  return {
    start: `IF(${isAnnual(period)},DATE(${N.year},1,1),${N.cycleStart})`,
    end: `IF(${isAnnual(period)},DATE(${N.year},12,31),${N.cycleEnd})`,
  };
}

export function krRowCheck(lang: Lang, c: KrRowCells): string {
  const { start, end } = deadlineBounds(c.period);
  const outOfRange = (x: string) => `AND(ISNUMBER(${x}),OR(${x}<0,${x}>1))`;
  return verdict(`COUNTA(${c.inputs})=0`, [
    when(`LEN(TRIM(${c.kr}))=0`, MSG.noKrText[lang]),
    when(`LEN(TRIM(${c.target}))=0`, MSG.noTarget[lang]),
    when(`LEN(TRIM(${c.criteria}))=0`, MSG.noCriteria[lang]),
    `IF(${c.deadline}="",${q(MSG.noDeadline[lang])},IF(NOT(ISNUMBER(${c.deadline})),${q(MSG.badDeadline[lang])},` +
      `IF(OR(INT(${c.deadline})<${start},INT(${c.deadline})>${end}),${q(MSG.deadlineOutside[lang])},"")))`,
    when(`OR(${outOfRange(c.progress)},${outOfRange(c.selfScore)},${outOfRange(c.managerScore)})`, MSG.badScore[lang]),
  ]);
}
