import { scoreQuarter } from '../../app';
import { RATING_WORDS } from '../../domain/labels';
import { RATING_CODES, type Lang, type OkrBook, type RatingCode } from '../../domain/model';
import type { KrLine, QuarterReport } from '../../domain/report';
import { readBook } from '../../templates/read-book';
import { text } from '../../i18n';
import { formatScore } from '../../i18n/format';
import { checkOut, defaultIo, type Io, langOf, printFindings, today, UsageError, where, writeOut } from '../io';
import { passwordOf, withPassword, type PasswordCliOption } from '../password';
import { openForEdit } from '../workbook';

export interface ScoreCliOptions extends PasswordCliOption { out: string; force?: boolean; json?: boolean; by?: string; override?: string; lang?: string }

/** The --json output: exactly the shape, unrounded scores, rating codes, null without objectives. */
export function scoreJson(r: QuarterReport): unknown {
  const line = (s: { score?: number; rating?: RatingCode }) => ({ score: s.score ?? null, rating: s.rating ?? null });
  return {
    cycle: r.cycle,
    people: r.people.map((p) => ({ name: p.name, department: p.department, ...line(p) })),
    departments: r.departments.map((d) => ({ name: d.name, ...line(d) })),
    company: line(r.company),
    distribution: { BAD: r.distribution.BAD, FAIR: r.distribution.FAIR, GOOD: r.distribution.GOOD, EXCELLENT: r.distribution.EXCELLENT },
  };
}

function krList(io: Io, lang: Lang, krs: KrLine[]): void {
  const words = text(lang).cli;
  for (const k of krs) {
    const who = [k.department, k.owner].filter(Boolean).join('/') || words.company;
    io.out(`  ${where(k)}\t${who}\t${words.krName(k.objectiveNo, k.krNo)}\t${formatScore(k.score)}\t${k.text}`);
  }
}

/** `okr-workbook score`: quarter-end scoring into the score register; a cycle scored before only with --force. */
export async function cmdScore(file: string, o: ScoreCliOptions, io: Io = defaultIo): Promise<number> {
  await checkOut(o.out, o.force, langOf(o.lang));
  const { port, lang } = await openForEdit(file, o.lang);
  const words = text(lang).cli;
  // Read before the edit: the rating labels HR set in 设置.
  const book: OkrBook = readBook(await port.read());
  // ExcelJS cannot write Excel's charts: the file gets no chart sheet.
  const r = await withPassword(file, lang, io, () => scoreQuarter(port, { lang, today: today(), by: o.by, replace: o.force === true, charts: false, override: o.override, password: passwordOf(o) }));
  if (r.status === 'refused') {
    printFindings(io.err, r.findings ?? [], lang);
    throw new UsageError(r.message);
  }
  if (r.status === 'needsConfirm') throw new UsageError(words.scoredAgain(r.cycle, r.existingRows));
  await writeOut(o.out, lang, (out) => port.save(out));
  const rep = r.report;
  const { notLocked, findings } = r.overridden;
  if (notLocked || findings.length) {
    io.err(words.scoreOverridden(notLocked, findings.length, (o.override ?? '').trim()));
    printFindings(io.err, findings, lang, '  ');
  }
  if (r.keptLeavers) io.err(words.keptLeavers(r.keptLeavers));
  if (o.json) {
    io.out(JSON.stringify(scoreJson(rep)));
    return 0;
  }
  const label = (c: RatingCode | undefined) => (c ? book.settings.ratingLabels?.[c] ?? RATING_WORDS[c][lang] : '—');
  const score = (s: number | undefined) => (s === undefined ? '—' : formatScore(s));
  const sep = words.clauseSep;
  io.out(words.scored(o.out, rep.cycle, rep.people.length, rep.departments.length, r.replacedRows));
  io.out(words.companyScore(`${score(rep.company.score)} ${label(rep.company.rating)}`));
  io.out(words.distribution(RATING_CODES.map((c) => `${label(c)} ${rep.distribution[c]}`).join(sep)));
  io.out(words.departments(rep.departments.map((d) => `${d.name} ${score(d.score)} ${label(d.rating)}${d.membersMean === undefined ? '' : words.membersMean(score(d.membersMean))}`).join(sep)));
  io.out(words.tooEasy(rep.tooEasy.length));
  krList(io, lang, rep.tooEasy);
  io.out(words.unscored(rep.unscored.length));
  krList(io, lang, rep.unscored);
  io.out(words.carryOver(rep.carryOver.length, formatScore(book.settings.bands.goodFrom)));
  krList(io, lang, rep.carryOver);
  return 0;
}
