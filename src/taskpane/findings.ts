/** Grouping and filtering of validation findings, as plain functions. */
import type { FindingView } from './actions';

export interface FindingFilter {
  /** undefined = every department; "" = findings without a department (company level). */
  department?: string;
  errors: boolean;
  warnings: boolean;
}

export interface RuleGroup {
  rule: string;
  ruleTitle: string;
  findings: FindingView[];
}

export interface SheetGroup {
  sheet: string;
  rules: RuleGroup[];
}

export function filterFindings(findings: FindingView[], f: FindingFilter): FindingView[] {
  return findings.filter(
    (x) =>
      (f.department === undefined || x.department === f.department) &&
      (x.severity === 'error' ? f.errors : f.warnings),
  );
}

/** Findings grouped by sheet, then by rule; both in the order they first appear (the validator's order). */
export function groupFindings(findings: FindingView[]): SheetGroup[] {
  const sheets = new Map<string, Map<string, RuleGroup>>();
  for (const x of findings) {
    let rules = sheets.get(x.sheet);
    if (!rules) sheets.set(x.sheet, (rules = new Map()));
    let group = rules.get(x.rule);
    if (!group) rules.set(x.rule, (group = { rule: x.rule, ruleTitle: x.ruleTitle, findings: [] }));
    group.findings.push(x);
  }
  return [...sheets].map(([sheet, rules]) => ({ sheet, rules: [...rules.values()] }));
}

/** Distinct departments of the findings, sorted as a Chinese reader expects; "" (company level) first. */
export function findingDepartments(findings: FindingView[]): string[] {
  const set = new Set(findings.map((x) => x.department));
  return [...set].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'zh-CN')));
}

export function countBySeverity(findings: FindingView[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const x of findings) if (x.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
