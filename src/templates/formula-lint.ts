/**
 * Formula lint for the formulas the templates write into the workbook.
 *
 * The workbook is edited in Excel 2016+, Excel on the web (co-authoring) and tested in LibreOffice 7.4,
 * so every formula must use only functions that all three know, must avoid volatile functions and
 * whole-column/row references (recalculation cost in a shared workbook), and must be well formed.
 * See shared/notes/testing-without-excel.md, "Formula functions".
 *
 * Pure TypeScript on purpose: no exceljs / office / react import, usable from the CLI, the add-in and tests.
 */

/** Functions known to work the same in Excel 2016, Excel on the web and LibreOffice 7.4. */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  // aggregation and conditional aggregation
  'SUM', 'SUMPRODUCT', 'SUMIF', 'SUMIFS',
  'COUNT', 'COUNTA', 'COUNTBLANK', 'COUNTIF', 'COUNTIFS',
  'AVERAGE', 'AVERAGEIF', 'AVERAGEIFS',
  'MIN', 'MAX', 'MEDIAN', 'LARGE', 'SMALL', 'RANK',
  // logic and errors
  'IF', 'IFERROR', 'AND', 'OR', 'NOT', 'TRUE', 'FALSE', 'NA',
  'ISNUMBER', 'ISBLANK', 'ISTEXT', 'ISERROR', 'ISNA', 'ISLOGICAL',
  // arithmetic
  'ROUND', 'ROUNDUP', 'ROUNDDOWN', 'ABS', 'INT', 'MOD',
  // lookup (non-volatile only)
  'INDEX', 'MATCH', 'CHOOSE', 'VLOOKUP', 'HLOOKUP', 'ROW', 'ROWS', 'COLUMN', 'COLUMNS',
  // text
  'TEXT', 'SEARCH', 'FIND', 'LEN', 'TRIM', 'LEFT', 'RIGHT', 'MID', 'SUBSTITUTE', 'REPT',
  'VALUE', 'N', 'T', 'EXACT', 'LOWER', 'UPPER', 'CONCATENATE',
  // dates (no TODAY/NOW: volatile)
  'DATE', 'YEAR', 'MONTH', 'DAY', 'EDATE', 'EOMONTH', 'WEEKDAY',
]);

/** Volatile functions: recalculated on every change anywhere, costly in a co-authored workbook. */
const VOLATILE: ReadonlySet<string> = new Set(['INDIRECT', 'OFFSET', 'TODAY', 'NOW', 'RAND', 'RANDBETWEEN', 'CELL', 'INFO']);

/** Too new: missing from Excel 2016 and/or LibreOffice 7.4 (some need `_xlfn.` in a file). */
const TOO_NEW: ReadonlySet<string> = new Set([
  'TEXTJOIN', 'IFS', 'CONCAT', 'MAXIFS', 'MINIFS', 'SWITCH', 'XLOOKUP', 'XMATCH',
  'FILTER', 'UNIQUE', 'SORT', 'SORTBY', 'SEQUENCE', 'RANDARRAY', 'LET', 'LAMBDA',
  'TEXTBEFORE', 'TEXTAFTER', 'TEXTSPLIT', 'VSTACK', 'HSTACK', 'TOCOL', 'TOROW', 'TAKE', 'DROP',
  'CHOOSECOLS', 'CHOOSEROWS', 'EXPAND', 'WRAPROWS', 'WRAPCOLS',
  'MAP', 'REDUCE', 'SCAN', 'MAKEARRAY', 'BYROW', 'BYCOL', 'ISOMITTED', 'ANCHORARRAY', 'SINGLE',
]);

/** Volatile and too-new functions: never in a template formula. */
export const FORBIDDEN_FUNCTIONS: ReadonlySet<string> = new Set([...VOLATILE, ...TOO_NEW]);

export interface FormulaProblem {
  formula: string;
  problem: 'forbidden-function' | 'unknown-function' | 'whole-column' | 'whole-row' | 'unbalanced';
  detail: string;
}

// ---------------------------------------------------------------------------------------------------
// Tokenizer

export type TokenKind =
  | 'string' // "..." literal
  | 'sheet' // a sheet qualifier including its '!': Sheet1! or 'My Sheet'! or Sheet1:Sheet3!
  | 'word' // names, references, numbers, booleans, function names: A1 $B$2 A OKR_X 1 1.5 _xlfn.CONCAT
  | 'error' // #N/A, #REF!, ...
  | 'bracket' // a whole [...] group: structured reference part or external workbook index
  | 'open' // (
  | 'close' // )
  | 'colon' // :
  | 'other'; // operators, commas, braces, whitespace

export interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

export interface Tokenized {
  tokens: Token[];
  /** Lexical problems: unterminated string / quoted sheet name / bracket. */
  problems: string[];
}

const WORD_START = /[A-Za-z0-9_\\$.\u0080-\uFFFF]/;
const WORD_CHAR = /[A-Za-z0-9_\\$.?\u0080-\uFFFF]/;

/**
 * A literal quoted with `quote` from `src[from]` (the opening quote), where a doubled quote stands for
 * one: the index after the closing quote, and whether there was one.
 */
function scanQuoted(src: string, from: number, quote: string): { end: number; ok: boolean } {
  let i = from + 1;
  while (i < src.length) {
    if (src[i] === quote) {
      if (src[i + 1] === quote) { i += 2; continue; }
      return { end: i + 1, ok: true };
    }
    i++;
  }
  return { end: i, ok: false };
}

/** The formula's tokens (also used to shift a formula's references: formula-shift.ts). */
export function tokenize(src: string): Tokenized {
  const tokens: Token[] = [];
  const problems: string[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    const start = i;
    if (c === '"') {
      // String literal, "" is an escaped quote.
      const closed = scanQuoted(src, i, '"');
      i = closed.end;
      if (!closed.ok) problems.push(`unterminated string literal starting at ${start}`);
      tokens.push({ kind: 'string', text: src.slice(start, i), pos: start });
    } else if (c === "'") {
      // Quoted sheet name, '' is an escaped quote; must be followed by '!'.
      const closed = scanQuoted(src, i, "'");
      i = closed.end;
      if (!closed.ok) problems.push(`unterminated quoted sheet name starting at ${start}`);
      if (src[i] === '!') i++;
      tokens.push({ kind: 'sheet', text: src.slice(start, i), pos: start });
    } else if (c === '[') {
      // [1]Sheet!A1, Table1[Col], Table1[[#This Row],[Col]]; inside, ' escapes the next character.
      let depth = 0;
      while (i < n) {
        const d = src[i];
        if (d === "'") {
          i += 2;
          continue;
        }
        if (d === '[') depth++;
        else if (d === ']') {
          depth--;
          if (depth === 0) {
            i++;
            break;
          }
        }
        i++;
      }
      if (depth !== 0) {
        problems.push(`unbalanced [ ] starting at ${start}`);
        i = n;
      }
      tokens.push({ kind: 'bracket', text: src.slice(start, i), pos: start });
    } else if (c === '#' && /[A-Za-z]/.test(src[i + 1] ?? '')) {
      // Error literal (#N/A, #DIV/0!, #REF!, #NAME?) -- a bare # after a reference is the spill operator.
      i++;
      while (i < n && /[A-Za-z0-9/_]/.test(src[i])) i++;
      if (src[i] === '!' || src[i] === '?') i++;
      tokens.push({ kind: 'error', text: src.slice(start, i), pos: start });
    } else if (WORD_START.test(c)) {
      while (i < n && WORD_CHAR.test(src[i])) i++;
      // Sheet1!A1 or a 3D reference Sheet1:Sheet3!A1 (only when the part after ':' ends in '!').
      if (src[i] === '!') {
        i++;
        tokens.push({ kind: 'sheet', text: src.slice(start, i), pos: start });
      } else {
        const m = /^:([A-Za-z0-9_\\.\u0080-\uFFFF]+)!/.exec(src.slice(i));
        if (m) {
          i += m[0].length;
          tokens.push({ kind: 'sheet', text: src.slice(start, i), pos: start });
        } else {
          tokens.push({ kind: 'word', text: src.slice(start, i), pos: start });
        }
      }
    } else if (c === '(') {
      i++;
      tokens.push({ kind: 'open', text: c, pos: start });
    } else if (c === ')') {
      i++;
      tokens.push({ kind: 'close', text: c, pos: start });
    } else if (c === ':') {
      i++;
      tokens.push({ kind: 'colon', text: c, pos: start });
    } else {
      i++;
      tokens.push({ kind: 'other', text: c, pos: start });
    }
  }
  return { tokens, problems };
}

// ---------------------------------------------------------------------------------------------------
// Lint

/** Prefixes Excel writes in files before newer functions: _xlfn.CONCAT, _xlfn._xlws.SORT, _xludf.MYFN. */
const FUNCTION_PREFIX = /^(?:_xlfn\.|_xlws\.|_xludf\.|_xll\.)+/i;

const COLUMN_PART = /^\$?[A-Za-z]{1,3}$/;
const ROW_PART = /^\$?[0-9]+$/;

/** Normalised function name: upper case, without _xlfn./_xlws. prefixes. */
export function normalizeFunctionName(name: string): string {
  return name.replace(FUNCTION_PREFIX, '').toUpperCase();
}

export function lintFormula(formula: string): FormulaProblem[] {
  const problems: FormulaProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: FormulaProblem['problem'], detail: string): void => {
    const key = `${problem}\u0000${detail}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ formula, problem, detail });
  };

  const body = formula.replace(/^\s*=/, '');
  const { tokens, problems: lexical } = tokenize(body);
  for (const p of lexical) add('unbalanced', p);

  let depth = 0;
  let braces = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    switch (t.kind) {
      case 'open':
        depth++;
        break;
      case 'close':
        depth--;
        if (depth < 0) {
          add('unbalanced', `unexpected ) at ${t.pos}`);
          depth = 0;
        }
        break;
      case 'other':
        if (t.text === '{') braces++;
        else if (t.text === '}') {
          braces--;
          if (braces < 0) {
            add('unbalanced', `unexpected } at ${t.pos}`);
            braces = 0;
          }
        }
        break;
      case 'word': {
        // A function: a name directly followed by '(' -- not a sheet-qualified name (Sheet1!Name(...)).
        if (next?.kind === 'open' && prev?.kind !== 'sheet' && !/^[0-9$.]/.test(t.text)) {
          const name = normalizeFunctionName(t.text);
          if (VOLATILE.has(name)) {
            add('forbidden-function', `${name} is volatile: it recalculates on every change in a shared workbook`);
          } else if (TOO_NEW.has(name)) {
            add('forbidden-function', `${name} is not available in Excel 2016 and/or LibreOffice 7.4`);
          } else if (!ALLOWED_FUNCTIONS.has(name)) {
            add('unknown-function', `${t.text} is not on the list of functions known to work in Excel 2016, Excel on the web and LibreOffice 7.4`);
          }
          break;
        }
        // Whole column A:A / $B:$D, whole row 1:1 / $2:$5 (optionally sheet-qualified).
        const after = tokens[k + 2];
        if (next?.kind === 'colon' && after?.kind === 'word') {
          const sheet = prev?.kind === 'sheet' ? prev.text : '';
          const ref = `${sheet}${t.text}:${after.text}`;
          if (COLUMN_PART.test(t.text) && COLUMN_PART.test(after.text)) {
            add('whole-column', `${ref} is a whole-column reference: use a bounded range or a table column`);
            k += 2;
          } else if (ROW_PART.test(t.text) && ROW_PART.test(after.text)) {
            add('whole-row', `${ref} is a whole-row reference: use a bounded range`);
            k += 2;
          }
        }
        break;
      }
      default:
        break;
    }
  }
  if (depth > 0) add('unbalanced', `${depth} unclosed (`);
  if (braces > 0) add('unbalanced', `${braces} unclosed {`);
  return problems;
}
