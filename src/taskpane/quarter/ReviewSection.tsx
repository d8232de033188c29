/** 3 · Adding a review month to 月（季）绩效回顾表. */
import { useEffect, useId, useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { formatPercent } from '../../i18n/format';
import type { ReviewResult } from '../actions';
import { usePaneStyles } from '../styles';
import { attempt, Outcome, type SectionProps } from './section';
import { defaultMonth, monthProblem } from './months';

export function ReviewSection(p: SectionProps & { now?: Date }) {
  const { s, info } = p;
  const styles = usePaneStyles();
  const ids = { heading: useId() };
  const inputRef = useRef<HTMLInputElement>(null);
  const [month, setMonth] = useState(() => defaultMonth(p.now ?? new Date()));
  const [edited, setEdited] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [result, setResult] = useState<ReviewResult | undefined>();
  const [error, setError] = useState<string | undefined>();

  // Until the person types a month, the default follows the cycle once it is known.
  useEffect(() => {
    if (!edited && info) setMonth(defaultMonth(p.now ?? new Date(), info));
  }, [info?.firstMonth, info?.lastMonth]);

  const problem = monthProblem(month, info);
  const shown = attempted || edited ? problem : undefined;
  const message = shown === 'invalid' ? s.monthInvalid : shown === 'outside' && info ? s.monthOutside(info.firstMonth, info.lastMonth) : undefined;

  const add = async () => {
    setAttempted(true);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    const r = await attempt(p, 'review', setError, () => p.actions.addReviewMonth({ lang: p.lang, month: month.trim(), password: p.password }));
    if (r) setResult(r);
  };

  return (
    <section className={styles.section} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className={styles.h3}>
        {s.reviewHeading}
      </h3>
      <p className={styles.hint}>{s.reviewIntro}</p>
      <Field
        label={s.monthLabel}
        hint={info ? s.monthHint(info.firstMonth, info.lastMonth) : undefined}
        validationState={message ? 'error' : 'none'}
        validationMessage={message}
      >
        <Input
          ref={inputRef}
          className={styles.control}
          value={month}
          placeholder="2026-11"
          inputMode="numeric"
          onChange={(_, d) => {
            setMonth(d.value);
            setEdited(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void add();
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={p.busy !== undefined} onClick={() => void add()}>
          {s.addMonth}
        </Button>
        {p.busy === 'review' && <Spinner size="tiny" label={s.addingMonth} />}
      </div>

      <Outcome s={s} error={error} refused={result?.status === 'refused' ? result.message : undefined} />
      {result?.status === 'added' && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.reviewDoneTitle(result.month)}</MessageBarTitle>
              {s.reviewDoneBody(result.added, result.filled, result.skipped, result.sheet)} {s.reviewExpected(`${formatPercent(result.expected)}`)}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            <Button onClick={() => p.go(result.sheet)}>{s.goToSheet(result.sheet)}</Button>
          </div>
        </>
      )}
    </section>
  );
}
