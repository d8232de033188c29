import type { Lang } from '../domain/model';

/** Every word the templates write, in both languages. Readers recognise either. */
export const TEXT = {
  sheetGuide: { 'zh-CN': '说明', 'en-US': 'Guide' },
  sheetSettings: { 'zh-CN': '设置', 'en-US': 'Settings' },
  sheetMap: { 'zh-CN': '目标体系图', 'en-US': 'Target map' },
  sheetActions: { 'zh-CN': '关键成果KRS和行动实施表', 'en-US': 'KR action plan' },
  sheetReview: { 'zh-CN': '月（季）绩效回顾表', 'en-US': 'Review' },
  sheetRegister: { 'zh-CN': '结果运用', 'en-US': 'Score register' },
  sheetChangeLog: { 'zh-CN': '变更记录', 'en-US': 'Change log' },
  sheetLock: { 'zh-CN': 'OKR_锁定', 'en-US': 'OKR_lock' },
  sheetChartsPrefix: { 'zh-CN': '评分图表', 'en-US': 'Scores' },
  deptSheetPrefix: { 'zh-CN': '部门-', 'en-US': 'D-' },
  personSheetPrefix: { 'zh-CN': '个人-', 'en-US': 'P-' },

  titleMap: { 'zh-CN': '目标体系图（公司目标O）', 'en-US': 'Target-system map (company objectives)' },
  titleDeptCard: { 'zh-CN': '部门OKR目标和关键成果卡', 'en-US': 'Department OKR card' },
  titlePersonCard: { 'zh-CN': '个人OKR目标和关键成果卡', 'en-US': 'Individual OKR card' },
  titleSettings: { 'zh-CN': 'OKR设置', 'en-US': 'OKR settings' },
  titleActions: { 'zh-CN': '关键成果KRS和行动实施表', 'en-US': 'KR and action plan' },
  titleReview: { 'zh-CN': '月（季）绩效回顾表', 'en-US': 'Monthly (quarterly) performance review' },
  titleRegister: { 'zh-CN': '季度评分 / 结果运用', 'en-US': 'Quarter score register / result application' },
  titleChangeLog: { 'zh-CN': '变更记录', 'en-US': 'Change log' },
  titleLock: { 'zh-CN': 'OKR锁定快照', 'en-US': 'OKR lock snapshot' },
  titleCharts: { 'zh-CN': '季度评分图表', 'en-US': 'Quarter scores' },
  titleGuide: { 'zh-CN': 'OKR工作簿使用说明', 'en-US': 'How to use this OKR workbook' },

  name: { 'zh-CN': '姓名', 'en-US': 'Name' },
  department: { 'zh-CN': '部门', 'en-US': 'Department' },
  head: { 'zh-CN': '负责人', 'en-US': 'Head' },
  position: { 'zh-CN': '岗位', 'en-US': 'Position' },
  manager: { 'zh-CN': '上级', 'en-US': 'Manager' },
  cycle: { 'zh-CN': '周期', 'en-US': 'Cycle' },
  cardStatus: { 'zh-CN': '状态', 'en-US': 'Status' },
  company: { 'zh-CN': '公司', 'en-US': 'Company' },
  cardScore: { 'zh-CN': '总得分', 'en-US': 'Card score' },
  rating: { 'zh-CN': '评级', 'en-US': 'Rating' },
  objectiveCount: { 'zh-CN': '目标数', 'en-US': 'Objectives' },
  bottomUpShare: { 'zh-CN': '自下而上占比', 'en-US': 'Bottom-up share' },
  checkObjectives: { 'zh-CN': '目标数量检查', 'en-US': 'Objective count' },
  checkObjWeights: { 'zh-CN': '目标权重检查', 'en-US': 'Objective weights' },
  checkScores: { 'zh-CN': '评分范围检查', 'en-US': 'Score range' },
  checkRows: { 'zh-CN': '待修正行数', 'en-US': 'Rows to fix' },

  colObjNo: { 'zh-CN': '目标序号', 'en-US': 'O #' },
  colCategory: { 'zh-CN': '业务类别', 'en-US': 'Business category' },
  colObjective: { 'zh-CN': '目标O', 'en-US': 'Objective' },
  colSource: { 'zh-CN': '来源', 'en-US': 'Source' },
  colAlignedTo: { 'zh-CN': '对齐上级目标', 'en-US': 'Aligned to' },
  colObjWeight: { 'zh-CN': '目标权重', 'en-US': 'O weight' },
  colAgreed: { 'zh-CN': '已协商', 'en-US': 'Agreed' },
  colKrNo: { 'zh-CN': 'KR序号', 'en-US': 'KR #' },
  colKr: { 'zh-CN': 'KR关键结果', 'en-US': 'Key result' },
  colDeliverable: { 'zh-CN': 'KRS产出成果', 'en-US': 'Deliverable' },
  colTarget: { 'zh-CN': '衡量标准/目标值', 'en-US': 'Metric / target' },
  colCriteria: { 'zh-CN': '评分标准', 'en-US': 'Scoring criteria' },
  colDeadline: { 'zh-CN': '截止日期', 'en-US': 'Deadline' },
  colPeriod: { 'zh-CN': 'KR周期', 'en-US': 'KR period' },
  colKrWeight: { 'zh-CN': 'KR权重', 'en-US': 'KR weight' },
  colProgress: { 'zh-CN': '进度', 'en-US': 'Progress' },
  colSelfScore: { 'zh-CN': '自评分', 'en-US': 'Self score' },
  colManagerScore: { 'zh-CN': '上级评分', 'en-US': 'Manager score' },
  colFinalScore: { 'zh-CN': 'KR得分', 'en-US': 'KR score' },
  colObjScore: { 'zh-CN': '目标得分', 'en-US': 'O score' },
  colStatus: { 'zh-CN': '状态', 'en-US': 'Status' },
  colCarryReason: { 'zh-CN': '结转原因', 'en-US': 'Carry-over reason' },
  colKrCheck: { 'zh-CN': 'KR检查', 'en-US': 'KR check' },
  colObjCheck: { 'zh-CN': '目标检查', 'en-US': 'O check' },

  signOff: { 'zh-CN': '签字确认（目标和关键成果已协商一致）', 'en-US': 'Sign-off (objectives and key results agreed)' },
  employeeSign: { 'zh-CN': '员工签字', 'en-US': 'Employee' },
  deptHeadSign: { 'zh-CN': '部门负责人签字', 'en-US': 'Department head' },
  managerSign: { 'zh-CN': '上级签字', 'en-US': 'Manager' },
  gmSign: { 'zh-CN': '总经理签字', 'en-US': 'General manager' },
  date: { 'zh-CN': '日期', 'en-US': 'Date' },

  ok: { 'zh-CN': '✓', 'en-US': '✓' },
} as const;

export type TextKey = keyof typeof TEXT;

export function t(key: TextKey, lang: Lang): string {
  return TEXT[key][lang];
}

/** All spellings of a text, for readers that accept either language. */
export function both(key: TextKey): string[] {
  return [TEXT[key]['zh-CN'], TEXT[key]['en-US']];
}
