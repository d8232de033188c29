/**
 * A fake `Office` global (what an add-in touches outside Excel.run) and the installer that puts
 * `Excel`, `Office` and `OfficeExtension` on globalThis (jest) or window (browser e2e).
 */

import { FakeClientResult } from './core';
import { ErrorCodes, FakeNotImplementedError, FakeOfficeError } from './errors';

export type OfficePlatform = 'OfficeOnline' | 'PC' | 'Mac' | 'iOS' | 'Android' | 'Universal';

export interface OfficeThemeLike {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme: boolean;
  themeId?: string;
}

export const LIGHT_THEME: OfficeThemeLike = {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#262626',
  isDarkTheme: false,
};

export const DARK_THEME: OfficeThemeLike = {
  bodyBackgroundColor: '#262626',
  bodyForegroundColor: '#FFFFFF',
  controlBackgroundColor: '#1F1F1F',
  controlForegroundColor: '#F0F0F0',
  isDarkTheme: true,
};

/** The event object passed to a ribbon command handler; records completed() calls. */
export interface FakeAddinCommandEvent {
  source: { id: string };
  completed(options?: { allowEvent?: boolean }): void;
  /** how many times completed() was called (a command must call it exactly once) */
  completedCalls: number;
}

export type ActionHandler = (event: FakeAddinCommandEvent) => unknown;

/** Test-side controls of the fake Office global. */
export interface FakeOfficeControls {
  /** ids registered with Office.actions.associate, in order */
  readonly associations: Map<string, ActionHandler>;
  /** calls a registered command like a ribbon click; resolves once the handler's promise settles */
  invokeAction(id: string): Promise<FakeAddinCommandEvent>;
  /** requirement sets: name → highest supported version ("ExcelApi" → "1.12"); omit a set to make it unsupported */
  setApiSets(sets: Record<string, string>): void;
  isSetSupported(name: string, version?: string): boolean;
  setDisplayLanguage(language: string): void;
  setTheme(theme: Partial<OfficeThemeLike>): void;
  /** calls Office.initialize(reason) if the page assigned one */
  fireInitialize(reason?: string): void;
  /** Office.addin.* calls (showAsTaskpane, hide, …) in order */
  readonly addinCalls: string[];
}

export interface FakeOffice {
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
  AsyncResultStatus: { Succeeded: string; Failed: string };
  onReady(callback?: (info: { host: string; platform: string }) => unknown): Promise<{ host: string; platform: string }>;
  initialize: ((reason: string) => void) | undefined;
  context: {
    host: string;
    platform: string;
    displayLanguage: string;
    contentLanguage: string;
    officeTheme: OfficeThemeLike;
    diagnostics: { host: string; platform: string; version: string };
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    document: {
      url: string;
      settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(callback?: (result: { status: string }) => void): void;
      };
    };
    ui: { displayDialogAsync(): never; messageParent(): never };
  };
  actions: { associate(actionId: string, actionFunction: ActionHandler): void };
  addin: {
    showAsTaskpane(): Promise<void>;
    hide(): Promise<void>;
    onVisibilityModeChanged(handler: (args: { visibilityMode: string }) => void): Promise<() => Promise<void>>;
    setStartupBehavior(behavior: string): Promise<void>;
    getStartupBehavior(): Promise<string>;
  };
}

export const DEFAULT_API_SETS: Record<string, string> = {
  ExcelApi: '1.17',
  ExcelApiOnline: '1.1',
  AddinCommands: '1.3',
  DialogApi: '1.2',
  RibbonApi: '1.2',
  SharedRuntime: '1.1',
  IdentityAPI: '1.3',
};

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function createFakeOffice(options: {
  apiSets: Record<string, string>;
  platform: OfficePlatform;
  displayLanguage: string;
  theme: OfficeThemeLike;
}): { office: FakeOffice; controls: FakeOfficeControls } {
  let apiSets = { ...options.apiSets };
  const associations = new Map<string, ActionHandler>();
  const addinCalls: string[] = [];
  const docSettings = new Map<string, unknown>();
  const isSetSupported = (name: string, version?: string | number): boolean => {
    const have = apiSets[name];
    if (have === undefined) return false;
    return compareVersions(have, version === undefined ? '1.1' : String(version)) >= 0;
  };
  const info = { host: 'Excel', platform: options.platform };
  const office: FakeOffice = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(callback) {
      const p = Promise.resolve({ ...info });
      if (callback) void p.then((i) => callback(i));
      return p;
    },
    initialize: undefined,
    context: {
      host: 'Excel',
      platform: options.platform,
      displayLanguage: options.displayLanguage,
      contentLanguage: options.displayLanguage,
      officeTheme: { ...options.theme },
      diagnostics: { host: 'Excel', platform: options.platform, version: '16.0.18000.10000' },
      requirements: { isSetSupported },
      document: {
        url: 'https://fake.example/Book1.xlsx',
        settings: {
          get: (name) => (docSettings.has(name) ? docSettings.get(name) : null),
          set: (name, value) => {
            docSettings.set(name, JSON.parse(JSON.stringify(value)) as unknown);
          },
          remove: (name) => {
            docSettings.delete(name);
          },
          saveAsync: (callback) => {
            if (callback) setTimeout(() => callback({ status: 'succeeded' }), 0);
          },
        },
      },
      ui: {
        displayDialogAsync: () => {
          throw new FakeNotImplementedError('Office.context.ui.displayDialogAsync');
        },
        messageParent: () => {
          throw new FakeNotImplementedError('Office.context.ui.messageParent');
        },
      },
    },
    actions: {
      associate(actionId, actionFunction) {
        if (typeof actionId !== 'string' || typeof actionFunction !== 'function') {
          throw new TypeError('Office.actions.associate(actionId: string, actionFunction: function)');
        }
        associations.set(actionId, actionFunction);
      },
    },
    addin: {
      showAsTaskpane: async () => {
        addinCalls.push('showAsTaskpane');
      },
      hide: async () => {
        addinCalls.push('hide');
      },
      onVisibilityModeChanged: async () => {
        addinCalls.push('onVisibilityModeChanged');
        return async () => undefined;
      },
      setStartupBehavior: async (behavior) => {
        addinCalls.push(`setStartupBehavior:${behavior}`);
      },
      getStartupBehavior: async () => 'None',
    },
  };
  const controls: FakeOfficeControls = {
    associations,
    addinCalls,
    async invokeAction(id) {
      const handler = associations.get(id);
      if (!handler) throw new Error(`no function is registered for action id "${id}" (registered: ${Array.from(associations.keys()).join(', ') || 'none'})`);
      const event: FakeAddinCommandEvent = {
        source: { id },
        completedCalls: 0,
        completed() {
          event.completedCalls += 1;
        },
      };
      await handler(event);
      return event;
    },
    setApiSets(sets) {
      apiSets = { ...sets };
    },
    isSetSupported: (name, version) => isSetSupported(name, version),
    setDisplayLanguage(language) {
      office.context.displayLanguage = language;
      office.context.contentLanguage = language;
    },
    setTheme(theme) {
      office.context.officeTheme = { ...office.context.officeTheme, ...theme };
    },
    fireInitialize(reason = 'inserted') {
      office.initialize?.(reason);
    },
  };
  return { office, controls };
}

/** What `OfficeExtension` offers to adapter code (instanceof checks, error codes). */
export const FakeOfficeExtension = {
  Error: FakeOfficeError,
  ErrorCodes: {
    accessDenied: ErrorCodes.accessDenied,
    apiNotFound: ErrorCodes.apiNotFound,
    generalException: ErrorCodes.generalException,
    invalidArgument: ErrorCodes.invalidArgument,
    invalidObjectPath: ErrorCodes.invalidObjectPath,
    invalidRequestContext: ErrorCodes.invalidRequestContext,
    propertyNotLoaded: ErrorCodes.propertyNotLoaded,
    runMustReturnPromise: ErrorCodes.runMustReturnPromise,
    valueNotLoaded: ErrorCodes.valueNotLoaded,
  },
  ClientResult: FakeClientResult,
  Promise,
};

/**
 * Puts the fakes on `target` (globalThis by default) as `Excel`, `Office`, `OfficeExtension`.
 * Returns a function that restores what was there before.
 */
export function installOn(target: object, globals: { Excel: unknown; Office: unknown; OfficeExtension: unknown }): () => void {
  const t = target as Record<string, unknown>;
  const before: Record<string, { had: boolean; value: unknown }> = {};
  for (const [k, v] of Object.entries(globals)) {
    before[k] = { had: k in t, value: t[k] };
    t[k] = v;
  }
  return () => {
    for (const [k, b] of Object.entries(before)) {
      if (b.had) t[k] = b.value;
      else delete t[k];
    }
  };
}
