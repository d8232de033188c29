/**
 * The task pane's file renderer (src/xlsx/new-file.ts) as the browser bundle runs it: without Node's
 * zlib (webpack resolves it to an empty module) and with the Web Crypto password hash. The file
 * must read back as the plan, and the hash must open with password.ts's Node check.
 */
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { buildWorkbook } from '../../src/templates/build';
import { readBook } from '../../src/templates/read-book';
import { verifySheetPassword } from '../../src/xlsx/password';
import { hashSheetPasswordWeb } from '../../src/xlsx/web-password';
import { XlsxValues } from '../../src/xlsx/workbook-port';
import { CYCLE, loadExample } from '../workbook/build-fixture';

jest.mock('../../src/xlsx/package/node-zlib', () => ({ nodeZlib: undefined }));

describe('the pane\'s workbook file, rendered without Node', () => {
  it('renders the example workbook without zlib; it reads back with every card', async () => {
    const { NewWorkbookFile } = await import('../../src/xlsx/new-file');
    const ex = await loadExample('zh-CN');
    const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
    const file = new NewWorkbookFile();
    await file.create(plan, {});
    const book = readBook(await (await XlsxValues.load(file.bytes())).read());
    expect(book.cycle).toMatchObject({ year: 2026, quarter: 4 });
    expect(book.individuals).toHaveLength(ex.individuals.length);
  });

  it('the Web Crypto protection hash is the one Excel (and password.ts) checks', async () => {
    const h = await hashSheetPasswordWeb('密码 pass-1', { spinCount: 1000 });
    expect(h).toMatchObject({ algorithmName: 'SHA-512', spinCount: 1000 });
    expect(verifySheetPassword('密码 pass-1', h)).toBe(true);
    expect(verifySheetPassword('密码 pass-2', h)).toBe(false);
  });
});
