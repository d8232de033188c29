/**
 * `Excel.createWorkbook(base64?)` (ExcelApi 1.8): Excel opens a NEW workbook — empty, or a copy of the
 * .xlsx file the base64 string holds — in another window; the add-in keeps running on the workbook it
 * was in, and cannot reach the new one. The fake records each call (the file's bytes decoded, so a
 * test can read the workbook back) and rejects what Excel cannot open: a string that is not base64,
 * or whose bytes are not an .xlsx package (a zip with [Content_Types].xml and xl/workbook.xml).
 *
 * What Excel answers to such a string is not documented: the reference says only that the string is
 * "an .xlsx file in base64 encoding", and OfficeDev/office-js#3646 shows a failing call rejecting with
 * a RichApi.Error. The fake rejects with InvalidArgument ("the argument is invalid or missing or has
 * an incorrect format", Excel's general code for a bad argument); tests should assert that it
 * rejects with an OfficeExtension.Error, not on its code or message.
 */
import { ErrorCodes, FakeOfficeError, Messages } from './errors';

/** One call of Excel.createWorkbook. */
export interface CreatedWorkbook {
  /** The string as passed; undefined for an empty workbook. */
  base64?: string;
  /** The decoded file; undefined for an empty workbook. */
  bytes?: Uint8Array;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decode(base64: string): Uint8Array | undefined {
  const s = base64.replace(/\s+/g, '');
  if (s.length === 0 || s.length % 4 !== 0 || !BASE64.test(s)) return undefined;
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Whether `name` is stored among the zip's entry names (local file headers keep names uncompressed). */
function hasEntry(bytes: Uint8Array, name: string): boolean {
  const want = Array.from(name, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + 30 + want.length <= bytes.length; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x03 || bytes[i + 3] !== 0x04) continue;
    const len = bytes[i + 26] | (bytes[i + 27] << 8);
    if (len !== want.length) continue;
    for (let k = 0; k < len; k++) if (bytes[i + 30 + k] !== want[k]) continue outer;
    return true;
  }
  return false;
}

function invalid(what: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format. (${what})`, { errorLocation: 'Excel.createWorkbook' });
}

/** Excel.createWorkbook as the fake has it: pushes onto `created`, or rejects. */
export function createWorkbookFn(created: CreatedWorkbook[], supported: () => boolean): (base64?: string) => Promise<void> {
  return async (base64?: string) => {
    // A microtask, as a call to Excel is never synchronous.
    await Promise.resolve();
    // A host below ExcelApi 1.8 has no such API.
    if (!supported()) throw new FakeOfficeError(ErrorCodes.apiNotFound, Messages.apiNotFound('Excel.createWorkbook', 'ExcelApi 1.8'), { errorLocation: 'Excel.createWorkbook' });
    if (base64 === undefined) {
      created.push({});
      return;
    }
    if (typeof base64 !== 'string') throw invalid('not a string');
    const bytes = decode(base64);
    if (!bytes) throw invalid('not base64');
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw invalid('not a zip package');
    if (!hasEntry(bytes, '[Content_Types].xml') || !hasEntry(bytes, 'xl/workbook.xml')) throw invalid('not an .xlsx package');
    created.push({ base64, bytes });
  };
}
