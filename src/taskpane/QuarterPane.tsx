import { useEffect, useId, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@fluentui/react-components';
import { isIsoDate } from '../domain/cycle';
import { RATING_CODES, type Lang } from '../domain/model';
import type { AnnualKrView, FindingView, LockResult, PaneActions, QuarterActions, QuarterInfo, ReviewResult, ChangeResult, ScoreResult } from './actions';
import { ErrorBar } from './ErrorBar';
import { messageOf } from './errors';
import type { Strings } from './strings';
import { usePaneStyles } from './styles';

export interface QuarterPaneProps {
  actions: QuarterActions & Pick<PaneActions, 'selectCell'>;
  strings: Strings;
  lang: Lang;
  /** True while this pane is the one shown; each time it becomes true the workbook's quarter is read again. */
  active: boolean;
  /** "Today", for the default review month; tests pass a fixed date. */
  now?: Date;
}

type Info = { state: 'loading' } | { state: 'done'; info: QuarterInfo } | { state: 'failed'; message: string };
type Busy = 'lock' | 'score' | 'review' | 'change' | undefined;

/** What every section gets from the pane. */
interface SectionProps {
  actions: QuarterPaneProps['actions'];
  s: Strings;
  lang: Lang;
  info?: QuarterInfo;
  /** Who does it (for the change log), "" when not given. */
  by: string;
  /** The workbook's sheet-protection password, undefined when not given. */
  password?: string;
  busy: Busy;
  setBusy(b: Busy): void;
  /** Activates a sheet (and selects a cell): the "go to" buttons. */
  go(sheet: string, cell?: string): void;
  /** Reads the quarter's state again (after a lock). */
  reload(): void;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "YYYY-MM" of a date (local time). */
export function monthOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The review month offered first: this month, moved into the cycle when outside it. */
export function defaultMonth(now: Date, info?: Pick<QuarterInfo, 'firstMonth' | 'lastMonth'>): string {
  const m = monthOf(now);
  if (!info) return m;
  if (m < info.firstMonth) return info.firstMonth;
  if (m > info.lastMonth) return info.lastMonth;
  return m;
}

/** Why a typed review month cannot be used, or undefined when it can. */
export function monthProblem(value: string, info?: Pick<QuarterInfo, 'firstMonth' | 'lastMonth'>): 'invalid' | 'outside' | undefined {
  const v = value.trim();
  if (!MONTH.test(v)) return 'invalid';
  if (info && (v < info.firstMonth || v > info.lastMonth)) return 'outside';
  return undefined;
}

/** AGREED findings grouped by card, cards in first-appearance order. */
export function groupByCard(findings: FindingView[]): { key: string; department: string; owner: string; findings: FindingView[] }[] {
  const groups = new Map<string, { key: string; department: string; owner: string; findings: FindingView[] }>();
  for (const f of findings) {
    const key = `${f.level}|${f.department}|${f.owner}`;
    const g = groups.get(key) ?? { key, department: f.department, owner: f.owner, findings: [] };
    g.findings.push(f);
    groups.set(key, g);
  }
  return [...groups.values()];
}

const fmtScore = (s: Strings, x: number | undefined): string => (x === undefined ? s.noScore : x.toFixed(2));
const krKey = (kr: Pick<AnnualKrView, 'sheet' | 'cell'>): string => `${kr.sheet}!${kr.cell}`;

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
      <ChangeSection {...section} />
    </div>
  );
}

// ---- 1 lock -----------------------------------------------------------------------------------------

/** A section's failure (an action that rejected) and refusal (the workbook is not ready for it). */
function Outcome({ s, error, refused }: { s: Strings; error?: string; refused?: string }) {
  return (
    <>
      {error && <ErrorBar title={s.errorTitle} message={error} />}
      {refused !== undefined && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{s.refusedTitle}</MessageBarTitle>
            {refused}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/**
 * Runs one of the quarter actions: clears the section's error, marks the pane busy (one action at a
 * time), and shows a rejection's message. Resolves to the action's result, or undefined if it failed.
 */
async function attempt<T>(p: SectionProps, kind: Exclude<Busy, undefined>, setError: (m: string | undefined) => void, action: () => Promise<T>): Promise<T | undefined> {
  setError(undefined);
  p.setBusy(kind);
  try {
    return await action();
  } catch (e) {
    setError(messageOf(e));
    return undefined;
  } finally {
    p.setBusy(undefined);
  }
}

function LockSection(p: SectionProps) {
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
                    {c.findings.map((f) => f.message).join(p.lang === 'zh-CN' ? '；' : '; ')}
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

// ---- 2 quarter-end scoring ------------------------------------------------------------------------------

function ScoreSection(p: SectionProps) {
  const { s } = p;
  const styles = usePaneStyles();
  const ids = { heading: useId(), result: useId() };
  const [result, setResult] = useState<ScoreResult | undefined>();
  const [confirm, setConfirm] = useState<{ cycle: string; existingRows: number } | undefined>();
  const [error, setError] = useState<string | undefined>();

  const score = async (replace: boolean) => {
    setConfirm(undefined);
    const r = await attempt(p, 'score', setError, () => p.actions.score({ lang: p.lang, by: p.by || undefined, replace: replace || undefined, password: p.password }));
    if (!r) return;
    if (r.status === 'needsConfirm') {
      setResult(undefined);
      setConfirm({ cycle: r.cycle, existingRows: r.existingRows });
    } else {
      setResult(r);
    }
  };

  const scored = result?.status === 'scored' ? result : undefined;
  const rep = scored?.report;

  return (
    <section className={styles.section} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className={styles.h3}>
        {s.scoreHeading}
      </h3>
      <p className={styles.hint}>{s.scoreIntro}</p>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={p.busy !== undefined} onClick={() => void score(false)}>
          {s.score}
        </Button>
        {p.busy === 'score' && <Spinner size="tiny" label={s.scoring} />}
      </div>

      <Dialog modalType="alert" open={confirm !== undefined} onOpenChange={(_, d) => { if (!d.open) setConfirm(undefined); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.confirmTitle}</DialogTitle>
            <DialogContent>{confirm && s.confirmBody(confirm.cycle, confirm.existingRows)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void score(true)}>
                {s.confirmReplace}
              </Button>
              <Button onClick={() => setConfirm(undefined)}>{s.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Outcome s={s} error={error} refused={result?.status === 'refused' ? result.message : undefined} />

      {scored && rep && (
        <div className={styles.section}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle id={ids.result}>{s.scoredTitle(rep.cycle)}</MessageBarTitle>
              {scored.replacedRows > 0 && <span>{s.scoredReplaced(scored.replacedRows)}</span>}
            </MessageBarBody>
          </MessageBar>
          <p className={styles.text}>
            {rep.company.score === undefined
              ? s.companyNoScore
              : s.companyScore(fmtScore(s, rep.company.score), rep.company.rating ? s.ratings[rep.company.rating] : s.noScore)}
          </p>
          <Table size="extra-small" aria-label={s.distributionCaption}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s.colRating}</TableHeaderCell>
                <TableHeaderCell>{s.colPeople}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {RATING_CODES.map((c) => (
                <TableRow key={c}>
                  <TableCell>{s.ratings[c]}</TableCell>
                  <TableCell>{rep.distribution[c]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {rep.departments.length > 0 && (
            <Table size="extra-small" aria-label={s.departmentScoresCaption}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{s.colDepartment}</TableHeaderCell>
                  <TableHeaderCell>{s.colScore}</TableHeaderCell>
                  <TableHeaderCell>{s.colRating}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rep.departments.map((d) => (
                  <TableRow key={d.name}>
                    <TableCell>{d.name}</TableCell>
                    <TableCell>{fmtScore(s, d.score)}</TableCell>
                    <TableCell>{d.rating ? s.ratings[d.rating] : s.noScore}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <p className={styles.text}>{s.krNotes(rep.unscoredKrs, rep.tooEasyKrs, rep.carryOverKrs)}</p>
          <p className={styles.text}>
            {s.registerAt(scored.registerSheet)}
            {scored.chartSheet && ` ${s.chartAt(scored.chartSheet)}`}
          </p>
          <div className={styles.actions}>
            <Button onClick={() => p.go(scored.registerSheet)}>{s.goToSheet(scored.registerSheet)}</Button>
            {scored.chartSheet && <Button onClick={() => p.go(scored.chartSheet ?? '')}>{s.goToSheet(scored.chartSheet)}</Button>}
          </div>
        </div>
      )}
    </section>
  );
}

// ---- 3 review month -----------------------------------------------------------------------------------

function ReviewSection(p: SectionProps & { now?: Date }) {
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
              {s.reviewDoneBody(result.added, result.skipped, result.sheet)} {s.reviewExpected(`${Math.round(result.expected * 100)}%`)}
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

// ---- 4 annual KR change request ---------------------------------------------------------------------------

function ChangeSection(p: SectionProps) {
  const { s, info } = p;
  const styles = usePaneStyles();
  const ids = { heading: useId() };
  const [key, setKey] = useState('');
  const [newText, setNewText] = useState('');
  const [requester, setRequester] = useState('');
  const [approver, setApprover] = useState('');
  const [approvedOn, setApprovedOn] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [result, setResult] = useState<ChangeResult | undefined>();
  const [submitted, setSubmitted] = useState<AnnualKrView | undefined>();
  const [error, setError] = useState<string | undefined>();

  const krs = info?.annualKrs ?? [];
  const kr = krs.find((k) => krKey(k) === key);
  const label = (k: AnnualKrView) => s.krOption(s.cardLabel(k.department, k.owner), k.objectiveNo, k.krNo, k.text);

  const problems = {
    kr: kr === undefined,
    newText: newText.trim() === '',
    requester: requester.trim() === '',
    approvedOn: approvedOn.trim() !== '' && !isIsoDate(approvedOn.trim()),
  };
  const bad = Object.values(problems).some(Boolean);
  const err = (which: keyof typeof problems) => attempted && problems[which];

  const submit = async () => {
    setAttempted(true);
    if (bad || !kr) return;
    const r = await attempt(p, 'change', setError, () => p.actions.requestAnnualKrChange({
      lang: p.lang, sheet: kr.sheet, cell: kr.cell, newText: newText.trim(), requester: requester.trim(),
      approver: approver.trim() || undefined, approvedOn: approvedOn.trim() || undefined, password: p.password,
    }));
    if (!r) return;
    setResult(r);
    setSubmitted(kr);
    if (r.status === 'logged') {
      setNewText('');
      setAttempted(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className={styles.h3}>
        {s.changeHeading}
      </h3>
      <p className={styles.hint}>{s.changeIntro}</p>
      {info && krs.length === 0 ? (
        <p className={styles.text}>{s.noAnnualKrs}</p>
      ) : (
        <>
          <Field
            label={s.krLabel}
            required
            hint={kr ? s.currentText(kr.text) : undefined}
            validationState={err('kr') ? 'error' : 'none'}
            validationMessage={err('kr') ? s.chooseKr : undefined}
          >
            <Dropdown
              className={styles.control}
              placeholder={s.krPlaceholder}
              value={kr ? label(kr) : ''}
              selectedOptions={kr ? [key] : []}
              disabled={!info}
              onOptionSelect={(_, d) => setKey(d.optionValue ?? '')}
            >
              {krs.map((k) => (
                <Option key={krKey(k)} value={krKey(k)} text={label(k)}>
                  {label(k)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field
            label={s.newTextLabel}
            required
            validationState={err('newText') ? 'error' : 'none'}
            validationMessage={err('newText') ? s.requiredField : undefined}
          >
            <Textarea resize="vertical" rows={3} value={newText} onChange={(_, d) => setNewText(d.value)} />
          </Field>
          <div className={styles.row}>
            <Field
              className={styles.grow}
              label={s.requesterLabel}
              required
              validationState={err('requester') ? 'error' : 'none'}
              validationMessage={err('requester') ? s.requiredField : undefined}
            >
              <Input className={styles.control} value={requester} onChange={(_, d) => setRequester(d.value)} />
            </Field>
            <Field className={styles.grow} label={s.approverLabel}>
              <Input className={styles.control} value={approver} onChange={(_, d) => setApprover(d.value)} />
            </Field>
          </div>
          <Field
            label={s.approvedOnLabel}
            hint={s.approvedOnHint}
            validationState={err('approvedOn') ? 'error' : 'none'}
            validationMessage={err('approvedOn') ? s.dateInvalid : undefined}
          >
            <Input className={styles.control} value={approvedOn} placeholder="2026-11-05" onChange={(_, d) => setApprovedOn(d.value)} />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={p.busy !== undefined || !info} onClick={() => void submit()}>
              {s.submitChange}
            </Button>
            {p.busy === 'change' && <Spinner size="tiny" label={s.submittingChange} />}
          </div>
        </>
      )}

      <Outcome s={s} error={error} refused={result?.status === 'refused' ? result.message : undefined} />
      {result?.status === 'logged' && (
        <>
          <MessageBar intent={result.approved ? 'success' : 'warning'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.changeLoggedTitle}</MessageBarTitle>
              {s.changeLoggedBody(result.oldText, result.newText)} {result.approved ? s.changeApproved : s.changeAwaits}
            </MessageBarBody>
          </MessageBar>
          {submitted && (
            <div className={styles.actions}>
              <Button onClick={() => p.go(submitted.sheet, submitted.cell)}>{s.goToKr}</Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
