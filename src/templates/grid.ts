import type { PlanCell, SheetKind, SheetPlan } from './plan';
import { fitColumnsToWords, fitRowHeights } from './row-heights';

/** Builds the sparse cell grid of a sheet plan by row and column (1-based). */
export class Grid {
  readonly rows: (PlanCell | null)[][] = [];

  set(row: number, col: number, cell: PlanCell): void {
    while (this.rows.length < row) this.rows.push([]);
    const r = this.rows[row - 1];
    while (r.length < col) r.push(null);
    r[col - 1] = cell;
  }

  /** Writes a row of cells starting at `col`. */
  line(row: number, col: number, cells: PlanCell[]): void {
    cells.forEach((c, i) => this.set(row, col + i, c));
  }

  get height(): number {
    return this.rows.length;
  }
}

export function sheetPlan(kind: SheetKind, key: string, name: string, grid: Grid, rest: Partial<SheetPlan> = {}): SheetPlan {
  const merges = rest.merges ?? [];
  const colWidths = fitColumnsToWords(rest.colWidths ?? [], grid.rows, merges);
  const rowHeights = rest.hidden ? undefined : fitRowHeights(grid.rows, colWidths, merges);
  return {
    kind,
    key,
    name,
    rows: grid.rows,
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: true,
    ...rest,
    colWidths,
    ...(rowHeights ? { rowHeights } : {}),
  };
}
