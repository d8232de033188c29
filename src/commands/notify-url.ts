/** The dialog page's URL: built by the function file, parsed by notify.ts. */
import type { Lang } from '../domain/model';
import { officeLang } from '../i18n';
import type { CommandResult } from './types';

/** Longer messages are cut (with an ellipsis) to keep the dialog URL reasonable. */
export const MAX_MESSAGE_CHARS = 900;
export const MAX_TITLE_CHARS = 80;

export interface NotifyData {
  ok: boolean;
  lang: Lang;
  title: string;
  message: string;
}

function clip(text: string, max: number): string {
  const chars = Array.from(text); // by code point: never cut a surrogate pair
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** notify.html?ok=1&lang=zh-CN&title=…&msg=… next to `pageUrl` (absolute https, as Office requires). */
export function buildNotifyUrl(pageUrl: string, result: CommandResult, lang: Lang): string {
  const url = new URL('notify.html', pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('ok', result.ok ? '1' : '0');
  url.searchParams.set('lang', lang);
  url.searchParams.set('title', clip(result.title.trim(), MAX_TITLE_CHARS));
  url.searchParams.set('msg', clip(result.message.trim(), MAX_MESSAGE_CHARS));
  return url.href;
}

/** Reads what buildNotifyUrl wrote; anything missing gets a safe default. */
export function parseNotifyParams(search: string): NotifyData {
  const params = new URLSearchParams(search);
  const lang = officeLang(params.get('lang'));
  return {
    ok: params.get('ok') === '1',
    lang,
    title: clip(params.get('title') ?? '', MAX_TITLE_CHARS),
    message: clip(params.get('msg') ?? '', MAX_MESSAGE_CHARS),
  };
}
