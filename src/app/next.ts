import { cycleLabel } from '../domain/cycle';
import type { Cycle, Organisation } from '../domain/model';
import { planNext, type NextInput, type NextPlan } from '../templates/next';
import { readBook } from '../templates/read-book';
import { generateWorkbook } from './generate';
import type { GenerationPort, WorkbookPort } from './port';
import { refused, type AppRefused } from './refused';
import type { Request } from './request';

export interface NextRequest extends Request {
  /** The quarter to start. */
  cycle: Cycle;
  /** The organisation as it is now; absent: the current workbook's. */
  org?: Organisation;
  okrs?: NextInput['okrs'];
  carryAnnual?: boolean;
  override?: string;
  onProgress?: (done: number, total: number) => void;
}

export type NextResult =
  | ({ status: 'built'; from: string; to: string; sheets: number; people: number; departments: number } & Omit<NextPlan, 'status' | 'build'>)
  | AppRefused;

/**
 * The next quarter's workbook from the current one: read from `source` (never written), generated
 * into `target` — a new file, or a new workbook in Excel — by the same generator as `new`.
 */
export async function nextQuarter(source: Pick<WorkbookPort, 'read'>, target: GenerationPort, req: NextRequest): Promise<NextResult> {
  const sheets = await source.read();
  const book = readBook(sheets);
  const { password, onProgress, ...rest } = req;
  const plan = planNext({ ...rest, sheets, book });
  if (plan.status === 'refused') return refused(plan.refusal, req.lang);
  const made = await generateWorkbook(target, { ...plan.build, password, onProgress });
  if (made.status === 'refused') return made;
  const { build, carried, annual, notCarried, annualDropped, moved, left, history } = plan;
  return {
    status: 'built', from: cycleLabel(book.cycle), to: cycleLabel(build.cycle),
    sheets: made.sheets.length, people: made.people, departments: made.departments, carried, annual, notCarried, annualDropped, moved, left, history,
  };
}
