/**
 * The dialog page's URL: built by the function file, parsed by notify.ts. The result itself goes
 * through storage or messageChild (handover.ts); the URL carries its key and a short summary on
 * ONE line, the last resort when neither reaches the dialog. No line break is ever encoded into
 * it: escaped line breaks in the query string have made Excel on the web fail the dialog with 5001
 * (office-js issue #2762).
 */
import type { Lang } from '../domain/model';
import { officeLang } from '../i18n';
import type { NotifyData } from './handover';
import type { CommandResult } from './types';

export type { NotifyData } from './handover';

/** The summary in the URL (Chinese: about 9 bytes a character once percent-encoded, so under 2 KB). */
export const MAX_MESSAGE_CHARS = 200;
export const MAX_TITLE_CHARS = 80;

function clip(text: string, max: number): string {
  const chars = Array.from(text); // by code point: never cut a surrogate pair
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Line breaks and other control characters become single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** notify.html?ok=1&lang=zh-CN&key=…&title=…&msg=… next to `pageUrl` (absolute https, as Office requires). */
export function buildNotifyUrl(pageUrl: string, result: CommandResult, lang: Lang, key?: string): string {
  const url = new URL('notify.html', pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('ok', result.ok ? '1' : '0');
  url.searchParams.set('lang', lang);
  if (key) url.searchParams.set('key', key);
  url.searchParams.set('title', clip(oneLine(result.title), MAX_TITLE_CHARS));
  url.searchParams.set('msg', clip(oneLine(result.message), MAX_MESSAGE_CHARS));
  return url.href;
}

/** Reads what buildNotifyUrl wrote; anything missing gets a safe default. */
export function parseNotifyParams(search: string): NotifyData & { key: string } {
  const params = new URLSearchParams(search);
  const lang = officeLang(params.get('lang'));
  return {
    ok: params.get('ok') === '1',
    lang,
    key: /^[a-z0-9]{1,32}$/.test(params.get('key') ?? '') ? (params.get('key') as string) : '',
    title: clip(params.get('title') ?? '', MAX_TITLE_CHARS),
    message: clip(params.get('msg') ?? '', MAX_MESSAGE_CHARS),
  };
}
