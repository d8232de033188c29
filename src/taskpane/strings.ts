/**
 * The task pane's words come from the catalogue (src/i18n, section `pane`); this names them the way
 * the pane's components always have.
 */
import type { Lang } from '../domain/model';
import { both, text } from '../i18n';
import type { PaneSheetKind, PaneText } from '../i18n/types/pane';
import type { SheetKind } from './actions';

export type { StepId } from '../i18n/types/pane';
export type Strings = PaneText;

// The catalogue names the same sheet kinds as actions.ts: this does not compile if they drift apart.
const sameKinds: [SheetKind, PaneSheetKind] extends [PaneSheetKind, SheetKind] ? true : never = true;
void sameKinds;

export const STRINGS: Record<Lang, Strings> = both((c) => c.pane);

export function stringsFor(lang: Lang): Strings {
  return text(lang).pane;
}

/** The label of a sheet kind, or the kind as written when the pane does not know it. */
export function sheetKindLabel(s: Strings, kind: string): string {
  return (s.sheetKinds as Record<string, string | undefined>)[kind] ?? kind;
}
