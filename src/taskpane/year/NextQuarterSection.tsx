/**
 * Start the next quarter: the cycle (the quarter after the workbook's by default), last year's annual
 * KRs when it starts a new year, the override when this quarter is not scored; then what was built,
 * opened in Excel as a new workbook or offered as a file. The open workbook is never written.
 */
import { useEffect, useId, useState } from 'react';
import { Button, Checkbox, Field, Input, Spinner } from '@fluentui/react-components';
import { parseCycle } from '../../domain/cycle';
import { text } from '../../i18n';
import type { NextQuarterResult } from '../actions';
import { usePaneStyles } from '../styles';
import { OverrideForm } from '../quarter/OverrideForm';
import { attempt, Outcome, type SectionProps } from '../quarter/section';
import { followingCycle, startsNewYear } from './cycles';
import { NextQuarterSummary } from './NextQuarterSummary';

export function NextQuarterSection(p: SectionProps) {
  const { s } = p;
  const Y = text(p.lang).year.pane;
  const styles = usePaneStyles();
  const ids = { heading: useId() };
  const from = p.info?.cycle ?? '';
  const [cycle, setCycle] = useState('');
  const [edited, setEdited] = useState(false);
  const [carryAnnual, setCarryAnnual] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [result, setResult] = useState<NextQuarterResult | undefined>();
  const [error, setError] = useState<string | undefined>();

  // The default follows the workbook's quarter until the person types their own.
  useEffect(() => {
    if (!edited) setCycle(followingCycle(from));
  }, [from, edited]);

  const newYear = startsNewYear(from, cycle);
  const build = async (override: string | undefined) => {
    const c = parseCycle(cycle);
    setInvalid(!c);
    if (!c) return;
    const r = await attempt(p, 'next', setError, () => p.actions.nextQuarter({
      lang: p.lang, cycle: c, carryAnnual: newYear && carryAnnual ? true : undefined, override, by: p.by || undefined, password: p.password,
    }));
    setResult(r);
  };

  const refused = result?.status === 'refused' ? result : undefined;
  return (
    <section className={styles.section} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className={styles.h3}>
        {Y.nextHeading}
      </h3>
      <p className={styles.hint}>{Y.nextIntro}</p>
      <Field label={Y.cycleLabel} hint={Y.cycleHint} validationState={invalid ? 'error' : 'none'} validationMessage={invalid ? Y.cycleInvalid : undefined}>
        <Input className={styles.control} value={cycle} onChange={(_, d) => { setEdited(true); setCycle(d.value); }} />
      </Field>
      {newYear && (
        <Field hint={Y.carryAnnualHint}>
          <Checkbox label={Y.carryAnnual} checked={carryAnnual} onChange={(_, d) => setCarryAnnual(d.checked === true)} />
        </Field>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={p.busy !== undefined} onClick={() => void build(undefined)}>
          {Y.run}
        </Button>
        {p.busy === 'next' && <Spinner size="tiny" label={Y.running} />}
      </div>
      <Outcome s={{ ...s, refusedTitle: Y.refusedTitle }} error={error} refused={refused && (refused.code === 'notScored' ? Y.notScored(from) : refused.message)} />
      {refused?.code === 'notScored' && (
        <OverrideForm
          busy={p.busy !== undefined}
          onSubmit={(reason) => void build(reason)}
          words={{ group: Y.overrideGroup, label: Y.overrideLabel, reason: Y.overrideReason, reasonMissing: Y.overrideReasonMissing, submit: Y.overrideSubmit }}
        />
      )}
      {result?.status === 'built' && <NextQuarterSummary lang={p.lang} built={result} />}
    </section>
  );
}
