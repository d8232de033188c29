/**
 * Turns what Office reports at start-up into HostInfo. Plain values in, so it is tested without
 * Office; index.tsx reads the Office globals and hands them over.
 */
import type { Lang } from '../domain/model';
import { officeLang } from '../i18n';
import type { HostInfo } from './actions';
import { stringsFor } from './strings';

/** zh, zh-CN, zh-TW, zh-Hans… → zh-CN; anything else → en-US. */
export const langFromDisplayLanguage = (tag: string | undefined): Lang => officeLang(tag);

/** True when a #rgb / #rrggbb colour is dark (perceived brightness below half). Unknown → light. */
export function isDarkColor(color: string | undefined): boolean {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!m) return false;
  const hex = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255 < 0.5;
}

export interface HostFacts {
  displayLanguage?: string;
  bodyBackgroundColor?: string;
  /** Whether ExcelApi 1.9 is supported. */
  supported: boolean;
}

export function hostInfoFrom(facts: HostFacts): HostInfo {
  const lang = langFromDisplayLanguage(facts.displayLanguage);
  return {
    lang,
    theme: isDarkColor(facts.bodyBackgroundColor) ? 'dark' : 'light',
    unsupportedMessage: facts.supported ? undefined : stringsFor(lang).unsupportedMessage,
  };
}
