/** 2 · Quarter-end scoring: what stops it and the override, the confirmation before replacing rows, the report. */
import { useId, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { RATING_CODES } from '../../domain/model';
import type { ScoreResult } from '../actions';
import { usePaneStyles } from '../styles';
import { groupByCard } from './cards';
import { FindingsByCard } from './FindingsByCard';
import { OverrideForm } from './OverrideForm';
import { attempt, Outcome, fmtScore, type SectionProps } from './section';

export function ScoreSection(p: SectionProps) {
  const { s } = p;
  const styles = usePaneStyles();
  const ids = { heading: useId(), result: useId() };
  const [result, setResult] = useState<ScoreResult | undefined>();
  const [confirm, setConfirm] = useState<{ cycle: string; existingRows: number } | undefined>();
  const [error, setError] = useState<string | undefined>();

  // The override reason, kept for the confirmation's second call.
  const [override, setOverride] = useState<string | undefined>();
  const score = async (replace: boolean, reason: string | undefined) => {
    setConfirm(undefined);
    setOverride(reason);
    const r = await attempt(p, 'score', setError, () => p.actions.score({ lang: p.lang, by: p.by || undefined, replace: replace || undefined, override: reason, password: p.password }));
    if (!r) return;
    if (r.status === 'needsConfirm') {
      setResult(undefined);
      setConfirm({ cycle: r.cycle, existingRows: r.existingRows });
    } else {
      setResult(r);
    }
  };

  const scored = result?.status === 'scored' ? result : undefined;
  const blocked = result?.status === 'refused' && result.code === 'scoreBlocked' ? result : undefined;
  const rep = scored?.report;

  return (
    <section className={styles.section} aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className={styles.h3}>
        {s.scoreHeading}
      </h3>
      <p className={styles.hint}>{s.scoreIntro}</p>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={p.busy !== undefined} onClick={() => void score(false, undefined)}>
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
              <Button appearance="primary" onClick={() => void score(true, override)}>
                {s.confirmReplace}
              </Button>
              <Button onClick={() => setConfirm(undefined)}>{s.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      {blocked ? (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.scoreRefusedTitle}</MessageBarTitle>
              {s.scoreBlocked(blocked.notLocked, groupByCard(blocked.findings).length, blocked.findings.length)}
            </MessageBarBody>
          </MessageBar>
          <FindingsByCard s={s} heading={s.errorCards} findings={blocked.findings} go={p.go} />
          <OverrideForm
            busy={p.busy !== undefined}
            onSubmit={(reason) => void score(false, reason)}
            words={{ group: s.scoreOverrideGroup, label: s.scoreOverrideLabel, reason: s.overrideReason, reasonMissing: s.overrideReasonMissing, submit: s.scoreAnyway }}
          />
        </>
      ) : (
        <Outcome s={s} error={error} refused={result?.status === 'refused' ? result.message : undefined} />
      )}

      {scored && rep && (
        <div className={styles.section}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle id={ids.result}>{s.scoredTitle(rep.cycle)}</MessageBarTitle>
              {scored.replacedRows > 0 && <span>{s.scoredReplaced(scored.replacedRows)}</span>}
              {(scored.overridden.notLocked || scored.overridden.findings.length > 0) && (
                <span>{` ${s.scoredOverride(scored.overridden.notLocked, scored.overridden.findings.length)}`}</span>
              )}
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
