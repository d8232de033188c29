import { RATING_WORDS } from '../domain/labels';
import { RATING_CODES, type RatingCode } from '../domain/model';
import { yearResult, type YearResult } from '../domain/year';
import { readBook } from '../templates/read-book';
import { yearOf } from '../templates/year-settings';
import { readYear } from '../templates/year-read';
import type { WorkbookPort } from './port';

export interface YearResults {
  status: 'year';
  year: number;
  /** False: the workbook has no 年度结果 sheet, so the register's rows of the year were read. */
  fromSheet: boolean;
  people: YearResult[];
  departments: YearResult[];
  company?: YearResult;
  /** The rating names HR set in 设置. */
  labels: Record<RatingCode, string>;
}

/** The year's results: each quarter's score, the annual score, rating, bonus coefficient and suggestions, by 设置's rules. */
export async function yearResults(port: Pick<WorkbookPort, 'read'>): Promise<YearResults> {
  const sheets = await port.read();
  const book = readBook(sheets);
  const { year, lines, fromSheet } = readYear(sheets, book);
  const rules = yearOf(book.settings, book.lang);
  const all = lines.map((l) => yearResult(l, book.settings, rules));
  return {
    status: 'year', year, fromSheet,
    people: all.filter((r) => r.level === 'individual'),
    departments: all.filter((r) => r.level === 'department'),
    company: all.find((r) => r.level === 'company'),
    labels: Object.fromEntries(RATING_CODES.map((c) => [c, book.settings.ratingLabels?.[c] ?? RATING_WORDS[c][book.lang]])) as Record<RatingCode, string>, // fromEntries loses the keys; every code is mapped
  };
}
