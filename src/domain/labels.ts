import { wordKey } from './entries';
import type { Lang, Level, Period, RatingCode, Source } from './model';

/**
 * The words a person sees for the enumerations, in both languages. Cells hold the word of the
 * workbook's language; readers accept either language (and the English codes), so a workbook
 * typed in by people who switch languages still reads back.
 */
type Words<T extends string> = Record<T, Record<Lang, string>>;

export const LEVEL_WORDS: Words<Level> = {
  company: { 'zh-CN': '公司', 'en-US': 'company' },
  department: { 'zh-CN': '部门', 'en-US': 'department' },
  individual: { 'zh-CN': '个人', 'en-US': 'individual' },
};
export const SOURCE_WORDS: Words<Source> = {
  'top-down': { 'zh-CN': '自上而下', 'en-US': 'top-down' },
  'bottom-up': { 'zh-CN': '自下而上', 'en-US': 'bottom-up' },
};
export const PERIOD_WORDS: Words<Period> = {
  quarter: { 'zh-CN': '季度', 'en-US': 'quarter' },
  annual: { 'zh-CN': '年度', 'en-US': 'annual' },
};
export const RATING_WORDS: Words<RatingCode> = {
  BAD: { 'zh-CN': '差', 'en-US': 'Bad' },
  FAIR: { 'zh-CN': '待改进', 'en-US': 'Fair' },
  GOOD: { 'zh-CN': '良好', 'en-US': 'Good' },
  EXCELLENT: { 'zh-CN': '优秀', 'en-US': 'Excellent' },
};
export type Status = 'not-started' | 'on-track' | 'at-risk' | 'done' | 'carried-over';
export const STATUS_WORDS: Words<Status> = {
  'not-started': { 'zh-CN': '未开始', 'en-US': 'not started' },
  'on-track': { 'zh-CN': '进行中', 'en-US': 'on track' },
  'at-risk': { 'zh-CN': '有风险', 'en-US': 'at risk' },
  done: { 'zh-CN': '已完成', 'en-US': 'done' },
  'carried-over': { 'zh-CN': '结转下期', 'en-US': 'carried over' },
};
/**
 * Kinds of change-log rows (变更记录 column 类型). The rules compare codes; the workbook shows the
 * word of its language, and a person may type either language or the code.
 */
export type ChangeKind = 'annual-kr-change' | 'lock' | 'lock-override' | 'relock-change' | 'score' | 'score-override' | 'review' | 'org-update' | 'next';
export const CHANGE_KIND_WORDS: Words<ChangeKind> = {
  'annual-kr-change': { 'zh-CN': '年度KR调整', 'en-US': 'annual KR change' },
  lock: { 'zh-CN': '锁定', 'en-US': 'lock' },
  'lock-override': { 'zh-CN': '锁定（例外）', 'en-US': 'lock (override)' },
  /** A text a relock replaced in the snapshot: old → new. */
  'relock-change': { 'zh-CN': '重新锁定变更', 'en-US': 'relock change' },
  score: { 'zh-CN': '季度评分', 'en-US': 'quarter scoring' },
  'score-override': { 'zh-CN': '季度评分（例外）', 'en-US': 'quarter scoring (override)' },
  review: { 'zh-CN': '绩效回顾', 'en-US': 'review' },
  'org-update': { 'zh-CN': '组织架构更新', 'en-US': 'organisation update' },
  /** The first row of a quarter built from the last one (`next`). */
  next: { 'zh-CN': '开始新季度', 'en-US': 'next quarter' },
};

/** The mark in a card's status cell: the person left, or the department was closed. */
export const DEPARTED_WORDS: Words<'person' | 'department'> = {
  person: { 'zh-CN': '已离职', 'en-US': 'Left' },
  department: { 'zh-CN': '已撤销', 'en-US': 'Closed' },
};

/** Whether a status cell's text marks a card as departed (either language, any date after the word). */
export function isDepartedMark(text: string): boolean {
  const t = text.trim();
  return Object.values(DEPARTED_WORDS).some((w) => Object.values(w).some((word) => t === word || t.startsWith(`${word} `) || t.startsWith(`${word}（`) || t.startsWith(`${word}(`)));
}
export const YES_NO_WORDS: Words<'yes' | 'no'> = {
  yes: { 'zh-CN': '是', 'en-US': 'yes' },
  no: { 'zh-CN': '否', 'en-US': 'no' },
};

export function wordsOf<T extends string>(words: Words<T>, lang: Lang): string[] {
  return (Object.keys(words) as T[]).map((k) => words[k][lang]);
}

/**
 * Other unambiguous spellings of a word, read as it (the procedure itself writes 由下而上). Import,
 * the book reader and the card formulas all accept them.
 */
export const SOURCE_SYNONYMS: Record<Source, string[]> = {
  'bottom-up': ['由下而上', '自下向上', '从下而上', 'bottom up', 'bottomup'],
  'top-down': ['由上而下', '自上向下', '从上而下', 'top down', 'topdown'],
};
const SYNONYMS = new Map<object, Record<string, string[]>>([[SOURCE_WORDS, SOURCE_SYNONYMS]]);

/** Every spelling (lower case, as wordKey gives it) that reads as `code`. */
export function spellingsOf<T extends string>(words: Words<T>, code: T): string[] {
  const all = [code, words[code]['zh-CN'], words[code]['en-US'], ...(SYNONYMS.get(words)?.[code] ?? [])].map((w) => w.toLowerCase());
  return [...new Set(all)];
}

/** Every spelling a word cell accepts, for the card formulas' lists. */
export function allSpellings<T extends string>(words: Words<T>): string[] {
  return [...new Set((Object.keys(words) as T[]).flatMap((code) => spellingsOf(words, code)))];
}

/** Reads a word of either language (or the code itself, or a synonym) back to its code; case and spaces ignored. */
export function parseWord<T extends string>(words: Words<T>, text: string): T | undefined {
  const t = wordKey(text.trim());
  if (t === '') return undefined;
  for (const code of Object.keys(words) as T[]) if (spellingsOf(words, code).includes(t)) return code;
  return undefined;
}

/** The spellings of yes and no that a 是/否 cell accepts, besides the words themselves. */
export const YES_TEXTS = ['y', 'true', '1', '√', '✓', '已协商', '同意'];
export const NO_TEXTS = ['n', 'false', '0', '未协商'];

export function parseYesNo(text: string): boolean | undefined {
  const t = wordKey(text.trim());
  if (YES_TEXTS.includes(t)) return true;
  if (NO_TEXTS.includes(t)) return false;
  const w = parseWord(YES_NO_WORDS, text);
  return w === undefined ? undefined : w === 'yes';
}

/** Every spelling a 是/否 cell accepts, for the card formulas. */
export function yesNoSpellings(): string[] {
  return [...new Set([...YES_TEXTS, ...NO_TEXTS, ...allSpellings(YES_NO_WORDS)])];
}
