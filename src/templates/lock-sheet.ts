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

/** The fingerprint of one entry: its card, numbers, period and text exactly as stored. */
export function entryFingerprint(e: LockEntry): string {
  return sha256Hex(JSON.stringify([e.card, e.objectiveNo, e.krNo ?? null, e.period ?? null, e.text]));
}

/** The fingerprint of the whole snapshot: header facts and every row's fingerprint, in order. */
export function snapshotFingerprint(lockedOn: string, cycle: string, rowFingerprints: string[]): string {
  return sha256Hex(JSON.stringify([lockedOn, cycle, rowFingerprints]));
}

export function buildLockSheet(sheetName: string, lang: Lang, snap: LockSnapshot): SheetPlan {
  const g = new Grid();
  const S = catalogue(lang).sheets.lock;
  const label = (v: string) => ({ v, s: 'label' as const });
  const value = (v: string | number | null) => ({ v, s: 'value' as const });
  const prints = snap.entries.map(entryFingerprint);
  g.set(1, 1, { v: t('titleLock', lang), s: 'title' });
  g.line(2, 1, [
    label(S.lockedOn), value(snap.lockedOn), label(S.lockedBy), value(snap.lockedBy ?? ''), label(S.cycle), value(snap.cycle ?? ''),
    label(S.fingerprint), value(snapshotFingerprint(snap.lockedOn, snap.cycle ?? '', prints)),
  ]);
  g.set(3, 1, { v: S.note, s: 'note' });
  g.line(LOCK_CELLS.headerRow, 1, [S.card, S.objectiveNo, S.krNo, S.period, S.text, S.sha].map((v) => ({ v, s: 'header' as const })));
  snap.entries.forEach((e, i) => {
    g.line(LOCK_CELLS.firstRow + i, 1, [
      { v: e.card, s: 'text' }, { v: e.objectiveNo, s: 'text' }, { v: e.krNo ?? null, s: 'text' }, { v: e.period ?? null, s: 'text' },
      { v: e.text, s: 'text' }, { v: prints[i], s: 'text' },
    ]);
  });
  return sheetPlan('lock', 'lock', sheetName, g, { colWidths: [30, 8, 8, 9, 60, 20, 14, 20], protect: true, hidden: true });
}

export function isLockSheet(s: SheetValues): boolean {
  return both('titleLock').includes(text(s.get(1, 1)));
}

/** Reads a lock snapshot sheet back; rows or a header whose fingerprint does not match are listed in `altered`. */
export function readLockSheet(s: SheetValues): LockSnapshot {
  const lockedOn = text(s.get(2, 2));
  const cycle = text(s.get(2, 6));
  const entries: LockEntry[] = [];
  const prints: string[] = [];
  const altered: { sheet: string; cell: string }[] = [];
  for (let r = LOCK_CELLS.firstRow; r <= s.rowCount; r++) {
    const cells = [1, 2, 3, 4, 5, 6].map((c) => s.get(r, c));
    if (!cells.some(filled)) continue;
    const period = text(cells[3]);
    const e: LockEntry = {
      card: text(cells[0]),
      objectiveNo: num(cells[1]) ?? Number(text(cells[1])),
      text: text(cells[4]),
    };
    const krNo = num(cells[2]) ?? (text(cells[2]) ? Number(text(cells[2])) : undefined);
    if (krNo !== undefined) e.krNo = krNo;
    if (period === 'quarter' || period === 'annual') e.period = period as Period;
    const stored = text(cells[5]);
    prints.push(stored);
    if (stored !== entryFingerprint(e)) altered.push({ sheet: s.name, cell: `F${r}` });
    entries.push(e);
  }
  if (text(s.get(2, 8)) !== snapshotFingerprint(lockedOn, cycle, prints)) altered.push({ sheet: s.name, cell: LOCK_CELLS.fingerprint });
  const snap: LockSnapshot = { lockedOn, cycle, entries, sheet: s.name };
  const by = text(s.get(2, 4));
  if (by) snap.lockedBy = by;
  if (altered.length) snap.altered = altered;
  return snap;
}
