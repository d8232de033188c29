import { isIsoDate, serialToIso } from '../domain/cycle';
import { parseNumberText } from '../domain/entries';
import type { IsoDate } from '../domain/model';
import type { TableCell } from './table-input';

/**
 * Cell readers. Each returns `undefined` for a blank cell, the value when it reads, or `{ bad }`
 * carrying the text as written when it does not (the caller reports it with file, line and column).
 */
export type Read<T> = T | undefined | { bad: string };

export function isBad<T>(r: Read<T>): r is { bad: string } {
  return typeof r === 'object' && r !== null && !(r instanceof Date) && 'bad' in r;
}

/** Text of a cell, trimmed and cleaned (see cleanText). Never evaluated: "=HYPERLINK(...)" stays that string. */
export function cellText(c: TableCell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return cleanText(c).trim();
  if (typeof c === 'number') return String(c);
  return dateToIso(c);
}

/**
 * Characters no workbook can hold — XML 1.0 forbids C0 controls other than tab, newline and carriage
 * return, lone surrogates and U+FFFE/U+FFFF, so an .xlsx carrying them is refused by Excel and by
 * ExcelJS — and invisible junk (DEL, C1 controls, a byte-order mark inside the text) are removed.
 * A text that only differs by these characters is the same text to a person.
 */
// A surrogate pair is kept whole (group 1); a lone surrogate matches the last alternative and goes.
const UNWORKABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|([\ud800-\udbff][\udc00-\udfff])|[\ud800-\udfff]/g;

export function cleanText(s: string): string {
  return s.replace(UNWORKABLE, (_m, pair: string | undefined) => pair ?? '');
}

/** Full-width digits, signs and percent folded to ASCII; the Unicode minus read as "-". */
function foldNumberText(s: string): string {
  return s.normalize('NFKC').replace(/[\u2212\u2013\uFE63]/g, '-').replace(/\s+/g, '');
}

/**
 * A number: 0.25, 25% (= 0.25), full-width ０.５ or ２５％, "1,234.5" with thousands separators.
 * Anything else is bad (never throws).
 */
export function readNumber(c: TableCell | undefined): Read<number> {
  if (c === null || c === undefined) return undefined;
  if (typeof c === 'number') return Number.isFinite(c) ? c : { bad: String(c) };
  const raw = cellText(c);
  if (raw === '') return undefined;
  if (c instanceof Date) return { bad: raw };
  // The same reading the rules engine gives a number typed as text into a card (domain/entries.ts).
  const n = parseNumberText(raw);
  return n === undefined ? { bad: raw } : n;
}

/** A sequence number: 1, 2, … (also "O1", "KR2", "1.0", full-width digits). */
export function readSeqNo(c: TableCell | undefined): Read<number> {
  const raw = cellText(c);
  if (raw === '') return undefined;
  const m = /^(?:o|kr)?(\d+)(?:\.0*)?$/i.exec(foldNumberText(raw));
  if (!m) return { bad: raw };
  const n = Number(m[1]);
  return n >= 1 && Number.isSafeInteger(n) ? n : { bad: raw };
}

const MAX_SERIAL = 2958465; // 9999-12-31

/**
 * A date: an ISO date 2026-12-31, also 2026/12/31, 2026.12.31, 2026年12月31日 (one-digit month and
 * day allowed, a time after it ignored), an Excel serial number (46387), or a real date cell.
 */
export function readDate(c: TableCell | undefined): Read<IsoDate> {
  if (c === null || c === undefined) return undefined;
  if (c instanceof Date) {
    const iso = dateToIso(c);
    return isIsoDate(iso) && iso >= '1900-01-01' ? iso : { bad: iso };
  }
  if (typeof c === 'number') return c >= 1 && c <= MAX_SERIAL ? serialToIso(c) : { bad: String(c) };
  const raw = cleanText(c).trim();
  if (raw === '') return undefined;
  const s = raw.normalize('NFKC').trim();
  if (/^\d{1,7}(\.\d+)?$/.test(s)) {
    const n = Number(s);
    return n >= 1 && n <= MAX_SERIAL ? serialToIso(n) : { bad: raw };
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m) return { bad: raw };
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : { bad: raw };
}

/**
 * Date cells from ExcelJS are UTC midnight; rounded to the second against float noise. A date no
 * calendar can show (a serial far beyond 9999 in a date-formatted cell reads as an invalid Date)
 * comes back as its text, never as an exception.
 */
function dateToIso(d: Date): IsoDate {
  const ms = Math.round(d.getTime() / 1000) * 1000;
  const t = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(t.getTime())) return 'Invalid Date';
  return t.toISOString().slice(0, 10);
}

/** Comparison key for names of people and departments: width, case and runs of spaces folded. */
export function nameKey(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
