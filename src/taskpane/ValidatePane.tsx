import { useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../domain/model';
import type { FindingView, PaneActions } from './actions';
import { ErrorBar } from './ErrorBar';
import { messageOf } from './errors';
import { countBySeverity, filterFindings, findingDepartments, groupFindings } from './findings';
import type { Strings } from './strings';
import { usePaneStyles } from './styles';

export interface ValidatePaneProps {
  actions: Pick<PaneActions, 'validate' | 'selectCell'>;
  strings: Strings;
  lang: Lang;
}

const ALL = 'all';
const deptValue = (d: string) => `d:${d}`;

const useStyles = makeStyles({
  findings: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: { marginBottom: tokens.spacingVerticalXS },
  link: { display: 'block', textAlign: 'left', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  severity: { fontWeight: tokens.fontWeightSemibold },
  where: { color: tokens.colorNeutralForeground2 },
});

export function ValidatePane(props: ValidatePaneProps) {
  const { actions, strings: s, lang } = props;
  const styles = usePaneStyles();
  const own = useStyles();
  const ids = { heading: useId(), results: useId(), filters: useId() };
  const listRef = useRef<HTMLDivElement>(null);

  const [findings, setFindings] = useState<FindingView[] | undefined>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [selectError, setSelectError] = useState<string | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const [showErrors, setShowErrors] = useState(true);
  const [showWarnings, setShowWarnings] = useState(true);

  const run = async () => {
    setRunning(true);
    setError(undefined);
    setSelectError(undefined);
    try {
      const result = await actions.validate(lang);
      setFindings(result);
      if (department !== undefined && !result.some((x) => x.department === department)) setDepartment(undefined);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };

  const go = async (f: FindingView) => {
    setSelectError(undefined);
    try {
      await actions.selectCell(f.sheet, f.cell);
    } catch (e) {
      setSelectError(messageOf(e));
    }
  };

  /** Up/Down/Home/End move between findings; Tab still visits each in turn. */
  const onListKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    const items = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-finding]') ?? []);
    const at = items.indexOf(e.target as HTMLElement);
    if (at < 0 || items.length === 0) return;
    e.preventDefault();
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : Math.min(items.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
    items[next].focus();
  };

  const all = findings ?? [];
  const counts = countBySeverity(all);
  const departments = findingDepartments(all);
  const shown = filterFindings(all, { department, errors: showErrors, warnings: showWarnings });
  const groups = groupFindings(shown);
  const deptName = (d: string) => (d === '' ? s.noDepartment : d);

  return (
    <div className={styles.pane}>
      <h2 id={ids.heading} className={styles.h2}>
        {s.validateHeading}
      </h2>
      <p className={styles.hint}>{s.validateIntro}</p>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running} onClick={() => void run()}>
          {s.validate}
        </Button>
        {running && <Spinner size="tiny" label={s.validating} />}
      </div>

      {error && <ErrorBar title={s.errorTitle} message={error} />}

      {findings && (
        <section className={styles.section} aria-labelledby={ids.results}>
          <h3 id={ids.results} className={styles.h3}>
            {s.counts(counts.errors, counts.warnings)}
          </h3>
          {all.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>{s.noFindings}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <div role="group" aria-labelledby={ids.filters} className={styles.section}>
                <span id={ids.filters} className={styles.h4}>
                  {s.filtersLabel}
                </span>
                <Field label={s.filterDepartment}>
                  <Dropdown
                    className={styles.control}
                    value={department === undefined ? s.allDepartments : deptName(department)}
                    selectedOptions={[department === undefined ? ALL : deptValue(department)]}
                    onOptionSelect={(_, data) => {
                      const v = data.optionValue ?? ALL;
                      setDepartment(v === ALL ? undefined : v.slice(2));
                    }}
                  >
                    <Option value={ALL}>{s.allDepartments}</Option>
                    {departments.map((d) => (
                      <Option key={d} value={deptValue(d)} text={deptName(d)}>
                        {deptName(d)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
                <div className={styles.actions}>
                  <Checkbox label={s.showErrors} checked={showErrors} onChange={(_, d) => setShowErrors(d.checked === true)} />
                  <Checkbox label={s.showWarnings} checked={showWarnings} onChange={(_, d) => setShowWarnings(d.checked === true)} />
                </div>
                <p className={styles.hint}>{s.shown(shown.length, all.length)}</p>
              </div>

              {selectError && <ErrorBar title={s.selectFailed} message={selectError} />}
              {shown.length === 0 ? (
                <p className={styles.text}>{s.noneMatch}</p>
              ) : (
                <>
                  <p className={styles.hint}>{s.findingsHint}</p>
                  <div ref={listRef} className={own.findings} onKeyDown={onListKeyDown}>
                    {groups.map((g) => (
                      <section key={g.sheet} className={styles.section} aria-label={g.sheet}>
                        <h4 className={styles.h3}>{g.sheet}</h4>
                        {g.rules.map((r) => (
                          <div key={r.rule} className={styles.section}>
                            <h5 className={styles.h4}>{s.ruleHeading(r.rule, r.ruleTitle, r.findings.length)}</h5>
                            <ul className={styles.list}>
                              {r.findings.map((f, i) => (
                                <li key={`${f.cell}-${i}`} className={own.item}>
                                  <Link as="button" data-finding="" className={own.link} onClick={() => void go(f)}>
                                    <span className={own.severity}>{s.severity[f.severity]}</span>
                                    {` ${f.cell} · `}
                                    {f.message}
                                    <span className={own.where}>
                                      {` — ${s.findingWhere(f.owner, deptName(f.department))}`}
                                    </span>
                                  </Link>
                                </li>
                              ))}
                            </ul>
                          </div>
                        ))}
                      </section>
                    ))}
                  </div>
                </>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
