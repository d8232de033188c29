import { csv } from './support';

/**
 * An organisation a hostile or careless HR file could hold: names that look like formulas (and a DDE
 * call), characters sheet names cannot take, apostrophes at the ends, names longer than a sheet name,
 * names differing only in case, the same name in two departments, emoji and rare CJK characters.
 */
export const HOSTILE_PEOPLE: [department: string, name: string, position: string, manager: string, head: string][] = [
  ['技术部', '张伟', '=HYPERLINK("http://x","y")', '', '是'],
  ['技术部', '=HYPERLINK("http://x","y")', '+SUM(1)', '张伟', ''],
  ['技术部', '+SUM(1)', '-1+1', '张伟', ''],
  ['技术部', '-1+1', '@cmd', '张伟', ''],
  ['技术部', '@cmd', "=cmd|' /C calc'!A0", '张伟', ''],
  ['技术部', "=cmd|' /C calc'!A0", '001', '张伟', ''],
  ['技术部', "O'Brien", "'quoted'", '张伟', ''],
  ['技术部', "'引号'", '2026-12-31', '张伟', ''],
  ['技术部', 'a/b\\c?d*e[f]g:h', 'TRUE', '张伟', ''],
  ['技术部', 'Anna', '#N/A', '张伟', ''],
  ['技术部', '欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜', '50%', '张伟', ''],
  ['市场部', '张伟', '１２３', '', '是'],
  ['市场部', 'ANNA', '1/2', '张伟', ''],
  ['市场部', '😀王芳😀', '😀', '张伟', ''],
  ['市场部', '𠀀𠀁𪚥李', '𠀀', '张伟', ''],
  ['市场部', '👨‍👩‍👧‍👦'.repeat(4), 'family', '张伟', ''],
  ['R&D / QA: [核心]*?', '王强', '工程师', '', '是'],
  ["'引号部'", '李娜', '专员', '', '是'],
  ["'引号部'", 'History', '专员', '李娜', ''],
  ['𠀀'.repeat(20), '刘洋', '经理', '', '是'],
];

export const HOSTILE_ORG_CSV = csv([['部门', '姓名', '岗位', '上级', '负责人'], ...HOSTILE_PEOPLE.map((p) => [...p])]);

/** OKR rows whose text is formula-like, for the cards of the hostile organisation. */
export const HOSTILE_OKRS_CSV = csv([
  ['层级', '部门', '负责人', '目标序号', '目标', '来源', '目标权重', 'KR序号', '关键结果', '产出成果', '衡量标准', '评分标准', '截止日期', 'KR权重', '自评分'],
  ['公司', '', '', '1', '=1+1', '自上而下', '100%', '1', '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '-1+1', '@cmd', '2026-12-31', '100%', '0.5'],
  ['个人', '技术部', '=HYPERLINK("http://x","y")', '1', '=HYPERLINK("http://x","y")', '自下而上', '100%', '1', '+SUM(1)', "=cmd|' /C calc'!A0", '-1+1', '@cmd', '2026/12/31', '100%', '0.7'],
  ['个人', '市场部', '张伟', '1', "'引号目标'", '自下而上', '100%', '1', '001', '2026-12-31', 'TRUE', '#N/A', '46387', '100%', '０.５'],
]);

/** The texts that must come out exactly as written, never as formulas, numbers or dates. */
export const MUST_STAY_TEXT = [
  '=HYPERLINK("http://x","y")', '+SUM(1)', '-1+1', '@cmd', "=cmd|' /C calc'!A0", '=1+1', "O'Brien", "'引号'", "'quoted'", '001',
  '2026-12-31', 'TRUE', '#N/A', '50%', '１２３', '1/2', "'引号目标'",
];
