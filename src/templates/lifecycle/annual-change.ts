/** An annual KR change request: its change-log row (the KR itself changes only once approved). */
import { isoToSerial } from '../../domain/cycle';
import { allCards, type Card, type IsoDate } from '../../domain/model';
import { refuse, type Refused } from '../../domain/refusal';
import { emptyEdit, type WorkbookEdit } from '../edits';
import { kindWord, logRows, noRoom, type PlanInput } from './common';

export interface AnnualChangeInput extends PlanInput {
  /** Where the annual KR's text is (a KR ref: sheet and cell of its text). */
  sheet: string;
  cell: string;
  newText: string;
  requester: string;
  approver?: string;
  approvedOn?: IsoDate;
  note?: string;
}

export interface AnnualChangePlan {
  status: 'planned';
  edit: WorkbookEdit;
  oldText: string;
}

/** The change-log row of an annual KR change (the "request an annual KR change" form). */
export function planAnnualKrChange(input: AnnualChangeInput): AnnualChangePlan | Refused {
  const { book, lang, sheets } = input;
  if (!input.newText.trim() || !input.requester.trim()) return refuse({ code: 'blank' });
  const kr = allCards(book).flatMap((c: Card) => c.objectives.flatMap((o) => o.krs))
    .find((k) => k.ref?.sheet === input.sheet && k.ref.text === input.cell.replace(/\$/g, '').toUpperCase());
  if (!kr || kr.period !== 'annual') return refuse({ code: 'notAnnual', where: `${input.sheet}!${input.cell}` });
  const edit = emptyEdit();
  logRows(edit, sheets, lang, [{
    date: isoToSerial(input.today), kind: kindWord('annual-kr-change', lang), sheet: input.sheet, cell: kr.ref?.text,
    oldText: kr.text, newText: input.newText.trim(), requester: input.requester.trim(), approver: input.approver?.trim() || undefined,
    approvedOn: input.approvedOn ? isoToSerial(input.approvedOn) : undefined, note: input.note,
  }]);
  const full = noRoom(edit);
  if (full) return refuse(full);
  return { status: 'planned', edit, oldText: kr.text };
}
