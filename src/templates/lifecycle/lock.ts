/** Locking the quarter: the snapshot of everything it freezes, the frozen cells, the change-log row. */
import { cycleLabel, isoToSerial } from '../../domain/cycle';
import { LEVEL_WORDS } from '../../domain/labels';
import { allCards, cardKey, type Lang, type Level, type LockEntry, type LockSnapshot } from '../../domain/model';
import { refuse, type Refused } from '../../domain/refusal';
import { checkBook, type Finding } from '../../domain/rules';
import { text as catalogue } from '../../i18n';
import { parseAddr } from '../a1';
import { coalesceCells, emptyEdit, type WorkbookEdit } from '../edits';
import { buildLockSheet, isLockSheet } from '../lock-sheet';
import { FROZEN_FILL } from '../styles';
import { t } from '../text';
import { freeName, kindWord, logRows, noRoom, openFindingsNote, type PlanInput } from './common';

export interface LockInput extends PlanInput {
  /** Lock although some cards are not agreed; the reason goes into the change log. */
  override?: string;
  /** Lock again (a new snapshot) although the quarter is already locked. */
  relock?: boolean;
}

export interface LockPlan {
  status: 'planned';
  edit: WorkbookEdit;
  snapshot: LockSnapshot;
  cards: number;
  objectives: number;
  quarterlyKrs: number;
  /** AGREED errors that the override let through (empty without an override). */
  notAgreed: Finding[];
  /** Other rule errors the override let through (empty without an override). */
  otherErrors: Finding[];
}

function cardName(c: { level: Level; department?: string; owner?: string }, lang: Lang): string {
  if (c.level === 'company') return LEVEL_WORDS.company[lang];
  return c.level === 'department' ? c.department ?? '' : `${c.department ?? ''}/${c.owner ?? ''}`;
}

/**
 * Locks the quarter: every card must be agreed (AGREED has no errors in phase 'lock') unless an
 * override reason is given. Freezes (locks and greys) each objective's text and each quarterly KR's
 * text, target and criteria, protects the card sheets, stores the snapshot in a very hidden sheet
 * and appends a change-log row.
 */
export function planLock(input: LockInput): LockPlan | Refused {
  const { book, lang, sheets } = input;
  if (book.lock && !input.relock) return refuse({ code: 'alreadyLocked', lockedOn: book.lock.lockedOn });
  if (input.override !== undefined && input.override.trim() === '') return refuse({ code: 'blankReason' });
  const errors = checkBook(book, { phase: 'lock' }).filter((f) => f.severity === 'error');
  const notAgreed = errors.filter((f) => f.rule === 'AGREED');
  // Other rule errors (unreadable entries, weights, scores out of range, …) would be frozen into the
  // snapshot: they stop the lock too, and name every one.
  const otherErrors = errors.filter((f) => f.rule !== 'AGREED');
  if (input.override === undefined) {
    if (otherErrors.length) return refuse({ code: 'lockErrors', findings: otherErrors });
    if (notAgreed.length) return refuse({ code: 'notAgreed', findings: notAgreed });
  }
  const words = catalogue(lang).app;

  const entries: LockEntry[] = [];
  const frozen = new Map<string, { row: number; col: number }[]>();
  const freeze = (sheet: string | undefined, cell: string | undefined) => {
    if (!sheet || !cell) return;
    const list = frozen.get(sheet) ?? [];
    list.push(parseAddr(cell));
    frozen.set(sheet, list);
  };
  let cards = 0;
  let objectives = 0;
  let quarterlyKrs = 0;
  for (const card of allCards(book)) {
    if (card.objectives.length === 0) continue;
    cards++;
    const key = cardKey(card);
    for (const o of card.objectives) {
      objectives++;
      entries.push({ card: key, objectiveNo: o.no, text: o.text });
      freeze(o.ref?.sheet ?? card.sheet, o.ref?.text);
      for (const kr of o.krs) {
        entries.push({ card: key, objectiveNo: o.no, krNo: kr.no, period: kr.period, text: kr.text });
        if (kr.period !== 'quarter') continue;
        quarterlyKrs++;
        for (const c of [kr.ref?.text, kr.ref?.target, kr.ref?.criteria]) freeze(kr.ref?.sheet ?? card.sheet, c);
      }
    }
  }
  const snapshot: LockSnapshot = { lockedOn: input.today, lockedBy: input.by, cycle: cycleLabel(book.cycle), entries };

  const edit = emptyEdit();
  const existing = sheets.find(isLockSheet);
  const name = existing?.name ?? freeName(sheets, t('sheetLock', lang));
  edit.sheets.push({ plan: buildLockSheet(name, lang, snapshot), replaces: existing?.name, visibility: 'veryHidden' });
  for (const [sheet, cells] of frozen) {
    for (const range of coalesceCells(cells)) edit.locks.push({ sheet, range, locked: true, fill: FROZEN_FILL });
    edit.protect.push(sheet);
  }
  const who = notAgreed.map((f) => cardName(f, lang)).filter((v, i, a) => a.indexOf(v) === i);
  logRows(edit, sheets, lang, [{
    date: isoToSerial(input.today),
    kind: kindWord(input.override !== undefined ? 'lock-override' : 'lock', lang),
    newText: `${snapshot.cycle}：${words.lockSummary(cards, objectives, quarterlyKrs)}`,
    requester: input.by,
    note: input.override !== undefined
      ? [words.lockOverrideNote(input.override.trim(), notAgreed.length, who.join(words.listSep)), openFindingsNote(otherErrors, lang)].filter(Boolean).join(words.clauseSep)
      : undefined,
    record: true,
  }]);
  const full = noRoom(edit);
  if (full) return refuse(full);
  return { status: 'planned', edit, snapshot, cards, objectives, quarterlyKrs, notAgreed: input.override !== undefined ? notAgreed : [], otherErrors: input.override !== undefined ? otherErrors : [] };
}
