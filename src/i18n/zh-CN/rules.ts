/** The rules' words in Chinese: titles, hints and one sentence per finding key. */
import { formatPercent, formatScore } from '../format';
import { clampScore, clip, num, str } from '../params';
import type { MessageParams, RulesText } from '../types/rules';

const zq = (p: MessageParams, k: string): string => (str(p, k).trim() === '' ? '（空白）' : `“${clip(str(p, k))}”`);
const zO = (p: MessageParams): string => `目标${str(p, 'o')}`;
const zKR = (p: MessageParams): string => `目标${str(p, 'o')}的KR${str(p, 'kr')}`;

const ROLE: Record<string, string> = { employee: '员工', manager: '直属上级', head: '部门负责人', supervisor: '上级领导', gm: '总经理' };
const role = (p: MessageParams): string => ROLE[str(p, 'who')] ?? str(p, 'who');

function zPhase(p: MessageParams): string {
  const phase = str(p, 'phase');
  if (phase === 'lock') return '，签字确认后才能锁定';
  if (phase === 'score') return '，签字确认后才能进行季度评分';
  return '';
}

function zCard(p: MessageParams): string {
  const level = str(p, 'cardLevel');
  if (level === 'department') return `${str(p, 'department')}的部门OKR卡`;
  if (level === 'individual') return `${str(p, 'owner')}（${str(p, 'department')}）的个人OKR卡`;
  return '公司目标体系图';
}

function zTarget(p: MessageParams): string {
  const scope = str(p, 'targetScope');
  if (scope === 'company') return `公司目标${str(p, 'targetNo')}`;
  if (scope === 'department') return `${str(p, 'targetDept')}目标${str(p, 'targetNo')}`;
  return zq(p, 'target');
}

const zEntryWhere = (p: MessageParams): string => (str(p, 'kr') === '' ? zO(p) : zKR(p));
const zField = (p: MessageParams): string => rules.entryChecks.fields[str(p, 'field') as keyof RulesText['entryChecks']['fields']] ?? str(p, 'field');
const zNumber = (p: MessageParams): string => {
  const f = str(p, 'field');
  return f === 'selfScore' || f === 'managerScore' ? formatScore(num(p, 'reads')) : num(p, 'reads') <= 1 && num(p, 'reads') >= 0 ? formatPercent(num(p, 'reads')) : str(p, 'reads');
};

export const rules: RulesText = {
  titles: {
    O_COUNT: '目标数量',
    KR_COUNT: 'KR数量',
    KR_MEASURABLE: 'KR可衡量',
    KR_TIMEBOUND: 'KR有时限',
    O_SPECIFIC: '目标具体',
    BOTTOM_UP: '自下而上',
    AGREED: '协商一致',
    WEIGHTS: '权重',
    SCORE_RANGE: '评分范围',
    ENTRY: '输入可识别',
    O_FROZEN: '目标不可调整',
    QKR_LOCKED: '季度KR锁定',
    AKR_APPROVAL: '年度KR调整审批',
    CARRY_OVER: '结转下期',
    ALIGNMENT: '目标对齐',
    PUBLIC: '公开透明',
  },
  hints: {
    O_COUNT: (l) => `每季度设定${l.minObjectives}-${l.maxObjectives}个目标，一个周期最多${l.maxObjectives}个`,
    KR_COUNT: (l) => `每个目标的KR不超过${l.maxKrs}个，且至少要有1个`,
    KR_MEASURABLE: () => 'KR必须以产出或结果为基础、可衡量：填写衡量指标和目标值，并设定评分标准',
    KR_TIMEBOUND: () => 'KR必须和时间相联系：填写完成期限，季度KR在本季度内，年度KR在本年度内',
    O_SPECIFIC: () => '目标须具体、可量化、有挑战性，不能空着或只写“待定”；KR得满分1.0时会提示是否定得太容易',
    BOTTOM_UP: (l) => `${formatPercent(l.bottomUpMin)}以上的目标须自下而上产生，按部门和全公司分别统计`,
    AGREED: () => '所有目标和关键成果必须由管理者与员工充分沟通、协商一致，双方签字后才能锁定和评分',
    WEIGHTS: () => '每个目标内的KR权重、每张卡上的目标权重合计为100%；全部留空表示平均分配',
    SCORE_RANGE: () => '自评分、上级评分和进度均在0-1之间（0%-100%）',
    ENTRY: () => '评分、权重、进度须填数字，来源、周期、状态、是否协商须从下拉列表选择；公式无法识别的输入不计入得分，并标为错误',
    O_FROZEN: () => '目标锁定后不得调整；可以不断完善的是KR（措施和方法）',
    QKR_LOCKED: () => '季度KR一旦确定就不能改变',
    AKR_APPROVAL: () => '年度KR可以调整，但须经批准：在变更记录中登记新内容、审批人和审批日期',
    CARRY_OVER: () => '仅在确有必要时，才将未完成的KR保留到下个周期，并写明原因',
    ALIGNMENT: () => '个人→团队→公司：个人目标对齐部门目标，部门目标对齐公司目标',
    PUBLIC: () => 'OKR一旦制定即公开，以保证透明度和公平性；卡片工作表不得隐藏',
  },
  severity: { error: '错误', warning: '提醒' },
  unknownKey: (title, key) => `${title}: ${key}`,
  entryChecks: {
    fields: {
      objWeight: '目标权重', source: '来源', agreed: '是否协商', krWeight: 'KR权重', progress: '进度',
      selfScore: '自评分', managerScore: '上级评分', period: 'KR周期', status: '状态',
    },
    notNumber: (field) => `${field}不是数字；`,
    notOnList: (field) => `${field}不在下拉列表中；`,
    textInScores: '进度/评分含非数字',
  },
  messages: {
    O_COUNT: {
      tooMany: (p) => `本卡共有${str(p, 'count')}个目标，超过上限${str(p, 'max')}个。每个周期最多${str(p, 'max')}个目标，请合并或删除多余的目标`,
      tooFew: (p) => `本卡只有${str(p, 'count')}个目标，少于${str(p, 'min')}个。每季度应设定${str(p, 'min')}-${str(p, 'max')}个目标`,
      none: (p) => `本卡尚未填写目标。每季度应设定${str(p, 'min')}-${str(p, 'max')}个目标`,
    },
    KR_COUNT: {
      tooMany: (p) => `${zO(p)}的KR数量为${str(p, 'count')}个，超过上限${str(p, 'max')}个`,
      none: (p) => `${zO(p)}还没有KR。每个目标至少要有1个关键结果`,
    },
    KR_MEASURABLE: {
      noTarget: (p) => `${zKR(p)}未填写衡量指标和目标值。KR必须以产出或结果为基础、可衡量`,
      noCriteria: (p) => `${zKR(p)}未填写评分标准。请写明达到什么结果得几分（0-1分）`,
    },
    KR_TIMEBOUND: {
      missing: (p) => `${zKR(p)}未填写完成期限。KR必须和时间相联系`,
      notDate: (p) => `${zKR(p)}的完成期限${zq(p, 'value')}不是有效日期，请填写日期（年-月-日）`,
      outsideQuarter: (p) =>
        `${zKR(p)}是季度KR，完成期限${str(p, 'deadline')}不在本季度（${str(p, 'start')}至${str(p, 'end')}）内`,
      outsideYear: (p) => `${zKR(p)}是年度KR，完成期限${str(p, 'deadline')}不在${str(p, 'year')}年内`,
    },
    O_SPECIFIC: {
      empty: (p) => `${zO(p)}未填写内容。目标须具体、可量化、有挑战性`,
      placeholder: (p) => `${zO(p)}的内容${zq(p, 'text')}只是占位，请写出具体、可量化、有挑战性的目标`,
      krEmpty: (p) => `${zKR(p)}未填写关键结果内容，请写明要达成什么结果`,
      tooEasy: (p) =>
        `${zKR(p)}得分为${formatScore(num(p, 'score'))}（满分），是否定得太容易了？OKR应有挑战性，完成度${formatPercent(num(p, 'goodFrom'))}-${formatPercent(num(p, 'goodTo'))}即为良好`,
    },
    BOTTOM_UP: {
      department: (p) =>
        `${str(p, 'department')}自下而上的目标占比为${formatPercent(num(p, 'share'))}（${str(p, 'total')}个目标中有${str(p, 'bottomUp')}个），低于要求的${formatPercent(num(p, 'min'))}`,
      company: (p) =>
        `全公司（部门卡和个人卡）自下而上的目标占比为${formatPercent(num(p, 'share'))}（${str(p, 'total')}个目标中有${str(p, 'bottomUp')}个），低于要求的${formatPercent(num(p, 'min'))}`,
    },
    AGREED: {
      unsigned: (p) => `${role(p)}尚未签字确认。所有目标和关键成果必须协商一致${zPhase(p)}`,
      notAgreed: (p) => `${zO(p)}标记为未协商一致。未达成共识的目标不能算作目标${zPhase(p).replace('签字确认', '达成共识')}`,
    },
    WEIGHTS: {
      krRange: (p) => `${zKR(p)}的权重为${formatPercent(num(p, 'weight'))}，应在0%-100%之间`,
      objRange: (p) => `${zO(p)}的权重为${formatPercent(num(p, 'weight'))}，应在0%-100%之间`,
      krMixed: (p) => `${zO(p)}的${str(p, 'total')}个KR中只有${str(p, 'given')}个填写了权重。请全部填写或全部留空（留空表示平均分配）`,
      krSum: (p) => `${zO(p)}的KR权重合计为${formatPercent(num(p, 'sum'))}，应为100%`,
      objMixed: (p) => `本卡的${str(p, 'total')}个目标中只有${str(p, 'given')}个填写了权重。请全部填写或全部留空（留空表示平均分配）`,
      objSum: (p) => `本卡的目标权重合计为${formatPercent(num(p, 'sum'))}，应为100%`,
    },
    SCORE_RANGE: {
      selfScore: (p) =>
        `${zKR(p)}的自评分为${formatScore(num(p, 'value'))}，超出0-1的范围（按${formatScore(clampScore(num(p, 'value')))}计算）`,
      managerScore: (p) =>
        `${zKR(p)}的上级评分为${formatScore(num(p, 'value'))}，超出0-1的范围（按${formatScore(clampScore(num(p, 'value')))}计算）`,
      progress: (p) => `${zKR(p)}的进度为${formatPercent(num(p, 'value'))}，应在0%-100%之间`,
    },
    ENTRY: {
      number: (p) =>
        `${zEntryWhere(p)}的${zField(p)}${zq(p, 'value')}不是数字，公式无法使用，不计入得分（按未填处理）。` +
        (str(p, 'reads') === '' ? '请填写数字' : `请重新输入为数字${zNumber(p)}`),
      word: (p) => `${zEntryWhere(p)}的${zField(p)}${zq(p, 'value')}不在下拉列表中，公式无法识别。请从下拉列表中选择`,
    },
    O_FROZEN: {
      changed: (p) => `${zO(p)}在锁定后被修改：原为${zq(p, 'old')}，现为${zq(p, 'new')}。目标一经确定不得调整（可以完善的是KR）`,
      added: (p) => `${zO(p)}${zq(p, 'new')}是锁定后新增的。目标锁定后不得调整或增加`,
      removed: (p) => `锁定时的${zO(p)}${zq(p, 'old')}已被删除。目标锁定后不得调整或删除`,
      snapshotAltered: (p) =>
        `锁定快照（隐藏工作表“${str(p, 'sheet')}”${str(p, 'cell') ? `第${str(p, 'cell')}行` : ''}）在锁定后被改动，指纹不符。锁定时的目标和KR内容已无法确认，请由人力资源部核对后重新锁定`,
      cardRemoved: (p) => `锁定时存在的${zCard(p)}（${str(p, 'count')}个目标）已不在工作簿中。目标锁定后不得调整或删除`,
    },
    QKR_LOCKED: {
      changed: (p) => `${zO(p)}的季度KR${str(p, 'kr')}在锁定后被修改：原为${zq(p, 'old')}，现为${zq(p, 'new')}。季度KR一旦确定就不能改变`,
      added: (p) => `${zO(p)}的季度KR${str(p, 'kr')}${zq(p, 'new')}是锁定后新增的。季度KR一旦确定就不能改变`,
      removed: (p) => `${zO(p)}锁定时的季度KR${str(p, 'kr')}${zq(p, 'old')}已被删除。季度KR一旦确定就不能改变`,
      periodChanged: (p) => `${zKR(p)}锁定时是季度KR，现被改为年度KR。季度KR一旦确定就不能改变`,
      targetChanged: (p) => `${zO(p)}的季度KR${str(p, 'kr')}的衡量标准在锁定后被修改：原为${zq(p, 'old')}，现为${zq(p, 'new')}。季度KR一旦确定就不能改变`,
      criteriaChanged: (p) => `${zO(p)}的季度KR${str(p, 'kr')}的评分标准在锁定后被修改：原为${zq(p, 'old')}，现为${zq(p, 'new')}。季度KR一旦确定就不能改变`,
    },
    AKR_APPROVAL: {
      changed: (p) =>
        `${zO(p)}的年度KR${str(p, 'kr')}在锁定后被修改（原为${zq(p, 'old')}，现为${zq(p, 'new')}），但变更记录中没有经批准的记录。年度KR调整须经批准：请在变更记录中登记新内容、审批人和审批日期`,
      added: (p) =>
        `${zO(p)}的年度KR${str(p, 'kr')}${zq(p, 'new')}是锁定后新增的，但变更记录中没有经批准的记录。年度KR调整须经批准：请在变更记录中登记新内容、审批人和审批日期`,
      removed: (p) =>
        `${zO(p)}锁定时的年度KR${str(p, 'kr')}${zq(p, 'old')}已被删除，但变更记录中没有经批准的记录。年度KR调整须经批准：请在变更记录中登记原内容、审批人和审批日期`,
    },
    CARRY_OVER: {
      noReason: (p) => `${zKR(p)}已结转下期，但未写明结转原因。仅在确有必要时，才将未完成的KR保留到下个周期`,
    },
    ALIGNMENT: {
      none: (p) =>
        str(p, 'cardLevel') === 'department'
          ? `${zO(p)}未填写对齐的公司目标（个人→部门→公司）`
          : `${zO(p)}未填写对齐的部门目标（个人→部门→公司）`,
      dangling: (p) => `${zO(p)}对齐的${zTarget(p)}不存在，请从下拉列表中重新选择`,
    },
    PUBLIC: {
      hidden: () => `本卡所在的工作表被隐藏了。OKR一旦制定须公开，以保证透明度和公平性`,
      missing: (p) => `人员名单中的${str(p, 'owner')}（${str(p, 'department')}）没有个人OKR卡片（工作表可能被删除）。请在OKR面板中“更新组织架构”（命令行：okr-workbook update）重新创建`,
    },
  },
};
