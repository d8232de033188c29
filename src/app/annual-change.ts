import { planAnnualKrChange, type AnnualChangeInput } from '../templates/lifecycle';
import { readBook } from '../templates/read-book';
import type { WorkbookPort } from './port';
import { refused, type AppRefused } from './refused';
import type { Request } from './request';

/** Where the annual KR's text is, the new text, who asks and (once approved) who approved it when. */
export type AnnualChangeRequest = Request & Pick<AnnualChangeInput, 'sheet' | 'cell' | 'newText' | 'requester' | 'approver' | 'approvedOn' | 'note'>;

export type AnnualChangeResult = { status: 'logged'; oldText: string; newText: string; approved: boolean; passwordUnused: boolean } | AppRefused;

/** An annual KR change request: its change-log row, approved or waiting for approval. */
export async function requestAnnualKrChange(port: WorkbookPort, req: AnnualChangeRequest): Promise<AnnualChangeResult> {
  const sheets = await port.read();
  const { password, ...input } = req;
  // The password is left out of what the planner gets: it only goes to the adapter.
  const plan = planAnnualKrChange({ ...input, sheets, book: readBook(sheets) });
  if (plan.status === 'refused') return refused(plan.refusal, req.lang);
  const { passwordUnused } = await port.apply([plan.edit], { password });
  const approved = (req.approver ?? '').trim() !== '' && (req.approvedOn ?? '').trim() !== '';
  return { status: 'logged', oldText: plan.oldText, newText: req.newText.trim(), approved, passwordUnused };
}
