import type { IoText, WhatKey } from '../types/io';

const WHAT: Record<WhatKey, string> = { level: '层级', source: '来源', period: '周期' };

export const io: IoText = {
  sentences: {
    notUtf8: () =>
      '无法识别文件编码：既不是 UTF-8，也不是 GBK（Excel“CSV (逗号分隔)”）。请在 Excel 中选择“另存为 → CSV UTF-8(逗号分隔)(*.csv)”后重新导入',
    readAsGbk: () =>
      '按 GBK 编码读取（Excel“CSV (逗号分隔)”格式）；如有乱码，请另存为“CSV UTF-8(逗号分隔)”',
    ignoredColumns: (columns, known) =>
      `以下列未识别，已忽略：${columns.map((c) => `“${c}”`).join('、')}（可识别的列：${known.join('、')}）`,
    cellTooLong: (length, max) =>
      `内容过长（${length} 个字符），Excel 单元格最多 ${max} 个字符`,
    nameTooLong: (length, max) =>
      `名称过长（${length} 个字符），部门名称和姓名最多 ${max} 个字符`,
    xlsxUnreadable: (why) =>
      `无法读取该 .xlsx 文件：${why}`,
    xlsxEmpty: () =>
      '文件是空的（0 字节）',
    xlsxOle: () =>
      '这是受密码保护的工作簿或旧版 Excel 97-2003 (.xls) 文件。请在 Excel 中取消密码，另存为 .xlsx 后重试',
    xlsxIsText: () =>
      '这是文本文件（可能是 CSV），不是 Excel 工作簿；如果是 CSV，请把扩展名改为 .csv',
    xlsxIsCsv: () =>
      '这是 CSV 文本文件，不是 Excel 工作簿。这里需要 okr-workbook new 生成的OKR工作簿（.xlsx）；组织架构或OKR的 CSV 请用 okr-workbook new --org / --okrs 导入',
    xlsxNotZip: () =>
      '这不是 Excel 工作簿（.xlsx 文件的格式不对）',
    xlsxDamaged: () =>
      '文件已损坏或不完整（可能在下载或复制时中断）。请在 Excel 中打开并另存一份，或重新获取该文件',
    xlsxBrokenPart: (what, part, detail) => ({
      noWorkbook: '文件中找不到工作簿部件（_rels/.rels 中没有 officeDocument 关系）',
      missingPart: `工作簿引用的部件 ${part} 不存在`,
      malformedXml: `部件 ${part} 不是格式正确的 XML`,
      unexpectedXml: `部件 ${part} 的内容与工作簿的声明不符`,
      sharedFormula: `部件 ${part} 中单元格 ${detail} 的共享公式将被覆盖，且无法移到共用它的其他单元格`,
    })[what] + '。请在 Excel 中打开并另存一份，或重新获取该文件',
    xlsxTooLarge: (part, limitMb) => (part
      ? `部件 ${part} 解压后超过 ${limitMb} MB 的上限（或超过文件自己声明的大小），未读取。这不是正常的工作簿：请在 Excel 中打开并另存一份，或删除多余的内容`
      : `文件解压后合计超过 ${limitMb} MB 的上限，未读取。请在 Excel 中删除多余的内容后另存一份`),
    xlsxDtd: (part) =>
      `部件 ${part} 含有文档类型声明（DTD），出于安全原因不读取。请在 Excel 中打开并另存一份`,
    xlsxTooFar: (cell, maxRows, maxColumns) =>
      `单元格 ${cell} 有内容，但导入表最多读取 ${maxRows} 行、${maxColumns} 列。请删除远处的内容，或把表格移到前面`,
    oldXls: () =>
      '这是旧版 Excel 97-2003 (.xls) 文件或受密码保护的工作簿，无法导入。请在 Excel 中（取消密码后）另存为 .xlsx 或“CSV UTF-8(逗号分隔)”',
    noSheet: () =>
      '工作簿中没有工作表',
    emptyFile: () =>
      '文件是空的（找不到表头行）',
    missingColumn: (zhName, enName) =>
      `缺少必填列“${zhName}”（也可写作 ${enName}）`,
    duplicateColumn: (other, index) =>
      `该列与第${index}列“${other}”重复，请只保留一列`,
    required: () =>
      '不能为空',
    requiredFor: (level) =>
      `层级为“${level}”时不能为空`,
    badNumber: (raw) =>
      `“${raw}”不是有效的数字（可填 0.25 或 25%）`,
    badInteger: (raw) =>
      `“${raw}”不是有效的序号（请填 1、2、3 这样的正整数）`,
    badDate: (raw) =>
      `“${raw}”不是有效的日期（请填 YYYY-MM-DD，例如 2026-12-31；也可填 2026/12/31）`,
    badWord: (raw, what, allowed) =>
      `“${raw}”不是有效的${WHAT[what]}（可填：${allowed.join('、')}）`,
    badYesNo: (raw) =>
      `“${raw}”无法识别（请填 是 或 否）`,
    badAlignment: (raw) =>
      `“${raw}”不是有效的对齐目标（请填 公司#序号 或 部门名#序号，例如 company#2、技术部#1）`,
    unknownDepartment: (name) =>
      `找不到部门“${name}”（不在组织架构中）`,
    unknownPerson: (name) =>
      `找不到“${name}”（不在组织架构中）`,
    personNotInDepartment: (name, dept, actual) =>
      `“${name}”不在“${dept}”（组织架构中属于${actual.join('、')}）`,
    ambiguousPerson: (name, depts, hint) =>
      `组织架构中有多位“${name}”（${depts.join('、')}），无法确定是哪一位${hint ? `；${hint}` : ''}`,
    fillDepartmentHint: () =>
      '请填写“部门”列',
    selfManager: (name) =>
      `“${name}”的上级填的是本人；请填写其直属上级，最高负责人可以留空`,
    managerLoop: (chain) =>
      `上级关系形成了循环：${chain.join(' → ')}；请检查这些人的“上级”列，最上面的人应当没有上级`,
    notOnCard: (level, column) =>
      `“${level}”的卡片没有“${column}”一栏，填在这里的内容无处保存；请留空（业务类别只用于公司目标）`,
    noPeople: () =>
      '文件只有表头，没有人员；请在表头下面每行填写一个人',
    duplicatePerson: (name, dept, firstLine) =>
      `“${dept}”中已有同名人员“${name}”（第${firstLine}行），同一部门内姓名不能重复（可加后缀区分，如“${name}A”）`,
    duplicateId: (id, first, firstLine) =>
      `工号“${id}”已用于第${firstLine}行的“${first}”，一个工号只能对应一个人`,
    twoHeads: (dept, other, firstLine) =>
      `“${dept}”已有负责人“${other}”（第${firstLine}行），一个部门只能有一位负责人`,
    conflict: (now, before, firstLine) =>
      `与第${firstLine}行不一致：这里是“${now}”，第${firstLine}行是“${before}”（同一目标的各行应填写相同内容）`,
    duplicateKr: (objNo, krNo, firstLine) =>
      `目标“${objNo}”的 KR 序号 ${krNo} 重复（第${firstLine}行已有）`,
    krWithoutObjective: () =>
      '这一行有关键结果，但没有目标（请填写“目标”或“目标序号”）',
    csvSyntax: (code, detail) => {
      if (code === 'CSV_QUOTE_NOT_CLOSED') return 'CSV 格式错误：引号没有闭合（从这里开始的带引号单元格没有结束引号）';
      if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') return 'CSV 格式错误：结束引号后面还有其他字符';
      return `CSV 格式错误（请检查引号和逗号）：${detail}`;
    },
  },
  located: (file, line, column, text) => {
    if (line > 0 && column) return `${file} 第${line}行“${column}”列：${text}`;
    if (line > 0) return `${file} 第${line}行：${text}`;
    return `${file}：${text}`;
  },
  tooManyIssues: (shown, omitted) => `……另有 ${omitted} 个问题未列出（仅显示前 ${shown} 个）`,
  columnName: (c) => c.zh,
  nthColumn: (n) => `第${n}列`,
};
