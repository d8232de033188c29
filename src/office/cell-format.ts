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
  if (s.hAlign) format.horizontalAlignment = s.hAlign === 'left' ? 'Left' : s.hAlign === 'center' ? 'Center' : 'Right';
  if (s.vAlign) format.verticalAlignment = s.vAlign === 'top' ? 'Top' : s.vAlign === 'middle' ? 'Center' : 'Bottom';
  if (s.wrap) format.wrapText = true;
  if (s.border) {
    const edge = { style: 'Continuous', color: '#BFBFBF' } as Excel.CellBorder;
    format.borders = { top: edge, bottom: edge, left: edge, right: edge };
  }
  return { format };
}

/** Excel column widths: the plan counts characters (as .xlsx files do), Office.js takes points. */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
