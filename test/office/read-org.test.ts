import { promises as fs } from 'fs';
import * as path from 'path';
import { createPaneActions } from '../../src/office/pane-actions';
import { readXlsxTable } from '../../src/xlsx/table';
import { createFakeExcel } from '@okr-workbook/fake-excel';
import { ROOT } from '../workbook/build-fixture';

/** The pane's three ways to bring in the organisation, through the Office adapter. */
describe('reading the organisation in the task pane', () => {
  const csvFile = path.join(ROOT, 'examples/org.csv');

  it('from a picked CSV file and from pasted text', async () => {
    const actions = createPaneActions(createFakeExcel().run);
    const bytes = new Uint8Array(await fs.readFile(csvFile));
    const fromFile = await actions.readOrg({ kind: 'file', name: 'org.csv', bytes }, 'zh-CN');
    expect(fromFile.issues).toEqual([]);
    expect(fromFile.org?.people).toHaveLength(36);
    const pasted = await actions.readOrg({ kind: 'paste', text: (await fs.readFile(csvFile, 'utf8')).replace(/^\uFEFF/, '') }, 'zh-CN');
    expect(pasted.org).toEqual(fromFile.org);
  });

  it('from a sheet of the open workbook, with errors located by the sheet row', async () => {
    const fake = createFakeExcel({ sheets: ['人员'] });
    fake.workbookState.externalEdit('人员', 'A3:E6', [
      ['部门', '姓名', '岗位', '上级', '负责人'],
      ['技术部', '王志强', '技术总监', '', '是'],
      ['技术部', '李四', '工程师', '王志强', ''],
      ['技术部', '赵六', '工程师', '钱七', ''],
    ]);
    const actions = createPaneActions(fake.run);
    expect(await actions.listSheets()).toEqual(['人员']);
    const r = await actions.readOrg({ kind: 'sheet', sheetName: '人员' }, 'zh-CN');
    expect(r.org).toBeUndefined();
    expect(r.issues).toEqual([expect.objectContaining({ file: '人员', line: 6, column: '上级', message: expect.stringMatching(/钱七/) })]);
    fake.workbookState.externalEdit('人员', 'D6', '王志强');
    const ok = await actions.readOrg({ kind: 'sheet', sheetName: '人员' }, 'en-US');
    expect(ok.org?.departments).toEqual([{ name: '技术部', head: '王志强' }]);
    expect(ok.org?.people.map((p) => p.name)).toEqual(['王志强', '李四', '赵六']);
  });

  it('a broken file gives readable issues, never an exception', async () => {
    // The pane's entry point hands in the file adapter's .xlsx reader, as src/taskpane/index.tsx does.
    const actions = createPaneActions(createFakeExcel().run, 'zh-CN', undefined, readXlsxTable);
    const r = await actions.readOrg({ kind: 'file', name: 'org.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) }, 'en-US');
    expect(r.org).toBeUndefined();
    expect(r.issues[0].message).toMatch(/org\.xlsx/);
  });
});
