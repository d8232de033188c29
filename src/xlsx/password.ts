/**
 * Sheet-protection passwords in an .xlsx file, as Excel stores them (ECMA-376 Part 1, §18.3.1.85
 * sheetProtection): never the password, only a salted, iterated hash —
 *
 *   H0 = HASH(salt || UTF-16LE(password)),  Hi = HASH(H(i-1) || i as 4-byte little-endian),  i = 0 … spinCount-1
 *
 * written as base64 in hashValue, with saltValue (base64), spinCount and algorithmName. With SHA-512
 * and 100,000 spins (what Excel writes) one hash costs about 0.1–0.25 s, so a workbook's sheets share
 * ONE hash computed once (ExcelJS's ws.protect(password) would compute it again for every sheet:
 * minutes for 1,000 cards). Node only: the file adapter and the command line use it, the add-in never
 * does (Excel hashes the password itself).
 */
import * as crypto from 'crypto';

/** The attributes of <sheetProtection> that carry a password, as ExcelJS reads and writes them. */
export interface SheetPasswordHash {
  algorithmName: string;
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

/** What Excel writes today. */
export const SPIN_COUNT = 100_000;
export const ALGORITHM = 'SHA-512';

/** ECMA-376's algorithm names (ST_AlgorithmName spelled as Excel writes them) → Node's digest names. */
const NODE_DIGEST: Record<string, string> = {
  'SHA-512': 'sha512', 'SHA-384': 'sha384', 'SHA-256': 'sha256', 'SHA-1': 'sha1', MD5: 'md5',
  'RIPEMD-160': 'ripemd160', WHIRLPOOL: 'whirlpool',
};

/**
 * A stored hash this module cannot check (an algorithm Node lacks, or attributes that are not a hash):
 * the edit is refused rather than the protection dropped or the password guessed.
 */
export class UnsupportedPasswordHash extends Error {}

function digestOf(algorithmName: string): string {
  const name = NODE_DIGEST[algorithmName.toUpperCase()] ?? NODE_DIGEST[algorithmName];
  if (!name || !crypto.getHashes().includes(name)) throw new UnsupportedPasswordHash(`unsupported sheet protection algorithm ${algorithmName}`);
  return name;
}

// crypto.hash (Node ≥ 20.12) is a one-shot digest about twice as fast as createHash().update().digest()
// in a 100,000-round loop; older Node falls back.
const digest = (algorithm: string, data: Buffer): Buffer =>
  typeof crypto.hash === 'function' ? crypto.hash(algorithm, data, 'buffer') : crypto.createHash(algorithm).update(data).digest();

/** The raw iterated hash (§18.3.1.85) of `password` with `salt`. */
export function passwordHashBytes(password: string, salt: Buffer, spinCount: number, algorithmName: string): Buffer {
  const algorithm = digestOf(algorithmName);
  let h = digest(algorithm, Buffer.concat([salt, Buffer.from(password, 'utf16le')]));
  // One buffer reused for every round: the previous hash, then the round number (little-endian).
  const round = Buffer.alloc(h.length + 4);
  for (let i = 0; i < spinCount; i++) {
    h.copy(round, 0);
    round.writeUInt32LE(i, h.length);
    h = digest(algorithm, round);
  }
  return h;
}

/** A new protection hash for `password`: a fresh 16-byte random salt, SHA-512, 100,000 spins. */
export function hashSheetPassword(password: string, opts: { salt?: Buffer; spinCount?: number } = {}): SheetPasswordHash {
  const salt = opts.salt ?? crypto.randomBytes(16);
  const spinCount = opts.spinCount ?? SPIN_COUNT;
  return {
    algorithmName: ALGORITHM,
    hashValue: passwordHashBytes(password, salt, spinCount, ALGORITHM).toString('base64'),
    saltValue: salt.toString('base64'),
    spinCount,
  };
}

/**
 * The old sheet-protection hash (<sheetProtection password="83AF">, written by Excel 97–2003 and still
 * by some tools): a 16-bit value of the password's characters, as four hex digits. Weak — which is why
 * a sheet found with one is protected again with SHA-512 when the file is written.
 */
export const LEGACY = 'legacy';

export function legacyPasswordHash(password: string): string {
  let h = 0;
  for (let i = 0; i < password.length; i++) {
    const v = (password.charCodeAt(i) & 0xff) << (i + 1);
    h ^= (v & 0x7fff) | (v >> 15);
  }
  h ^= password.length ^ 0xce4b;
  return h.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Whether `password` opens a sheet protected with `stored`. Throws UnsupportedPasswordHash when the
 * stored attributes cannot be checked. Compared in constant time.
 */
export function verifySheetPassword(password: string, stored: SheetPasswordHash): boolean {
  if (stored.algorithmName === LEGACY) return legacyPasswordHash(password) === stored.hashValue.toUpperCase().padStart(4, '0');
  const spins = Number(stored.spinCount);
  // Excel caps spinCount at 10,000,000; anything else is not a hash Excel would open either.
  if (!Number.isInteger(spins) || spins < 0 || spins > 10_000_000) throw new UnsupportedPasswordHash(`spinCount ${String(stored.spinCount)}`);
  const expected = Buffer.from(stored.hashValue ?? '', 'base64');
  const actual = passwordHashBytes(password, Buffer.from(stored.saltValue ?? '', 'base64'), spins, stored.algorithmName);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}

/** A stored hash as one key, so that sheets sharing a hash (every generated sheet) are checked once. */
export function hashKey(h: SheetPasswordHash): string {
  return `${h.algorithmName}|${h.spinCount}|${h.saltValue}|${h.hashValue}`;
}

/**
 * An edit that cannot go ahead because of a sheet's password: none was given ('missing'), it does not
 * open the sheet ('wrong'), or the sheet's hash cannot be checked ('unsupported'). `sheets` names the
 * sheets concerned (the first is the one to mention). Thrown before anything is changed.
 */
export class SheetPasswordError extends Error {
  constructor(readonly code: 'missing' | 'wrong' | 'unsupported', readonly sheets: string[]) {
    super(`sheet protection password ${code}: ${sheets.slice(0, 3).join(', ')}`);
    this.name = 'SheetPasswordError';
  }
}
