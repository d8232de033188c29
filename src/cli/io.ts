/** What every command shares: its output, its usage errors, reading its inputs, writing --out. */
import { promises as fs } from 'fs';
import { isoDateOf } from '../domain/cycle';
import type { IsoDate, Lang } from '../domain/model';
import type { Finding } from '../domain/rules';
import { both, parseLangOption, text } from '../i18n';
import { renderFinding } from '../i18n/findings';

/** A failure the person can fix; exit code 2 with the message, nothing written. */
export class UsageError extends Error {}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const defaultIo: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

/** --lang; an unknown value is said in both languages, since the person's language is not known. */
export function langOf(v: string | undefined): Lang {
  const lang = parseLangOption(v);
  if (lang) return lang;
  const m = both((c) => c.cli.badLang(v ?? ''));
  throw new UsageError(`${m['zh-CN']}\n${m['en-US']}`);
}

export async function readInput(file: string, lang: Lang): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const words = text(lang).cli;
    throw new UsageError(words.cannotRead(file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? words.noSuchFile : (e as Error).message));
  }
}

/** Writes `out`; a path that cannot be written (no such folder, a folder, no permission) is exit 2. */
export async function writeOut(out: string, lang: Lang, write: (out: string) => Promise<number>): Promise<number> {
  try {
    return await write(out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw e;
    const words = text(lang).cli;
    throw new UsageError(words.cannotWrite(out, words.whyNotWritten(code, (e as Error).message)));
  }
}

export async function exists(f: string): Promise<boolean> {
  return fs.stat(f).then(() => true, () => false);
}

/** An edit writes --out; an existing file (the input included) is only replaced with --force. */
export async function checkOut(out: string, force: boolean | undefined, lang: Lang): Promise<void> {
  if (!force && (await exists(out))) throw new UsageError(text(lang).cli.outExists(out));
}

export const today = (): IsoDate => isoDateOf(new Date());

/** "sheet!cell", or the sheet alone. */
export const where = (f: { sheet: string; cell?: string }): string => `${f.sheet}${f.cell ? '!' + f.cell : ''}`;

/** One line per finding, "sheet!cell<TAB>sentence", on stderr or stdout. */
export function printFindings(write: (line: string) => void, findings: readonly Finding[], lang: Lang, indent = ''): void {
  for (const f of findings) write(`${indent}${where(f)}\t${renderFinding(f, lang)}`);
}
