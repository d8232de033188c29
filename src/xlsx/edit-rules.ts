import type ExcelJS from 'exceljs';
import { parseAddr } from '../templates/a1';
import type { RulesReplace } from '../templates/edits';
import type { NamePlan } from '../templates/plan';
import { addConditionalFormat, addValidation } from './write';

/**
 * The parts of a workbook edit that go beyond cells, for ExcelJS: named ranges (re)defined and a
 * card's validations and conditional formats replaced (the organisation update and the template
 * upgrade). Kept apart from the cell writes in edit.ts.
 */

interface Rect { r1: number; c1: number; r2: number; c2: number }

function rectOf(range: string): Rect {
  const [a, b = a] = range.replace(/\$/g, '').split(':');
  const p = parseAddr(a);
  const q = parseAddr(b);
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** A ref such as "C7:C26" or several separated by spaces ("B3:B3 D3:D3"), as ExcelJS keeps them. */
function refIntersects(ref: string, area: Rect): boolean {
  return ref.split(/\s+/).filter(Boolean).some((part) => /^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(part) && intersects(rectOf(part), area));
}

/** Each name points at its new reference; an existing definition of the name is dropped first. */
export function defineNamesXlsx(wb: ExcelJS.Workbook, names: NamePlan[]): void {
  // ExcelJS keeps defined names as one cell matrix per name, which its typings omit.
  const holder = wb.definedNames as unknown as { matrixMap: Record<string, unknown> };
  for (const n of names) {
    delete holder.matrixMap[n.name];
    wb.definedNames.add(`'${n.sheet.replace(/'/g, "''")}'!${n.ref}`, n.name);
  }
}

/** Clears every validation and conditional format touching each range, then adds the planned ones. */
export function replaceRulesXlsx(ws: ExcelJS.Worksheet, r: RulesReplace): void {
  const area = rectOf(r.range);
  // ExcelJS keeps validations as a map from address (or range) to rule, which its typings omit.
  const holder = ws as unknown as { dataValidations?: { model: Record<string, unknown> } };
  const model = holder.dataValidations?.model;
  if (model) for (const key of Object.keys(model)) if (refIntersects(key, area)) delete model[key];
  ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) => !refIntersects(cf.ref, area));
  for (const v of r.validations) addValidation(ws, v);
  // The list of a sheet's conditional formats is not in ExcelJS's typings either.
  const list = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
  const priorities = list.flatMap((cf) => cf.rules.map((rule) => rule.priority ?? 0));
  const start = Math.max(0, ...priorities);
  r.conditionalFormats.forEach((cf, i) => addConditionalFormat(ws, cf, start + i + 1));
}
