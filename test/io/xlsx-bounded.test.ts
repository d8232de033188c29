/**
 * #15: the bounded .xlsx import reader (src/xlsx/table.ts) reads a window of at most MAX_IMPORT_ROWS
 * rows and MAX_IMPORT_COLUMNS columns; a non-blank cell outside it is reported by its reference, and
 * date formats are told from other number formats without ExcelJS.
 */
import ExcelJS from 'exceljs';
import { isDateFormatCode, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, readXlsxTable } from '../../src/xlsx/table';
import { issuesOfAsync } from './helpers';

async function book(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('org');
  ws.addRow(['部门', '姓名']);
  ws.addRow(['技术部', '张伟']);
  fill(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the bounded import window', () => {
  it('reads a table that fills the window', async () => {
    const t = await readXlsxTable('org.xlsx', await book((ws) => { ws.getCell(MAX_IMPORT_ROWS, MAX_IMPORT_COLUMNS).value = 'x'; }));
    expect(t.header).toEqual(['部门', '姓名']);
    expect(t.rows.map((r) => r.line)).toEqual([2, MAX_IMPORT_ROWS]);
    expect(t.rows[1].cells[MAX_IMPORT_COLUMNS - 1]).toBe('x');
  });

  it('reports a cell below the window by its reference, in both languages', async () => {
    const bytes = await book((ws) => { ws.getCell(MAX_IMPORT_ROWS + 1, 1).value = '远处'; });
    const zh = await issuesOfAsync(() => readXlsxTable('org.xlsx', bytes, 'zh-CN'));
    expect(zh.map((i) => [i.code, i.line, i.message])).toEqual([['XLSX_TOO_FAR', MAX_IMPORT_ROWS + 1, expect.stringContaining('单元格 A20001 有内容，但导入表最多读取 20000 行、64 列')]]);
    const en = await issuesOfAsync(() => readXlsxTable('org.xlsx', bytes, 'en-US'));
    expect(en[0].message).toContain('cell A20001 holds something, but an import reads at most 20000 rows and 64 columns');
  });

  it('reports a cell right of the window, and ignores formatted blank ones there', async () => {
    const blank = await readXlsxTable('org.xlsx', await book((ws) => { ws.getCell(2, MAX_IMPORT_COLUMNS + 1).font = { bold: true }; }));
    expect(blank.rows).toHaveLength(1);
    const issues = await issuesOfAsync(async () => readXlsxTable('org.xlsx', await book((ws) => { ws.getCell(2, MAX_IMPORT_COLUMNS + 1).value = 1; })));
    expect(issues.map((i) => i.code)).toEqual(['XLSX_TOO_FAR']);
    expect(issues[0].message).toContain('BM2');
  });

  it('tells date formats from others', () => {
    for (const code of ['yyyy-mm-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm:ss', '[h]:mm', 'mmm-yy']) expect([code, isDateFormatCode(code)]).toEqual([code, true]);
    for (const code of ['0.00%', '#,##0', '"day"0', '[Red]0.00', '0;[Red]-0', '@', 'General']) expect([code, isDateFormatCode(code)]).toEqual([code, false]);
  });

  it('reads a date-formatted number as a date, another number as a number', async () => {
    const t = await readXlsxTable('org.xlsx', await book((ws) => {
      ws.getCell(2, 3).value = new Date(Date.UTC(2026, 11, 31));
      ws.getCell(2, 4).value = 46387;
      ws.getCell(2, 4).numFmt = '0.00';
    }));
    expect(t.rows[0].cells.slice(2, 4)).toEqual([new Date(Date.UTC(2026, 11, 31)), 46387]);
  });
});
