/**
 * How Excel interprets what is written into a cell, formula syntax checks, and a small
 * number-format renderer for `Range.text`.
 *
 * Writing through `values` / `formulas` behaves like TYPING into the cell (en-US locale):
 *  - "=…" is a formula; "+…" / "-…" that is not a number becomes the formula "=+…" / "=-…";
 *  - "'…" stores the rest as text;
 *  - "123", "1.10", "0012", "1e3", "1,234" become NUMBERS, "50%" → 0.5 (format "0%"),
 *    "TRUE"/"false" → booleans, "2024-01-31", "1/31/2024", "1/2" → date serials (with a date format),
 *    "9:30" → a time fraction, "#N/A" etc. → error values;
 *  - none of this happens when the cell's number format is text ("@").
 * These are exactly the traps that make an add-in escape user text; the fake reproduces them so a
 * missing escape shows up in tests.
 */

import { ErrorCodes, err, invalidArgument } from './errors';

export type Scalar = string | number | boolean;

export const ERROR_VALUES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#UNKNOWN!',
  '#CONNECT!',
  '#BUSY!',
] as const;

export function isErrorValue(v: unknown): boolean {
  return typeof v === 'string' && (ERROR_VALUES as readonly string[]).includes(v);
}

export const MAX_CELL_TEXT = 32767;
export const MAX_FORMULA_LENGTH = 8192;

export type CellInput =
  | { kind: 'skip' }
  | { kind: 'clear' }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: Scalar; error?: boolean; impliedFormat?: string };

export interface InterpretOptions {
  /** Apply Excel's typed-text conversions (numbers, dates, booleans, percent). Default true. */
  coerce: boolean;
  /** What the caller wrote to: 'values' and 'formulas' behave the same for strings. */
  property: string;
}

export function dateToSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

export function serialToParts(serial: number): { y: number; m: number; d: number; H: number; M: number; S: number; dow: number } {
  const days = Math.floor(serial);
  const ms = Date.UTC(1899, 11, 30) + days * 86400000;
  const date = new Date(ms);
  let secs = Math.round((serial - days) * 86400);
  if (secs >= 86400) secs = 86399;
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    H: Math.floor(secs / 3600),
    M: Math.floor((secs % 3600) / 60),
    S: secs % 60,
    dow: date.getUTCDay(),
  };
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Excel's conversions of typed text. Returns null when the text stays text. */
export function coerceTypedText(s: string): { value: Scalar; error?: boolean; impliedFormat?: string } | null {
  const t = s.trim();
  if (t === '') return null;
  if (isErrorValue(t.toUpperCase())) return { value: t.toUpperCase(), error: true };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t) };
  let m = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d*)?$/.exec(t);
  if (m) {
    const n = Number(`${m[1]}${m[2].replace(/,/g, '')}${m[3] ?? ''}`);
    return { value: n, impliedFormat: m[3] && m[3].length > 1 ? '#,##0.00' : '#,##0' };
  }
  m = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*%$/.exec(t);
  if (m) {
    const decimals = m[1].includes('.') ? m[1].split('.')[1].length : 0;
    return { value: Number(m[1]) / 100, impliedFormat: decimals > 0 ? '0.00%' : '0%' };
  }
  m = /^\$\s?(\d{1,3}(?:,\d{3})*|\d+)(\.\d{1,2})?$/.exec(t);
  if (m) return { value: Number(m[1].replace(/,/g, '') + (m[2] ?? '')), impliedFormat: m[2] ? '$#,##0.00' : '$#,##0' };
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m && validDate(+m[1], +m[2], +m[3])) return { value: dateToSerial(+m[1], +m[2], +m[3]), impliedFormat: 'yyyy-mm-dd' };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (m) {
    let y = +m[3];
    if (m[3].length === 2) y += y < 30 ? 2000 : 1900;
    if (validDate(y, +m[1], +m[2])) return { value: dateToSerial(y, +m[1], +m[2]), impliedFormat: 'm/d/yyyy' };
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) {
    const y = new Date().getFullYear();
    if (validDate(y, +m[1], +m[2])) return { value: dateToSerial(y, +m[1], +m[2]), impliedFormat: 'd-mmm' };
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m && +m[1] < 24 && +m[2] < 60 && (m[3] === undefined || +m[3] < 60)) {
    const secs = +m[1] * 3600 + +m[2] * 60 + (m[3] ? +m[3] : 0);
    return { value: secs / 86400, impliedFormat: m[3] ? 'h:mm:ss' : 'h:mm' };
  }
  return null;
}

/** Returns an error message, or null when the formula is syntactically acceptable. */
export function formulaSyntaxError(formula: string): string | null {
  if (!formula.startsWith('=')) return 'a formula must start with "="';
  const body = formula.slice(1);
  if (body.trim() === '') return 'empty formula';
  const stack: string[] = [];
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= body.length) return 'unterminated string literal';
        if (body[j] === '"') {
          if (body[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      const j = body.indexOf("'!", i + 1);
      if (j < 0) return 'unterminated quoted sheet name';
      i = j + 2;
      continue;
    }
    if (ch === '(' || ch === '{' || ch === '[') stack.push(ch);
    else if (ch === ')' || ch === '}' || ch === ']') {
      const open = stack.pop();
      const want = ch === ')' ? '(' : ch === '}' ? '{' : '[';
      if (open !== want) return `unbalanced "${ch}"`;
    }
    i++;
  }
  if (stack.length) return `missing closing bracket for "${stack[stack.length - 1]}"`;
  const last = body.trimEnd().slice(-1);
  if ('+-*/^&=<>,'.includes(last)) return `formula ends with the operator "${last}"`;
  return null;
}

export function checkFormula(formula: string, where: string): void {
  if (formula.length > MAX_FORMULA_LENGTH) {
    throw err(ErrorCodes.formulaLengthExceedsLimit, 'The formula exceeds the length limit of 8192 characters.', where);
  }
  const problem = formulaSyntaxError(formula);
  if (problem) throw invalidArgument(`invalid formula ${JSON.stringify(formula)}: ${problem}`, where);
}

/**
 * Interprets one element written to `values` / `formulas` (or typed by a colleague).
 * Throws InvalidArgument for what Excel rejects.
 */
export function interpretInput(raw: unknown, numberFormat: string, opts: InterpretOptions, where: string): CellInput {
  if (raw === null || raw === undefined) return { kind: 'skip' };
  if (typeof raw === 'boolean') return { kind: 'value', value: raw };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw invalidArgument(`${String(raw)} cannot be written to a cell`, where);
    return { kind: 'value', value: raw };
  }
  let s: string;
  if (raw instanceof Date) s = JSON.stringify(raw).slice(1, -1);
  else if (typeof raw === 'string') s = raw;
  else throw invalidArgument(`a ${typeof raw} (${safeJson(raw)}) cannot be written to ${opts.property}`, where);
  if (s === '') return { kind: 'clear' };
  if (s.length > MAX_CELL_TEXT) throw invalidArgument(`text longer than ${MAX_CELL_TEXT} characters`, where);
  if (numberFormat === '@') return { kind: 'value', value: s };
  if (s.length > 1 && s.startsWith('=')) {
    checkFormula(s, where);
    return { kind: 'formula', formula: s };
  }
  if (s.startsWith("'")) return s.length === 1 ? { kind: 'clear' } : { kind: 'value', value: s.slice(1) };
  if (opts.coerce) {
    const c = coerceTypedText(s);
    if (c) return { kind: 'value', ...c };
  }
  if (s.length > 1 && (s.startsWith('+') || s.startsWith('-'))) {
    const f = `=${s}`;
    checkFormula(f, where);
    return { kind: 'formula', formula: f };
  }
  return { kind: 'value', value: s };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 60) ?? String(v);
  } catch {
    return String(v);
  }
}

// ---- Range.text ------------------------------------------------------------------------------

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') inQuote = !inQuote;
    if (ch === '\\' && !inQuote) {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !inQuote) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return n.toExponential(5).toUpperCase().replace(/\.?0+E/, 'E');
  return String(parseFloat(n.toPrecision(10)));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[yYdDhHsS]/.test(bare) || /(^|[^0#?])[mM]/.test(bare) && !/[0#?]/.test(bare);
}

function formatDate(serial: number, section: string): string {
  const p = serialToParts(serial);
  const ampm = /AM\/PM/i.test(section);
  let out = '';
  let i = 0;
  const s = section.replace(/\[[^\]]*\]/g, '');
  let lastWasHour = false;
  while (i < s.length) {
    const rest = s.slice(i);
    const run = (ch: string): number => {
      let n = 0;
      while (rest[n] && rest[n].toLowerCase() === ch) n++;
      return n;
    };
    const ch = rest[0];
    const lc = ch.toLowerCase();
    if (ch === '"') {
      const j = rest.indexOf('"', 1);
      out += rest.slice(1, j < 0 ? undefined : j);
      i += j < 0 ? rest.length : j + 1;
      continue;
    }
    if (ch === '\\') {
      out += rest[1] ?? '';
      i += 2;
      continue;
    }
    if (/^AM\/PM/i.test(rest)) {
      out += p.H < 12 ? 'AM' : 'PM';
      i += 5;
      continue;
    }
    if (lc === 'y') {
      const n = run('y');
      out += n <= 2 ? String(p.y % 100).padStart(2, '0') : String(p.y);
      i += n;
      continue;
    }
    if (lc === 'd') {
      const n = run('d');
      out += n === 1 ? String(p.d) : n === 2 ? String(p.d).padStart(2, '0') : n === 3 ? DAYS[p.dow].slice(0, 3) : DAYS[p.dow];
      i += n;
      lastWasHour = false;
      continue;
    }
    if (lc === 'h') {
      const n = run('h');
      let h = p.H;
      if (ampm) h = h % 12 === 0 ? 12 : h % 12;
      out += n >= 2 ? String(h).padStart(2, '0') : String(h);
      i += n;
      lastWasHour = true;
      continue;
    }
    if (lc === 's') {
      const n = run('s');
      out += n >= 2 ? String(p.S).padStart(2, '0') : String(p.S);
      i += n;
      continue;
    }
    if (lc === 'm') {
      const n = run('m');
      const after = s.slice(i + n).replace(/[^a-zA-Z]/g, '');
      const isMinute = lastWasHour || /^s/i.test(after);
      if (isMinute && n <= 2) out += n === 2 ? String(p.M).padStart(2, '0') : String(p.M);
      else if (n === 1) out += String(p.m);
      else if (n === 2) out += String(p.m).padStart(2, '0');
      else if (n === 3) out += MONTHS[p.m - 1].slice(0, 3);
      else if (n === 5) out += MONTHS[p.m - 1][0];
      else out += MONTHS[p.m - 1];
      i += n;
      lastWasHour = false;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function formatNumberSection(n: number, section: string): string {
  const s = section.replace(/\[[^\]]*\]/g, '');
  // split into literal prefix, numeric pattern, literal suffix
  const firstPh = s.search(/[0#?]/);
  if (firstPh < 0) return literal(s).replace('@', general(n));
  let lastPh = firstPh;
  for (let i = firstPh; i < s.length; i++) if (/[0#?.,]/.test(s[i])) lastPh = i;
  const prefix = literal(s.slice(0, firstPh));
  const pattern = s.slice(firstPh, lastPh + 1);
  const suffix = literal(s.slice(lastPh + 1));
  let value = n;
  const percents = (s.match(/%/g) ?? []).length;
  for (let k = 0; k < percents; k++) value *= 100;
  const [intPat, decPat = ''] = pattern.split('.');
  const decimals = (decPat.match(/[0#?]/g) ?? []).length;
  const grouping = intPat.includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  let str = Math.abs(value).toFixed(decimals);
  let [ip, dp = ''] = str.split('.');
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const optional = (decPat.match(/#/g) ?? []).length;
  if (optional) {
    let trim = 0;
    while (trim < optional && dp.endsWith('0')) {
      dp = dp.slice(0, -1);
      trim++;
    }
  }
  str = dp ? `${ip}.${dp}` : decPat ? `${ip}.` : ip;
  if (str.endsWith('.') && decimals > 0) str = str.slice(0, -1);
  return `${value < 0 ? '-' : ''}${prefix}${str}${suffix}`;
}

function literal(s: string): string {
  return s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1').replace(/_./g, ' ').replace(/\*./g, '');
}

/** Range.text for one cell (a simplified Excel renderer: General, 0/#/,/%/decimals, literals, dates). */
export function formatCellText(value: Scalar | null, numberFormat: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const sections = splitSections(numberFormat);
    const textSection = sections.length >= 4 ? sections[3] : sections.find((x) => x.includes('@'));
    return textSection ? literal(textSection).replace('@', value) : value;
  }
  if (numberFormat === 'General' || numberFormat === '' || numberFormat === '@') return general(value);
  const sections = splitSections(numberFormat);
  let section = sections[0];
  let v = value;
  if (value < 0 && sections.length >= 2 && sections[1] !== '') {
    section = sections[1];
    v = Math.abs(value);
  } else if (value === 0 && sections.length >= 3 && sections[2] !== '') section = sections[2];
  if (/^general$/i.test(section.trim())) return general(v);
  if (isDateFormat(section)) return formatDate(v, section);
  return formatNumberSection(v, section);
}

export function rangeValueType(value: Scalar | null, isError: boolean): 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error' {
  if (value === null || value === '') return 'Empty';
  if (isError) return 'Error';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

