import { useEffect, useId, useRef, useState } from 'react';
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Radio,
  RadioGroup,
  Textarea,
} from '@fluentui/react-components';
import type { Lang, Organisation } from '../domain/model';
import type { OrgPreview, OrgSource, PaneActions } from './actions';
import { ErrorBar } from './ErrorBar';
import { messageOf } from './errors';
import { IssueList, OrgSummary } from './OrgSummary';
import type { Strings } from './strings';
import { usePaneStyles } from './styles';

export type OrgSourceKind = OrgSource['kind'];

export interface OrgPaneProps {
  actions: Pick<PaneActions, 'listSheets' | 'readOrg'>;
  strings: Strings;
  lang: Lang;
  /** Called after every read: the organisation to generate from, or undefined when the read failed. */
  onOrg(org: Organisation | undefined): void;
}

export function OrgPane(props: OrgPaneProps) {
  const { actions, strings: s, lang } = props;
  const styles = usePaneStyles();
  const ids = { heading: useId(), help: useId(), file: useId(), issues: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      // Leaving the step stops a read nobody will see.
      abort.current?.abort();
    };
  }, []);

  const [kind, setKind] = useState<OrgSourceKind>('file');
  const [file, setFile] = useState<File | undefined>();
  const [sheets, setSheets] = useState<string[] | undefined>();
  const [sheetsLoading, setSheetsLoading] = useState(false);
  const [sheetName, setSheetName] = useState('');
  const [text, setText] = useState('');
  const [reading, setReading] = useState(false);
  const [progress, setProgress] = useState(0);
  const [cancelled, setCancelled] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const [preview, setPreview] = useState<OrgPreview | undefined>();
  const [error, setError] = useState<string | undefined>();

  const loadSheets = async () => {
    setSheetsLoading(true);
    setError(undefined);
    try {
      const names = await actions.listSheets();
      if (!alive.current) return;
      setSheets(names);
      if (!names.includes(sheetName)) setSheetName('');
    } catch (e) {
      if (alive.current) setError(messageOf(e));
    } finally {
      if (alive.current) setSheetsLoading(false);
    }
  };

  useEffect(() => {
    if (kind === 'sheet') void loadSheets();
    // Reload the list each time the user switches to "sheet": sheets may have been added meanwhile.
  }, [kind]);

  const ready =
    !reading &&
    ((kind === 'file' && file !== undefined) ||
      (kind === 'sheet' && sheetName !== '') ||
      (kind === 'paste' && text.trim() !== ''));

  const read = async () => {
    if (!ready) return;
    setReading(true);
    setProgress(0);
    setCancelled(false);
    setError(undefined);
    const controller = new AbortController();
    abort.current = controller;
    try {
      let source: OrgSource;
      if (kind === 'file' && file) source = { kind: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      else if (kind === 'sheet') source = { kind: 'sheet', sheetName };
      else source = { kind: 'paste', text };
      const onProgress = (f: number) => {
        if (alive.current) setProgress(f);
      };
      const result = await actions.readOrg(source, lang, { onProgress, signal: controller.signal });
      if (!alive.current) return;
      // Cancelled: what was read before stays, and so does the organisation it gave.
      if (result.cancelled) return setCancelled(true);
      setPreview(result);
      props.onOrg(result.org);
    } catch (e) {
      if (!alive.current) return;
      setPreview(undefined);
      setError(messageOf(e));
      props.onOrg(undefined);
    } finally {
      abort.current = undefined;
      if (alive.current) setReading(false);
    }
  };

  return (
    <div className={styles.pane}>
      <h2 id={ids.heading} className={styles.h2}>
        {s.orgHeading}
      </h2>
      <p id={ids.help} className={styles.hint}>
        {s.columnsHelp}
      </p>

      <Field label={s.sourceLabel}>
        <RadioGroup value={kind} onChange={(_, data) => setKind(data.value as OrgSourceKind)}>
          <Radio value="file" label={s.sourceFile} />
          <Radio value="sheet" label={s.sourceSheet} />
          <Radio value="paste" label={s.sourcePaste} />
        </RadioGroup>
      </Field>

      {kind === 'file' && (
        <div className={styles.actions}>
          <input
            ref={fileInput}
            type="file"
            accept=".csv,.xlsx"
            hidden
            data-testid="org-file-input"
            aria-label={s.chooseFile}
            onChange={(e) => {
              const f = e.target.files?.[0];
              setFile(f);
              // Choosing the same file again after editing it must fire change again.
              e.target.value = '';
            }}
          />
          <Button onClick={() => fileInput.current?.click()} aria-describedby={`${ids.file} ${ids.help}`}>
            {s.chooseFile}
          </Button>
          <span id={ids.file} className={styles.hint}>
            {file ? s.chosenFile(file.name) : s.noFile}
          </span>
        </div>
      )}

      {kind === 'sheet' && (
        <div className={styles.actions}>
          <Field
            className={styles.grow}
            label={s.sheetLabel}
            hint={sheetsLoading ? s.loadingSheets : sheets && sheets.length === 0 ? s.noSheets : undefined}
          >
            <Dropdown
              className={styles.control}
              placeholder={s.sheetPlaceholder}
              value={sheetName}
              selectedOptions={sheetName ? [sheetName] : []}
              disabled={sheetsLoading || !sheets || sheets.length === 0}
              onOptionSelect={(_, data) => setSheetName(data.optionValue ?? '')}
            >
              {(sheets ?? []).map((name) => (
                <Option key={name} value={name}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button onClick={() => void loadSheets()} disabled={sheetsLoading}>
            {s.reloadSheets}
          </Button>
        </div>
      )}

      {kind === 'paste' && (
        <Field label={s.pasteLabel} hint={s.pasteHint}>
          <Textarea resize="vertical" rows={6} value={text} onChange={(_, data) => setText(data.value)} />
        </Field>
      )}

      <div className={styles.actions}>
        <Button appearance="primary" disabled={!ready} onClick={() => void read()}>
          {s.read}
        </Button>
        {reading && <Button onClick={() => abort.current?.abort()}>{s.cancelRead}</Button>}
      </div>

      {reading && (
        <Field label={s.readingProgress(Math.floor(progress * 100))} validationState="none">
          <ProgressBar value={progress} max={1} aria-label={s.reading} />
        </Field>
      )}
      {cancelled && !reading && (
        <MessageBar intent="info">
          <MessageBarBody>{s.readCancelled}</MessageBarBody>
        </MessageBar>
      )}

      {error && <ErrorBar title={s.errorTitle} message={error} />}

      {preview && !preview.org && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{s.readFailed}</MessageBarBody>
        </MessageBar>
      )}
      {preview?.org && <OrgSummary org={preview.org} okrCount={preview.okrCount} strings={s} />}
      {preview && preview.issues.length > 0 && <IssueList issues={preview.issues} strings={s} headingId={ids.issues} />}
    </div>
  );
}
