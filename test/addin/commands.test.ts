/**
 * @jest-environment jsdom
 *
 * Ribbon commands against a fake Office: every id is associated, each handler shows a readable
 * result in the notify dialog and calls event.completed() exactly once, also when the action
 * throws, when the dialog cannot open, or when nobody dismisses it. (jsdom: for notify.ts's DOM.)
 */
import {
  DIALOG_TIMEOUT_MS,
  MAX_MESSAGE_CHARS,
  buildNotifyUrl,
  commandLanguage,
  describeError,
  parseNotifyParams,
  registerCommands,
  type CommandActions,
  type CommandEventLike,
  type CommandResult,
  type DialogAsyncResultLike,
  type DialogEventArgs,
  type DialogLike,
  type DialogOptionsLike,
  type OfficeLike,
} from '../../src/commands/commands';
import { COMMAND_IDS } from '../../src/commands/ids';
import { renderNotification } from '../../src/commands/notify';

const PAGE = 'https://okr.example.com/addin/commands.html';

// ---------------------------------------------------------------------------------------------
// A fake of the Office.js slice the commands use. Enum values mimic the runtime (strings for event
// types, numbers for AsyncResultStatus as in @types/office-js) so that a mix-up would show.

class FakeDialog implements DialogLike {
  handlers = new Map<unknown, (args: DialogEventArgs) => void>();
  closed = 0;
  addEventHandler(eventType: unknown, handler: (args: DialogEventArgs) => void): void {
    this.handlers.set(eventType, handler);
  }
  close(): void {
    this.closed += 1;
  }
  /** The OK button of notify.html: Office.context.ui.messageParent('close'). */
  clickOk(): void {
    this.handlers.get('dialogMessageReceived')?.({ message: 'close', origin: 'https://okr.example.com' });
  }
  /** The person closes the dialog with its X: DialogEventReceived 12006. */
  closeByUser(): void {
    this.handlers.get('dialogEventReceived')?.({ error: 12006 });
  }
}

interface DialogCall {
  url: string;
  options: DialogOptionsLike;
  dialog: FakeDialog;
}

type DialogBehaviour = 'open' | 'fail' | 'throw';

class FakeOffice implements OfficeLike {
  associated = new Map<string, (event: CommandEventLike) => void>();
  associateCalls: string[] = [];
  dialogs: DialogCall[] = [];
  dialogBehaviour: DialogBehaviour = 'open';
  actions = {
    associate: (id: string, fn: (event: CommandEventLike) => void): void => {
      this.associateCalls.push(id);
      this.associated.set(id, fn);
    },
  };
  context: OfficeLike['context'];
  EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
  AsyncResultStatus = { Succeeded: 0, Failed: 1 };

  constructor(displayLanguage = 'zh-CN') {
    this.context = {
      displayLanguage,
      ui: {
        displayDialogAsync: (url: string, options: DialogOptionsLike, callback: (r: DialogAsyncResultLike) => void): void => {
          if (this.dialogBehaviour === 'throw') throw new Error('DialogApi not supported');
          const dialog = new FakeDialog();
          this.dialogs.push({ url, options, dialog });
          // Office calls back asynchronously.
          setTimeout(() => {
            if (this.dialogBehaviour === 'fail') {
              callback({
                status: this.AsyncResultStatus.Failed,
                value: undefined as unknown as DialogLike, // what Office passes on failure
                error: { code: 12007, message: 'A dialog box is already opened from this host window.' },
              });
            } else {
              callback({ status: this.AsyncResultStatus.Succeeded, value: dialog, error: null });
            }
          }, 0);
        },
      },
    };
  }

  /** Runs the handler Office would run for a ribbon button; resolves when completed() was called. */
  press(id: string): { event: CommandEventLike & { count: number }; done: Promise<void> } {
    const handler = this.associated.get(id);
    if (!handler) throw new Error(`nothing associated with ${id}`);
    let resolveDone: () => void = () => undefined;
    const done = new Promise<void>((r) => {
      resolveDone = r;
    });
    const event = {
      count: 0,
      completed(): void {
        event.count += 1;
        resolveDone();
      },
    };
    handler(event);
    // Fail fast (not at jest's timeout) if completed() never comes.
    const bounded = Promise.race([
      done,
      new Promise<void>((_, reject) => setTimeout(() => reject(new Error('event.completed() was not called')), 2000)),
    ]);
    return { event, done: bounded };
  }
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

async function untilDialog(office: FakeOffice, n = 1): Promise<DialogCall> {
  for (let i = 0; i < 50 && office.dialogs.length < n; i += 1) await tick();
  await tick(); // let the displayDialogAsync callback attach its handlers
  const call = office.dialogs[n - 1];
  if (!call) throw new Error('no dialog was opened');
  return call;
}

function shown(call: DialogCall): { ok: string | null; lang: string | null; title: string | null; msg: string | null } {
  const params = new URL(call.url).searchParams;
  return { ok: params.get('ok'), lang: params.get('lang'), title: params.get('title'), msg: params.get('msg') };
}

function actions(overrides: Partial<CommandActions> = {}): CommandActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    validate: overrides.validate
      ? () => (calls.push('validate'), overrides.validate!())
      : async () => (calls.push('validate'), { ok: true, title: '校验通过', message: '全部 12 张 OKR 卡符合规则。' }),
    score: overrides.score
      ? () => (calls.push('score'), overrides.score!())
      : async () => (calls.push('score'), { ok: true, title: '季度评分完成', message: '已写入 37 人的得分。' }),
  };
}

let errorSpy: jest.SpyInstance;
beforeEach(() => {
  errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  errorSpy.mockRestore();
});

// ---------------------------------------------------------------------------------------------

describe('registerCommands', () => {
  it('associates every id of COMMAND_IDS once, and nothing else', () => {
    const office = new FakeOffice();
    registerCommands(office, actions(), { notifyPageUrl: PAGE });
    expect([...office.associateCalls].sort()).toEqual(Object.values(COMMAND_IDS).sort());
    for (const fn of office.associated.values()) expect(typeof fn).toBe('function');
  });

  it('runs the action of the button pressed, shows its result, and completes when the dialog is dismissed', async () => {
    const office = new FakeOffice('zh-CN');
    const acts = actions();
    registerCommands(office, acts, { notifyPageUrl: PAGE });

    const { event, done } = office.press(COMMAND_IDS.score);
    const call = await untilDialog(office);
    expect(acts.calls).toEqual(['score']);
    expect(call.url.startsWith('https://okr.example.com/addin/notify.html?')).toBe(true);
    expect(call.options).toEqual({ height: 40, width: 32, displayInIframe: true });
    expect(shown(call)).toEqual({ ok: '1', lang: 'zh-CN', title: '季度评分完成', msg: '已写入 37 人的得分。' });
    // Still open: the command is not completed yet (completing would let Office unload the dialog).
    expect(event.count).toBe(0);

    call.dialog.clickOk();
    await done;
    expect(call.dialog.closed).toBe(1);
    expect(event.count).toBe(1);
    expect(errorSpy).not.toHaveBeenCalled();
  });

  it('shows a failed validation (ok: false) as it came, without logging an error', async () => {
    const office = new FakeOffice('en-US');
    registerCommands(
      office,
      actions({ validate: async () => ({ ok: false, title: '3 problems found', message: 'Zhang San: fewer than 3 objectives (O_COUNT).' }) }),
      { notifyPageUrl: PAGE },
    );
    const { event, done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    expect(shown(call)).toEqual({
      ok: '0',
      lang: 'en-US',
      title: '3 problems found',
      msg: 'Zhang San: fewer than 3 objectives (O_COUNT).',
    });
    call.dialog.closeByUser();
    await done;
    expect(event.count).toBe(1);
    expect(call.dialog.closed).toBe(0); // already gone
    expect(errorSpy).not.toHaveBeenCalled();
  });

  it('turns an Office error into a readable zh-CN message, logs the original, and still completes', async () => {
    const officeError = Object.assign(new Error('The operation cannot be performed in cell-edit mode.'), {
      name: 'RichApi.Error',
      code: 'InvalidOperationInCellEditMode',
    });
    const office = new FakeOffice('zh-CN');
    registerCommands(office, actions({ validate: () => Promise.reject(officeError) }), { notifyPageUrl: PAGE });

    const { event, done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    const s = shown(call);
    expect(s.ok).toBe('0');
    expect(s.title).toBe('校验未完成');
    expect(s.msg).toBe(
      'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，然后重试。\n' +
        '详细信息: InvalidOperationInCellEditMode: The operation cannot be performed in cell-edit mode.',
    );
    expect(errorSpy).toHaveBeenCalledWith(`[OKR] command ${COMMAND_IDS.validate} failed`, officeError);

    call.dialog.clickOk();
    await done;
    expect(event.count).toBe(1);
  });

  it('shows the message of a plain Error in English when Excel runs in English', async () => {
    const office = new FakeOffice('en-GB');
    const boom = new Error('Sheet "设置" has no named range OKR_CYCLE.');
    registerCommands(office, actions({ score: () => Promise.reject(boom) }), { notifyPageUrl: PAGE });
    const { event, done } = office.press(COMMAND_IDS.score);
    const call = await untilDialog(office);
    expect(shown(call)).toEqual({
      ok: '0',
      lang: 'en-US',
      title: 'Quarter scoring did not complete',
      msg: 'Sheet "设置" has no named range OKR_CYCLE.',
    });
    expect(errorSpy).toHaveBeenCalledWith(`[OKR] command ${COMMAND_IDS.score} failed`, boom);
    call.dialog.clickOk();
    await done;
    expect(event.count).toBe(1);
  });

  it('completes even when the action throws synchronously or returns something that is not a result', async () => {
    const office = new FakeOffice('en-US');
    registerCommands(
      office,
      {
        validate: () => {
          throw new TypeError('cannot read properties of undefined');
        },
        score: async () => undefined as unknown as CommandResult,
      },
      { notifyPageUrl: PAGE },
    );
    const first = office.press(COMMAND_IDS.validate);
    const call1 = await untilDialog(office, 1);
    expect(shown(call1).msg).toBe('cannot read properties of undefined');
    call1.dialog.clickOk();
    await first.done;
    expect(first.event.count).toBe(1);

    const second = office.press(COMMAND_IDS.score);
    const call2 = await untilDialog(office, 2);
    expect(shown(call2)).toMatchObject({ ok: '0', msg: 'The command returned no result.' });
    call2.dialog.clickOk();
    await second.done;
    expect(second.event.count).toBe(1);
    expect(errorSpy).toHaveBeenCalledTimes(2);
  });

  it('completes and logs the result when the dialog cannot open (e.g. 12007, another dialog is open)', async () => {
    const office = new FakeOffice('zh-CN');
    office.dialogBehaviour = 'fail';
    registerCommands(office, actions(), { notifyPageUrl: PAGE });
    const { event, done } = office.press(COMMAND_IDS.validate);
    await done;
    expect(event.count).toBe(1);
    const logged = errorSpy.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toContain('12007');
    expect(logged).toContain('校验通过'); // the result is not lost
    expect(logged).toContain('全部 12 张 OKR 卡符合规则。');
  });

  it('completes when displayDialogAsync itself throws', async () => {
    const office = new FakeOffice('en-US');
    office.dialogBehaviour = 'throw';
    registerCommands(office, actions(), { notifyPageUrl: PAGE });
    const { event, done } = office.press(COMMAND_IDS.score);
    await done;
    expect(event.count).toBe(1);
    expect(String(errorSpy.mock.calls[0]?.[0])).toContain('DialogApi not supported');
  });

  it('closes the dialog and completes after the timeout when nobody dismisses it', async () => {
    const office = new FakeOffice('en-US');
    const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
    registerCommands(office, actions(), {
      notifyPageUrl: PAGE,
      setTimer: (fn, ms) => {
        timers.push({ fn, ms, cleared: false });
        return timers.length - 1;
      },
      clearTimer: (h) => {
        (timers[h as number] as { cleared: boolean }).cleared = true;
      },
    });
    const { event, done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBe(DIALOG_TIMEOUT_MS);
    expect(event.count).toBe(0);
    timers[0]?.fn();
    await done;
    expect(call.dialog.closed).toBe(1);
    expect(event.count).toBe(1);
    // A late click changes nothing.
    call.dialog.clickOk();
    await tick();
    expect(call.dialog.closed).toBe(1);
    expect(event.count).toBe(1);
  });

  it('clears the timeout when the dialog is dismissed', async () => {
    const office = new FakeOffice('en-US');
    const cleared: unknown[] = [];
    registerCommands(office, actions(), {
      notifyPageUrl: PAGE,
      setTimer: () => 'handle-1',
      clearTimer: (h) => cleared.push(h),
    });
    const { done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    call.dialog.clickOk();
    await done;
    expect(cleared).toEqual(['handle-1']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('presentation helpers', () => {
  it('picks zh-CN for any Chinese Office language, en-US otherwise', () => {
    expect(commandLanguage('zh-CN')).toBe('zh-CN');
    expect(commandLanguage('zh-TW')).toBe('zh-CN');
    expect(commandLanguage('ZH-cn')).toBe('zh-CN');
    expect(commandLanguage('en-US')).toBe('en-US');
    expect(commandLanguage('de-DE')).toBe('en-US');
    expect(commandLanguage(undefined)).toBe('en-US');
    expect(commandLanguage('')).toBe('en-US');
  });

  it('describes errors in words', () => {
    expect(describeError({ code: 'AccessDenied', message: 'Access denied.' }, 'en-US')).toBe(
      // One Excel-error table for the pane and the ribbon (src/i18n/*/excel.ts).
      'The sheet is protected, so nothing could be written. Unprotect it first, or ask the workbook owner (or you may not have permission to edit it).\n' +
        'Details: AccessDenied: Access denied.',
    );
    expect(describeError({ code: 'SomethingNew', message: 'It broke.' }, 'en-US')).toBe('It broke. (SomethingNew)');
    expect(describeError({ code: 'SomethingNew' }, 'zh-CN')).toBe('发生了未知错误。 (SomethingNew)');
    expect(describeError('  plain text  ', 'en-US')).toBe('plain text');
    expect(describeError(undefined, 'zh-CN')).toBe('发生了未知错误。');
    expect(describeError(42, 'en-US')).toBe('An unknown error occurred.');
  });

  it('builds a notify URL that carries any text through, and parses it back', () => {
    const result: CommandResult = {
      ok: false,
      title: '校验发现 2 个问题 & 1 个警告',
      message: '张三：目标少于 3 个（O_COUNT）。\n李四 #2: <b>KR</b> 100% ?a=b&c=d',
    };
    const url = buildNotifyUrl(PAGE, result, 'zh-CN');
    expect(url.startsWith('https://okr.example.com/addin/notify.html?ok=0&lang=zh-CN&title=')).toBe(true);
    expect(new URL(url).hash).toBe('');
    expect(parseNotifyParams(new URL(url).search)).toEqual({
      ok: false,
      lang: 'zh-CN',
      title: result.title,
      message: result.message,
    });
  });

  it('cuts long messages (by code point) with an ellipsis', () => {
    const long = '😀'.repeat(MAX_MESSAGE_CHARS + 50);
    const url = buildNotifyUrl(PAGE, { ok: true, title: 't', message: long }, 'en-US');
    const parsed = parseNotifyParams(new URL(url).search);
    const chars = Array.from(parsed.message);
    expect(chars).toHaveLength(MAX_MESSAGE_CHARS);
    expect(chars[chars.length - 1]).toBe('…');
    expect(chars.slice(0, -1).every((c) => c === '😀')).toBe(true);
  });

  it('parses a bare notify URL to safe defaults', () => {
    expect(parseNotifyParams('')).toEqual({ ok: false, lang: 'en-US', title: '', message: '' });
  });
});

describe('notify page', () => {
  function page(): Document {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML =
      '<div id="badge"></div><p id="kind"></p><h1 id="title"></h1><p id="message"></p><button id="ok">OK</button>';
    return doc;
  }

  it('renders the result as text, never as markup', () => {
    const doc = page();
    renderNotification(doc, { ok: false, lang: 'zh-CN', title: '校验<b>失败</b>', message: '<img src=x onerror=alert(1)>\n第二行' });
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.getElementById('title')?.textContent).toBe('校验<b>失败</b>');
    expect(doc.getElementById('message')?.textContent).toBe('<img src=x onerror=alert(1)>\n第二行');
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('#title b')).toBeNull();
    expect(doc.getElementById('ok')?.textContent).toBe('确定');
    expect(doc.body.classList.contains('problem')).toBe(true);
    expect(doc.title).toBe('校验<b>失败</b> - OKR 工作簿');
  });

  it('renders a success in English', () => {
    const doc = page();
    renderNotification(doc, { ok: true, lang: 'en-US', title: 'Validation passed', message: 'All good.' });
    expect(doc.getElementById('ok')?.textContent).toBe('OK');
    expect(doc.getElementById('kind')?.textContent).toBe('OKR Workbook · Done');
    expect(doc.body.classList.contains('problem')).toBe(false);
  });
});
