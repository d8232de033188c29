/**
 * The lock snapshot sheet: what the quarter's objectives and KRs said when HR locked it, stored in
 * the workbook itself (very hidden, protected) so that validation — in the add-in or on the command
 * line, on any copy of the file — can report a later edit with its old and new text.
 *
 * Every row carries a SHA-256 fingerprint of its content, and the header a fingerprint of all rows:
 * someone who unhides the sheet (only possible with code) and edits a row, or deletes one, is caught.
 */
import type { Lang, LockEntry, LockSnapshot, Period } from '../domain/model';
import { sha256Hex } from '../domain/sha256';
import { Grid, sheetPlan } from './grid';
import type { SheetPlan } from './plan';
import { filled, num, text, type SheetValues } from './read-book-values';
import { both, t } from './text';
// `text` is the cell reader in this file; the catalogue's `text` goes by another name.
import { text as catalogue } from '../i18n';

/** Cells of the header block and the first entry row. */
export const LOCK_CELLS = { lockedOn: 'B2', lockedBy: 'D2', cycle: 'F2', fingerprint: 'H2', headerRow: 4, firstRow: 5 } as const;

/**
 * The fingerprint of one entry: its card, numbers, period and texts exactly as stored. Target and
 * criteria join it only when the entry holds them, so that snapshots written before they were
 * stored keep their fingerprints.
 */
export function entryFingerprint(e: LockEntry): string {
  const base: (string | number | null)[] = [e.card, e.objectiveNo, e.krNo ?? null, e.period ?? null, e.text];
  if (e.target !== undefined || e.criteria !== undefined) base.push(e.target ?? '', e.criteria ?? '');
  return sha256Hex(JSON.stringify(base));
}

/** Columns of an entry row. Snapshots written before target and criteria were stored have the fingerprint in column 6. */
const COL = { card: 1, objectiveNo: 2, krNo: 3, period: 4, text: 5, target: 6, criteria: 7, sha: 8 } as const;
const OLD_SHA_COL = 6;

/** The fingerprint of the whole snapshot: header facts and every row's fingerprint, in order. */
export function snapshotFingerprint(lockedOn: string, cycle: string, rowFingerprints: string[]): string {
  return sha256Hex(JSON.stringify([lockedOn, cycle, rowFingerprints]));
}

/** The snapshot sheet; `archived` writes a previous snapshot that a relock replaced (another title, so no reader takes it for the live one). */
export function buildLockSheet(sheetName: string, lang: Lang, snap: LockSnapshot, archived = false): SheetPlan {
  const g = new Grid();
  const S = catalogue(lang).sheets.lock;
  const label = (v: string) => ({ v, s: 'label' as const });
  const value = (v: string | number | null) => ({ v, s: 'value' as const });
  const prints = snap.entries.map(entryFingerprint);
  g.set(1, 1, { v: t(archived ? 'titleLockArchive' : 'titleLock', lang), s: 'title' });
  g.line(2, 1, [
    label(S.lockedOn), value(snap.lockedOn), label(S.lockedBy), value(snap.lockedBy ?? ''), label(S.cycle), value(snap.cycle ?? ''),
    label(S.fingerprint), value(snapshotFingerprint(snap.lockedOn, snap.cycle ?? '', prints)),
  ]);
  g.set(3, 1, { v: archived ? S.archiveNote : S.note, s: 'note' });
  g.line(LOCK_CELLS.headerRow, 1, [S.card, S.objectiveNo, S.krNo, S.period, S.text, S.target, S.criteria, S.sha].map((v) => ({ v, s: 'header' as const })));
  snap.entries.forEach((e, i) => {
    g.line(LOCK_CELLS.firstRow + i, 1, [
      { v: e.card, s: 'text' }, { v: e.objectiveNo, s: 'text' }, { v: e.krNo ?? null, s: 'text' }, { v: e.period ?? null, s: 'text' },
      { v: e.text, s: 'text' }, { v: e.target ?? null, s: 'text' }, { v: e.criteria ?? null, s: 'text' }, { v: prints[i], s: 'text' },
    ]);
  });
  return sheetPlan('lock', 'lock', sheetName, g, { colWidths: [30, 8, 8, 9, 60, 40, 40, 20], protect: true, hidden: true });
}

export function isLockSheet(s: SheetValues): boolean {
  return both('titleLock').includes(text(s.get(1, 1)));
}

export function isLockArchiveSheet(s: SheetValues): boolean {
  return both('titleLockArchive').includes(text(s.get(1, 1)));
}

/** Which layout a snapshot sheet has: the fingerprint header sits in column 6 in the first one. */
function hasTargets(s: SheetValues): boolean {
  const shaHeader = [catalogue('zh-CN').sheets.lock.sha, catalogue('en-US').sheets.lock.sha];
  return !shaHeader.includes(text(s.get(LOCK_CELLS.headerRow, OLD_SHA_COL)));
}

/** Reads a lock snapshot sheet back; rows or a header whose fingerprint does not match are listed in `altered`. */
export function readLockSheet(s: SheetValues): LockSnapshot {
  const lockedOn = text(s.get(2, 2));
  const cycle = text(s.get(2, 6));
  const entries: LockEntry[] = [];
  const prints: string[] = [];
  const altered: { sheet: string; cell: string }[] = [];
  const targets = hasTargets(s);
  const width = targets ? COL.sha : OLD_SHA_COL;
  for (let r = LOCK_CELLS.firstRow; r <= s.rowCount; r++) {
    const cells = Array.from({ length: width }, (_, i) => s.get(r, i + 1));
    if (!cells.some(filled)) continue;
    const at = (c: number) => cells[c - 1];
    const period = text(at(COL.period));
    const e: LockEntry = {
      card: text(at(COL.card)),
      objectiveNo: num(at(COL.objectiveNo)) ?? Number(text(at(COL.objectiveNo))),
      text: text(at(COL.text)),
    };
    const krNo = num(at(COL.krNo)) ?? (text(at(COL.krNo)) ? Number(text(at(COL.krNo))) : undefined);
    if (krNo !== undefined) e.krNo = krNo;
    if (period === 'quarter' || period === 'annual') e.period = period as Period;
    // Written for every quarterly KR (blank when the card had none), never for anything else.
    if (targets && krNo !== undefined && e.period === 'quarter') {
      e.target = text(at(COL.target));
      e.criteria = text(at(COL.criteria));
    }
    const stored = text(at(width));
    prints.push(stored);
    if (stored !== entryFingerprint(e)) altered.push({ sheet: s.name, cell: `${targets ? 'H' : 'F'}${r}` });
    entries.push(e);
  }
  if (text(s.get(2, 8)) !== snapshotFingerprint(lockedOn, cycle, prints)) altered.push({ sheet: s.name, cell: LOCK_CELLS.fingerprint });
  const snap: LockSnapshot = { lockedOn, cycle, entries, sheet: s.name };
  const by = text(s.get(2, 4));
  if (by) snap.lockedBy = by;
  if (altered.length) snap.altered = altered;
  return snap;
}
