/** 4 · Requesting an annual KR change (logged for approval). */
import { useId, useState } from 'react';
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { isIsoDate } from '../../domain/cycle';
import type { AnnualKrView, ChangeResult } from '../actions';
import { usePaneStyles } from '../styles';
import { attempt, Outcome, krKey, type SectionProps } from './section';

export function AnnualChangeSection(p: SectionProps) {
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
