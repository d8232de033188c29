/**
 * Findings in words. The domain's rules report what is wrong as data (rule, message key, params);
 * this renders them in a language, and `checkBook`/`checkCard` here are the domain's with every
 * finding's `message` filled in — for front ends and tests that want the text at once.
 */
import type { Card, Lang, Limits, OkrBook } from '../domain/model';
import { DEFAULT_SETTINGS } from '../domain/model';
import * as rules from '../domain/rules';
import type { Finding as RuleFinding, Phase, RuleId, Severity } from '../domain/rules';
import { text } from './index';
import type { MessageParams, Render } from './types/rules';

export { RULE_IDS } from '../domain/rules';
export type { Phase, RuleId, Severity } from '../domain/rules';

/** A finding with its sentence in the language it was checked in. */
export interface Finding extends RuleFinding {
  message: string;
}

export interface CheckOptions {
  lang: Lang;
  /** 'draft' (default): while people type; 'lock' and 'score': AGREED becomes an error */
  phase?: Phase;
}

export function ruleTitle(rule: RuleId, lang: Lang): string {
  return text(lang).rules.titles[rule] ?? rule;
}

/** One line explaining the seed rule, for the workbook's guide sheet; limits default to the seed's. */
export function ruleHint(rule: RuleId, lang: Lang, limits: Limits = DEFAULT_SETTINGS.limits): string {
  const h = text(lang).rules.hints[rule];
  return h ? h(limits) : rule;
}

export function severityWord(severity: Severity, lang: Lang): string {
  return text(lang).rules.severity[severity];
}

/** The sentences of a rule, by key; a string index because stored findings may carry any key. */
function sentences(rule: RuleId, lang: Lang): Partial<Record<string, Render>> {
  return text(lang).rules.messages[rule] ?? {};
}

/** Renders a finding's message; an unknown key falls back to the rule's title and the key. */
export function renderMessage(rule: RuleId, key: string, params: MessageParams, lang: Lang): string {
  const table = sentences(rule, lang);
  // hasOwnProperty: a key such as "toString" must not find Object.prototype's.
  const m = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  return m ? m(params) : text(lang).rules.unknownKey(ruleTitle(rule, lang), key);
}

/** The message keys of a rule (for tests and for documentation). */
export function messageKeys(rule: RuleId): string[] {
  return Object.keys(sentences(rule, 'zh-CN'));
}

/** A finding's message in `lang` (a finding renders in either language, whenever it was checked). */
export function renderFinding(f: RuleFinding, lang: Lang): string {
  return renderMessage(f.rule, String(f.params.key ?? ''), f.params, lang);
}

const shown = (lang: Lang) => (f: RuleFinding): Finding => ({ ...f, message: renderFinding(f, lang) });

/** The domain's checkBook, each finding with its message in `opts.lang`. */
export function checkBook(book: OkrBook, opts: CheckOptions): Finding[] {
  return rules.checkBook(book, { phase: opts.phase }).map(shown(opts.lang));
}

/** The domain's checkCard, each finding with its message in `opts.lang`. */
export function checkCard(card: Card, book: OkrBook, opts: CheckOptions): Finding[] {
  return rules.checkCard(card, book, { phase: opts.phase }).map(shown(opts.lang));
}
