import { parse } from 'csv-parse/sync';
import type { Lang } from '../domain/model';
import { fail } from './issues';
import { M } from './messages';
import { cleanText } from './cells';
import { checkCellLengths, isBlankRow, type TableInput, type TableRow, type TextEncodingName } from './table-input';

/**
 * Reads a CSV file: UTF-8 with or without BOM; GBK, as Excel on Chinese Windows saves "CSV (逗号分隔)"
 * (detected when the bytes are not UTF-8, see decodeGbk); UTF-16 with BOM, as Excel's "Unicode text"
 * writes. Comma- or tab-separated, quoted cells may hold newlines. Line numbers are those of the text,
 * so a record after a quoted newline keeps its true line. Cells stay strings exactly as written:
 * nothing is evaluated, "=HYPERLINK(...)" is just text. The table says which encoding was read.
 *
 * `lang` (an addition to the brief's signature) picks the language of the error messages.
 */
export function readCsvTable(file: string, bytes: Buffer | Uint8Array, lang: Lang = 'zh-CN'): TableInput {
  const { text: decoded, encoding } = decode(file, toUint8(bytes), lang);
  const text = normaliseNewlines(decoded);
  const delimiter = guessDelimiter(text);
  let records: ParsedRecord[];
  try {
    records = parseRecords(text, delimiter);
  } catch (e) {
    // csv-parse reports the line where it gave up (for an unclosed quote: the end of the file);
    // the record that failed starts after the records read before it.
    const err = e as { code?: string; lines?: number; records?: number; message?: string };
    let line = typeof err.lines === 'number' ? err.lines : 0;
    if (typeof err.records === 'number') {
      try {
        line = 1 + parseRecords(text, delimiter, err.records).reduce((n, r) => n + countNewlines(r.raw), 0);
      } catch {
        // keep csv-parse's line
      }
    }
    fail(file, lang, 'CSV_SYNTAX', line, '', M.csvSyntax(lang, err.code, String(err.message ?? e)));
  }

  let line = 1;
  let header: string[] | undefined;
  let headerLine = 1;
  const rows: TableRow[] = [];
  for (const { record, raw } of records) {
    const start = line;
    line += countNewlines(raw);
    if (isBlankRow(record)) continue;
    if (!header) {
      header = record.map((h) => cleanText(h).trim());
      headerLine = start;
    } else {
      rows.push({ line: start, cells: record });
    }
  }
  if (!header) fail(file, lang, 'EMPTY_FILE', 0, '', M.emptyFile(lang));
  const table: TableInput = { file, header, headerLine, rows, encoding };
  checkCellLengths(table, lang);
  return table;
}

interface ParsedRecord {
  record: string[];
  raw: string;
}

function parseRecords(text: string, delimiter: string, to?: number): ParsedRecord[] {
  if (to === 0) return [];
  return parse(text, {
    delimiter,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ltrim: true,
    rtrim: true,
    ...(to === undefined ? {} : { to }),
  }) as ParsedRecord[];
}

function toUint8(bytes: Buffer | Uint8Array): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

function decode(file: string, b: Uint8Array, lang: Lang): { text: string; encoding: TextEncodingName } {
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  if (bom) b = b.subarray(3);
  else if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  const bad = firstInvalidUtf8(b);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(b), encoding: 'utf-8' };
  // A file that starts with the UTF-8 byte-order mark says it is UTF-8: broken bytes in it are broken.
  const gbk = bom ? undefined : decodeGbk(b);
  if (gbk !== undefined) return { text: gbk, encoding: 'gbk' };
  // Point at the first byte that neither reading gets past: for a GBK file with one broken byte,
  // that is the broken byte, not the first Chinese character.
  const at = bom ? bad : Math.max(bad, firstInvalidGbk(b));
  let line = 1;
  for (let i = 0; i < at; i++) if (b[i] === 0x0a) line++;
  fail(file, lang, 'NOT_UTF8', line, '', M.notUtf8(lang));
}

/** Offset of the first byte that cannot start or end a GBK two-byte character, or -1. */
function firstInvalidGbk(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const d = b[i + 1];
    if (c === 0x80 || c === 0xff || d === undefined || d < 0x40 || d === 0x7f || d === 0xff) return i;
    i += 2;
  }
  return -1;
}

/**
 * The text of GBK bytes (code page 936: what Excel on Chinese Windows writes as "CSV (逗号分隔)"), or
 * undefined when the bytes are not plausibly GBK text: every byte above 0x7F must start a two-byte
 * GBK character (GB18030's four-byte forms never come from Excel), none may decode to a private-use
 * or control character, and at least half of the two-byte characters must be GB2312 characters (the
 * common hanzi and punctuation, lead and trail bytes 0xA1–0xFE). Latin-1/Windows-1252 text (an é
 * followed by a letter is also a valid GBK pair) fails that last test.
 */
export function decodeGbk(b: Uint8Array): string | undefined {
  if (firstInvalidGbk(b) >= 0) return undefined;
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < b.length; ) {
    if (b[i] < 0x80) {
      i++;
      continue;
    }
    pairs++;
    if (b[i] >= 0xa1 && b[i + 1] >= 0xa1) common++;
    i += 2;
  }
  if (pairs === 0 || common * 2 < pairs) return undefined;
  let text: string;
  try {
    text = new TextDecoder('gbk', { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
  // Control or private-use characters mean these were not text bytes.
  if (/[\ue000-\uf8ff\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) return undefined;
  return text;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** Tab when the first line has tabs and no commas (Excel's "Unicode text"); comma otherwise. */
function guessDelimiter(text: string): string {
  const nl = text.indexOf('\n');
  const first = nl < 0 ? text : text.slice(0, nl);
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}
