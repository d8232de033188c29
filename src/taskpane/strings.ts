/**
 * Every word the task pane shows, in both languages. The `Strings` type makes the two tables
 * complete: a key missing from either language does not compile.
 */
import type { Lang, RatingCode } from '../domain/model';
import { RATING_WORDS } from '../domain/labels';
import type { SheetKind } from './actions';
import type { FieldError } from './setup-form';

export type StepId = 'setup' | 'org' | 'generate' | 'validate' | 'quarter';

export interface Strings {
  appTitle: string;
  stepsLabel: string;
  steps: Record<StepId, string>;
  unsupportedTitle: string;
  errorTitle: string;
  dismiss: string;

  // Setup
  setupHeading: string;
  cycleHeading: string;
  year: string;
  quarter: string;
  quarterOption: (q: number) => string;
  cycleDates: (start: string, end: string) => string;
  language: string;
  languageHint: string;
  langNames: Record<Lang, string>;
  bandsHeading: string;
  fairFrom: string;
  goodFrom: string;
  goodTo: string;
  bandsPreview: (fair: number, good: number, goodTo: number) => string;
  limitsHeading: string;
  minObjectives: string;
  maxObjectives: string;
  maxKrs: string;
  bottomUp: string;
  setupInvalid: string;
  fieldError: (e: FieldError) => string;

  // Organisation
  orgHeading: string;
  sourceLabel: string;
  sourceFile: string;
  sourceSheet: string;
  sourcePaste: string;
  columnsHelp: string;
  chooseFile: string;
  noFile: string;
  chosenFile: (name: string) => string;
  sheetLabel: string;
  sheetPlaceholder: string;
  loadingSheets: string;
  noSheets: string;
  reloadSheets: string;
  pasteLabel: string;
  pasteHint: string;
  read: string;
  reading: string;
  readResult: (departments: number, people: number) => string;
  okrCount: (n: number) => string;
  departmentsCaption: string;
  colDepartment: string;
  colHead: string;
  colPeople: string;
  noHead: string;
  readFailed: string;
  issuesHeading: (n: number) => string;
  issueLine: (line: number, column: string, message: string) => string;

  // Generate
  generateHeading: string;
  planHeading: string;
  planCycle: (cycle: string, lang: string) => string;
  planDepartments: (n: number) => string;
  planIndividuals: (n: number) => string;
  planOther: (names: string[]) => string;
  needOrg: string;
  needSetup: string;
  checkingExisting: string;
  existingTitle: string;
  existingBody: string;
  updateOrgHeading: string;
  updateOrgHint: (people: number, departments: number) => string;
  updateOrg: string;
  updating: string;
  updatedTitle: string;
  upToDateTitle: string;
  updateRefusedTitle: string;
  updateLinesLabel: string;
  checkAgain: string;
  generate: string;
  generating: (done: number, total: number) => string;
  generatingStart: string;
  doneTitle: string;
  doneBody: (sheets: number, seconds: string) => string;
  skippedTitle: string;
  skippedDefault: string;
  createdKind: (kind: string, n: number) => string;
  unsupportedGenerate: string;
  sheetKinds: Record<SheetKind, string>;
  passwordLabel: string;
  passwordHint: string;
  passwordConfirmLabel: string;
  passwordMismatch: string;

  // Validate
  validateHeading: string;
  validateIntro: string;
  validate: string;
  validating: string;
  counts: (errors: number, warnings: number) => string;
  noFindings: string;
  filtersLabel: string;
  filterDepartment: string;
  allDepartments: string;
  noDepartment: string;
  showErrors: string;
  showWarnings: string;
  severity: Record<'error' | 'warning', string>;
  shown: (n: number, total: number) => string;
  noneMatch: string;
  findingsHint: string;
  ruleHeading: (rule: string, title: string, n: number) => string;
  findingWhere: (owner: string, department: string) => string;
  selectFailed: string;

  // Quarter (step 5)
  quarterHeading: string;
  quarterIntro: string;
  loadingQuarter: string;
  readAgain: string;
  quarterCycle: (cycle: string) => string;
  lockedOn: (date: string) => string;
  notLocked: string;
  byLabel: string;
  byHint: string;
  quarterPasswordLabel: string;
  quarterPasswordHint: string;
  refusedTitle: string;
  cardLabel: (department: string, owner: string) => string;
  goToSheet: (sheet: string) => string;
  ratings: Record<RatingCode, string>;
  noScore: string;
  // Lock
  lockHeading: string;
  lockIntro: string;
  lock: string;
  locking: string;
  lockRefusedTitle: string;
  lockNotAgreed: (cards: number, problems: number) => string;
  unsignedCards: string;
  cardProblems: (n: number) => string;
  overrideGroup: string;
  overrideLabel: string;
  overrideReason: string;
  overrideReasonMissing: string;
  lockAnyway: string;
  relock: string;
  lockedTitle: string;
  lockedBody: (cards: number, objectives: number, quarterlyKrs: number) => string;
  lockedOverride: (problems: number) => string;
  // Scoring
  scoreHeading: string;
  scoreIntro: string;
  score: string;
  scoring: string;
  confirmTitle: string;
  confirmBody: (cycle: string, rows: number) => string;
  confirmReplace: string;
  cancel: string;
  scoredTitle: (cycle: string) => string;
  scoredReplaced: (rows: number) => string;
  companyScore: (score: string, rating: string) => string;
  companyNoScore: string;
  distributionCaption: string;
  departmentScoresCaption: string;
  colRating: string;
  colScore: string;
  krNotes: (unscored: number, tooEasy: number, carryOver: number) => string;
  registerAt: (sheet: string) => string;
  chartAt: (sheet: string) => string;
  // Review month
  reviewHeading: string;
  reviewIntro: string;
  monthLabel: string;
  monthHint: (first: string, last: string) => string;
  monthInvalid: string;
  monthOutside: (first: string, last: string) => string;
  addMonth: string;
  addingMonth: string;
  reviewDoneTitle: (month: string) => string;
  reviewDoneBody: (added: number, skipped: number, sheet: string) => string;
  reviewExpected: (percent: string) => string;
  // Annual KR change
  changeHeading: string;
  changeIntro: string;
  krLabel: string;
  krPlaceholder: string;
  krOption: (card: string, objective: number, kr: number, text: string) => string;
  noAnnualKrs: string;
  currentText: (text: string) => string;
  newTextLabel: string;
  requesterLabel: string;
  approverLabel: string;
  approvedOnLabel: string;
  approvedOnHint: string;
  requiredField: string;
  dateInvalid: string;
  chooseKr: string;
  submitChange: string;
  submittingChange: string;
  changeLoggedTitle: string;
  changeLoggedBody: (oldText: string, newText: string) => string;
  changeAwaits: string;
  changeApproved: string;
  goToKr: string;
}

const zh: Strings = {
  appTitle: 'OKR 工作簿',
  stepsLabel: '步骤',
  steps: { setup: '1 设置周期', org: '2 组织架构', generate: '3 生成', validate: '4 校验', quarter: '5 季度管理' },
  unsupportedTitle: '此 Excel 版本不受支持',
  errorTitle: '出错了',
  dismiss: '关闭',

  setupHeading: '设置周期',
  cycleHeading: '周期',
  year: '年份',
  quarter: '季度',
  quarterOption: (q) => `Q${q}（${3 * q - 2}–${3 * q} 月）`,
  cycleDates: (start, end) => `周期：${start} 至 ${end}`,
  language: '语言',
  languageHint: '同时设置本面板和生成的工作表的语言',
  langNames: { 'zh-CN': '中文', 'en-US': 'English' },
  bandsHeading: '评级区间',
  fairFrom: '“待改进”起始分',
  goodFrom: '“良好”起始分',
  goodTo: '“良好”截止分（含）',
  bandsPreview: (f, g, t) =>
    `${RATING_WORDS.BAD['zh-CN']} < ${f} ≤ ${RATING_WORDS.FAIR['zh-CN']} < ${g} ≤ ${RATING_WORDS.GOOD['zh-CN']} ≤ ${t} < ${RATING_WORDS.EXCELLENT['zh-CN']}`,
  limitsHeading: '数量限制',
  minObjectives: '每季度最少目标数',
  maxObjectives: '每季度最多目标数',
  maxKrs: '每个目标最多关键结果数',
  bottomUp: '自下而上目标最低占比（%）',
  setupInvalid: '设置中有需要修改的项，修改后才能生成。',
  fieldError: (e) => {
    switch (e.code) {
      case 'notNumber': return '请输入数字';
      case 'notInteger': return '请输入整数';
      case 'yearRange': return '年份应在 2000 到 2100 之间';
      case 'fairPositive': return '应大于 0';
      case 'goodAboveFair': return `应大于“待改进”起始分（${e.value}）`;
      case 'goodToAtLeastGood': return `应不小于“良好”起始分（${e.value}）`;
      case 'goodToBelowOne': return '应小于 1';
      case 'atLeastOne': return '应至少为 1';
      case 'maxAtLeastMin': return `应不小于最少目标数（${e.value}）`;
      case 'percentRange': return '应在 0 到 100 之间';
    }
  },

  orgHeading: '组织架构',
  sourceLabel: '导入方式',
  sourceFile: 'CSV 或 XLSX 文件',
  sourceSheet: '本工作簿中的工作表',
  sourcePaste: '粘贴 CSV 文本',
  columnsHelp:
    '第一行为列名：部门、姓名、岗位、上级、负责人。部门和姓名必填；上级填写上级的姓名；负责人一列填“是”表示该人是部门负责人。',
  chooseFile: '选择文件…',
  noFile: '未选择文件',
  chosenFile: (name) => `已选择：${name}`,
  sheetLabel: '工作表',
  sheetPlaceholder: '选择工作表',
  loadingSheets: '正在读取工作表列表…',
  noSheets: '工作簿中没有可用的工作表',
  reloadSheets: '刷新工作表列表',
  pasteLabel: 'CSV 文本',
  pasteHint: '从 Excel 或文本文件复制，第一行为列名，用逗号或制表符分隔',
  read: '读取',
  reading: '正在读取…',
  readResult: (d, p) => `已读取 ${d} 个部门、${p} 名员工`,
  okrCount: (n) => `来源中另有 ${n} 条 OKR。`,
  departmentsCaption: '部门列表',
  colDepartment: '部门',
  colHead: '负责人',
  colPeople: '人数',
  noHead: '未指定',
  readFailed: '未能读取组织架构，请修改以下问题后重新读取。',
  issuesHeading: (n) => `发现 ${n} 个问题`,
  issueLine: (line, column, message) =>
    `${line > 0 ? `第${line}行` : ''}${line > 0 && column ? ' ' : ''}${column ? `${column}` : ''}${line > 0 || column ? ': ' : ''}${message}`,

  generateHeading: '生成工作簿',
  planHeading: '将要创建',
  planCycle: (cycle, lang) => `周期 ${cycle}，语言：${lang}`,
  planDepartments: (n) => `${n} 张部门 OKR 卡`,
  planIndividuals: (n) => `${n} 张个人 OKR 卡`,
  planOther: (names) => `以及：${names.join('、')}`,
  needOrg: '请先在“2 组织架构”中读取组织架构。',
  needSetup: '请先修正“1 设置周期”中标出的问题。',
  checkingExisting: '正在检查工作簿中已有的 OKR 工作表…',
  existingTitle: '工作簿中已有 OKR 工作表',
  existingBody: '生成不会修改这些工作表，因此这里不提供生成。组织架构有变化时（新人、离职、调岗），请用下面的“更新组织架构”。',
  updateOrgHeading: '更新组织架构',
  updateOrgHint: (p, d) => `按第 2 步读取的组织架构（${p} 人，${d} 个部门）更新本工作簿：新人和新部门得到新卡片；离职人员和撤销部门的卡片保留并标记；岗位、上级、负责人的变化写入卡片表头；旧版模板同时升级。任何人填写的内容都不会被改动。工作表设有保护密码时，请先在上方填写。`,
  updateOrg: '更新组织架构',
  updating: '正在更新…',
  updatedTitle: '已更新',
  upToDateTitle: '已是最新',
  updateRefusedTitle: '未更新',
  updateLinesLabel: '更新明细',
  checkAgain: '重新检查',
  generate: '生成',
  generating: (done, total) => `正在生成… ${done}/${total}`,
  generatingStart: '正在生成…',
  doneTitle: '生成完成',
  doneBody: (n, s) => `已创建 ${n} 张工作表，用时 ${s} 秒。`,
  skippedTitle: '未生成任何工作表',
  skippedDefault: '工作簿没有被修改。',
  createdKind: (kind, n) => `${kind}（${n}）`,
  unsupportedGenerate: '此 Excel 版本无法生成工作簿。',
  passwordLabel: '保护密码（可选）',
  passwordHint: '受保护的工作表将用此密码保护，Excel 只保存其哈希值。请妥善保管：忘记密码就无法撤销保护。留空则不设密码。',
  passwordConfirmLabel: '再次输入保护密码',
  passwordMismatch: '两次输入的密码不一致。',
  sheetKinds: {
    guide: '说明',
    settings: '设置',
    map: '目标体系图',
    plan: '关键成果KRS和行动实施表',
    department: '部门OKR目标和关键成果卡',
    individual: '个人OKR目标和关键成果卡',
    review: '月（季）绩效回顾表',
    scores: '季度评分',
    changelog: '变更记录',
  },

  validateHeading: '校验',
  validateIntro: '按规则检查工作簿中的全部 OKR 卡。',
  validate: '校验',
  validating: '正在校验…',
  counts: (e, w) => `${e} 个错误，${w} 个警告`,
  noFindings: '未发现问题。',
  filtersLabel: '筛选',
  filterDepartment: '部门',
  allDepartments: '全部部门',
  noDepartment: '（公司级）',
  showErrors: '显示错误',
  showWarnings: '显示警告',
  severity: { error: '错误', warning: '警告' },
  shown: (n, total) => `显示 ${n} / ${total} 条`,
  noneMatch: '没有符合筛选条件的问题。',
  findingsHint: '选择一条问题即可定位到对应单元格（上下方向键可在问题之间移动）。',
  ruleHeading: (rule, title, n) => `${title}（${rule}，${n} 条）`,
  findingWhere: (owner, department) => (owner ? `${owner}，${department}` : department),
  selectFailed: '无法定位到该单元格',

  quarterHeading: '季度管理',
  quarterIntro: '锁定季度、季末评分、新增回顾月、申请调整年度KR。锁定、评分和年度KR调整都会写入“变更记录”。',
  loadingQuarter: '正在读取工作簿…',
  readAgain: '重新读取',
  quarterCycle: (cycle) => `周期 ${cycle}`,
  lockedOn: (date) => `已于 ${date} 锁定`,
  notLocked: '尚未锁定',
  byLabel: '操作人',
  byHint: '写入变更记录，可不填',
  quarterPasswordLabel: '保护密码',
  quarterPasswordHint: '工作簿设有工作表保护密码时填写：写入的工作表用它撤销保护并重新保护，新增的工作表也用它保护。',
  refusedTitle: '未执行',
  cardLabel: (department, owner) => (owner ? `${department}/${owner}` : department || '公司'),
  goToSheet: (sheet) => `转到“${sheet}”`,
  ratings: { BAD: RATING_WORDS.BAD['zh-CN'], FAIR: RATING_WORDS.FAIR['zh-CN'], GOOD: RATING_WORDS.GOOD['zh-CN'], EXCELLENT: RATING_WORDS.EXCELLENT['zh-CN'] },
  noScore: '—',
  lockHeading: '锁定季度',
  lockIntro: '锁定后，目标和季度KR不能再修改（单元格受保护，内容留有指纹）；年度KR仍可调整，但须经批准。锁定要求所有卡片已协商一致并签字。',
  lock: '锁定季度',
  locking: '正在锁定…',
  lockRefusedTitle: '不能锁定',
  lockNotAgreed: (cards, problems) => `${cards} 张卡片未协商一致或未签字（共 ${problems} 处）。请先补齐签字；确实不能等待时，可以例外锁定，原因会写入变更记录。`,
  unsignedCards: '未协商一致或未签字的卡片',
  cardProblems: (n) => `${n} 处`,
  overrideGroup: '例外锁定',
  overrideLabel: '在未全部签字的情况下锁定',
  overrideReason: '例外锁定的原因（写入变更记录）',
  overrideReasonMissing: '请填写例外锁定的原因',
  lockAnyway: '仍然锁定',
  relock: '重新锁定',
  lockedTitle: '季度已锁定',
  lockedBody: (c, o, k) => `已冻结 ${c} 张卡片：${o} 个目标、${k} 个季度KR。`,
  lockedOverride: (n) => `例外锁定：${n} 处未协商一致或未签字的问题已记入变更记录。`,
  scoreHeading: '季度评分',
  scoreIntro: '计算每人、各部门和公司的得分与评级，以数值写入“结果运用”，并为本季度添加图表工作表。',
  score: '季度评分',
  scoring: '正在评分…',
  confirmTitle: '替换本周期的评分？',
  confirmBody: (cycle, n) => `“结果运用”中已有 ${cycle} 的 ${n} 行评分。重新评分会替换本周期的这些行；其他周期的行保持不变，人力资源部填写的内容按人保留。`,
  confirmReplace: '替换并重新评分',
  cancel: '取消',
  scoredTitle: (cycle) => `${cycle} 评分完成`,
  scoredReplaced: (n) => `已替换本周期原有的 ${n} 行。`,
  companyScore: (score, rating) => `公司得分 ${score}（${rating}）`,
  companyNoScore: '公司卡片没有目标，没有公司得分。',
  distributionCaption: '个人评级分布',
  departmentScoresCaption: '各部门得分',
  colRating: '评级',
  colScore: '得分',
  krNotes: (u, e, c) => `未评分的KR ${u} 个（按0分计）；满分KR ${e} 个（目标是否太容易？）；未完成的KR ${c} 个（结转候选）。`,
  registerAt: (sheet) => `评分已写入“${sheet}”。`,
  chartAt: (sheet) => `图表见“${sheet}”。`,
  reviewHeading: '新增回顾月',
  reviewIntro: '在“月（季）绩效回顾表”末尾为每人添加该月的一行，预填当前进度和偏差率；已有的行保持不变。',
  monthLabel: '月份（YYYY-MM）',
  monthHint: (first, last) => `本周期：${first} 至 ${last}`,
  monthInvalid: '请按 2026-11 这样的格式填写月份',
  monthOutside: (first, last) => `请填写本周期内的月份（${first} 至 ${last}）`,
  addMonth: '添加该月的回顾行',
  addingMonth: '正在添加…',
  reviewDoneTitle: (month) => `已添加 ${month} 的回顾行`,
  reviewDoneBody: (added, skipped, sheet) => `在“${sheet}”中添加了 ${added} 行；${skipped} 人已有该月的行，未做改动。`,
  reviewExpected: (p) => `按时间进度，该月末应完成 ${p}。`,
  changeHeading: '年度KR调整申请',
  changeIntro: '锁定后年度KR仍可调整，但每次调整都须在“变更记录”中有一行经批准的记录（申请人、审批人、批准日期），否则校验会报告 AKR_APPROVAL。',
  krLabel: '年度KR',
  krPlaceholder: '选择年度KR',
  krOption: (card, o, kr, text) => `${card} · 目标${o} KR${kr}：${text}`,
  noAnnualKrs: '工作簿中没有年度KR。',
  currentText: (text) => `当前内容：${text}`,
  newTextLabel: '调整后的KR内容',
  requesterLabel: '申请人',
  approverLabel: '审批人',
  approvedOnLabel: '批准日期（YYYY-MM-DD）',
  approvedOnHint: '批准前留空；批准后由审批人在“变更记录”中填写。',
  requiredField: '必填',
  dateInvalid: '请按 2026-11-05 这样的格式填写日期',
  chooseKr: '请选择要调整的年度KR',
  submitChange: '提交调整申请',
  submittingChange: '正在写入…',
  changeLoggedTitle: '已写入变更记录',
  changeLoggedBody: (o, n) => `原为“${o}”，调整为“${n}”。`,
  changeAwaits: '待批准：在“变更记录”中填写审批人和批准日期之前，校验会把改动后的KR报告为 AKR_APPROVAL。',
  changeApproved: '已批准：KR单元格改为新内容后，校验不会再报告它。',
  goToKr: '转到该KR单元格',
};

const en: Strings = {
  appTitle: 'OKR Workbook',
  stepsLabel: 'Steps',
  steps: { setup: '1 Setup', org: '2 Organisation', generate: '3 Generate', validate: '4 Validate', quarter: '5 Quarter' },
  unsupportedTitle: 'This version of Excel is not supported',
  errorTitle: 'Something went wrong',
  dismiss: 'Dismiss',

  setupHeading: 'Set up the cycle',
  cycleHeading: 'Cycle',
  year: 'Year',
  quarter: 'Quarter',
  quarterOption: (q) => `Q${q} (${['Jan–Mar', 'Apr–Jun', 'Jul–Sep', 'Oct–Dec'][q - 1]})`,
  cycleDates: (start, end) => `Cycle: ${start} to ${end}`,
  language: 'Language',
  languageHint: 'Sets the language of this pane and of the generated sheets',
  langNames: { 'zh-CN': '中文', 'en-US': 'English' },
  bandsHeading: 'Rating bands',
  fairFrom: 'FAIR from',
  goodFrom: 'GOOD from',
  goodTo: 'GOOD up to (inclusive)',
  bandsPreview: (f, g, t) =>
    `${RATING_WORDS.BAD['en-US']} < ${f} ≤ ${RATING_WORDS.FAIR['en-US']} < ${g} ≤ ${RATING_WORDS.GOOD['en-US']} ≤ ${t} < ${RATING_WORDS.EXCELLENT['en-US']}`,
  limitsHeading: 'Limits',
  minObjectives: 'Minimum objectives per quarter',
  maxObjectives: 'Maximum objectives per quarter',
  maxKrs: 'Maximum key results per objective',
  bottomUp: 'Minimum share of bottom-up objectives (%)',
  setupInvalid: 'Some settings need correcting before the workbook can be generated.',
  fieldError: (e) => {
    switch (e.code) {
      case 'notNumber': return 'Enter a number';
      case 'notInteger': return 'Enter a whole number';
      case 'yearRange': return 'Enter a year between 2000 and 2100';
      case 'fairPositive': return 'Must be greater than 0';
      case 'goodAboveFair': return `Must be greater than FAIR from (${e.value})`;
      case 'goodToAtLeastGood': return `Must not be less than GOOD from (${e.value})`;
      case 'goodToBelowOne': return 'Must be less than 1';
      case 'atLeastOne': return 'Must be at least 1';
      case 'maxAtLeastMin': return `Must not be less than the minimum (${e.value})`;
      case 'percentRange': return 'Must be between 0 and 100';
    }
  },

  orgHeading: 'Organisation',
  sourceLabel: 'Import from',
  sourceFile: 'A CSV or XLSX file',
  sourceSheet: 'A sheet of this workbook',
  sourcePaste: 'Pasted CSV text',
  columnsHelp:
    'The first row holds the column names: 部门 (department), 姓名 (name), 岗位 (position), 上级 (manager), 负责人 (head). Department and name are required; manager is the manager’s name; “是” or “yes” under 负责人 marks the department head.',
  chooseFile: 'Choose a file…',
  noFile: 'No file chosen',
  chosenFile: (name) => `Chosen: ${name}`,
  sheetLabel: 'Sheet',
  sheetPlaceholder: 'Choose a sheet',
  loadingSheets: 'Loading the list of sheets…',
  noSheets: 'The workbook has no sheet to read from',
  reloadSheets: 'Reload the list of sheets',
  pasteLabel: 'CSV text',
  pasteHint: 'Copy from Excel or a text file; first line = column names, separated by commas or tabs',
  read: 'Read',
  reading: 'Reading…',
  readResult: (d, p) => `Read ${d} ${d === 1 ? 'department' : 'departments'} and ${p} ${p === 1 ? 'person' : 'people'}`,
  okrCount: (n) => `The source also holds ${n} OKR ${n === 1 ? 'entry' : 'entries'}.`,
  departmentsCaption: 'Departments',
  colDepartment: 'Department',
  colHead: 'Head',
  colPeople: 'People',
  noHead: 'not set',
  readFailed: 'The organisation could not be read. Correct the problems below and read it again.',
  issuesHeading: (n) => `${n} ${n === 1 ? 'problem' : 'problems'} found`,
  issueLine: (line, column, message) =>
    `${line > 0 ? `Line ${line}` : ''}${line > 0 && column ? ', ' : ''}${column}${line > 0 || column ? ': ' : ''}${message}`,

  generateHeading: 'Generate the workbook',
  planHeading: 'What will be created',
  planCycle: (cycle, lang) => `Cycle ${cycle}, language: ${lang}`,
  planDepartments: (n) => `${n} department ${n === 1 ? 'card' : 'cards'}`,
  planIndividuals: (n) => `${n} individual ${n === 1 ? 'card' : 'cards'}`,
  planOther: (names) => `and: ${names.join(', ')}`,
  needOrg: 'Read the organisation first (step 2).',
  needSetup: 'Correct the settings marked in step 1 first.',
  checkingExisting: 'Checking the workbook for existing OKR sheets…',
  existingTitle: 'This workbook already has OKR sheets',
  existingBody:
    'Generating would not touch them, so it is not offered here. When the organisation changes (people join, leave or move), use "Update organisation" below.',
  updateOrgHeading: 'Update organisation',
  updateOrgHint: (p, d) => `Brings this workbook up to the organisation read in step 2 (${p} people, ${d} departments): new people and departments get cards; people who left and closed departments keep theirs, marked; changed positions, managers and heads go into the card headers; older templates are upgraded on the way. Nothing anyone typed is changed. If the sheets have a protection password, enter it above first.`,
  updateOrg: 'Update organisation',
  updating: 'Updating…',
  updatedTitle: 'Updated',
  upToDateTitle: 'Up to date',
  updateRefusedTitle: 'Not updated',
  updateLinesLabel: 'What changed',
  checkAgain: 'Check again',
  generate: 'Generate',
  generating: (done, total) => `Generating… ${done}/${total}`,
  generatingStart: 'Generating…',
  doneTitle: 'Workbook generated',
  doneBody: (n, s) => `Created ${n} ${n === 1 ? 'sheet' : 'sheets'} in ${s} s.`,
  skippedTitle: 'Nothing was generated',
  skippedDefault: 'The workbook was not changed.',
  createdKind: (kind, n) => `${kind} (${n})`,
  unsupportedGenerate: 'This version of Excel cannot generate the workbook.',
  passwordLabel: 'Protection password (optional)',
  passwordHint: 'Protected sheets get this password; Excel keeps only its hash. Keep it safe: without it the protection cannot be removed. Leave empty for none.',
  passwordConfirmLabel: 'Protection password again',
  passwordMismatch: 'The two passwords are not the same.',
  sheetKinds: {
    guide: 'Guide',
    settings: 'Settings',
    map: 'Target-system map',
    plan: 'KR & action plan',
    department: 'Department cards',
    individual: 'Individual cards',
    review: 'Review',
    scores: 'Score register',
    changelog: 'Change log',
  },

  validateHeading: 'Validate',
  validateIntro: 'Checks every OKR card of the workbook against the rules.',
  validate: 'Validate',
  validating: 'Validating…',
  counts: (e, w) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}`,
  noFindings: 'No problems found.',
  filtersLabel: 'Filters',
  filterDepartment: 'Department',
  allDepartments: 'All departments',
  noDepartment: '(company level)',
  showErrors: 'Show errors',
  showWarnings: 'Show warnings',
  severity: { error: 'Error', warning: 'Warning' },
  shown: (n, total) => `Showing ${n} of ${total}`,
  noneMatch: 'No problems match the filters.',
  findingsHint: 'Choose a problem to go to its cell (the arrow keys move between problems).',
  ruleHeading: (rule, title, n) => `${title} (${rule}, ${n})`,
  findingWhere: (owner, department) => (owner ? `${owner}, ${department}` : department),
  selectFailed: 'Could not go to that cell',

  quarterHeading: 'Quarter',
  quarterIntro:
    'Lock the quarter, score it at quarter end, add a review month, request an annual KR change. Locking, scoring and annual KR changes are recorded in the change log.',
  loadingQuarter: 'Reading the workbook…',
  readAgain: 'Read again',
  quarterCycle: (cycle) => `Cycle ${cycle}`,
  lockedOn: (date) => `Locked on ${date}`,
  notLocked: 'Not locked yet',
  byLabel: 'Your name',
  byHint: 'Written to the change log; optional',
  quarterPasswordLabel: 'Protection password',
  quarterPasswordHint: 'Fill in when the workbook\'s sheets have a protection password: the sheets written are unprotected and protected again with it, and new sheets get it too.',
  refusedTitle: 'Not done',
  cardLabel: (department, owner) => (owner ? `${department}/${owner}` : department || 'Company'),
  goToSheet: (sheet) => `Go to "${sheet}"`,
  ratings: { BAD: RATING_WORDS.BAD['en-US'], FAIR: RATING_WORDS.FAIR['en-US'], GOOD: RATING_WORDS.GOOD['en-US'], EXCELLENT: RATING_WORDS.EXCELLENT['en-US'] },
  noScore: '—',
  lockHeading: 'Lock the quarter',
  lockIntro:
    'Locking freezes objectives and quarterly KRs (cells protected, their text fingerprinted); annual KRs stay editable with an approved change. Every card must be agreed and signed.',
  lock: 'Lock the quarter',
  locking: 'Locking…',
  lockRefusedTitle: 'The quarter cannot be locked',
  lockNotAgreed: (cards, problems) =>
    `${cards} ${cards === 1 ? 'card is' : 'cards are'} not agreed or not signed (${problems} ${problems === 1 ? 'problem' : 'problems'}). Get the sign-offs first; if it cannot wait, lock by override — the reason goes into the change log.`,
  unsignedCards: 'Cards not agreed or not signed',
  cardProblems: (n) => `${n} ${n === 1 ? 'problem' : 'problems'}`,
  overrideGroup: 'Override',
  overrideLabel: 'Lock without all sign-offs',
  overrideReason: 'Reason for the override (written to the change log)',
  overrideReasonMissing: 'Write the reason for the override',
  lockAnyway: 'Lock anyway',
  relock: 'Lock again',
  lockedTitle: 'Quarter locked',
  lockedBody: (c, o, k) =>
    `Frozen: ${c} ${c === 1 ? 'card' : 'cards'}, ${o} ${o === 1 ? 'objective' : 'objectives'}, ${k} quarterly ${k === 1 ? 'KR' : 'KRs'}.`,
  lockedOverride: (n) => `Locked by override: ${n} sign-off ${n === 1 ? 'problem' : 'problems'} recorded in the change log.`,
  scoreHeading: 'Quarter-end scoring',
  scoreIntro:
    'Computes the score and rating of every person, department and the company, writes them as values into the score register, and adds a chart sheet for the quarter.',
  score: 'Score the quarter',
  scoring: 'Scoring…',
  confirmTitle: 'Replace this cycle’s scores?',
  confirmBody: (cycle, n) =>
    `The score register already holds ${n} ${n === 1 ? 'row' : 'rows'} for ${cycle}. Scoring again replaces this cycle’s rows; other cycles’ rows are kept, and what HR typed stays with each person.`,
  confirmReplace: 'Replace and score',
  cancel: 'Cancel',
  scoredTitle: (cycle) => `${cycle} scored`,
  scoredReplaced: (n) => `Replaced this cycle’s ${n} ${n === 1 ? 'row' : 'rows'}.`,
  companyScore: (score, rating) => `Company score ${score} (${rating})`,
  companyNoScore: 'The company card has no objectives, so there is no company score.',
  distributionCaption: 'Individual ratings',
  departmentScoresCaption: 'Scores by department',
  colRating: 'Rating',
  colScore: 'Score',
  krNotes: (u, e, c) =>
    `KRs without a score: ${u} (counted as 0); KRs scored 1.0: ${e} (too easy?); unfinished KRs: ${c} (carry-over candidates).`,
  registerAt: (sheet) => `The scores are in "${sheet}".`,
  chartAt: (sheet) => `The charts are in "${sheet}".`,
  reviewHeading: 'Add a review month',
  reviewIntro:
    'Adds a row per person for the month at the end of the review sheet, pre-filled with the current progress and the deviation rate; rows already there are kept.',
  monthLabel: 'Month (YYYY-MM)',
  monthHint: (first, last) => `This cycle: ${first} to ${last}`,
  monthInvalid: 'Write the month like 2026-11',
  monthOutside: (first, last) => `Choose a month of this cycle (${first} to ${last})`,
  addMonth: 'Add the month’s rows',
  addingMonth: 'Adding…',
  reviewDoneTitle: (month) => `Review rows for ${month} added`,
  reviewDoneBody: (added, skipped, sheet) =>
    `Added ${added} ${added === 1 ? 'row' : 'rows'} to "${sheet}"; ${skipped} ${skipped === 1 ? 'person' : 'people'} already had a row for the month and ${skipped === 1 ? 'was' : 'were'} left alone.`,
  reviewExpected: (p) => `By the end of the month, time elapsed calls for ${p} progress.`,
  changeHeading: 'Request an annual KR change',
  changeIntro:
    'After the lock, annual KRs may change, but each change needs an approved row in the change log (requester, approver, approval date), or validation reports AKR_APPROVAL.',
  krLabel: 'Annual KR',
  krPlaceholder: 'Choose an annual KR',
  krOption: (card, o, kr, text) => `${card} · O${o} KR${kr}: ${text}`,
  noAnnualKrs: 'The workbook has no annual KRs.',
  currentText: (text) => `Current text: ${text}`,
  newTextLabel: 'New KR text',
  requesterLabel: 'Requester',
  approverLabel: 'Approver',
  approvedOnLabel: 'Approval date (YYYY-MM-DD)',
  approvedOnHint: 'Leave empty until approved; the approver then fills it in the change log.',
  requiredField: 'Required',
  dateInvalid: 'Write the date like 2026-11-05',
  chooseKr: 'Choose the annual KR to change',
  submitChange: 'Submit the change request',
  submittingChange: 'Writing…',
  changeLoggedTitle: 'Written to the change log',
  changeLoggedBody: (o, n) => `Was “${o}”, becomes “${n}”.`,
  changeAwaits:
    'Awaiting approval: until the approver and the approval date are filled in the change log, validation reports the changed KR (AKR_APPROVAL).',
  changeApproved: 'Approved: once the KR cell holds the new text, validation accepts it.',
  goToKr: 'Go to the KR cell',
};

export const STRINGS: Record<Lang, Strings> = { 'zh-CN': zh, 'en-US': en };

export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang];
}

/** The label of a sheet kind, or the kind as written when the pane does not know it. */
export function sheetKindLabel(s: Strings, kind: string): string {
  return (s.sheetKinds as Record<string, string | undefined>)[kind] ?? kind;
}
