/**
 * Registration: every id of COMMAND_IDS gets a handler that awaits the action, shows the result,
 * and calls `event.completed()` in `finally`, whatever happened. Errors are never swallowed: a
 * failing action becomes a readable message in the dialog AND is logged with console.error, with
 * the original error object.
 */
import { officeLang, text } from '../i18n';
import { DIALOG_TIMEOUT_MS, showResult } from './dialog';
import { COMMAND_IDS, type CommandKey } from './ids';
import { errorResult, isCommandResult } from './wording';
import type { CommandActions, CommandEventLike, CommandResult, OfficeLike, RegisterOptions } from './types';

function defaultNotifyPageUrl(): string {
  const here = typeof location !== 'undefined' ? location.href : 'https://localhost:3000/commands.html';
  return new URL('notify.html', here).href;
}

/** The handler of one command; exported for tests and for a future shared runtime. */
export function createCommandHandler(
  office: OfficeLike,
  key: CommandKey,
  action: () => Promise<CommandResult>,
  options: RegisterOptions = {},
): (event: CommandEventLike) => Promise<void> {
  const resolved = {
    notifyPageUrl: options.notifyPageUrl ?? defaultNotifyPageUrl(),
    dialogTimeoutMs: options.dialogTimeoutMs ?? DIALOG_TIMEOUT_MS,
    setTimer: options.setTimer ?? ((fn: () => void, ms: number): unknown => setTimeout(fn, ms)),
    clearTimer:
      options.clearTimer ?? ((handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>)),
  };
  return async (event: CommandEventLike): Promise<void> => {
    const lang = officeLang(office.context.displayLanguage);
    try {
      let result: CommandResult;
      try {
        const value: unknown = await action();
        if (isCommandResult(value)) {
          result = value;
        } else {
          console.error(`[OKR] command ${COMMAND_IDS[key]} returned no CommandResult`, value);
          result = errorResult(key, { message: text(lang).ribbon.notAResult }, lang);
        }
      } catch (error) {
        console.error(`[OKR] command ${COMMAND_IDS[key]} failed`, error);
        result = errorResult(key, error, lang);
      }
      await showResult(office, result, lang, resolved);
    } catch (error) {
      // Only a bug in this module gets here; still log it rather than leave Office waiting.
      console.error(`[OKR] command ${COMMAND_IDS[key]}: unexpected failure`, error);
    } finally {
      event.completed();
    }
  };
}

/** Associates every command id with its handler. Call once, inside Office.onReady. */
export function registerCommands(office: OfficeLike, actions: CommandActions, options: RegisterOptions = {}): void {
  const keys = Object.keys(COMMAND_IDS) as CommandKey[];
  for (const key of keys) {
    const handler = createCommandHandler(office, key, () => actions[key](), options);
    office.actions.associate(COMMAND_IDS[key], (event) => {
      void handler(event);
    });
  }
}
