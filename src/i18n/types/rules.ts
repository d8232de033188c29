/** The rules' words: titles, one-line hints for the guide sheet, one sentence per finding key. */
import type { EntryField } from '../../domain/entries';
import type { Limits } from '../../domain/model';
import type { RuleId, RuleMessageKeys, Severity } from '../../domain/rules/types';

export type MessageParams = Record<string, string | number>;
/** A finding's sentence from its parameters (the params a rule stored, see domain/rules). */
export type Render = (p: MessageParams) => string;

export type RuleMessages = { [R in RuleId]: Record<RuleMessageKeys[R], Render> };

export interface RulesText {
  titles: Record<RuleId, string>;
  /** One line explaining the seed rule, with the workbook's limits. */
  hints: Record<RuleId, (l: Limits) => string>;
  messages: RuleMessages;
  severity: Record<Severity, string>;
  /** What a finding says when its key has no sentence (a finding from a newer version). */
  unknownKey: (title: string, key: string) => string;
  /** The card's check cells on unreadable entries (ENTRY), short, each ending with a separator. */
  entryChecks: {
    /** What the input cell is called inside a check cell. */
    fields: Record<EntryField, string>;
    notNumber: (field: string) => string;
    notOnList: (field: string) => string;
    /** The card-level score check (H4) when a progress or score cell holds text. */
    textInScores: string;
  };
}
