import type { Lang } from '../domain/model';

/**
 * The sentences of import problems, zh-CN and en-US. Each function returns the part after the
 * location; `located` puts file, line and column in front.
 */

const zh = (lang: Lang): boolean => lang === 'zh-CN';

export function located(lang: Lang, file: string, line: number, column: string, text: string): string {
  if (zh(lang)) {
    if (line > 0 && column) return `${file} 第${line}行“${column}”列：${text}`;
    if (line > 0) return `${file} 第${line}行：${text}`;
    return `${file}：${text}`;
  }
  if (line > 0 && column) return `${file} line ${line}, column "${column}": ${text}`;
  if (line > 0) return `${file} line ${line}: ${text}`;
  return `${file}: ${text}`;
}

function list(lang: Lang, items: string[]): string {
  return items.join(zh(lang) ? '、' : ', ');
}

export const M = {
  notUtf8: (lang: Lang): string =>
    zh(lang)
      ? '文件不是 UTF-8 编码（可能是 GBK/ANSI）。请在 Excel 中选择“另存为 → CSV UTF-8(逗号分隔)(*.csv)”后重新导入'
      : 'the file is not UTF-8 encoded (perhaps GBK/ANSI). In Excel, use "Save As → CSV UTF-8 (Comma delimited) (*.csv)" and import it again',
  csvSyntax: (lang: Lang, code: string | undefined, detail: string): string => {
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      return zh(lang) ? 'CSV 格式错误：引号没有闭合（从这里开始的带引号单元格没有结束引号）' : 'CSV syntax error: a quote is not closed (the quoted cell starting here has no closing quote)';
    if (code === 'CSV_INVALID_CLOSING_QUOTE')
      return zh(lang) ? 'CSV 格式错误：结束引号后面还有其他字符' : 'CSV syntax error: there are characters after a closing quote';
    return zh(lang) ? `CSV 格式错误：${detail}` : `CSV syntax error: ${detail}`;
  },
  xlsxUnreadable: (lang: Lang, detail: string): string =>
    zh(lang) ? `无法读取该 .xlsx 文件（文件可能已损坏或受密码保护）：${detail}` : `cannot read this .xlsx file (it may be damaged or password-protected): ${detail}`,
  oldXls: (lang: Lang): string =>
    zh(lang)
      ? '这是旧版 Excel 97-2003 (.xls) 文件，无法导入。请在 Excel 中另存为 .xlsx 或“CSV UTF-8(逗号分隔)”'
      : 'this is an old Excel 97-2003 (.xls) file, which cannot be imported. Save it in Excel as .xlsx or "CSV UTF-8 (Comma delimited)"',
  noSheet: (lang: Lang): string => (zh(lang) ? '工作簿中没有工作表' : 'the workbook has no worksheet'),
  emptyFile: (lang: Lang): string => (zh(lang) ? '文件是空的（找不到表头行）' : 'the file is empty (no header row)'),
  missingColumn: (lang: Lang, zhName: string, enName: string): string =>
    zh(lang) ? `缺少必填列“${zhName}”（也可写作 ${enName}）` : `the required column "${enName}" (or "${zhName}") is missing`,
  duplicateColumn: (lang: Lang, other: string, index: number): string =>
    zh(lang) ? `该列与第${index}列“${other}”重复，请只保留一列` : `this column repeats column ${index} ("${other}"); keep only one of them`,
  required: (lang: Lang): string => (zh(lang) ? '不能为空' : 'must not be empty'),
  requiredFor: (lang: Lang, level: string): string =>
    zh(lang) ? `层级为“${level}”时不能为空` : `must not be empty when the level is "${level}"`,
  badNumber: (lang: Lang, raw: string): string =>
    zh(lang) ? `“${raw}”不是有效的数字（可填 0.25 或 25%）` : `"${raw}" is not a valid number (write 0.25 or 25%)`,
  badInteger: (lang: Lang, raw: string): string =>
    zh(lang) ? `“${raw}”不是有效的序号（请填 1、2、3 这样的正整数）` : `"${raw}" is not a valid number (write a whole number such as 1, 2, 3)`,
  badDate: (lang: Lang, raw: string): string =>
    zh(lang)
      ? `“${raw}”不是有效的日期（请填 YYYY-MM-DD，例如 2026-12-31；也可填 2026/12/31）`
      : `"${raw}" is not a valid date (write YYYY-MM-DD, e.g. 2026-12-31; 2026/12/31 also works)`,
  badWord: (lang: Lang, raw: string, what: { 'zh-CN': string; 'en-US': string }, allowed: string[]): string =>
    zh(lang)
      ? `“${raw}”不是有效的${what['zh-CN']}（可填：${list(lang, allowed)}）`
      : `"${raw}" is not a valid ${what['en-US']} (allowed: ${list(lang, allowed)})`,
  badYesNo: (lang: Lang, raw: string): string =>
    zh(lang) ? `“${raw}”无法识别（请填 是 或 否）` : `"${raw}" is not understood (write yes or no)`,
  badAlignment: (lang: Lang, raw: string): string =>
    zh(lang)
      ? `“${raw}”不是有效的对齐目标（请填 公司#序号 或 部门名#序号，例如 company#2、技术部#1）`
      : `"${raw}" is not a valid alignment (write company#N or <department>#N, e.g. company#2, 技术部#1)`,
  unknownDepartment: (lang: Lang, name: string): string =>
    zh(lang) ? `找不到部门“${name}”（不在组织架构中）` : `the department "${name}" is not in the organisation`,
  unknownPerson: (lang: Lang, name: string): string =>
    zh(lang) ? `找不到“${name}”（不在组织架构中）` : `"${name}" is not in the organisation`,
  personNotInDepartment: (lang: Lang, name: string, dept: string, actual: string[]): string =>
    zh(lang)
      ? `“${name}”不在“${dept}”（组织架构中属于${list(lang, actual)}）`
      : `"${name}" is not in "${dept}" (the organisation has them in ${list(lang, actual)})`,
  ambiguousPerson: (lang: Lang, name: string, depts: string[], hint: string): string =>
    zh(lang)
      ? `组织架构中有多位“${name}”（${list(lang, depts)}），无法确定是哪一位${hint ? `；${hint}` : ''}`
      : `the organisation has more than one "${name}" (${list(lang, depts)}), so it is unclear which one is meant${hint ? `; ${hint}` : ''}`,
  fillDepartmentHint: (lang: Lang): string => (zh(lang) ? '请填写“部门”列' : 'fill in the "department" column'),
  duplicatePerson: (lang: Lang, name: string, dept: string, firstLine: number): string =>
    zh(lang)
      ? `“${dept}”中已有同名人员“${name}”（第${firstLine}行），同一部门内姓名不能重复（可加后缀区分，如“${name}A”）`
      : `"${dept}" already has a person named "${name}" (line ${firstLine}); names must be unique within a department (add a suffix, e.g. "${name}A")`,
  twoHeads: (lang: Lang, dept: string, other: string, firstLine: number): string =>
    zh(lang)
      ? `“${dept}”已有负责人“${other}”（第${firstLine}行），一个部门只能有一位负责人`
      : `"${dept}" already has a head, "${other}" (line ${firstLine}); a department has only one head`,
  conflict: (lang: Lang, now: string, before: string, firstLine: number): string =>
    zh(lang)
      ? `与第${firstLine}行不一致：这里是“${now}”，第${firstLine}行是“${before}”（同一目标的各行应填写相同内容）`
      : `disagrees with line ${firstLine}: "${now}" here, "${before}" on line ${firstLine} (the rows of one objective must repeat the same values)`,
  duplicateKr: (lang: Lang, objNo: string, krNo: number, firstLine: number): string =>
    zh(lang)
      ? `目标“${objNo}”的 KR 序号 ${krNo} 重复（第${firstLine}行已有）`
      : `KR number ${krNo} of objective "${objNo}" is used twice (already on line ${firstLine})`,
  krWithoutObjective: (lang: Lang): string =>
    zh(lang)
      ? '这一行有关键结果，但没有目标（请填写“目标”或“目标序号”）'
      : 'this row has a key result but no objective (fill in "objective" or "objective_no")',
};

export function tooManyIssues(lang: Lang, shown: number, omitted: number): string {
  return zh(lang) ? `……另有 ${omitted} 个问题未列出（仅显示前 ${shown} 个）` : `… and ${omitted} more issues not listed (first ${shown} shown)`;
}

/** Names of the things a word column holds, for messages. */
export const WHAT = {
  level: { 'zh-CN': '层级', 'en-US': 'level' },
  source: { 'zh-CN': '来源', 'en-US': 'source' },
  period: { 'zh-CN': '周期', 'en-US': 'period' },
} as const;
