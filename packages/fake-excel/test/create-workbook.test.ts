/** Excel.createWorkbook (ExcelApi 1.8): recorded with the file's bytes; what is not a base64 .xlsx rejects, as does a host without 1.8. */
import JSZip from 'jszip';
import { createFakeExcel, FakeOfficeError } from '../src/index';

async function xlsxBase64(): Promise<string> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook/>');
  return zip.generateAsync({ type: 'base64', compression: 'DEFLATE' });
}

describe('Excel.createWorkbook', () => {
  test('an .xlsx in base64: recorded, with its bytes decoded', async () => {
    const fake = createFakeExcel();
    const b64 = await xlsxBase64();
    await fake.Excel.createWorkbook(b64);
    await fake.Excel.createWorkbook();
    expect(fake.createdWorkbooks).toHaveLength(2);
    expect(Buffer.from(fake.createdWorkbooks[0].bytes!).equals(Buffer.from(b64, 'base64'))).toBe(true);
    expect(fake.createdWorkbooks[1]).toEqual({});
    // And through the installed global, as adapter code calls it.
    const restore = fake.installGlobals();
    try {
      await Excel.createWorkbook(b64);
    } finally {
      restore();
    }
    expect(fake.createdWorkbooks).toHaveLength(3);
  });

  test.each([
    ['not base64', 'this is not base64!'],
    ['base64 of text', Buffer.from('hello world, not a zip').toString('base64')],
    ['a zip without a workbook', ''],
  ])('%s: rejects with an OfficeExtension.Error, nothing recorded', async (_, given) => {
    const fake = createFakeExcel();
    let arg = given;
    if (arg === '') {
      const zip = new JSZip();
      zip.file('readme.txt', 'no workbook');
      arg = await zip.generateAsync({ type: 'base64' });
    }
    const e = await fake.Excel.createWorkbook(arg).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(FakeOfficeError);
    expect((e as FakeOfficeError).code).toBe('InvalidArgument');
    expect(fake.createdWorkbooks).toHaveLength(0);
  });

  test('below ExcelApi 1.8: ApiNotFound', async () => {
    const fake = createFakeExcel({ apiSets: { ExcelApi: '1.7' } });
    const e = await fake.Excel.createWorkbook(await xlsxBase64()).then(() => undefined, (x: unknown) => x);
    expect((e as FakeOfficeError).code).toBe('ApiNotFound');
    expect(fake.createdWorkbooks).toHaveLength(0);
  });
});
