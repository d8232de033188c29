import { lockQuarter } from '../../app';
import { text } from '../../i18n';
import { checkOut, defaultIo, type Io, langOf, printFindings, today, UsageError, writeOut } from '../io';
import { passwordOf, withPassword, type PasswordCliOption } from '../password';
import { openForEdit } from '../workbook';

export interface LockCliOptions extends PasswordCliOption { out: string; override?: string; by?: string; relock?: boolean; force?: boolean; lang?: string }

/** `okr-workbook lock`: freezes the quarter; refused (exit 2, each problem listed) while cards are not agreed or rule errors remain. */
export async function cmdLock(file: string, o: LockCliOptions, io: Io = defaultIo): Promise<number> {
  await checkOut(o.out, o.force, langOf(o.lang));
  const { port, lang } = await openForEdit(file, o.lang);
  const words = text(lang).cli;
  const r = await withPassword(file, lang, io, () => lockQuarter(port, { lang, today: today(), by: o.by, override: o.override, relock: o.relock, password: passwordOf(o) }));
  if (r.status === 'refused') {
    printFindings(io.err, r.findings ?? [], lang);
    throw new UsageError(r.message);
  }
  await writeOut(o.out, lang, (out) => port.save(out));
  io.out(r.late ? words.lockedLate(o.out, r.cycle, r.cards, r.objectives, r.quarterlyKrs) : words.locked(o.out, r.cycle, r.cards, r.objectives, r.quarterlyKrs, r.snapshotSheet));
  if (r.relocked) io.out(words.relocked(r.relocked.replaced, r.relocked.unapproved, r.relocked.archive));
  if (r.overridden.length) {
    io.out(words.overridden(r.overridden.length, (o.override ?? '').trim()));
    printFindings(io.out, r.overridden, lang, '  ');
  }
  return 0;
}
