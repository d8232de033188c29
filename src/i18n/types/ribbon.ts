/** The ribbon's commands: their names, the result dialogs' titles and sentences, the dialog page. */
export interface RibbonText {
  validate: { name: string; failed: string; resultTitle: string };
  score: {
    name: string;
    failed: string;
    /** Refused up front: `sheets` worksheets are more than the ribbon can score within a command's 5 minutes (at most `max`). */
    tooLarge: (sheets: number, max: number) => string;
  };
  /** The second, minimal result dialog: where to see the whole result. */
  seePane: string;
  validateHead: (errors: number, warnings: number) => string;
  /** More findings than the dialog lists. */
  validateMore: string;
  scoreWritten: (p: { sheet: string; people: number; departments: number; chartSheet?: string }) => string;
  scoreCompany: (company: string, distribution: string) => string;
  scoreKrs: (unscored: number, tooEasy: number, carryOver: number) => string;
  /** Between the items of a list: "良好 3，优秀 1". */
  clauseSep: string;
  /** The action returned nothing the dialog can show. */
  notAResult: string;
  /** The dialog page. */
  notify: { ok: string; success: string; problem: string; appName: string };
}
