/**
 * Scoring fills in the year: the quarter's score of every person, department and the company goes
 * into 年度结果 (a value in the quarter's column), matched to its row by employee id, else department
 * and name, else — a person who moved department — their name when only one row can be meant. Rows
 * of people not scored this quarter stay as they are; new people get a row (formulas included);
 * HR's columns are never written. A workbook made before 年度结果 existed gets the sheet, and 设置's
 * year block and names that its formulas read.
 */
import type { Level, OkrBook, Person } from '../../domain/model';
import type { QuarterReport } from '../../domain/report';
import { pairHolders, type YearLine } from '../../domain/year';
import { text as catalogue } from '../../i18n';
import type { Lang } from '../../domain/model';
import type { WorkbookEdit } from '../edits';
import { Grid } from '../grid';
import { filled, lastFilledRow, type SheetValues } from '../read-book-values';
import { findSheet, freeName } from './common';
import { buildYearSheet, readYearSheet, YEAR_SHEET, yearRowCells } from '../year-sheet';
import { placeYearBlock, readYearBlock, YEAR_BLOCK, yearOf } from '../year-settings';

interface Scored { level: Level; department: string; name: string; id?: string; score: number | null }

function scoredLines(book: OkrBook, report: QuarterReport): Scored[] {
  const idOf = (p: { name: string; department: string }): string | undefined =>
    book.org.people.find((x: Person) => x.name === p.name && x.department === p.department)?.id;
  return [
    ...report.people.map((p): Scored => ({ level: 'individual', department: p.department, name: p.name, id: idOf(p), score: p.score ?? null })),
    ...report.departments.map((d): Scored => ({ level: 'department', department: d.name, name: '', score: d.score ?? null })),
    { level: 'company', department: '', name: '', score: report.company.score ?? null },
  ];
}

/** Adds the year's part of a scoring to `edit`; returns the 年度结果 sheet's name. */
export function planYearScores(edit: WorkbookEdit, sheets: SheetValues[], book: OkrBook, report: QuarterReport, lang: Lang): string {
  const { year, quarter } = book.cycle;
  const col = YEAR_SHEET.quarterCol(quarter);
  const scored = scoredLines(book, report);
  const existing = sheets.map((s) => ({ s, read: readYearSheet(s) })).find((x) => x.read?.year === year);
  ensureYearSettings(edit, sheets, book, lang);
  if (!existing?.read) {
    const lines: YearLine[] = scored.map((x) => {
      const quarters: YearLine['quarters'] = [null, null, null, null];
      quarters[quarter - 1] = x.score;
      return { level: x.level, department: x.department, name: x.name, ...(x.id ? { id: x.id } : {}), quarters };
    });
    const plan = buildYearSheet(freeName(sheets, catalogue(lang).year.sheetName), lang, year, lines);
    edit.sheets.push({ plan, visibility: 'visible' });
    return plan.name;
  }
  const { s, read } = existing;
  const rowOf = pairHolders(scored, read.rows);
  const extra = scored.filter((x) => !rowOf.has(x));
  for (const [x, row] of rowOf) {
    edit.writes.push({ sheet: s.name, row: row.row, col, cells: [[{ v: x.score, s: 'score' }]] });
    // A person who moved: the row follows them (department, name, id as they are now).
    if (row.department !== x.department || row.name !== x.name || (x.id && row.id !== x.id)) {
      edit.writes.push({ sheet: s.name, row: row.row, col: YEAR_SHEET.department, cells: [[{ v: x.department || null, s: 'fixed' }, { v: x.name || null, s: 'fixed' }, { v: x.id ?? row.id ?? null, s: 'fixed' }]] });
    }
  }
  if (extra.length) {
    const at = Math.max(YEAR_SHEET.firstRow, lastFilledRow(s, YEAR_SHEET.firstRow, YEAR_SHEET.width) + 1);
    edit.appends.push({
      sheet: s.name, row: at, col: 1,
      rows: extra.map((x, i) => {
        const quarters: YearLine['quarters'] = [null, null, null, null];
        quarters[quarter - 1] = x.score;
        return yearRowCells(at + i, { level: x.level, department: x.department, name: x.name, ...(x.id ? { id: x.id } : {}), quarters }, lang);
      }),
    });
  }
  return s.name;
}

/** 设置's year block and its names, for a workbook made before they existed. */
function ensureYearSettings(edit: WorkbookEdit, sheets: SheetValues[], book: OkrBook, lang: Lang): void {
  const settings = findSheet(sheets, 'titleSettings');
  if (!settings || readYearBlock(settings)) return;
  const g = new Grid();
  // Cells someone typed where the block goes are never overwritten: 年度结果 then shows #NAME? until the block is placed by hand.
  for (let r = YEAR_BLOCK.titleRow; r <= YEAR_BLOCK.positionTextRow; r++) for (let c = 1; c <= 5; c++) if (filled(settings.get(r, c))) return;
  const { names, validations } = placeYearBlock(g, settings.name, lang, yearOf(book.settings, lang));
  const first = YEAR_BLOCK.titleRow;
  edit.writes.push({ sheet: settings.name, row: first, col: 1, cells: g.rows.slice(first - 1).map((r) => [...r]) });
  edit.names.push(...names);
  edit.rules.push(...validations.map((v) => ({ sheet: settings.name, range: v.range, validations: [v], conditionalFormats: [] })));
}
