/**
 * A sample of the fuzzer (scripts/fuzz.ts; the full run is `npm run fuzz`, 10,000 cases): random and
 * mutated organisation/OKR inputs (CSV in any encoding, .xlsx, junk) and mutated generated workbooks
 * go through the command line's main() in-process. Every case succeeds (exit 0, or 1 for check's
 * findings) or ends with exit 2 and a clear message; none throws; none leaves a file behind.
 */
import { runFuzz } from '../../scripts/fuzz';

describe('fuzz (sample)', () => {
  it('200 cases: no crash, no unclear message, no leftover file', async () => {
    const res = await runFuzz({ cases: 200, seed: Number(process.env.FUZZ_SEED ?? 20260) });
    const report = res.crashes.map((c) => `case ${c.case} (${c.kind}): ${c.what.split('\n').slice(0, 6).join('\n')}\n  argv: ${JSON.stringify(c.argv)}`);
    expect(report).toEqual([]);
    expect(res.cases).toBe(200);
    // The sample exercises every kind of case and both outcomes.
    expect(Object.keys(res.outcomes).sort()).toEqual(['args', 'check-bytes', 'check-excel', 'check-zip', 'corpus', 'junk', 'okrs-csv', 'okrs-xlsx', 'org-csv', 'org-xlsx', 'shapes', 'update-org']);
    const codes = new Set(Object.values(res.outcomes).flatMap((o) => Object.keys(o)));
    expect([...codes].sort()).toEqual(['0', '1', '2']);
    expect(res.readBack).toBeGreaterThan(0);
  });
});
