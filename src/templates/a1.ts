/** A1-address helpers. Rows and columns are 1-based. */

export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function addr(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

export function absAddr(row: number, col: number): string {
  return `$${colLetter(col)}$${row}`;
}

export function rangeAddr(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? addr(r1, c1) : `${addr(r1, c1)}:${addr(r2, c2)}`;
}

export function absRange(r1: number, c1: number, r2: number, c2: number): string {
  return r1 === r2 && c1 === c2 ? absAddr(r1, c1) : `${absAddr(r1, c1)}:${absAddr(r2, c2)}`;
}

export function parseAddr(a: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a);
  if (!m) throw new Error(`Not an A1 address: ${a}`);
  return { row: Number(m[2]), col: colNumber(m[1]) };
}

/** Quotes a sheet name for use in a formula: 'O''Brien'!A1. Always quoted, so any name is safe. */
export function sheetRef(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

/** Escapes text for a string literal inside a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
