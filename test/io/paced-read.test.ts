/**
 * #15, the pane: the task pane's import runs the command line's bounded readers with a Pacer
 * (src/io/pace.ts), which gives the turn back to the page after each budget of work and reports
 * progress. Asserted by counting (yields, bytes handed over between yields, progress between yields),
 * never by time: the time is in `npm run bench`.
 */
import JSZip from 'jszip';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { createPaneActions } from '../../src/office/pane-actions';
import { ImportError, Pacer, parseOrgTable, parseOrgTablePaced, type PaceOptions } from '../../src/io/import';
import { streamPart } from '../../src/xlsx/package/limits';
import { readXlsxTable } from '../../src/xlsx/table';
import { bigOrgRows, bigOrgXlsx } from '../support/big-org';
import { orgXlsx, REFUSED_SHAPES, SHAPES, withShape } from '../support/shapes';

/** A yield that records the progress reported so far each time the reader gives the turn back. */
function recording(budget: number): { options: PaceOptions; progress: number[]; atYield: number[] } {
  const progress: number[] = [];
  const atYield: number[] = [];
  return {
    progress,
    atYield,
    options: {
      budget,
      onProgress: (f) => progress.push(f),
      yieldToHost: () => {
        atYield.push(progress.at(-1) ?? 0);
        return new Promise((resolve) => setImmediate(resolve));
      },
    },
  };
}

describe('streamPart with a pacer', () => {
  it('hands a block that inflates 1000:1 over a budget at a time, yielding between', async () => {
    const zip = new JSZip();
    const xml = `<a>${' '.repeat(2 * 1024 * 1024)}</a>`;
    zip.file('x.xml', xml);
    const loaded = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const sizes = async (pacer?: Pacer) => {
      const got: number[] = [];
      await streamPart(loaded.file('x.xml')!, 'x.xml', (c) => got.push(c.length) > 0, pacer);
      return got;
    };
    const unpaced = await sizes();
    const pacer = new Pacer({ budget: 4096, yieldToHost: () => new Promise((r) => setImmediate(r)) });
    const paced = await sizes(pacer);
    // Without a pacer one compressed block comes out whole (far over the budget); with one, never.
    expect(Math.max(...unpaced)).toBeGreaterThan(4096);
    expect(Math.max(...paced)).toBeLessThanOrEqual(4096);
    expect(paced.reduce((a, b) => a + b, 0)).toBe(xml.length);
    expect(pacer.yields).toBeGreaterThanOrEqual(Math.floor(xml.length / 4096));
  });
});

describe('the organisation read with a pacer', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await bigOrgXlsx(bigOrgRows(3000, 15));
  });

  it('reads the same table and organisation as without one', async () => {
    const before = await readXlsxTable('org.xlsx', bytes, 'zh-CN');
    const pacer = new Pacer(recording(8192).options);
    const after = await readXlsxTable('org.xlsx', bytes, 'zh-CN', pacer);
    expect(after).toEqual(before);
    expect(after.rows).toHaveLength(3000);
    expect(await parseOrgTablePaced(after, 'zh-CN', pacer)).toEqual(parseOrgTable(before, 'zh-CN'));
  });

  it('reports rising progress up to 100%, and gives the turn back all along: no stretch does more than a sliver of the work', async () => {
    const r = recording(8192);
    const pacer = new Pacer(r.options);
    pacer.scope(0, 0.9);
    const table = await readXlsxTable('org.xlsx', bytes, 'zh-CN', pacer);
    pacer.scope(0.9, 1);
    await parseOrgTablePaced(table, 'zh-CN', pacer);

    for (let i = 1; i < r.progress.length; i++) expect(r.progress[i]).toBeGreaterThan(r.progress[i - 1]);
    expect(r.progress.at(-1)).toBe(1);
    // 3,000 rows of 20 cells: hundreds of turns, and between two of them at most 2% of the work.
    expect(pacer.yields).toBeGreaterThan(200);
    const steps = [...r.atYield, 1].map((p, i, all) => p - (i === 0 ? 0 : all[i - 1]));
    expect(Math.max(...steps)).toBeLessThan(0.02);
    // Every phase gave the turn back: the sheet's XML, the shared strings, the rows built, the rows checked.
    for (const [from, to] of [[0, 0.63], [0.63, 0.81], [0.81, 0.9], [0.9, 1]]) expect(r.atYield.some((p) => p > from && p < to)).toBe(true);
  });

  it("the pane's readOrg: progress, then the organisation; cancelled, it resolves { cancelled: true }", async () => {
    const actions = createPaneActions(createFakeExcel({ sheets: ['Sheet1'] }).run, 'zh-CN', undefined, readXlsxTable);
    const seen: number[] = [];
    const r = await actions.readOrg({ kind: 'file', name: 'org.xlsx', bytes: new Uint8Array(bytes) }, 'zh-CN', { onProgress: (f) => seen.push(f) });
    expect(r.issues).toEqual([]);
    expect(r.org?.people).toHaveLength(3000);
    expect(seen.length).toBeGreaterThan(100);
    expect(seen.at(-1)).toBe(1);

    const controller = new AbortController();
    const halfway: number[] = [];
    const c = await actions.readOrg({ kind: 'file', name: 'org.xlsx', bytes: new Uint8Array(bytes) }, 'zh-CN', {
      signal: controller.signal,
      onProgress: (f) => {
        halfway.push(f);
        if (f > 0.3) controller.abort();
      },
    });
    expect(c).toEqual({ cancelled: true, issues: [] });
    expect(Math.max(...halfway)).toBeLessThan(0.5);
  });
});

describe.each(SHAPES.map((s) => [s]))("the shape %s through the pane's paced read", (shape) => {
  it('finishes or is refused as the command line reader does', async () => {
    const file = await withShape(await orgXlsx(), shape);
    const unpaced = await readXlsxTable('org.xlsx', file, 'en-US').then(
      (t) => ({ people: parseOrgTable(t, 'en-US').people.map((p) => p.name), issues: [] as string[] }),
      (e: unknown) => {
        if (!(e instanceof ImportError)) throw e;
        return { people: undefined, issues: e.issues.map((i) => i.message) };
      },
    );
    const actions = createPaneActions(createFakeExcel({ sheets: ['Sheet1'] }).run, 'zh-CN', undefined, readXlsxTable);
    const seen: number[] = [];
    const r = await actions.readOrg({ kind: 'file', name: 'org.xlsx', bytes: new Uint8Array(file) }, 'en-US', { onProgress: (f) => seen.push(f) });
    expect({ people: r.org?.people.map((p) => p.name), issues: r.issues.map((i) => i.message) }).toEqual(unpaced);
    if (REFUSED_SHAPES.includes(shape) || shape === 'farDimension') expect(r.org).toBeUndefined();
    else expect(r.org?.people.map((p) => p.name)).toEqual(['张伟', '李娜', '王芳', '刘洋']);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
  });
});
