import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** `okr-workbook …` in-process; resolves to the exit code and what was printed. */
export async function cli(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'okr-workbook', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `okr-hostile-${prefix}-`));
}

export const exists = (f: string): Promise<boolean> => fs.stat(f).then(() => true, () => false);

/** CSV text, cells quoted as Excel quotes them. */
export function csv(rows: string[][], newline = '\n'): string {
  const q = (s: string) => (/[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(q).join(',')).join(newline) + newline;
}

/**
 * Excel's rules for a sheet name: 1–31 UTF-16 code units, none of \ / ? * [ ] :, no apostrophe at
 * either end, not "History"; and, being XML, no control characters, lone surrogates or U+FFFE/U+FFFF.
 * Returns what is wrong, or '' when the name is valid.
 */
export function sheetNameProblem(name: string): string {
  if (name.length < 1 || name.length > 31) return `length ${name.length}`;
  if (/[\\/?*[\]:]/.test(name)) return 'forbidden character';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe at an end';
  if (name.toLowerCase() === 'history') return 'reserved';
  if (/[\u0000-\u001f\ufffe\uffff]/.test(name)) return 'control character';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = name.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return 'lone high surrogate';
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return 'lone low surrogate';
  }
  return '';
}

/** Hostile text that must stay text wherever it goes. */
export const FORMULA_LIKE = ['=HYPERLINK("http://x","y")', '+SUM(1)', '-1+1', '@cmd', "=cmd|' /C calc'!A0", '=1+1', "'quoted", '001', '2026-12-31', 'TRUE', '#N/A', '50%', '１２３', '1/2'];
