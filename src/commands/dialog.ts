/**
 * Showing a result: an ExecuteFunction command has no UI of its own, and Excel has no notification
 * API for add-ins (Office.NotificationMessages is Outlook-only), so the function file opens a small
 * dialog page (notify.html) with Office.context.ui.displayDialogAsync (DialogApi 1.1: Excel on
 * Windows, Mac and the web, where it is an in-page iframe overlay).
 */
import type { Lang } from '../domain/model';
import { buildNotifyUrl } from './notify-url';
import type { CommandResult, DialogOptionsLike, OfficeLike, RegisterOptions } from './types';

/** Dialog size, percent of the screen (Office enforces 250 x 150 px at least). */
export const DIALOG_OPTIONS: Readonly<DialogOptionsLike> = { height: 40, width: 32, displayInIframe: true };
/** Well under the time Office allows an ExecuteFunction command before it gives up on it. */
export const DIALOG_TIMEOUT_MS = 4 * 60 * 1000;

export type ShowOutcome = 'dismissed' | 'closed' | 'timeout' | 'not-shown';

/**
 * Opens the notify dialog and resolves once it is gone: 'dismissed' (OK button → message → we close
 * it), 'closed' (the person closed it, or it failed to load: DialogEventReceived), 'timeout' (we
 * closed it after `timeoutMs`), 'not-shown' (displayDialogAsync failed, e.g. 12007 another dialog
 * is open; the result is then logged with console.error so it is not lost). Never rejects.
 */
export function showResult(
  office: OfficeLike,
  result: CommandResult,
  lang: Lang,
  options: Required<Pick<RegisterOptions, 'notifyPageUrl' | 'dialogTimeoutMs' | 'setTimer' | 'clearTimer'>>,
): Promise<ShowOutcome> {
  return new Promise<ShowOutcome>((resolve) => {
    let settled = false;
    const notShown = (reason: string): void => {
      console.error(`[OKR] could not show the result dialog (${reason}): ${result.title}\n${result.message}`);
      finish('not-shown');
    };
    let timer: unknown;
    const finish = (outcome: ShowOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) options.clearTimer(timer);
      resolve(outcome);
    };
    let url: string;
    try {
      url = buildNotifyUrl(options.notifyPageUrl, result, lang);
      office.context.ui.displayDialogAsync(url, { ...DIALOG_OPTIONS }, (asyncResult) => {
        if (asyncResult.status !== office.AsyncResultStatus.Succeeded || !asyncResult.value) {
          const err = asyncResult.error;
          notShown(err ? `${err.code}: ${err.message}` : 'displayDialogAsync failed');
          return;
        }
        const dialog = asyncResult.value;
        const closeWith = (outcome: ShowOutcome): void => {
          if (settled) return;
          try {
            dialog.close();
          } catch (closeError) {
            console.error('[OKR] could not close the result dialog', closeError);
          }
          finish(outcome);
        };
        dialog.addEventHandler(office.EventType.DialogMessageReceived, () => closeWith('dismissed'));
        // 12006: closed by the person; 12002/12003: the page failed to load. Either way it is gone.
        dialog.addEventHandler(office.EventType.DialogEventReceived, () => finish('closed'));
        timer = options.setTimer(() => closeWith('timeout'), options.dialogTimeoutMs);
      });
    } catch (error) {
      notShown(error instanceof Error ? error.message : String(error));
    }
  });
}
