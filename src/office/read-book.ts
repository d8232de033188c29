import type { OkrBook } from '../domain/model';
import { readBook, type RawValue, type SheetValues } from '../templates/read-book';

/**
 * Reads every sheet's values in two round trips — the list of sheets, then all used ranges at once —
 * and gives back the same domain model the file adapter reads, so one rules engine serves both.
 */
export async function readSheetValues(context: Excel.RequestContext): Promise<SheetValues[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();
  const used = sheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('values,rowIndex,columnIndex');
    return { ws, r };
  });
  await context.sync();
  return used.map(({ ws, r }) => {
    const values: RawValue[][] = r.isNullObject ? [] : (r.values as RawValue[][]);
    const top = r.isNullObject ? 0 : r.rowIndex;
    const left = r.isNullObject ? 0 : r.columnIndex;
    return {
      name: ws.name,
      hidden: ws.visibility !== 'Visible',
      rowCount: top + values.length,
      get: (row: number, col: number) => values[row - 1 - top]?.[col - 1 - left] ?? null,
    };
  });
}

export async function readOpenBook(context: Excel.RequestContext): Promise<OkrBook> {
  return readBook(await readSheetValues(context));
}
