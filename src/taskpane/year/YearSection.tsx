/** The annual results of the open workbook: one row per person, then the departments and the company (as `okr-workbook year` prints them). */
import { useId, useState } from 'react';
import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { YearResult } from '../../domain/year';
import { text } from '../../i18n';
import { formatScore } from '../../i18n/format';
import type { YearResults } from '../actions';
import { usePaneStyles } from '../styles';
import { attempt, Outcome, type SectionProps } from '../quarter/section';

export function YearSection(p: SectionProps) {
  const styles = usePaneStyles();
  const ids = { heading: useId() };
  const words = text(p.lang);
  const Y = words.year.pane;
  const P = words.year.print;
  const [year, setYear] = useState<YearResults | undefined>();
  const [error, setError] = useState<string | undefined>();

  const read = async () => {
    const r = await attempt(p, 'year', setError, () => p.actions.yearResults(p.lang));
    if (r) setYear(r);
  };

  const n = (x: number | null) => (x === null ? P.none : formatScore(x));
  const rows: YearResult[] = year ? [...year.people, ...year.departments, ...(year.company ? [year.company] : [])] : [];
  const cells = (r: YearResult): string[] => [
    words.words.level[r.level], r.department || P.none, r.name || P.none,
    ...r.quarters.map(n), n(r.score), r.rating && year ? year.labels[r.rating] : P.none, r.bonus === null ? P.none : String(r.bonus),
  ];

  return (
    <section className={styles.section} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className={styles.h3}>
        {Y.yearHeading}
      </h3>
      <p className={styles.hint}>{Y.yearIntro}</p>
      <div className={styles.actions}>
        <Button disabled={p.busy !== undefined} onClick={() => void read()}>
          {Y.yearRun}
        </Button>
        {p.busy === 'year' && <Spinner size="tiny" label={Y.yearReading} />}
      </div>
      <Outcome s={p.s} error={error} />
      {year && (
        <>
          <h4 className={styles.h4}>{P.title(year.year)}</h4>
          {!year.fromSheet && <p className={styles.hint}>{P.noSheet}</p>}
          {rows.length === 0 ? (
            <p className={styles.text}>{Y.yearEmpty}</p>
          ) : (
            <Table size="extra-small" aria-label={Y.yearCaption}>
              <TableHeader>
                <TableRow>
                  {P.header.map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => (
                  <TableRow key={`${r.level}|${r.department}|${r.name}|${r.id ?? ''}`}>
                    {cells(r).map((c, i) => (
                      <TableCell key={i}>{c}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
