/**
 * Ribbon commands (ExecuteFunction buttons): 校验 / Validate and 季度评分 / Quarter scoring.
 *
 * `registerCommands(office, actions)` associates every id of COMMAND_IDS with a handler that
 *   1. awaits the action (the lead's Office.js code, passed in: this module never touches the
 *      global `Office`, so it runs under jest with a fake),
 *   2. shows the result to the user,
 *   3. calls `event.completed()` in `finally`, whatever happened.
 *
 * How the result is shown: an ExecuteFunction command has no UI of its own, and Excel has no
 * notification API for add-ins (Office.NotificationMessages is Outlook-only). The function file
 * therefore opens a small dialog page, notify.html?ok=…&lang=…&title=…&msg=…, with
 * `Office.context.ui.displayDialogAsync` (DialogApi 1.1: Excel on Windows, Mac and the web; in Excel on
 * the web as an in-page iframe overlay, no pop-up). The dialog's OK button sends a message back and
 * the handler closes it; the command completes once the person has dismissed the dialog (or after
 * DIALOG_TIMEOUT_MS), because completing earlier lets Office unload the function file and, on some
 * platforms, the dialog with it.
 *
 * Errors are never swallowed: a failing action becomes a readable message in the dialog AND is
 * logged with console.error, with the original error object.
 */
import type { Lang } from '../domain/model';
import { COMMAND_IDS, type CommandKey } from './ids';

export interface CommandResult {
  ok: boolean;
  title: string;
  message: string;
}

export interface CommandActions {
  validate(): Promise<CommandResult>;
  score(): Promise<CommandResult>;
}

// ---------------------------------------------------------------------------------------------
// The slice of Office.js this module uses. The global `Office` satisfies it (src/commands/entry.ts
// passes it in); tests pass a fake. Enum-typed members are `unknown` here because @types/office-js
// declares them as numeric enums while the runtime values are strings: we only compare them.

export interface CommandEventLike {
  completed(): void;
}

export type DialogEventArgs = { message: string; origin: string | undefined } | { error: number };

export interface DialogLike {
  addEventHandler(eventType: unknown, handler: (args: DialogEventArgs) => void): void;
  close(): void;
}

export interface DialogAsyncResultLike {
  status: unknown;
  value: DialogLike;
  error?: { code: number; message: string } | null;
}

export interface DialogOptionsLike {
  height?: number;
  width?: number;
  displayInIframe?: boolean;
}

export interface OfficeLike {
  actions: {
    // Office's own typing takes a callback with an untyped argument; Office passes an Office.AddinCommands.Event.
    associate(actionId: string, actionFunction: (event: CommandEventLike) => void): void;
  };
  context: {
    displayLanguage?: string;
    ui: {
      displayDialogAsync(
        startAddress: string,
        options: DialogOptionsLike,
        callback: (result: DialogAsyncResultLike) => void,
      ): void;
    };
  };
  EventType: { DialogMessageReceived: unknown; DialogEventReceived: unknown };
  AsyncResultStatus: { Succeeded: unknown };
}

export interface RegisterOptions {
  /** Absolute https URL of notify.html. Default: notify.html next to the current page (commands.html). */
  notifyPageUrl?: string;
  /** How long the result dialog may stay open before the command completes anyway. */
  dialogTimeoutMs?: number;
  /** For tests: timer functions. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Dialog size, percent of the screen (Office enforces 250 x 150 px at least). */
export const DIALOG_OPTIONS: Readonly<DialogOptionsLike> = { height: 40, width: 32, displayInIframe: true };
/** Well under the time Office allows an ExecuteFunction command before it gives up on it. */
export const DIALOG_TIMEOUT_MS = 4 * 60 * 1000;
/** Longer messages are cut (with an ellipsis) to keep the dialog URL reasonable. */
export const MAX_MESSAGE_CHARS = 900;
export const MAX_TITLE_CHARS = 80;

// ---------------------------------------------------------------------------------------------
// Language and wording.

/** zh-CN for any Chinese UI language (zh-CN, zh-TW, zh-Hans…), en-US otherwise. */
export function commandLanguage(displayLanguage: string | undefined | null): Lang {
  return /^zh\b/i.test(displayLanguage ?? '') ? 'zh-CN' : 'en-US';
}

const COMMAND_NAMES: Record<CommandKey, Record<Lang, string>> = {
  validate: { 'zh-CN': '校验', 'en-US': 'Validate' },
  score: { 'zh-CN': '季度评分', 'en-US': 'Quarter scoring' },
};

const FAILED_TITLE: Record<CommandKey, Record<Lang, string>> = {
  validate: { 'zh-CN': '校验未完成', 'en-US': 'Validation did not complete' },
  score: { 'zh-CN': '季度评分未完成', 'en-US': 'Quarter scoring did not complete' },
};

export function commandName(key: CommandKey, lang: Lang): string {
  return COMMAND_NAMES[key][lang];
}

/** Sentences for the error codes of OfficeExtension.Error (Excel JavaScript API) people meet. */
const OFFICE_ERROR_SENTENCES: Record<string, Record<Lang, string>> = {
  InvalidOperationInCellEditMode: {
    'zh-CN': 'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，然后重试。',
    'en-US': 'Excel is in cell-editing mode. Press Enter or Esc to leave the cell, then try again.',
  },
  AccessDenied: {
    'zh-CN': 'Excel 拒绝了这次修改：工作表或工作簿可能受保护，或者您没有编辑权限。',
    'en-US': 'Excel refused the change: the sheet or workbook may be protected, or you may not have permission to edit it.',
  },
  ItemNotFound: {
    'zh-CN': '找不到需要的工作表、表格或名称。请确认这是 OKR 工作簿生成的文件，且工作表没有被改名或删除。',
    'en-US': 'A sheet, table or name the add-in needs was not found. Check that the workbook was generated by OKR Workbook and that no sheet was renamed or deleted.',
  },
  ItemAlreadyExists: {
    'zh-CN': '要创建的工作表、表格或名称已经存在。',
    'en-US': 'A sheet, table or name the add-in wanted to create already exists.',
  },
  RequestPayloadSizeLimitExceeded: {
    'zh-CN': '一次要写入的数据超过了 Excel 网页版的 5 MB 限制。',
    'en-US': 'The data to write at once is larger than the 5 MB limit of Excel on the web.',
  },
  ResponsePayloadSizeLimitExceeded: {
    'zh-CN': '一次要读取的数据超过了 Excel 网页版的 5 MB 限制。',
    'en-US': 'The data to read at once is larger than the 5 MB limit of Excel on the web.',
  },
  ApiNotFound: {
    'zh-CN': '此版本的 Excel 不支持插件需要的功能（需要 ExcelApi 1.9 或更高版本）。请更新 Office 或使用 Excel 网页版。',
    'en-US': 'This version of Excel lacks a feature the add-in needs (ExcelApi 1.9 or later). Update Office or use Excel on the web.',
  },
  Conflict: {
    'zh-CN': '同事正在同时修改相同的单元格。请稍后重试。',
    'en-US': 'A colleague changed the same cells at the same time. Please try again.',
  },
  EditConflict: {
    'zh-CN': '同事正在同时修改相同的单元格。请稍后重试。',
    'en-US': 'A colleague changed the same cells at the same time. Please try again.',
  },
  ActivityLimitReached: {
    'zh-CN': 'Excel 暂时繁忙。请稍后重试。',
    'en-US': 'Excel is busy at the moment. Please try again shortly.',
  },
  ServiceNotAvailable: {
    'zh-CN': 'Excel 服务暂时不可用。请稍后重试。',
    'en-US': 'The Excel service is not available at the moment. Please try again shortly.',
  },
  RequestAborted: {
    'zh-CN': '请求被中断。请重试。',
    'en-US': 'The request was interrupted. Please try again.',
  },
  GeneralException: {
    'zh-CN': 'Excel 报告了内部错误。',
    'en-US': 'Excel reported an internal error.',
  },
};

const DETAIL_LABEL: Record<Lang, string> = { 'zh-CN': '详细信息', 'en-US': 'Details' };
const UNKNOWN_ERROR: Record<Lang, string> = {
  'zh-CN': '发生了未知错误。',
  'en-US': 'An unknown error occurred.',
};
const NOT_A_RESULT: Record<Lang, string> = {
  'zh-CN': '命令没有返回结果。',
  'en-US': 'The command returned no result.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * A sentence a person understands, from whatever was thrown: an OfficeExtension.Error (by its
 * `code`), an Error, a string. The technical text follows on a "Details" line when it adds anything.
 */
export function describeError(error: unknown, lang: Lang): string {
  if (typeof error === 'string' && error.trim()) return error.trim();
  if (!isRecord(error)) return UNKNOWN_ERROR[lang];
  const code = typeof error.code === 'string' ? error.code : undefined;
  const rawMessage = typeof error.message === 'string' ? error.message.trim() : '';
  const sentence = code ? OFFICE_ERROR_SENTENCES[code]?.[lang] : undefined;
  if (sentence) {
    const detail = [code, rawMessage].filter(Boolean).join(': ');
    return `${sentence}\n${DETAIL_LABEL[lang]}: ${detail}`;
  }
  if (rawMessage) return code && !rawMessage.includes(code) ? `${rawMessage} (${code})` : rawMessage;
  if (code) return `${UNKNOWN_ERROR[lang]} (${code})`;
  return UNKNOWN_ERROR[lang];
}

/** The result shown when the action threw (or returned something that is not a CommandResult). */
export function errorResult(key: CommandKey, error: unknown, lang: Lang): CommandResult {
  return { ok: false, title: FAILED_TITLE[key][lang], message: describeError(error, lang) };
}

function isCommandResult(value: unknown): value is CommandResult {
  return (
    isRecord(value) &&
    typeof value.ok === 'boolean' &&
    typeof value.title === 'string' &&
    typeof value.message === 'string'
  );
}

// ---------------------------------------------------------------------------------------------
// The dialog page's URL (built here, parsed by notify.ts).

export interface NotifyData {
  ok: boolean;
  lang: Lang;
  title: string;
  message: string;
}

function clip(text: string, max: number): string {
  const chars = Array.from(text); // by code point: never cut a surrogate pair
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** notify.html?ok=1&lang=zh-CN&title=…&msg=… next to `pageUrl` (absolute https, as Office requires). */
export function buildNotifyUrl(pageUrl: string, result: CommandResult, lang: Lang): string {
  const url = new URL('notify.html', pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('ok', result.ok ? '1' : '0');
  url.searchParams.set('lang', lang);
  url.searchParams.set('title', clip(result.title.trim(), MAX_TITLE_CHARS));
  url.searchParams.set('msg', clip(result.message.trim(), MAX_MESSAGE_CHARS));
  return url.href;
}

/** Reads what buildNotifyUrl wrote; anything missing gets a safe default. */
export function parseNotifyParams(search: string): NotifyData {
  const params = new URLSearchParams(search);
  const lang = commandLanguage(params.get('lang'));
  return {
    ok: params.get('ok') === '1',
    lang,
    title: clip(params.get('title') ?? '', MAX_TITLE_CHARS),
    message: clip(params.get('msg') ?? '', MAX_MESSAGE_CHARS),
  };
}

/** The words of the dialog page itself. */
export const NOTIFY_WORDS: Record<Lang, { ok: string; success: string; problem: string; appName: string }> = {
  'zh-CN': { ok: '确定', success: '完成', problem: '需要注意', appName: 'OKR 工作簿' },
  'en-US': { ok: 'OK', success: 'Done', problem: 'Needs attention', appName: 'OKR Workbook' },
};

// ---------------------------------------------------------------------------------------------
// Showing a result.

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

// ---------------------------------------------------------------------------------------------
// Registration.

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
    const lang = commandLanguage(office.context.displayLanguage);
    try {
      let result: CommandResult;
      try {
        const value: unknown = await action();
        if (isCommandResult(value)) {
          result = value;
        } else {
          console.error(`[OKR] command ${COMMAND_IDS[key]} returned no CommandResult`, value);
          result = errorResult(key, { message: NOT_A_RESULT[lang] }, lang);
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
