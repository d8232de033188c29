import { printSetup, type SheetPlan } from '../templates/plan';

/**
 * Queues how a planned sheet prints (see printSetup): A4 landscape, one page wide (verticalFitToPages
 * 0 = as many pages tall as needed, Excel's "automatic"), its header rows repeated. ExcelApi 1.9.
 */
export function queuePrintSetup(ws: Excel.Worksheet, plan: Pick<SheetPlan, 'hidden' | 'freeze'>): void {
  const print = printSetup(plan);
  if (!print) return;
  ws.pageLayout.orientation = 'Landscape';
  ws.pageLayout.paperSize = 'A4';
  ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.titleRows) ws.pageLayout.setPrintTitleRows(`$1:$${print.titleRows}`);
}

/** Actions queuePrintSetup adds to a request (for the request-size estimate). */
export const PRINT_SETUP_ACTIONS = 5;
