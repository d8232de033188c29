import type { Lang } from '../domain/model';

type Msg = Record<Lang, string>;

/** Every sentence the command line says to a person, in both languages. */
export const CLI = {
  badCycle: (v: string): Msg => ({ 'zh-CN': `周期“${v}”无效，应为 2026-Q4 这样的格式。`, 'en-US': `Cycle "${v}" is not valid; write it like 2026-Q4.` }),
  badLang: (v: string): Msg => ({ 'zh-CN': `语言“${v}”无效，可选 zh-CN 或 en-US。`, 'en-US': `Language "${v}" is not valid; use zh-CN or en-US.` }),
  exists: (f: string): Msg => ({ 'zh-CN': `文件 ${f} 已存在，未覆盖（其中可能有人填写的内容）。换一个文件名，或加 --force 覆盖。`, 'en-US': `${f} already exists and was not overwritten (people may have typed into it). Choose another name, or add --force.` }),
  cannotRead: (f: string, why: string): Msg => ({ 'zh-CN': `无法读取 ${f}：${why}`, 'en-US': `Cannot read ${f}: ${why}` }),
  notOkr: (f: string, why: string): Msg => ({ 'zh-CN': `${f} 不是OKR工作簿（${why}）。`, 'en-US': `${f} is not an OKR workbook (${why}).` }),
  written: (f: string, sheets: number, people: number, depts: number, kb: number, ms: number): Msg => ({
    'zh-CN': `已生成 ${f}：${sheets} 个工作表（${depts} 个部门卡，${people} 个个人卡），${kb} KB，用时 ${ms} 毫秒。`,
    'en-US': `Wrote ${f}: ${sheets} sheets (${depts} department cards, ${people} individual cards), ${kb} KB in ${ms} ms.`,
  }),
  noFindings: { 'zh-CN': '未发现问题。', 'en-US': 'No findings.' },
  summary: (e: number, w: number): Msg => ({ 'zh-CN': `共 ${e} 个错误，${w} 个提醒。`, 'en-US': `${e} errors, ${w} warnings.` }),
  error: { 'zh-CN': '错误', 'en-US': 'error' },
  warning: { 'zh-CN': '提醒', 'en-US': 'warning' },
  failed: { 'zh-CN': '失败', 'en-US': 'failed' },
};
