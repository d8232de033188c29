/**
 * A new worksheet part rendered straight from its SheetPlan (update's new cards, the lock snapshot,
 * the review and chart sheets): cells, column widths, merges, freeze panes, validations, conditional
 * formats, protection, tab colour and page setup — what the ExcelJS generator writes for the same
 * plan, with its styles interned in the target's styles part.
 */
import { addr, colLetter, parseAddr } from '../../templates/a1';
import { printSetup, type PlanCell, type SheetPlan, type StyleId } from '../../templates/plan';
import { sharedFormulaLayout } from '../../templates/shared-formulas';
import { contentOf, type SharedStrings } from './cell-xml';
import { NS } from './names';
import { condFormatXml, validationXml, type Q } from './rules-xml';
import type { StylesPart } from './styles-part';
import { startTag } from './xml-text';

export function renderSheetXml(plan: SheetPlan, styles: StylesPart, xfOf: (id: StyleId) => number, protection: [string, string][] | undefined, strings?: SharedStrings): { xml: string; formulaRefs: string[] } {
  const q: Q = (l) => l;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">`);
  const pr = (plan.tabColor ? `<tabColor rgb="FF${plan.tabColor}"/>` : '') + (printSetup(plan) ? '<pageSetUpPr fitToPage="1"/>' : '');
  if (pr) out.push(`<sheetPr>${pr}</sheetPr>`);
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  out.push(`<dimension ref="A1:${colLetter(width)}${Math.max(1, plan.rows.length)}"/>`);
  out.push('<sheetViews><sheetView workbookViewId="0">');
  if (plan.freeze && (plan.freeze.rows || plan.freeze.cols)) {
    const { rows, cols } = plan.freeze;
    const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
    const attrs: [string, string][] = [];
    if (cols) attrs.push(['xSplit', String(cols)]);
    if (rows) attrs.push(['ySplit', String(rows)]);
    attrs.push(['topLeftCell', addr(rows + 1, cols + 1)], ['activePane', pane], ['state', 'frozen']);
    out.push(startTag('pane', attrs, true), `<selection pane="${pane}"/>`);
  }
  out.push('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>');
  const cols = plan.colWidths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : '')).join('');
  if (cols) out.push(`<cols>${cols}</cols>`);
  out.push('<sheetData>');
  const formulaRefs: string[] = [];
  const shared = sharedFormulaLayout(plan.rows);
  mergedLikeFirst(plan).forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const content = contentOf(cell, q, shared.get(addr(r + 1, c + 1)), strings);
      if (content?.formula) formulaRefs.push(addr(r + 1, c + 1));
      const attrs: [string, string][] = [['r', addr(r + 1, c + 1)]];
      const s = cell.s ? xfOf(cell.s) : 0;
      if (s) attrs.push(['s', String(s)]);
      if (content?.t) attrs.push(['t', content.t]);
      cells.push(content?.inner ? `${startTag('c', attrs)}${content.inner}</c>` : startTag('c', attrs, true));
    });
    const height = plan.rowHeights?.[r + 1];
    const rowAttrs = height ? ` ht="${height}" customHeight="1"` : '';
    if (cells.length) out.push(`<row r="${r + 1}"${rowAttrs}>${cells.join('')}</row>`);
  });
  out.push('</sheetData>');
  if (plan.protect && protection) out.push(startTag('sheetProtection', protection, true));
  if (plan.merges.length) out.push(`<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  plan.conditionalFormats.forEach((cf, i) => out.push(condFormatXml(cf, i + 1, styles, q)));
  if (plan.validations.length) out.push(`<dataValidations count="${plan.validations.length}">${plan.validations.map((v) => validationXml(v, q)).join('')}</dataValidations>`);
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (printSetup(plan)) out.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  out.push('</worksheet>');
  return { xml: out.join(''), formulaRefs };
}

/**
 * The rows with every cell a merge covers styled like the merge's first cell, as Excel keeps them: Excel
 * draws a merged area's borders from the cells along its edges, so a bordered label merged across
 * D2:F2 would otherwise lose its right edge. Only covered cells the plan leaves empty are added.
 */
function mergedLikeFirst(plan: SheetPlan): (PlanCell | null)[][] {
  if (!plan.merges.length) return plan.rows;
  const rows = plan.rows.map((row) => [...row]);
  for (const m of plan.merges) {
    const [a, b = a] = m.split(':').map(parseAddr);
    const style = plan.rows[a.row - 1]?.[a.col - 1]?.s;
    if (!style) continue;
    for (let r = a.row; r <= b.row; r++) {
      while (rows.length < r) rows.push([]);
      const row = rows[r - 1];
      for (let c = a.col; c <= b.col; c++) {
        if (r === a.row && c === a.col) continue;
        while (row.length < c) row.push(null);
        if (!row[c - 1]) row[c - 1] = { s: style };
      }
    }
  }
  return rows;
}
