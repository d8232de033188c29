/**
 * The pure SHA-256 (src/domain/sha256.ts) against Node's, on the UTF-8 bytes the lock snapshot has
 * always hashed — a lone surrogate as its code unit in three bytes, so that fingerprints taken before
 * the faster encoder still match.
 */
import { createHash } from 'crypto';
import { sha256Hex } from '../../src/domain/sha256';

/** The bytes the first implementation hashed: each code point (a lone surrogate included) in UTF-8. */
function bytesOf(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Buffer.from(out);
}

const node = (text: string) => createHash('sha256').update(bytesOf(text)).digest('hex');

describe('sha256Hex', () => {
  it('is SHA-256 of the text, at every length around the block boundaries', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (let n = 0; n < 200; n++) expect(sha256Hex('x'.repeat(n))).toBe(node('x'.repeat(n)));
  });

  it('hashes Chinese text, astral characters and lone surrogates as before', () => {
    let seed = 12;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pool = ['a', '目标', '😀', '\ud800', '\udc00', 'é', '\u0000', '\uffff', '\ud83d'];
    for (let k = 0; k < 300; k++) {
      let s = '';
      const n = Math.floor(rnd() * 90);
      for (let i = 0; i < n; i++) s += pool[Math.floor(rnd() * pool.length)];
      expect(sha256Hex(s)).toBe(node(s));
    }
  });
});
