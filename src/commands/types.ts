/**
 * The shapes the ribbon code works with: an action's result, and the slice of Office.js it uses.
 * The global `Office` satisfies OfficeLike (src/commands/entry.ts passes it in); tests pass a fake.
 */
export type { CommandActions, CommandResult } from '../app/ribbon-contract';
import type { StorageLike } from './handover';

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
  /** DialogApi 1.2: a message to the dialog page (check the requirement set before calling). */
  messageChild?(message: string): void;
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
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
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
  /**
   * Resolves when Office is ready (entry.ts: Office.onReady()). The handlers are associated at once,
   * at the module's top level; they wait for this before touching `office.context`.
   */
  ready?: () => Promise<unknown>;
  /** The clock (ms since the epoch): the click's time, and what is left of the command's 5 minutes. */
  now?: () => number;
  /** For tests: timer functions. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** The storage shared with notify.html. Default: window.localStorage when the page may use it. */
  storage?: StorageLike;
  /** The key of the stored result. Default: 12 random letters and digits. */
  newKey?: () => string;
}
