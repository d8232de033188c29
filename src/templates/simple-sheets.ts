import { RATING_WORDS } from '../domain/labels';
import { RATING_CODES, type Cycle, type Lang, type Organisation } from '../domain/model';
import { colLetter, rangeAddr, sheetRef } from './a1';
import { cardLayout } from './card-layout';
import { decimalValidation, listValidation } from './card-validations';
import type { CardGeometry } from './card';
import { ratingFormats } from './card';
import { Grid, sheetPlan } from './grid';
import { N } from './names';
import type { PlanCell, SheetPlan, StyleId } from './plan';
import { t } from './text';

type Msg = Record<Lang, string>;
const L = (zh: string, en: string): Msg => ({ 'zh-CN': zh, 'en-US': en });

export interface Column { title: Msg; width: number; style: StyleId }
const col = (zh: string, en: string, width: number, style: StyleId = 'inputWrap'): Column => ({ title: L(zh, en), width, style });

function table(g: Grid, lang: Lang, headerRow: number, columns: Column[]): void {
  columns.forEach((c, i) => g.set(headerRow, i + 1, { v: c.title[lang], s: 'header' }));
}

function inputRows(g: Grid, from: number, count: number, columns: Column[], skip = 0): void {
  for (let r = from; r < from + count; r++) columns.forEach((c, i) => i >= skip && g.set(r, i + 1, { v: null, s: c.style }));
}

// --- KR & action plan -------------------------------------------------------------------------
export const ACTION_COLUMNS: Column[] = [
  col('目标O', 'Objective', 28, 'fixed'), col('KR关键结果', 'Key result', 30, 'fixed'),
  col('行动/任务', 'Action / task', 30), col('负责人', 'Owner', 10, 'input'), col('开始日期', 'Start', 11, 'inputDate'),
  col('截止日期', 'Due', 11, 'inputDate'), col('状态', 'Status', 9, 'input'), col('进度', 'Progress', 10, 'inputPct'),
  col('产出成果', 'Deliverable', 22), col('备注', 'Notes', 20),
];
const FREE_ACTION_ROWS = 60;

export function buildActionsSheet(sheetName: string, lang: Lang, mapSheet: string, geo: CardGeometry): SheetPlan {
  const g = new Grid();
  g.set(1, 1, { v: t('titleActions', lang), s: 'title' });
  g.set(2, 1, { v: L('每个KR分解为行动和任务，交给不同的同事负责。前几行随目标体系图自动更新。', 'Each KR breaks down into actions and tasks owned by colleagues. The first rows follow the target map.')[lang], s: 'note' });
  table(g, lang, 4, ACTION_COLUMNS);
  const M = cardLayout('company');
  let r = 5;
  geo.slots.forEach((slot) => {
    for (let k = slot.first; k <= slot.last; k++) {
      const obj = sheetRef(mapSheet, `$${colLetter(M.col('objective'))}$${slot.first}`);
      const kr = sheetRef(mapSheet, `$${colLetter(M.col('kr'))}$${k}`);
      g.set(r, 1, { f: `IF(${obj}="","",${obj})`, s: 'fixed' });
      g.set(r, 2, { f: `IF(${kr}="","",${kr})`, s: 'fixed' });
      ACTION_COLUMNS.forEach((c, i) => i >= 2 && g.set(r, i + 1, { v: null, s: c.style }));
      r++;
    }
  });
  for (let k = 0; k < FREE_ACTION_ROWS; k++, r++) ACTION_COLUMNS.forEach((c, i) => g.set(r, i + 1, { v: null, s: i < 2 ? 'inputWrap' : c.style }));
  const last = r - 1;
  return sheetPlan('actions', 'actions', sheetName, g, {
    colWidths: ACTION_COLUMNS.map((c) => c.width),
    freeze: { rows: 4, cols: 0 },
    validations: [
      listValidation(rangeAddr(5, 4, last, 4), N.staff, L('选择负责人（人员名单见“设置”）。', 'Pick the owner (staff list on Settings).'), lang, 'warning'),
      listValidation(rangeAddr(5, 7, last, 7), N.statuses, L('选择状态。', 'Choose a status.'), lang),
      decimalValidation(rangeAddr(5, 8, last, 8), L('进度', 'Progress'), L('输入0–100%。', 'Enter 0–100%.'), lang),
    ],
    conditionalFormats: [{ kind: 'dataBar', range: rangeAddr(5, 8, last, 8), color: '5B9BD5' }],
    tabColor: 'C00000',
  });
}



// --- Review ------------------------------------------------------------------------------------
export const REVIEW_FIRST_ROW = 5;
export const REVIEW_COLUMNS: Column[] = [
  col('期间', 'Period', 9, 'input'), col('部门', 'Department', 10, 'fixed'), col('姓名', 'Name', 9, 'fixed'),
  col('进度', 'Progress', 9, 'inputPct'), col('实施质量', 'Quality', 14), col('实施的均衡情况', 'Balance', 14),
  col('协作情况', 'Collaboration', 14), col('对策落实情况', 'Countermeasures', 14), col('协商确定的改进方法', 'Agreed improvements', 16),
  col('实绩是否达到要求', 'Results on standard?', 12), col('偏差率', 'Deviation rate', 9, 'inputPct'),
  col('已采取行动的有效性', 'Effectiveness of actions', 16), col('对策的有效性', 'Effectiveness of countermeasures', 16),
  col('发生的障碍', 'Obstacles', 16), col('无法克服的障碍因素', 'Insurmountable obstacles', 16),
  col('无法控制的客观因素', 'Uncontrollable factors', 16), col('偶然因素的影响', 'Accidental factors', 16),
  col('解决障碍的方法', 'How to remove obstacles', 18), col('回顾人', 'Reviewer', 9, 'input'), col('回顾日期', 'Review date', 11, 'inputDate'),
];

export function buildReviewSheet(sheetName: string, lang: Lang, cycle: Cycle, org: Organisation): SheetPlan {
  const g = new Grid();
  g.set(1, 1, { v: t('titleReview', lang), s: 'title' });
  g.set(2, 1, { v: L('根据考核周期每周或每月回顾；每个周期结束做总回顾和考评。偏差率 =（目标 − 实绩）/ 目标。', 'Review weekly or monthly; at the end of each cycle, a full review and scoring. Deviation rate = (target − actual) / target.')[lang], s: 'note' });
  table(g, lang, 4, REVIEW_COLUMNS);
  const month = `${cycle.start.slice(0, 7)}`;
  org.people.forEach((p, i) => {
    const r = 5 + i;
    inputRows(g, r, 1, REVIEW_COLUMNS);
    g.line(r, 1, [{ v: month, s: 'input' }, { v: p.department, s: 'fixed' }, { v: p.name, s: 'fixed' }]);
  });
  const last = 4 + Math.max(org.people.length, 1);
  return sheetPlan('review', 'review', sheetName, g, {
    colWidths: REVIEW_COLUMNS.map((c) => c.width),
    freeze: { rows: 4, cols: 3 },
    validations: [
      decimalValidation(rangeAddr(5, 4, last, 4), L('进度', 'Progress'), L('输入0–100%。', 'Enter 0–100%.'), lang),
    ],
    conditionalFormats: [{ kind: 'dataBar', range: rangeAddr(5, 4, last, 4), color: '5B9BD5' }],
  });
}

// --- Score register / result application -------------------------------------------------------
export const REGISTER_COLUMNS: Column[] = [
  col('周期', 'Cycle', 9, 'fixed'), col('部门', 'Department', 12, 'fixed'), col('姓名', 'Name', 10, 'fixed'),
  col('得分', 'Score', 8, 'fixed'), col('评级', 'Rating', 9, 'fixed'), col('奖金系数', 'Bonus coefficient', 9, 'fixed'),
  col('岗位调整（含人事异动）', 'Position change', 18), col('薪资调整', 'Salary adjustment', 14),
  col('培训发展', 'Training & development', 18), col('绩效奖金分配', 'Bonus allocation', 14), col('备注', 'Notes', 16),
  col('层级', 'Level', 8, 'fixed'),
];

/**
 * The score register: columns A–L above (one row per person, department and company per cycle,
 * 层级 saying which), and to the right the rating distribution, one row per cycle.
 */
export const REGISTER = {
  headerRow: 4,
  firstRow: 5,
  /** 1-based columns of the register. */
  cycle: 1, department: 2, name: 3, score: 4, rating: 5, bonus: 6, hrFirst: 7, hrLast: 11, level: 12,
  width: 12,
  /** The distribution block: cycle, the four ratings, the number of people rated. */
  distCol: 14,
  distWidth: 6,
} as const;

/** The distribution block's title and header cells (row 3 and the header row), from column N. */
export function distributionHeader(lang: Lang, ratingLabels: string[]): { title: PlanCell; header: PlanCell[] } {
  return {
    title: { v: L('评级分布（个人）', 'Rating distribution (people)')[lang], s: 'subtitle' },
    header: [L('周期', 'Cycle')[lang], ...ratingLabels, L('合计', 'Total')[lang]].map((v) => ({ v, s: 'header' as const })),
  };
}

export function buildRegisterSheet(sheetName: string, lang: Lang, ratingLabels: string[] = RATING_CODES.map((c) => RATING_WORDS[c][lang])): SheetPlan {
  const g = new Grid();
  g.set(1, 1, { v: t('titleRegister', lang), s: 'title' });
  g.set(2, 1, { v: L('季度评分时由OKR工作簿写入（数值，不是公式）；重新评分只替换该周期的行。岗位调整、薪资调整、培训发展、绩效奖金分配和备注由人力资源部填写。', 'Written by quarter-end scoring (values, not formulas); scoring again replaces only that cycle\'s rows. HR fills the position, salary, training, bonus and notes columns.')[lang], s: 'note' });
  table(g, lang, REGISTER.headerRow, REGISTER_COLUMNS);
  const dist = distributionHeader(lang, ratingLabels);
  g.set(REGISTER.headerRow - 1, REGISTER.distCol, dist.title);
  g.line(REGISTER.headerRow, REGISTER.distCol, dist.header);
  return sheetPlan('register', 'register', sheetName, g, {
    colWidths: [...REGISTER_COLUMNS.map((c) => c.width), 2, 9, 8, 8, 8, 8, 8],
    freeze: { rows: 4, cols: 3 },
    conditionalFormats: ratingFormats('D5:D2000', '$D5'),
  });
}

// --- Change log --------------------------------------------------------------------------------
export const CHANGE_LOG_COLUMNS: Column[] = [
  col('日期', 'Date', 11, 'inputDate'), col('类型', 'Kind', 14, 'input'), col('工作表', 'Sheet', 14, 'input'),
  col('单元格', 'Cell', 8, 'input'), col('原内容', 'Old text', 28), col('新内容', 'New text', 28),
  col('申请人', 'Requested by', 10, 'input'), col('审批人', 'Approver', 10, 'input'), col('审批日期', 'Approved on', 11, 'inputDate'),
  col('说明', 'Note', 30),
];
const CHANGE_LOG_ROWS = 200;

export function buildChangeLogSheet(sheetName: string, lang: Lang): SheetPlan {
  const g = new Grid();
  g.set(1, 1, { v: t('titleChangeLog', lang), s: 'title' });
  g.set(2, 1, { v: L('年度KR调整须经审批并在此登记：类型填“年度KR调整”，写明原内容、新内容、申请人、审批人和审批日期；季度KR和目标一经确定不可更改。锁定和评分也记录在此。', 'Annual KR changes need approval and a row here: kind "annual KR change", old and new text, requester, approver and approval date; quarterly KRs and objectives never change. Locks and scoring runs are logged here too.')[lang], s: 'note' });
  table(g, lang, 4, CHANGE_LOG_COLUMNS);
  inputRows(g, 5, CHANGE_LOG_ROWS, CHANGE_LOG_COLUMNS);
  return sheetPlan('changeLog', 'changeLog', sheetName, g, {
    colWidths: CHANGE_LOG_COLUMNS.map((c) => c.width),
    freeze: { rows: 4, cols: 0 },
    validations: [listValidation(rangeAddr(5, 8, 4 + CHANGE_LOG_ROWS, 8), N.staff, L('审批人（人员名单见“设置”）。', 'Approver (staff list on Settings).'), lang, 'warning')],
  });
}

