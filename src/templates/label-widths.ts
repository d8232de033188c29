import type { PlanCell } from './plan';

/**
 * Width a text needs in Excel character units: a CJK or full-width character is two units, as Excel
 * and LibreOffice draw them in the default fonts.
 */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x2e80 && !(cp >= 0xff61 && cp <= 0xff9f) ? 2 : 1;
  }
  return w;
}

/**
 * Widens columns so that every label and header text in the given rows reads whole on one line. A
 * label sits beside its value, so it can never spill into the next cell: in English the short columns
 * (`O #`, `KR #`) cut `Department` to `Departmen`. Padding of 2 leaves room for the bold font and the
 * cell margins.
 */
export function fitColumnsToText(widths: number[], rows: (PlanCell | null)[][], rowNumbers: number[], styles: string[]): number[] {
  const out = [...widths];
  for (const r of rowNumbers) {
    (rows[r - 1] ?? []).forEach((cell, i) => {
      if (!cell || typeof cell.v !== 'string' || !cell.s || !styles.includes(cell.s)) return;
      const need = Math.ceil(textWidth(cell.v) * 1.1) + 2;
      if (i < out.length && out[i] < need) out[i] = need;
    });
  }
  return out;
}
