/**
 * Ribbon commands (ExecuteFunction buttons): 校验 / Validate and 季度评分 / Quarter scoring.
 * `registerCommands(office, actions)` (register.ts), called at the function file's top level,
 * associates every id of COMMAND_IDS with a handler that awaits the action (Office.js code passed
 * in: this code never touches the global `Office`, so it runs under jest with a fake), shows the
 * result in a dialog (dialog.ts; the result handed over by storage or messageChild, handover.ts;
 * the short URL, notify-url.ts) in words of the catalogue (wording.ts), and calls
 * `event.completed()` in `finally`, within 5 minutes of the click.
 */
export { COMMAND_LIFETIME_MS, DIALOG_CLOSE_MARGIN_MS, DIALOG_OPTIONS, minimalResult, showResult, type ShowOptions, type ShowOutcome } from './dialog';
export { DIALOG_MESSAGES, HANDOVER_MAX_AGE_MS, HANDOVER_PREFIX, parseResultMessage, resultMessage, stashResult, takeResult, type StorageLike } from './handover';
export { buildNotifyUrl, MAX_MESSAGE_CHARS, MAX_TITLE_CHARS, parseNotifyParams, type NotifyData } from './notify-url';
export { createCommandHandler, registerCommands } from './register';
export type {
  CommandActions, CommandEventLike, CommandResult, DialogAsyncResultLike, DialogEventArgs, DialogLike, DialogOptionsLike, OfficeLike, RegisterOptions,
} from './types';
export { commandLanguage, commandName, describeError, errorResult } from './wording';
