import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { DEFAULT_SETTINGS, type Lang } from '../../src/domain/model';
import { applyPlan } from '../../src/office/apply-plan';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { buildWorkbook } from '../../src/templates/build';
import { readXlsxBook } from '../../src/xlsx/read';
import { createFakeExcel, type FakeExcel, type FakeExcelOptions } from '@okr-workbook/fake-excel';
import { CYCLE, loadExample, ROOT } from '../workbook/build-fixture';

export const ORG = path.join(ROOT, 'examples/org.csv');
export const OKRS = path.join(ROOT, 'examples/okrs.csv');

export interface CliRun { code: number; out: string; err: string }

/** Runs the command line in-process. */
export async function cli(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'okr-workbook', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The example workbook (36 people, 6 departments, their OKRs) written by `okr-workbook new`. */
export async function newExample(dir: string, name = 'book.xlsx', lang: Lang = 'zh-CN'): Promise<string> {
  const file = path.join(dir, name);
  const r = await cli('new', '--org', ORG, '--okrs', OKRS, '--cycle', '2026-Q4', '--out', file, '--lang', lang);
  if (r.code !== 0) throw new Error(r.err);
  return file;
}

export async function openXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Edits a file the way a person does in Excel: opens it, changes cells, saves it. */
export async function editFile(file: string, out: string, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const wb = await openXlsx(file);
  await edit(wb);
  await wb.xlsx.writeFile(out);
  return out;
}

export async function readBookOf(file: string) {
  return readXlsxBook(await fs.readFile(file));
}

const SIGN_LABELS = ['员工签字', '部门负责人签字', '上级签字', '总经理签字', 'Employee', 'Department head', 'Manager', 'General manager'];

/** Signs every card (employee and manager) so that AGREED holds before the lock. */
export function signAll(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) => {
      if (SIGN_LABELS.includes(String(row.getCell(1).value ?? ''))) ws.getCell(r, 2).value = '签字人';
    });
  }
}

/**
 * The example in the in-memory Excel as it is at quarter end when all went by the rules: every
 * card signed, the quarter locked (on 2026-10-20), so scoring needs no override.
 */
export async function lockedFake(lang: Lang = 'zh-CN', options: FakeExcelOptions = {}): Promise<FakeExcel> {
  const fake = await fakeExample(lang, options);
  const st = fake.workbookState;
  for (const name of st.sheetNames()) {
    st.sheet(name).values('A1:A200').forEach((row, i) => {
      if (SIGN_LABELS.includes(String(row[0]))) st.externalEdit(name, `B${i + 1}`, '签字人');
    });
  }
  const r = await createLifecycleActions(fake.run, () => '2026-10-20').lock({ lang });
  if (r.status !== 'locked') throw new Error(`the signed example does not lock: ${JSON.stringify(r)}`);
  fake.stats.reset();
  return fake;
}

/** The example generated into the in-memory Excel (the add-in's own adapter). */
export async function fakeExample(lang: Lang = 'zh-CN', options: FakeExcelOptions = {}): Promise<FakeExcel> {
  const ex = await loadExample(lang);
  const { plan } = buildWorkbook({ lang, cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
  const fake = createFakeExcel({ sheets: ['Sheet1'], ...options });
  await fake.run((ctx) => applyPlan(ctx, plan));
  return fake;
}

/** Row numbers of a sheet whose column A holds `text`. */
export function rowsWith(ws: ExcelJS.Worksheet, col: number, text: string): number[] {
  const out: number[] = [];
  ws.eachRow((row, r) => { if (String(row.getCell(col).value ?? '') === text) out.push(r); });
  return out;
}

export const exists = (f: string) => fs.stat(f).then(() => true, () => false);

/** Requests that changed the workbook (anything but loads): the edit appliers send exactly one. */
export function writeRequests(log: { summary: string[] }[]): number {
  return log.filter((l) => l.summary.some((s) => /^(set|call) /.test(s))).length;
}
