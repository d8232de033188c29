/**
 * The organisation update: a live workbook follows a new organisation table, and a workbook made
 * by older templates is brought up to the current ones. Pure, like the lifecycle planners: it takes
 * the values both adapters read and returns a WorkbookEdit plus what to tell HR.
 *
 * What it promises: everything people typed stays exactly as it was. New people and departments get
 * new card sheets; people who left and closed departments keep their cards, marked in the status
 * cell (N2); a changed name, position, manager, head or department is written into the card's header
 * (row 2, cells the add-in owns); the staff and department lists in 设置 and their names follow.
 * Who is who: by employee id where both sides have one, else by name and department (update-people.ts).
 * A template upgrade rewrites only what the templates own on each card — labels, formulas, check
 * cells, formats, validations and conditional formats — never an input cell.
 */
import { departmentShareCells, DEPT_SHARE, placeDepartmentShare } from './dept-share';
import { isoToSerial, parseIsoDate } from '../domain/cycle';
import { DEPARTED_WORDS } from '../domain/labels';
import { personIdKey } from '../domain/person-id';
import { cardKey, type Card, type Lang, type Level, type Organisation } from '../domain/model';
import { absRange, parseAddr, rangeAddr } from './a1';
import { buildCardSheet, CARD_TAB, DEPARTED_TAB, HEADER_CELLS, STATUS_COL, type CardHeader } from './card';
import { CARD_HEADER_ROW, cardLayout } from './card-layout';
import { emptyEdit, type CellWrite, type WorkbookEdit } from './edits';
import { refuse, type Refused } from '../domain/refusal';
import { findSheet, kindWord, logRows, noRoom, reviewRow, type PlanInput } from './lifecycle';
import { buildLockSheet, isLockSheet } from './lock-sheet';
import { N } from './names';
import { TEMPLATE_VERSION, type PlanCell } from './plan';
import { staffIdColumn } from './read-book';
import { filled, num, text, type SheetValues } from './read-book-values';
import { parseAlignment } from '../domain/rules/alignment';
import { alignmentTargets, SETTINGS_CELLS, STAFF_COLUMNS, STAFF_ID_OFFSET, staffRow } from './settings-sheet';
import { SheetNamer } from './sheet-names';
import { matchPeople } from './update-people';
import { REVIEW_COLUMNS, REVIEW_FIRST_ROW } from './simple-sheets';
import { STYLES } from './styles';
import { both, t } from './text';
import { both as inEvery, text as catalogue, type Catalogue } from '../i18n';

/** A sentence in every language: the plan is kept whole, and each front end shows its own language. */
type Msg = Record<Lang, string>;

export interface UpdateInput extends PlanInput {
  /** The organisation as it is now (the new org table). */
  org: Organisation;
  /** The date people who left are marked with (YYYY-MM-DD); default: today. */
  leftOn?: string;
}

export interface CardChange {
  sheet: string;
  level: Exclude<Level, 'company'>;
  name: string;
  department?: string;
}

export interface HeaderChange {
  sheet: string;
  cell: string;
  old: string;
  new: string;
}

export interface UpgradeReport {
  from: number;
  to: number;
  /** Card sheets brought up to the current templates. */
  sheets: number;
  /** Card sheets left as they were, and why (their layout was changed beyond inserted rows). */
  skipped: { sheet: string; reason: Msg }[];
}

export interface UpdatePlan {
  status: 'planned';
  /** The organisation's changes, the version cell and the change-log row: applied last, in one request. */
  edit: WorkbookEdit;
  /** The template upgrade, one edit per card, applied before `edit` (several requests in the add-in). */
  upgrades: WorkbookEdit[];
  added: CardChange[];
  /** People on the old staff list whose card was gone (deleted): created again, empty. */
  recreated: CardChange[];
  departed: CardChange[];
  /** Cards marked departed before whose person (or department) is back: the mark is cleared. */
  returned: CardChange[];
  moved: { sheet: string; name: string; from: string; to: string }[];
  /** People whose employee id (工号) is on a card under another name: the card follows them (its tab keeps its name). */
  renamed: { sheet: string; department: string; from: string; to: string }[];
  /** Objectives of people who moved that still align to their old department's objectives: flagged for them to realign. */
  staleAlignments: { sheet: string; cell: string; target: string; from: string; to: string }[];
  headers: HeaderChange[];
  /** Card sheets that are hidden (reported; the update leaves them hidden). */
  hidden: string[];
  upgrade?: UpgradeReport;
  /** Nothing to do: the workbook already matches the organisation and the templates. */
  upToDate: boolean;
  summary: Msg;
}

/** Plans the update of a workbook to a new organisation (and to the current templates). */
export function planUpdate(input: UpdateInput): UpdatePlan | Refused {
  const { book, sheets, lang, org } = input;
  const settings = findSheet(sheets, 'titleSettings');
  if (!settings) return refuse({ code: 'noSettings' });
  const leftOn = input.leftOn === undefined ? input.today : parseIsoDate(input.leftOn);
  if (leftOn === undefined) return refuse({ code: 'badLeaveDate', date: input.leftOn ?? '' });
  const versionCell = parseAddr(SETTINGS_CELLS.version);
  const version = num(settings.get(versionCell.row, versionCell.col)) ?? 1;
  if (version > TEMPLATE_VERSION) return refuse({ code: 'newerTemplate', version, supported: TEMPLATE_VERSION });

  const edit = emptyEdit();
  const plan: UpdatePlan = {
    status: 'planned', edit, upgrades: [], added: [], recreated: [], departed: [], returned: [], moved: [], renamed: [], staleAlignments: [], headers: [], hidden: [], upToDate: false, summary: inEvery(() => ''),
  };
  const valuesOf = new Map(sheets.map((s) => [s.name, s]));
  // Cards are kept only when their sheet was read (personCards / deptCards below).
  const valuesOfCard = (c: Card) => valuesOf.get(c.sheet ?? '') as SheetValues;
  const namer = new SheetNamer(sheets.map((s) => s.name));
  const stamp = (level: 'person' | 'department') => `${DEPARTED_WORDS[level][lang]} ${leftOn}`;

  // Where new cards go: a person's after the last card of their department, a department's after the
  // last department card — not behind the change log.
  const cardSheets = new Map([...book.departments, ...book.individuals].filter((c) => c.sheet).map((c) => [c.sheet as string, c]));
  const lastOfDept = new Map<string, string>();
  const deptCardOf = new Map<string, string>();
  let lastPerson: string | undefined;
  let lastDeptCard: string | undefined = book.company.sheet;
  for (const s of sheets) {
    const c = cardSheets.get(s.name);
    if (c?.level === 'individual') { lastOfDept.set(c.department ?? '', s.name); lastPerson = s.name; }
    if (c?.level === 'department') { deptCardOf.set(c.department ?? '', s.name); lastDeptCard = s.name; }
  }
  const placePerson = (dept: string, sheet: string): string | undefined => {
    const after = lastOfDept.get(dept) ?? deptCardOf.get(dept) ?? lastPerson ?? lastDeptCard;
    if (after === lastPerson) lastPerson = sheet;
    lastOfDept.set(dept, sheet);
    return after;
  };
  const placeDept = (sheet: string): string | undefined => {
    const after = lastDeptCard;
    lastDeptCard = sheet;
    return after;
  };

  // ---- people ----
  const personCards = book.individuals.filter((c) => c.sheet && valuesOf.has(c.sheet));
  const { cardOf: matchOf, wasListed } = matchPeople(org.people, book.org.people, personCards);
  const used = new Set(matchOf.values());
  // Cards whose owner's name or department changed, by their identity in the lock snapshot: old → new.
  const follows: { from: string; to: string }[] = [];
  // Each department's cards after the update (its card, its people's, leavers' included), for its live share check.
  const memberSheets = new Map<string, string[]>();
  const deptSheets = new Map<string, string>();
  const member = (dept: string, sheet: string) => memberSheets.set(dept, [...(memberSheets.get(dept) ?? []), sheet]);
  org.people.forEach((p, i) => {
    const c = matchOf.get(i);
    const header: CardHeader = { name: p.name, department: p.department, position: p.position, manager: p.manager };
    if (!c) {
      const sheetName = namer.take(`${t('personSheetPrefix', lang)}${p.name}`, p.department);
      addCard(edit, input, 'individual', sheetName, header, p.department, p.name, placePerson(p.department, sheetName));
      member(p.department, sheetName);
      const change: CardChange = { sheet: sheetName, level: 'individual', name: p.name, department: p.department };
      (wasListed(p) ? plan.recreated : plan.added).push(change);
      return;
    }
    const values = valuesOfCard(c);
    member(p.department, values.name);
    if (c.owner !== p.name) plan.renamed.push({ sheet: values.name, department: p.department, from: c.owner ?? '', to: p.name });
    if (c.owner !== p.name || c.department !== p.department) follows.push({ from: cardKey(c), to: cardKey({ level: 'individual', department: p.department, owner: p.name }) });
    if (c.department !== p.department) {
      const from = c.department ?? '';
      plan.moved.push({ sheet: values.name, name: p.name, from, to: p.department });
      // Aligning to another department is allowed, but an alignment the move left behind is flagged.
      for (const o of c.objectives) {
        const target = parseAlignment(o.alignedTo ?? '');
        if (target?.scope !== 'department' || target.department !== from.trim()) continue;
        plan.staleAlignments.push({ sheet: values.name, cell: o.ref?.alignedTo ?? '', target: (o.alignedTo ?? '').trim(), from, to: p.department });
      }
    }
    headerWrites(plan, values, 'individual', header);
    if (c.departed) {
      plan.returned.push({ sheet: values.name, level: 'individual', name: p.name, department: p.department });
      statusWrite(plan, values, lang, '', 'individual');
    }
  });
  for (const c of personCards) {
    if (!used.has(c) && c.departed) member(c.department ?? '', valuesOfCard(c).name);
    if (used.has(c) || c.departed) continue;
    const values = valuesOfCard(c);
    member(c.department ?? '', values.name);
    plan.departed.push({ sheet: values.name, level: 'individual', name: c.owner ?? '', department: c.department });
    statusWrite(plan, values, lang, stamp('person'), 'individual');
  }

  // A person who moved or was renamed keeps their locked objectives: the lock snapshot follows the
  // card to its new department and name (never when the snapshot was tampered with — that stays reported).
  const lockSheet = sheets.find(isLockSheet);
  if (book.lock && lockSheet && follows.length && !book.lock.altered?.length) {
    const rename = new Map(follows.map((f) => [f.from, f.to]));
    const entries = book.lock.entries.map((e) => ({ ...e, card: rename.get(e.card) ?? e.card }));
    edit.sheets.push({ plan: buildLockSheet(lockSheet.name, lang, { ...book.lock, entries }), replaces: lockSheet.name, visibility: 'veryHidden' });
  }

  // ---- departments ----
  const deptCards = book.departments.filter((c) => c.sheet && valuesOf.has(c.sheet));
  const usedDepts = new Set<Card>();
  for (const d of org.departments) {
    // The head of this department: another department may have someone of the same name.
    const head = d.head ? org.people.find((p) => p.department === d.name && p.name === d.head) : undefined;
    const header: CardHeader = { name: d.name, head: d.head, manager: head?.manager };
    const c = deptCards.find((x) => !usedDepts.has(x) && x.department === d.name);
    if (!c) {
      const sheetName = namer.take(`${t('deptSheetPrefix', lang)}${d.name}`);
      addCard(edit, input, 'department', sheetName, header, d.name, undefined, placeDept(sheetName));
      deptSheets.set(d.name, sheetName);
      const known = book.org.departments.some((x) => x.name === d.name);
      (known ? plan.recreated : plan.added).push({ sheet: sheetName, level: 'department', name: d.name });
      continue;
    }
    usedDepts.add(c);
    const values = valuesOfCard(c);
    deptSheets.set(d.name, values.name);
    headerWrites(plan, values, 'department', header);
    if (c.departed) {
      plan.returned.push({ sheet: values.name, level: 'department', name: d.name });
      statusWrite(plan, values, lang, '', 'department');
    }
  }
  for (const c of deptCards) {
    if (usedDepts.has(c) || c.departed) continue;
    const values = valuesOfCard(c);
    plan.departed.push({ sheet: values.name, level: 'department', name: c.department ?? '' });
    statusWrite(plan, values, lang, stamp('department'), 'department');
  }
  plan.hidden = [book.company, ...book.departments, ...book.individuals].filter((c) => c.hidden && c.sheet).map((c) => c.sheet as string);

  // ---- the template upgrade: one edit per card, applied before the main edit (whose header
  // writes then win where both write); the version cell is in the main edit, written last, so an
  // upgrade cut short is done again next time ----
  // The lists in 设置: written only where a row differs (a reordered org table changes nothing).
  const lists = emptyEdit();
  settingsWrites(lists, input, settings);
  const orgChanged = plan.added.length + plan.recreated.length + plan.departed.length + plan.returned.length + plan.headers.length > 0
    || lists.writes.length + lists.names.length > 0;
  if (version < TEMPLATE_VERSION) {
    plan.upgrade = { from: version, to: TEMPLATE_VERSION, sheets: 0, skipped: [] };
    for (const c of [book.company, ...book.departments, ...book.individuals]) {
      const values = c.sheet ? valuesOf.get(c.sheet) : undefined;
      if (!values) continue;
      const cardEdit = emptyEdit();
      const reason = upgradeCard(cardEdit, input, c, values);
      if (reason) plan.upgrade.skipped.push({ sheet: values.name, reason });
      else { plan.upgrades.push(cardEdit); plan.upgrade.sheets++; }
    }
    edit.writes.push(cellsAt(settings.name, SETTINGS_CELLS.version, { v: TEMPLATE_VERSION, s: 'value' }));
  }

  if (orgChanged || plan.upgrade) {
    for (const [dept, sheet] of deptSheets) {
      const members = memberSheets.get(dept) ?? [];
      const added = edit.sheets.find((a) => a.plan.name === sheet);
      if (added) placeDepartmentShare(added.plan, lang, members);
      else edit.writes.push({ sheet, row: DEPT_SHARE.row, col: DEPT_SHARE.col, cells: departmentShareCells(lang, members) });
    }
  }
  if (orgChanged) {
    edit.writes.push(...lists.writes);
    edit.names.push(...lists.names);
    reviewRows(edit, sheets, [...plan.added, ...plan.recreated].filter((c) => c.level === 'individual'));
  }
  plan.upToDate = !orgChanged && !plan.upgrade;
  plan.summary = summary(plan);
  if (!plan.upToDate) {
    logRows(edit, sheets, lang, [{ date: isoToSerial(input.today), kind: kindWord('org-update', lang), requester: input.by, note: plan.summary[lang], record: true }]);
  }
  const full = noRoom(edit);
  if (full) return refuse(full);
  return plan;
}

function cellsAt(sheet: string, a1: string, cell: PlanCell): CellWrite {
  const p = parseAddr(a1);
  return { sheet, row: p.row, col: p.col, cells: [[cell]] };
}

function addCard(edit: WorkbookEdit, input: UpdateInput, level: 'individual' | 'department', sheetName: string, header: CardHeader, department: string, owner: string | undefined, after: string | undefined): void {
  const card: Card = { level, department, owner, objectives: [], signOff: {} };
  const key = level === 'individual' ? `card:individual:${department}:${owner}` : `card:department:${department}`;
  const built = buildCardSheet({ key, sheetName, card, header, cycle: input.book.cycle, lang: input.lang });
  edit.sheets.push({ plan: built.plan, visibility: 'visible', after });
}

/** The header cells whose value differs from the organisation's, rewritten (owned cells, row 2). */
function headerWrites(plan: UpdatePlan, s: SheetValues, level: 'individual' | 'department', header: CardHeader): void {
  const cells: Record<string, string | undefined> = level === 'individual'
    ? { [HEADER_CELLS.individual.name]: header.name, [HEADER_CELLS.individual.department]: header.department, [HEADER_CELLS.individual.position]: header.position, [HEADER_CELLS.individual.manager]: header.manager }
    : { [HEADER_CELLS.department.name]: header.name, [HEADER_CELLS.department.head]: header.head, [HEADER_CELLS.department.manager]: header.manager };
  for (const [a1, value] of Object.entries(cells)) {
    const p = parseAddr(a1);
    const old = text(s.get(p.row, p.col));
    const now = value ?? '';
    if (old === now) continue;
    plan.headers.push({ sheet: s.name, cell: a1, old, new: now });
    plan.edit.writes.push(cellsAt(s.name, a1, { v: now, s: 'value' }));
  }
}

/**
 * The status cell and its label (a card from template version 1 has neither yet), and the tab: grey
 * while departed, the card's own colour again when active.
 */
function statusWrite(plan: UpdatePlan, s: SheetValues, lang: Lang, mark: string, level: 'individual' | 'department'): void {
  plan.edit.writes.push({ sheet: s.name, row: 2, col: STATUS_COL - 1, cells: [[{ v: t('cardStatus', lang), s: 'label' }, { v: mark, s: 'value' }]] });
  plan.edit.tabColors.push({ sheet: s.name, color: mark ? DEPARTED_TAB : CARD_TAB[level] });
}

/**
 * Rewrites what the templates own on an existing card, on the rows the card has now (rows people
 * inserted inside objectives included): titles and labels, formulas and check cells (with their
 * formats), the formats of greyed-out cells, and the card's validations and conditional formats.
 * Input cells are not written at all, nor are numbers already in the numbering columns (they are
 * how the card's rows are told apart). Returns why a card was left alone, when it was.
 */
function upgradeCard(edit: WorkbookEdit, input: UpdateInput, card: Card, s: SheetValues): Msg | undefined {
  const layout = cardLayout(card.level);
  if (!both('colObjNo').includes(text(s.get(CARD_HEADER_ROW, 1)))) return inEvery((c) => c.app.upgradeSkipped.noHeader);
  let signOff = 0;
  const starts: number[] = [];
  for (let r = layout.firstSlotRow; r <= s.rowCount && !signOff; r++) {
    const a = s.get(r, 1);
    if (both('signOff').includes(text(a))) signOff = r;
    else if (typeof a === 'number') starts.push(r);
  }
  if (!signOff || starts[0] !== layout.firstSlotRow || signOff - 2 < starts[starts.length - 1]) return inEvery((c) => c.app.upgradeSkipped.noSignOff);
  const heights = starts.map((r, i) => (i + 1 < starts.length ? starts[i + 1] : signOff - 1) - r);
  // The header as the sheet has it now (the organisation's changes are written after this).
  const at = (a1: string) => { const p = parseAddr(a1); return text(s.get(p.row, p.col)) || undefined; };
  const I = HEADER_CELLS.individual;
  const D = HEADER_CELLS.department;
  const header: CardHeader = card.level === 'individual'
    ? { name: at(I.name) ?? '', department: at(I.department), position: at(I.position), manager: at(I.manager), status: at(I.status) ?? '' }
    : card.level === 'department' ? { name: at(D.name) ?? '', head: at(D.head), manager: at(D.manager), status: at(D.status) ?? '' }
      : { name: at(HEADER_CELLS.company.name) ?? '' };
  const built = buildCardSheet({ key: `upgrade:${s.name}`, sheetName: s.name, card, header, cycle: input.book.cycle, lang: input.lang, slotHeights: heights });
  const rows: (PlanCell | null)[][] = built.plan.rows.map((row, i) => (row ?? []).map((cell, j) => {
    if (!cell || !cell.s) return null;
    const owned = cell.f !== undefined || STYLES[cell.s].locked;
    if (!owned) return null;
    if (cell.f !== undefined || typeof cell.v === 'string') return cell;
    // A number in an owned cell is a slot or KR number: the format only, when one is there already.
    if (typeof cell.v === 'number' && !filled(s.get(i + 1, j + 1))) return cell;
    return { s: cell.s };
  }));
  edit.writes.push({ sheet: s.name, row: 1, col: 1, cells: rows });
  const width = Math.max(layout.fields.length, ...built.plan.rows.map((r) => r?.length ?? 0));
  edit.rules.push({
    sheet: s.name,
    range: rangeAddr(1, 1, Math.max(built.plan.rows.length, s.rowCount), width),
    validations: built.plan.validations,
    conditionalFormats: built.plan.conditionalFormats,
  });
  return undefined;
}

/**
 * Staff, department and alignment lists in 设置, brought to the new organisation, and their names.
 * People and departments already listed keep their rows' order and newcomers go to the end, and
 * only rows whose content changes are written: adding ten people to a thousand writes ten rows.
 */
function settingsWrites(edit: WorkbookEdit, input: UpdateInput, s: SheetValues): void {
  const { org, book, lang } = input;
  const first = SETTINGS_CELLS.listFirstRow;
  const sc = SETTINGS_CELLS.staffCol;
  const staffKey = (name: string, dept: string) => `${dept}\u0000${name}`;
  const oldStaff = new Map<string, number>();
  const oldByName = new Map<string, number>();
  const oldById = new Map<string, number>();
  const idCol = staffIdColumn(s);
  for (let r = first; r <= s.rowCount; r++) {
    const name = text(s.get(r, sc));
    if (!name) continue;
    oldStaff.set(staffKey(name, text(s.get(r, sc + 1))), r);
    if (!oldByName.has(name)) oldByName.set(name, r);
    const id = idCol ? text(s.get(r, idCol)) : '';
    if (id && !oldById.has(personIdKey(id))) oldById.set(personIdKey(id), r);
  }
  // A renamed or transferred person keeps their row: the id first, then name and department, then name.
  const byId = (p: Organisation['people'][number]) => (p.id ? oldById.get(personIdKey(p.id)) : undefined);
  const rank = (p: Organisation['people'][number]) => byId(p) ?? oldStaff.get(staffKey(p.name, p.department)) ?? oldByName.get(p.name) ?? Number.MAX_SAFE_INTEGER;
  const people = org.people.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p);
  // A workbook from before the id column gets it, header first, when the organisation brings ids;
  // until then the column beside its staff list is not ours, and whatever is in it stays.
  const withIds = idCol > 0 || people.some((p) => p.id);
  const width = withIds ? STAFF_COLUMNS : STAFF_ID_OFFSET;
  changedRows(edit, s, sc, people.map((p) => staffRow(p, lang).slice(0, width)), width);
  if (withIds && !idCol) edit.writes.push({ sheet: s.name, row: first - 1, col: sc + STAFF_ID_OFFSET, cells: [[{ v: t('employeeId', lang), s: 'header' }]] });
  defineName(edit, s, N.staff, sc, people.length);

  const oldDepts: string[] = [];
  for (let r = first; r <= s.rowCount; r++) { const d = text(s.get(r, SETTINGS_CELLS.departmentsCol)); if (d) oldDepts.push(d); }
  const deptRank = (name: string) => { const i = oldDepts.indexOf(name); return i < 0 ? Number.MAX_SAFE_INTEGER : i; };
  const departments = org.departments.map((d, i) => ({ d, i })).sort((a, b) => deptRank(a.d.name) - deptRank(b.d.name) || a.i - b.i).map((x) => x.d);
  const ordered: Organisation = { departments, people };
  const maxObjectives = Math.max(book.settings.limits.maxObjectives, book.company.objectives.length, ...book.departments.map((c) => c.objectives.length));
  const lists: { col: number; name: string; values: string[] }[] = [
    { col: SETTINGS_CELLS.departmentsCol - 1, name: N.alignTargets, values: alignmentTargets(ordered, lang, maxObjectives) },
    { col: SETTINGS_CELLS.departmentsCol, name: N.departments, values: departments.map((d) => d.name) },
  ];
  for (const list of lists) {
    changedRows(edit, s, list.col, list.values.map((v) => [v]), 1);
    defineName(edit, s, list.name, list.col, list.values.length);
  }
}

/**
 * Writes the rows of a list (from the first list row, `width` columns from `col`) whose values differ
 * from what the sheet holds, and blanks the rows below it that still hold something. Consecutive
 * changed rows go in one block.
 */
function changedRows(edit: WorkbookEdit, s: SheetValues, col: number, rows: string[][], width: number): void {
  const first = SETTINGS_CELLS.listFirstRow;
  let last = first - 1;
  for (let r = first; r <= s.rowCount; r++) for (let c = col; c < col + width; c++) if (filled(s.get(r, c))) last = r;
  const end = Math.max(last, first - 1 + rows.length);
  let block: CellWrite | undefined;
  for (let r = first; r <= end; r++) {
    const want = rows[r - first] ?? Array.from({ length: width }, () => '');
    const same = want.every((v, j) => text(s.get(r, col + j)) === v);
    if (same) { block = undefined; continue; }
    const cells: PlanCell[] = want.map((v) => ({ v: v === '' ? null : v, s: 'value' }));
    if (block && block.row + block.cells.length === r) block.cells.push(cells);
    else { block = { sheet: s.name, row: r, col, cells: [cells] }; edit.writes.push(block); }
  }
}

/** A list's name, redefined only when its length changed. */
function defineName(edit: WorkbookEdit, s: SheetValues, name: string, col: number, length: number): void {
  const first = SETTINGS_CELLS.listFirstRow;
  let old = 0;
  for (let r = first; r <= s.rowCount; r++) if (filled(s.get(r, col))) old = r - first + 1;
  if (old !== length) edit.names.push({ name, sheet: s.name, ref: absRange(first, col, first + Math.max(length, 1) - 1, col) });
}

/** New people get a row in the latest month of the review sheet, so this month's review lists them. */
function reviewRows(edit: WorkbookEdit, sheets: SheetValues[], people: CardChange[]): void {
  const sheet = findSheet(sheets, 'titleReview');
  if (!sheet || !people.length) return;
  let month = '';
  let last = REVIEW_FIRST_ROW - 1;
  for (let r = REVIEW_FIRST_ROW; r <= sheet.rowCount; r++) {
    const m = text(sheet.get(r, 1));
    if (/^\d{4}-\d{2}$/.test(m) && m > month) month = m;
    for (let c = 1; c <= REVIEW_COLUMNS.length; c++) if (filled(sheet.get(r, c))) { last = r; break; }
  }
  if (!month) return;
  edit.appends.push({ sheet: sheet.name, row: last + 1, col: 1, rows: people.map((p) => reviewRow(month, p.department ?? '', p.name)) });
}

function summary(plan: UpdatePlan): Msg {
  return inEvery((c) => summaryIn(c, plan));
}

function summaryIn(c: Catalogue, plan: UpdatePlan): string {
  const U = c.sheets.update;
  if (plan.upToDate) return U.upToDate;
  const clauses: string[] = [];
  const people = (l: CardChange[]) => l.filter((x) => x.level === 'individual').length;
  const depts = (l: CardChange[]) => l.filter((x) => x.level === 'department').length;
  const add = (n: number, say: (n: number) => string) => { if (n) clauses.push(say(n)); };
  add(people(plan.added), U.peopleAdded);
  add(depts(plan.added), U.departmentsAdded);
  add(people(plan.departed), U.peopleLeft);
  add(depts(plan.departed), U.departmentsClosed);
  add(plan.returned.length, U.cardsReturned);
  add(plan.moved.length, U.peopleMoved);
  add(plan.renamed.length, U.peopleRenamed);
  add(plan.staleAlignments.length, U.alignmentsStale);
  add(plan.headers.length, U.headersUpdated);
  add(plan.recreated.length, U.cardsRecreated);
  if (plan.upgrade) clauses.push(U.upgraded(plan.upgrade.from, plan.upgrade.to, plan.upgrade.sheets, plan.upgrade.skipped.length));
  if (!clauses.length) clauses.push(U.staffOnly);
  return U.summary(clauses);
}

/** One line per card or cell the update changed or noticed, in `lang`: what the CLI prints and the pane lists. */
export function updateLines(plan: UpdatePlan, lang: Lang): { where: string; what: string }[] {
  const LINE = catalogue(lang).sheets.update.line;
  const out: { where: string; what: string }[] = [];
  const add = (where: string, what: string) => out.push({ where, what });
  for (const c of plan.added) add(c.sheet, LINE.added);
  for (const c of plan.recreated) add(c.sheet, LINE.recreated);
  for (const c of plan.departed) add(c.sheet, LINE.departed);
  for (const c of plan.returned) add(c.sheet, LINE.returned);
  for (const m of plan.moved) add(m.sheet, LINE.moved(m.from, m.to));
  for (const r of plan.renamed) add(r.sheet, LINE.renamed(r.from, r.to));
  for (const a of plan.staleAlignments) add(a.cell ? `${a.sheet}!${a.cell}` : a.sheet, LINE.staleAlignment(a.target, a.from, a.to));
  for (const h of plan.headers) add(`${h.sheet}!${h.cell}`, LINE.header(h.old, h.new));
  for (const s of plan.upgrade?.skipped ?? []) add(s.sheet, LINE.skipped(s.reason[lang]));
  for (const h of plan.hidden) add(h, LINE.hidden);
  return out;
}
