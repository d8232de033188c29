/**
 * What the lifecycle planners share: their input, the change log they all append to, and the room
 * check every append needs. Each planner takes the values both adapters read (SheetValues) and the
 * book read from them and returns a WorkbookEdit, or a refusal (src/domain/refusal.ts). Pure: the
 * command line applies the edit to an .xlsx file, the add-in to the open workbook.
 */
import { CHANGE_KIND_WORDS } from '../../domain/labels';
import type { IsoDate, Lang, OkrBook } from '../../domain/model';
import type { Refusal } from '../../domain/refusal';
import type { Finding } from '../../domain/rules';
import { text as catalogue } from '../../i18n';
import { ruleTitle } from '../../i18n/findings';
import { changeLogAppend, changeLogCells, type ChangeLogRow, type WorkbookEdit } from '../edits';
import { text, type SheetValues } from '../read-book-values';
import { buildChangeLogSheet } from '../simple-sheets';
import { both, t } from '../text';

/** Excel's last row. */
export const MAX_ROWS = 1_048_576;

/**
 * Rows are appended below the last filled one; when something sits at the very bottom of a sheet
 * there is no room, and the person is told where instead of the program running out of memory.
 */
export function noRoom(edit: WorkbookEdit): Refusal | undefined {
  for (const a of edit.appends) {
    if (a.row + a.rows.length - 1 > MAX_ROWS) return { code: 'NO_ROOM', sheet: a.sheet, maxRows: MAX_ROWS };
  }
  return undefined;
}

export interface PlanInput {
  sheets: SheetValues[];
  book: OkrBook;
  lang: Lang;
  /** The date written into the change log (the caller's today). */
  today: IsoDate;
  /** Who does it (written into the change log). */
  by?: string;
}

export const findSheet = (sheets: SheetValues[], key: Parameters<typeof both>[0]): SheetValues | undefined =>
  sheets.find((s) => both(key).includes(text(s.get(1, 1))));

/** A sheet name not yet taken (Excel compares names case-insensitively). */
export function freeName(sheets: SheetValues[], base: string): string {
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}(${i})`.toLowerCase())) return `${base}(${i})`;
}

export const kindWord = (kind: keyof typeof CHANGE_KIND_WORDS, lang: Lang): string => CHANGE_KIND_WORDS[kind][lang];

/** A change-log cell holds at most 32,767 characters: the list stops well before, with "…". */
const NOTE_MAX = 30_000;

/**
 * The open findings an override let through, for the change log: "未解决的错误 3 处：个人-刘洋!P7（评分范围）、…"
 * (one entry per finding, where and the rule's title); '' without findings.
 */
export function openFindingsNote(findings: Finding[], lang: Lang): string {
  if (findings.length === 0) return '';
  const words = catalogue(lang).app;
  const items: string[] = [];
  let length = 0;
  for (const f of findings) {
    const where = f.sheet ? (f.cell ? `${f.sheet}!${f.cell}` : f.sheet) : f.department || f.owner || '—';
    const item = words.findingAt(where, ruleTitle(f.rule, lang));
    if (length + item.length > NOTE_MAX) { items.push('…'); break; }
    items.push(item);
    length += item.length + words.listSep.length;
  }
  return words.openFindings(findings.length, items.join(words.listSep));
}

/** Adds change-log rows: below the last filled row, or — when the sheet is gone — in a new change log. */
export function logRows(edit: WorkbookEdit, sheets: SheetValues[], lang: Lang, rows: ChangeLogRow[]): void {
  const log = findSheet(sheets, 'titleChangeLog');
  if (log) {
    edit.appends.push(changeLogAppend(log, rows));
    return;
  }
  const plan = buildChangeLogSheet(freeName(sheets, t('sheetChangeLog', lang)), lang);
  rows.forEach((r, i) => { plan.rows[4 + i] = changeLogCells(r); });
  edit.sheets.push({ plan, visibility: 'visible' });
}
