/**
 * A cell as the edit writes it: a PlanCell's content (a string is always an inline-string text cell,
 * never a formula; a formula is written without a cached value, in full or as its part of a shared
 * formula) and its style index.
 */
import type { PlanCell } from '../../templates/plan';
import type { SharedRole } from '../../templates/shared-formulas';
import { encodeCellText, escapeText } from './xml-text';
import type { Q } from './rules-xml';

export interface CellContent {
  /** The t attribute (undefined: none). */
  t?: string;
  inner: string;
  formula: boolean;
}

/** The content a PlanCell writes, or undefined when it only styles (`{ s }`). */
export function contentOf(cell: PlanCell, q: Q, shared?: SharedRole): CellContent | undefined {
  if (cell.f !== undefined) {
    if (shared?.kind === 'child') return { inner: `<${q('f')} t="shared" si="${shared.si}"/>`, formula: true };
    const attrs = shared?.kind === 'master' ? ` t="shared" ref="${shared.ref}" si="${shared.si}"` : '';
    return { inner: `<${q('f')}${attrs}>${escapeText(cell.f)}</${q('f')}>`, formula: true };
  }
  if (cell.v === undefined) return undefined;
  const v = cell.v;
  if (v === null) return { inner: '', formula: false };
  if (typeof v === 'string') {
    const space = v !== v.trim() || v.includes('\n') ? ' xml:space="preserve"' : '';
    return { t: 'inlineStr', inner: `<${q('is')}><${q('t')}${space}>${escapeText(encodeCellText(v))}</${q('t')}></${q('is')}>`, formula: false };
  }
  if (typeof v === 'boolean') return { t: 'b', inner: `<${q('v')}>${v ? 1 : 0}</${q('v')}>`, formula: false };
  return Number.isFinite(v) ? { inner: `<${q('v')}>${String(v)}</${q('v')}>`, formula: false } : { inner: '', formula: false };
}
