/** What a ribbon command asks of the workbook, and what its result dialog shows. src/office/command-actions.ts implements it. */
export interface CommandResult {
  ok: boolean;
  title: string;
  message: string;
}

export interface CommandActions {
  validate(): Promise<CommandResult>;
  score(): Promise<CommandResult>;
}
