import { isoToSerial, parseCycle } from '../domain/cycle';
import { blankEntry, parseNumberText, wordKey, type Unreadable } from '../domain/entries';
import {
  CHANGE_KIND_WORDS, isDepartedMark, LEVEL_WORDS, NO_TEXTS, parseWord, parseYesNo, PERIOD_WORDS, RATING_WORDS, SOURCE_WORDS,
  spellingsOf, STATUS_WORDS, YES_NO_WORDS, YES_TEXTS,
} from '../domain/labels';
import {
  DEFAULT_SETTINGS, RATING_CODES,
  type Card, type ChangeLogEntry, type Cycle, type KeyResult, type Lang, type Level, type Objective,
  type OkrBook, type Organisation, type Person, type RatingCode, type Settings, type SignOff,
} from '../domain/model';
import { parseLang } from '../i18n/langs';
import { addr, parseAddr } from './a1';
import { STATUS_COL } from './card';
import { cardLayout, KR_INPUTS, type CardField } from './card-layout';
import { isLockSheet, readLockSheet } from './lock-sheet';
import { filled, num, opt, text, toIsoDate, type RawValue, type SheetValues } from './read-book-values';
import { SETTINGS_CELLS, STAFF_ID_OFFSET } from './settings-sheet';
import { both, TEXT } from './text';
import { readYearBlock } from './year-settings';

export { filled, num, text, toIsoDate } from './read-book-values';
export type { RawValue, SheetValues } from './read-book-values';

/**
 * Reads a workbook back into the domain model. Both adapters feed it the same shape — the values
 * of every sheet — so the rules and the scoring see the same book whichever way it was read.
 * Sheets are recognised by what they hold (their title cell), not by their names, so a renamed or
 * reordered card still reads.
 */
/** The values are not an OKR workbook's; `reason` says why, worded by each front end from the catalogue. */
export class NotAnOkrWorkbook extends Error {
  constructor(readonly reason: 'noSettings' | 'noCycle') {
    super(reason === 'noSettings' ? 'settings sheet not found' : 'settings sheet has no cycle');
    this.name = 'NotAnOkrWorkbook';
  }
}

const TITLES: Record<Level, string[]> = {
  company: both('titleMap'),
  department: both('titleDeptCard'),
  individual: both('titlePersonCard'),
};

/**
 * The books already read, by the sheets they were read from: opening a file reads the book (its
 * language, and whether it is an OKR workbook at all), then the use case reads it again from the same
 * sheets; at 1,000 cards that second read was half a second. The book is shared: nothing changes it.
 */
const READ = new WeakMap<SheetValues[], OkrBook>();

export function readBook(sheets: SheetValues[]): OkrBook {
  let book = READ.get(sheets);
  if (!book) {
    book = readBookOnce(sheets);
    READ.set(sheets, book);
  }
  return book;
}

function readBookOnce(sheets: SheetValues[]): OkrBook {
  const settingsSheet = sheets.find((s) => both('titleSettings').includes(text(s.get(1, 1))));
  if (!settingsSheet) throw new NotAnOkrWorkbook('noSettings');
  const { lang, cycle, settings, org } = readSettings(settingsSheet);
  const cards: Card[] = [];
  for (const s of sheets) {
    const title = text(s.get(1, 1));
    const level = (Object.keys(TITLES) as Level[]).find((l) => TITLES[l].includes(title));
    if (level) cards.push(readCard(s, level));
  }
  const company = cards.find((c) => c.level === 'company') ?? { level: 'company', objectives: [], signOff: {} };
  const changeSheet = sheets.find((s) => both('titleChangeLog').includes(text(s.get(1, 1))));
  const lockSheet = sheets.find(isLockSheet);
  const book: OkrBook = {
    lang, cycle, settings, org, company,
    departments: cards.filter((c) => c.level === 'department'),
    individuals: cards.filter((c) => c.level === 'individual'),
    changeLog: changeSheet ? readChangeLog(changeSheet) : [],
  };
  if (lockSheet) book.lock = readLockSheet(lockSheet);
  return book;
}

function readSettings(s: SheetValues): { lang: Lang; cycle: Cycle; settings: Settings; org: Organisation } {
  const at = (a: string) => { const p = parseAddr(a); return s.get(p.row, p.col); };
  const cycle = parseCycle(`${num(at(SETTINGS_CELLS.year)) ?? ''}-Q${num(at(SETTINGS_CELLS.quarter)) ?? ''}`) ?? parseCycle(text(at(SETTINGS_CELLS.cycle)));
  if (!cycle) throw new NotAnOkrWorkbook('noCycle');
  const lang: Lang = parseLang(text(at(SETTINGS_CELLS.lang)));
  const r0 = SETTINGS_CELLS.bandsFirstRow;
  const d = DEFAULT_SETTINGS;
  const bonus = { ...d.bonus };
  RATING_CODES.forEach((code, i) => { bonus[code] = num(s.get(r0 + i, 5)) ?? d.bonus[code]; });
  const ratingLabels = {} as Record<RatingCode, string>;
  RATING_CODES.forEach((code, i) => { ratingLabels[code] = text(s.get(r0 + i, 2)) || RATING_WORDS[code][lang]; });
  const column = (c: number) => {
    const out: string[] = [];
    for (let r = SETTINGS_CELLS.listFirstRow; r <= s.rowCount; r++) { const v = text(s.get(r, c)); if (v) out.push(v); }
    return out;
  };
  const settings: Settings = {
    bands: { fairFrom: num(s.get(r0 + 1, 3)) ?? d.bands.fairFrom, goodFrom: num(s.get(r0 + 2, 3)) ?? d.bands.goodFrom, goodTo: num(s.get(r0 + 2, 4)) ?? d.bands.goodTo },
    limits: {
      minObjectives: num(at(SETTINGS_CELLS.minO)) ?? d.limits.minObjectives,
      maxObjectives: num(at(SETTINGS_CELLS.maxO)) ?? d.limits.maxObjectives,
      maxKrs: num(at(SETTINGS_CELLS.maxKr)) ?? d.limits.maxKrs,
      bottomUpMin: num(at(SETTINGS_CELLS.bottomUp)) ?? d.limits.bottomUpMin,
    },
    categories: column(SETTINGS_CELLS.categoriesCol),
    bonus,
    ratingLabels,
  };
  const year = readYearBlock(s);
  if (year) settings.year = year;
  const sc = SETTINGS_CELLS.staffCol;
  const idCol = staffIdColumn(s);
  const people: Person[] = [];
  for (let r = SETTINGS_CELLS.listFirstRow; r <= s.rowCount; r++) {
    const name = text(s.get(r, sc));
    if (!name) continue;
    const person: Person = {
      name, department: text(s.get(r, sc + 1)), position: opt(s.get(r, sc + 2)), manager: opt(s.get(r, sc + 3)),
      head: parseYesNo(text(s.get(r, sc + 4))) === true,
    };
    const id = idCol ? opt(s.get(r, idCol)) : undefined;
    if (id !== undefined) person.id = id;
    people.push(person);
  }
  const deptNames = column(SETTINGS_CELLS.departmentsCol);
  for (const p of people) if (!deptNames.includes(p.department)) deptNames.push(p.department);
  const org: Organisation = {
    departments: deptNames.map((name) => ({ name, head: people.find((p) => p.department === name && p.head)?.name })),
    people,
  };
  return { lang, cycle, settings, org };
}

/**
 * The column of the staff list's employee ids in 设置, or 0 when it has none: a workbook from before
 * that column has no such header, and its people read without ids.
 */
export function staffIdColumn(s: SheetValues): number {
  const col = SETTINGS_CELLS.staffCol + STAFF_ID_OFFSET;
  return both('employeeId').includes(text(s.get(SETTINGS_CELLS.listFirstRow - 1, col))) ? col : 0;
}

export function readCard(s: SheetValues, level: Level): Card {
  const L = cardLayout(level);
  const col = (f: CardField) => L.col(f);
  const card: Card = { level, objectives: [], signOff: {}, sheet: s.name, hidden: s.hidden };
  if (level === 'individual') { card.owner = text(s.get(2, 2)); card.department = text(s.get(2, 4)); }
  if (level === 'department') card.department = text(s.get(2, 2));
  const status = level === 'company' ? '' : text(s.get(2, STATUS_COL));
  if (isDepartedMark(status)) card.departed = status;

  // The table starts below its header row, wherever inserted rows have moved it.
  const objNoTitles = both('colObjNo');
  let headerRow = 0;
  for (let r = 1; r <= Math.min(s.rowCount, 40) && !headerRow; r++) if (objNoTitles.includes(text(s.get(r, 1)))) headerRow = r;
  if (!headerRow) return card;
  const signOffTitles = both('signOff');
  let current: Objective | undefined;
  let present = false;
  // KR numbers of the slot's rows (filled or not), and the KRs on rows without a usable number:
  // a row a person inserted inside a card has none, and a copied row repeats one.
  let slotNumbers = new Set<number>();
  let taken = new Set<number>();
  let unnumbered: KeyResult[] = [];
  const closeSlot = () => {
    if (!current) return;
    let next = Math.max(0, ...slotNumbers);
    for (const kr of unnumbered) kr.no = ++next;
    if (present) card.objectives.push(current);
  };
  let r = headerRow + 1;
  for (; r <= s.rowCount; r++) {
    const a = s.get(r, 1);
    if (signOffTitles.includes(text(a))) break;
    if (typeof a === 'number') {
      closeSlot();
      current = readObjective(s, r, level, a);
      present = L.objInputs.some((f) => filled(s.get(r, col(f))));
      slotNumbers = new Set();
      taken = new Set();
      unnumbered = [];
    }
    if (!current) continue;
    const krNo = num(s.get(r, col('krNo')));
    if (KR_INPUTS.some((f) => filled(s.get(r, col(f))))) {
      const kr = readKr(s, r, level, current.krs.length + 1);
      if (krNo === undefined || taken.has(krNo)) unnumbered.push(kr);
      else taken.add(krNo);
      current.krs.push(kr);
      present = true;
    }
    if (krNo !== undefined) slotNumbers.add(krNo);
  }
  closeSlot();
  card.signOff = readSignOff(s, r, s.rowCount);
  return card;
}

function readObjective(s: SheetValues, r: number, level: Level, no: number): Objective {
  const L = cardLayout(level);
  const at = (f: CardField) => s.get(r, L.col(f));
  const cell = (f: CardField) => (L.has(f) ? addr(r, L.col(f)) : '');
  const unreadable: NonNullable<Objective['unreadable']> = {};
  const weight = entryNumber(at('objWeight'));
  if (weight.bad) unreadable.objWeight = weight.bad;
  const agreed = entryYesNo(at('agreed'));
  if (agreed.bad) unreadable.agreed = agreed.bad;
  const o: Objective = {
    no, text: text(at('objective')), weight: weight.value, krs: [],
    agreed: agreed.value,
    ref: {
      sheet: s.name, row: r, text: cell('objective'), weight: cell('objWeight'), score: cell('objScore'), source: cell('source'),
      alignedTo: cell('alignedTo'), agreed: cell('agreed'),
    },
  };
  if (L.has('category')) o.category = opt(at('category'));
  if (L.has('source')) {
    const source = entryWord(SOURCE_WORDS, at('source'));
    o.source = source.value;
    if (source.bad) unreadable.source = source.bad;
  }
  if (L.has('alignedTo')) o.alignedTo = alignedRef(text(at('alignedTo')));
  if (Object.keys(unreadable).length) o.unreadable = unreadable;
  return o;
}

function readKr(s: SheetValues, r: number, level: Level, index: number): KeyResult {
  const L = cardLayout(level);
  const at = (f: CardField) => s.get(r, L.col(f));
  const cell = (f: CardField) => addr(r, L.col(f));
  const krNo = num(at('krNo'));
  const dl = at('deadline');
  // A date typed as text is not a date to the card's formulas either, so it stays text here.
  const deadline = typeof dl === 'number' || dl instanceof Date ? toIsoDate(dl) : undefined;
  const status = text(at('status'));
  const statusRead = entryWord(STATUS_WORDS, at('status'));
  const statusCode = statusRead.value;
  // Every input the formulas read is read the way they read it; what they cannot use is kept as unreadable.
  const unreadable: NonNullable<KeyResult['unreadable']> = {};
  const numberAt = (f: 'krWeight' | 'progress' | 'selfScore' | 'managerScore'): number | undefined => {
    const e = entryNumber(at(f));
    if (e.bad) unreadable[f] = e.bad;
    return e.value;
  };
  const period = entryWord(PERIOD_WORDS, at('period'));
  if (period.bad) unreadable.period = period.bad;
  if (statusRead.bad) unreadable.status = statusRead.bad;
  const kr: KeyResult = {
    no: krNo ?? index, text: text(at('kr')), deliverable: text(at('deliverable')), target: text(at('target')),
    // An unreadable period counts as quarterly, as in the card's deadline check (and is reported).
    criteria: text(at('criteria')), period: period.value ?? 'quarter',
    weight: numberAt('krWeight'), progress: numberAt('progress'), selfScore: numberAt('selfScore'), managerScore: numberAt('managerScore'),
    ref: {
      sheet: s.name, row: r, text: cell('kr'), target: cell('target'), criteria: cell('criteria'), deadline: cell('deadline'),
      weight: cell('krWeight'), selfScore: cell('selfScore'), managerScore: cell('managerScore'), finalScore: cell('finalScore'),
      progress: cell('progress'), period: cell('period'), status: cell('status'),
    },
  };
  if (Object.keys(unreadable).length) kr.unreadable = unreadable;
  if (deadline) kr.deadline = deadline;
  else if (filled(dl)) kr.deadlineText = text(dl);
  if (status) kr.status = statusCode ?? status;
  if (statusCode === 'carried-over') kr.carriedOver = true;
  const reason = text(at('carryReason'));
  if (reason) kr.carryOverReason = reason;
  return kr;
}

function readSignOff(s: SheetValues, from: number, to: number): SignOff {
  const out: SignOff = {};
  const employee = [...both('employeeSign'), ...both('deptHeadSign')];
  const manager = [...both('managerSign'), ...both('gmSign')];
  for (let r = from; r <= Math.min(to, from + 6); r++) {
    const label = text(s.get(r, 1));
    if (employee.includes(label)) { out.employee = opt(s.get(r, 2)); out.employeeDate = toIsoDate(s.get(r, 4)); }
    if (manager.includes(label)) { out.manager = opt(s.get(r, 2)); out.managerDate = toIsoDate(s.get(r, 4)); }
  }
  return out;
}

function readChangeLog(s: SheetValues): ChangeLogEntry[] {
  const out: ChangeLogEntry[] = [];
  for (let r = 5; r <= s.rowCount; r++) {
    const cells = Array.from({ length: 10 }, (_, i) => s.get(r, i + 1));
    if (!cells.some(filled)) continue;
    out.push({
      date: toIsoDate(cells[0]), kind: parseWord(CHANGE_KIND_WORDS, text(cells[1])) ?? text(cells[1]), sheet: opt(cells[2]), cell: opt(cells[3]), oldText: opt(cells[4]),
      newText: opt(cells[5]), requester: opt(cells[6]), approver: opt(cells[7]), approvedOn: toIsoDate(cells[8]), note: opt(cells[9]),
    });
  }
  return out;
}

/**
 * "公司#2" and "company#2" both mean the company's objective 2; a full-width ＃ or digits and stray
 * spaces around the # are read as the import reads them ("技术部 ＃ ２" is 技术部#2).
 */
function alignedRef(t: string): string | undefined {
  if (!t) return undefined;
  const u = t.replace(/\uFF03/g, '#');
  const i = u.lastIndexOf('#');
  if (i < 0) return t;
  const head = u.slice(0, i).replace(/[\s\u3000]+$/, '');
  const no = u.slice(i + 1).normalize('NFKC').trim();
  if (!/^\d+$/.test(no)) return t;
  const n = String(Number(no));
  return /^(company|公司)$/i.test(head) ? `company#${n}` : `${head}#${n}`;
}

// ---- entries as the card formulas read them (domain/entries.ts) ---------------------------

interface Entry<T> { value?: T; bad?: Unreadable }

/** What a cell shows as text to the formulas' TRIM and comparisons. */
function entryText(v: RawValue): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return String(isoToSerial(v.toISOString().slice(0, 10)));
  return v === null || v === undefined ? '' : String(v);
}

/** A number cell: a number counts (a date is its serial number, as ISNUMBER sees it); anything else is unreadable. */
function entryNumber(v: RawValue): Entry<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { bad: { raw: String(v) } };
  if (v instanceof Date) return { value: isoToSerial(v.toISOString().slice(0, 10)) };
  if (blankEntry(v)) return {};
  const raw = entryText(v);
  const reads = typeof v === 'string' ? parseNumberText(v) : undefined;
  return { bad: reads === undefined ? { raw } : { raw, reads } };
}

/** A word cell: blank, one of the words (either language, the code, a synonym), or unreadable. */
function entryWord<T extends string>(words: Record<T, Record<Lang, string>>, v: RawValue): Entry<T> {
  const raw = entryText(v);
  const key = wordKey(raw);
  if (key === '') return {};
  const code = (Object.keys(words) as T[]).find((c) => spellingsOf(words, c).includes(key));
  return code ? { value: code } : { bad: { raw } };
}

function entryYesNo(v: RawValue): Entry<boolean> {
  const raw = entryText(v);
  const key = wordKey(raw);
  if (key === '') return {};
  if (YES_TEXTS.includes(key) || spellingsOf(YES_NO_WORDS, 'yes').includes(key)) return { value: true };
  if (NO_TEXTS.includes(key) || spellingsOf(YES_NO_WORDS, 'no').includes(key)) return { value: false };
  return { bad: { raw } };
}

export const KNOWN_WORDS = { LEVEL_WORDS, RATING_WORDS, TEXT };
