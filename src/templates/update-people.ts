/**
 * Whose card is whose when a workbook follows a new organisation (templates/update.ts). A card says
 * its owner's name and department; the staff list in 设置 may also give each of them an employee id
 * (Person.id). Where both the workbook and the new organisation know a person's id, the id decides:
 * the same id under another name is a rename, in another department a transfer, and two people of one
 * name with different ids are two people. Where either side has no id, name and department decide,
 * as they always have.
 */
import type { Card, Person } from '../domain/model';
import { personIdKey } from '../domain/person-id';

export interface PeopleMatch {
  /** The existing card of each person of the new organisation (by index in its people) that has one. */
  cardOf: Map<number, Card>;
  /** Whether a person without a card was on the workbook's staff list: their card was deleted. */
  wasListed(p: Person): boolean;
}

const staffKey = (department: string, name: string) => `${department}\u0000${name}`;
const idOf = (p: Person): string | undefined => (p.id ? personIdKey(p.id) : undefined);

export function matchPeople(people: readonly Person[], staff: readonly Person[], cards: readonly Card[]): PeopleMatch {
  const staffId = new Map<string, string>();
  for (const q of staff) { const id = idOf(q); if (id !== undefined) staffId.set(staffKey(q.department, q.name), id); }
  // A departed card has no row of its own on the staff list (the list is the organisation's): a row
  // with its owner's name and department is a newcomer's of the same name, whose id is not the card's.
  const cardId = (c: Card) => (c.departed ? undefined : staffId.get(staffKey(c.department ?? '', c.owner ?? '')));
  const twoPeople = (c: Card, p: Person) => { const a = cardId(c); const b = idOf(p); return a !== undefined && b !== undefined && a !== b; };

  const used = new Set<Card>();
  const cardOf = new Map<number, Card>();
  const take = (i: number, c: Card | undefined) => { if (c) { used.add(c); cardOf.set(i, c); } };
  // The same id: the same person, whatever their name and department are now.
  people.forEach((p, i) => {
    const id = idOf(p);
    if (id !== undefined) take(i, cards.find((x) => !used.has(x) && cardId(x) === id));
  });
  people.forEach((p, i) => {
    if (!cardOf.has(i)) take(i, cards.find((x) => !used.has(x) && x.owner === p.name && x.department === p.department && !twoPeople(x, p)));
  });
  // A person whose department changed: the one card left with their name, when the name is unique.
  people.forEach((p, i) => {
    if (cardOf.has(i)) return;
    const left = cards.filter((x) => !used.has(x) && x.owner === p.name && !twoPeople(x, p));
    const named = people.filter((q, j) => !cardOf.has(j) && q.name === p.name);
    if (left.length === 1 && named.length === 1) take(i, left[0]);
  });

  const listedIds = new Set(staff.map(idOf).filter((id): id is string => id !== undefined));
  const listed = new Map(staff.map((q) => [staffKey(q.department, q.name), q]));
  const wasListed = (p: Person): boolean => {
    const id = idOf(p);
    if (id !== undefined && listedIds.has(id)) return true;
    const q = listed.get(staffKey(p.department, p.name));
    const other = q ? idOf(q) : undefined;
    return q !== undefined && (id === undefined || other === undefined || other === id);
  };
  return { cardOf, wasListed };
}
