/**
 * The in-memory Excel prices a request as the body office.js would send (wire.ts). These tests run
 * the same batches through the real office.js (office-js-vm.ts) and compare.
 */
import { createFakeExcel } from '../src/fake-excel';
import { officeJsRequestBytes } from '../src/office-js-vm';

type Batch = (ctx: Excel.RequestContext) => void;

/** The UTF-8 size of each request body office.js sends for the batches (one sync after each). */
function officeJsBytes(batches: Batch[]): Promise<number[]> {
  return officeJsRequestBytes(async (ctx) => {
    for (const b of batches) {
      b(ctx);
      // office.js cannot apply the results of an empty response; only the request matters here.
      await ctx.sync().catch(() => undefined);
    }
  });
}

async function fakeBytes(batches: Batch[]): Promise<number[]> {
  const fake = createFakeExcel({ sheets: ['Plan', 'Notes'] });
  await fake.run(async (ctx) => {
    for (const b of batches) {
      b(ctx);
      await ctx.sync();
    }
  });
  return fake.stats.log.map((e) => e.bytes);
}

async function both(batches: Batch[]): Promise<{ fake: number[]; officeJs: number[] }> {
  return { fake: await fakeBytes(batches), officeJs: await officeJsBytes(batches) };
}

/** Within 2 % of office.js (ids, optional arguments sent as null, "L" order differ by a few bytes). */
function expectClose(fake: number[], real: number[]): void {
  expect(fake).toHaveLength(real.length);
  fake.forEach((b, i) => expect(Math.abs(b - real[i]) / real[i]).toBeLessThan(0.02));
}

const write: Batch = (ctx) => {
  const r = ctx.workbook.worksheets.getItem('Plan').getRange('A1:C2');
  r.values = [['目标', 0.5, 'x'], ['KR', 1, '']];
  r.format.fill.color = '#FFF2CC';
  r.format.font.bold = true;
  r.format.protection.locked = false;
  ctx.workbook.worksheets.getItem('Plan').getRange('D1').formulas = [['=B1*2']];
};

describe('request bytes follow office.js framing', () => {
  it('prices writes as office.js sends them', async () => {
    const r = await both([write]);
    expectClose(r.fake, r.officeJs);
  });

  it('prices a walk over the tabs with loads, null objects and a range argument as office.js sends them', async () => {
    const r = await both([
      (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name,items/visibility,items/protection/protected');
        let ws = sheets.getFirst();
        for (let i = 0; i < 40; i++) {
          if (i > 0) ws = ws.getNextOrNullObject();
          const used = ws.getUsedRangeOrNullObject(true);
          used.load('values,rowIndex,columnIndex');
          used.getIntersectionOrNullObject(ws.getRange('A:Q')).load({ values: true });
        }
        sheets.getItemOrNullObject('Missing').load('name');
      },
    ]);
    expectClose(r.fake, r.officeJs);
  });

  it('counts a long chain of calls on one object with its path once', async () => {
    const calls = (n: number): Batch => (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Plan').getRange('B2:B3');
      for (let i = 0; i < n; i++) r.values = [[i], [i + 1]];
    };
    const one = await both([calls(1)]);
    const many = await both([calls(201)]);
    expectClose(many.fake, many.officeJs);
    // 200 more sets cost 200 actions (about 100 bytes each with their ids and values), not 200 copies
    // of the range's object path (about 110 bytes in ObjectPaths, and 55 for its instantiation).
    const perCall = (many.fake[0] - one.fake[0]) / 200;
    expect(Math.abs(perCall - (many.officeJs[0] - one.officeJs[0]) / 200)).toBeLessThan(2);
    expect(perCall).toBeLessThan(110);
  });

  it('sends an object again in a later request, and a proxy created but not used in the request where it was made', async () => {
    const r = await both([
      write,
      (ctx) => {
        ctx.workbook.worksheets.getItem('Notes').getRange('A1:A3');
        ctx.workbook.worksheets.getItem('Plan').getRange('A1').values = [['again']];
      },
    ]);
    expectClose(r.fake, r.officeJs);
  });

  it('refuses a request whose office.js body is over the limit, although its operations are few', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'], limits: { requestBytes: 10_000, responseBytes: Infinity, responseCells: Infinity } });
    await expect(fake.run(async (ctx) => {
      // 60 distinct ranges: each one's path and instantiation cost more than its small write.
      for (let i = 1; i <= 60; i++) ctx.workbook.worksheets.getItem('Plan').getRange(`A${i}`).values = [[i]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.stats.log[0].bytes).toBeGreaterThan(10_000);
    expect(fake.stats.log[0].bytes).toBeLessThan(60 * 500);
  });
});

describe('response bytes', () => {
  it('are the JSON of what was read, empty cells as "", one result per load', async () => {
    const fake = createFakeExcel({ sheets: ['Plan'] });
    fake.workbookState.seed('Plan', 'A1:C1', [['目标', 0.5, 'x']]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Plan').getRange('A1:D2').load('values');
      await ctx.sync();
    });
    const values = JSON.stringify([['目标', 0.5, 'x', ''], ['', '', '', '']]);
    const entry = fake.stats.log[0];
    // {"Results":[{"ActionId":<id>,"Value":{"values":…}}]}
    const expected = Buffer.byteLength(`{"Results":[{"ActionId":9,"Value":{"values":${values}}},]}`, 'utf8');
    expect(Math.abs(entry.responseBytes - expected)).toBeLessThanOrEqual(2);
  });
});
