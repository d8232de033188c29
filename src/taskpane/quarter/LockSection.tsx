/** 1 · Locking the quarter: AGREED problems by card, the override, the result. */
import { useId, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import type { LockResult } from '../actions';
import { ErrorBar } from '../ErrorBar';
import { usePaneStyles } from '../styles';
import { attempt, type SectionProps } from './section';
import { groupByCard } from './cards';

export function LockSection(p: SectionProps) {
  const { s } = p;
  const styles = usePaneStyles();
  const ids = { heading: useId(), cards: useId(), override: useId() };
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [result, setResult] = useState<LockResult | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [relock, setRelock] = useState(false);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);

  const lock = async (o: { override?: string; relock?: boolean }) => {
    const again = o.relock ?? relock;
    setRelock(again);
    const r = await attempt(p, 'lock', setError, () => p.actions.lock({ lang: p.lang, by: p.by || undefined, override: o.override, relock: again || undefined, password: p.password }));
    if (!r) return;
    setResult(r);
    if (r.status === 'locked') {
      setOverride(false);
      setReason('');
      setRelock(false);
      p.reload();
    }
  };

  const lockAnyway = () => {
    if (reason.trim() === '') {
      setReasonMissing(true);
      reasonRef.current?.focus();
      return;
    }
    void lock({ override: reason.trim() });
  };

  const refused = result?.status === 'refused' ? result : undefined;
  const cards = refused ? groupByCard(refused.notAgreed) : [];

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

      {refused && refused.code === 'notAgreed' && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.lockRefusedTitle}</MessageBarTitle>
              {s.lockNotAgreed(cards.length, refused.notAgreed.length)}
            </MessageBarBody>
          </MessageBar>
          {cards.length > 0 && (
            <div className={styles.section}>
              <h4 id={ids.cards} className={styles.h4}>
                {s.unsignedCards}
              </h4>
              <ul className={styles.list} aria-labelledby={ids.cards}>
                {cards.map((c) => (
                  <li key={c.key} className={styles.text}>
                    <Link as="button" onClick={() => p.go(c.findings[0].sheet, c.findings[0].cell)}>
                      {s.cardLabel(c.department, c.owner)}
                    </Link>
                    {` (${s.cardProblems(c.findings.length)}): `}
                    {c.findings.map((f) => f.message).join(s.findingSeparator)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div role="group" aria-labelledby={ids.override} className={styles.section}>
            <h4 id={ids.override} className={styles.h4}>
              {s.overrideGroup}
            </h4>
            <Checkbox label={s.overrideLabel} checked={override} onChange={(_, d) => setOverride(d.checked === true)} />
            {override && (
              <>
                <Field
                  label={s.overrideReason}
                  required
                  validationState={reasonMissing && reason.trim() === '' ? 'error' : 'none'}
                  validationMessage={reasonMissing && reason.trim() === '' ? s.overrideReasonMissing : undefined}
                >
                  <Textarea ref={reasonRef} resize="vertical" rows={3} value={reason} onChange={(_, d) => setReason(d.value)} />
                </Field>
                <div className={styles.actions}>
                  <Button appearance="primary" disabled={p.busy !== undefined} onClick={lockAnyway}>
                    {s.lockAnyway}
                  </Button>
                </div>
              </>
            )}
          </div>
        </>
      )}

      {refused && refused.code !== 'notAgreed' && (
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
            {s.lockedBody(result.cards, result.objectives, result.quarterlyKrs)}
            {result.overridden.length > 0 && ` ${s.lockedOverride(result.overridden.length)}`}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
