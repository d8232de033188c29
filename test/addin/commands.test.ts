/**
 * @jest-environment jsdom
 *
 * Ribbon commands against a fake Office: every id is associated, each handler shows a readable
 * result in the notify dialog and calls event.completed() exactly once, also when the action
 * throws, when the dialog cannot open, or when nobody dismisses it. The dialog page (notify.ts)
 * runs for real in a jsdom document, wired to the fake: what a test reads is what the person sees.
 * Each way the result can reach the page is an option of the fake: shared storage, storage the
 * page does not see (partitioned) with or without DialogApi 1.2, storage that refuses writes, a
 * dialog Office fails to open (5001) or whose page fails to load (12002).
 */
import {
  COMMAND_LIFETIME_MS,
  DIALOG_CLOSE_MARGIN_MS,
  HANDOVER_MAX_AGE_MS,
  HANDOVER_PREFIX,
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
  type RegisterOptions,
  type StorageLike,
} from '../../src/commands/commands';
import { COMMAND_IDS } from '../../src/commands/ids';
import { renderNotification, startNotifyPage, type DialogPageOffice } from '../../src/commands/notify';

const PAGE = 'https://okr.example.com/addin/commands.html';

// ---------------------------------------------------------------------------------------------
// Fakes. Enum values mimic the runtime (strings for event types, numbers for AsyncResultStatus as
// in @types/office-js) so that a mix-up would show.

/** localStorage in memory; `refuseWrites` is a full quota or storage disabled. */
class MemoryStorage implements StorageLike {
  items = new Map<string, string>();
  refuseWrites = false;
  get length(): number {
    return this.items.size;
  }
  key(i: number): string | null {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.refuseWrites) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

const SUCCEEDED = 0;
const FAILED = 1;

/** What the page shows, read from its document. */
interface Seen {
  ok: boolean;
  lang: string;
  title: string;
  message: string;
}

class FakeDialog implements DialogLike {
  handlers = new Map<unknown, (args: DialogEventArgs) => void>();
  closed = 0;
  sentToChild: string[] = [];
  doc: Document | undefined;
  private childHandler: ((arg: { message: string }) => void) | undefined;
  constructor(private readonly office: FakeOffice, readonly url: string) {}
  addEventHandler(eventType: unknown, handler: (args: DialogEventArgs) => void): void {
    this.handlers.set(eventType, handler);
  }
  close(): void {
    this.closed += 1;
  }
  messageChild(message: string): void {
    this.sentToChild.push(message);
    setTimeout(() => this.childHandler?.({ message }), 0);
  }
  /** notify.html loads in the dialog: notify.ts runs in a document of its own, with the page's storage. */
  load(): Document {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML =
      '<div id="badge"></div><p id="kind"></p><h1 id="title"></h1><p id="message"></p><button id="ok">OK</button>';
    const office = this.office;
    const pageOffice: DialogPageOffice = {
      onReady: () => Promise.resolve({ host: 'Excel' }),
      context: {
        requirements: { isSetSupported: (name, v) => name === 'DialogApi' && (v === '1.1' || (v === '1.2' && office.dialogApi12)) },
        ui: {
          messageParent: (message) => {
            setTimeout(() => this.handlers.get('dialogMessageReceived')?.({ message, origin: 'https://okr.example.com' }), 0);
          },
          addHandlerAsync: (eventType, handler, callback) => {
            if (eventType === 'dialogParentMessageReceived') this.childHandler = handler;
            setTimeout(() => callback?.({ status: SUCCEEDED }), 0);
          },
        },
      },
      EventType: { DialogParentMessageReceived: 'dialogParentMessageReceived' },
      AsyncResultStatus: { Succeeded: SUCCEEDED },
    };
    startNotifyPage(doc, new URL(this.url).search, office.pageStorage, pageOffice, () => undefined);
    this.doc = doc;
    return doc;
  }
  seen(): Seen {
    const doc = this.doc ?? this.load();
    return {
      ok: !doc.body.classList.contains('problem'),
      lang: doc.documentElement.lang,
      title: doc.getElementById('title')?.textContent ?? '',
      message: doc.getElementById('message')?.textContent ?? '',
    };
  }
  /** The OK button of notify.html: Office.context.ui.messageParent('close'). */
  async clickOk(): Promise<void> {
    (this.doc ?? this.load()).getElementById('ok')?.click();
    await ticks(3);
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

/**
 * How displayDialogAsync behaves: opens; fails (12007, another dialog is open) every time; fails
 * with 5001 the first time only (a URL Excel on the web did not take); throws; opens a page that
 * fails to load (12002) the first time only.
 */
type DialogBehaviour = 'open' | 'fail' | 'fail-once' | 'throw' | 'page-fails-once';

class FakeOffice implements OfficeLike {
  associated = new Map<string, (event: CommandEventLike) => void>();
  associateCalls: string[] = [];
  dialogs: DialogCall[] = [];
  dialogBehaviour: DialogBehaviour = 'open';
  /** DialogApi 1.2 (messageChild). */
  dialogApi12 = true;
  /** The function file's storage. */
  storage = new MemoryStorage();
  /** The dialog page's storage: the same one, unless the host partitions it. */
  pageStorage: MemoryStorage = this.storage;
  actions = {
    associate: (id: string, fn: (event: CommandEventLike) => void): void => {
      this.associateCalls.push(id);
      this.associated.set(id, fn);
    },
  };
  context: OfficeLike['context'];
  EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' };
  AsyncResultStatus = { Succeeded: SUCCEEDED, Failed: FAILED };

  constructor(displayLanguage = 'zh-CN') {
    this.context = {
      displayLanguage,
      requirements: { isSetSupported: (name, v) => name === 'DialogApi' && (v === '1.1' || (v === '1.2' && this.dialogApi12)) },
      ui: {
        displayDialogAsync: (url: string, options: DialogOptionsLike, callback: (r: DialogAsyncResultLike) => void): void => {
          if (this.dialogBehaviour === 'throw') throw new Error('DialogApi not supported');
          const first = this.dialogs.length === 0;
          const dialog = new FakeDialog(this, url);
          this.dialogs.push({ url, options, dialog });
          const failWith = this.dialogBehaviour === 'fail' ? 12007 : this.dialogBehaviour === 'fail-once' && first ? 5001 : undefined;
          // Office calls back asynchronously.
          setTimeout(() => {
            if (failWith !== undefined) {
              callback({
                status: FAILED,
                value: undefined as unknown as DialogLike, // what Office passes on failure
                error: { code: failWith, message: failWith === 5001 ? 'An internal error has occurred.' : 'A dialog box is already opened from this host window.' },
              });
              return;
            }
            callback({ status: SUCCEEDED, value: dialog, error: null });
            if (this.dialogBehaviour === 'page-fails-once' && first) setTimeout(() => dialog.handlers.get('dialogEventReceived')?.({ error: 12002 }), 0);
          }, 0);
        },
      },
    };
  }

  /** Partitioned storage: the dialog page does not see what the function file stored. */
  partition(): void {
    this.pageStorage = new MemoryStorage();
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
async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) await tick();
}

async function untilDialog(office: FakeOffice, n = 1): Promise<DialogCall> {
  for (let i = 0; i < 50 && office.dialogs.length < n; i += 1) await tick();
  await ticks(2); // let the displayDialogAsync callback attach its handlers
  const call = office.dialogs[n - 1];
  if (!call) throw new Error('no dialog was opened');
  return call;
}

/** The URL's own parameters (what travels in the query string). */
function inUrl(call: DialogCall): Record<string, string | null> {
  const p = new URL(call.url).searchParams;
  return { ok: p.get('ok'), lang: p.get('lang'), key: p.get('key'), title: p.get('title'), msg: p.get('msg') };
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

function register(office: FakeOffice, acts: CommandActions, options: RegisterOptions = {}): void {
  registerCommands(office, acts, { notifyPageUrl: PAGE, storage: office.storage, ...options });
}

/** A long validation result: 900 characters of Chinese on many lines, as a big workbook gives. */
const LONG: CommandResult = {
  ok: false,
  title: '校验结果',
  message: ['发现 57 个错误，12 个提醒。', ...Array.from({ length: 40 }, (_, i) => `• 个人-员工${i + 1}!P${7 + i}：自评分超出0-1范围。`)].join('\n'),
};

let errorSpy: jest.SpyInstance;
let warnSpy: jest.SpyInstance;
beforeEach(() => {
  errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  warnSpy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  errorSpy.mockRestore();
  warnSpy.mockRestore();
});

// ---------------------------------------------------------------------------------------------

describe('registerCommands', () => {
  it('associates every id of COMMAND_IDS once, and nothing else', () => {
    const office = new FakeOffice();
    register(office, actions());
    expect([...office.associateCalls].sort()).toEqual(Object.values(COMMAND_IDS).sort());
    for (const fn of office.associated.values()) expect(typeof fn).toBe('function');
  });

  it('runs the action of the button pressed, shows its result, and completes when the dialog is dismissed', async () => {
    const office = new FakeOffice('zh-CN');
    const acts = actions();
    register(office, acts);

    const { event, done } = office.press(COMMAND_IDS.score);
    const call = await untilDialog(office);
    expect(acts.calls).toEqual(['score']);
    expect(call.url.startsWith('https://okr.example.com/addin/notify.html?')).toBe(true);
    expect(call.options).toEqual({ height: 40, width: 32, displayInIframe: true });
    expect(call.dialog.seen()).toEqual({ ok: true, lang: 'zh-CN', title: '季度评分完成', message: '已写入 37 人的得分。' });
    // Still open: the command is not completed yet (completing would let Office unload the dialog).
    expect(event.count).toBe(0);

    await call.dialog.clickOk();
    await done;
    expect(call.dialog.closed).toBe(1);
    expect(event.count).toBe(1);
    expect(errorSpy).not.toHaveBeenCalled();
  });

  it('shows a failed validation (ok: false) as it came, without logging an error', async () => {
    const office = new FakeOffice('en-US');
    register(office, actions({ validate: async () => ({ ok: false, title: '3 problems found', message: 'Zhang San: fewer than 3 objectives (O_COUNT).' }) }));
    const { event, done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    expect(call.dialog.seen()).toEqual({ ok: false, lang: 'en-US', title: '3 problems found', message: 'Zhang San: fewer than 3 objectives (O_COUNT).' });
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
    register(office, actions({ validate: () => Promise.reject(officeError) }));

    const { event, done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    expect(call.dialog.seen()).toEqual({
      ok: false,
      lang: 'zh-CN',
      title: '校验未完成',
      message:
        'Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑，然后重试。\n' +
        '详细信息: InvalidOperationInCellEditMode: The operation cannot be performed in cell-edit mode.',
    });
    expect(errorSpy).toHaveBeenCalledWith(`[OKR] command ${COMMAND_IDS.validate} failed`, officeError);

    await call.dialog.clickOk();
    await done;
    expect(event.count).toBe(1);
  });

  it('shows the message of a plain Error in English when Excel runs in English', async () => {
    const office = new FakeOffice('en-GB');
    const boom = new Error('Sheet "设置" has no named range OKR_CYCLE.');
    register(office, actions({ score: () => Promise.reject(boom) }));
    const { event, done } = office.press(COMMAND_IDS.score);
    const call = await untilDialog(office);
    expect(call.dialog.seen()).toEqual({ ok: false, lang: 'en-US', title: 'Quarter scoring did not complete', message: 'Sheet "设置" has no named range OKR_CYCLE.' });
    expect(errorSpy).toHaveBeenCalledWith(`[OKR] command ${COMMAND_IDS.score} failed`, boom);
    await call.dialog.clickOk();
    await done;
    expect(event.count).toBe(1);
  });

  it('completes even when the action throws synchronously or returns something that is not a result', async () => {
    const office = new FakeOffice('en-US');
    register(office, {
      validate: () => {
        throw new TypeError('cannot read properties of undefined');
      },
      score: async () => undefined as unknown as CommandResult,
    });
    const first = office.press(COMMAND_IDS.validate);
    const call1 = await untilDialog(office, 1);
    expect(call1.dialog.seen().message).toBe('cannot read properties of undefined');
    await call1.dialog.clickOk();
    await first.done;
    expect(first.event.count).toBe(1);

    const second = office.press(COMMAND_IDS.score);
    const call2 = await untilDialog(office, 2);
    expect(call2.dialog.seen()).toMatchObject({ ok: false, message: 'The command returned no result.' });
    await call2.dialog.clickOk();
    await second.done;
    expect(second.event.count).toBe(1);
    expect(errorSpy).toHaveBeenCalledTimes(2);
  });

  it('waits for Office to be ready before it reads the language or runs the action (associated at once, clicked early)', async () => {
    const office = new FakeOffice('zh-CN');
    const ctx = office.context;
    // Before Office.onReady, Office.context is not there yet.
    (office as { context: unknown }).context = undefined;
    let becomeReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => (becomeReady = r));
    const acts = actions();
    register(office, acts, { ready: () => ready });
    expect(office.associateCalls).toHaveLength(2); // associated before ready

    const { event, done } = office.press(COMMAND_IDS.validate);
    await ticks(5);
    expect(acts.calls).toEqual([]);
    expect(office.dialogs).toHaveLength(0);
    office.context = ctx;
    becomeReady();
    const call = await untilDialog(office);
    expect(acts.calls).toEqual(['validate']);
    expect(call.dialog.seen()).toMatchObject({ lang: 'zh-CN', title: '校验通过' });
    await call.dialog.clickOk();
    await done;
    expect(event.count).toBe(1);
  });
});

describe('the result reaches the dialog', () => {
  it('by storage: the URL carries a short key and a one-line summary, never the long text or an escaped line break', async () => {
    const office = new FakeOffice('zh-CN');
    register(office, actions({ validate: async () => LONG }), { newKey: () => 'k3y9' });
    const { done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);

    expect(Array.from(LONG.message).length).toBeGreaterThan(900);
    const url = inUrl(call);
    expect(url).toMatchObject({ ok: '0', lang: 'zh-CN', key: 'k3y9', title: '校验结果' });
    expect(url.msg).not.toContain('\n');
    expect(Array.from(url.msg ?? '')).toHaveLength(MAX_MESSAGE_CHARS);
    expect(call.url).not.toMatch(/%0A|%0D/i);
    // Under 2 KB even in Chinese (before: about 8 KB for the same result).
    expect(call.url.length).toBeLessThan(2048);
    expect(buildNotifyUrl(PAGE, LONG, 'zh-CN').length).toBeLessThan(2048);

    expect(office.storage.getItem(`${HANDOVER_PREFIX}k3y9`)).not.toBeNull();
    // The page shows the whole result, line breaks and all, and removes the entry.
    expect(call.dialog.seen()).toEqual({ ok: false, lang: 'zh-CN', title: '校验结果', message: LONG.message });
    expect(office.storage.getItem(`${HANDOVER_PREFIX}k3y9`)).toBeNull();
    expect(call.dialog.sentToChild).toEqual([]);
    await call.dialog.clickOk();
    await done;
  });

  it('by messageChild (DialogApi 1.2) when the page does not see the storage (partitioned)', async () => {
    const office = new FakeOffice('zh-CN');
    office.partition();
    register(office, actions({ validate: async () => LONG }));
    const { event, done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    call.dialog.load();
    // First the URL's summary, then the whole result once the function file answered.
    expect(call.dialog.seen().message).toBe(inUrl(call).msg);
    await ticks(6);
    expect(call.dialog.sentToChild).toHaveLength(1);
    expect(call.dialog.seen()).toEqual({ ok: false, lang: 'zh-CN', title: '校验结果', message: LONG.message });
    expect(event.count).toBe(0); // asking for the result is not dismissing
    expect(call.dialog.closed).toBe(0);
    await call.dialog.clickOk();
    await done;
    expect(call.dialog.closed).toBe(1);
  });

  it('by messageChild when storage refuses the write (quota, storage disabled)', async () => {
    const office = new FakeOffice('en-US');
    office.storage.refuseWrites = true;
    register(office, actions({ validate: async () => LONG }));
    const { done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    call.dialog.load();
    await ticks(6);
    expect(call.dialog.seen().message).toBe(LONG.message);
    expect(String(warnSpy.mock.calls[0]?.[0])).toMatch(/not stored.*quota has been exceeded/);
    await call.dialog.clickOk();
    await done;
  });

  it('as the URL\'s one-line summary when neither storage nor DialogApi 1.2 reaches the page', async () => {
    const office = new FakeOffice('zh-CN');
    office.partition();
    office.dialogApi12 = false;
    register(office, actions({ validate: async () => LONG }));
    const { done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    call.dialog.load();
    await ticks(6);
    const seen = call.dialog.seen();
    expect(seen).toMatchObject({ ok: false, title: '校验结果' });
    expect(seen.message.startsWith('发现 57 个错误，12 个提醒。 • 个人-员工1!P7：自评分超出0-1范围。')).toBe(true);
    expect(seen.message.endsWith('…')).toBe(true);
    expect(call.dialog.sentToChild).toEqual([]);
    await call.dialog.clickOk();
    await done;
  });

  it('removes stored results older than 10 minutes (dialogs that never read theirs)', async () => {
    const office = new FakeOffice('en-US');
    let now = 1_000_000_000;
    office.storage.setItem(`${HANDOVER_PREFIX}old`, JSON.stringify({ ok: true, lang: 'en-US', title: 't', message: 'm', t: now - HANDOVER_MAX_AGE_MS - 1 }));
    office.storage.setItem(`${HANDOVER_PREFIX}recent`, JSON.stringify({ ok: true, lang: 'en-US', title: 't', message: 'm', t: now - 1000 }));
    office.storage.setItem(`${HANDOVER_PREFIX}junk`, '{not json');
    office.storage.setItem('someone-else', 'kept');
    office.partition(); // the new entry stays in storage, so it can be seen
    register(office, actions(), { now: () => now, newKey: () => 'new1' });
    const { done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    expect([...office.storage.items.keys()].sort()).toEqual([`${HANDOVER_PREFIX}new1`, `${HANDOVER_PREFIX}recent`, 'someone-else']);
    now += 1;
    await call.dialog.clickOk();
    await done;
  });
});

describe('when the dialog fails', () => {
  it('tries once more with a short message when Office fails the dialog (5001), and that one is shown', async () => {
    const office = new FakeOffice('zh-CN');
    office.dialogBehaviour = 'fail-once';
    office.partition();
    office.dialogApi12 = false; // the worst case: only the URL reaches the page
    register(office, actions({ validate: async () => LONG }));
    const { event, done } = office.press(COMMAND_IDS.validate);
    const second = await untilDialog(office, 2);
    expect(second.url.length).toBeLessThan(office.dialogs[0]!.url.length);
    expect(second.dialog.seen()).toEqual({
      ok: false,
      lang: 'zh-CN',
      title: '校验结果',
      message: '发现 57 个错误，12 个提醒。 此处无法显示完整结果。请打开OKR面板（开始 > OKR > 打开OKR面板），在面板中重做这一步查看。',
    });
    expect(String(warnSpy.mock.calls.find((c) => /failed/.test(String(c[0])))?.[0])).toContain('5001');
    await second.dialog.clickOk();
    await done;
    expect(event.count).toBe(1);
    expect(errorSpy).not.toHaveBeenCalled();
  });

  it('the second try still hands over the whole result when storage works', async () => {
    const office = new FakeOffice('en-US');
    office.dialogBehaviour = 'fail-once';
    register(office, actions({ validate: async () => LONG }));
    const { done } = office.press(COMMAND_IDS.validate);
    const second = await untilDialog(office, 2);
    expect(inUrl(second).msg).toBe('发现 57 个错误，12 个提醒。 The full result could not be shown here. Open the OKR pane (Home > OKR > Open OKR pane) and repeat this step there to see it.');
    expect(second.dialog.seen().message).toBe(LONG.message);
    await second.dialog.clickOk();
    await done;
  });

  it('tries once more when the page fails to load (12002), closing the failed dialog', async () => {
    const office = new FakeOffice('en-US');
    office.dialogBehaviour = 'page-fails-once';
    register(office, actions());
    const { event, done } = office.press(COMMAND_IDS.validate);
    const second = await untilDialog(office, 2);
    expect(office.dialogs[0]!.dialog.closed).toBe(1);
    expect(second.dialog.seen()).toMatchObject({ title: '校验通过' });
    expect(event.count).toBe(0);
    await second.dialog.clickOk();
    await done;
    expect(event.count).toBe(1);
  });

  it('completes and logs the whole result when the dialog cannot open twice (12007, another dialog is open)', async () => {
    const office = new FakeOffice('zh-CN');
    office.dialogBehaviour = 'fail';
    register(office, actions());
    const { event, done } = office.press(COMMAND_IDS.validate);
    await done;
    expect(event.count).toBe(1);
    expect(office.dialogs).toHaveLength(2);
    const logged = errorSpy.mock.calls.map((c) => String(c[0])).join('\n');
    expect(logged).toContain('12007');
    expect(logged).toContain('校验通过'); // the result is not lost
    expect(logged).toContain('全部 12 张 OKR 卡符合规则。');
  });

  it('completes when displayDialogAsync itself throws', async () => {
    const office = new FakeOffice('en-US');
    office.dialogBehaviour = 'throw';
    register(office, actions());
    const { event, done } = office.press(COMMAND_IDS.score);
    await done;
    expect(event.count).toBe(1);
    expect(String(errorSpy.mock.calls[0]?.[0])).toContain('DialogApi not supported');
  });
});

describe('the 5 minutes from the click', () => {
  function timersOf(): { timers: { fn: () => void; ms: number; cleared: boolean }[]; options: RegisterOptions } {
    const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
    return {
      timers,
      options: {
        setTimer: (fn, ms) => {
          timers.push({ fn, ms, cleared: false });
          return timers.length - 1;
        },
        clearTimer: (h) => {
          (timers[h as number] as { cleared: boolean }).cleared = true;
        },
      },
    };
  }

  it('closes the dialog and completes when what is left of them is up, counted from the click, not from the dialog', async () => {
    const office = new FakeOffice('en-US');
    let now = 5_000_000;
    const { timers, options } = timersOf();
    register(
      office,
      actions({
        validate: async () => {
          now += 100_000; // the action took 100 s
          return { ok: true, title: 'Validation', message: 'All good.' };
        },
      }),
      { ...options, now: () => now },
    );
    const { event, done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.ms).toBe(COMMAND_LIFETIME_MS - DIALOG_CLOSE_MARGIN_MS - 100_000);
    expect(COMMAND_LIFETIME_MS).toBe(5 * 60 * 1000);
    expect(event.count).toBe(0);
    timers[0]?.fn();
    await done;
    expect(call.dialog.closed).toBe(1);
    expect(event.count).toBe(1);
    // A late click changes nothing.
    await call.dialog.clickOk();
    expect(call.dialog.closed).toBe(1);
    expect(event.count).toBe(1);
  });

  it('shows no dialog when the action used up the time, logs the result and completes', async () => {
    const office = new FakeOffice('en-US');
    let now = 0;
    register(office, actions({ score: async () => ((now += COMMAND_LIFETIME_MS - DIALOG_CLOSE_MARGIN_MS), { ok: true, title: 'Quarter scoring', message: 'Wrote it.' }) }), { now: () => now });
    const { event, done } = office.press(COMMAND_IDS.score);
    await done;
    expect(event.count).toBe(1);
    expect(office.dialogs).toHaveLength(0);
    expect(String(errorSpy.mock.calls[0]?.[0])).toMatch(/5 minutes.*Quarter scoring\nWrote it\./s);
  });

  it('clears the timer when the dialog is dismissed', async () => {
    const office = new FakeOffice('en-US');
    const cleared: unknown[] = [];
    register(office, actions(), { setTimer: () => 'handle-1', clearTimer: (h) => cleared.push(h) });
    const { done } = office.press(COMMAND_IDS.validate);
    const call = await untilDialog(office);
    await call.dialog.clickOk();
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

  it('builds a notify URL that carries any text through on one line, with its key, and parses it back', () => {
    const result: CommandResult = {
      ok: false,
      title: '校验发现 2 个问题 & 1 个警告',
      message: '张三：目标少于 3 个（O_COUNT）。\r\n李四 #2: <b>KR</b> 100% ?a=b&c=d',
    };
    const url = buildNotifyUrl(PAGE, result, 'zh-CN', 'abc123');
    expect(url.startsWith('https://okr.example.com/addin/notify.html?ok=0&lang=zh-CN&key=abc123&title=')).toBe(true);
    expect(new URL(url).hash).toBe('');
    expect(parseNotifyParams(new URL(url).search)).toEqual({
      ok: false,
      lang: 'zh-CN',
      key: 'abc123',
      title: result.title,
      message: '张三：目标少于 3 个（O_COUNT）。 李四 #2: <b>KR</b> 100% ?a=b&c=d',
    });
    // A key that is not ours is ignored, never looked up.
    expect(parseNotifyParams('?key=../x&ok=1').key).toBe('');
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
    expect(parseNotifyParams('')).toEqual({ ok: false, lang: 'en-US', key: '', title: '', message: '' });
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
