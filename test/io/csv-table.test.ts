import { readTableFile } from '../../src/xlsx/table';
import { readCsvTable } from '../../src/io/import';
import { firstInvalidUtf8 } from '../../src/io/csv-table';
import { BOM, issuesOf, issuesOfAsync, utf8 } from './helpers';

describe('readCsvTable', () => {
  it('reads UTF-8 with and without BOM to the same table', () => {
    const text = '部门,姓名\n技术部,王志强\n';
    const a = readCsvTable('a.csv', utf8(text));
    const b = readCsvTable('a.csv', utf8(BOM + text));
    expect(a).toEqual(b);
    expect(b.header).toEqual(['部门', '姓名']);
    expect(b.rows).toEqual([{ line: 2, cells: ['技术部', '王志强'] }]);
  });

  it('keeps true line numbers after quoted newlines, CRLF and blank lines', () => {
    const text = 'a,b\r\n1,"two\r\nlines"\r\n\r\n3,"x\n\ny"\r\n4,"say ""hi"""\r\n5,last';
    const t = readCsvTable('q.csv', utf8(text));
    expect(t.rows.map((r) => r.line)).toEqual([2, 5, 8, 9]);
    expect(t.rows[0].cells).toEqual(['1', 'two\nlines']);
    expect(t.rows[1].cells).toEqual(['3', 'x\n\ny']);
    expect(t.rows[2].cells).toEqual(['4', 'say "hi"']);
    expect(t.rows[3].cells).toEqual(['5', 'last']);
  });

  it('skips blank rows (also rows of empty cells) and leading blank lines before the header', () => {
    const t = readCsvTable('b.csv', utf8('\n,,\na,b\n,\n1,2\n'));
    expect(t.headerLine).toBe(3);
    expect(t.rows).toEqual([{ line: 5, cells: ['1', '2'] }]);
  });

  it('keeps formula-looking text as literal text', () => {
    const t = readCsvTable('f.csv', utf8('a\n"=HYPERLINK(""http://x"",""y"")"\n=1+1\n'));
    expect(t.rows.map((r) => r.cells[0])).toEqual(['=HYPERLINK("http://x","y")', '=1+1']);
  });

  it('reads GBK (Excel "CSV (逗号分隔)" on Chinese Windows) and says so; refuses bytes that are neither', () => {
    // "部门,姓名\n技术部,王" in GBK.
    const gbk = Buffer.from([0xb2, 0xbf, 0xc3, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xbc, 0xbc, 0xca, 0xf5, 0xb2, 0xbf, 0x2c, 0xcd, 0xf5, 0x0a]);
    const t = readCsvTable('org.csv', gbk);
    expect(t.header).toEqual(['部门', '姓名']);
    expect(t.rows).toEqual([{ line: 2, cells: ['技术部', '王'] }]);
    expect(t.encoding).toBe('gbk');
    const ascii = Buffer.concat([utf8('a,b\n1,2\n'), Buffer.from([0x41, 0xc0, 0x41])]);
    const en = issuesOf(() => readCsvTable('org.csv', ascii, 'en-US'));
    expect(en[0]).toMatchObject({ line: 3, code: 'NOT_UTF8' });
    expect(en[0].message).toMatch(/^org\.csv line 3: the file's encoding is not recognised: it is neither UTF-8 nor GBK.*CSV UTF-8/);
    const zh = issuesOf(() => readCsvTable('org.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbk])));
    expect(zh[0]).toMatchObject({ file: 'org.csv', line: 1, code: 'NOT_UTF8' }); // a UTF-8 BOM says UTF-8
    expect(zh[0].message).toContain('CSV UTF-8');
    expect(zh[0].message).toContain('既不是 UTF-8');
  });

  it('validates UTF-8 strictly (overlong, surrogates, truncated)', () => {
    expect(firstInvalidUtf8(utf8('abc 中文 😀'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe4, 0xb8]))).toBe(1); // truncated
  });

  it('reports an unclosed quote as a CSV syntax error with its line', () => {
    const issues = issuesOf(() => readCsvTable('x.csv', utf8('a,b\n1,2\n\n3,"open\n4,5\n6,7\n')));
    expect(issues[0].code).toBe('CSV_SYNTAX');
    expect(issues[0].line).toBe(4); // where the quoted cell opens
    expect(issues[0].message).toContain('引号没有闭合');
  });

  it('reads an empty file as an error', () => {
    expect(issuesOf(() => readCsvTable('e.csv', utf8(BOM)))[0].code).toBe('EMPTY_FILE');
  });

  it('reads tab-separated text and UTF-16 (Excel "Unicode text")', () => {
    const t = readCsvTable('t.txt', utf8('部门\t姓名\n技术部\t王 志强\n'));
    expect(t.header).toEqual(['部门', '姓名']);
    expect(t.rows[0].cells).toEqual(['技术部', '王 志强']);
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('部门\t姓名\r\n技术部\t王志强\r\n', 'utf16le')]);
    expect(readCsvTable('u.txt', u16).rows).toEqual([{ line: 2, cells: ['技术部', '王志强'] }]);
  });
});

describe('readTable', () => {
  it('reads CSV by extension and refuses old .xls', async () => {
    expect((await readTableFile('org.csv', utf8('a\n1\n'))).rows).toHaveLength(1);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const issues = await issuesOfAsync(() => readTableFile('org.xls', ole, 'en-US'));
    expect(issues[0].code).toBe('UNSUPPORTED_FORMAT');
    expect(issues[0].message).toContain('.xlsx');
  });

  it('reports a damaged .xlsx as unreadable', async () => {
    const issues = await issuesOfAsync(() => readTableFile('org.xlsx', Buffer.from('PK\u0003\u0004garbage')));
    expect(issues[0].code).toBe('XLSX_UNREADABLE');
  });
});
