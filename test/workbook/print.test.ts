/**
 * #11 item 8: every visible sheet prints on A4 landscape, one page wide, its header rows repeated —
 * in a generated workbook (file adapter), on sheets an edit adds to a live file (package edit), and
 * through Office.js (in-memory Excel). LibreOffice prints the workbook to PDF to show the pages.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { applyPlan } from '../../src/office/apply-plan';
import { buildWorkbook } from '../../src/templates/build';
import { cli, newExample, openXlsx, ORG } from '../lifecycle/helpers';
import { itWith } from '../support/tools';
import { CYCLE, loadExample, tempDir } from './build-fixture';

type Ws = Awaited<ReturnType<typeof openXlsx>>['worksheets'][number];

function printOf(ws: Ws) {
  const p = ws.pageSetup;
  const frozen = (ws.views ?? []).find((v) => v.state === 'frozen') as { ySplit?: number } | undefined;
  return {
    sheet: ws.name, orientation: p.orientation, paperSize: p.paperSize, fitToPage: p.fitToPage, fitToWidth: p.fitToWidth, fitToHeight: p.fitToHeight,
    titles: p.printTitlesRow ?? '', frozen: frozen?.ySplit ? `1:${frozen.ySplit}` : '',
  };
}
const expected = (p: ReturnType<typeof printOf>) => ({ ...p, orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, titles: p.frozen });

describe('print setup on every visible sheet', () => {
  let dir: string;
  let book: string;
  beforeAll(async () => {
    dir = await tempDir('print');
    book = await newExample(dir);
  });

  it('okr-workbook new: A4 landscape, one page wide, the frozen header rows repeated on each page', async () => {
    const wb = await openXlsx(book);
    const visible = wb.worksheets.filter((ws) => ws.state === 'visible');
    expect(visible.length).toBeGreaterThan(40);
    for (const ws of visible) expect(printOf(ws)).toEqual(expected(printOf(ws)));
    // The guide and the review sheet, which printed 2–7 pages wide, and a card: headers repeat.
    expect(['说明', '月（季）绩效回顾表', '个人-刘洋'].map((n) => printOf(wb.getWorksheet(n)!).titles)).toEqual(['', '1:4', '1:6']);
  });

  it('sheets an edit adds to a live file print the same way, and the sheets already there keep theirs', async () => {
    const org = path.join(dir, 'org-new-person.csv');
    await fs.writeFile(org, `${await fs.readFile(ORG, 'utf8')}技术部,新同事,测试工程师,王志强,\n`);
    const out = path.join(dir, 'updated.xlsx');
    expect(await cli('update', book, '--org', org, '--out', out)).toMatchObject({ code: 0 });
    const wb = await openXlsx(out);
    const added = wb.worksheets.find((ws) => ws.name.includes('新同事'))!;
    expect(printOf(added)).toEqual({ ...expected(printOf(added)), titles: '1:6' });
    expect(printOf(wb.getWorksheet('月（季）绩效回顾表')!).titles).toBe('1:4');
    expect(printOf(wb.getWorksheet('个人-刘洋')!).titles).toBe('1:6');
  });

  it('through Office.js: every visible sheet gets the same page layout; the hidden snapshot keeps Excel\'s defaults', async () => {
    const ex = await loadExample();
    const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    await fake.run((ctx) => applyPlan(ctx, plan));
    for (const s of plan.sheets) {
      const layout = fake.workbookState.sheet(s.name).pageLayout;
      const rows = s.freeze?.rows ?? 0;
      expect({ sheet: s.name, ...layout }).toEqual({
        sheet: s.name, orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: rows ? `$1:$${rows}` : null,
      });
    }
  });

  itWith('soffice')('LibreOffice prints each sheet one page wide: the guide and the review sheet are one page each, not 2–7', async () => {
    const pdfDir = path.join(dir, 'pdf');
    await fs.mkdir(pdfDir, { recursive: true });
    // Only the guide and the review sheet: a copy of the book with the others removed.
    const wb = await openXlsx(book);
    for (const ws of [...wb.worksheets]) if (!['说明', '月（季）绩效回顾表'].includes(ws.name)) wb.removeWorksheet(ws.id);
    const two = path.join(pdfDir, 'two.xlsx');
    await wb.xlsx.writeFile(two);
    await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${pdfDir}/profile`, '--convert-to', 'pdf', '--outdir', pdfDir, two], { timeout: 120_000 });
    const { stdout } = await promisify(execFile)('pdfinfo', [path.join(pdfDir, 'two.pdf')]);
    const pages = Number(/Pages:\s+(\d+)/.exec(stdout)![1]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(stdout)!;
    expect(Number(size[1])).toBeGreaterThan(Number(size[2])); // landscape
    expect(Math.round(Number(size[1]))).toBe(842); // A4's long side, in points
    expect(pages).toBeLessThanOrEqual(3);
  }, 180_000);
});
