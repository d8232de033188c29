import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Lang, Organisation } from '../domain/model';
import type { HostInfo, PaneActions } from './actions';
import { GeneratePane } from './GeneratePane';
import { OrgPane } from './OrgPane';
import { QuarterPane } from './QuarterPane';
import { SetupPane } from './SetupPane';
import { ValidatePane } from './ValidatePane';
import { defaultDraft, parseSetup, type SetupDraft } from './setup-form';
import { stringsFor, type StepId } from './strings';

export interface AppProps {
  host: HostInfo;
  actions: PaneActions;
  /** "Today", for the default cycle; tests pass a fixed date. */
  now?: Date;
}

const STEPS: StepId[] = ['setup', 'org', 'generate', 'validate', 'quarter'];

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightBold,
  },
  steps: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalXS,
  },
  step: { width: '100%', justifyContent: 'flex-start' },
});

export function App(props: AppProps) {
  const { host, actions } = props;
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(host.lang);
  const [step, setStep] = useState<StepId>('setup');
  const [draft, setDraft] = useState<SetupDraft>(() => defaultDraft(props.now ?? new Date()));
  const [org, setOrg] = useState<Organisation | undefined>();
  const s = stringsFor(lang);
  const parsed = useMemo(() => parseSetup(draft, lang), [draft, lang]);

  useEffect(() => {
    // Screen readers and the browser's font choice follow the language of the pane.
    document.documentElement.lang = lang;
  }, [lang]);

  const panel = (id: StepId) => ({ id: `okr-step-${id}`, hidden: step !== id });

  return (
    <FluentProvider theme={host.theme === 'dark' ? webDarkTheme : webLightTheme} lang={lang}>
      <main className={styles.root}>
        <h1 className={styles.title}>{s.appTitle}</h1>
        {host.unsupportedMessage && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{s.unsupportedTitle}</MessageBarTitle>
              {host.unsupportedMessage}
            </MessageBarBody>
          </MessageBar>
        )}
        {/*
          A step navigation of plain buttons rather than Fluent's TabList: TabList's keyboard engine inserts
          focusable aria-hidden elements that axe reports (aria-hidden-focus), and five buttons in a
          narrow pane are as quick to reach with Tab.
        */}
        <nav aria-label={s.stepsLabel}>
          <ol className={styles.steps}>
            {STEPS.map((id) => (
              <li key={id}>
                <Button
                  className={styles.step}
                  appearance={step === id ? 'primary' : 'subtle'}
                  aria-current={step === id ? 'step' : undefined}
                  aria-controls={`okr-step-${id}`}
                  onClick={() => setStep(id)}
                >
                  {s.steps[id]}
                </Button>
              </li>
            ))}
          </ol>
        </nav>

        {/* Every step stays mounted (hidden when not shown) so what the user typed or read survives switching steps. */}
        <div {...panel('setup')}>
          <SetupPane
            strings={s}
            lang={lang}
            draft={draft}
            errors={parsed.errors}
            onDraftChange={setDraft}
            onLangChange={setLang}
          />
        </div>
        <div {...panel('org')}>
          <OrgPane actions={actions} strings={s} lang={lang} onOrg={setOrg} />
        </div>
        <div {...panel('generate')}>
          <GeneratePane
            actions={actions}
            strings={s}
            lang={lang}
            setup={parsed.setup}
            org={org}
            unsupported={host.unsupportedMessage !== undefined}
            active={step === 'generate'}
          />
        </div>
        <div {...panel('validate')}>
          <ValidatePane actions={actions} strings={s} lang={lang} />
        </div>
        <div {...panel('quarter')}>
          <QuarterPane actions={actions} strings={s} lang={lang} active={step === 'quarter'} now={props.now} />
        </div>
      </main>
    </FluentProvider>
  );
}
