/**
 * What the ribbon says: command names, failure titles, and a sentence for whatever an action threw,
 * from the one Excel-error table of the catalogue (src/i18n, section `excel`) that the pane uses too.
 */
import type { Lang } from '../domain/model';
import { officeLang, text } from '../i18n';
import { isExcelErrorCode } from '../i18n/types/excel';
import type { CommandKey } from './ids';
import type { CommandResult } from './types';

/** zh-CN for any Chinese UI language (zh-CN, zh-TW, zh-Hans…), en-US otherwise. */
export const commandLanguage = officeLang;

export function commandName(key: CommandKey, lang: Lang): string {
  return text(lang).ribbon[key].name;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A sentence a person understands, from whatever was thrown: an OfficeExtension.Error (by its
 * `code`), an Error, a string. The technical text follows on a "Details" line when it adds anything.
 */
export function describeError(error: unknown, lang: Lang): string {
  const words = text(lang).excel;
  if (typeof error === 'string' && error.trim()) return error.trim();
  if (!isRecord(error)) return words.unknown;
  const code = typeof error.code === 'string' ? error.code : undefined;
  const rawMessage = typeof error.message === 'string' ? error.message.trim() : '';
  if (isExcelErrorCode(code)) {
    const detail = [code, rawMessage].filter(Boolean).join(': ');
    return `${words.byCode[code]}\n${words.details}: ${detail}`;
  }
  if (rawMessage) return code && !rawMessage.includes(code) ? `${rawMessage} (${code})` : rawMessage;
  if (code) return `${words.unknown} (${code})`;
  return words.unknown;
}

/** The result shown when the action threw (or returned something that is not a CommandResult). */
export function errorResult(key: CommandKey, error: unknown, lang: Lang): CommandResult {
  return { ok: false, title: text(lang).ribbon[key].failed, message: describeError(error, lang) };
}

export function isCommandResult(value: unknown): value is CommandResult {
  return isRecord(value) && typeof value.ok === 'boolean' && typeof value.title === 'string' && typeof value.message === 'string';
}
