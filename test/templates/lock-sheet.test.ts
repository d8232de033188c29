/** The lock snapshot sheet: target and criteria stored and fingerprinted; snapshots written before them still read. */
import type { LockEntry } from '../../src/domain/model';
import { sha256Hex } from '../../src/domain/sha256';
import { buildLockSheet, entryFingerprint, readLockSheet, snapshotFingerprint } from '../../src/templates/lock-sheet';
import type { RawValue, SheetValues } from '../../src/templates/read-book-values';

function values(name: string, rows: RawValue[][]): SheetValues {
  return { name, hidden: true, rowCount: rows.length, get: (r, c) => rows[r - 1]?.[c - 1] ?? null };
}

const ENTRIES: LockEntry[] = [
  { card: 'individual:技术部:刘洋', objectiveNo: 1, text: '提升前端性能' },
  { card: 'individual:技术部:刘洋', objectiveNo: 1, krNo: 1, period: 'quarter', text: '首屏降至1.5秒', target: '首屏≤1.5秒', criteria: '≤1.5秒得1分' },
  { card: 'individual:技术部:刘洋', objectiveNo: 1, krNo: 2, period: 'annual', text: '全年三次大版本' },
];

describe('lock snapshot sheet', () => {
  it('writes and reads back each quarterly KR\'s target and criteria; editing one breaks its fingerprint', () => {
    const plan = buildLockSheet('OKR_锁定', 'zh-CN', { lockedOn: '2026-10-20', cycle: '2026-Q4', entries: ENTRIES });
    const rows = plan.rows.map((r) => (r ?? []).map((c) => (c && 'v' in c ? c.v ?? null : null)));
    const snap = readLockSheet(values('OKR_锁定', rows));
    expect(snap.entries).toEqual(ENTRIES);
    expect(snap.altered).toBeUndefined();
    rows[5][5] = '首屏≤1.8秒'; // row 6: the quarterly KR's target
    expect(readLockSheet(values('OKR_锁定', rows)).altered).toEqual([{ sheet: 'OKR_锁定', cell: 'H6' }]);
  });

  it('a snapshot written before targets were stored (fingerprint in column F) reads with its fingerprints intact and no target to compare', () => {
    const old = ENTRIES.map(({ target: _t, criteria: _c, ...e }) => e);
    const print = (e: LockEntry) => sha256Hex(JSON.stringify([e.card, e.objectiveNo, e.krNo ?? null, e.period ?? null, e.text]));
    const prints = old.map(print);
    expect(prints).toEqual(old.map(entryFingerprint));
    const rows: RawValue[][] = [
      ['OKR锁定快照'],
      ['锁定日期', '2026-10-20', '锁定人', 'HR', '周期', '2026-Q4', '整体指纹', snapshotFingerprint('2026-10-20', '2026-Q4', prints)],
      ['note'],
      ['卡片', '目标序号', 'KR序号', 'KR周期', '内容', 'SHA-256'],
      ...old.map((e, i) => [e.card, e.objectiveNo, e.krNo ?? null, e.period ?? null, e.text, prints[i]]),
    ];
    const snap = readLockSheet(values('OKR_锁定', rows));
    expect(snap.entries).toEqual(old);
    expect(snap.altered).toBeUndefined();
  });
});
