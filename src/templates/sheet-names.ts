/**
 * Sheet names made from people and departments. Excel allows at most 31 characters (UTF-16 code
 * units: an emoji or a rare CJK character outside the BMP counts two), none of \ / ? * [ ] :, no
 * leading or trailing apostrophe, not the reserved name "History", and names are unique regardless
 * of case. An .xlsx is XML, so control characters, lone surrogates and U+FFFE/U+FFFF cannot appear
 * either. Names are cut between characters (grapheme clusters where the platform can tell, code
 * points otherwise), so a surrogate pair — an emoji, 𠀀 — is never split.
 */
const FORBIDDEN = /[\\/?*[\]:]/g;
export const MAX_SHEET_NAME = 31;
/** Longest department qualifier in "个人-张伟(技术部)", so the person's name keeps most of the room. */
const MAX_QUALIFIER = 12;
/** Excel keeps "History" for the change-tracking sheet of shared workbooks. */
const RESERVED = ['history'];

// A surrogate pair is kept whole (group 1); a lone surrogate, controls and non-characters go.
const UNWRITABLE = /[\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff]|([\ud800-\udbff][\udc00-\udfff])|[\ud800-\udfff]/g;

export function cleanSheetName(raw: string): string {
  const s = raw
    .replace(/[\t\r\n]+/g, ' ')
    .replace(UNWRITABLE, (_m, pair: string | undefined) => pair ?? '')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, ' ');
  const cut = trimEnds(truncate(trimEnds(s), MAX_SHEET_NAME));
  if (cut === '') return 'Sheet';
  return RESERVED.includes(cut.toLowerCase()) ? `${cut}_` : cut;
}

/** Without leading and trailing spaces and apostrophes (Excel refuses a name that starts or ends with '). */
function trimEnds(s: string): string {
  return s.replace(/^[\s']+|[\s']+$/g, '');
}

interface GraphemeSegmenter {
  segment(s: string): Iterable<{ segment: string }>;
}
type SegmenterCtor = new (locale?: string, options?: { granularity: 'grapheme' }) => GraphemeSegmenter;
// Intl.Segmenter is ES2022 (Node 16+, Edge, Safari 14.1+); without it, whole code points are kept.
const Segmenter = (Intl as unknown as { Segmenter?: SegmenterCtor }).Segmenter;
const segmenter = Segmenter ? new Segmenter(undefined, { granularity: 'grapheme' }) : undefined;
const graphemes = (s: string): Iterable<string> => (segmenter ? Array.from(segmenter.segment(s), (x) => x.segment) : s);

/**
 * At most `max` UTF-16 code units, cut between whole characters: a character made of several code
 * points (👨‍👩‍👧‍👦 is 11 units, é may be e + ◌́) is kept whole or left out; only a first character
 * too long for the room on its own is cut, between code points.
 */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const g of graphemes(s)) {
    if (out.length + g.length <= max) {
      out += g;
      continue;
    }
    if (out === '') {
      for (const cp of g) {
        if (out.length + cp.length > max) break;
        out += cp;
      }
    }
    break;
  }
  return out;
}

/** The key under which Excel (and we, more strictly: width and compatibility forms folded) compares sheet names. */
export function sheetNameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase();
}

export class SheetNamer {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of [...reserved, ...RESERVED]) this.used.add(sheetNameKey(r));
  }

  /**
   * A valid name, unique in this workbook (case, width and compatibility forms ignored). When the
   * name is taken, `qualifier` (e.g. the department) is tried: "个人-张伟(市场部)"; then numbers:
   * "个人-张伟(市场部)(2)". Whatever is cut to fit, the end of the name says which one it is.
   */
  take(base: string, qualifier?: string): string {
    const plain = cleanSheetName(base);
    if (this.claim(plain)) return plain;
    const q = qualifier === undefined ? '' : truncate(trimEnds(cleanSheetName(qualifier)), MAX_QUALIFIER);
    const qualified = q && q !== 'Sheet' ? withSuffix(base, `(${q})`) : undefined;
    if (qualified && this.claim(qualified)) return qualified;
    for (let i = 2; ; i++) {
      const c = withSuffix(base, qualified ? `(${q})(${i})` : `(${i})`);
      if (this.claim(c)) return c;
    }
  }

  private claim(name: string): boolean {
    const k = sheetNameKey(name);
    if (this.used.has(k)) return false;
    this.used.add(k);
    return true;
  }
}

/** The base cut to leave room for the suffix (which never starts or ends with an apostrophe). */
function withSuffix(base: string, suffix: string): string {
  const room = MAX_SHEET_NAME - suffix.length;
  const b = trimEnds(truncate(cleanSheetName(base), room));
  return cleanSheetName(`${b}${suffix}`);
}
