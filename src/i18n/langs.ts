import type { Lang } from '../domain/model';

/** Every language the product speaks, in its default order. */
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

/** A language the user chose (a drop-down's value); anything unknown is the default, zh-CN. */
export function parseLang(value: string | undefined): Lang {
  return LANGS.find((l) => l === value) ?? LANGS[0];
}

/** Every language, `lang` first: a list of accepted words shows the reader's language first. */
export function langsFirst(lang: Lang): Lang[] {
  return [lang, ...LANGS.filter((l) => l !== lang)];
}

/** The command line's --lang: zh-CN (the default) or en-US, short forms accepted; anything else is undefined. */
export function parseLangOption(v: string | undefined): Lang | undefined {
  if (v === undefined || v === 'zh-CN' || v === 'zh') return 'zh-CN';
  if (v === 'en-US' || v === 'en') return 'en-US';
  return undefined;
}

/** Office's display language: zh-CN for any Chinese (zh, zh-CN, zh-TW, zh-Hans…), en-US otherwise. */
export function officeLang(displayLanguage: string | undefined | null): Lang {
  return /^zh\b/i.test((displayLanguage ?? '').trim()) ? 'zh-CN' : 'en-US';
}
