import { updateOrganisation } from '../../app';
import { text } from '../../i18n';
import { ORG_COLUMNS, parseOrgTable, tableNotes } from '../../io/import';
import { readTableFile } from '../../xlsx/table';
import { checkOut, defaultIo, type Io, langOf, readInput, today, UsageError, writeOut } from '../io';
import { passwordOf, withPassword, type PasswordCliOption } from '../password';
import { openForEdit } from '../workbook';

export interface UpdateCliOptions extends PasswordCliOption { org: string; out: string; force?: boolean; by?: string; leftOn?: string; lang?: string }

/**
 * `okr-workbook update`: brings a live workbook up to a new organisation table (and to the current
 * templates); prints one line per card it changed. Nothing typed is touched.
 */
export async function cmdUpdate(file: string, o: UpdateCliOptions, io: Io = defaultIo): Promise<number> {
  await checkOut(o.out, o.force, langOf(o.lang));
  const { port, lang } = await openForEdit(file, o.lang);
  const words = text(lang).cli;
  const orgTable = await readTableFile(o.org, await readInput(o.org, lang), lang);
  const org = parseOrgTable(orgTable, lang);
  const r = await withPassword(file, lang, io, () => updateOrganisation(port, { lang, today: today(), by: o.by, org, leftOn: o.leftOn, password: passwordOf(o) }));
  if (r.status === 'refused') throw new UsageError(r.message);
  if (r.status === 'upToDate') {
    io.out(words.upToDate(r.summary));
    for (const note of tableNotes(orgTable, ORG_COLUMNS, lang)) io.out(note);
    return 0;
  }
  await writeOut(o.out, lang, (out) => port.save(out));
  io.out(words.updated(o.out, r.summary));
  for (const l of r.lines) io.out(`  ${l.where}\t${l.what}`);
  for (const note of tableNotes(orgTable, ORG_COLUMNS, lang)) io.out(note);
  return 0;
}
