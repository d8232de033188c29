/**
 * jsdom lacks a few browser APIs that Fluent UI and the pane use. Imported by every pane test.
 */
/* eslint-disable @typescript-eslint/no-empty-function */

if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof globalThis.ResizeObserver !== 'function') {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// jsdom's Blob has no arrayBuffer(); the pane reads picked files with File.arrayBuffer().
if (typeof Blob.prototype.arrayBuffer !== 'function') {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// Fluent's positioning (Dropdown popups) asks for this; jsdom does not implement it.
if (typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = function scrollIntoView(): void {};
}

// user-event moves between radio buttons with CSS.escape(name); jsdom has no CSS object.
if (typeof globalThis.CSS === 'undefined' || typeof globalThis.CSS.escape !== 'function') {
  const escape = (value: string): string => value.replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (c) => `\\${c}`);
  (globalThis as { CSS?: Partial<typeof CSS> }).CSS = { ...(globalThis.CSS ?? {}), escape };
}

/*
 * Tabster (Fluent's keyboard-navigation engine) treats an element as invisible when its offsetParent
 * is null or <body> has no size — always so in jsdom, which does no layout. Tab then lands on Tabster's
 * "phantom" focus trap instead of the next control. Give elements an offsetParent unless they or an
 * ancestor are hidden, and give <body> the size of a task pane.
 */
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement): Element | null {
    if (this === this.ownerDocument.body) return null;
    for (let el: HTMLElement | null = this; el; el = el.parentElement) {
      if (el.hidden || el.style.display === 'none') return null;
    }
    return this.parentElement;
  },
});
HTMLBodyElement.prototype.getBoundingClientRect = function getBoundingClientRect(): DOMRect {
  return { x: 0, y: 0, top: 0, left: 0, right: 400, bottom: 800, width: 400, height: 800, toJSON: () => ({}) } as DOMRect;
};

export {};
