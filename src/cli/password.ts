/**
 * The sheet-protection password on the command line: `--password <pw>`, or the environment variable
 * OKR_PASSWORD so that it stays out of the shell history and the process list. One option builder
 * and one reader for every command that takes it, and the refusal of a protected file. The
 * password itself is never printed, logged or written: only its hash goes into the workbook
 * (src/xlsx/password.ts).
 */
import { Option } from 'commander';
import type { Lang } from '../domain/model';
import { text } from '../i18n';
import { xlsxBrokenAt } from '../io/import';
import { BrokenPackage } from '../xlsx/package/errors';
import { SheetPasswordError } from '../xlsx/password';
import { type Io, UsageError } from './io';

export const PASSWORD_ENV = 'OKR_PASSWORD';

export interface PasswordCliOption {
  password?: string;
}

// The help is bilingual (both languages in one line), like every option's.
const DESCRIPTION = {
  new: '用此密码保护所有受保护的工作表（工作簿中只保存密码的哈希值）；也可用环境变量 OKR_PASSWORD 提供，密码就不会留在命令历史中 / protect every protected sheet with this password (only its hash is stored); or set OKR_PASSWORD, which keeps it out of the shell history',
  edit: '工作表保护密码（工作簿受密码保护时必需；新增的工作表也用它保护）；也可用环境变量 OKR_PASSWORD 提供，密码就不会留在命令历史中 / the sheet-protection password (needed when the workbook is password-protected; sheets added get it too); or set OKR_PASSWORD, which keeps it out of the shell history',
};

/**
 * `--password <password>`, read from OKR_PASSWORD when not given (commander shows "(env: OKR_PASSWORD)"
 * in --help, never the value). `kind` words the help for generating or for editing.
 */
export function passwordOption(kind: 'new' | 'edit'): Option {
  return new Option('--password <password>', DESCRIPTION[kind]).env(PASSWORD_ENV);
}

/** The password asked for, or undefined for none (an empty --password or OKR_PASSWORD means none, as in Excel). */
export function passwordOf(o: PasswordCliOption): string | undefined {
  return o.password === undefined || o.password === '' ? undefined : o.password;
}

/**
 * Runs an edit's use case: a password-protected sheet without the right password is exit 2 before
 * anything changes; a password given to a workbook without one is noted.
 */
export async function withPassword<R extends { status: string; passwordUnused?: boolean }>(file: string, lang: Lang, io: Io, run: () => Promise<R>): Promise<R> {
  let r: R;
  try {
    r = await run();
  } catch (e) {
    if (e instanceof SheetPasswordError) throw new UsageError(passwordRefusal(file, e, lang));
    // A part found broken only while the edit is applied (nothing has been written yet).
    if (e instanceof BrokenPackage && e.code !== 'notZip') throw new UsageError(xlsxBrokenAt(file, lang, e.code, e.part, e.limit, e.detail));
    throw e;
  }
  if (r.passwordUnused) io.err(text(lang).cli.passwordUnused(file));
  return r;
}

function passwordRefusal(file: string, e: SheetPasswordError, lang: Lang): string {
  const words = text(lang).cli;
  const first = e.sheets[0] ?? '';
  if (e.code === 'missing') return words.passwordMissing(file, first, e.sheets.length);
  if (e.code === 'wrong') return words.passwordWrong(first);
  return words.passwordUnsupported(first);
}
