/**
 * Moving a formula the way Excel does when it is copied down or across: relative references move,
 * absolute ones ($) and names stay. A shared formula (`<f t="shared">`) is one formula written once for
 * a block of cells, each cell holding the master's formula moved by its offset, so both writing a
 * group (the renderers) and taking a group apart (an edit that overwrites its master) need this.
 *
 * Pure TypeScript on the formula tokenizer of formula-lint.ts.
 */
import { tokenize, type Token } from './formula-lint';

const MAX_ROW = 1048576;
const MAX_COL = 16384;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]+)$/;

/**
 * A formula moved by (dRow, dCol); undefined when a reference would leave the sheet. `matches` says
 * whether the moved formula is `target`, without building it: the renderers ask that of every row of
 * a long check formula, and building a 3 KB string per row to compare it was most of `new`'s time.
 */
export type Shifter = ((dRow: number, dCol: number) => string | undefined) & {
  matches(dRow: number, dCol: number, target: string): boolean;
};

/** A reference's column or row: absolute ($) parts stay, relative ones move. */
interface Axis { abs: boolean; text: string; n: number }
/** Literal text, or a reference: a cell (both axes), a whole column or a whole row (one axis). */
type Piece = string | { col?: Axis; row?: Axis };

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function colAxis(abs: string, letters: string): Axis {
  return { abs: abs !== '', text: letters, n: colNumber(letters) };
}

function rowAxis(abs: string, digits: string): Axis {
  return { abs: abs !== '', text: digits, n: Number(digits) };
}

function moveCol(a: Axis, d: number): string | undefined {
  if (a.abs) return `$${a.text}`;
  const n = a.n + d;
  return n >= 1 && n <= MAX_COL ? colLetters(n) : undefined;
}

function moveRow(a: Axis, d: number): string | undefined {
  if (a.abs) return `$${a.text}`;
  const n = a.n + d;
  return n >= 1 && n <= MAX_ROW ? String(n) : undefined;
}

/** Whether `target` holds, at `at`, the decimal digits of `n` (and no more digits): no string is built. */
function digitsAt(target: string, at: number, n: number): number {
  let end = at;
  let value = 0;
  while (end < target.length) {
    const c = target.charCodeAt(end);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    end++;
  }
  // No leading zero: the moved row is written as String(n).
  const ok = end > at && value === n && (target.charCodeAt(at) !== 48 || end - at === 1);
  return ok ? end : -1;
}

/**
 * Prepares a formula (without "=") for moving, or undefined when it holds something this cannot move
 * safely: structured references or external-workbook brackets, or an unterminated literal.
 */
export function formulaShifter(formula: string): Shifter | undefined {
  const { tokens, problems } = tokenize(formula);
  if (problems.length) return undefined;
  const pieces: Piece[] = [];
  // Text between references is kept as one piece (fewer pieces: faster to match, row after row).
  const push = (p: Piece) => {
    const last = pieces.length - 1;
    if (typeof p === 'string' && last >= 0 && typeof pieces[last] === 'string') pieces[last] += p;
    else pieces.push(p);
  };
  const isColon = (t: Token | undefined) => t?.kind === 'colon';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'bracket') return undefined;
    if (t.kind !== 'word') {
      push(t.text);
      continue;
    }
    const next = tokens[i + 1];
    const cell = CELL.exec(t.text);
    if (cell && next?.kind !== 'open' && colNumber(cell[2]) <= MAX_COL && Number(cell[4]) <= MAX_ROW && Number(cell[4]) >= 1) {
      const [, ca, letters, ra, digits] = cell;
      push(ca && ra ? t.text : { col: colAxis(ca, letters), row: rowAxis(ra, digits) });
      continue;
    }
    // A whole-column (A:C) or whole-row (3:5) range: its parts move along one axis only.
    const ranged = isColon(next) || isColon(tokens[i - 1]);
    const column = ranged ? COLUMN.exec(t.text) : null;
    const row = ranged && !column ? ROW.exec(t.text) : null;
    if (column && next?.kind !== 'open') push({ col: colAxis(column[1], column[2]) });
    else if (row) push({ row: rowAxis(row[1], row[2]) });
    else push(t.text);
  }
  const shift = (dRow: number, dCol: number): string | undefined => {
    let out = '';
    for (const p of pieces) {
      if (typeof p === 'string') {
        out += p;
        continue;
      }
      const c = p.col ? moveCol(p.col, dCol) : '';
      const r = p.row ? moveRow(p.row, dRow) : '';
      if (c === undefined || r === undefined) return undefined;
      out += c + r;
    }
    return out;
  };
  const matches = (dRow: number, dCol: number, target: string): boolean => {
    let at = 0;
    for (const p of pieces) {
      if (typeof p === 'string') {
        if (!target.startsWith(p, at)) return false;
        at += p.length;
        continue;
      }
      if (p.col) {
        const c = moveCol(p.col, dCol);
        if (c === undefined || !target.startsWith(c, at)) return false;
        at += c.length;
      }
      if (p.row) {
        if (p.row.abs) {
          if (target.charCodeAt(at) !== 36 || !target.startsWith(p.row.text, at + 1)) return false;
          at += p.row.text.length + 1;
        } else {
          const n = p.row.n + dRow;
          if (n < 1 || n > MAX_ROW) return false;
          at = digitsAt(target, at, n);
          if (at < 0) return false;
        }
      }
    }
    return at === target.length;
  };
  return Object.assign(shift, { matches });
}

/** The formula moved by (dRow, dCol), or undefined when it cannot be moved (see formulaShifter). */
export function shiftFormula(formula: string, dRow: number, dCol: number): string | undefined {
  return formulaShifter(formula)?.(dRow, dCol);
}
