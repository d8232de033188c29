import type { FindingView } from '../actions';

/** AGREED findings grouped by card, cards in first-appearance order. */
export function groupByCard(findings: FindingView[]): { key: string; department: string; owner: string; findings: FindingView[] }[] {
  const groups = new Map<string, { key: string; department: string; owner: string; findings: FindingView[] }>();
  for (const f of findings) {
    const key = `${f.level}|${f.department}|${f.owner}`;
    const g = groups.get(key) ?? { key, department: f.department, owner: f.owner, findings: [] };
    g.findings.push(f);
    groups.set(key, g);
  }
  return [...groups.values()];
}
