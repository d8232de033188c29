import type { WordsText } from '../types/words';
import { vocabulary } from '../vocabulary';

/** The domain's vocabulary (domain/labels.ts) in this language: one source for reading and showing. */
export const words: WordsText = vocabulary('zh-CN');
