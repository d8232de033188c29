import { allCards, cardKey, type Card, type Level, type LockEntry, type LockSnapshot, type OkrBook } from '../model';
import type { Finding } from './types';
import { blank, cardFinding, cardWhere, krWhere, makeFinding, normText, objectiveWhere, type CardContext } from './types';

/** True when the change log holds an approved annual-KR change whose new text is `text`. */
export function annualChangeApproved(book: OkrBook, text: string): boolean {
  const t = normText(text);
  return book.changeLog.some(
    (e) => e.kind === 'annual-kr-change' && e.newText !== undefined && normText(e.newText) === t && !blank(e.approver) && !blank(e.approvedOn),
  );
}

/** An approved removal: a change-log row whose old text is the KR's and whose new text is blank. */
export function annualRemovalApproved(book: OkrBook, oldText: string): boolean {
  const t = normText(oldText);
  return book.changeLog.some(
    (e) => e.kind === 'annual-kr-change' && normText(e.oldText) === t && blank(e.newText) && !blank(e.approver) && !blank(e.approvedOn),
  );
}

const krKey = (o: number, kr: number): string => `${o}#${kr}`;

/** The snapshot's entries by card, built once per snapshot: a filter per card was O(cards × entries), 1.2 s at 1,000 people. */
const byCard = new WeakMap<LockSnapshot, Map<string, LockEntry[]>>();
function entriesOf(lock: LockSnapshot, key: string): LockEntry[] {
  let index = byCard.get(lock);
  if (!index) {
    index = new Map();
    for (const e of lock.entries) {
      const list = index.get(e.card);
      if (list) list.push(e);
      else index.set(e.card, [e]);
    }
    byCard.set(lock, index);
  }
  return index.get(key) ?? [];
}

/**
 * O_FROZEN, QKR_LOCKED, AKR_APPROVAL (only once the quarter is locked): the card's objective and KR
 * texts are compared with the lock snapshot. Objectives never change; quarterly KRs never change;
 * annual KRs change only with an approved change-log row. Whether a KR is quarterly or annual is
 * taken from the snapshot when it says so (turning a locked quarterly KR into an annual one is
 * itself a QKR_LOCKED error).
 */
export function checkLock(ctx: CardContext): Finding[] {
  const { book, card } = ctx;
  if (!book.lock) return [];
  const key = cardKey(card);
  const entries = entriesOf(book.lock, key);
  // A card the snapshot has nothing of (someone who joined after the lock) is still open: its
  // owner sets OKRs as anyone did before the lock, and `lock` freezes it once it is signed.
  if (entries.length === 0) return [];
  const objEntries = new Map<number, LockEntry>();
  const krEntries = new Map<string, LockEntry>();
  for (const e of entries) {
    if (e.krNo === undefined) objEntries.set(e.objectiveNo, e);
    else krEntries.set(krKey(e.objectiveNo, e.krNo), e);
  }

  const out: Finding[] = [];
  for (const o of card.objectives) {
    const oe = objEntries.get(o.no);
    const where = objectiveWhere(card, o);
    if (!oe) {
      out.push(cardFinding(ctx, 'O_FROZEN', 'error', 'added', { o: o.no, new: o.text.trim() }, where));
    } else if (normText(oe.text) !== normText(o.text)) {
      out.push(cardFinding(ctx, 'O_FROZEN', 'error', 'changed', { o: o.no, old: oe.text.trim(), new: o.text.trim() }, where));
    }
    for (const kr of o.krs) {
      const ke = krEntries.get(krKey(o.no, kr.no));
      const p = { o: o.no, kr: kr.no };
      const kw = krWhere(card, o, kr);
      const now = kr.text.trim();
      const lockedPeriod = ke?.period ?? kr.period;
      const changed = ke !== undefined && normText(ke.text) !== normText(kr.text);
      if (lockedPeriod === 'quarter') {
        if (!ke) out.push(cardFinding(ctx, 'QKR_LOCKED', 'error', 'added', { ...p, new: now }, kw));
        else if (changed) out.push(cardFinding(ctx, 'QKR_LOCKED', 'error', 'changed', { ...p, old: ke.text.trim(), new: now }, kw));
        else if (kr.period !== 'quarter') out.push(cardFinding(ctx, 'QKR_LOCKED', 'error', 'periodChanged', p, kw));
        // Snapshots from before targets and criteria were stored hold neither: nothing to compare.
        if (ke?.target !== undefined && normText(ke.target) !== normText(kr.target)) {
          out.push(cardFinding(ctx, 'QKR_LOCKED', 'error', 'targetChanged', { ...p, old: ke.target.trim(), new: kr.target.trim() }, krWhere(card, o, kr, 'target')));
        }
        if (ke?.criteria !== undefined && normText(ke.criteria) !== normText(kr.criteria)) {
          out.push(cardFinding(ctx, 'QKR_LOCKED', 'error', 'criteriaChanged', { ...p, old: ke.criteria.trim(), new: kr.criteria.trim() }, krWhere(card, o, kr, 'criteria')));
        }
      } else if ((!ke || changed) && !annualChangeApproved(book, kr.text)) {
        if (!ke) out.push(cardFinding(ctx, 'AKR_APPROVAL', 'error', 'added', { ...p, new: now }, kw));
        else out.push(cardFinding(ctx, 'AKR_APPROVAL', 'error', 'changed', { ...p, old: ke.text.trim(), new: now }, kw));
      }
    }
  }

  // Removed since the lock (a removed objective's KRs are reported too, each under its own rule).
  const current = new Map(card.objectives.map((o) => [o.no, o]));
  for (const oe of objEntries.values()) {
    if (!current.has(oe.objectiveNo)) {
      out.push(cardFinding(ctx, 'O_FROZEN', 'error', 'removed', { o: oe.objectiveNo, old: oe.text.trim() }, cardWhere(card)));
    }
  }
  for (const ke of krEntries.values()) {
    const o = current.get(ke.objectiveNo);
    if (o && o.krs.some((kr) => kr.no === ke.krNo)) continue;
    const p = { o: ke.objectiveNo, kr: ke.krNo ?? 0, old: ke.text.trim() };
    const where = o ? objectiveWhere(card, o) : cardWhere(card);
    if ((ke.period ?? 'quarter') === 'quarter') out.push(cardFinding(ctx, 'QKR_LOCKED', 'error', 'removed', p, where));
    else if (!annualRemovalApproved(book, ke.text)) out.push(cardFinding(ctx, 'AKR_APPROVAL', 'error', 'removed', p, where));
  }
  return out;
}

/** Reads a LockEntry card key back: "company", "department:<dept>", "individual:<dept>:<name>". */
export function parseCardKey(key: string): { level: Level; department: string; owner: string } {
  if (key.startsWith('department:')) return { level: 'department', department: key.slice('department:'.length), owner: '' };
  if (key.startsWith('individual:')) {
    const rest = key.slice('individual:'.length);
    const i = rest.indexOf(':');
    return { level: 'individual', department: i < 0 ? rest : rest.slice(0, i), owner: i < 0 ? '' : rest.slice(i + 1) };
  }
  return { level: 'company', department: '', owner: '' };
}

/** O_FROZEN, book level: a card that held objectives at lock time and is gone now. */
export function checkRemovedCards(book: OkrBook): Finding[] {
  if (!book.lock) return [];
  const present = new Set(allCards(book).map((c: Card) => cardKey(c)));
  const gone = new Map<string, number>();
  for (const e of book.lock.entries) {
    if (present.has(e.card)) continue;
    gone.set(e.card, (gone.get(e.card) ?? 0) + (e.krNo === undefined ? 1 : 0));
  }
  const out: Finding[] = [];
  for (const [key, count] of gone) {
    const c = parseCardKey(key);
    out.push(
      makeFinding(
        { rule: 'O_FROZEN', severity: 'error', level: c.level, department: c.department, owner: c.owner, sheet: '', cell: '' },
        'cardRemoved',
        { cardLevel: c.level, department: c.department, owner: c.owner, count },
      ),
    );
  }
  return out;
}

/** O_FROZEN, book level: the stored snapshot was edited (fingerprints do not match). */
export function checkSnapshotAltered(book: OkrBook): Finding[] {
  const lock = book.lock;
  if (!lock?.altered?.length) return [];
  return lock.altered.map((where) => {
    const row = /\d+$/.exec(where.cell)?.[0] ?? '';
    return makeFinding(
      { rule: 'O_FROZEN', severity: 'error', level: 'company', department: '', owner: '', sheet: where.sheet, cell: where.cell },
      'snapshotAltered',
      { sheet: where.sheet, cell: row },
    );
  });
}
