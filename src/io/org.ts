import type { Department, Lang, Organisation, Person } from '../domain/model';
import { parseYesNo } from '../domain/labels';
import { personIdKey } from '../domain/person-id';
import { cellText, nameKey } from './cells';
import { mapColumns, ORG_COLUMNS } from './columns';
import { IssueCollector } from './issues';
import { M } from './messages';
import { isBlankRow, type TableCell, type TableInput } from './table-input';
import { ROW_COST, type Pacer } from './pace';

/**
 * Longest department or person name accepted (Excel's limit for a defined name and for what a
 * drop-down shows); a name is also a sheet name, a list entry and a card header. Longer text is
 * refused with a message rather than cut.
 */
export const MAX_NAME_LENGTH = 255;

/**
 * Reads the organisation table (部门, 姓名, 岗位, 上级, 负责人, optionally 工号). Departments come in
 * order of first appearance, people in file order. Every problem of the file is collected, then thrown as one
 * ImportError.
 */
export function parseOrgTable(table: TableInput, lang: Lang): Organisation {
  const steps = orgSteps(table, lang);
  for (let s = steps.next(); ; s = steps.next()) if (s.done) return s.value;
}

/**
 * parseOrgTable for the task pane: the same steps, giving the turn back to the page after each budget
 * of rows and reporting the share of rows read.
 */
export async function parseOrgTablePaced(table: TableInput, lang: Lang, pacer: Pacer): Promise<Organisation> {
  const steps = orgSteps(table, lang);
  for (let s = steps.next(), n = 0; ; s = steps.next()) {
    if (s.done) {
      pacer.report(1);
      return s.value;
    }
    pacer.report(++n / Math.max(1, 4 * table.rows.length));
    await pacer.step(s.value);
  }
}

/** The organisation's reading, one step at a time: yields the cost of each row read, manager resolved, chain followed. */
function* orgSteps(table: TableInput, lang: Lang): Generator<number, Organisation, void> {
  const issues = new IssueCollector(table.file, lang);
  const cols = mapColumns(table, ORG_COLUMNS, issues);
  issues.throwIfAny();

  const departments: Department[] = [];
  const deptByKey = new Map<string, { dept: Department; headLine?: number }>();
  const people: Person[] = [];
  const personLine = new Map<string, number>();
  const idLine = new Map<string, { line: number; name: string }>();
  const pending: { person: Person; manager: string; line: number }[] = [];

  for (const row of table.rows) {
    yield ROW_COST;
    if (isBlankRow(row.cells)) continue;
    const deptText = cellText(cols.cell(row, 'department'));
    const name = cellText(cols.cell(row, 'name'));
    const position = cellText(cols.cell(row, 'position'));
    const manager = cellText(cols.cell(row, 'manager'));
    const headText = cellText(cols.cell(row, 'head'));
    const id = idText(cols.cell(row, 'id'));

    if (deptText === '') issues.add('REQUIRED', row.line, cols.name('department'), M.required(lang));
    if (name === '') issues.add('REQUIRED', row.line, cols.name('name'), M.required(lang));
    const tooLong = (['department', 'name', 'manager'] as const).filter((k) => cellText(cols.cell(row, k)).length > MAX_NAME_LENGTH);
    for (const k of tooLong) issues.add('NAME_TOO_LONG', row.line, cols.name(k), M.nameTooLong(lang, cellText(cols.cell(row, k)).length, MAX_NAME_LENGTH));
    if (tooLong.length) continue;
    let head = false;
    if (headText !== '') {
      const yn = parseYesNo(headText);
      if (yn === undefined) issues.add('BAD_YES_NO', row.line, cols.name('head'), M.badYesNo(lang, headText));
      else head = yn;
    }

    let entry = deptText === '' ? undefined : deptByKey.get(nameKey(deptText));
    if (deptText !== '' && !entry) {
      entry = { dept: { name: deptText } };
      deptByKey.set(nameKey(deptText), entry);
      departments.push(entry.dept);
    }
    if (!entry || name === '') continue;

    const key = `${nameKey(entry.dept.name)}\u0000${nameKey(name)}`;
    const first = personLine.get(key);
    if (first !== undefined) {
      issues.add('DUPLICATE_PERSON', row.line, cols.name('name'), M.duplicatePerson(lang, name, entry.dept.name, first));
      continue;
    }
    personLine.set(key, row.line);
    if (id !== '') {
      const firstId = idLine.get(personIdKey(id));
      if (firstId) issues.add('DUPLICATE_ID', row.line, cols.name('id'), M.duplicateId(lang, id, firstId.name, firstId.line));
      else idLine.set(personIdKey(id), { line: row.line, name });
    }

    const person: Person = { name, department: entry.dept.name, head };
    if (position !== '') person.position = position;
    if (id !== '') person.id = id;
    people.push(person);
    if (manager !== '') pending.push({ person, manager, line: row.line });

    if (head) {
      if (entry.dept.head !== undefined) {
        issues.add('TWO_HEADS', row.line, cols.name('head'), M.twoHeads(lang, entry.dept.name, entry.dept.head, entry.headLine ?? 0));
      } else {
        entry.dept.head = name;
        entry.headLine = row.line;
      }
    }
  }

  // Managers are resolved once everyone is known: a manager may be listed below their staff.
  const byName = new Map<string, Person[]>();
  for (const p of people) {
    yield ROW_COST;
    byName.set(nameKey(p.name), [...(byName.get(nameKey(p.name)) ?? []), p]);
  }
  for (const { person, manager, line } of pending) {
    yield ROW_COST;
    const candidates = byName.get(nameKey(manager)) ?? [];
    const sameDept = candidates.filter((c) => c.department === person.department);
    const chosen = candidates.length === 1 ? candidates[0] : sameDept.length === 1 ? sameDept[0] : undefined;
    if (chosen === person) issues.add('SELF_MANAGER', line, cols.name('manager'), M.selfManager(lang, manager));
    else if (chosen) person.manager = chosen.name;
    else if (candidates.length === 0) issues.add('UNKNOWN_PERSON', line, cols.name('manager'), M.unknownPerson(lang, manager));
    else issues.add('AMBIGUOUS_PERSON', line, cols.name('manager'), M.ambiguousPerson(lang, manager, candidates.map((c) => c.department), ''));
  }

  yield* managerLoops(people, pending, issues, cols.name('manager'), lang);
  if (!people.length && !issues.count) issues.add('NO_PEOPLE', 1, '', M.noPeople(lang));
  issues.throwIfAny();
  return { departments, people };
}

/**
 * An employee id as text: a text cell as written ("007" keeps its zeros); a number cell of an .xlsx —
 * where Excel has already dropped any leading zeros — as its digits, never in exponent form
 * (123456789012345678901 is not "1.2345678901234568e+20").
 */
function idText(c: TableCell | undefined): string {
  if (typeof c === 'number' && Number.isInteger(c)) return BigInt(c).toString();
  return cellText(c);
}

/**
 * Each loop of managers (A's manager is B, B's is A) once, at the line of the person of the loop who
 * comes first in the file: a loop leaves the department without a top and the cards without a reviewer.
 */
function* managerLoops(people: Person[], pending: { person: Person; line: number }[], issues: IssueCollector, column: string, lang: Lang): Generator<number, void, void> {
  const byKey = new Map(people.map((p) => [`${p.department}\u0000${p.name}`, p]));
  const lineOf = new Map(pending.map((x) => [x.person, x.line]));
  const managerOf = (p: Person) => (p.manager === undefined ? undefined : byKey.get(`${p.department}\u0000${p.manager}`) ?? people.find((q) => q.name === p.manager));
  const done = new Set<Person>();
  for (const start of people) {
    yield ROW_COST;
    const path: Person[] = [];
    const onPath = new Set<Person>();
    let p: Person | undefined = start;
    while (p && !done.has(p) && !onPath.has(p)) {
      path.push(p);
      onPath.add(p);
      p = managerOf(p);
    }
    if (p && onPath.has(p)) {
      const loop = path.slice(path.indexOf(p));
      const first = loop.reduce((a, b) => ((lineOf.get(a) ?? 0) <= (lineOf.get(b) ?? 0) ? a : b));
      const from = loop.indexOf(first);
      const chain = [...loop.slice(from), ...loop.slice(0, from), first].map((x) => x.name);
      issues.add('MANAGER_LOOP', lineOf.get(first) ?? 0, column, M.managerLoop(lang, chain));
    }
    for (const x of path) done.add(x);
  }
}
