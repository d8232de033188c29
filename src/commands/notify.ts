/**
 * Webpack entry of notify.html: the small dialog in which a ribbon command shows its result
 * (opened by showResult in ./dialog with Office.context.ui.displayDialogAsync).
 * Text goes in with textContent only: the message may contain anything a cell contained.
 */
import { text } from '../i18n';
import { parseNotifyParams, type NotifyData } from './notify-url';

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

function closeDialog(): void {
  // Inside Office: tell the function file, which closes the dialog. Opened on its own: just close.
  if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) {
    Office.context.ui.messageParent('close');
  } else {
    window.close();
  }
}

if (typeof document !== 'undefined' && typeof window !== 'undefined') {
  renderNotification(document, parseNotifyParams(window.location.search));
  const ready: Promise<unknown> =
    typeof Office !== 'undefined' ? Office.onReady() : Promise.resolve();
  const dismiss = (): void => {
    void ready.then(closeDialog);
  };
  document.getElementById('ok')?.addEventListener('click', dismiss);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') dismiss();
  });
  document.getElementById('ok')?.focus();
}
