import { addReviewMonth } from '../../app';
import { text } from '../../i18n';
import { checkOut, defaultIo, type Io, langOf, today, UsageError, writeOut } from '../io';
import { passwordOf, withPassword, type PasswordCliOption } from '../password';
import { openForEdit } from '../workbook';

export interface ReviewCliOptions extends PasswordCliOption { month?: string; week?: string; out: string; force?: boolean; lang?: string }

/** `okr-workbook review`: a new month's rows at the end of the review sheet; no file when everyone has one. */
export async function cmdReview(file: string, o: ReviewCliOptions, io: Io = defaultIo): Promise<number> {
  const words0 = text(langOf(o.lang)).cli;
  // Exactly one period: a month or an ISO week.
  if ((o.month === undefined) === (o.week === undefined)) throw new UsageError(words0.reviewPeriodNeeded);
  const period = (o.month ?? o.week ?? '').trim();
  await checkOut(o.out, o.force, langOf(o.lang));
  const { port, lang } = await openForEdit(file, o.lang);
  const words = text(lang).cli;
  const r = await withPassword(file, lang, io, () => addReviewMonth(port, { lang, today: today(), month: period, password: passwordOf(o) }));
  if (r.status === 'refused') throw new UsageError(r.message);
  if (r.added.length === 0 && r.filled === 0) {
    io.out(words.reviewNothing(r.month));
    return 0;
  }
  await writeOut(o.out, lang, (out) => port.save(out));
  io.out(words.reviewAdded(o.out, r.month, r.added.length, r.filled, r.skipped, r.sheet));
  return 0;
}
