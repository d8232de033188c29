/**
 * A planned workbook written as `okr-workbook new` writes it (the package engine), for tests that build
 * their own plan: as bytes, or loaded into ExcelJS to look at or to type into like a person.
 */
import ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../src/templates/plan';
import { writeNewWorkbook } from '../../src/xlsx/package/new-package';

export function planBytes(plan: WorkbookPlan, password?: string): Promise<Buffer> {
  return writeNewWorkbook(plan, password);
}

export async function planWorkbook(plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's load signature wants its own Buffer type; a Node Buffer is what it reads.
  await wb.xlsx.load((await planBytes(plan)) as unknown as ExcelJS.Buffer);
  return wb;
}
