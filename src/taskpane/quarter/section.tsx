/** What the quarter pane's sections share: their props, the outcome bar, and running an action. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang } from '../../domain/model';
import { formatScore } from '../../i18n/format';
import type { AnnualKrView, PaneActions, QuarterActions, QuarterInfo, YearActions } from '../actions';
import { ErrorBar } from '../ErrorBar';
import { messageOf } from '../errors';
import type { Strings } from '../strings';

/** The actions the quarter pane uses. */
export type QuarterPaneActions = QuarterActions & YearActions & Pick<PaneActions, 'selectCell'>;

export type Busy = 'lock' | 'score' | 'review' | 'change' | 'next' | 'year' | undefined;

/** What every section gets from the pane. */
export interface SectionProps {
  actions: QuarterPaneActions;
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

/** A score as every front end shows it (i18n/format), or the pane's word for none. */
export const fmtScore = (s: Strings, x: number | undefined): string => (x === undefined ? s.noScore : formatScore(x));
export const krKey = (kr: Pick<AnnualKrView, 'sheet' | 'cell'>): string => `${kr.sheet}!${kr.cell}`;

/** A section's failure (an action that rejected) and refusal (the workbook is not ready for it). */
export function Outcome({ s, error, refused }: { s: Strings; error?: string; refused?: string }) {
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
export async function attempt<T>(p: SectionProps, kind: Exclude<Busy, undefined>, setError: (m: string | undefined) => void, action: () => Promise<T>): Promise<T | undefined> {
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
