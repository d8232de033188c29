import { useEffect, useId, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { Lang, Organisation } from '../domain/model';
import type { OrgUpdateView, PaneActions } from './actions';
import { ErrorBar } from './ErrorBar';
import { messageOf } from './errors';
import type { Strings } from './strings';
import { usePaneStyles } from './styles';

export interface UpdateOrgSectionProps {
  actions: Pick<PaneActions, 'updateOrg'>;
  strings: Strings;
  lang: Lang;
  /** The organisation read in step 2; undefined until then. */
  org?: Organisation;
  /** The workbook's protection password, typed above (only handed to the action). */
  password: string;
}

/**
 * "更新组织架构": shown when the workbook already holds OKR sheets. Brings them up to the organisation
 * read in step 2 and lists, card by card, what changed. Nothing anyone typed is written.
 */
export function UpdateOrgSection(props: UpdateOrgSectionProps) {
  const { actions, strings: s, org } = props;
  const styles = usePaneStyles();
  const headingId = useId();
  const alive = useRef(true);
  useEffect(() => () => { alive.current = false; }, []);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<OrgUpdateView | undefined>();
  const [error, setError] = useState<string | undefined>();

  const update = async () => {
    if (!org || running) return;
    setRunning(true);
    setError(undefined);
    setResult(undefined);
    try {
      const out = await actions.updateOrg(org, props.lang, props.password ? { password: props.password } : undefined);
      if (alive.current) setResult(out);
    } catch (e) {
      if (alive.current) setError(messageOf(e));
    } finally {
      if (alive.current) setRunning(false);
    }
  };

  const title = result?.status === 'updated' ? s.updatedTitle : result?.status === 'upToDate' ? s.upToDateTitle : s.updateRefusedTitle;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>{s.updateOrgHeading}</h3>
      <p className={styles.hint}>{org ? s.updateOrgHint(org.people.length, org.departments.length) : s.needOrg}</p>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!org || running} onClick={() => void update()}>{s.updateOrg}</Button>
        {running && <Spinner size="tiny" label={s.updating} />}
      </div>
      {error && <ErrorBar title={s.errorTitle} message={error} />}
      {result && (
        <MessageBar intent={result.status === 'refused' ? 'error' : 'success'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{title}</MessageBarTitle>
            {result.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && result.lines.length > 0 && (
        <ul className={styles.list} aria-label={s.updateLinesLabel}>
          {result.lines.map((l) => (
            <li key={`${l.where}\u0000${l.what}`} className={styles.text}>
              <strong>{l.where}</strong> — {l.what}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
