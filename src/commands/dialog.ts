/**
 * Showing a result: an ExecuteFunction command has no UI of its own, and Excel has no notification
 * API for add-ins (Office.NotificationMessages is Outlook-only), so the function file opens a small
 * dialog page (notify.html) with Office.context.ui.displayDialogAsync (DialogApi 1.1: Excel on
 * Windows, Mac and the web, where it is an in-page iframe overlay).
 *
 * The result travels by storage, or by messageChild when the dialog asks for it (handover.ts); the
 * URL stays short. When Office cannot open the dialog (5001, 12007 another dialog is open) or the
 * page fails to load (12002, 12003), it is tried once more with a minimal URL: the title and a
 * sentence pointing to the task pane.
 */
import type { Lang } from '../domain/model';
import { text } from '../i18n';
import { DIALOG_MESSAGES, resultMessage, stashResult, type NotifyData, type StorageLike } from './handover';
import { buildNotifyUrl, oneLine } from './notify-url';
import type { CommandResult, DialogEventArgs, DialogLike, DialogOptionsLike, OfficeLike } from './types';

/** Dialog size, percent of the screen (Office enforces 250 x 150 px at least). */
export const DIALOG_OPTIONS: Readonly<DialogOptionsLike> = { height: 40, width: 32, displayInIframe: true };
/** A ribbon command lives at most 5 minutes from the click; Office then ends it, dialog and all. */
export const COMMAND_LIFETIME_MS = 5 * 60 * 1000;
/** We close the dialog and complete this long before Office's limit (timers in a busy host run late). */
export const DIALOG_CLOSE_MARGIN_MS = 15 * 1000;

/** The Dialog API errors after which a second, minimal dialog is worth trying. */
const PAGE_FAILED = new Set([12002, 12003]);

export type ShowOutcome = 'dismissed' | 'closed' | 'timeout' | 'not-shown';

export interface ShowOptions {
  notifyPageUrl: string;
  /** When the dialog must be gone (ms since the epoch, as `now` counts): the click plus the command's lifetime, less the margin. */
  deadline: number;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** The storage shared with notify.html; undefined when the page has none. */
  storage: StorageLike | undefined;
  newKey: () => string;
}

/** The second try's result: the title and a sentence that sends the person to the pane. */
export function minimalResult(result: CommandResult, lang: Lang): CommandResult {
  const first = oneLine(result.message.split('\n')[0] ?? '');
  const summary = Array.from(first).length > 80 ? '' : first;
  return { ok: result.ok, title: result.title, message: [summary, text(lang).ribbon.seePane].filter(Boolean).join(' ') };
}

function supportsMessageChild(office: OfficeLike, dialog: DialogLike): dialog is DialogLike & { messageChild(m: string): void } {
  const req = office.context.requirements;
  return typeof dialog.messageChild === 'function' && req !== undefined && req.isSetSupported('DialogApi', '1.2');
}

/**
 * Opens the notify dialog and resolves once it is gone: 'dismissed' (OK button → message → we close
 * it), 'closed' (the person closed it, or it failed to load twice), 'timeout' (we closed it at
 * `deadline`), 'not-shown' (no time was left, or displayDialogAsync failed twice; the result is
 * then logged with console.error so it is not lost). Never rejects.
 */
export function showResult(office: OfficeLike, result: CommandResult, lang: Lang, options: ShowOptions): Promise<ShowOutcome> {
  return new Promise<ShowOutcome>((resolve) => {
    let settled = false;
    let timer: unknown;
    const finish = (outcome: ShowOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) options.clearTimer(timer);
      resolve(outcome);
    };
    const notShown = (reason: string): void => {
      console.error(`[OKR] could not show the result dialog (${reason}): ${result.title}\n${result.message}`);
      finish('not-shown');
    };
    if (options.deadline - options.now() <= 0) {
      notShown('the 5 minutes a ribbon command may run are up');
      return;
    }

    const full: NotifyData = { ok: result.ok, lang, title: result.title, message: result.message };
    const key = options.newKey();
    const stash = stashResult(options.storage, key, full, options.now());
    if (!stash.stored) console.warn(`[OKR] result not stored for the dialog (${stash.reason}); it gets it by message or from its URL`);

    const open = (url: string, lastTry: boolean): void => {
      const retry = (reason: string): void => {
        if (lastTry) notShown(reason);
        else {
          console.warn(`[OKR] the result dialog failed (${reason}); trying once more with a short message`);
          open(buildNotifyUrl(options.notifyPageUrl, minimalResult(result, lang), lang, key), true);
        }
      };
      try {
        office.context.ui.displayDialogAsync(url, { ...DIALOG_OPTIONS }, (asyncResult) => {
          if (settled) return;
          if (asyncResult.status !== office.AsyncResultStatus.Succeeded || !asyncResult.value) {
            const err = asyncResult.error;
            retry(err ? `${err.code}: ${err.message}` : 'displayDialogAsync failed');
            return;
          }
          const dialog = asyncResult.value;
          let gone = false;
          const close = (): void => {
            if (gone) return;
            gone = true;
            try {
              dialog.close();
            } catch (closeError) {
              console.error('[OKR] could not close the result dialog', closeError);
            }
          };
          const closeWith = (outcome: ShowOutcome): void => {
            if (settled) return;
            close();
            finish(outcome);
          };
          dialog.addEventHandler(office.EventType.DialogMessageReceived, (args: DialogEventArgs) => {
            if ('message' in args && args.message === DIALOG_MESSAGES.needResult) {
              // The dialog does not see our storage (partitioned): send the result itself.
              if (supportsMessageChild(office, dialog)) {
                try {
                  dialog.messageChild(resultMessage(full));
                } catch (sendError) {
                  console.error('[OKR] could not send the result to the dialog; it shows its short summary', sendError);
                }
              } else {
                console.warn('[OKR] DialogApi 1.2 is not supported: the dialog shows its short summary');
              }
              return;
            }
            closeWith('dismissed');
          });
          dialog.addEventHandler(office.EventType.DialogEventReceived, (args: DialogEventArgs) => {
            if (settled || gone) return;
            if ('error' in args && PAGE_FAILED.has(args.error) && !lastTry) {
              close();
              if (timer !== undefined) options.clearTimer(timer);
              timer = undefined;
              retry(`the page did not load (${args.error})`);
              return;
            }
            // 12006: closed by the person. Either way it is gone.
            gone = true;
            finish('closed');
          });
          timer = options.setTimer(() => closeWith('timeout'), Math.max(0, options.deadline - options.now()));
        });
      } catch (error) {
        retry(error instanceof Error ? error.message : String(error));
      }
    };
    open(buildNotifyUrl(options.notifyPageUrl, result, lang, key), false);
  });
}
