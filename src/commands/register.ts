/**
 * Registration: every id of COMMAND_IDS gets a handler that awaits the action, shows the result,
 * and calls `event.completed()` in `finally`, whatever happened. Errors are never swallowed: a
 * failing action becomes a readable message in the dialog AND is logged with console.error, with
 * the original error object.
 *
 * The handler takes the click's time first: a ribbon command lives at most 5 minutes from the
 * click, and the dialog closes on what is left of them (COMMAND_LIFETIME_MS), however long the
 * action took.
 */
import { officeLang, text } from '../i18n';
import { COMMAND_LIFETIME_MS, DIALOG_CLOSE_MARGIN_MS, showResult, type ShowOptions } from './dialog';
import { newHandoverKey, pageStorage } from './handover';
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
  const now = options.now ?? ((): number => Date.now());
  const ready = options.ready ?? ((): Promise<unknown> => Promise.resolve());
  const show: Omit<ShowOptions, 'deadline'> = {
    notifyPageUrl: options.notifyPageUrl ?? defaultNotifyPageUrl(),
    now,
    setTimer: options.setTimer ?? ((fn: () => void, ms: number): unknown => setTimeout(fn, ms)),
    clearTimer:
      options.clearTimer ?? ((handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>)),
    storage: 'storage' in options ? options.storage : pageStorage(),
    newKey: options.newKey ?? ((): string => newHandoverKey()),
  };
  return async (event: CommandEventLike): Promise<void> => {
    const clickedAt = now();
    try {
      await ready();
      const lang = officeLang(office.context.displayLanguage);
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
      await showResult(office, result, lang, { ...show, deadline: clickedAt + COMMAND_LIFETIME_MS - DIALOG_CLOSE_MARGIN_MS });
    } catch (error) {
      // Only a bug in this module (or Office.onReady failing) gets here; still log it rather than leave Office waiting.
      console.error(`[OKR] command ${COMMAND_IDS[key]}: unexpected failure`, error);
    } finally {
      event.completed();
    }
  };
}

/**
 * Associates every command id with its handler. Call it at the function file's top level, not
 * inside Office.onReady: a handler associated late is missing when Office runs the first click
 * (the "two clicks" bug, office-js issue #2744). Pass Office.onReady as `ready`.
 */
export function registerCommands(office: OfficeLike, actions: CommandActions, options: RegisterOptions = {}): void {
  const keys = Object.keys(COMMAND_IDS) as CommandKey[];
  for (const key of keys) {
    const handler = createCommandHandler(office, key, () => actions[key](), options);
    office.actions.associate(COMMAND_IDS[key], (event) => {
      void handler(event);
    });
  }
}
