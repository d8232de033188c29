/** A new review month: one row per person below everything typed before. */
import { activeBook, type OkrBook } from '../../domain/model';
import { refuse, type Refused } from '../../domain/refusal';
import { cardProgress } from '../../domain/report';
import { emptyEdit, type WorkbookEdit } from '../edits';
import type { PlanCell } from '../plan';
import { lastFilledRow, text } from '../read-book-values';
import { REVIEW_COLUMNS, REVIEW_FIRST_ROW } from '../simple-sheets';
import { findSheet, noRoom, type PlanInput } from './common';

export interface ReviewInput extends PlanInput {
  /** "YYYY-MM". */
  month: string;
}

export interface ReviewPlan {
  status: 'planned';
  edit: WorkbookEdit;
  sheet: string;
  /** People who got a row. */
  added: { department: string; name: string; progress?: number; deviation?: number }[];
  /** People who already had a row for the month (their rows are not touched). */
  skipped: number;
  /** Progress the time elapsed calls for at the end of the month (0–1). */
  expected: number;
}

/** Share of the cycle that has passed at the end of `month` (0 before it starts, 1 after it ends). */
export function expectedProgress(book: OkrBook, month: string): number {
  const [y, m] = month.split('-').map(Number);
  const startMonth = book.cycle.year * 12 + (book.cycle.quarter - 1) * 3;
  const done = y * 12 + (m - 1) - startMonth + 1;
  return Math.min(1, Math.max(0, done / 3));
}

/** One person's row of a review month: month, department and name filled in, the rest to type. */
export function reviewRow(month: string, dept: string, name: string, progress?: number, deviation?: number): PlanCell[] {
  const cells: PlanCell[] = REVIEW_COLUMNS.map((c) => ({ v: null, s: c.style }));
  cells[0] = { v: month, s: 'input' };
  cells[1] = { v: dept, s: 'fixed' };
  cells[2] = { v: name, s: 'fixed' };
  cells[3] = { v: progress ?? null, s: 'inputPct' };
  cells[10] = { v: deviation ?? null, s: 'inputPct' };
  return cells;
}

/**
 * Adds the rows of a new month to 月（季）绩效回顾表 below everything typed before: one row per
 * person who has no row for that month yet, pre-filled with the current progress (mean KR progress
 * of the card; a KR without progress counts 0) and the deviation rate (计划 − 实际) / 计划, where the
 * plan is the share of the cycle elapsed at the end of the month. Rows typed before are not touched.
 */
export function planReviewMonth(input: ReviewInput): ReviewPlan | Refused {
  const { book, sheets, month } = input;
  const mm = /^(\d{4})-(\d{2})$/.exec(month.trim());
  if (!mm || Number(mm[2]) < 1 || Number(mm[2]) > 12) return refuse({ code: 'badMonth', month });
  const sheet = findSheet(sheets, 'titleReview');
  if (!sheet) return refuse({ code: 'noReviewSheet' });
  const width = REVIEW_COLUMNS.length;
  const have = new Set<string>();
  for (let r = REVIEW_FIRST_ROW; r <= sheet.rowCount; r++) {
    if (text(sheet.get(r, 1)) === month) have.add(`${text(sheet.get(r, 2))}|${text(sheet.get(r, 3))}`);
  }
  const expected = expectedProgress(book, month);
  const added: ReviewPlan['added'] = [];
  const rows: PlanCell[][] = [];
  let skipped = 0;
  for (const card of activeBook(book).individuals) {
    const dept = card.department ?? '';
    const name = card.owner ?? '';
    if (have.has(`${dept}|${name}`)) { skipped++; continue; }
    const progress = cardProgress(card);
    const deviation = progress === undefined || expected === 0 ? undefined : (expected - progress) / expected;
    added.push({ department: dept, name, progress, deviation });
    rows.push(reviewRow(month, dept, name, progress, deviation));
  }
  const edit = emptyEdit();
  if (rows.length) {
    const at = Math.max(REVIEW_FIRST_ROW, lastFilledRow(sheet, REVIEW_FIRST_ROW, width) + 1);
    edit.appends.push({ sheet: sheet.name, row: at, col: 1, rows });
  }
  const full = noRoom(edit);
  if (full) return refuse(full);
  return { status: 'planned', edit, sheet: sheet.name, added, skipped, expected };
}

// ---- annual KR change -------------------------------------------------------------------------------
