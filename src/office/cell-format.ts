import type { StylePlan } from '../templates/plan';

/** The Office.js cell format of a planned style, as setCellProperties takes it (ExcelApi 1.9). */
export function cellFormat(s: StylePlan): Excel.SettableCellProperties {
  const format: Excel.CellPropertiesFormat = { protection: { locked: s.locked } };
  if (s.fill) format.fill = { color: `#${s.fill}` };
  const font: Excel.CellPropertiesFont = {};
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontColor) font.color = `#${s.fontColor}`;
  if (s.size) font.size = s.size;
  if (Object.keys(font).length) format.font = font;
  if (s.hAlign) format.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) format.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap) format.wrapText = true;
  if (s.border) {
    const edge = { style: BORDER_STYLE, color: BORDER_COLOR } as Excel.CellBorder;
    format.borders = { top: edge, bottom: edge, left: edge, right: edge };
  }
  return { format };
}

/** Excel column widths: the plan counts characters (as .xlsx files do), Office.js takes points. */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export const FONT_NAME = 'Microsoft YaHei';
/** Every generated sheet's font size unless a style says otherwise (set once per sheet). */
export const FONT_SIZE = 10;
export const BORDER_STYLE = 'Continuous';
export const BORDER_COLOR = '#BFBFBF';

type HAlign = 'General' | 'Left' | 'Center' | 'Right';
type VAlign = 'Top' | 'Center' | 'Bottom';
const H_ALIGN: Record<NonNullable<StylePlan['hAlign']>, HAlign> = { left: 'Left', center: 'Center', right: 'Right' };
const V_ALIGN: Record<NonNullable<StylePlan['vAlign']>, VAlign> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

// ---- formats per rectangle --------------------------------------------------------------------
//
// Writing a format per cell (setCellProperties with one object per cell) costs ~250 bytes a cell
// and is most of a card's request. A sheet's styles come in large rectangles (columns of a card,
// header rows), and each format property on its own is even more regular: so each property is
// planned separately — an optional value for the whole sheet, then a few rectangles of equal value.

/** A rectangle of cells, 0-based, as Worksheet.getRangeByIndexes takes it. */
export interface CellRect {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

export type FormatProp = 'fill' | 'fontColor' | 'bold' | 'italic' | 'size' | 'hAlign' | 'vAlign' | 'wrap' | 'locked' | 'numFmt' | 'border';
export type FormatValue = string | number | boolean;

export interface FormatCommand {
  rect: CellRect;
  prop: FormatProp;
  /** The Office.js value: '#RRGGBB' or '' (no fill / automatic colour), alignment names, booleans, number format codes. */
  value: FormatValue;
}

export const FORMAT_PROPS: readonly FormatProp[] = ['fill', 'fontColor', 'bold', 'italic', 'size', 'hAlign', 'vAlign', 'wrap', 'locked', 'numFmt', 'border'];

/** What a cell without a style looks like (after the sheet's font is set). */
const DEFAULTS: Record<FormatProp, FormatValue> = {
  fill: '', fontColor: '', bold: false, italic: false, size: FONT_SIZE, hAlign: 'General', vAlign: 'Bottom',
  wrap: false, locked: true, numFmt: 'General', border: false,
};

/**
 * Properties whose default can be written back explicitly, so a sheet-wide value with exceptions is
 * safe. Not the font colour (Excel's "automatic" is not a colour one can set) nor borders (clearing an
 * edge of one cell could clear the edge its neighbour shares): those only ever add.
 */
const RESETTABLE: ReadonlySet<FormatProp> = new Set(['fill', 'bold', 'italic', 'size', 'hAlign', 'vAlign', 'wrap', 'locked', 'numFmt']);

/** A property of a planned style, as Office.js values; no style = Excel's defaults. */
export function formatValue(s: StylePlan | undefined, prop: FormatProp): FormatValue {
  if (!s) return DEFAULTS[prop];
  switch (prop) {
    case 'fill': return s.fill ? `#${s.fill}` : '';
    case 'fontColor': return s.fontColor ? `#${s.fontColor}` : '';
    case 'bold': return s.bold === true;
    case 'italic': return s.italic === true;
    case 'size': return s.size ?? FONT_SIZE;
    case 'hAlign': return s.hAlign ? H_ALIGN[s.hAlign] : 'General';
    case 'vAlign': return s.vAlign ? V_ALIGN[s.vAlign] : 'Bottom';
    case 'wrap': return s.wrap === true;
    case 'locked': return s.locked;
    case 'numFmt': return s.numFmt ?? 'General';
    case 'border': return s.border === true;
  }
}

/**
 * The format commands that give every cell of a height × width grid its style: per property, an
 * optional value for the whole grid, then rectangles painted in order — a later one may cover
 * cells of an earlier one (painting over them), never a cell whose value is already final — in as
 * few commands as the search finds. Applied in order, they leave each cell exactly as formatValue says.
 */
export function planFormats(styleAt: (r: number, c: number) => StylePlan | undefined, height: number, width: number): FormatCommand[] {
  const styles: (StylePlan | undefined)[][] = [];
  for (let r = 0; r < height; r++) {
    const row: (StylePlan | undefined)[] = [];
    for (let c = 0; c < width; c++) row.push(styleAt(r, c));
    styles.push(row);
  }
  const out: FormatCommand[] = [];
  const whole: CellRect = { r: 0, c: 0, rows: height, cols: width };
  for (const prop of FORMAT_PROPS) {
    const grid = styles.map((row) => row.map((s) => formatValue(s, prop)));
    // Number formats go as arrays as large as their rectangle: painting over cells would cost bytes.
    const layered = prop !== 'numFmt' && prop !== 'border';
    const base = DEFAULTS[prop];
    let best = { base, rects: cover(grid, base, layered) };
    if (RESETTABLE.has(prop)) {
      for (const v of distinct(grid)) {
        if (v === base) continue;
        const rects = cover(grid, v, layered);
        if (rects.length + 1 < best.rects.length) best = { base: v, rects };
      }
    }
    if (best.base !== base) out.push({ rect: whole, prop, value: best.base });
    for (const { rect, value } of best.rects) out.push({ rect, prop, value });
  }
  return out;
}

function distinct(grid: FormatValue[][]): FormatValue[] {
  const seen = new Set<FormatValue>();
  for (const row of grid) for (const v of row) seen.add(v);
  return Array.from(seen);
}

type Painted = { rect: CellRect; value: FormatValue }[];

/**
 * Rectangles, in painting order, that give every cell whose value is not `base` its value: the
 * fewest found by exact covers (disjoint rectangles of one value) and, when `layered`, by painting
 * the values in each order (all orders up to four values), a later value over an earlier one.
 */
function cover(grid: FormatValue[][], base: FormatValue, layered: boolean): Painted {
  let best = exact(grid, base, false);
  const alt = exact(grid, base, true);
  if (alt.length < best.length) best = alt;
  const values = distinct(grid).filter((v) => v !== base);
  if (!layered || values.length < 2 || best.length <= values.length) return best;
  const counts = new Map<FormatValue, number>();
  for (const row of grid) for (const v of row) counts.set(v, (counts.get(v) ?? 0) + 1);
  const orders = values.length <= 4
    ? permutations(values)
    : [values.slice().sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0)), values.slice().sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0))];
  for (const order of orders) {
    for (const columnsFirst of [false, true]) {
      const p = paint(grid, base, order, columnsFirst);
      if (p.length < best.length) best = p;
    }
  }
  return best;
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** Disjoint rectangles of equal value covering every cell whose value is not `base` (greedy sweep). */
function exact(grid: FormatValue[][], base: FormatValue, columnsFirst: boolean): Painted {
  const out: Painted = [];
  const values = distinct(grid).filter((v) => v !== base);
  const done = grid.map((row) => row.map(() => false));
  // One value at a time: its rectangles may not take cells of any other value.
  for (const v of values) {
    out.push(...sweep(grid, columnsFirst, (x) => (x === v ? 'own' : 'no'), v, done));
  }
  return out;
}

/** Values painted in `order`: a value's rectangles may take cells of values painted after it. */
function paint(grid: FormatValue[][], base: FormatValue, order: FormatValue[], columnsFirst: boolean): Painted {
  const rank = new Map<FormatValue, number>(order.map((v, i) => [v, i]));
  rank.set(base, -1);
  const out: Painted = [];
  const done = grid.map((row) => row.map(() => false));
  order.forEach((v, i) => {
    out.push(...sweep(grid, columnsFirst, (x) => (x === v ? 'own' : (rank.get(x) ?? -1) > i ? 'over' : 'no'), v, done));
  });
  return out;
}

/**
 * Greedy: from each cell of value v not yet covered, the rectangle (growing along the row, or the
 * column, then across) that covers the most such cells, over cells `kind` allows.
 */
function sweep(grid: FormatValue[][], columnsFirst: boolean, kind: (x: FormatValue) => 'own' | 'over' | 'no', v: FormatValue, done: boolean[][]): Painted {
  const height = grid.length;
  const width = height ? grid[0].length : 0;
  const [outer, inner] = columnsFirst ? [width, height] : [height, width];
  const at = (o: number, i: number): FormatValue => (columnsFirst ? grid[i][o] : grid[o][i]);
  const isDone = (o: number, i: number): boolean => (columnsFirst ? done[i][o] : done[o][i]);
  const ok = (o: number, i: number): boolean => kind(at(o, i)) !== 'no';
  const gain = (o: number, i: number): number => (kind(at(o, i)) === 'own' && !isDone(o, i) ? 1 : 0);
  const out: Painted = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      if (at(o, i) !== v || isDone(o, i)) continue;
      let best = { len: 1, depth: 1, gain: -1, area: 0 };
      let depth = Infinity;
      let sum = 0;
      for (let len = 1; i + len - 1 < inner && ok(o, i + len - 1); len++) {
        // How far down (across) this strip's new column (row) stays allowed.
        let d = 0;
        while (o + d < outer && d < depth && ok(o + d, i + len - 1)) d++;
        if (d < depth) {
          depth = d;
          sum = 0;
          for (let k = i; k < i + len; k++) for (let e = 0; e < depth; e++) sum += gain(o + e, k);
        } else {
          for (let e = 0; e < depth; e++) sum += gain(o + e, i + len - 1);
        }
        if (sum > best.gain || (sum === best.gain && len * depth > best.area)) best = { len, depth, gain: sum, area: len * depth };
      }
      for (let e = 0; e < best.depth; e++) {
        for (let k = i; k < i + best.len; k++) {
          if (at(o + e, k) === v) {
            if (columnsFirst) done[k][o + e] = true;
            else done[o + e][k] = true;
          }
        }
      }
      out.push({
        value: v,
        rect: columnsFirst ? { r: i, c: o, rows: best.len, cols: best.depth } : { r: o, c: i, rows: best.depth, cols: best.len },
      });
    }
  }
  return out;
}
