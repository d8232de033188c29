import { readTableFile, readXlsxTable } from '../../src/xlsx/table';
import ExcelJS from 'exceljs';
import { parseOkrTable, parseOrgTable } from '../../src/io/import';
import { issuesOfAsync, where } from './helpers';

type Row = (ExcelJS.CellValue | undefined)[];

async function xlsx(rows: Row[], setup?: (ws: ExcelJS.Worksheet) => void, sheetsBefore: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  for (const name of sheetsBefore) wb.addWorksheet(name).addRow(['not', 'this', 'one']);
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== undefined) ws.getCell(i + 1, j + 1).value = v;
    });
  });
  setup?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ORG_ROWS: Row[] = [
  ['部门', '姓名', '岗位', '上级', '负责人'],
  ['技术部', '王志强', '技术总监', null, '是'],
  [],
  ['技术部', { richText: [{ text: '张' }, { text: '伟', font: { bold: true } }] }, '工程师', '王志强', false],
  ['市场部', '杨帆', { text: '市场总监', hyperlink: 'https://example.com' }, null, true],
];

describe('readXlsxTable', () => {
  it('reads the first sheet: header, sheet row numbers, rich text, hyperlinks, booleans', async () => {
    const t = await readXlsxTable('org.xlsx', await xlsx(ORG_ROWS));
    expect(t.header).toEqual(['部门', '姓名', '岗位', '上级', '负责人']);
    expect(t.rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(t.rows[1].cells).toEqual(['技术部', '张伟', '工程师', '王志强', 'FALSE']);
    expect(t.rows[2].cells[2]).toBe('市场总监');
    const org = parseOrgTable(t, 'zh-CN');
    expect(org.departments).toEqual([
      { name: '技术部', head: '王志强' },
      { name: '市场部', head: '杨帆' },
    ]);
    expect(org.people.map((p) => [p.name, p.head])).toEqual([
      ['王志强', true],
      ['张伟', false],
      ['杨帆', true],
    ]);
  });

  it('reads an OKR sheet with real dates, serials, percent-formatted numbers, formulas and merged cells', async () => {
    const buf = await xlsx(
      [
        ['Level', 'Objective No', 'Objective', 'Objective Weight', 'Agreed', 'KR No', 'Key Result', 'Deadline', 'Period', 'KR Weight', 'Self Score'],
        ['公司', 1, '提升游戏收入', 0.6, true, 1, 'Q4流水3000万', new Date(Date.UTC(2026, 11, 31)), '季度', 0.5, 0.7],
        ['公司', 1, null, null, null, 2, '=HYPERLINK("http://x","y")', 46372, 'annual', { formula: '1-J2', result: 0.5 }, { formula: 'A1', result: undefined }],
        ['公司', 2, '提升广告收入', '40%', 'yes', 1, '广告收入1500万', '2026/11/30', null, 1, null],
      ],
      (ws) => {
        ws.mergeCells('C2:C3');
        ws.mergeCells('D2:D3');
        ws.getCell('D2').numFmt = '0%';
      },
    );
    const t = await readTableFile('okrs.xlsx', buf);
    // merged cells read as the merged area's value on every row it covers
    expect(t.rows[1].cells.slice(2, 4)).toEqual(['提升游戏收入', 0.6]);
    const issues = await issuesOfAsync(async () => parseOkrTable(t, { departments: [], people: [] }, 'en-US'));
    // the formula without a cached result reads as its formula text, which is not a number
    expect(where(issues)).toEqual(['okrs.xlsx:3:Self Score:BAD_NUMBER']);

    t.rows[1].cells[10] = null;
    const { company } = parseOkrTable(t, { departments: [], people: [] }, 'en-US');
    expect(company.objectives.map((o) => [o.no, o.text, o.weight, o.agreed])).toEqual([
      [1, '提升游戏收入', 0.6, true],
      [2, '提升广告收入', 0.4, true],
    ]);
    expect(company.objectives[0].krs).toEqual([
      { no: 1, text: 'Q4流水3000万', deliverable: '', target: '', criteria: '', deadline: '2026-12-31', period: 'quarter', weight: 0.5, selfScore: 0.7 },
      // a string that looks like a formula is data; a formula cell gives its cached result
      { no: 2, text: '=HYPERLINK("http://x","y")', deliverable: '', target: '', criteria: '', deadline: '2026-12-16', period: 'annual', weight: 0.5 },
    ]);
    expect(company.objectives[1].krs[0].deadline).toBe('2026-11-30');
  });

  it('uses the first sheet only and finds an .xlsx by its bytes whatever the name', async () => {
    const buf = await xlsx(ORG_ROWS, undefined, ['第二页']);
    const t = await readTableFile('org.csv', buf);
    expect(t.header[0]).toBe('部门');
    expect(t.rows).toHaveLength(3);
  });

  it('reports errors with the sheet row number and the header as written', async () => {
    const buf = await xlsx([
      ['部门', '姓名', '上级'],
      ['技术部', '王志强', null],
      [null, null, null],
      ['技术部', '李四', '王五'],
    ]);
    const issues = await issuesOfAsync(async () => parseOrgTable(await readTableFile('org.xlsx', buf), 'zh-CN'));
    expect(issues.map((i) => i.message)).toEqual(['org.xlsx 第4行“上级”列：找不到“王五”（不在组织架构中）']);
  });

  it('reports an empty workbook', async () => {
    const issues = await issuesOfAsync(async () => readTableFile('org.xlsx', await xlsx([])));
    expect(issues[0].code).toBe('EMPTY_FILE');
  });
});
