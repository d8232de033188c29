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
import { relockDiff } from './relock';

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
  /** Only cards signed after the quarter was locked were locked now; the others' lock stays. */
  late: boolean;
  /** A relock: how many texts it replaced (logged old → new), how many without approval, where the old snapshot went. */
  relocked?: { replaced: number; unapproved: number; archive: string };
}

function cardName(c: { level: Level; department?: string; owner?: string }, lang: Lang): string {
  if (c.level === 'company') return LEVEL_WORDS.company[lang];
  return c.level === 'department' ? c.department ?? '' : `${c.department ?? ''}/${c.owner ?? ''}`;
}

/** Rules whose findings a relock takes up into the new snapshot (and logs), instead of refusing. */
const PENDING_RULES = new Set(['O_FROZEN', 'QKR_LOCKED', 'AKR_APPROVAL']);

/**
 * Locks the quarter: every card must be agreed (AGREED has no errors in phase 'lock') unless an
 * override reason is given. Freezes (locks and greys) each objective's text and each quarterly KR's
 * text, target and criteria, protects the card sheets, stores the snapshot in a very hidden sheet
 * and appends a change-log row.
 *
 * On a locked quarter it locks only the cards the snapshot has nothing of (people who joined after
 * the lock), once they are signed, and leaves everyone else's lock as it is. A relock takes a new
 * snapshot of everything: the old one is archived and every text it replaces is logged old → new.
 */
export function planLock(input: LockInput): LockPlan | Refused {
  const { book, lang, sheets } = input;
  if (input.override !== undefined && input.override.trim() === '') return refuse({ code: 'blankReason' });
  const old = book.lock;
  const late = old !== undefined && !input.relock;
  const lockedCards = new Set(old?.entries.map((e) => e.card) ?? []);
  const taken = allCards(book).filter((c) => c.objectives.length > 0 && !(late && lockedCards.has(cardKey(c))));
  if (old && late && taken.length === 0) return refuse({ code: 'alreadyLocked', lockedOn: old.lockedOn });
  const takenKeys = new Set(taken.map((c) => cardKey(c)));

  let errors = checkBook(book, { phase: 'lock' }).filter((f) => f.severity === 'error');
  // Adding cards to a snapshot someone altered would give it a fresh fingerprint: that stops it.
  if (late) errors = errors.filter((f) => takenKeys.has(cardKey(f)) || (f.rule === 'O_FROZEN' && f.sheet !== '' && f.sheet === old?.sheet));
  // A relock is how pending changes to the locked texts are taken up: they are logged, not refused.
  const pending = input.relock ? errors.filter((f) => PENDING_RULES.has(f.rule)) : [];
  errors = errors.filter((f) => !pending.includes(f));
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
  let objectives = 0;
  let quarterlyKrs = 0;
  for (const card of taken) {
    const key = cardKey(card);
    for (const o of card.objectives) {
      objectives++;
      entries.push({ card: key, objectiveNo: o.no, text: o.text });
      freeze(o.ref?.sheet ?? card.sheet, o.ref?.text);
      for (const kr of o.krs) {
        if (kr.period !== 'quarter') {
          entries.push({ card: key, objectiveNo: o.no, krNo: kr.no, period: kr.period, text: kr.text });
          continue;
        }
        entries.push({ card: key, objectiveNo: o.no, krNo: kr.no, period: kr.period, text: kr.text, target: kr.target, criteria: kr.criteria });
        quarterlyKrs++;
        for (const c of [kr.ref?.text, kr.ref?.target, kr.ref?.criteria]) freeze(kr.ref?.sheet ?? card.sheet, c);
      }
    }
  }
  const cards = taken.length;
  const snapshot: LockSnapshot = late && old
    ? { lockedOn: old.lockedOn, lockedBy: old.lockedBy, cycle: old.cycle ?? cycleLabel(book.cycle), entries: [...old.entries, ...entries] }
    : { lockedOn: input.today, lockedBy: input.by, cycle: cycleLabel(book.cycle), entries };

  const edit = emptyEdit();
  const existing = sheets.find(isLockSheet);
  const name = existing?.name ?? freeName(sheets, t('sheetLock', lang));
  edit.sheets.push({ plan: buildLockSheet(name, lang, snapshot), replaces: existing?.name, visibility: 'veryHidden' });
  for (const [sheet, cells] of frozen) {
    for (const range of coalesceCells(cells)) edit.locks.push({ sheet, range, locked: true, fill: FROZEN_FILL });
    edit.protect.push(sheet);
  }
  const date = isoToSerial(input.today);
  const overrideNote = input.override !== undefined
    ? [words.lockOverrideNote(input.override.trim(), notAgreed.length, names(notAgreed, lang)), openFindingsNote(otherErrors, lang)].filter(Boolean).join(words.clauseSep)
    : undefined;
  const relock = input.relock && old ? relockDiff(book, old, entries, lang, date, input.by) : undefined;
  let archive: string | undefined;
  if (old && relock) {
    archive = freeName(sheets, `${t('sheetLockArchive', lang)}_${old.lockedOn}`);
    edit.sheets.push({ plan: buildLockSheet(archive, lang, old, true), visibility: 'veryHidden' });
  }
  const summary = late ? words.lockLateSummary(cards, objectives, quarterlyKrs, names(taken, lang)) : words.lockSummary(cards, objectives, quarterlyKrs);
  const note = [relock && archive ? words.relockNote(relock.rows.length, relock.unapproved, archive) : '', overrideNote ?? ''].filter(Boolean).join(words.clauseSep);
  logRows(edit, sheets, lang, [{
    date,
    kind: kindWord(input.override !== undefined ? 'lock-override' : 'lock', lang),
    newText: `${snapshot.cycle}：${summary}`,
    requester: input.by,
    note: note || undefined,
    record: true,
  }, ...(relock?.rows ?? [])]);
  const full = noRoom(edit);
  if (full) return refuse(full);
  return {
    status: 'planned', edit, snapshot, cards, objectives, quarterlyKrs, late,
    notAgreed: input.override !== undefined ? notAgreed : [], otherErrors: input.override !== undefined ? otherErrors : [],
    relocked: relock ? { replaced: relock.rows.length, unapproved: relock.unapproved, archive: archive ?? '' } : undefined,
  };
}

/** The cards named in a list, once each: "销售部/张三、销售部/李四". */
function names(list: { level: Level; department?: string; owner?: string }[], lang: Lang): string {
  return list.map((c) => cardName(c, lang)).filter((v, i, a) => a.indexOf(v) === i).join(catalogue(lang).app.listSep);
}
