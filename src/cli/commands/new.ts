import { generateWorkbook } from '../../app';
import { parseCycle } from '../../domain/cycle';
import { DEFAULT_SETTINGS } from '../../domain/model';
import { text } from '../../i18n';
import { OKR_COLUMNS, ORG_COLUMNS, parseOkrTable, parseOrgTable, tableNotes } from '../../io/import';
import { readTableFile } from '../../xlsx/table';
import { NewXlsxWorkbook } from '../../xlsx/workbook-port';
import { defaultIo, exists, type Io, langOf, readInput, UsageError, writeOut } from '../io';
import { passwordOf, type PasswordCliOption } from '../password';

export interface NewOptions extends PasswordCliOption { org: string; okrs?: string; cycle: string; out: string; lang?: string; force?: boolean; company?: string }

/** `okr-workbook new`: generates the workbook of a cycle from an organisation (and OKR) table. */
export async function cmdNew(o: NewOptions, io: Io = defaultIo): Promise<number> {
  const lang = langOf(o.lang);
  const words = text(lang).cli;
  const cycle = parseCycle(o.cycle);
  if (!cycle) throw new UsageError(words.badCycle(o.cycle));
  if (!o.force && (await exists(o.out))) throw new UsageError(words.exists(o.out));
  const t0 = Date.now();
  const orgTable = await readTableFile(o.org, await readInput(o.org, lang), lang);
  const org = parseOrgTable(orgTable, lang);
  const okrTable = o.okrs ? await readTableFile(o.okrs, await readInput(o.okrs, lang), lang) : undefined;
  const cards = okrTable ? parseOkrTable(okrTable, org, lang) : undefined;
  const password = passwordOf(o);
  const file = new NewXlsxWorkbook();
  const r = await generateWorkbook(file, { lang, cycle, settings: DEFAULT_SETTINGS, org, ...cards, companyName: o.company, password });
  // A new file holds no sheets, so there is nothing to refuse; the branch keeps the result honest.
  if (r.status === 'refused') throw new UsageError(r.message);
  const bytes = await writeOut(o.out, lang, (out) => file.save(out));
  io.out(words.written(o.out, r.sheets.length, r.people, r.departments, Math.round(bytes / 1024), Date.now() - t0));
  if (password) io.out(words.protectedWith);
  // A CSV read as GBK (Excel's Chinese "CSV (逗号分隔)") is said, in case a name came out garbled.
  for (const note of tableNotes(orgTable, ORG_COLUMNS, lang)) io.out(note);
  for (const note of okrTable ? tableNotes(okrTable, OKR_COLUMNS, lang) : []) io.out(note);
  return 0;
}
