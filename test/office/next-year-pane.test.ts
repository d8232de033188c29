/**
 * The pane's year actions (src/office/pane-actions.ts) against the in-memory Excel: `next` reads the
 * open workbook, renders the next quarter's file with the package engine (src/xlsx/new-file.ts, the
 * pane's renderer) and opens it with Excel.createWorkbook — whose bytes the fake keeps, so the test
 * reads the new workbook back. `year` reads the annual results. The open workbook is never written.
 */
import { DEFAULT_SETTINGS, allCards, type Lang } from '../../src/domain/model';
import { applyPlan } from '../../src/office/apply-plan';
import { createPaneActions } from '../../src/office/pane-actions';
import { buildWorkbook } from '../../src/templates/build';
import { readBook } from '../../src/templates/read-book';
import { NewWorkbookFile } from '../../src/xlsx/new-file';
import { XlsxValues } from '../../src/xlsx/workbook-port';
import { createFakeExcel, type FakeExcel } from '@okr-workbook/fake-excel';
import { parseCycle } from '../../src/domain/cycle';
import { CYCLE, loadExample } from '../workbook/build-fixture';

const REASON = '客户推迟验收，需下季度完成';

/** The example workbook in the fake, one person's first KR marked 结转下期 with a reason. */
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** Office and Excel on globalThis, as in the pane (the requirement-set check reads Office). */
async function example(lang: Lang): Promise<{ fake: FakeExcel; carriedKr: string; owner: string }> {
  const ex = await loadExample(lang);
  const person = ex.individuals.find((c) => c.objectives[0]?.krs.length);
  if (!person) throw new Error('the example has no individual KR');
  const kr = person.objectives[0].krs[0];
  kr.carriedOver = true;
  kr.status = lang === 'zh-CN' ? '结转下期' : 'Carried over';
  kr.carryOverReason = REASON;
  kr.progress = 0.5;
  const { plan } = buildWorkbook({ lang, cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
  const fake = createFakeExcel({ sheets: ['Sheet1'] });
  await fake.run((ctx) => applyPlan(ctx, plan));
  restore = fake.installGlobals();
  return { fake, carriedKr: kr.text, owner: person.owner ?? '' };
}

const writes = (fake: FakeExcel): number => fake.stats.log.filter((l) => l.summary.some((x) => /^(set|call) /.test(x))).length;

const actionsOn = (fake: FakeExcel, lang: Lang) =>
  createPaneActions(fake.run, lang, () => '2026-12-28', undefined, { newFile: () => new NewWorkbookFile(), createWorkbook: (b) => fake.Excel.createWorkbook(b) });

const next = parseCycle('2027-Q1')!;

describe('the pane\'s next quarter against the in-memory Excel', () => {
  it('refuses an unscored quarter without writing anything; with an override reason, opens the new workbook whose bytes read back as 2027-Q1 with the carried KR', async () => {
    const { fake, carriedKr, owner } = await example('zh-CN');
    const pane = actionsOn(fake, 'zh-CN');
    fake.stats.reset();

    const refused = await pane.nextQuarter({ lang: 'zh-CN', cycle: next });
    if (refused.status !== 'refused') throw new Error(`expected a refusal, got ${refused.status}`);
    expect(refused.code).toBe('notScored');
    expect(refused.message).toContain('2026-Q4 尚未进行季度评分');
    expect(fake.createdWorkbooks).toHaveLength(0);

    const built = await pane.nextQuarter({ lang: 'zh-CN', cycle: next, override: '年底系统切换，本季度不评分', by: '周丽华' });
    if (built.status !== 'built') throw new Error(`expected the next quarter, got ${built.status}: ${'message' in built ? built.message : ''}`);
    expect(built).toMatchObject({ from: '2026-Q4', to: '2027-Q1', opened: true, file: { name: 'OKR 2027-Q1.xlsx' } });
    expect(built.people).toBe(36);
    expect(built.carried).toEqual([expect.objectContaining({ owner, text: carriedKr })]);
    // Into a new year without the box ticked: last year's annual KRs stay behind.
    expect(built.annual).toBe(0);
    expect(built.annualDropped).toBeGreaterThan(0);

    // The open workbook: only read.
    expect(writes(fake)).toBe(0);
    expect(fake.workbookState.sheetNames()).not.toContain('Sheet2');

    expect(fake.createdWorkbooks).toHaveLength(1);
    const bytes = fake.createdWorkbooks[0].bytes!;
    expect(Buffer.from(bytes).equals(Buffer.from(built.file.bytes))).toBe(true);
    const book = readBook(await (await XlsxValues.load(bytes)).read());
    expect(book.cycle).toMatchObject({ year: 2027, quarter: 1 });
    const card = book.individuals.find((c) => c.owner === owner);
    const kr = card?.objectives.flatMap((o) => o.krs).find((k) => k.text === carriedKr);
    expect(kr).toBeDefined();
    expect(kr?.carryOverReason).toContain(REASON);
    expect(kr?.carryOverReason).toContain('2026-Q4');
    expect(book.lock).toBeUndefined();
    expect(book.individuals).toHaveLength(36);
  });

  it('brings last year\'s annual KRs as drafts when asked (en-US)', async () => {
    const { fake } = await example('en-US');
    const pane = actionsOn(fake, 'en-US');
    const built = await pane.nextQuarter({ lang: 'en-US', cycle: next, override: 'year-end system switch', carryAnnual: true });
    if (built.status !== 'built') throw new Error(`expected the next quarter, got ${built.status}`);
    expect(built.annual).toBeGreaterThan(0);
    expect(built.annualDropped).toBe(0);
    const book = readBook(await (await XlsxValues.load(fake.createdWorkbooks[0].bytes!)).read());
    expect(allCards(book).flatMap((c) => c.objectives.flatMap((o) => o.krs)).filter((k) => k.period === 'annual')).toHaveLength(built.annual);
  });

  it('refuses a cycle that is not after the workbook\'s', async () => {
    const { fake } = await example('en-US');
    const r = await actionsOn(fake, 'en-US').nextQuarter({ lang: 'en-US', cycle: CYCLE, override: 'x' });
    expect(r).toMatchObject({ status: 'refused', code: 'cycleNotAfter' });
    expect(fake.createdWorkbooks).toHaveLength(0);
  });

  it('below ExcelApi 1.8: nothing opened, the reason, and the file to download', async () => {
    const { fake } = await example('zh-CN');
    fake.office.setApiSets({ ExcelApi: '1.7' });
    {
      const built = await actionsOn(fake, 'zh-CN').nextQuarter({ lang: 'zh-CN', cycle: next, override: '年底系统切换' });
      if (built.status !== 'built') throw new Error(`expected the next quarter, got ${built.status}`);
      expect(built.opened).toBe(false);
      expect(built.notOpened).toContain('ExcelApi 1.8');
      expect(fake.createdWorkbooks).toHaveLength(0);
      expect(readBook(await (await XlsxValues.load(built.file.bytes)).read()).cycle).toMatchObject({ year: 2027, quarter: 1 });
    }
  });

  it('Excel refusing the file: not opened, Excel\'s reason shown, the file kept', async () => {
    const { fake } = await example('en-US');
    {
      const pane = createPaneActions(fake.run, 'en-US', () => '2026-12-28', undefined, {
        newFile: () => new NewWorkbookFile(), createWorkbook: () => Promise.reject(new Error('There was an internal error while processing the request.')),
      });
      const built = await pane.nextQuarter({ lang: 'en-US', cycle: next, override: 'x' });
      if (built.status !== 'built') throw new Error(`expected the next quarter, got ${built.status}`);
      expect(built).toMatchObject({ opened: false });
      expect(built.notOpened).toContain('There was an internal error while processing the request.');
      expect(built.file.bytes.length).toBeGreaterThan(1000);
    }
  });
});

describe('the pane\'s annual results against the in-memory Excel', () => {
  it('after quarter-end scoring: each person\'s Q4 is the register\'s score, and the next quarter needs no override', async () => {
    const { fake } = await example('zh-CN');
    const pane = actionsOn(fake, 'zh-CN');
    const scored = await pane.score({ lang: 'zh-CN', override: '例外评分' });
    if (scored.status !== 'scored') throw new Error(`expected scoring, got ${scored.status}`);
    const y = await pane.yearResults('zh-CN');
    const withQ4 = y.people.filter((p) => p.quarters[3] !== null);
    expect(withQ4.length).toBeGreaterThan(0);
    for (const p of withQ4) {
      expect(p.quarters.slice(0, 3)).toEqual([null, null, null]);
      // One scored quarter: the annual score is that quarter's.
      expect(p.score).toBeCloseTo(p.quarters[3]!, 10);
    }
    expect(y.company?.quarters[3]).toBeCloseTo(scored.report.company.score!, 10);
    const built = await pane.nextQuarter({ lang: 'zh-CN', cycle: next });
    expect(built).toMatchObject({ status: 'built', to: '2027-Q1', opened: true });
  });

  it('reads every person, department and the company of the year, nothing scored yet', async () => {
    const { fake } = await example('zh-CN');
    fake.stats.reset();
    const y = await actionsOn(fake, 'zh-CN').yearResults('zh-CN');
    expect(writes(fake)).toBe(0);
    expect(y.year).toBe(2026);
    expect(y.people).toHaveLength(36);
    expect(y.departments.length).toBeGreaterThan(0);
    expect(y.labels).toMatchObject({ BAD: '差', EXCELLENT: '优秀' });
    for (const p of y.people) expect(p.quarters).toEqual([null, null, null, null]);
  });
});
