/**
 * Text as it goes into the XML this engine writes: escaped for element content and attribute values,
 * and, for cell text, with the characters XML 1.0 cannot carry written as Excel's `_xHHHH_` escapes
 * (and a literal `_xHHHH_` in the text protected as `_x005F_xHHHH_`, so it reads back as typed).
 * User text is data: it only ever goes through these functions.
 */

export function escapeText(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const rep = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : c === 13 ? '&#13;' : undefined;
    if (rep === undefined) continue;
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

export function escapeAttr(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const rep = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : c === 34 ? '&quot;'
      : c === 9 ? '&#9;' : c === 10 ? '&#10;' : c === 13 ? '&#13;' : undefined;
    if (rep === undefined) continue;
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const HEX = '0123456789ABCDEFabcdef';

/** Whether s[i..] starts an `_xHHHH_` escape. */
function isEscapeAt(s: string, i: number): boolean {
  if (s[i] !== '_' || s[i + 1] !== 'x' || s[i + 6] !== '_') return false;
  for (let k = i + 2; k < i + 6; k++) if (!HEX.includes(s[k] ?? '!')) return false;
  return true;
}

function allowedInXml(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0xd800 && c <= 0xdfff);
}

/** A cell's text in Excel's escaped form (before XML escaping). */
export function encodeCellText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isEscapeAt(s, i)) out += '_x005F';
    if (!allowedInXml(c) || c === 0xfffe || c === 0xffff) out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    else out += s[i];
  }
  return out;
}

/** The text a reader shows for a cell's stored text: `_xHHHH_` escapes decoded. */
export function decodeCellText(s: string): string {
  if (!s.includes('_x')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (isEscapeAt(s, i)) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      i += 6;
    } else out += s[i];
  }
  return out;
}

/** An element's start tag (or empty element) from its name and attributes, values escaped. */
export function startTag(name: string, attrs: readonly (readonly [string, string])[], empty = false): string {
  let s = `<${name}`;
  for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
  return s + (empty ? '/>' : '>');
}
