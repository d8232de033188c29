/** Reading a finding's parameters inside the catalogues' sentences (the same in every language). */
import type { MessageParams } from './types/rules';

export const str = (p: MessageParams, k: string): string => (p[k] === undefined ? '' : String(p[k]));
export const num = (p: MessageParams, k: string): number => Number(p[k]);

const MAX_QUOTE = 60;
/** Long texts are shortened inside a message (the full text stays in the params). */
export function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_QUOTE ? `${chars.slice(0, MAX_QUOTE - 1).join('')}…` : text;
}

/** A score outside 0–1 counts as the nearest bound. */
export const clampScore = (x: number): number => Math.min(1, Math.max(0, x));
