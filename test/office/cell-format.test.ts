import { parseCycle } from '../../src/domain/cycle';
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { generateOrganisation, prng } from '../support/synthetic';
import { applyPlan } from '../../src/office/apply-plan';
import { FORMAT_PROPS, formatValue, planFormats, type FormatValue } from '../../src/office/cell-format';
import { buildWorkbook } from '../../src/templates/build';
import type { PlanCell, SheetPlan, StyleId, WorkbookPlan } from '../../src/templates/plan';
import { STYLES } from '../../src/templates/styles';
import { createFakeExcel } from '@okr-workbook/fake-excel';

const IDS = Object.keys(STYLES) as StyleId[];

/** A grid of styles in blocks and stripes, like a card, with some noise and some unstyled cells. */
function randomGrid(seed: number, height: number, width: number): (StyleId | undefined)[][] {
  const rnd = prng(seed);
  const pick = () => (rnd() < 0.15 ? undefined : IDS[Math.floor(rnd() * IDS.length)]);
  const cols = Array.from({ length: width }, pick);
  const stripe = Array.from({ length: width }, pick);
  return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => {
    if (rnd() < 0.1) return pick();
    return r % 4 === 0 ? stripe[c] : cols[c];
  }));
}

describe('formats per rectangle', () => {
  it('painted in order, the commands give every cell the value of its style, and only that', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const height = 3 + (seed % 17);
      const width = 2 + ((seed * 7) % 13);
      const ids = randomGrid(seed, height, width);
      const commands = planFormats((r, c) => (ids[r][c] ? STYLES[ids[r][c]!] : undefined), height, width);
      for (const prop of FORMAT_PROPS) {
        const painted: FormatValue[][] = ids.map((row) => row.map(() => formatValue(undefined, prop)));
        for (const cmd of commands.filter((x) => x.prop === prop)) {
          for (let r = cmd.rect.r; r < cmd.rect.r + cmd.rect.rows; r++) for (let c = cmd.rect.c; c < cmd.rect.c + cmd.rect.cols; c++) painted[r][c] = cmd.value;
        }
        const want = ids.map((row) => row.map((id) => formatValue(id ? STYLES[id] : undefined, prop)));
        expect({ seed, prop, painted }).toEqual({ seed, prop, painted: want });
      }
      // Font colours and borders are only ever added, never written over a cell that keeps the default.
      for (const cmd of commands.filter((x) => x.prop === 'fontColor' || x.prop === 'border')) {
        for (let r = cmd.rect.r; r < cmd.rect.r + cmd.rect.rows; r++) for (let c = cmd.rect.c; c < cmd.rect.c + cmd.rect.cols; c++) {
          expect(formatValue(ids[r][c] ? STYLES[ids[r][c]!] : undefined, cmd.prop)).not.toBe(formatValue(undefined, cmd.prop));
        }
      }
    }
  });

  it('an individual card takes about 120 format commands, against one format object per cell before', () => {
    const book = generateOrganisation(10, 1);
    const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: parseCycle('2026-Q4')!, settings: DEFAULT_SETTINGS, ...book });
    const card = plan.sheets.find((x) => x.kind === 'individualCard')!;
    const width = Math.max(...card.rows.map((r) => r.length));
    const commands = planFormats((r, c) => {
      const id = card.rows[r]?.[c]?.s;
      return id ? STYLES[id] : undefined;
    }, card.rows.length, width);
    expect(card.rows.length * width).toBeGreaterThan(600);
    expect(commands.length).toBeLessThan(140);
  });

  it('through the in-memory Excel, overlapping rectangles land in painting order', async () => {
    for (const seed of [3, 11, 29]) {
      const ids = randomGrid(seed, 12, 9);
      const rows: PlanCell[][] = ids.map((row) => row.map((s) => (s ? { v: 'x', s } : { v: 'x' })));
      const sheet: SheetPlan = { kind: 'guide', key: 'g', name: 'Grid', rows, colWidths: [], merges: [], validations: [], conditionalFormats: [], protect: false };
      const plan: WorkbookPlan = { lang: 'zh-CN', templateVersion: 1, sheets: [sheet], names: [], styles: STYLES };
      const fake = createFakeExcel({ sheets: ['Sheet1'] });
      await fake.run((ctx) => applyPlan(ctx, plan));
      const view = fake.workbookState.sheet('Grid');
      ids.forEach((row, r) => row.forEach((id, c) => {
        const s = id ? STYLES[id] : undefined;
        const cell = view.cell(`${String.fromCharCode(65 + c)}${r + 1}`);
        expect({ seed, r, c, fill: cell.fillColor ?? '', locked: cell.locked, numFmt: cell.numberFormat, wrap: cell.wrapText, v: cell.verticalAlignment, h: cell.horizontalAlignment, bold: cell.font.bold })
          .toEqual({ seed, r, c, fill: formatValue(s, 'fill'), locked: formatValue(s, 'locked'), numFmt: formatValue(s, 'numFmt'), wrap: formatValue(s, 'wrap'), v: formatValue(s, 'vAlign'), h: formatValue(s, 'hAlign'), bold: formatValue(s, 'bold') });
      }));
    }
  });
});
