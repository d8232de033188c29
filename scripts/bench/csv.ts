/** The organisation and its cards as the command line's input files (org.csv, okrs.csv). */
import type { Card, Organisation } from '../../src/domain/model';

const q = (v: unknown): string => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function orgCsv(org: Organisation): string {
  const rows = org.people.map((p) => [p.department, p.name, p.position ?? '', p.manager ?? '', p.head ? '是' : ''].map(q).join(','));
  return ['部门,姓名,岗位,上级,负责人', ...rows].join('\n') + '\n';
}

/** One row per KR, the objective's columns repeated on each (English headers, as the importer accepts). */
export function okrCsv(cards: Card[]): string {
  const lines = [
    'level,department,owner,category,objective_no,objective,source,aligned_to,objective_weight,agreed,kr_no,key_result,deliverable,target,criteria,deadline,period,kr_weight,progress,self_score,manager_score,status',
  ];
  for (const c of cards) {
    for (const o of c.objectives) {
      const head = [c.level, c.department, c.owner, o.category, o.no, o.text, o.source, o.alignedTo, o.weight, o.agreed === undefined ? '' : o.agreed ? 'yes' : 'no'];
      for (const k of o.krs.length ? o.krs : [undefined]) {
        const tail = k ? [k.no, k.text, k.deliverable, k.target, k.criteria, k.deadline, k.period, k.weight, k.progress, k.selfScore, k.managerScore, k.status] : [];
        lines.push([...head, ...tail].map(q).join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}
