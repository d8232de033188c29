import type { Department, Organisation, Person } from '../domain/model';
import { nameKey } from './cells';

/** Look-ups into an organisation by name (width, case and spaces folded). */
export class OrgIndex {
  private readonly depts = new Map<string, Department>();
  private readonly byName = new Map<string, Person[]>();

  constructor(readonly org: Organisation) {
    for (const d of org.departments) if (!this.depts.has(nameKey(d.name))) this.depts.set(nameKey(d.name), d);
    for (const p of org.people) {
      const k = nameKey(p.name);
      const list = this.byName.get(k);
      if (list) list.push(p);
      else this.byName.set(k, [p]);
    }
  }

  department(name: string): Department | undefined {
    return this.depts.get(nameKey(name));
  }

  peopleNamed(name: string): Person[] {
    return this.byName.get(nameKey(name)) ?? [];
  }

  person(department: string, name: string): Person | undefined {
    const d = nameKey(department);
    return this.peopleNamed(name).find((p) => nameKey(p.department) === d);
  }
}

export function personKey(p: Pick<Person, 'department' | 'name'>): string {
  return `${nameKey(p.department)}\u0000${nameKey(p.name)}`;
}
