import { useEffect, useId, useRef, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from '@fluentui/react-components';
import type { Lang, Organisation } from '../domain/model';
import { cycleLabel } from '../domain/cycle';
import { SHEET_KINDS, type GenerateSummary, type PaneActions, type SetupState } from './actions';
import { ErrorBar } from './ErrorBar';
import { UpdateOrgSection } from './UpdateOrgSection';
import { messageOf } from './errors';
import { sheetKindLabel, type Strings } from './strings';
import { usePaneStyles } from './styles';

export interface GeneratePaneProps {
  actions: Pick<PaneActions, 'existingOkrSheets' | 'generate' | 'updateOrg'>;
  strings: Strings;
  lang: Lang;
  /** Undefined while the Setup step has errors. */
  setup?: SetupState;
  org?: Organisation;
  /** Set when the host cannot generate (Excel too old). */
  unsupported?: boolean;
  /** True while this pane is the one shown; each time it becomes true the workbook is checked again. */
  active: boolean;
}

type Existing = { state: 'checking' } | { state: 'done'; sheets: string[] } | { state: 'failed'; message: string };

/** Sheet kinds that exist once per workbook (cards are counted separately). */
const OTHER_KINDS = SHEET_KINDS.filter((k) => k !== 'department' && k !== 'individual');

/** Created sheets grouped by kind, kinds in first-created order. */
export function groupCreated(created: GenerateSummary['created']): { kind: string; sheets: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const c of created) {
    const list = groups.get(c.kind) ?? [];
    list.push(c.sheet);
    groups.set(c.kind, list);
  }
  return [...groups].map(([kind, sheets]) => ({ kind, sheets }));
}

export function GeneratePane(props: GeneratePaneProps) {
  const { actions, strings: s, setup, org } = props;
  const styles = usePaneStyles();
  const ids = { heading: useId(), plan: useId(), result: useId() };
  const alive = useRef(true);
  const checkNo = useRef(0);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const [existing, setExisting] = useState<Existing>({ state: 'checking' });
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>({ done: 0, total: 0 });
  const [summary, setSummary] = useState<GenerateSummary | undefined>();
  const [generated, setGenerated] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // The optional protection password lives only here, in component state: handed to generate, never
  // logged or stored (Excel keeps only its hash).
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = password !== '' && confirm !== password;

  const check = async () => {
    const no = ++checkNo.current;
    setExisting({ state: 'checking' });
    try {
      const sheets = await actions.existingOkrSheets();
      if (alive.current && no === checkNo.current) {
        setExisting({ state: 'done', sheets });
        if (sheets.length === 0) setGenerated(false);
      }
    } catch (e) {
      if (alive.current && no === checkNo.current) setExisting({ state: 'failed', message: messageOf(e) });
    }
  };

  useEffect(() => {
    if (props.active && !running) void check();
    // Runs on becoming active only; `check` and `running` are read at that moment.
  }, [props.active]);

  const existingSheets = existing.state === 'done' ? existing.sheets : [];
  const canGenerate =
    !props.unsupported &&
    setup !== undefined &&
    org !== undefined &&
    existing.state === 'done' &&
    existing.sheets.length === 0 &&
    !running &&
    !generated &&
    !mismatch;

  const generate = async () => {
    if (!canGenerate || !setup || !org) return;
    setRunning(true);
    setError(undefined);
    setSummary(undefined);
    setProgress({ done: 0, total: 0 });
    try {
      const onProgress = (done: number, total: number) => {
        if (alive.current) setProgress({ done, total });
      };
      const result = password ? await actions.generate(setup, org, onProgress, { password }) : await actions.generate(setup, org, onProgress);
      if (!alive.current) return;
      setSummary(result);
      if (!result.skipped) setGenerated(true);
    } catch (e) {
      if (alive.current) setError(messageOf(e));
    } finally {
      if (alive.current) setRunning(false);
    }
  };

  const people = org?.people.length ?? 0;
  const langName = setup ? s.langNames[setup.lang] : '';

  return (
    <div className={styles.pane}>
      <h2 id={ids.heading} className={styles.h2}>
        {s.generateHeading}
      </h2>

      {props.unsupported && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{s.unsupportedGenerate}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby={ids.plan}>
        <h3 id={ids.plan} className={styles.h3}>
          {s.planHeading}
        </h3>
        {setup && <p className={styles.text}>{s.planCycle(cycleLabel(setup.cycle), langName)}</p>}
        {org ? (
          <ul className={styles.list}>
            <li className={styles.text}>{s.planDepartments(org.departments.length)}</li>
            <li className={styles.text}>{s.planIndividuals(people)}</li>
            <li className={styles.text}>{s.planOther(OTHER_KINDS.map((k) => s.sheetKinds[k]))}</li>
          </ul>
        ) : (
          <p className={styles.text}>{s.needOrg}</p>
        )}
        {!setup && <p className={styles.text}>{s.needSetup}</p>}
      </section>

      {existing.state === 'checking' && <p className={styles.hint}>{s.checkingExisting}</p>}
      {existing.state === 'failed' && <ErrorBar title={s.errorTitle} message={existing.message} />}
      {existingSheets.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.existingTitle}</MessageBarTitle>
            {s.existingBody}
            <ul className={styles.list}>
              {existingSheets.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {/* With OKR sheets already there it is the workbook's own password, asked for as the quarter step asks. */}
      <Field label={existingSheets.length ? s.quarterPasswordLabel : s.passwordLabel} hint={existingSheets.length ? s.quarterPasswordHint : s.passwordHint}>
        <PasswordInput value={password} disabled={running || generated} onChange={setPassword} />
      </Field>
      {password !== '' && existingSheets.length === 0 && (
        <Field
          label={s.passwordConfirmLabel}
          validationState={mismatch && confirm !== '' ? 'error' : 'none'}
          validationMessage={mismatch && confirm !== '' ? s.passwordMismatch : undefined}
        >
          <PasswordInput value={confirm} disabled={running || generated} onChange={setConfirm} />
        </Field>
      )}

      {existingSheets.length > 0 && (
        <UpdateOrgSection actions={actions} strings={s} lang={props.lang} org={org} password={password} />
      )}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canGenerate} onClick={() => void generate()}>
          {s.generate}
        </Button>
        {existing.state !== 'checking' && !running && (
          <Button onClick={() => void check()}>{s.checkAgain}</Button>
        )}
      </div>

      {running && (
        <Field
          label={progress.total > 0 ? s.generating(progress.done, progress.total) : s.generatingStart}
          validationState="none"
        >
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} max={1} />
        </Field>
      )}

      {error && <ErrorBar title={s.errorTitle} message={error} />}

      {summary?.skipped && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.skippedTitle}</MessageBarTitle>
            {summary.reason ?? s.skippedDefault}
          </MessageBarBody>
        </MessageBar>
      )}
      {summary && !summary.skipped && (
        <section className={styles.section} aria-labelledby={ids.result}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle id={ids.result}>{s.doneTitle}</MessageBarTitle>
              {s.doneBody(summary.created.length, (summary.ms / 1000).toFixed(1))}
            </MessageBarBody>
          </MessageBar>
          {groupCreated(summary.created).map((g) => (
            <div key={g.kind}>
              <h3 className={styles.h4}>{s.createdKind(sheetKindLabel(s, g.kind), g.sheets.length)}</h3>
              <ul className={styles.list}>
                {g.sheets.map((name) => (
                  <li key={name} className={styles.text}>
                    {name}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}

/** A new password (the browser may offer to generate one, never to fill in a saved one). */
function PasswordInput(props: { value: string; disabled: boolean; onChange: (v: string) => void }) {
  const styles = usePaneStyles();
  return (
    <Input
      className={styles.control}
      type="password"
      autoComplete="new-password"
      value={props.value}
      disabled={props.disabled}
      onChange={(_, d) => props.onChange(d.value)}
    />
  );
}
