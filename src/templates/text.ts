/**
 * The words the templates write come from the catalogue (src/i18n, section `sheets`); readers
 * recognise every language's spelling, so a workbook reads back whichever language wrote it.
 */
import type { Lang } from '../domain/model';
import { both as inEvery, text } from '../i18n';
import type { SheetLabels } from '../i18n/types/sheets';

export type TextKey = keyof SheetLabels;

/** Each label in every language, for readers and for column headers built per language. */
export const TEXT: Record<TextKey, Record<Lang, string>> = Object.fromEntries(
  (Object.keys(text('zh-CN').sheets.labels) as TextKey[]).map((k) => [k, inEvery((c) => c.sheets.labels[k])]),
) as Record<TextKey, Record<Lang, string>>; // Object.fromEntries loses the keys; every TextKey is mapped

export function t(key: TextKey, lang: Lang): string {
  return text(lang).sheets.labels[key];
}

/** All spellings of a text, for readers that accept either language. */
export function both(key: TextKey): string[] {
  return Object.values(TEXT[key]);
}
