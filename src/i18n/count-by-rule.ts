import type { Finding, RuleId } from '../domain/rules/types';

/** Findings counted by rule, in first-appearance order: "评分范围 2、协商一致 36" (titles and separator per language). */
export function countByRule(findings: Finding[], titles: Partial<Record<RuleId, string>>, sep: string): string {
  const n = new Map<string, number>();
  for (const f of findings) {
    const title = titles[f.rule] ?? f.rule;
    n.set(title, (n.get(title) ?? 0) + 1);
  }
  return [...n].map(([t, c]) => `${t} ${c}`).join(sep);
}
