/**
 * How an entry a person typed into a card's input cell is read — the same way by the rules engine
 * (through the book reader) and by the card's formulas, so the two never disagree:
 *
 * - a number cell (score, weight, progress) counts only when it holds a number: text in it cannot be
 *   used by SUM/SUMPRODUCT/MIN/MAX, so it counts as not given in the workbook and in the engine alike,
 *   and it is an error on its cell (ENTRY), never a silent 0;
 * - a word cell (source, period, status, yes/no) is compared after Excel's TRIM (leading and trailing
 *   spaces dropped, runs of spaces collapsed; a full-width space counts as a space) and without case,
 *   against the words of either language and their unambiguous synonyms (由下而上 for 自下而上…);
 *   anything else is an error on its cell.
 *
 * Pure: no cell library, no words of its own (the catalogue renders the findings).
 */

/** What the workbook's TRIM does: only the ASCII space is a space to it. */
export function excelTrim(s: string): string {
  return s.replace(/^ +| +$/g, '').replace(/ {2,}/g, ' ');
}

/** The comparison key of a word cell: full-width spaces as spaces, Excel's TRIM, case folded. */
export function wordKey(s: string): string {
  return excelTrim(s.replace(/\u3000/g, ' ')).toLowerCase();
}

/** Full-width digits, signs and percent folded to ASCII; the Unicode minus read as "-". */
function foldNumberText(s: string): string {
  return s.normalize('NFKC').replace(/[\u2212\u2013\uFE63]/g, '-').replace(/\s+/g, '');
}

/**
 * The import's reading of a number typed as text: 0.25, 25% (= 0.25), full-width ０.５ or ２５％,
 * "1,234.5" with thousands separators. Undefined when the text is not a number.
 */
export function parseNumberText(raw: string): number | undefined {
  let s = foldNumberText(raw);
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

/** The input cells whose entry can be unreadable. */
export type KrEntryField = 'krWeight' | 'progress' | 'selfScore' | 'managerScore' | 'period' | 'status';
export type ObjectiveEntryField = 'objWeight' | 'source' | 'agreed';
export type EntryField = KrEntryField | ObjectiveEntryField;

/** An entry that cannot be used, kept as written (text, or the cell's value shown as text). */
export interface Unreadable {
  /** The entry as written. */
  raw: string;
  /** A number cell holding a number typed as text: what it reads as (the person retypes it). */
  reads?: number;
}

/** Whether a raw cell value is blank as the workbook's formulas see it (nothing, or only ASCII spaces). */
export function blankEntry(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && excelTrim(v) === '');
}
