import { both, type TextKey } from '../templates/text';
import { yearOfTitle } from '../templates/year-sheet';

/** Titles (cell A1) of every sheet the add-in generates, in both languages: how its sheets are recognised. */
const TITLE_KEYS: TextKey[] = [
  'titleGuide', 'titleSettings', 'titleMap', 'titleActions', 'titleDeptCard', 'titlePersonCard', 'titleReview', 'titleRegister', 'titleChangeLog',
  'titleLock', 'titleCharts',
];
const TITLES = new Set(TITLE_KEYS.flatMap((k) => both(k)));

export function isOkrTitle(a1: unknown): boolean {
  if (typeof a1 !== 'string') return false;
  // The guide's title carries the cycle after a dash.
  return TITLES.has(a1.trim()) || TITLES.has(a1.split(' — ')[0].trim()) || yearOfTitle(a1.trim()) !== undefined;
}

/** Names of sheets that hold OKR content already (two round trips: names, then every A1). */
export async function findOkrSheets(context: Excel.RequestContext): Promise<{ all: string[]; okr: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const a1 = sheets.items.map((ws) => ws.getRange('A1').load('values'));
  await context.sync();
  const all = sheets.items.map((ws) => ws.name);
  return { all, okr: all.filter((_, i) => isOkrTitle(a1[i].values[0][0])) };
}
