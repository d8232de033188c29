/**
 * Namespaces, relationship types and part-name arithmetic of OPC / SpreadsheetML. Parts are found
 * through relationships, never by assumed names; relationship types are matched on their last
 * segment so that the transitional and the strict (ISO) URIs both work.
 */
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  mainStrict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export const isMainNs = (uri: string): boolean => uri === NS.main || uri === NS.mainStrict;
export const isRelNs = (uri: string): boolean => uri === NS.r || uri === NS.rStrict;

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

export const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
} as const;

/** Whether a relationship type is `kind` (compared on the URI's last segment). */
export function relIs(type: string, kind: keyof typeof REL): boolean {
  const last = type.slice(type.lastIndexOf('/') + 1);
  return last === kind;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets". */
export function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; the package's is "_rels/.rels". */
export function relsPartOf(part: string): string {
  if (part === '') return '_rels/.rels';
  const dir = dirOf(part);
  const base = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ''}_rels/${base}.rels`;
}

/** Normalises a path of segments ("a/./b/../c" → "a/c"); a segment above the root is dropped. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function decodeUri(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The part a relationship target names, from the part holding the relationship ('' for the package). */
export function resolveTarget(source: string, target: string): string {
  const t = decodeUri(target.split('#')[0]);
  if (t.startsWith('/')) return normalise(t);
  return normalise(`${dirOf(source)}/${t}`);
}

/** A relative target from `source`'s folder to `part`. */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split('/').filter(Boolean);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}
