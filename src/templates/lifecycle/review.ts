/** A new review period (month or week): one row per person below everything typed before. */
import { activeBook, type OkrBook } from '../../domain/model';
import { refuse, type Refused } from '../../domain/refusal';
import { cycleLabel } from '../../domain/cycle';
import { cardProgress } from '../../domain/report';
import { expectedShare, parseReviewPeriod, periodInCycle } from '../../domain/review-period';
import { emptyEdit, type WorkbookEdit } from '../edits';
import type { PlanCell } from '../plan';
import { filled, lastFilledRow, text } from '../read-book-values';
import { REVIEW_COLUMNS, REVIEW_FIRST_ROW } from '../simple-sheets';
import { findSheet, noRoom, type PlanInput } from './common';

export interface ReviewInput extends PlanInput {
  /** The review period: a month "YYYY-MM" or an ISO week "YYYY-Www" (the procedure reviews 每周或每月). */
  month: string;
}

export interface ReviewPlan {
  status: 'planned';
  edit: WorkbookEdit;
  sheet: string;
  /** The period as written into the sheet ("2026-W05" for "2026w5"). */
  period: string;
  /** People who got a row. */
  added: { department: string; name: string; progress?: number; deviation?: number }[];
  /** People whose row for the period was there with progress and deviation blank (the rows `new` writes for the first month): now filled in. */
  filled: number;
  /** People whose row for the period was left as it was: progress or deviation typed in, or no KR to take progress from. */
  skipped: number;
  /** Progress the time elapsed calls for at the end of the period (0–1). */
  expected: number;
}

/** Share of the cycle that has passed at the end of `month` (0 before it starts, 1 after it ends). */
export function expectedProgress(book: OkrBook, month: string): number {
  const p = parseReviewPeriod(month);
  return p ? expectedShare(p, book.cycle) : 0;
}

/** One person's row of a review period: period, department and name filled in, the rest to type. */
export function reviewRow(month: string, dept: string, name: string, progress?: number, deviation?: number): PlanCell[] {
  const cells: PlanCell[] = REVIEW_COLUMNS.map((c) => ({ v: null, s: c.style }));
  cells[0] = { v: month, s: 'input' };
  cells[1] = { v: dept, s: 'fixed' };
  cells[2] = { v: name, s: 'fixed' };
  cells[PROGRESS_COL - 1] = { v: progress ?? null, s: 'inputPct' };
  cells[DEVIATION_COL - 1] = { v: deviation ?? null, s: 'inputPct' };
  return cells;
}

const PROGRESS_COL = 4;
const DEVIATION_COL = 11;

/**
 * Adds the rows of a review period (a month or an ISO week) to 月（季）绩效回顾表 below everything
 * typed before: one row per person who has no row for it yet, pre-filled with the current progress
 * (mean KR progress of the card; a KR without progress counts 0) and the deviation rate
 * (计划 − 实际) / 计划, where the plan is the share of the cycle elapsed at the end of the period.
 * A person's row that is there with progress and deviation both blank (what `new` writes for the
 * first month) gets them filled in; a row where either is typed is not touched. A period with no
 * day in the cycle is refused.
 */
export function planReviewMonth(input: ReviewInput): ReviewPlan | Refused {
  const { book, sheets, month } = input;
  const period = parseReviewPeriod(month);
  if (!period) return refuse({ code: 'badMonth', month });
  if (!periodInCycle(period, book.cycle)) {
    return refuse({ code: 'periodOutsideCycle', period: period.label, cycle: cycleLabel(book.cycle), start: book.cycle.start, end: book.cycle.end });
  }
  const sheet = findSheet(sheets, 'titleReview');
  if (!sheet) return refuse({ code: 'noReviewSheet' });
  const width = REVIEW_COLUMNS.length;
  // A person's rows for the period; the first one with progress and deviation blank is filled.
  const have = new Map<string, number | undefined>();
  for (let r = REVIEW_FIRST_ROW; r <= sheet.rowCount; r++) {
    if (text(sheet.get(r, 1)) !== period.label) continue;
    const key = `${text(sheet.get(r, 2))}|${text(sheet.get(r, 3))}`;
    const blank = !filled(sheet.get(r, PROGRESS_COL)) && !filled(sheet.get(r, DEVIATION_COL));
    if (!have.has(key) || (have.get(key) === undefined && blank)) have.set(key, blank ? r : have.get(key));
  }
  const expected = expectedShare(period, book.cycle);
  const added: ReviewPlan['added'] = [];
  const rows: PlanCell[][] = [];
  const edit = emptyEdit();
  let skipped = 0;
  let filledRows = 0;
  for (const card of activeBook(book).individuals) {
    const dept = card.department ?? '';
    const name = card.owner ?? '';
    const key = `${dept}|${name}`;
    const progress = cardProgress(card);
    const deviation = progress === undefined || expected === 0 ? undefined : (expected - progress) / expected;
    if (have.has(key)) {
      const row = have.get(key);
      if (row === undefined || progress === undefined) { skipped++; continue; }
      const cells: (PlanCell | null)[] = Array.from({ length: DEVIATION_COL - PROGRESS_COL + 1 }, () => null);
      cells[0] = { v: progress, s: 'inputPct' };
      cells[DEVIATION_COL - PROGRESS_COL] = { v: deviation ?? null, s: 'inputPct' };
      edit.writes.push({ sheet: sheet.name, row, col: PROGRESS_COL, cells: [cells] });
      filledRows++;
      continue;
    }
    added.push({ department: dept, name, progress, deviation });
    rows.push(reviewRow(period.label, dept, name, progress, deviation));
  }
  if (rows.length) {
    const at = Math.max(REVIEW_FIRST_ROW, lastFilledRow(sheet, REVIEW_FIRST_ROW, width) + 1);
    edit.appends.push({ sheet: sheet.name, row: at, col: 1, rows });
  }
  const full = noRoom(edit);
  if (full) return refuse(full);
  return { status: 'planned', edit, sheet: sheet.name, period: period.label, added, filled: filledRows, skipped, expected };
}

// ---- annual KR change -------------------------------------------------------------------------------
