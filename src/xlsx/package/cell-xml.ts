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

/**
 * A new workbook's shared strings: each distinct text once. A thousand cards repeat the same labels
 * and headers; as inline strings every card carried its own copy, in the file and in memory when read.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];

  indexOf(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }

  /** The sharedStrings part. */
  xml(ns: string): string {
    const items = this.list.map((v) => `<si><t${v !== v.trim() || v.includes('\n') ? ' xml:space="preserve"' : ''}>${escapeText(encodeCellText(v))}</t></si>`).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="${this.list.length}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

/**
 * The content a PlanCell writes, or undefined when it only styles (`{ s }`). A text goes into `strings`
 * when there is a table (a new workbook), else inline (a sheet added to someone's workbook).
 */
export function contentOf(cell: PlanCell, q: Q, shared?: SharedRole, strings?: SharedStrings): CellContent | undefined {
  if (cell.f !== undefined) {
    if (shared?.kind === 'child') return { inner: `<${q('f')} t="shared" si="${shared.si}"/>`, formula: true };
    const attrs = shared?.kind === 'master' ? ` t="shared" ref="${shared.ref}" si="${shared.si}"` : '';
    return { inner: `<${q('f')}${attrs}>${escapeText(cell.f)}</${q('f')}>`, formula: true };
  }
  if (cell.v === undefined) return undefined;
  const v = cell.v;
  if (v === null) return { inner: '', formula: false };
  if (typeof v === 'string' && strings) return { t: 's', inner: `<${q('v')}>${strings.indexOf(v)}</${q('v')}>`, formula: false };
  if (typeof v === 'string') {
    const space = v !== v.trim() || v.includes('\n') ? ' xml:space="preserve"' : '';
    return { t: 'inlineStr', inner: `<${q('is')}><${q('t')}${space}>${escapeText(encodeCellText(v))}</${q('t')}></${q('is')}>`, formula: false };
  }
  if (typeof v === 'boolean') return { t: 'b', inner: `<${q('v')}>${v ? 1 : 0}</${q('v')}>`, formula: false };
  return Number.isFinite(v) ? { inner: `<${q('v')}>${String(v)}</${q('v')}>`, formula: false } : { inner: '', formula: false };
}
