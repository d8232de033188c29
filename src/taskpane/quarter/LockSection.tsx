/** 1 · Locking the quarter: what stops it (sign-offs, rule errors) by card, the override, the result. */
import { useId, useState } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { LockResult } from '../actions';
import { ErrorBar } from '../ErrorBar';
import { usePaneStyles } from '../styles';
import { attempt, type SectionProps } from './section';
import { groupByCard } from './cards';
import { FindingsByCard } from './FindingsByCard';
import { OverrideForm } from './OverrideForm';

export function LockSection(p: SectionProps) {
  const { s } = p;
  const styles = usePaneStyles();
  const ids = { heading: useId() };
  const [result, setResult] = useState<LockResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [relock, setRelock] = useState(false);

  const lock = async (o: { override?: string; relock?: boolean }) => {
    const again = o.relock ?? relock;
    setRelock(again);
    const r = await attempt(p, 'lock', setError, () => p.actions.lock({ lang: p.lang, by: p.by || undefined, override: o.override, relock: again || undefined, password: p.password }));
    if (!r) return;
    setResult(r);
    if (r.status === 'locked') {
      setRelock(false);
      p.reload();
    }
  };

  const refused = result?.status === 'refused' ? result : undefined;
  // Sign-offs missing or rule errors: the person may fix them, or lock anyway with a reason.
  const overridable = refused !== undefined && (refused.code === 'notAgreed' || refused.code === 'lockErrors');
  const cards = refused ? groupByCard(refused.findings).length : 0;

  return (
    <section className={styles.section} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className={styles.h3}>
        {s.lockHeading}
      </h3>
      <p className={styles.hint}>{s.lockIntro}</p>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={p.busy !== undefined} onClick={() => void lock({ relock: false })}>
          {s.lock}
        </Button>
        {p.busy === 'lock' && <Spinner size="tiny" label={s.locking} />}
      </div>

      {error && <ErrorBar title={s.errorTitle} message={error} />}

      {refused && overridable && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.lockRefusedTitle}</MessageBarTitle>
              {refused.code === 'notAgreed'
                ? s.lockNotAgreed(cards, refused.findings.length)
                : s.lockErrors(cards, refused.findings.length)}
            </MessageBarBody>
          </MessageBar>
          <FindingsByCard s={s} heading={refused.code === 'notAgreed' ? s.unsignedCards : s.errorCards} findings={refused.findings} go={p.go} />
          <OverrideForm
            key={refused.code}
            busy={p.busy !== undefined}
            onSubmit={(reason) => void lock({ override: reason })}
            words={{
              group: s.overrideGroup,
              label: refused.code === 'notAgreed' ? s.overrideLabel : s.overrideLabelErrors,
              reason: s.overrideReason,
              reasonMissing: s.overrideReasonMissing,
              submit: s.lockAnyway,
            }}
          />
        </>
      )}

      {refused && !overridable && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.lockRefusedTitle}</MessageBarTitle>
            {refused.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {refused && refused.code === 'alreadyLocked' && (
        <div className={styles.actions}>
          <Button disabled={p.busy !== undefined} onClick={() => void lock({ relock: true })}>
            {s.relock}
          </Button>
        </div>
      )}

      {result?.status === 'locked' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.lockedTitle}</MessageBarTitle>
            {(result.late ? s.lockedLateBody : s.lockedBody)(result.cards, result.objectives, result.quarterlyKrs)}
            {result.relocked && ` ${s.relockedBody(result.relocked.replaced, result.relocked.unapproved, result.relocked.archive)}`}
            {result.overridden.length > 0 && ` ${s.lockedOverride(result.overridden.length)}`}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
