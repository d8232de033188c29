import { yearResults, type YearResults } from '../../app';
import type { Lang } from '../../domain/model';
import { QUARTER_KEYS, type YearResult } from '../../domain/year';
import { text } from '../../i18n';
import { formatScore } from '../../i18n/format';
import { defaultIo, type Io } from '../io';
import { openForCheck } from '../workbook';

export interface YearCliOptions { json?: boolean; lang?: string }

const quarters = (r: YearResult) => Object.fromEntries(QUARTER_KEYS.map((q, i) => [q, r.quarters[i]]));
const result = (r: YearResult) => ({ quarters: quarters(r), score: r.score, rating: r.rating, bonus: r.bonus });

/** The --json output: the shape, unrounded scores, rating codes, null for a quarter without a score. */
export function yearJson(y: YearResults): unknown {
  return {
    year: y.year,
    people: y.people.map((p) => ({ name: p.name, department: p.department, ...(p.id ? { id: p.id } : {}), ...result(p), suggested: p.suggested })),
    departments: y.departments.map((d) => ({ name: d.department, ...result(d) })),
    company: y.company ? result(y.company) : null,
  };
}

/** `okr-workbook year`: the year's results, as a table or JSON. */
export async function cmdYear(file: string, o: YearCliOptions, io: Io = defaultIo): Promise<number> {
  const { port, lang } = await openForCheck(file, o.lang);
  const y = await yearResults(port);
  if (o.json) {
    io.out(JSON.stringify(yearJson(y), null, 2));
    return 0;
  }
  const P = text(lang).year.print;
  io.out(P.title(y.year));
  if (!y.fromSheet) io.out(P.noSheet);
  io.out(P.header.join('\t'));
  for (const r of [...y.people, ...y.departments, ...(y.company ? [y.company] : [])]) io.out(line(r, lang, y.labels).join('\t'));
  return 0;
}

function line(r: YearResult, lang: Lang, labels: YearResults['labels']): string[] {
  const P = text(lang).year.print;
  const n = (x: number | null) => (x === null ? P.none : formatScore(x));
  return [
    text(lang).words.level[r.level] ?? r.level, r.department || P.none, r.name || P.none,
    ...r.quarters.map(n), n(r.score), r.rating ? labels[r.rating] : P.none, r.bonus === null ? P.none : String(r.bonus),
  ];
}
