/**
 * What a relock replaces: the previous snapshot's texts compared with the new one's, one change-log
 * row per replaced text (old → new), so that locking again never throws history away.
 */
import type { Lang, LockEntry, LockSnapshot, OkrBook } from '../../domain/model';
import { LEVEL_WORDS } from '../../domain/labels';
import { annualChangeApproved, annualRemovalApproved, parseCardKey } from '../../domain/rules/lock';
import { text as catalogue } from '../../i18n';
import type { ChangeLogRow } from '../edits';
import { kindWord } from './common';

const entryKey = (e: LockEntry): string => `${e.card}|${e.objectiveNo}|${e.krNo ?? ''}`;

/** Where an entry is, for the change log's cell column: "销售部/张三 O2 KR1". */
function entryLabel(e: LockEntry, lang: Lang): string {
  const c = parseCardKey(e.card);
  const card = c.level === 'company' ? LEVEL_WORDS.company[lang] : c.level === 'department' ? c.department : `${c.department}/${c.owner}`;
  return `${card} O${e.objectiveNo}${e.krNo === undefined ? '' : ` KR${e.krNo}`}`;
}

export interface RelockDiff {
  rows: ChangeLogRow[];
  /** Replaced texts that no approved change-log row covers. */
  unapproved: number;
}

/**
 * Every text of the old snapshot that the new one replaces, adds or drops, objective and KR texts,
 * targets and criteria. A change is approved only when it is an annual KR change with an approved
 * change-log row; everything else was changed after the lock and is logged as such.
 */
export function relockDiff(book: OkrBook, old: LockSnapshot, next: LockEntry[], lang: Lang, date: number, by?: string): RelockDiff {
  const words = catalogue(lang);
  const before = new Map(old.entries.map((e) => [entryKey(e), e]));
  const after = new Map(next.map((e) => [entryKey(e), e]));
  const rows: ChangeLogRow[] = [];
  let unapproved = 0;
  const log = (e: LockEntry, field: string, oldText: string, newText: string, approved: boolean) => {
    if (!approved) unapproved++;
    rows.push({
      date, kind: kindWord('relock-change', lang), cell: `${entryLabel(e, lang)}${field ? ` ${field}` : ''}`,
      oldText, newText, requester: by, note: words.app.relockReplaced(approved), record: true,
    });
  };
  const annual = (e: LockEntry) => e.krNo !== undefined && e.period === 'annual';
  const S = words.sheets.lock;
  for (const [key, was] of before) {
    const now = after.get(key);
    if (!now) {
      log(was, '', was.text, '', annual(was) && annualRemovalApproved(book, was.text));
      continue;
    }
    if (was.text.trim() !== now.text.trim()) log(now, '', was.text, now.text, annual(now) && annualChangeApproved(book, now.text));
    // Targets and criteria are frozen only on quarterly KRs, which never change: always unapproved.
    if (was.target !== undefined && (now.target ?? '') !== was.target) log(now, S.target, was.target, now.target ?? '', false);
    if (was.criteria !== undefined && (now.criteria ?? '') !== was.criteria) log(now, S.criteria, was.criteria, now.criteria ?? '', false);
  }
  // A card that had nothing at the lock (a late joiner's) is locked for the first time, not changed.
  const lockedCards = new Set(old.entries.map((e) => e.card));
  for (const [key, now] of after) {
    if (!before.has(key) && lockedCards.has(now.card)) log(now, '', '', now.text, annual(now) && annualChangeApproved(book, now.text));
  }
  return { rows, unapproved };
}
