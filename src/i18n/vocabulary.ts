/** One language's column of the domain's vocabulary, so the catalogue shows the words readers accept. */
import {
  CHANGE_KIND_WORDS, DEPARTED_WORDS, LEVEL_WORDS, PERIOD_WORDS, RATING_WORDS, SOURCE_WORDS, STATUS_WORDS, YES_NO_WORDS,
} from '../domain/labels';
import type { Lang } from '../domain/model';
import type { WordsText } from './types/words';

function column<T extends string>(words: Record<T, Record<Lang, string>>, lang: Lang): Record<T, string> {
  return Object.fromEntries((Object.keys(words) as T[]).map((k) => [k, words[k][lang]])) as Record<T, string>; // every key of `words` is mapped
}

export function vocabulary(lang: Lang): WordsText {
  return {
    level: column(LEVEL_WORDS, lang),
    source: column(SOURCE_WORDS, lang),
    period: column(PERIOD_WORDS, lang),
    rating: column(RATING_WORDS, lang),
    status: column(STATUS_WORDS, lang),
    changeKind: column(CHANGE_KIND_WORDS, lang),
    departed: column(DEPARTED_WORDS, lang),
    yesNo: column(YES_NO_WORDS, lang),
  };
}
