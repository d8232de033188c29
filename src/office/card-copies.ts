import type { PlanCell, SheetPlan } from '../templates/plan';
import { cellInput } from './literal';

/**
 * Cards made by Worksheet.copy (ExcelApi 1.7, issue #14): the first card of each layout is written
 * whole — formats, validations, conditional formats, widths, panes, print setup — and every other card
 * of that layout is a copy of it, with only the cells whose value or formula differs written after.
 * A card's formulas refer to its own cells (without a sheet name) and to workbook names, so a copy's
 * formulas are the template's; the cell-by-cell comparison makes sure of it whatever the plan holds.
 */

/** Sheet kinds made by copying. */
const COPIED: readonly SheetPlan['kind'][] = ['departmentCard', 'individualCard'];

/**
 * What a copy takes from its template: everything but the cells' values and formulas, the name and
 * the tab colour (those the copy gets written). Cards of one level and one slot geometry share it;
 * undefined for a sheet that is not copied. A hidden card is written whole: it prints with Excel's
 * defaults (printSetup), which a copy of a visible card would not.
 */
export function layoutKey(sheet: SheetPlan): string | undefined {
  if (!COPIED.includes(sheet.kind) || sheet.hidden) return undefined;
  const styles = sheet.rows.map((row) => (row ?? []).map((c) => c?.s ?? '').join(',')).join(';');
  return JSON.stringify([
    sheet.kind, styles, sheet.merges, sheet.colWidths, sheet.rowHeights ?? null, sheet.validations,
    sheet.conditionalFormats, sheet.freeze ?? null, sheet.protect,
  ]);
}

/** A rectangle of cells to write on a copy (0-based), null where the copy already holds the planned cell. */
export interface CellPatch {
  row: number;
  col: number;
  formulas: (string | number | boolean | null)[][];
}

/**
 * The cells of `sheet` that differ from `template` (the copy holds the template's), as rectangles over
 * runs of rows that have differences: within one, a cell equal to the template's is null (Excel leaves it).
 * A planned cell the template has and the copy must not is written as "" (empty).
 */
export function cellPatches(template: SheetPlan, sheet: SheetPlan): CellPatch[] {
  const height = Math.max(template.rows.length, sheet.rows.length);
  const diff: (string | number | boolean | null)[][] = [];
  const spans: ({ from: number; to: number } | undefined)[] = [];
  for (let r = 0; r < height; r++) {
    const a = template.rows[r] ?? [];
    const b = sheet.rows[r] ?? [];
    const width = Math.max(a.length, b.length);
    const row: (string | number | boolean | null)[] = [];
    let from = -1;
    let to = -1;
    for (let c = 0; c < width; c++) {
      const want = cellInput(b[c]);
      if (same(a[c], b[c]) || want === cellInput(a[c])) row.push(null);
      else {
        row.push(want);
        if (from < 0) from = c;
        to = c;
      }
    }
    diff.push(row);
    spans.push(from < 0 ? undefined : { from, to });
  }
  const out: CellPatch[] = [];
  let r = 0;
  while (r < height) {
    if (!spans[r]) { r++; continue; }
    let end = r;
    let from = Infinity;
    let to = -1;
    while (end < height && spans[end]) {
      from = Math.min(from, spans[end]!.from);
      to = Math.max(to, spans[end]!.to);
      end++;
    }
    const formulas = diff.slice(r, end).map((row) => Array.from({ length: to - from + 1 }, (_, k) => row[from + k] ?? null));
    out.push({ row: r, col: from, formulas });
    r = end;
  }
  return out;
}

function same(a: PlanCell | null | undefined, b: PlanCell | null | undefined): boolean {
  return (a ?? null) === (b ?? null);
}
