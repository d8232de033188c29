import type { Lang } from '../domain/model';

/**
 * The sentences of import problems, zh-CN and en-US. Each function returns the part after the
 * location; `located` puts file, line and column in front.
 */

const zh = (lang: Lang): boolean => lang === 'zh-CN';

/** Longest echo of a person's text in a message; a 10,000-character cell is shown by its start. */
export const MAX_ECHO = 60;

/**
 * A person's text as a message quotes it: on one line (a quoted newline shows as ↵), at most
 * MAX_ECHO characters (cut between code points, so an emoji is never halved) followed by "…".
 */
export function echo(s: string): string {
  const one = s.replace(/\s*\n\s*/g, ' ↵ ');
  if (one.length <= MAX_ECHO) return one;
  let out = '';
  for (const ch of one) {
    if (out.length + ch.length > MAX_ECHO) break;
    out += ch;
  }
  return `${out}…`;
}

export function located(lang: Lang, file: string, line: number, column: string, text: string): string {
  column = echo(column);
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

const SENTENCES = {
  notUtf8: (lang: Lang): string =>
    zh(lang)
      ? '无法识别文件编码：既不是 UTF-8，也不是 GBK（Excel“CSV (逗号分隔)”）。请在 Excel 中选择“另存为 → CSV UTF-8(逗号分隔)(*.csv)”后重新导入'
      : 'the file\'s encoding is not recognised: it is neither UTF-8 nor GBK (Excel\'s Chinese "CSV (Comma delimited)"). In Excel, use "Save As → CSV UTF-8 (Comma delimited) (*.csv)" and import it again',
  readAsGbk: (lang: Lang): string =>
    zh(lang)
      ? '按 GBK 编码读取（Excel“CSV (逗号分隔)”格式）；如有乱码，请另存为“CSV UTF-8(逗号分隔)”'
      : 'read as GBK (Excel\'s Chinese "CSV (Comma delimited)"); if any text looks garbled, save it as "CSV UTF-8 (Comma delimited)"',
  cellTooLong: (lang: Lang, length: number, max: number): string =>
    zh(lang) ? `内容过长（${length} 个字符），Excel 单元格最多 ${max} 个字符` : `the text is too long (${length} characters); an Excel cell holds at most ${max}`,
  nameTooLong: (lang: Lang, length: number, max: number): string =>
    zh(lang) ? `名称过长（${length} 个字符），部门名称和姓名最多 ${max} 个字符` : `the name is too long (${length} characters); department and person names have at most ${max}`,
  csvSyntax: (lang: Lang, code: string | undefined, detail: string): string => {
    if (code === 'CSV_QUOTE_NOT_CLOSED')
      return zh(lang) ? 'CSV 格式错误：引号没有闭合（从这里开始的带引号单元格没有结束引号）' : 'CSV syntax error: a quote is not closed (the quoted cell starting here has no closing quote)';
    if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE')
      return zh(lang) ? 'CSV 格式错误：结束引号后面还有其他字符' : 'CSV syntax error: there are characters after a closing quote';
    return zh(lang) ? `CSV 格式错误（请检查引号和逗号）：${detail}` : `CSV syntax error (check the quotes and commas): ${detail}`;
  },
  xlsxUnreadable: (lang: Lang, why: string): string => (zh(lang) ? `无法读取该 .xlsx 文件：${why}` : `cannot read this .xlsx file: ${why}`),
  xlsxEmpty: (lang: Lang): string => (zh(lang) ? '文件是空的（0 字节）' : 'the file is empty (0 bytes)'),
  xlsxOle: (lang: Lang): string =>
    zh(lang)
      ? '这是受密码保护的工作簿或旧版 Excel 97-2003 (.xls) 文件。请在 Excel 中取消密码，另存为 .xlsx 后重试'
      : 'it is a password-protected workbook or an old Excel 97-2003 (.xls) file. Remove the password in Excel and save it as .xlsx',
  xlsxIsText: (lang: Lang): string =>
    zh(lang) ? '这是文本文件（可能是 CSV），不是 Excel 工作簿；如果是 CSV，请把扩展名改为 .csv' : 'it is a text file (perhaps a CSV), not an Excel workbook; if it is a CSV, name it .csv',
  xlsxNotZip: (lang: Lang): string => (zh(lang) ? '这不是 Excel 工作簿（.xlsx 文件的格式不对）' : 'it is not an Excel workbook (not in the .xlsx format)'),
  xlsxDamaged: (lang: Lang): string =>
    zh(lang)
      ? '文件已损坏或不完整（可能在下载或复制时中断）。请在 Excel 中打开并另存一份，或重新获取该文件'
      : 'the file is damaged or incomplete (perhaps cut short in a download or copy). Open it in Excel and save a copy, or get the file again',
  oldXls: (lang: Lang): string =>
    zh(lang)
      ? '这是旧版 Excel 97-2003 (.xls) 文件或受密码保护的工作簿，无法导入。请在 Excel 中（取消密码后）另存为 .xlsx 或“CSV UTF-8(逗号分隔)”'
      : 'this is an old Excel 97-2003 (.xls) file or a password-protected workbook, which cannot be imported. In Excel, (remove the password and) save it as .xlsx or "CSV UTF-8 (Comma delimited)"',
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

type Sentences = typeof SENTENCES;

/** Every string argument (and string in an array argument) echoed through `echo`. */
function echoing(m: Sentences): Sentences {
  const out: Record<string, unknown> = {};
  for (const [k, f] of Object.entries(m)) {
    out[k] = (...args: unknown[]) =>
      (f as (...a: unknown[]) => string)(...args.map((a) => (typeof a === 'string' ? echo(a) : Array.isArray(a) ? a.map((x) => (typeof x === 'string' ? echo(x) : x)) : a)));
  }
  return out as Sentences;
}

/** The sentences, with every value a person wrote quoted short and on one line. */
export const M: Sentences = echoing(SENTENCES);

export function tooManyIssues(lang: Lang, shown: number, omitted: number): string {
  return zh(lang) ? `……另有 ${omitted} 个问题未列出（仅显示前 ${shown} 个）` : `… and ${omitted} more issues not listed (first ${shown} shown)`;
}

/** Names of the things a word column holds, for messages. */
export const WHAT = {
  level: { 'zh-CN': '层级', 'en-US': 'level' },
  source: { 'zh-CN': '来源', 'en-US': 'source' },
  period: { 'zh-CN': '周期', 'en-US': 'period' },
} as const;
