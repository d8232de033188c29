/**
 * #11 item 8: wrapped notes and two-line headers read whole. A note wrapped in one narrow cell showed
 * only its last line (`here too.`) on 设置, the review sheet, 结果运用, 变更记录 and the action plan,
 * and `Requested by` lost its second line. Now each note spans its table, and every row whose header,
 * note or guide text wraps gets the height it needs — in the plan, so the file writer, the package edit
 * and Office.js all write it. LibreOffice prints the sheets to PDF, and the PDF's text holds every note
 * and header whole.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { DEFAULT_SETTINGS, type Lang } from '../../src/domain/model';
import { applyPlan } from '../../src/office/apply-plan';
import { buildWorkbook } from '../../src/templates/build';
import { parseAddr } from '../../src/templates/a1';
import type { SheetPlan, WorkbookPlan } from '../../src/templates/plan';
import { wrappedLines } from '../../src/templates/row-heights';
import { planWorkbook } from '../support/plan-file';
import { renderSheetXml } from '../../src/xlsx/package/sheet-render';
import { StylesPart } from '../../src/xlsx/package/styles-part';
import { attr, children, child, parseXml } from '../../src/xlsx/package/xml-tree';
import { openXlsx } from '../lifecycle/helpers';
import { itWith } from '../support/tools';
import { CYCLE, loadExample, tempDir } from './build-fixture';

const TABLES = ['settings', 'actions', 'review', 'register', 'changeLog'] as const;
const TEXT_SHEETS = ['guide', ...TABLES];
const FITTED = ['header', 'note', 'text'];
/** Points one line of the 10 pt workbook font needs (Excel's default row is 15 for one line). */
const LINE = 13;

async function planOf(lang: Lang): Promise<WorkbookPlan> {
  return buildWorkbook({ lang, cycle: CYCLE, settings: DEFAULT_SETTINGS, ...(await loadExample(lang)) }).plan;
}

/** The columns a cell spans: its own, or its single-row merge's. */
function spanWidth(s: SheetPlan, r: number, c: number): number {
  const m = s.merges.map((x) => x.split(':').map(parseAddr)).find(([a, b = a]) => a.row === r && a.col === c && b.row === r);
  const last = m ? (m[1] ?? m[0]).col : c;
  let w = 0;
  for (let k = c; k <= last; k++) w += s.colWidths[k - 1] ?? 8.43;
  return w;
}

/** Every header, note and guide text that needs more lines than its row's height gives it. */
function clipped(s: SheetPlan): string[] {
  const out: string[] = [];
  s.rows.forEach((row, i) => (row ?? []).forEach((cell, j) => {
    if (!cell || typeof cell.v !== 'string' || !FITTED.includes(cell.s ?? '')) return;
    const lines = wrappedLines(cell.v, spanWidth(s, i + 1, j + 1), cell.s === 'header');
    const height = s.rowHeights?.[i + 1] ?? 15;
    if (lines * LINE > height) out.push(`${s.name}!R${i + 1}C${j + 1} needs ${lines} lines, row is ${height} pt: "${cell.v.slice(0, 30)}"`);
  }));
  return out;
}

describe.each<Lang>(['zh-CN', 'en-US'])('wrapped notes and headers read whole (%s)', (lang) => {
  let plan: WorkbookPlan;
  beforeAll(async () => { plan = await planOf(lang); });

  it('each note spans its whole table instead of wrapping in column A', () => {
    for (const kind of TABLES) {
      const s = plan.sheets.find((x) => x.kind === kind)!;
      const noteAt = s.rows.flatMap((row, i) => (row ?? []).map((c, j) => (c?.s === 'note' ? [i + 1, j + 1] : null))).find(Boolean)!;
      const merge = s.merges.find((m) => m.startsWith(`${String.fromCharCode(64 + noteAt[1])}${noteAt[0]}:`));
      expect({ kind, merge: merge !== undefined }).toEqual({ kind, merge: true });
      const [, end] = merge!.split(':').map(parseAddr);
      // The note reaches at least the table's last header column.
      const header = s.rows.findIndex((row) => (row ?? []).some((c) => c?.s === 'header'));
      const headerCols = (s.rows[header] ?? []).filter((c) => c?.s === 'header').length;
      expect(end.col).toBeGreaterThanOrEqual(Math.min(headerCols, 10));
    }
  });

  it('every header, note and guide line on the guide, 设置, the action plan, the review, 结果运用 and 变更记录 has the height it needs', () => {
    const sheets = plan.sheets.filter((s) => TEXT_SHEETS.includes(s.kind));
    expect(sheets.map((s) => s.kind).sort()).toEqual([...TEXT_SHEETS].sort());
    expect(sheets.flatMap(clipped)).toEqual([]);
    // Some rows do wrap (the review's headers, 变更记录's note in English), so heights are written.
    expect(sheets.some((s) => Object.keys(s.rowHeights ?? {}).length > 0)).toBe(true);
  });

  it('no header word breaks in the middle, and rows people type into keep Excel\'s automatic height', () => {
    for (const s of plan.sheets.filter((x) => !x.hidden)) {
      s.rows.forEach((row, i) => (row ?? []).forEach((c, j) => {
        if (c?.s !== 'header' || typeof c.v !== 'string' || j >= s.colWidths.length) return;
        for (const word of c.v.split(/\s+/u)) expect({ at: `${s.name}!R${i + 1}C${j + 1}`, word, lines: wrappedLines(word, s.colWidths[j], true) }).toEqual({ at: `${s.name}!R${i + 1}C${j + 1}`, word, lines: 1 });
      }));
      for (const r of Object.keys(s.rowHeights ?? {}).map(Number)) {
        const inputs = (s.rows[r - 1] ?? []).filter((c) => c?.s?.startsWith('input'));
        expect({ sheet: s.name, row: r, inputs: inputs.length }).toEqual({ sheet: s.name, row: r, inputs: 0 });
      }
    }
  });
});

describe('the heights reach the workbook through every writer', () => {
  let plan: WorkbookPlan;
  let log: SheetPlan;
  beforeAll(async () => {
    plan = await planOf('en-US');
    log = plan.sheets.find((s) => s.kind === 'changeLog')!;
  });

  it('the file writer (okr-workbook new) writes each height, and the note\'s merge', async () => {
    expect(log.rowHeights?.[2]).toBeGreaterThan(15);
    expect(log.rowHeights?.[4]).toBeGreaterThan(15); // `Requested by` on two lines
    const dir = await tempDir('row-heights');
    const file = path.join(dir, 'book.xlsx');
    await (await planWorkbook(plan)).xlsx.writeFile(file);
    const ws = (await openXlsx(file)).getWorksheet(log.name)!;
    expect([ws.getRow(2).height, ws.getRow(4).height, ws.getRow(5).height]).toEqual([log.rowHeights![2], log.rowHeights![4], undefined]);
    expect(ws.getCell('J2').isMerged).toBe(true);
  });

  it('the package edit writes the height as a custom row height', () => {
    const styles = new StylesPart('xl/styles.xml', '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs></styleSheet>');
    const { xml } = renderSheetXml(log, styles, () => 0, undefined);
    const doc = parseXml(xml, 'sheet.xml');
    const rows = children(child(doc.root, 'sheetData')!, 'row');
    const at = (r: number) => rows.find((x) => attr(x, 'r') === String(r))!;
    expect([attr(at(2), 'ht'), attr(at(2), 'customHeight')]).toEqual([String(log.rowHeights![2]), '1']);
    expect(attr(at(5), 'ht')).toBeUndefined();
    expect(children(child(doc.root, 'mergeCells')!, 'mergeCell').map((m) => attr(m, 'ref'))).toContain('A2:J2');
  });

  it('Office.js (in-memory Excel) sets each row height in points', async () => {
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    await fake.run((ctx) => applyPlan(ctx, plan));
    for (const s of plan.sheets.filter((x) => x.rowHeights)) {
      const ws = fake.workbookState.sheet(s.name);
      for (const [r, h] of Object.entries(s.rowHeights!)) expect({ sheet: s.name, r, h: ws.rowHeight(Number(r)) }).toEqual({ sheet: s.name, r, h });
    }
    expect(fake.workbookState.sheet(log.name).rowHeight(5)).toBe(15);
  });
});

describe('LibreOffice shows every note and header whole', () => {
  itWith('soffice').each<Lang>(['zh-CN', 'en-US'])('%s: the PDF of the guide, 设置 and the four tables holds each note and header text, not only its last line', async (lang) => {
    const plan = await planOf(lang);
    const keep = plan.sheets.filter((s) => TEXT_SHEETS.includes(s.kind));
    const dir = await tempDir(`row-heights-pdf-${lang}`);
    const file = path.join(dir, 'text-sheets.xlsx');
    await (await planWorkbook({ ...plan, sheets: keep, names: [] })).xlsx.writeFile(file);
    await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 180_000 });
    // -raw keeps the order LibreOffice draws in, a cell's lines together.
    const { stdout } = await promisify(execFile)('pdftotext', ['-raw', path.join(dir, 'text-sheets.pdf'), '-'], { maxBuffer: 64 << 20 });
    // Wrapping puts line breaks anywhere in a text; compare without any white space.
    const flat = (s: string) => s.replace(/\s+/gu, '');
    const printed = flat(stdout);
    const missing = keep.flatMap((s) => s.rows.flatMap((row) => (row ?? [])
      .filter((c) => c && typeof c.v === 'string' && (c.s === 'note' || c.s === 'header'))
      .map((c) => String(c!.v))
      .filter((v) => !printed.includes(flat(v)))
      .map((v) => `${s.name}: ${v}`)));
    expect(missing).toEqual([]);
    await fs.rm(dir, { recursive: true, force: true });
  }, 240_000);
});
