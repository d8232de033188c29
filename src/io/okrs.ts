import { LEVEL_WORDS, parseWord, parseYesNo, PERIOD_WORDS, SOURCE_WORDS, STATUS_WORDS, wordsOf } from '../domain/labels';
import { emptyCard, type Card, type KeyResult, type Lang, type Level, type Objective, type Organisation, type Period, type Source } from '../domain/model';
import { cellText, isBad, nameKey, readDate, readNumber, readSeqNo, type Read } from './cells';
import { mapColumns, OKR_COLUMNS, type ColumnMap, type OkrColumn } from './columns';
import { IssueCollector } from './issues';
import { M } from './messages';
import { langsFirst } from '../i18n/langs';
import type { WhatKey } from '../i18n/types/io';
import { OrgIndex, personKey } from './org-index';
import { isBlankRow, type TableInput, type TableRow } from './table-input';

export interface ImportedCards {
  company: Card;
  departments: Card[];
  individuals: Card[];
}

/**
 * Reads the OKR table (one row per key result; the objective's columns repeat on each of its KR rows)
 * into cards: the company card, a department card for EVERY department of the organisation and an
 * individual card for EVERY person, in organisation order (empty when the file has nothing for them).
 *
 * Nothing is dropped: a sixth objective or a fifth KR is kept (the rules flag it), a row with objective
 * columns but no key result makes an objective without KR. A row whose objective columns are blank
 * continues the objective of the row above (as when merged cells were unmerged). Objectives are
 * matched by 目标序号 when given, else by their text; missing numbers are given in order of appearance.
 * 部门 and 负责人 are ignored on company rows, 负责人 on department rows. An individual row without
 * 部门 is placed when the name is unique in the organisation.
 * Every problem is collected and thrown as one ImportError.
 */
export function parseOkrTable(table: TableInput, org: Organisation, lang: Lang): ImportedCards {
  const issues = new IssueCollector(table.file, lang);
  const cols = mapColumns(table, OKR_COLUMNS, issues);
  issues.throwIfAny();

  const index = new OrgIndex(org);
  const company = new Slot(emptyCard('company'));
  const deptSlots = new Map(org.departments.map((d) => [nameKey(d.name), new Slot(emptyCard('department', d.name))]));
  const personSlots = new Map(org.people.map((p) => [personKey(p), new Slot(emptyCard('individual', p.department, p.name))]));
  const ctx: RowContext = { cols, issues, lang, index, missingReported: new Set(), headerLine: table.headerLine ?? 1 };

  let prev: { slot: Slot; obj: ObjDraft } | undefined;
  for (const row of table.rows) {
    if (isBlankRow(row.cells)) continue;
    const r = readRow(row, ctx);
    const slot = r.level && findSlot(r, row, ctx, company, deptSlots, personSlots);
    if (!slot) {
      prev = undefined;
      continue;
    }
    const hasObjective = r.objNo !== undefined || r.objective !== '';
    if (!hasObjective && !r.hasObjectiveFields && !r.hasKr) continue; // only level/owner filled: nothing to import
    let obj: ObjDraft | undefined;
    if (hasObjective) obj = slot.objectiveFor(r, row.line, ctx);
    else if (prev && prev.slot === slot) obj = prev.obj;
    if (!obj) {
      issues.add('KR_WITHOUT_OBJECTIVE', row.line, cols.name('objective'), M.krWithoutObjective(lang));
      prev = undefined;
      continue;
    }
    obj.merge(r, row.line);
    if (r.hasKr) obj.addKr(r, row.line, ctx);
    prev = { slot, obj };
  }

  issues.throwIfAny();
  return {
    company: company.build(),
    departments: [...deptSlots.values()].map((s) => s.build()),
    individuals: [...personSlots.values()].map((s) => s.build()),
  };
}

interface RowContext {
  cols: ColumnMap<OkrColumn>;
  issues: IssueCollector;
  lang: Lang;
  index: OrgIndex;
  /** Conditionally required columns already reported missing (reported once, not on every row). */
  missingReported: Set<OkrColumn>;
  headerLine: number;
}

/** A value of an objective column, with the text as written and its line, to spot disagreeing rows. */
interface Seen<T> {
  value: T;
  raw: string;
  line: number;
}

type ObjectiveField = 'category' | 'source' | 'aligned_to' | 'objective_weight' | 'agreed';

interface ParsedRow {
  level?: Level;
  department: string;
  owner: string;
  objNo?: number;
  objective: string;
  fields: Partial<Record<ObjectiveField, { value: string | number | boolean; raw: string }>>;
  hasObjectiveFields: boolean;
  krNo?: number;
  hasKr: boolean;
  kr: Omit<KeyResult, 'no'>;
}

const KR_DATA_COLUMNS: OkrColumn[] = [
  'key_result', 'deliverable', 'target', 'criteria', 'deadline', 'kr_weight', 'progress',
  'self_score', 'manager_score', 'status', 'carry_over_reason',
];

function allowed<T extends string>(words: Parameters<typeof wordsOf<T>>[0], lang: Lang): string[] {
  return langsFirst(lang).flatMap((l) => wordsOf(words, l));
}

/** Reads every cell of a row, reporting each bad value (a bad value then counts as blank). */
function readRow(row: TableRow, ctx: RowContext): ParsedRow {
  const { cols, issues, lang } = ctx;
  const text = (k: OkrColumn): string => cellText(cols.cell(row, k));
  const check = <T>(k: OkrColumn, r: Read<T>, message: (raw: string) => string, code: 'BAD_NUMBER' | 'BAD_INTEGER' | 'BAD_DATE'): T | undefined => {
    if (!isBad(r)) return r;
    issues.add(code, row.line, cols.name(k), message(r.bad));
    return undefined;
  };
  const num = (k: OkrColumn): number | undefined => check(k, readNumber(cols.cell(row, k)), (raw) => M.badNumber(lang, raw), 'BAD_NUMBER');
  const seq = (k: OkrColumn): number | undefined => check(k, readSeqNo(cols.cell(row, k)), (raw) => M.badInteger(lang, raw), 'BAD_INTEGER');
  const word = <T extends string>(k: OkrColumn, words: Parameters<typeof parseWord<T>>[0], what: WhatKey): T | undefined => {
    const t = text(k);
    if (t === '') return undefined;
    const w = parseWord(words, t);
    if (w === undefined) issues.add('BAD_WORD', row.line, cols.name(k), M.badWord(lang, t, what, allowed(words, lang)));
    return w;
  };

  const levelText = text('level');
  const level = word<Level>('level', LEVEL_WORDS, 'level');
  if (levelText === '') issues.add('REQUIRED', row.line, cols.name('level'), M.required(lang));

  const fields: ParsedRow['fields'] = {};
  const category = text('category');
  if (category !== '') fields.category = { value: category, raw: category };
  const source = word<Source>('source', SOURCE_WORDS, 'source');
  if (source) fields.source = { value: source, raw: text('source') };
  const alignedRaw = text('aligned_to');
  if (alignedRaw !== '') {
    const a = readAlignment(alignedRaw, ctx.index);
    if (a.ok) fields.aligned_to = { value: a.value, raw: alignedRaw };
    else if (a.unknownDepartment !== undefined) {
      issues.add('UNKNOWN_DEPARTMENT', row.line, cols.name('aligned_to'), M.unknownDepartment(lang, a.unknownDepartment));
    } else issues.add('BAD_ALIGNMENT', row.line, cols.name('aligned_to'), M.badAlignment(lang, alignedRaw));
  }
  const objWeight = num('objective_weight');
  if (objWeight !== undefined) fields.objective_weight = { value: objWeight, raw: text('objective_weight') };
  const agreedRaw = text('agreed');
  if (agreedRaw !== '') {
    const yn = parseYesNo(agreedRaw);
    if (yn === undefined) issues.add('BAD_YES_NO', row.line, cols.name('agreed'), M.badYesNo(lang, agreedRaw));
    else fields.agreed = { value: yn, raw: agreedRaw };
  }
  const hasObjectiveFields = (['category', 'source', 'aligned_to', 'objective_weight', 'agreed'] as const).some((k) => text(k) !== '');
  // Only the company card has a category column: on another level it would be dropped silently.
  const notOnCard: readonly OkrColumn[] = level && level !== 'company' ? ['category'] : [];
  for (const k of notOnCard) if (text(k) !== '') issues.add('NOT_ON_CARD', row.line, cols.name(k), M.notOnCard(lang, levelText, cols.name(k)));

  const deadlineRead = readDate(cols.cell(row, 'deadline'));
  const deadline = check('deadline', deadlineRead, (raw) => M.badDate(lang, raw), 'BAD_DATE');
  const period = word<Period>('period', PERIOD_WORDS, 'period') ?? 'quarter';
  const statusText = text('status');
  const status = statusText === '' ? undefined : (parseWord(STATUS_WORDS, statusText) ?? statusText);

  const kr: Omit<KeyResult, 'no'> = {
    text: text('key_result'),
    deliverable: text('deliverable'),
    target: text('target'),
    criteria: text('criteria'),
    period,
  };
  if (deadline !== undefined) kr.deadline = deadline;
  const weight = num('kr_weight');
  if (weight !== undefined) kr.weight = weight;
  const progress = num('progress');
  if (progress !== undefined) kr.progress = progress;
  const selfScore = num('self_score');
  if (selfScore !== undefined) kr.selfScore = selfScore;
  const managerScore = num('manager_score');
  if (managerScore !== undefined) kr.managerScore = managerScore;
  if (status !== undefined) kr.status = status;
  if (status === 'carried-over') kr.carriedOver = true;
  const reason = text('carry_over_reason');
  if (reason !== '') kr.carryOverReason = reason;

  return {
    level,
    department: text('department'),
    owner: text('owner'),
    objNo: seq('objective_no'),
    objective: text('objective'),
    fields,
    hasObjectiveFields,
    krNo: seq('kr_no'),
    hasKr: KR_DATA_COLUMNS.some((k) => text(k) !== ''),
    kr,
  };
}

type AlignmentRead = { ok: true; value: string } | { ok: false; unknownDepartment?: string };

/** "company#2", "公司#2", "技术部#1" (full-width ＃ and spaces allowed) → "company#2" / "技术部#1". */
function readAlignment(text: string, index: OrgIndex): AlignmentRead {
  const m = /^(.+?)\s*#\s*(\d+)$/.exec(text.normalize('NFKC').trim());
  if (!m || Number(m[2]) < 1) return { ok: false };
  const target = m[1].trim();
  const no = Number(m[2]);
  if (['company', '公司'].includes(target.toLowerCase())) return { ok: true, value: `company#${no}` };
  const dept = index.department(target);
  if (!dept) return { ok: false, unknownDepartment: target };
  return { ok: true, value: `${dept.name}#${no}` };
}

/** The card a row belongs to, or undefined after reporting why it has none. */
function findSlot(
  r: ParsedRow,
  row: TableRow,
  ctx: RowContext,
  company: Slot,
  deptSlots: Map<string, Slot>,
  personSlots: Map<string, Slot>,
): Slot | undefined {
  const { cols, issues, lang, index } = ctx;
  const levelWord = cellText(cols.cell(row, 'level'));
  const requireValue = (k: OkrColumn): undefined => {
    if (cols.has(k)) issues.add('REQUIRED', row.line, cols.name(k), M.requiredFor(lang, levelWord));
    else if (!ctx.missingReported.has(k)) {
      ctx.missingReported.add(k);
      const spec = cols.spec(k);
      issues.add('MISSING_COLUMN', ctx.headerLine, cols.name(k), M.missingColumn(lang, spec?.zh ?? k, spec?.en ?? k));
    }
    return undefined;
  };
  const unknownDept = (name: string): undefined => {
    issues.add('UNKNOWN_DEPARTMENT', row.line, cols.name('department'), M.unknownDepartment(lang, name));
    return undefined;
  };

  if (r.level === 'company') return company;
  if (r.level === 'department') {
    if (r.department === '') return requireValue('department');
    const d = index.department(r.department);
    return d ? deptSlots.get(nameKey(d.name)) : unknownDept(r.department);
  }
  // individual
  if (r.owner === '') return requireValue('owner');
  const named = index.peopleNamed(r.owner);
  if (r.department !== '') {
    const d = index.department(r.department);
    if (!d) return unknownDept(r.department);
    const p = index.person(d.name, r.owner);
    if (p) return personSlots.get(personKey(p));
    if (named.length === 0) issues.add('UNKNOWN_PERSON', row.line, cols.name('owner'), M.unknownPerson(lang, r.owner));
    else {
      issues.add('PERSON_NOT_IN_DEPARTMENT', row.line, cols.name('owner'), M.personNotInDepartment(lang, r.owner, d.name, named.map((p) => p.department)));
    }
    return undefined;
  }
  if (named.length === 1) return personSlots.get(personKey(named[0]));
  if (named.length === 0) issues.add('UNKNOWN_PERSON', row.line, cols.name('owner'), M.unknownPerson(lang, r.owner));
  else {
    issues.add('AMBIGUOUS_PERSON', row.line, cols.name('owner'), M.ambiguousPerson(lang, r.owner, named.map((p) => p.department), M.fillDepartmentHint(lang)));
  }
  return undefined;
}

/** The objectives of one card while the file is read. */
class Slot {
  private readonly objectives: ObjDraft[] = [];

  constructor(private readonly card: Card) {}

  /** The objective a row with a number and/or text belongs to (created when new). */
  objectiveFor(r: ParsedRow, line: number, ctx: RowContext): ObjDraft {
    if (r.objNo !== undefined) {
      const byNo = this.objectives.find((o) => o.no === r.objNo);
      if (byNo) return byNo;
      // An earlier row without a number but with the same text is the same objective.
      const byText = r.objective === '' ? undefined : this.objectives.find((o) => o.no === undefined && o.text?.value === r.objective);
      if (byText) {
        byText.no = r.objNo;
        return byText;
      }
    } else {
      const byText = this.objectives.find((o) => o.text?.value === r.objective);
      if (byText) return byText;
    }
    const o = new ObjDraft(r.objNo, line, ctx);
    this.objectives.push(o);
    return o;
  }

  build(): Card {
    const objectives = numbered(this.objectives).map((o) => o.build());
    return { ...this.card, objectives };
  }
}

/** Gives the items without a number the smallest unused numbers, in order of appearance; sorts by number. */
function numbered<T extends { no?: number }>(items: T[]): (T & { no: number })[] {
  const used = new Set(items.map((i) => i.no).filter((n): n is number => n !== undefined));
  let next = 1;
  for (const i of items) {
    if (i.no !== undefined) continue;
    while (used.has(next)) next++;
    i.no = next;
    used.add(next);
  }
  return [...(items as (T & { no: number })[])].sort((a, b) => a.no - b.no);
}

class ObjDraft {
  text?: Seen<string>;
  private readonly fields: Partial<Record<ObjectiveField, Seen<string | number | boolean>>> = {};
  private readonly krs: { no?: number; line: number; kr: Omit<KeyResult, 'no'> }[] = [];

  constructor(
    public no: number | undefined,
    readonly line: number,
    private readonly ctx: RowContext,
  ) {}

  /** Takes the objective columns of a row; a value disagreeing with an earlier row is reported. */
  merge(r: ParsedRow, line: number): void {
    if (r.objective !== '') {
      if (!this.text) this.text = { value: r.objective, raw: r.objective, line };
      else if (this.text.value !== r.objective) this.conflict('objective', r.objective, this.text, line);
    }
    for (const k of Object.keys(r.fields) as ObjectiveField[]) {
      const v = r.fields[k];
      if (!v) continue;
      const seen = this.fields[k];
      if (!seen) this.fields[k] = { value: v.value, raw: v.raw, line };
      else if (seen.value !== v.value) this.conflict(k, v.raw, seen, line);
    }
  }

  private conflict(column: OkrColumn, now: string, before: Seen<unknown>, line: number): void {
    const { cols, issues, lang } = this.ctx;
    issues.add('CONFLICT', line, cols.name(column), M.conflict(lang, now, before.raw, before.line));
  }

  addKr(r: ParsedRow, line: number, ctx: RowContext): void {
    if (r.krNo !== undefined) {
      const dup = this.krs.find((k) => k.no === r.krNo);
      if (dup) {
        const label = this.no !== undefined ? String(this.no) : (this.text?.value ?? '');
        ctx.issues.add('DUPLICATE_KR', line, ctx.cols.name('kr_no'), M.duplicateKr(ctx.lang, label, r.krNo, dup.line));
        return;
      }
    }
    this.krs.push({ no: r.krNo, line, kr: r.kr });
  }

  build(this: ObjDraft & { no: number }): Objective {
    const o: Objective = { no: this.no, text: this.text?.value ?? '', krs: numbered(this.krs).map((k) => ({ no: k.no, ...k.kr })) };
    const f = this.fields;
    if (f.category) o.category = f.category.value as string;
    if (f.source) o.source = f.source.value as Source;
    if (f.aligned_to) o.alignedTo = f.aligned_to.value as string;
    if (f.objective_weight) o.weight = f.objective_weight.value as number;
    if (f.agreed) o.agreed = f.agreed.value as boolean;
    return o;
  }
}
