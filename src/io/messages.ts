import type { Lang } from '../domain/model';
import { text } from '../i18n';
import type { IoSentences } from '../i18n/types/io';

/**
 * The sentences of import problems come from the catalogue (src/i18n, section `io`); this adds the
 * one thing every one of them needs — a person's text echoed short and on one line — and the
 * `located` prefix of file, line and column.
 */

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

export function located(lang: Lang, file: string, line: number, column: string, message: string): string {
  return text(lang).io.located(file, line, echo(column), message);
}

export function tooManyIssues(lang: Lang, shown: number, omitted: number): string {
  return text(lang).io.tooManyIssues(shown, omitted);
}

type WithLang<F> = F extends (...args: infer A) => string ? (lang: Lang, ...args: A) => string : never;
type Sentences = { [K in keyof IoSentences]: WithLang<IoSentences[K]> };

const echoArg = (a: unknown): unknown => (typeof a === 'string' ? echo(a) : Array.isArray(a) ? a.map(echoArg) : a);

function sentence(key: keyof IoSentences) {
  return (lang: Lang, ...args: unknown[]): string =>
    // The arguments are the sentence's own, passed through; only their strings are shortened.
    (text(lang).io.sentences[key] as (...a: unknown[]) => string)(...args.map(echoArg));
}

/** The sentences in `lang` (the first argument), with every value a person wrote quoted short and on one line. */
export const M = Object.fromEntries(
  (Object.keys(text('zh-CN').io.sentences) as (keyof IoSentences)[]).map((k) => [k, sentence(k)]),
) as Sentences; // Object.fromEntries loses the key-by-key types; every key of IoSentences is present.
