/**
 * Handing a ribbon command's result to its dialog without putting it in the dialog's URL.
 *
 * A long, percent-encoded query string (Chinese, line breaks) has made Excel on the web fail the
 * dialog with 5001 (office-js issue #2762), and then the person sees nothing. The function file and
 * notify.html are pages of the same origin, so the function file writes the whole result to
 * localStorage under a short random key and the URL carries only that key (plus a short one-line
 * summary, the last resort). The dialog reads the entry and removes it. Where the two pages do not
 * share storage (Excel on the web may partition an iframe's storage, Safari does), the dialog says
 * so with messageParent and the function file sends the result with dialog.messageChild
 * (DialogApi 1.2) instead; see dialog.ts and notify.ts.
 */
import type { Lang } from '../domain/model';
import { officeLang } from '../i18n';

/** The whole result as the dialog shows it. */
export interface NotifyData {
  ok: boolean;
  lang: Lang;
  title: string;
  message: string;
}

/** The slice of the Web Storage API used here (window.localStorage satisfies it). */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const HANDOVER_PREFIX = 'okr-workbook.notify.';
/** Entries older than this are someone's abandoned dialog (a command lives 5 minutes at most). */
export const HANDOVER_MAX_AGE_MS = 10 * 60 * 1000;

interface Entry extends NotifyData {
  /** When it was written (ms since the epoch), for the clean-up. */
  t: number;
}

function isNotifyData(v: unknown): v is Entry {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.ok === 'boolean' && typeof r.title === 'string' && typeof r.message === 'string' && typeof r.t === 'number';
}

/** A short random key (letters and digits only: nothing in the URL to escape). */
export function newHandoverKey(random: () => number = Math.random): string {
  let key = '';
  for (let i = 0; i < 12; i += 1) key += 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36) % 36];
  return key;
}

/** Removes this module's entries older than HANDOVER_MAX_AGE_MS (or unreadable). */
export function cleanHandovers(storage: StorageLike, now: number): void {
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const k = storage.key(i);
    if (!k || !k.startsWith(HANDOVER_PREFIX)) continue;
    let entry: unknown;
    try {
      entry = JSON.parse(storage.getItem(k) ?? '');
    } catch {
      entry = undefined; // not JSON: not ours to keep
    }
    if (!isNotifyData(entry) || now - entry.t > HANDOVER_MAX_AGE_MS) stale.push(k);
  }
  for (const k of stale) storage.removeItem(k);
}

/**
 * Writes `data` under HANDOVER_PREFIX + key. Returns the reason when storage refused (no storage,
 * quota, storage disabled): the caller then relies on messageChild or the URL's summary.
 */
export function stashResult(storage: StorageLike | undefined, key: string, data: NotifyData, now: number): { stored: true } | { stored: false; reason: string } {
  if (!storage) return { stored: false, reason: 'no localStorage' };
  try {
    cleanHandovers(storage, now);
    const entry: Entry = { ...data, t: now };
    storage.setItem(HANDOVER_PREFIX + key, JSON.stringify(entry));
    return { stored: true };
  } catch (error) {
    return { stored: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads and removes the entry of `key`; undefined when it is not there (other storage, or gone). */
export function takeResult(storage: StorageLike | undefined, key: string): NotifyData | undefined {
  if (!storage || !key) return undefined;
  const raw = storage.getItem(HANDOVER_PREFIX + key);
  if (raw === null) return undefined;
  storage.removeItem(HANDOVER_PREFIX + key);
  let entry: unknown;
  try {
    entry = JSON.parse(raw);
  } catch {
    return undefined; // damaged: the dialog falls back to the URL's summary
  }
  return isNotifyData(entry) ? { ok: entry.ok, lang: officeLang(entry.lang), title: entry.title, message: entry.message } : undefined;
}

/** window.localStorage when the page may use it; undefined when it is missing or access throws (storage disabled). */
export function pageStorage(): StorageLike | undefined {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : undefined;
  } catch {
    return undefined; // SecurityError: storage blocked for this frame; the callers fall back
  }
}

/** The messages between the function file and the dialog (strings, as the Dialog API carries). */
export const DIALOG_MESSAGES = {
  /** Dialog → function file: the OK button (or Escape). */
  close: 'close',
  /** Dialog → function file: the stored result was not there; send it with messageChild. */
  needResult: 'need-result',
} as const;

/** Function file → dialog: the result, as JSON. */
export function resultMessage(data: NotifyData): string {
  return JSON.stringify({ okrResult: data });
}

export function parseResultMessage(message: string): NotifyData | undefined {
  let v: unknown;
  try {
    v = JSON.parse(message);
  } catch {
    return undefined; // not ours
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const d = (v as { okrResult?: unknown }).okrResult;
  if (typeof d !== 'object' || d === null) return undefined;
  const r = d as Record<string, unknown>;
  if (typeof r.ok !== 'boolean' || typeof r.title !== 'string' || typeof r.message !== 'string') return undefined;
  return { ok: r.ok, lang: officeLang(typeof r.lang === 'string' ? r.lang : undefined), title: r.title, message: r.message };
}
