/** The org file's optional employee id column (工号): its header spellings, ids as text, duplicates refused. */
import ExcelJS from 'exceljs';
import { ORG_COLUMNS, parseOrgTable, readCsvTable, tableNotes, type TableInput } from '../../src/io/import';
import { readTableFile } from '../../src/xlsx/table';
import { BOM, issuesOf, utf8, where } from './helpers';

const csv = (text: string, file = 'org.csv'): TableInput => readCsvTable(file, utf8(text));

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织架构');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the employee id column of the org file', () => {
  it.each(['工号', '员工编号', 'employee_id', 'employee id', 'Employee ID', 'id', 'ID', '工号*', ' 工 号 '])('is read under the header "%s"', (header) => {
    const org = parseOrgTable(csv(`部门,姓名,${header}\n技术部,王磊,E101\n`), 'zh-CN');
    expect(org.people).toEqual([{ name: '王磊', department: '技术部', head: false, id: 'E101' }]);
    expect(tableNotes(csv(`部门,姓名,${header}\n技术部,王磊,E101\n`), ORG_COLUMNS, 'zh-CN')).toEqual([]);
  });

  it('is optional: without it, or left blank, a person has no id', () => {
    expect(parseOrgTable(csv('部门,姓名\n技术部,王磊\n'), 'zh-CN').people[0]).toEqual({ name: '王磊', department: '技术部', head: false });
    const org = parseOrgTable(csv('部门,姓名,工号\n技术部,王磊,\n技术部,李娜,  \n'), 'zh-CN');
    expect(org.people.map((p) => 'id' in p)).toEqual([false, false]);
  });

  it('keeps an id as text: leading zeros, letters, trimmed', () => {
    const org = parseOrgTable(csv(`${BOM}部门,姓名,工号\n技术部,王磊,007\n技术部,李娜, 0100 \n市场部,王磊,HR-02\n`), 'zh-CN');
    expect(org.people.map((p) => p.id)).toEqual(['007', '0100', 'HR-02']);
  });

  it('reads an .xlsx number cell as its digits, and a text cell as written', async () => {
    const buf = await xlsx([
      ['部门', '姓名', '工号'],
      ['技术部', '王磊', 7],
      ['技术部', '李娜', '007'],
      ['市场部', '王磊', 123456789012345680000],
    ]);
    const org = parseOrgTable(await readTableFile('org.xlsx', buf), 'zh-CN');
    expect(org.people.map((p) => p.id)).toEqual(['7', '007', '123456789012345683968']);
  });

  it('lets two people of one name in two departments be told apart by their ids', () => {
    const org = parseOrgTable(csv('部门,姓名,工号\n技术部,王磊,001\n市场部,王磊,002\n'), 'zh-CN');
    expect(org.people.map((p) => [p.department, p.name, p.id])).toEqual([['技术部', '王磊', '001'], ['市场部', '王磊', '002']]);
  });

  it('refuses an id given twice, naming file, line and column, in the user\'s language', () => {
    const text = '部门,姓名,工号\n技术部,王磊,007\n市场部,李娜,008\n市场部,王磊,007\n产品部,赵敏,7\n';
    const zh = issuesOf(() => parseOrgTable(csv(text), 'zh-CN'));
    // "7" is not "007": only line 4 repeats an id.
    expect(where(zh)).toEqual(['org.csv:4:工号:DUPLICATE_ID']);
    expect(zh[0].message).toBe('org.csv 第4行“工号”列：工号“007”已用于第2行的“王磊”，一个工号只能对应一个人');
    const en = issuesOf(() => parseOrgTable(csv(text.replace('工号', 'employee_id')), 'en-US'));
    expect(en[0]).toMatchObject({ file: 'org.csv', line: 4, column: 'employee_id', code: 'DUPLICATE_ID' });
    expect(en[0].message).toBe('org.csv line 4, column "employee_id": employee ID "007" is already used for "王磊" on line 2; an employee ID belongs to one person only');
  });

  it('compares ids as a person does: case, full-width forms and spaces at the ends do not count', () => {
    const issues = issuesOf(() => parseOrgTable(csv('部门,姓名,工号\n技术部,王磊,E008\n市场部,李娜,ｅ００８\n'), 'zh-CN'));
    expect(where(issues)).toEqual(['org.csv:3:工号:DUPLICATE_ID']);
    expect(issues[0].message).toContain('工号“ｅ００８”已用于第2行的“王磊”');
  });
});
