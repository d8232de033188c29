import { promises as fs } from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, type Organisation } from '../../src/domain/model';
import { checkBook } from '../../src/i18n/findings';
import { applyPlan } from '../../src/office/apply-plan';
import { createPaneActions } from '../../src/office/pane-actions';
import { buildWorkbook } from '../../src/templates/build';
import { planWorkbook } from '../support/plan-file';
import { readXlsxBook } from '../../src/xlsx/read';
import { createFakeExcel, exportToXlsx } from '@okr-workbook/fake-excel';
import { readValues, recalcXlsx } from '../support/libreoffice';
import { itWith } from '../support/tools';
import { CYCLE, loadExample, tempDir } from '../workbook/build-fixture';

const FOUR_MB = 4 * 1024 * 1024;
const setup = { cycle: CYCLE, lang: 'zh-CN' as const, settings: DEFAULT_SETTINGS };

describe('generating the workbook through Office.js (in-memory Excel)', () => {
  it('writes every sheet of the design in a few batched requests, none near the 5 MB limit', async () => {
    const { org } = await loadExample();
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    const progress: [number, number][] = [];
    const summary = await createPaneActions(fake.run).generate(setup, org, (d, t) => progress.push([d, t]));
    expect(summary.skipped).toBe(false);
    expect(summary.created).toHaveLength(50);
    expect(summary.created.slice(0, 3)).toEqual([{ sheet: '说明', kind: 'guide' }, { sheet: '设置', kind: 'settings' }, { sheet: '目标体系图', kind: 'map' }]);
    expect(fake.workbookState.sheetNames()).toEqual(['Sheet1', ...summary.created.map((c) => c.sheet)]);

    const s = fake.stats;
    // Two reads to find existing OKR sheets, the write batches, one to activate the guide.
    const writeBatches = progress.length;
    expect(progress[progress.length - 1]).toEqual([writeBatches, writeBatches]);
    expect(s.requests).toBe(2 + writeBatches + 1);
    expect(writeBatches).toBeLessThanOrEqual(Math.ceil(s.totalRequestBytes / FOUR_MB) + 1);
    expect(s.maxRequestBytes).toBeLessThan(4.5 * 1024 * 1024);
    // Calculation suspended in every big request; screen updating once, in the operation's first (per request it flickers).
    expect(s.log.filter((r) => r.operations > 100).every((r) => r.suspendedCalculation)).toBe(true);
    const writes = s.log.filter((r) => r.operations > 100);
    expect(writes[0].suspendedScreenUpdating).toBe(true);
    expect(writes.slice(1).some((r) => r.suspendedScreenUpdating)).toBe(false);
    expect(fake.workbookState.activeSheetName()).toBe('说明');
  });

  it('writes the same cells, names, validations, formats and protection as the file adapter', async () => {
    const ex = await loadExample();
    const { plan, cards } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    await fake.run((ctx) => applyPlan(ctx, plan));
    const st = fake.workbookState;
    const card = cards.find((c) => c.card.owner === '刘洋')!;
    const sheet = st.sheet(card.sheet);
    const planned = plan.sheets.find((p) => p.name === card.sheet)!;
    // Every planned formula and value, cell by cell.
    planned.rows.forEach((row, r) => row.forEach((cell, c) => {
      if (!cell) return;
      const got = sheet.formulas(addrOf(r, c))[0][0];
      if (cell.f) expect(got).toBe(`=${cell.f}`);
      else if (cell.v !== null && cell.v !== undefined) expect(sheet.values(addrOf(r, c))[0][0]).toEqual(cell.v);
    }));
    expect(st.names().map((n) => n.name).sort()).toEqual(plan.names.map((n) => n.name).sort());
    expect(st.name('OKR_FairFrom')).toMatchObject({ formula: "='设置'!$C$20" });
    expect(sheet.protection.protected).toBe(true);
    expect(sheet.protection.hasPassword).toBe(false);
    expect(sheet.cell('B7').locked).toBe(false); // objective: an input
    expect(sheet.cell('B3').locked).toBe(true); // card score formula
    expect(sheet.cell('V7').locked).toBe(true); // check cell
    expect(sheet.validations.length).toBe(planned.validations.length);
    expect(sheet.validationAt('C7')).toMatchObject({ rule: { type: 'List', source: '=OKR_Sources' } });
    expect(sheet.conditionalFormats.length).toBe(planned.conditionalFormats.length);
    expect(sheet.merges).toEqual(expect.arrayContaining(['A1:H1']));
    expect(sheet.freeze).toEqual({ rows: 6, cols: 2 });
  });

  it('on a workbook that already has OKR sheets, touches nothing and says so', async () => {
    const { org } = await loadExample();
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    const actions = createPaneActions(fake.run);
    await actions.generate(setup, org, () => undefined);
    fake.workbookState.externalEdit('个人-刘洋', 'B7', '我输入的目标');
    const before = fake.stats.operations;
    const again = await actions.generate(setup, org, () => undefined);
    expect(again).toMatchObject({ skipped: true, created: [] });
    expect(again.reason).toMatch(/已有OKR工作表/);
    expect(fake.workbookState.sheet('个人-刘洋').values('B7')).toEqual([['我输入的目标']]);
    // Only reads happened: loading sheet names and each A1.
    expect(fake.stats.log.slice(-2).every((r) => r.summary.every((s) => !/set|add|protect/i.test(s)))).toBe(true);
    expect(fake.stats.operations - before).toBeLessThan(200);
    expect(await actions.existingOkrSheets()).toHaveLength(50);
  });

  it('keeps names and typed text as data: nothing a person wrote becomes a formula', async () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+SUM(1)', '-1+1', '@cmd', "=cmd|' /C calc'!A0", "'quoted", '001', '2026-12-31'];
    const org: Organisation = {
      departments: [{ name: '技术部', head: hostile[0] }],
      people: hostile.map((name, i) => ({ name, department: '技术部', head: i === 0, manager: i ? hostile[0] : undefined })),
    };
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    await createPaneActions(fake.run).generate(setup, org, () => undefined);
    const settings = fake.workbookState.sheet('设置');
    const staff = settings.values('O4:O11').map((r) => r[0]);
    expect(staff).toEqual(hostile);
    expect(settings.formulas('O4:O11').every((r) => !String(r[0]).startsWith('=') || hostile.includes(String(r[0])))).toBe(true);
    for (const a of ['O4', 'O5', 'O6', 'O7', 'O8']) expect(settings.cell(a).formula ?? null).toBeNull();
    const card = fake.workbookState.sheetNames().find((n) => n.includes('HYPERLINK'))!;
    expect(fake.workbookState.sheet(card).values('B2')).toEqual([[hostile[0]]]);
  });

  it('reports Excel errors as sentences a person understands', async () => {
    const { org } = await loadExample();
    // A request Excel finds too large goes again in halves: with a low limit the workbook is still made.
    const small = createFakeExcel({ sheets: ['Sheet1'], limits: { requestBytes: 100_000 } });
    await createPaneActions(small.run).generate({ ...setup, lang: 'en-US' }, org, () => undefined);
    expect(small.workbookState.sheetNames()).toContain('Settings');
    expect(small.stats.log.filter((l) => l.ok).every((l) => l.bytes <= 100_000)).toBe(true);
    // Only what cannot be halved any more (one operation over the limit) is an error, as a sentence.
    const fake = createFakeExcel({ sheets: ['Sheet1'], limits: { requestBytes: 600 } });
    await expect(createPaneActions(fake.run).generate({ ...setup, lang: 'en-US' }, org, () => undefined)).rejects.toThrow(/Too much data in one request for Excel on the web/);
    const fake2 = createFakeExcel({ sheets: ['Sheet1'] });
    await expect(createPaneActions(fake2.run).validate('zh-CN')).rejects.toThrow(/不是OKR工作簿/);
    await expect(createPaneActions(fake2.run).selectCell('没有这个表', 'A1')).rejects.toThrow(/找不到所需的工作表/);
  });

  it('formats every cell as the file adapter does: fills, fonts, alignment, wrap, number formats, locks and borders', async () => {
    const ex = await loadExample();
    const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    await fake.run((ctx) => applyPlan(ctx, plan));
    const file = await planWorkbook(plan);
    let compared = 0;
    for (const s of plan.sheets) {
      const height = s.rows.length;
      const width = Math.max(0, ...s.rows.map((r) => r.length));
      const view = fake.workbookState.sheet(s.name);
      const ws = file.getWorksheet(s.name)!;
      // Borders as seen: a cell's side is drawn if it or its neighbour across that side has it.
      const views = new Map<string, ReturnType<typeof view.cell>>();
      const cellOf = (a: string) => views.get(a) ?? views.set(a, view.cell(a)).get(a)!;
      const fakeSide = (r: number, c: number, side: Side): string => (r < 0 || c < 0 ? '' : fakeBorder(cellOf(addrOf(r, c)).borders[side]));
      const fileSide = (r: number, c: number, side: Side): string => (r < 0 || c < 0 ? '' : fileBorder(ws.getCell(r + 1, c + 1).style.border?.[side]));
      const seen = (side: (r: number, c: number, x: Side) => string, r: number, c: number) => ({
        top: side(r, c, 'top') || side(r - 1, c, 'bottom'), bottom: side(r, c, 'bottom') || side(r + 1, c, 'top'),
        left: side(r, c, 'left') || side(r, c - 1, 'right'), right: side(r, c, 'right') || side(r, c + 1, 'left'),
      });
      // Cells under a merge are compared too: both adapters give them the style of the merge's first cell.
      for (let r = 0; r < height; r++) {
        for (let c = 0; c < width; c++) {
          const a = addrOf(r, c);
          const got = cellOf(a);
          const st = ws.getCell(r + 1, c + 1).style;
          const styled = !!s.rows[r]?.[c]?.s;
          const fill = st.fill?.type === 'pattern' ? (st.fill.fgColor?.argb ?? null) : null;
          const want = {
            a, fill: fill ? `#${fill.slice(2)}` : null, bold: st.font?.bold === true, italic: st.font?.italic === true,
            color: st.font?.color?.argb ? `#${st.font.color.argb.slice(2)}` : '#000000',
            size: styled ? st.font?.size : undefined, name: styled ? st.font?.name : undefined,
            h: ({ left: 'Left', center: 'Center', right: 'Right' } as Record<string, string>)[st.alignment?.horizontal ?? ''] ?? 'General',
            v: ({ top: 'Top', middle: 'Center', bottom: 'Bottom' } as Record<string, string>)[st.alignment?.vertical ?? ''] ?? 'Bottom',
            wrap: st.alignment?.wrapText === true, numFmt: st.numFmt ?? 'General', locked: st.protection?.locked !== false,
            borders: seen(fileSide, r, c),
          };
          expect({
            a, fill: got.fillColor, bold: got.font.bold, italic: got.font.italic, color: got.font.color,
            size: styled ? got.font.size : undefined, name: styled ? got.font.name : undefined,
            h: got.horizontalAlignment, v: got.verticalAlignment, wrap: got.wrapText, numFmt: got.numberFormat, locked: got.locked,
            borders: seen(fakeSide, r, c),
          }).toEqual(want);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(30_000);
  });

  itWith('soffice')('its workbook, exported and recalculated by LibreOffice, computes what the command line file computes', async () => {
    const ex = await loadExample();
    const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    await fake.run((ctx) => applyPlan(ctx, plan));
    const dir = await tempDir('office-vs-file');
    const fromAddin = path.join(dir, 'addin.xlsx');
    const fromFile = path.join(dir, 'cli.xlsx');
    await fs.writeFile(fromAddin, await exportToXlsx(fake.workbookState));
    await (await planWorkbook(plan)).xlsx.writeFile(fromFile);
    const [a, f] = await recalcXlsx([fromAddin, fromFile], path.join(dir, 'out'));
    const [va, vf] = [await readValues(a), await readValues(f)];
    let compared = 0;
    for (const s of plan.sheets) {
      const sa = va.get(s.name)!;
      const sf = vf.get(s.name)!;
      s.rows.forEach((row, r) => row.forEach((cell, c) => {
        if (!cell?.f) return;
        const k = addrOf(r, c);
        compared++;
        const x = sa.get(k) ?? '';
        const y = sf.get(k) ?? '';
        if (typeof y === 'number') expect({ k, s: s.name, v: x }).toEqual({ k, s: s.name, v: expect.closeTo(y, 9) });
        else expect({ k, s: s.name, v: x }).toEqual({ k, s: s.name, v: y });
      }));
    }
    expect(compared).toBeGreaterThan(2000);
    // And both read back into the same findings.
    const ba = await readXlsxBook(await fs.readFile(fromAddin));
    const bf = await readXlsxBook(await fs.readFile(fromFile));
    const strip = (b: typeof ba) => checkBook(b, { lang: 'zh-CN' }).map((x) => `${x.rule}|${x.sheet}|${x.cell}|${x.message}`);
    expect(strip(ba)).toEqual(strip(bf));
  });
});

type Side = 'top' | 'bottom' | 'left' | 'right';

function fakeBorder(b: { style: string; color: string } | undefined): string {
  return b && b.style !== 'None' ? `${b.style === 'Continuous' ? 'thin' : b.style}${b.color}` : '';
}

function fileBorder(b: Partial<{ style: string; color: { argb?: string } }> | undefined): string {
  return b?.style ? `${b.style}#${(b.color?.argb ?? 'FF000000').slice(2)}` : '';
}

function addrOf(r: number, c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) { s = String.fromCharCode(65 + ((n - 1) % 26)) + s; n = Math.floor((n - 1) / 26); }
  return `${s}${r + 1}`;
}
