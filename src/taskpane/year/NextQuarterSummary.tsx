/** What `next` built, as `okr-workbook next` prints it: the cycles and counts, moves, departures, KRs not carried; and where the workbook is. */
import { useEffect, useId, useState } from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { Lang } from '../../domain/model';
import { text } from '../../i18n';
import type { NextQuarterBuilt } from '../actions';
import { usePaneStyles } from '../styles';

/** A link's address for the file's bytes, revoked when the link goes. */
function useFileUrl(bytes: Uint8Array | undefined): string | undefined {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    if (!bytes) return undefined;
    const u = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [bytes]);
  return url;
}

export function NextQuarterSummary({ lang, built }: { lang: Lang; built: NextQuarterBuilt }) {
  const styles = usePaneStyles();
  const id = useId();
  const words = text(lang).year;
  const Y = words.pane;
  const N = words.next;
  const url = useFileUrl(built.opened ? undefined : built.file.bytes);
  const notes = [
    ...built.moved.map((m) => N.moved(m.name, m.from, m.to)),
    ...built.left.map((l) => N.left(l.name, l.department)),
    ...built.notCarried.map((w) => N.notCarried(w)),
    ...(built.annualDropped ? [Y.annualDropped(built.annualDropped)] : []),
  ];
  return (
    <div className={styles.section}>
      <MessageBar intent={built.opened ? 'success' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={id}>{Y.builtTitle(built.from, built.to)}</MessageBarTitle>
          {built.opened ? Y.opened : built.notOpened}
        </MessageBarBody>
      </MessageBar>
      <p className={styles.text}>{Y.summary({ people: built.people, carried: built.carried.length, annual: built.annual, history: built.history })}</p>
      {!built.opened && url && (
        <div className={styles.actions}>
          <Link href={url} download={built.file.name}>
            {Y.download(built.file.name)}
          </Link>
        </div>
      )}
      {notes.length > 0 && (
        <ul className={styles.list}>
          {notes.map((n) => (
            <li key={n} className={styles.text}>{n}</li>
          ))}
        </ul>
      )}
      {built.carried.length > 0 && (
        <Table size="extra-small" aria-label={Y.carriedCaption}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{Y.colFrom}</TableHeaderCell>
              <TableHeaderCell>{Y.colOwner}</TableHeaderCell>
              <TableHeaderCell>{Y.colKr}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {built.carried.map((k) => (
              <TableRow key={k.from}>
                <TableCell>{k.from}</TableCell>
                <TableCell>{k.owner}</TableCell>
                <TableCell>{k.text}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
