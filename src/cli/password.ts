/**
 * The sheet-protection password on the command line: `--password <pw>`, or the environment variable
 * OKR_PASSWORD so that it stays out of the shell history and the process list. One option builder
 * and one reader for every command that takes it (new, lock, score, review, and those to come), and
 * the sentences about it. The password itself is never printed, logged or written: only its hash
 * goes into the workbook (src/xlsx/password.ts).
 */
import { Option } from 'commander';
import type { Lang } from '../domain/model';
import type { SheetPasswordError } from '../xlsx/password';

type Msg = Record<Lang, string>;

export const PASSWORD_ENV = 'OKR_PASSWORD';

export interface PasswordCliOption {
  password?: string;
}

const DESCRIPTION = {
  new: {
    zh: '用此密码保护所有受保护的工作表（工作簿中只保存密码的哈希值）',
    en: 'protect every protected sheet with this password (only its hash is stored)',
  },
  edit: {
    zh: '工作表保护密码（工作簿受密码保护时必需；新增的工作表也用它保护）',
    en: 'the sheet-protection password (needed when the workbook is password-protected; sheets added get it too)',
  },
};

/**
 * `--password <password>`, read from OKR_PASSWORD when not given (commander shows "(env: OKR_PASSWORD)"
 * in --help, never the value). `kind` words the help for generating or for editing.
 */
export function passwordOption(kind: 'new' | 'edit'): Option {
  const d = DESCRIPTION[kind];
  return new Option(
    '--password <password>',
    `${d.zh}；也可用环境变量 ${PASSWORD_ENV} 提供，密码就不会留在命令历史中 / ${d.en}; or set ${PASSWORD_ENV}, which keeps it out of the shell history`,
  ).env(PASSWORD_ENV);
}

/** The password asked for, or undefined for none (an empty --password or OKR_PASSWORD means none, as in Excel). */
export function passwordOf(o: PasswordCliOption): string | undefined {
  return o.password === undefined || o.password === '' ? undefined : o.password;
}

/** What the command line says about passwords. */
export const PASSWORD_MSG = {
  refused: (file: string, e: SheetPasswordError): Msg => {
    const first = e.sheets[0] ?? '';
    const more = e.sheets.length - 1;
    if (e.code === 'missing') {
      return {
        'zh-CN': `${file} 受密码保护（工作表“${first}”${more > 0 ? `等 ${e.sheets.length} 个` : ''}），未做任何修改。请用 --password 或环境变量 ${PASSWORD_ENV} 提供工作表保护密码。`,
        'en-US': `${file} is password-protected (sheet "${first}"${more > 0 ? ` and ${more} more` : ''}); nothing was written. Give the sheet-protection password with --password or the ${PASSWORD_ENV} environment variable.`,
      };
    }
    if (e.code === 'wrong') {
      return {
        'zh-CN': `密码不正确（打不开工作表“${first}”的保护），未做任何修改。`,
        'en-US': `The password is not correct (it does not open the protection of sheet "${first}"); nothing was written.`,
      };
    }
    return {
      'zh-CN': `工作表“${first}”的保护密码使用了无法校验的算法，未做任何修改。请在 Excel 中撤销该工作表的保护并重新设置密码后再试。`,
      'en-US': `The protection password of sheet "${first}" uses an algorithm that cannot be checked; nothing was written. Unprotect the sheet in Excel and protect it again with a password, then try again.`,
    };
  },
  unused: (file: string): Msg => ({
    'zh-CN': `注意：${file} 中没有受密码保护的工作表，未使用所给的密码。`,
    'en-US': `Note: ${file} has no password-protected sheets; the password given was not used.`,
  }),
  protectedWith: {
    'zh-CN': '受保护的工作表已设置密码（工作簿中只保存密码的哈希值）。',
    'en-US': 'The protected sheets have a password (only its hash is stored in the workbook).',
  } as Msg,
};
