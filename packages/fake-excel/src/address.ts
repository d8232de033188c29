/** A1 addresses, sheet-name quoting and rectangle arithmetic (0-based, inclusive origin). */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

export function rect(r: number, c: number, rows = 1, cols = 1): Rect {
  return { r, c, rows, cols };
}

export function colToLetters(c0: number): string {
  let n = c0 + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** Excel's rule (approximately): names that are plain identifiers and do not look like a cell reference stay bare. */
export function sheetNameNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) {
    const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
    if (m && lettersToCol(m[1]) < MAX_COLS && Number(m[2]) >= 1 && Number(m[2]) <= MAX_ROWS) return true;
  }
  if (/^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return true;
  if (/^(TRUE|FALSE)$/i.test(name)) return true;
  return false;
}

export function quoteSheetName(name: string): string {
  return sheetNameNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function isEntireColumn(r: Rect): boolean {
  return r.r === 0 && r.rows === MAX_ROWS;
}

export function isEntireRow(r: Rect): boolean {
  return r.c === 0 && r.cols === MAX_COLS;
}

function cellA1(r: number, c: number, abs: boolean): string {
  const d = abs ? '$' : '';
  return `${d}${colToLetters(c)}${d}${r + 1}`;
}

/** "A1", "A1:B2", "A:C", "2:5"; absolute adds "$". */
export function rectToA1(x: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (isEntireColumn(x) && !isEntireRow(x)) {
    return `${d}${colToLetters(x.c)}:${d}${colToLetters(x.c + x.cols - 1)}`;
  }
  if (isEntireRow(x)) {
    return `${d}${x.r + 1}:${d}${x.r + x.rows}`;
  }
  if (x.rows === 1 && x.cols === 1) return cellA1(x.r, x.c, absolute);
  return `${cellA1(x.r, x.c, absolute)}:${cellA1(x.r + x.rows - 1, x.c + x.cols - 1, absolute)}`;
}

export function qualifiedAddress(sheetName: string, x: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${rectToA1(x, absolute)}`;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

/** Splits "'My sheet'!A1:B2" / "Sheet1!A1" / "A1". Returns null when the sheet part is malformed. */
export function splitSheet(address: string): { sheet?: string; ref: string } | null {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i];
      i++;
    }
    if (s[i] !== "'" || s[i + 1] !== '!') return null;
    return { sheet: name, ref: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  if (bang >= 0) return { sheet: s.slice(0, bang), ref: s.slice(bang + 1) };
  return { ref: s };
}

interface Part {
  col?: number;
  row?: number;
}

function parsePart(p: string): Part | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(p);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const out: Part = {};
  if (m[1] !== undefined) {
    const col = lettersToCol(m[1]);
    if (col < 0 || col >= MAX_COLS) return null;
    out.col = col;
  }
  if (m[2] !== undefined) {
    const row = Number(m[2]) - 1;
    if (row < 0 || row >= MAX_ROWS) return null;
    out.row = row;
  }
  return out;
}

/** Parses an A1 reference (no sheet). Returns null for anything Excel would reject. */
export function parseRef(ref: string): Rect | null {
  const parts = ref.trim().split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const a = parsePart(parts[0]);
  if (!a) return null;
  if (parts.length === 1) {
    if (a.col === undefined || a.row === undefined) return null;
    return rect(a.row, a.col);
  }
  const b = parsePart(parts[1]);
  if (!b) return null;
  // whole columns "A:C"
  if (a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined) {
    const c0 = Math.min(a.col, b.col);
    return rect(0, c0, MAX_ROWS, Math.abs(a.col - b.col) + 1);
  }
  // whole rows "2:5"
  if (a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined) {
    const r0 = Math.min(a.row, b.row);
    return rect(r0, 0, Math.abs(a.row - b.row) + 1, MAX_COLS);
  }
  if (a.col === undefined || a.row === undefined || b.col === undefined || b.row === undefined) return null;
  const r0 = Math.min(a.row, b.row);
  const c0 = Math.min(a.col, b.col);
  return rect(r0, c0, Math.abs(a.row - b.row) + 1, Math.abs(a.col - b.col) + 1);
}

export function parseAddress(address: string): ParsedAddress | null {
  const split = splitSheet(address);
  if (!split) return null;
  const r = parseRef(split.ref);
  if (!r) return null;
  return split.sheet !== undefined ? { sheet: split.sheet, rect: r } : { rect: r };
}

// ---- rectangle arithmetic --------------------------------------------------------------------

export function rectArea(x: Rect): number {
  return x.rows * x.cols;
}

export function rectEquals(a: Rect, b: Rect): boolean {
  return a.r === b.r && a.c === b.c && a.rows === b.rows && a.cols === b.cols;
}

export function rectIntersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r, b.r);
  const c0 = Math.max(a.c, b.c);
  const r1 = Math.min(a.r + a.rows, b.r + b.rows);
  const c1 = Math.min(a.c + a.cols, b.c + b.cols);
  if (r1 <= r0 || c1 <= c0) return null;
  return rect(r0, c0, r1 - r0, c1 - c0);
}

export function rectContains(outer: Rect, inner: Rect): boolean {
  return (
    inner.r >= outer.r &&
    inner.c >= outer.c &&
    inner.r + inner.rows <= outer.r + outer.rows &&
    inner.c + inner.cols <= outer.c + outer.cols
  );
}

export function rectContainsCell(x: Rect, r: number, c: number): boolean {
  return r >= x.r && r < x.r + x.rows && c >= x.c && c < x.c + x.cols;
}

/** a minus b, as up to four rectangles. */
export function rectSubtract(a: Rect, b: Rect): Rect[] {
  const i = rectIntersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (i.r > a.r) out.push(rect(a.r, a.c, i.r - a.r, a.cols)); // above
  const aBottom = a.r + a.rows;
  const iBottom = i.r + i.rows;
  if (iBottom < aBottom) out.push(rect(iBottom, a.c, aBottom - iBottom, a.cols)); // below
  if (i.c > a.c) out.push(rect(i.r, a.c, i.rows, i.c - a.c)); // left
  const aRight = a.c + a.cols;
  const iRight = i.c + i.cols;
  if (iRight < aRight) out.push(rect(i.r, iRight, i.rows, aRight - iRight)); // right
  return out;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  const r0 = Math.min(a.r, b.r);
  const c0 = Math.min(a.c, b.c);
  const r1 = Math.max(a.r + a.rows, b.r + b.rows);
  const c1 = Math.max(a.c + a.cols, b.c + b.cols);
  return rect(r0, c0, r1 - r0, c1 - c0);
}

export function cellKey(r: number, c: number): number {
  return r * MAX_COLS + c;
}

export function keyToCell(key: number): [number, number] {
  return [Math.floor(key / MAX_COLS), key % MAX_COLS];
}

/**
 * Rewrites sheet-qualified references in a formula when a sheet is renamed (newName) or deleted
 * (newName === null → the reference becomes #REF!), skipping string literals, as Excel does.
 */
export function rewriteSheetRefs(formula: string, oldName: string, newName: string | null): string {
  let out = '';
  let i = 0;
  const lower = oldName.toLowerCase();
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let sheet: string | null = null;
    let end = i;
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j];
        j++;
      }
      if (formula[j + 1] === '!') {
        sheet = name;
        end = j + 2;
      }
    } else if (/[\p{L}_\\]/u.test(ch) && (i === 0 || !/[\p{L}\p{N}_.]/u.test(formula[i - 1]))) {
      const m = /^[\p{L}_\\][\p{L}\p{N}_.]*!/u.exec(formula.slice(i));
      if (m) {
        sheet = m[0].slice(0, -1);
        end = i + m[0].length;
      }
    }
    if (sheet !== null) {
      if (sheet.toLowerCase() === lower) {
        if (newName === null) {
          const ref = /^[$A-Za-z0-9:]+/.exec(formula.slice(end));
          out += '#REF!';
          i = end + (ref ? ref[0].length : 0);
        } else {
          out += `${quoteSheetName(newName)}!`;
          i = end;
        }
      } else {
        out += formula.slice(i, end);
        i = end;
      }
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
