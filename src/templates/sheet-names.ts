/**
 * Sheet names made from people and departments: Excel allows at most 31 characters, none of
 * \ / ? * [ ] :, no leading or trailing apostrophe, and names are unique regardless of case.
 */
const FORBIDDEN = /[\\/?*[\]:]/g;
export const MAX_SHEET_NAME = 31;

export function cleanSheetName(raw: string): string {
  let s = raw.replace(FORBIDDEN, '_').replace(/[\u0000-\u001f]/g, ' ').trim();
  s = s.replace(/^'+|'+$/g, '').trim();
  return truncate(s, MAX_SHEET_NAME) || 'Sheet';
}

/** Truncates by code points, so a surrogate pair (emoji, rare CJK) is never cut in half. */
function truncate(s: string, max: number): string {
  // Excel counts UTF-16 code units; keep whole code points within that budget.
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.replace(/'+$/, '');
}

export class SheetNamer {
  private readonly used = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.used.add(r.toLowerCase());
  }

  /** A valid name, unique in this workbook; `qualifier` (e.g. the department) is tried before a number. */
  take(base: string, qualifier?: string): string {
    const candidates = [cleanSheetName(base)];
    if (qualifier) candidates.push(withSuffix(base, `(${qualifier})`));
    for (const c of candidates) if (this.claim(c)) return c;
    for (let i = 2; ; i++) {
      const c = withSuffix(qualifier ? `${base}(${qualifier})` : base, `(${i})`);
      if (this.claim(c)) return c;
    }
  }

  private claim(name: string): boolean {
    const k = name.toLowerCase();
    if (this.used.has(k)) return false;
    this.used.add(k);
    return true;
  }
}

function withSuffix(base: string, suffix: string): string {
  const cleanedSuffix = suffix.replace(FORBIDDEN, '_');
  return truncate(cleanSheetName(base), MAX_SHEET_NAME - cleanedSuffix.length) + cleanedSuffix;
}
