import * as path from 'node:path';
import { nextQuarter } from '../../app';
import { parseCycle } from '../../domain/cycle';
import { text } from '../../i18n';
import { OKR_COLUMNS, ORG_COLUMNS, parseOkrTable, parseOrgTable, tableNotes } from '../../io/import';
import { readBook } from '../../templates/read-book';
import { readTableFile } from '../../xlsx/table';
import { NewXlsxWorkbook } from '../../xlsx/workbook-port';
import { checkOut, defaultIo, type Io, langOf, readInput, today, UsageError, writeOut } from '../io';
import { passwordOf, type PasswordCliOption } from '../password';
import { openForCheck } from '../workbook';

export interface NextCliOptions extends PasswordCliOption {
  cycle: string; out: string; org?: string; okrs?: string; carryAnnual?: boolean; override?: string; by?: string; force?: boolean; lang?: string;
}

/** `okr-workbook next`: the next quarter's workbook from the current one, into a new file. */
export async function cmdNext(file: string, o: NextCliOptions, io: Io = defaultIo): Promise<number> {
  const asked = langOf(o.lang);
  if (path.resolve(o.out) === path.resolve(file)) throw new UsageError(text(asked).year.next.sameFile(file));
  await checkOut(o.out, o.force, asked);
  const { port, lang } = await openForCheck(file, o.lang);
  const words = text(lang);
  const cycle = parseCycle(o.cycle);
  if (!cycle) throw new UsageError(words.cli.badCycle(o.cycle));
  const orgTable = o.org ? await readTableFile(o.org, await readInput(o.org, lang), lang) : undefined;
  const org = orgTable ? parseOrgTable(orgTable, lang) : undefined;
  const okrTable = o.okrs ? await readTableFile(o.okrs, await readInput(o.okrs, lang), lang) : undefined;
  const okrs = okrTable ? parseOkrTable(okrTable, org ?? readBook(await port.read()).org, lang) : undefined;
  const target = new NewXlsxWorkbook();
  const r = await nextQuarter(port, target, {
    lang, today: today(), by: o.by, cycle, org, okrs, carryAnnual: o.carryAnnual, override: o.override, password: passwordOf(o),
  });
  if (r.status === 'refused') throw new UsageError(r.message);
  await writeOut(o.out, lang, (out) => target.save(out));
  const Y = words.year.next;
  io.out(Y.written({ out: o.out, from: r.from, to: r.to, people: r.people, carried: r.carried.length, annual: r.annual, history: r.history }));
  for (const m of r.moved) io.out(`  ${Y.moved(m.name, m.from, m.to)}`);
  for (const l of r.left) io.out(`  ${Y.left(l.name, l.department)}`);
  for (const w of r.notCarried) io.out(`  ${Y.notCarried(w)}`);
  if (r.annualDropped) io.out(`  ${Y.annualDropped(r.annualDropped)}`);
  for (const note of orgTable ? tableNotes(orgTable, ORG_COLUMNS, lang) : []) io.out(note);
  for (const note of okrTable ? tableNotes(okrTable, OKR_COLUMNS, lang) : []) io.out(note);
  return 0;
}
