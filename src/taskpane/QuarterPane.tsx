/**
 * Step 5, the quarter: who acts and the password once, then one section per task (quarter/). This
 * reads the quarter's state and hands every section what it needs.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Field, Input, Spinner } from '@fluentui/react-components';
import type { Lang } from '../domain/model';
import type { QuarterInfo } from './actions';
import { ErrorBar } from './ErrorBar';
import { messageOf } from './errors';
import type { Strings } from './strings';
import { usePaneStyles } from './styles';
import { AnnualChangeSection } from './quarter/AnnualChangeSection';
import { LockSection } from './quarter/LockSection';
import { ReviewSection } from './quarter/ReviewSection';
import { ScoreSection } from './quarter/ScoreSection';
import type { Busy, QuarterPaneActions, SectionProps } from './quarter/section';
import { NextQuarterSection } from './year/NextQuarterSection';
import { YearSection } from './year/YearSection';

export { groupByCard } from './quarter/cards';
export { defaultMonth, monthOf, monthProblem } from './quarter/months';

export interface QuarterPaneProps {
  actions: QuarterPaneActions;
  strings: Strings;
  lang: Lang;
  /** True while this pane is the one shown; each time it becomes true the workbook's quarter is read again. */
  active: boolean;
  /** "Today", for the default review month; tests pass a fixed date. */
  now?: Date;
}

type Info = { state: 'loading' } | { state: 'done'; info: QuarterInfo } | { state: 'failed'; message: string };

export function QuarterPane(props: QuarterPaneProps) {
  const { actions, strings: s, lang } = props;
  const styles = usePaneStyles();
  const ids = { heading: useId() };
  const readNo = useRef(0);

  const [info, setInfo] = useState<Info>({ state: 'loading' });
  const [by, setBy] = useState('');
  // Only in component state: passed to each action, never logged or stored.
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<Busy>();
  const [selectError, setSelectError] = useState<string | undefined>();

  const load = async () => {
    const no = ++readNo.current;
    setInfo({ state: 'loading' });
    try {
      const result = await actions.quarterInfo(lang);
      if (no === readNo.current) setInfo({ state: 'done', info: result });
    } catch (e) {
      if (no === readNo.current) setInfo({ state: 'failed', message: messageOf(e) });
    }
  };

  useEffect(() => {
    if (props.active) void load();
    // Runs on becoming active only: the workbook may have changed while another step was shown.
  }, [props.active]);

  const go = (sheet: string, cell = 'A1') => {
    setSelectError(undefined);
    actions.selectCell(sheet, cell).catch((e: unknown) => setSelectError(messageOf(e)));
  };

  const current = info.state === 'done' ? info.info : undefined;
  const section: SectionProps = { actions, s, lang, info: current, by: by.trim(), password: password || undefined, busy, setBusy, go, reload: () => void load() };

  return (
    <div className={styles.pane}>
      <h2 id={ids.heading} className={styles.h2}>
        {s.quarterHeading}
      </h2>
      <p className={styles.hint}>{s.quarterIntro}</p>

      {info.state === 'loading' && <Spinner size="tiny" label={s.loadingQuarter} />}
      {info.state === 'failed' && <ErrorBar title={s.errorTitle} message={info.message} />}
      {current && (
        <p className={styles.text} role="status">
          {`${s.quarterCycle(current.cycle)} · ${current.locked ? s.lockedOn(current.lockedOn ?? '') : s.notLocked}`}
        </p>
      )}
      {info.state !== 'loading' && (
        <div className={styles.actions}>
          <Button size="small" onClick={() => void load()}>
            {s.readAgain}
          </Button>
        </div>
      )}

      <Field label={s.byLabel} hint={s.byHint}>
        <Input className={styles.control} value={by} onChange={(_, d) => setBy(d.value)} />
      </Field>
      <Field label={s.quarterPasswordLabel} hint={s.quarterPasswordHint}>
        <Input className={styles.control} type="password" autoComplete="current-password" value={password} onChange={(_, d) => setPassword(d.value)} />
      </Field>

      {selectError && <ErrorBar title={s.selectFailed} message={selectError} />}

      <LockSection {...section} />
      <ScoreSection {...section} />
      <ReviewSection {...section} now={props.now} />
      <AnnualChangeSection {...section} />
      <NextQuarterSection {...section} />
      <YearSection {...section} />
    </div>
  );
}
