/** What a ribbon command asks of the workbook, and what its result dialog shows. src/office/command-actions.ts implements it. */
export interface CommandResult {
  ok: boolean;
  title: string;
  message: string;
  /** Set when the command refused before changing anything. */
  refusal?: RibbonRefusal;
}

export interface CommandActions {
  validate(): Promise<CommandResult>;
  score(): Promise<CommandResult>;
}

/**
 * The most worksheets the ribbon's 季度评分 takes on; a larger workbook is refused before anything
 * is read or written, and the person is sent to the task pane, which has no time limit.
 *
 * Why: Excel ends a ribbon command 5 minutes after the click, whatever it is doing, and a scoring
 * cut off between its read and its write leaves the person with nothing. The workbook holds one
 * card sheet per person and per department and about ten others, so its sheet count is the size
 * that scoring's work grows with (it reads every card, writes a register row for each, and
 * re-protects the sheets it wrote), and it costs one round trip to learn.
 *
 * The figure is an estimate, not a measurement in Excel (Excel does not run where this is built):
 * the in-memory Excel's bench (scripts/bench/office.ts, `npm run bench`) scores 1,000 people in 3
 * round trips and reads 6.6 MB of values for them, about 6.6 KB a card; Excel on the web carries
 * such requests at an unknown rate, so we assume a pessimistic 2 sheets a second end to end
 * (network, Excel's own recalculation, the write), which puts 400 sheets at about 200 s: inside the
 * 285 s a command has before the result dialog must close (COMMAND_LIFETIME_MS less the margin,
 * src/commands/dialog.ts). README's "First things to check in a real Excel" asks for the real figure.
 */
export const RIBBON_SCORE_MAX_SHEETS = 400;

/** A typed refusal of the ribbon (the use cases' own refusals come back as their sentences). */
export interface RibbonRefusal {
  code: 'tooLargeForRibbon';
  sheets: number;
  max: number;
}

/** The refusal when `sheets` worksheets are more than the ribbon may score; undefined otherwise. */
export function ribbonScoreRefusal(sheets: number, max: number = RIBBON_SCORE_MAX_SHEETS): RibbonRefusal | undefined {
  return sheets > max ? { code: 'tooLargeForRibbon', sheets, max } : undefined;
}
