import type { Catalogue, Lang } from './catalogue';
import { catalogue as enUS } from './en-US';
import { catalogue as zhCN } from './zh-CN';

export type { Catalogue, Lang } from './catalogue';

const CATALOGUES: Record<Lang, Catalogue> = { 'zh-CN': zhCN, 'en-US': enUS };

/** The catalogue of `lang`: `text(lang).app.…`. */
export function text(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

/** Both languages of one entry, for text that must be shown in both (a bilingual usage error). */
export function both<T>(pick: (c: Catalogue) => T): Record<Lang, T> {
  return { 'zh-CN': pick(zhCN), 'en-US': pick(enUS) };
}

export { langsFirst, LANGS, officeLang, parseLang, parseLangOption } from './langs';
