/**
 * The next quarter, built from the current one (pure: both front ends render the result with the
 * same generator as `new`). What carries:
 *  - the organisation (or the new one HR gives), and every setting HR edited in 设置;
 *  - the year's annual objectives and KRs, approved changes applied; into a new year only when asked,
 *    as drafts to agree and sign again;
 *  - every KR marked 结转下期 with a reason, to the same owner, saying where it came from and how far
 *    it got; its deadline moves to the new quarter's end, to be agreed again before the lock;
 *  - the register's and the change log's rows, as history; the year's rows (same year).
 * Everything else starts empty (or from an OKR file, as in `new`), and the new quarter is unlocked.
 */
import { cycleLabel, isoToSerial } from '../domain/cycle';
import { CHANGE_KIND_WORDS, parseWord } from '../domain/labels';
import {
  activeBook, allCards, cardKey, type Card, type ChangeLogEntry, type Cycle, type IsoDate, type KeyResult, type Lang, type Objective,
  type OkrBook, type Organisation, type Person,
} from '../domain/model';
import { refuse, type Refused } from '../domain/refusal';
import { isCarriedOver } from '../domain/rules';
import { findYearLine, pairHolders, type YearLine } from '../domain/year';
import { formatPercent } from '../i18n/format';
import { text as catalogue } from '../i18n';
import { emptyYear, type BuildHistory, type BuildInput } from './build';
import { CHANGE_LOG_COLUMNS, REGISTER } from './simple-sheets';
import type { PlanCell } from './plan';
import { filled, text, type RawValue, type SheetValues } from './read-book-values';
import { findSheet } from './lifecycle/common';
import { readYearSheet } from './year-sheet';

export interface NextInput {
  sheets: SheetValues[];
  book: OkrBook;
  lang: Lang;
  today: IsoDate;
  by?: string;
  /** The quarter to build. */
  cycle: Cycle;
  /** The organisation as it is now; absent: the current one. */
  org?: Organisation;
  /** The new quarter's own OKRs (an OKR file, as in `new`), added after what carries. */
  okrs?: Pick<BuildInput, 'company' | 'departments' | 'individuals'>;
  /** Into a new year, bring last year's annual objectives and KRs as drafts. */
  carryAnnual?: boolean;
  /** Build although the current quarter was not scored: the reason goes into the new change log. */
  override?: string;
}

/** A KR carried over: where it was (sheet!cell), whose it is, its text. */
export interface CarriedKr { from: string; owner: string; text: string }

export interface NextPlan {
  status: 'planned';
  build: BuildInput;
  carried: CarriedKr[];
  /** Annual KRs brought in. */
  annual: number;
  /** KRs marked carried over without a reason (sheet!cell): not carried. */
  notCarried: string[];
  /** Into a new year without --carry-annual: last year's annual KRs left behind. */
  annualDropped: number;
  moved: { name: string; from: string; to: string }[];
  left: { name: string; department: string }[];
  /** History rows brought (register and change log). */
  history: number;
}

const ordinal = (c: Cycle): number => c.year * 4 + c.quarter;

/** The latest approved change of each annual KR text cell ("sheet!cell" → new text, when the card still shows the old). */
function approvedChanges(book: OkrBook): Map<string, ChangeLogEntry> {
  const out = new Map<string, ChangeLogEntry>();
  for (const e of book.changeLog) {
    // The reader gives the kind's code; a word it did not know stays as written.
    if (e.kind !== 'annual-kr-change' && parseWord(CHANGE_KIND_WORDS, e.kind) !== 'annual-kr-change') continue;
    if (!e.sheet || !e.cell || !(e.approver ?? '').trim() || !e.approvedOn || !(e.newText ?? '').trim()) continue;
    out.set(`${e.sheet}!${e.cell.replace(/\$/g, '').toUpperCase()}`, e);
  }
  return out;
}

/** Where a card's carried content goes: the card itself, and for a person, who they are now. */
interface Owner { card: Card; person?: Person }

export function planNext(input: NextInput): NextPlan | Refused {
  const { book, lang, sheets, cycle } = input;
  const from = cycleLabel(book.cycle);
  if (ordinal(cycle) <= ordinal(book.cycle)) return refuse({ code: 'cycleNotAfter', from, to: cycleLabel(cycle) });
  if (input.override !== undefined && input.override.trim() === '') return refuse({ code: 'blankReason' });
  const register = findSheet(sheets, 'titleRegister');
  let scored = false;
  if (register) for (let r = REGISTER.firstRow; r <= register.rowCount && !scored; r++) scored = text(register.get(r, REGISTER.cycle)) === from;
  if (!scored && input.override === undefined) return refuse({ code: 'notScored', cycle: from });

  const words = catalogue(lang).year;
  const active = activeBook(book);
  const sameYear = cycle.year === book.cycle.year;
  const bringAnnual = sameYear || input.carryAnnual === true;
  const departedPeople = new Set(book.individuals.filter((c) => c.departed).map((c) => `${c.department}|${c.owner}`));
  const closed = new Set(book.departments.filter((c) => c.departed).map((c) => c.department));
  const org: Organisation = input.org ?? {
    departments: book.org.departments.filter((d) => !closed.has(d.name)),
    people: book.org.people.filter((p) => !departedPeople.has(`${p.department}|${p.name}`)),
  };
  const oldPerson = (c: Card): Person | undefined => book.org.people.find((p) => p.name === c.owner && p.department === c.department);
  const changes = approvedChanges(book);

  // Where each person's carried content goes: the same person in the new organisation, by employee
  // id, else department and name (first, for everyone), else — a mover — their name, when only one
  // card of the quarter and one person of the new organisation have it.
  const holders: YearLine[] = org.people.map((p) => ({ level: 'individual', department: p.department, name: p.name, ...(p.id ? { id: p.id } : {}), quarters: [null, null, null, null] }));
  const moved: NextPlan['moved'] = [];
  const left: NextPlan['left'] = [];
  const whoOf = (c: Card) => { const id = oldPerson(c)?.id; return { card: c, level: 'individual' as const, department: c.department ?? '', name: c.owner ?? '', ...(id ? { id } : {}) }; };
  const whos = active.individuals.map(whoOf);
  const paired = pairHolders(whos, holders);
  const destOf = new Map<Card, YearLine>();
  for (const w of whos) {
    const line = paired.get(w);
    if (!line) { left.push({ name: w.name, department: w.department }); continue; }
    destOf.set(w.card, line);
    if (line.department !== w.department) moved.push({ name: line.name, from: w.department, to: line.department });
  }
  const target = (c: Card): Owner | undefined => {
    if (c.level === 'company') return { card: c };
    if (c.level === 'department') return org.departments.some((d) => d.name === c.department) ? { card: c } : undefined;
    const line = destOf.get(c);
    return line ? { card: c, person: org.people.find((p) => p.name === line.name && p.department === line.department) } : undefined;
  };

  const carried: CarriedKr[] = [];
  const notCarried: string[] = [];
  let annual = 0;
  let annualDropped = 0;
  const out = new Map<string, Card>();
  for (const c of allCards(active)) {
    const to = target(c);
    const objectives: Objective[] = [];
    for (const o of c.objectives) {
      const krs: KeyResult[] = [];
      for (const kr of o.krs) {
        const where = kr.ref ? `${kr.ref.sheet}!${kr.ref.text}` : `${c.sheet ?? ''}`;
        if (kr.period === 'annual') {
          if (!bringAnnual) { annualDropped++; continue; }
          const change = kr.ref ? changes.get(`${kr.ref.sheet}!${kr.ref.text}`) : undefined;
          const textNow = change && change.oldText?.trim() === kr.text.trim() ? (change.newText ?? '').trim() : kr.text;
          krs.push({
            ...blankKr(kr), text: textNow, period: 'annual', weight: kr.weight, progress: kr.progress,
            deadline: sameYear ? kr.deadline : `${cycle.year}-12-31`,
          });
          annual++;
        } else if (isCarriedOver(kr)) {
          const reason = (kr.carryOverReason ?? '').trim();
          if (!reason) { notCarried.push(where); continue; }
          krs.push({
            ...blankKr(kr), period: 'quarter', deadline: cycle.end, progress: kr.progress, weight: kr.weight,
            carryOverReason: words.carriedFrom({
              cycle: from, sheet: c.sheet ?? '', objective: o.no, kr: kr.no, progress: kr.progress === undefined ? '—' : formatPercent(kr.progress), reason,
            }),
          });
          carried.push({ from: where, owner: c.owner ?? c.department ?? '', text: kr.text });
        }
      }
      if (!krs.length) continue;
      // Weights carry only when the whole objective does: a part of one does not sum to 100 %.
      const whole = krs.length === o.krs.length;
      objectives.push({
        no: objectives.length + 1, text: o.text, source: o.source, alignedTo: o.alignedTo, category: o.category,
        weight: undefined, krs: krs.map((k, i) => ({ ...k, no: i + 1, weight: whole ? k.weight : undefined })),
      });
    }
    if (!to) continue;
    // Objective weights carry when every objective of the card did.
    if (objectives.length === c.objectives.length) objectives.forEach((o, i) => { o.weight = c.objectives[i].weight; });
    const level = c.level;
    const dest: Card = level === 'individual' && to.person
      ? { level, department: to.person.department, owner: to.person.name, objectives, signOff: {} }
      : { level, department: c.department, owner: c.owner, objectives, signOff: {} };
    out.set(cardKey(dest), dest);
  }
  // The new quarter's own OKRs follow what carried, numbered on.
  const okrCards = [input.okrs?.company, ...(input.okrs?.departments ?? []), ...(input.okrs?.individuals ?? [])].filter((c): c is Card => !!c);
  for (const c of okrCards) {
    const key = cardKey(c);
    const dest = out.get(key) ?? { ...c, objectives: [], signOff: {} };
    dest.objectives.push(...c.objectives.map((o, i) => ({ ...o, no: dest.objectives.length + i + 1 })));
    out.set(key, dest);
  }

  const history = historyOf(sheets, book, lang, input, { from, to: cycleLabel(cycle), carried: carried.length, annual, sameYear, org });
  const cards = [...out.values()];
  const companyName = text(findSheet(sheets, 'titleMap')?.get(2, 2));
  return {
    status: 'planned',
    build: {
      lang, cycle, settings: book.settings, org,
      company: cards.find((c) => c.level === 'company'),
      departments: cards.filter((c) => c.level === 'department'),
      individuals: cards.filter((c) => c.level === 'individual'),
      ...(companyName ? { companyName } : {}),
      history,
    },
    carried, annual, notCarried, annualDropped, moved, left,
    history: history.register.length + history.changeLog.length,
  };
}

/** A KR's content without this quarter's entries (scores, status, sign-off): what a new quarter starts from. */
function blankKr(kr: KeyResult): KeyResult {
  return { no: kr.no, text: kr.text, deliverable: kr.deliverable, target: kr.target, criteria: kr.criteria, period: kr.period };
}

const asCell = (v: RawValue, s: PlanCell['s']): PlanCell => ({ v: v instanceof Date ? isoToSerial(v.toISOString().slice(0, 10)) : v ?? null, s });

function historyOf(
  sheets: SheetValues[], book: OkrBook, lang: Lang, input: NextInput,
  p: { from: string; to: string; carried: number; annual: number; sameYear: boolean; org: Organisation },
): BuildHistory {
  const register: PlanCell[][] = [];
  const reg = findSheet(sheets, 'titleRegister');
  if (reg) {
    const width = REGISTER.distCol + REGISTER.distWidth - 1;
    for (let r = REGISTER.firstRow; r <= reg.rowCount; r++) {
      const row: PlanCell[] = [];
      for (let c = 1; c <= width; c++) {
        const v = reg.get(r, c);
        row.push(c === REGISTER.width + 1 ? { v: null } : asCell(v, c === REGISTER.score || c === REGISTER.bonus ? 'score' : 'fixed'));
      }
      if (row.some((x) => filled(x.v as RawValue))) register.push(row);
    }
  }
  const changeLog: PlanCell[][] = [];
  const log = findSheet(sheets, 'titleChangeLog');
  if (log) {
    for (let r = 5; r <= log.rowCount; r++) {
      const row = CHANGE_LOG_COLUMNS.map((col, i) => asCell(log.get(r, i + 1), col.style === 'inputDate' ? 'date' : 'fixed'));
      if (row.some((x) => filled(x.v as RawValue))) changeLog.push(row);
    }
  }
  const words = catalogue(lang).year;
  const note = input.override !== undefined ? words.nextOverride(input.override.trim()) : null;
  changeLog.push([
    { v: isoToSerial(input.today), s: 'date' }, { v: CHANGE_KIND_WORDS.next[lang], s: 'fixed' }, { v: null, s: 'fixed' }, { v: null, s: 'fixed' },
    { v: p.from, s: 'fixed' }, { v: words.nextLog({ from: p.from, to: p.to, carried: p.carried, annual: p.annual }), s: 'fixed' },
    { v: input.by ?? null, s: 'fixed' }, { v: null, s: 'fixed' }, { v: null, s: 'fixed' }, { v: note, s: 'fixed' },
  ]);
  let year: BuildHistory['year'];
  if (p.sameYear) {
    const ys = sheets.map(readYearSheet).find((y) => y?.year === book.cycle.year);
    if (ys) {
      // The year's rows as they are, HR's cells included; each person's row shows them where they are
      // now (a transfer, a rename by id), and each newcomer gets a row.
      const now = emptyYear(p.org).filter((l) => l.level === 'individual');
      const follow = pairHolders(ys.rows.filter((r) => r.level === 'individual'), now);
      const taken = new Set(follow.values());
      year = ys.rows.map((r) => {
        const at = follow.get(r) ?? r;
        return { level: r.level, department: at.department, name: at.name, ...(at.id ?? r.id ? { id: at.id ?? r.id } : {}), quarters: r.quarters, hr: r.hr };
      });
      const rowsNow = year;
      year.push(...now.filter((l) => !taken.has(l)), ...emptyYear(p.org).filter((l) => l.level !== 'individual' && !findYearLine(rowsNow, l)));
    }
  }
  return { register, changeLog, ...(year ? { year } : {}) };
}
