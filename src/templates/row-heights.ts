import { parseAddr } from './a1';
import { textWidth } from './label-widths';
import type { PlanCell, StyleId } from './plan';

/**
 * Styles whose text we write ourselves and wrap: headers, notes and the guide's text. Only their rows
 * get a height. A row holding people's input keeps Excel's automatic height, because a fixed height
 * would stop Excel growing the row when someone types a long KR.
 */
const FITTED: readonly StyleId[] = ['header', 'note', 'text'];

/** One line of the 10 pt workbook font, and the cell's top and bottom margin, in points. */
const LINE_POINTS = 13.5;
const MARGIN_POINTS = 3;
/** Excel's default column width, for columns the plan leaves unset. */
const DEFAULT_WIDTH = 8.43;

/** The single-row merges, by their top-left cell "r:c", with the columns they span. */
function mergeSpans(merges: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of merges) {
    const [a, b] = m.split(':');
    const p = parseAddr(a);
    const q = parseAddr(b ?? a);
    if (p.row === q.row) out.set(`${p.row}:${p.col}`, q.col - p.col + 1);
  }
  return out;
}

/** A text's drawn width in character units: a Latin letter averages less than Excel's unit (the digit 0), bold a little more. */
function wrappedWidth(text: string, bold: boolean): number {
  const chars = [...text].length;
  const cjk = textWidth(text) - chars;
  return cjk * 2 + (chars - cjk) * (bold ? 0.95 : 0.85);
}

/**
 * How many lines a text takes in a column of `width` character units, wrapped as Excel wraps: at
 * spaces, and between any two CJK characters.
 */
export function wrappedLines(text: string, width: number, bold: boolean): number {
  const usable = Math.max(1, width - 1);
  const widthOf = (piece: string) => wrappedWidth(piece, bold);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    // Break after every space and after every CJK character: the places a line may end.
    for (const piece of paragraph.split(/(?<=[\s\u2e80-\uff60])/u)) {
      const w = widthOf(piece);
      // A trailing space may hang past the edge.
      if (used > 0 && used + widthOf(piece.trimEnd()) > usable) {
        lines++;
        used = 0;
      }
      used += w;
      // A word longer than the line breaks inside itself.
      while (used > usable) { lines++; used -= usable; }
    }
  }
  return lines;
}

/**
 * Row heights (points, by 1-based row) that show every header, note and guide line whole, for the
 * column widths after fitColumnsToWords. LibreOffice
 * and Excel keep the height a file gives a row, so without one a wrapped note shows only its last
 * line. Rows that fit on one line are left out.
 */
export function fitRowHeights(rows: (PlanCell | null)[][], colWidths: number[], merges: string[]): Record<number, number> | undefined {
  const spans = mergeSpans(merges);
  const out: Record<number, number> = {};
  rows.forEach((row, r) => {
    let lines = 1;
    (row ?? []).forEach((cell, c) => {
      if (!cell || typeof cell.v !== 'string' || !cell.s || !FITTED.includes(cell.s)) return;
      const span = spans.get(`${r + 1}:${c + 1}`) ?? 1;
      let width = 0;
      for (let k = c; k < c + span; k++) width += colWidths[k] ?? DEFAULT_WIDTH;
      lines = Math.max(lines, wrappedLines(cell.v, width, cell.s === 'header'));
    });
    if (lines > 1) out[r + 1] = Math.round((lines * LINE_POINTS + MARGIN_POINTS) * 4) / 4;
  });
  return Object.keys(out).length ? out : undefined;
}

/**
 * Widens columns so that no word of a header breaks in the middle: a header may wrap onto two lines,
 * but `Countermeasures` must not read `Countermeasure` / `s`.
 */
export function fitColumnsToWords(colWidths: number[], rows: (PlanCell | null)[][], merges: string[]): number[] {
  const spans = mergeSpans(merges);
  const out = [...colWidths];
  rows.forEach((row, r) => (row ?? []).forEach((cell, c) => {
    if (!cell || cell.s !== 'header' || typeof cell.v !== 'string' || spans.has(`${r + 1}:${c + 1}`) || c >= out.length) return;
    const longest = Math.max(...cell.v.split(/\s+/u).map((w) => wrappedWidth(w, true)));
    const need = Math.ceil(longest) + 2;
    if (out[c] < need) out[c] = need;
  }));
  return out;
}
