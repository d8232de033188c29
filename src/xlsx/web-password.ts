/**
 * The sheet-protection hash of password.ts (ECMA-376 §18.3.1.85: SHA-512, a 16-byte random salt,
 * 100,000 spins) made with the Web Crypto API, for a workbook file rendered in the task pane, where
 * Node's crypto is not. Each spin is one asynchronous digest, so it takes a few seconds; it is made
 * once per file, for every protected sheet (as hashSheetPassword is).
 */
import { ALGORITHM, SPIN_COUNT, type SheetPasswordHash } from './password';

function base64Of(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

/** Web Crypto, or a clear error where the page has none (Web Crypto needs a secure context: the add-in is served over https). */
function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('Web Crypto (crypto.subtle) is not available: a protection password cannot be hashed here');
  return s;
}

/** A new protection hash for `password`, as hashSheetPassword makes it; `salt` and `spinCount` for tests. */
export async function hashSheetPasswordWeb(password: string, opts: { salt?: Uint8Array; spinCount?: number } = {}): Promise<SheetPasswordHash> {
  const crypto = subtle();
  const salt = opts.salt ?? globalThis.crypto.getRandomValues(new Uint8Array(16));
  const spinCount = opts.spinCount ?? SPIN_COUNT;
  const pw = utf16le(password);
  const first = new Uint8Array(salt.length + pw.length);
  first.set(salt, 0);
  first.set(pw, salt.length);
  let h = new Uint8Array(await crypto.digest(ALGORITHM, first));
  // The previous hash, then the round number (4 bytes, little-endian).
  const round = new Uint8Array(h.length + 4);
  const view = new DataView(round.buffer);
  for (let i = 0; i < spinCount; i++) {
    round.set(h, 0);
    view.setUint32(h.length, i, true);
    h = new Uint8Array(await crypto.digest(ALGORITHM, round));
  }
  return { algorithmName: ALGORITHM, hashValue: base64Of(h), saltValue: base64Of(salt), spinCount };
}
