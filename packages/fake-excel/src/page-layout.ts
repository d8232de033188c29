/** Excel.PageLayout (ExcelApi 1.9): orientation, paper size, zoom and print title rows. */

import { MAX_ROWS } from './address';
import { ApplyContext, FakeClientObject, defineType } from './core';
import { invalidArgument } from './errors';
import { FakeWorksheet, SheetTarget, registerWorksheetNavs } from './worksheet';
import type { PageLayoutData } from './workbook-state';

/** Excel.PaperType values. */
const PAPER = ['A3', 'A4', 'A5', 'B4', 'B5', 'Executive', 'Folio', 'Ledger', 'Legal', 'Letter', 'Note', 'Quatro', 'Statement', 'Tabloid'];

const pageOf = (t: SheetTarget, ax: ApplyContext, where?: string): PageLayoutData => ax.state._sheetById(t.sheetId, where).page;

const count = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 32767);

export class FakePageLayout extends FakeClientObject {
  constructor(parent: FakeWorksheet) {
    super(parent.context, parent, 'pageLayout');
  }

  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }

  /** Whole rows only ("$1:$4", "1:4" or a row range), as Excel's print titles are. */
  setPrintTitleRows(rows: string): void {
    this._queueCall<SheetTarget>('setPrintTitleRows', [rows], (t, ax, where) => {
      if (typeof rows !== 'string') throw invalidArgument('printTitleRows', where);
      const m = /^\$?(\d+):\$?(\d+)$/.exec(rows.trim());
      const a = m ? Number(m[1]) : 0;
      const b = m ? Number(m[2]) : 0;
      if (!m || a < 1 || b < a || b > MAX_ROWS) throw invalidArgument('printTitleRows', where);
      pageOf(t, ax, where).printTitleRows = `$${a}:$${b}`;
    });
  }
}

defineType<SheetTarget>(FakePageLayout, {
  typeName: 'PageLayout',
  scalars: {
    orientation: {
      read: (t, ax) => pageOf(t, ax).orientation,
      write: (t, v, ax, where) => {
        if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument('orientation', where);
        pageOf(t, ax, where).orientation = v;
      },
    },
    paperSize: {
      read: (t, ax) => pageOf(t, ax).paperSize,
      write: (t, v, ax, where) => {
        if (typeof v !== 'string' || !PAPER.includes(v)) throw invalidArgument('paperSize', where);
        pageOf(t, ax, where).paperSize = v;
      },
    },
    zoom: {
      read: (t, ax) => ({ ...pageOf(t, ax).zoom }),
      write: (t, v, ax, where) => {
        if (typeof v !== 'object' || v === null) throw invalidArgument('zoom', where);
        const z = v as { horizontalFitToPages?: unknown; verticalFitToPages?: unknown; scale?: unknown };
        const fit = z.horizontalFitToPages != null || z.verticalFitToPages != null;
        const scale = z.scale != null;
        // Excel keeps a scale or fit-to-pages, never both; a scale is 10..400.
        if (fit === scale || !count(z.horizontalFitToPages) || !count(z.verticalFitToPages)) throw invalidArgument('zoom', where);
        if (scale && (typeof z.scale !== 'number' || z.scale < 10 || z.scale > 400)) throw invalidArgument('zoom', where);
        pageOf(t, ax, where).zoom = scale
          ? { scale: z.scale as number }
          : { horizontalFitToPages: (z.horizontalFitToPages as number | undefined) ?? 1, verticalFitToPages: (z.verticalFitToPages as number | undefined) ?? 1 };
      },
    },
  },
});

registerWorksheetNavs({ pageLayout: (ws) => new FakePageLayout(ws) });
