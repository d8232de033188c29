import { RULE_IDS, ruleHint, ruleTitle } from '../i18n/findings';
import type { Cycle, Lang } from '../domain/model';
import { Grid, sheetPlan } from './grid';
import type { SheetPlan } from './plan';
import { t } from './text';

type Msg = Record<Lang, string>;
const L = (zh: string, en: string): Msg => ({ 'zh-CN': zh, 'en-US': en });

const HOW: Msg[] = [
  L('1. 总经办在“目标体系图”发布公司目标O（按业务类别），并在“关键成果KRS和行动实施表”分解行动。', '1. The general office publishes the company objectives on the target map (by business category) and breaks them into actions on the KR action plan.'),
  L('2. 各部门负责人和员工自下而上提出部门卡和个人卡的目标和KR，与上级充分沟通达成共识后双方签字。', '2. Department heads and staff propose their objectives and KRs bottom-up, agree them with their manager, and both sign the card.'),
  L('3. 只在黄色单元格中填写；下拉列表和输入提示说明可填的内容。蓝色单元格是公式，自动计算得分和检查结果。', '3. Type only in the yellow cells; drop-downs and input prompts say what fits. Blue cells are formulas: scores and checks compute themselves.'),
  L('4. 每张卡片顶部的检查单元格显示 ✓（通过）、⚠（提醒）或 ✗（须修正），表格右侧逐行显示问题。', '4. The check cells at the top of each card show ✓ (fine), ⚠ (warning) or ✗ (to fix); the columns on the right explain each row.'),
  L('5. 每月在“月（季）绩效回顾表”回顾进度；年度KR的调整须经审批并记入“变更记录”。', '5. Review progress monthly on the review sheet; annual KR changes need approval and a row in the change log.'),
  L('6. 季度末填写自评分和上级评分（0–1），由人力资源部进行季度评分，结果写入“结果运用”。', '6. At quarter end, fill self and manager scores (0–1); HR runs quarter-end scoring, which writes the score register.'),
];

const SCORING: Msg[] = [
  L('KR得分 = 上级评分（如有），否则自评分；超出0–1按最近的边界计，未评分按0计。', 'KR score = manager score if given, else self score; outside 0–1 counts as the nearest bound; no score counts 0.'),
  L('目标得分 = KR得分按KR权重加权平均；卡片得分 = 目标得分按目标权重加权平均。权重全部留空时平均分配。', 'Objective score = KR scores weighted by KR weight; card score = objective scores weighted by objective weight. All weights blank = equal weights.'),
  L('评级（可在“设置”中修改）：低于40%为差，40%–60%为待改进，60%–70%为良好（有挑战的OKR的目标区间），高于70%为优秀。', 'Ratings (editable on Settings): below 40% BAD, 40–60% FAIR, 60–70% GOOD (the target zone of an ambitious OKR), above 70% EXCELLENT.'),
];

const TIMELINE: Msg[] = [
  L('季度前：发布公司目标 → 部门和个人制定OKR → 协商一致、签字 → 人力资源部校验并锁定季度KR、公布', 'Before the quarter: company objectives → team and personal OKRs → agreed and signed → HR validates, locks quarterly KRs, publishes'),
  L('季度中：每周/每月回顾进度、偏差和障碍；年度KR可经审批调整', 'During the quarter: weekly/monthly reviews of progress, deviation and obstacles; annual KRs may change with approval'),
  L('季度末：自评 → 上级评分 → 季度评分 → 结果运用（岗位调整、薪资调整、培训发展、绩效奖金分配）', 'Quarter end: self scores → manager scores → quarter scoring → results applied (position, salary, training, bonus)'),
];

export function buildGuideSheet(sheetName: string, lang: Lang, cycle: Cycle): SheetPlan {
  const g = new Grid();
  let r = 1;
  const merges: string[] = ['A1:C1'];
  g.set(r++, 1, { v: `${t('titleGuide', lang)} — ${cycle.year}-Q${cycle.quarter}`, s: 'title' });
  r++;
  const section = (title: Msg, lines: Msg[]) => {
    g.set(r++, 1, { v: title[lang], s: 'subtitle' });
    for (const line of lines) { merges.push(`A${r}:C${r}`); g.set(r++, 1, { v: line[lang], s: 'text' }); }
    r++;
  };
  section(L('如何填写', 'How to fill it in'), HOW);
  section(L('评分方法', 'Scoring'), SCORING);
  section(L('OKR周期', 'The OKR cycle'), TIMELINE);
  g.set(r++, 1, { v: L('规则', 'Rules')[lang], s: 'subtitle' });
  g.line(r++, 1, [{ v: L('规则代码', 'Rule')[lang], s: 'header' }, { v: L('名称', 'Name')[lang], s: 'header' }, { v: L('说明', 'What it checks')[lang], s: 'header' }]);
  for (const id of RULE_IDS) g.line(r++, 1, [{ v: id, s: 'value' }, { v: ruleTitle(id, lang), s: 'value' }, { v: ruleHint(id, lang), s: 'text' }]);
  return sheetPlan('guide', 'guide', sheetName, g, { colWidths: [18, 18, 100], merges, tabColor: '548235' });
}
