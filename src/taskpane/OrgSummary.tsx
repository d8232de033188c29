import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Organisation } from '../domain/model';
import type { ImportIssueView } from './actions';
import type { Strings } from './strings';
import { usePaneStyles } from './styles';

export interface DepartmentRow {
  name: string;
  head?: string;
  people: number;
}

/** One row per department: its head (as marked, else the person flagged head) and its number of people. */
export function departmentRows(org: Organisation): DepartmentRow[] {
  return org.departments.map((d) => {
    const members = org.people.filter((p) => p.department === d.name);
    return { name: d.name, head: d.head ?? members.find((p) => p.head)?.name, people: members.length };
  });
}

export function OrgSummary(props: { org: Organisation; okrCount?: number; strings: Strings }) {
  const { org, strings: s } = props;
  const styles = usePaneStyles();
  const rows = departmentRows(org);
  return (
    <div className={styles.section}>
      <p className={styles.text} role="status">
        {s.readResult(org.departments.length, org.people.length)}
      </p>
      {props.okrCount !== undefined && props.okrCount > 0 && <p className={styles.text}>{s.okrCount(props.okrCount)}</p>}
      <Table size="extra-small" aria-label={s.departmentsCaption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{s.colDepartment}</TableHeaderCell>
            <TableHeaderCell>{s.colHead}</TableHeaderCell>
            <TableHeaderCell>{s.colPeople}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.name}>
              <TableCell>{r.name}</TableCell>
              <TableCell>{r.head ?? s.noHead}</TableCell>
              <TableCell>{r.people}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** Import problems, each with its line and column ("第12行 上级: …"); the file is named when several files are involved. */
export function IssueList(props: { issues: ImportIssueView[]; strings: Strings; headingId: string }) {
  const { issues, strings: s } = props;
  const styles = usePaneStyles();
  const manyFiles = new Set(issues.map((i) => i.file)).size > 1;
  return (
    <section className={styles.section} aria-labelledby={props.headingId}>
      <h3 id={props.headingId} className={styles.h3}>
        {s.issuesHeading(issues.length)}
      </h3>
      <ul className={styles.list}>
        {issues.map((i, n) => (
          <li key={n} className={styles.text}>
            {manyFiles && i.file ? `${i.file} · ` : ''}
            {s.issueLine(i.line, i.column, i.message)}
          </li>
        ))}
      </ul>
    </section>
  );
}
