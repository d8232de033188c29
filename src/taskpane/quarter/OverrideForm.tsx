/** The override of a refused lock or scoring: a checkbox, the reason (required), and the button that goes ahead. */
import { useId, useRef, useState } from 'react';
import { Button, Checkbox, Field, Textarea } from '@fluentui/react-components';
import { usePaneStyles } from '../styles';

export interface OverrideWords {
  group: string;
  label: string;
  reason: string;
  reasonMissing: string;
  submit: string;
}

export function OverrideForm(p: { words: OverrideWords; busy: boolean; onSubmit: (reason: string) => void }) {
  const styles = usePaneStyles();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (reason.trim() === '') {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    p.onSubmit(reason.trim());
  };
  const invalid = missing && reason.trim() === '';
  return (
    <div role="group" aria-labelledby={id} className={styles.section}>
      <h4 id={id} className={styles.h4}>
        {p.words.group}
      </h4>
      <Checkbox label={p.words.label} checked={open} onChange={(_, d) => setOpen(d.checked === true)} />
      {open && (
        <>
          <Field label={p.words.reason} required validationState={invalid ? 'error' : 'none'} validationMessage={invalid ? p.words.reasonMissing : undefined}>
            <Textarea ref={reasonRef} resize="vertical" rows={3} value={reason} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={p.busy} onClick={submit}>
              {p.words.submit}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
