/** The findings that stop a lock or a scoring, one line per card, each a link to its first cell. */
import { useId } from 'react';
import { Link } from '@fluentui/react-components';
import type { FindingView } from '../actions';
import type { Strings } from '../strings';
import { usePaneStyles } from '../styles';
import { groupByCard } from './cards';

export function FindingsByCard(p: { s: Strings; heading: string; findings: FindingView[]; go: (sheet: string, cell?: string) => void }) {
  const styles = usePaneStyles();
  const id = useId();
  const cards = groupByCard(p.findings);
  if (cards.length === 0) return null;
  return (
    <div className={styles.section}>
      <h4 id={id} className={styles.h4}>
        {p.heading}
      </h4>
      <ul className={styles.list} aria-labelledby={id}>
        {cards.map((c) => (
          <li key={c.key} className={styles.text}>
            <Link as="button" onClick={() => p.go(c.findings[0].sheet, c.findings[0].cell)}>
              {p.s.cardLabel(c.department, c.owner)}
            </Link>
            {` (${p.s.cardProblems(c.findings.length)}): `}
            {c.findings.map((f) => f.message).join(p.s.findingSeparator)}
          </li>
        ))}
      </ul>
    </div>
  );
}
