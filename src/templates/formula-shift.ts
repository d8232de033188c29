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

/** A formula moved by (dRow, dCol); undefined when a reference would leave the sheet. */
export type Shifter = (dRow: number, dCol: number) => string | undefined;

type Piece = string | ((dRow: number, dCol: number) => string | undefined);

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

function moveCol(abs: string, letters: string, d: number): string | undefined {
  if (abs) return `$${letters}`;
  const n = colNumber(letters) + d;
  return n >= 1 && n <= MAX_COL ? colLetters(n) : undefined;
}

function moveRow(abs: string, digits: string, d: number): string | undefined {
  if (abs) return `$${digits}`;
  const n = Number(digits) + d;
  return n >= 1 && n <= MAX_ROW ? String(n) : undefined;
}

/**
 * Prepares a formula (without "=") for moving, or undefined when it holds something this cannot move
 * safely: structured references or external-workbook brackets, or an unterminated literal.
 */
export function formulaShifter(formula: string): Shifter | undefined {
  const { tokens, problems } = tokenize(formula);
  if (problems.length) return undefined;
  const pieces: Piece[] = [];
  const isColon = (t: Token | undefined) => t?.kind === 'colon';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'bracket') return undefined;
    if (t.kind !== 'word') {
      pieces.push(t.text);
      continue;
    }
    const next = tokens[i + 1];
    const cell = CELL.exec(t.text);
    if (cell && next?.kind !== 'open' && colNumber(cell[2]) <= MAX_COL && Number(cell[4]) <= MAX_ROW && Number(cell[4]) >= 1) {
      const [, ca, letters, ra, digits] = cell;
      pieces.push((dr, dc) => {
        const c = moveCol(ca, letters, dc);
        const r = moveRow(ra, digits, dr);
        return c === undefined || r === undefined ? undefined : `${c}${r}`;
      });
      continue;
    }
    // A whole-column (A:C) or whole-row (3:5) range: its parts move along one axis only.
    const ranged = isColon(next) || isColon(tokens[i - 1]);
    const column = ranged ? COLUMN.exec(t.text) : null;
    const row = ranged && !column ? ROW.exec(t.text) : null;
    if (column && next?.kind !== 'open') {
      const [, ca, letters] = column;
      pieces.push((_dr, dc) => moveCol(ca, letters, dc));
    } else if (row) {
      const [, ra, digits] = row;
      pieces.push((dr) => moveRow(ra, digits, dr));
    } else pieces.push(t.text);
  }
  return (dRow, dCol) => {
    let out = '';
    for (const p of pieces) {
      if (typeof p === 'string') out += p;
      else {
        const moved = p(dRow, dCol);
        if (moved === undefined) return undefined;
        out += moved;
      }
    }
    return out;
  };
}

/** The formula moved by (dRow, dCol), or undefined when it cannot be moved (see formulaShifter). */
export function shiftFormula(formula: string, dRow: number, dCol: number): string | undefined {
  return formulaShifter(formula)?.(dRow, dCol);
}
