/**
 * Webpack entry of notify.html: the small dialog in which a ribbon command shows its result
 * (opened by showResult in ./dialog with Office.context.ui.displayDialogAsync).
 * Text goes in with textContent only: the message may contain anything a cell contained.
 *
 * Where the result comes from, best first (handover.ts): the entry the function file stored under
 * the URL's key; else, once Office is ready and DialogApi 1.2 is there, the result the function
 * file sends with messageChild when this page asks for it; else the URL's one-line summary.
 */
import { text } from '../i18n';
import { DIALOG_MESSAGES, pageStorage, parseResultMessage, takeResult, type NotifyData, type StorageLike } from './handover';
import { parseNotifyParams } from './notify-url';

/** The slice of Office.js the dialog page uses (the global `Office` satisfies it; tests pass a fake). */
export interface DialogPageOffice {
  onReady(): Promise<unknown>;
  context: {
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    ui: {
      messageParent(message: string): void;
      addHandlerAsync?(eventType: unknown, handler: (arg: { message: string }) => void, callback?: (result: { status: unknown }) => void): void;
    };
  };
  EventType: { DialogParentMessageReceived?: unknown };
  AsyncResultStatus: { Succeeded: unknown };
}

export function renderNotification(doc: Document, data: NotifyData): void {
  const words = text(data.lang).ribbon.notify;
  doc.documentElement.lang = data.lang;
  doc.title = data.title ? `${data.title} - ${words.appName}` : words.appName;
  doc.body.classList.toggle('problem', !data.ok);
  const set = (id: string, text: string): void => {
    const el = doc.getElementById(id);
    if (el) el.textContent = text;
  };
  set('badge', data.ok ? '✓' : '!');
  set('kind', `${words.appName} · ${data.ok ? words.success : words.problem}`);
  set('title', data.title);
  set('message', data.message);
  set('ok', words.ok);
}

/**
 * Asks the function file for the result (it answers with messageChild) and renders it when it
 * comes. Without DialogApi 1.2 nothing is asked: the URL's summary stays.
 */
function askForResult(office: DialogPageOffice, render: (data: NotifyData) => void): void {
  // Opened outside Office, office.js gives no context or ui: nothing to ask.
  const ui = office.context?.ui as DialogPageOffice['context']['ui'] | undefined;
  const supported = office.context?.requirements?.isSetSupported('DialogApi', '1.2') === true;
  if (!ui || !supported || typeof ui.addHandlerAsync !== 'function' || office.EventType.DialogParentMessageReceived === undefined) return;
  ui.addHandlerAsync(
    office.EventType.DialogParentMessageReceived,
    (arg) => {
      const data = parseResultMessage(arg.message);
      if (data) render(data);
    },
    (registered) => {
      // Ask only once the handler is there, or the answer could arrive before it.
      if (registered.status === office.AsyncResultStatus.Succeeded) ui.messageParent(DIALOG_MESSAGES.needResult);
      else console.warn('[OKR] could not listen for the result; showing the short summary');
    },
  );
}

/** Everything the page does; `office` undefined when the page is opened outside Office. */
export function startNotifyPage(doc: Document, search: string, storage: StorageLike | undefined, office: DialogPageOffice | undefined, closeWindow: () => void): void {
  const params = parseNotifyParams(search);
  const stored = params.key ? takeResult(storage, params.key) : undefined;
  const render = (data: NotifyData): void => renderNotification(doc, data);
  render(stored ?? params);
  const ready: Promise<unknown> = office ? office.onReady() : Promise.resolve();
  if (!stored && params.key && office) void ready.then(() => askForResult(office, render));
  const dismiss = (): void => {
    void ready.then(() => {
      // Inside Office: tell the function file, which closes the dialog. Opened on its own: just close.
      if (office?.context?.ui?.messageParent) office.context.ui.messageParent(DIALOG_MESSAGES.close);
      else closeWindow();
    });
  };
  doc.getElementById('ok')?.addEventListener('click', dismiss);
  doc.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') dismiss();
  });
  doc.getElementById('ok')?.focus();
}

if (typeof document !== 'undefined' && typeof window !== 'undefined' && document.getElementById('ok')) {
  startNotifyPage(document, window.location.search, pageStorage(), typeof Office !== 'undefined' ? Office : undefined, () => window.close());
}
