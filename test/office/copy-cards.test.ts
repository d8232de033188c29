/**
 * Issue #14 item 1: cards made by Worksheet.copy of one template per layout, with only each card's own
 * cells written after, must give the very workbook the cell-by-cell writer gives — and where Excel
 * cannot copy, the writer takes over without leaving a sheet twice or half-built.
 */
import { DEFAULT_SETTINGS, type Card } from '../../src/domain/model';
import { applyPlan, SETTING } from '../../src/office/apply-plan';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { buildWorkbook } from '../../src/templates/build';
import type { WorkbookPlan } from '../../src/templates/plan';
import { createFakeExcel, type FakeExcel } from '@okr-workbook/fake-excel';
import { CYCLE, loadExample } from '../workbook/build-fixture';

/** The example, with one person who left (a grey tab), one card with a sixth objective and one with a fifth KR: three individual layouts. */
async function examplePlan(): Promise<WorkbookPlan> {
  const ex = await loadExample();
  const individuals: Card[] = ex.individuals.map((c) => ({ ...c, objectives: c.objectives.map((o) => ({ ...o, krs: [...o.krs] })) }));
  const filled = individuals.filter((c) => c.objectives.length > 0 && c.objectives.length < 6 && c.objectives[0].krs.length > 0 && c.objectives[0].krs.length < 5);
  filled[0].departed = '已离职 2026-11-28';
  const six = filled[1];
  six.objectives = [...six.objectives, ...Array.from({ length: 6 - six.objectives.length }, (_, i) => ({ ...six.objectives[0], text: `第${i + 6}个目标`, krs: [...six.objectives[0].krs] }))];
  const five = filled[2];
  five.objectives[0].krs = [...five.objectives[0].krs, ...Array.from({ length: 5 - five.objectives[0].krs.length }, () => ({ ...five.objectives[0].krs[0] }))];
  return buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex, individuals }).plan;
}

/** Everything of a sheet a person or a formula sees: cells with their formats, rules, names, layout, protection. */
function look(fake: FakeExcel, name: string): unknown {
  const s = fake.workbookState.sheet(name);
  const widths = Array.from({ length: 30 }, (_, c) => s.columnWidth(c));
  const heights = Array.from({ length: 60 }, (_, r) => s.rowHeight(r + 1));
  return {
    position: s.position, visibility: s.visibility, tabColor: s.tabColor, protection: s.protection, freeze: s.freeze,
    pageLayout: s.pageLayout, merges: s.merges, validations: s.validations, names: s.names, widths, heights,
    conditionalFormats: s.conditionalFormats.map(({ id: _id, ...cf }) => cf),
    cells: s.cells().filter((c) => c.formula !== undefined || c.constant !== undefined || c.fillColor !== null || !c.locked || c.borders.top),
  };
}

function expectSameWorkbook(got: FakeExcel, want: FakeExcel): void {
  const names = want.workbookState.sheetNames();
  expect(got.workbookState.sheetNames()).toEqual(names);
  for (const n of names) expect({ n, sheet: look(got, n) }).toEqual({ n, sheet: look(want, n) });
  expect(got.workbookState.names()).toEqual(want.workbookState.names());
  expect(got.workbookState.settings()).toEqual(want.workbookState.settings());
}

const copies = (fake: FakeExcel) => fake.stats.sheetCopies;

async function generated(plan: WorkbookPlan, opts: Parameters<typeof createFakeExcel>[0] & { password?: string; globals?: boolean; maxRequestBytes?: number } = {}) {
  const { password, globals = true, maxRequestBytes, ...fakeOpts } = opts;
  const fake = createFakeExcel({ sheets: ['Sheet1'], ...fakeOpts });
  const uninstall = globals ? fake.installGlobals() : () => undefined;
  try {
    const result = await fake.run((ctx) => applyPlan(ctx, plan, { password, maxRequestBytes }));
    return { fake, result };
  } finally {
    uninstall();
  }
}

describe('cards copied from a template (Worksheet.copy, ExcelApi 1.7)', () => {
  let plan: WorkbookPlan;
  let writer: FakeExcel;
  beforeAll(async () => {
    plan = await examplePlan();
    // Without the Office global nothing beyond ExcelApi 1.1 is assumed: the cell-by-cell writer.
    writer = (await generated(plan, { globals: false })).fake;
  });

  it('gives the very workbook the writer gives, one template per level and slot geometry, in fewer bytes', async () => {
    const { fake, result } = await generated(plan);
    const cards = plan.sheets.filter((s) => s.kind === 'departmentCard' || s.kind === 'individualCard');
    // Templates: one department layout, three individual ones (5×4, 6×4, 5 KRs in a slot); the departed card copies too.
    expect(result.copies).toBe(cards.length - 4);
    expect(copies(fake)).toBe(result.copies);
    expect(copies(writer)).toBe(0);
    expectSameWorkbook(fake, writer);
    // The departed card's grey tab, the others' blue or none.
    expect(fake.workbookState.sheet(cards.find((c) => c.tabColor === 'A6A6A6')!.name).tabColor).toBe('#A6A6A6');
    expect(fake.stats.totalRequestBytes).toBeLessThan(writer.stats.totalRequestBytes / 3);
  });

  it('a copy too large for one op of a small request is written in bands, the same workbook', async () => {
    // Three filled-in cards of one layout: the copies' cells (a few KB each) are more than half of 4 KB.
    const cards = plan.sheets.filter((x) => x.kind === 'individualCard' && x.rows[6]?.[1]?.v && x.rows.length === plan.sheets.find((y) => y.kind === 'individualCard')!.rows.length).slice(0, 3);
    const small: WorkbookPlan = { ...plan, sheets: [plan.sheets.find((x) => x.kind === 'settings')!, ...cards] };
    const opts = { maxRequestBytes: 4_000 };
    const want = (await generated(small, { globals: false, ...opts })).fake;
    const { fake, result } = await generated(small, opts);
    expect(result.copies).toBe(2);
    // The copy's cells written through its own name (ops of their own), not through the proxy the copy returned.
    const summaries = fake.stats.log.flatMap((l) => l.summary);
    expect(summaries.some((x) => x.startsWith('set Range.formulas') && x.includes(`getItem("${cards[2].name}")`))).toBe(true);
    expect(summaries.some((x) => x.startsWith('set Range.formulas') && x.includes('copy('))).toBe(false);
    expectSameWorkbook(fake, want);
  });

  it('protects copies with the workbook\'s password as the writer does', async () => {
    const withPassword = (await generated(plan, { password: 'geheim', globals: false })).fake;
    const { fake } = await generated(plan, { password: 'geheim' });
    expectSameWorkbook(fake, withPassword);
    const card = plan.sheets.filter((s) => s.kind === 'individualCard')[5].name;
    expect(fake.workbookState.sheet(card).protection).toMatchObject({ protected: true, hasPassword: true, password: 'geheim' });
  });

  it('where the host says ExcelApi 1.7 is not there, writes every card itself', async () => {
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    const uninstall = fake.installGlobals();
    const asked: string[] = [];
    const real = fake.Office.context.requirements.isSetSupported;
    fake.Office.context.requirements.isSetSupported = (set: string, version?: string | number) => {
      asked.push(`${set} ${String(version)}`);
      return set === 'ExcelApi' && version === '1.7' ? false : real(set, version);
    };
    try {
      const result = await fake.run((ctx) => applyPlan(ctx, plan));
      expect(result.copies).toBe(0);
    } finally {
      uninstall();
    }
    expect(asked).toContain('ExcelApi 1.7');
    expect(copies(fake)).toBe(0);
    expectSameWorkbook(fake, writer);
  });

  it.each([false, true])('where Worksheet.copy fails (partialApply %s), deletes what the request left and writes the rest itself', async (partialApply) => {
    // Small requests: the copies fail in a request after the first sheets are complete.
    const small = { maxRequestBytes: 400_000 };
    const want = (await generated(plan, { globals: false, ...small })).fake;
    const { fake, result } = await generated(plan, { worksheetCopy: 'GeneralException', partialApply, ...small });
    expect(result.copies).toBe(0);
    const failed = fake.stats.log.filter((l) => !l.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0].errorCode).toBe('GeneralException');
    // No sheet twice, none half-built, nothing of the failed copy left: the writer's workbook.
    expectSameWorkbook(fake, want);
    expect(fake.workbookState.settings()[SETTING.generationSheets]).toBeUndefined();
  });

  describe('in an organisation update, new cards', () => {
    /** The example generated by the writer, then updated with three newcomers, with or without copying. */
    async function updated(opts: { globals: boolean; worksheetCopy?: 'copies' | 'GeneralException'; partialApply?: boolean }) {
      const ex = await loadExample();
      const fake = createFakeExcel({ sheets: ['Sheet1'], worksheetCopy: opts.worksheetCopy, partialApply: opts.partialApply });
      const base = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex }).plan;
      await fake.run((ctx) => applyPlan(ctx, base));
      const d = ex.org.departments;
      const newcomers = ['新员工甲', '新员工乙', '新员工丙'].map((name, i) => ({ name, department: d[i % 2].name, position: '工程师', manager: d[i % 2].head, head: false }));
      const uninstall = opts.globals ? fake.installGlobals() : () => undefined;
      fake.stats.reset();
      try {
        const r = await createLifecycleActions(fake.run, () => '2026-11-28').updateOrg({ lang: 'zh-CN', org: { ...ex.org, people: [...ex.org.people, ...newcomers] } });
        expect(r.status).toBe('updated');
      } finally {
        uninstall();
      }
      return fake;
    }
    let written: FakeExcel;
    beforeAll(async () => { written = await updated({ globals: false }); });

    it('are copies of the first, and the workbook is the one the writer makes', async () => {
      const fake = await updated({ globals: true });
      expect(copies(fake)).toBe(2);
      expect(copies(written)).toBe(0);
      expectSameWorkbook(fake, written);
      // Two cards not written cell by cell: well over 100 KB each.
      expect(fake.stats.totalRequestBytes).toBeLessThan(written.stats.totalRequestBytes - 300_000);
    });

    it('are written one by one where the copy fails, nothing of the failed request left', async () => {
      const fake = await updated({ globals: true, worksheetCopy: 'GeneralException', partialApply: true });
      expect(fake.stats.log.filter((l) => !l.ok).map((l) => l.errorCode)).toEqual(['GeneralException']);
      expectSameWorkbook(fake, written);
    });
  });
});
