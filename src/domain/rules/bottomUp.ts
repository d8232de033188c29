import type { Card, OkrBook, Objective } from '../model';
import type { Finding } from './types';
import { makeFinding } from './types';

/** Share comparisons tolerate binary noise, so 3/5 is exactly "60%". */
const EPS = 1e-9;

export interface BottomUpShare {
  bottomUp: number;
  total: number;
  /** bottomUp / total; undefined when there are no objectives. */
  share?: number;
}

export function bottomUpShare(objectives: readonly Objective[]): BottomUpShare {
  const total = objectives.length;
  const bottomUp = objectives.filter((o) => o.source === 'bottom-up').length;
  return { bottomUp, total, share: total === 0 ? undefined : bottomUp / total };
}

/** Department names in a stable order: department cards, then the org list, then individual cards. */
function departmentNames(book: OkrBook): string[] {
  const names: string[] = [];
  const add = (n: string | undefined): void => {
    const name = (n ?? '').trim();
    if (name !== '' && !names.includes(name)) names.push(name);
  };
  book.departments.forEach((c) => add(c.department));
  book.org.departments.forEach((d) => add(d.name));
  book.individuals.forEach((c) => add(c.department));
  return names;
}

const sameDept = (c: Card, d: string): boolean => (c.department ?? '').trim() === d;

/** A department's share: its department card's objectives and its people's (the department card's L3 shows it live). */
export function departmentBottomUpShare(book: OkrBook, department: string): BottomUpShare {
  const d = department.trim();
  const deptCard = book.departments.find((c) => sameDept(c, d));
  return bottomUpShare([
    ...(deptCard?.objectives ?? []),
    ...book.individuals.filter((c) => sameDept(c, d)).flatMap((c) => c.objectives),
  ]);
}

/**
 * BOTTOM_UP: at least 60% (Settings) of the objectives must come bottom-up — per department (its
 * department card plus its members' cards) and company-wide (all department and individual cards).
 * Objectives without a source count as not bottom-up. Company objectives are not counted.
 */
export function checkBottomUp(book: OkrBook): Finding[] {
  const min = book.settings.limits.bottomUpMin;
  const out: Finding[] = [];
  for (const d of departmentNames(book)) {
    const deptCard = book.departments.find((c) => sameDept(c, d));
    const s = departmentBottomUpShare(book, d);
    if (s.share !== undefined && s.share < min - EPS) {
      out.push(
        makeFinding(
          { rule: 'BOTTOM_UP', severity: 'error', level: 'department', department: d, owner: '', sheet: deptCard?.sheet ?? '', cell: '' },
          'department',
          { department: d, share: s.share, bottomUp: s.bottomUp, total: s.total, min },
        ),
      );
    }
  }
  const all = [...book.departments, ...book.individuals].flatMap((c) => c.objectives);
  const s = bottomUpShare(all);
  if (s.share !== undefined && s.share < min - EPS) {
    out.push(
      makeFinding(
        { rule: 'BOTTOM_UP', severity: 'error', level: 'company', department: '', owner: '', sheet: '', cell: '' },
        'company',
        { share: s.share, bottomUp: s.bottomUp, total: s.total, min },
      ),
    );
  }
  return out;
}
