/**
 * A GBK (code page 936) encoder for tests and the fuzzer: Node can decode GBK (TextDecoder with full
 * ICU) but not encode it, so the table is built once by decoding every two-byte sequence.
 * This is how Excel on Chinese Windows writes "CSV (逗号分隔)(*.csv)".
 */
let table: Map<string, [number, number]> | undefined;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  const t = new Map<string, [number, number]>();
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const s = dec.decode(Uint8Array.of(hi, lo));
      if (s.length === 1 && s !== '\ufffd' && !t.has(s)) t.set(s, [hi, lo]);
    }
  }
  table = t;
  return t;
}

/** The GBK bytes of a text, or undefined when a character has no GBK form (emoji, rare CJK). */
export function encodeGbk(text: string): Buffer | undefined {
  const t = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) {
      out.push(c);
      continue;
    }
    const pair = t.get(ch);
    if (!pair) return undefined;
    out.push(pair[0], pair[1]);
  }
  return Buffer.from(out);
}
