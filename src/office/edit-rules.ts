import type { WorkbookEdit } from '../templates/edits';
import { addConditionalFormat, addValidation } from './apply-plan';

/**
 * The parts of a workbook edit that go beyond cells, queued in the edit's one request: a card's
 * validations and conditional formats replaced (the template upgrade), tab colours (a departed card
 * greyed) and named ranges redefined (the staff list grew). The sheets are unprotected at this point (see edit.ts).
 *
 * `existingNames` are the workbook's defined names as read before planning: an existing name is
 * deleted and added again, because NamedItem's reference cannot be changed at ExcelApi 1.9, and a
 * request must not ask for a name that is not there (Excel stops the request at the first error).
 */
export function queueRulesAndNames(context: Excel.RequestContext, edit: WorkbookEdit, existingNames: readonly string[]): void {
  const wb = context.workbook;
  for (const r of edit.rules) {
    const range = wb.worksheets.getItem(r.sheet).getRange(r.range);
    range.dataValidation.clear();
    range.conditionalFormats.clearAll();
    const ws = wb.worksheets.getItem(r.sheet);
    for (const v of r.validations) addValidation(ws.getRange(v.range), v);
    // In the plan's order, as a generated card gets them (apply-plan.ts).
    for (const cf of r.conditionalFormats) addConditionalFormat(ws.getRange(cf.range), cf);
  }
  // '' takes a tab's colour away (Office.js: "an empty string … removes the tab color").
  for (const t of edit.tabColors) wb.worksheets.getItem(t.sheet).tabColor = t.color ? `#${t.color}` : '';
  const existing = new Set(existingNames.map((n) => n.toLowerCase()));
  for (const n of edit.names) {
    if (existing.has(n.name.toLowerCase())) wb.names.getItem(n.name).delete();
    wb.names.add(n.name, `='${n.sheet.replace(/'/g, "''")}'!${n.ref}`);
  }
}
