/**
 * The year as a workbook holds it: 年度结果's rows when the sheet is there, else — a workbook made
 * before it — the score register's rows of the year's quarters, one line per level, department and name.
 */
import { LEVEL_WORDS, parseWord } from '../domain/labels';
import { parseCycle } from '../domain/cycle';
import type { Level, OkrBook } from '../domain/model';
import type { YearLine } from '../domain/year';
import { findSheet } from './lifecycle/common';
import { num, text, type SheetValues } from './read-book-values';
import { REGISTER } from './simple-sheets';
import { readYearSheet } from './year-sheet';

export function readYear(sheets: SheetValues[], book: OkrBook): { year: number; lines: YearLine[]; fromSheet: boolean } {
  const year = book.cycle.year;
  const sheet = sheets.map(readYearSheet).find((y) => y?.year === year);
  if (sheet) return { year, lines: sheet.rows.map((r): YearLine => ({ level: r.level, department: r.department, name: r.name, ...(r.id ? { id: r.id } : {}), quarters: r.quarters })), fromSheet: true };
  const lines: YearLine[] = [];
  const reg = findSheet(sheets, 'titleRegister');
  for (let r = REGISTER.firstRow; reg && r <= reg.rowCount; r++) {
    const cycle = parseCycle(text(reg.get(r, REGISTER.cycle)));
    if (!cycle || cycle.year !== year) continue;
    // A leaver's row carries its mark beside the level word: "个人（已离职 2026-11-28）".
    const level: Level = parseWord(LEVEL_WORDS, text(reg.get(r, REGISTER.level)).replace(/\s*[（(].*$/, '')) ?? 'individual';
    const department = text(reg.get(r, REGISTER.department));
    const name = text(reg.get(r, REGISTER.name));
    let line = lines.find((l) => l.level === level && l.department === department && l.name === name);
    if (!line) { line = { level, department, name, quarters: [null, null, null, null] }; lines.push(line); }
    line.quarters[cycle.quarter - 1] = num(reg.get(r, REGISTER.score)) ?? null;
  }
  return { year, lines, fromSheet: false };
}
