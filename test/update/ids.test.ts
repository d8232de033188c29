/**
 * People across quarters: the employee id (工号) of the org file, written by `new` into the staff list
 * of 设置 and read back, and `update` matching people by it — a rename and a transfer keep the card,
 * and two people named 王磊 stay two people. Without ids, name and department decide as before.
 */
import type ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { checkBook } from '../../src/i18n/findings';
import { cli, editFile, openXlsx, readBookOf } from '../lifecycle/helpers';
import { tempDir } from '../workbook/build-fixture';

const ORG = `部门,姓名,岗位,上级,负责人,工号
总经办,陈建国,总经理,,是,001
技术部,王磊,工程师,陈建国,,007
市场部,王磊,市场专员,陈建国,,008
技术部,李娜,工程师,陈建国,,010
`;
const WANG_TECH = '技术部,王磊,工程师,陈建国,,007';
const WANG_MKT = '市场部,王磊,市场专员,陈建国,,008';
/** The staff list in 设置: columns O (name) to T (employee id), header on row 3. */
const ID_COL = 'T';

/** The org file without its id column: the same people, told apart by name and department only. */
const withoutIds = (csv: string) => csv.split('\n').map((l) => l.split(',').slice(0, 5).join(',')).join('\n');

function staffList(wb: ExcelJS.Workbook): { name: unknown; department: unknown; id: unknown }[] {
  const ws = wb.getWorksheet('设置')!;
  const out: { name: unknown; department: unknown; id: unknown }[] = [];
  for (let r = 4; ws.getCell(`O${r}`).value; r++) out.push({ name: ws.getCell(`O${r}`).value, department: ws.getCell(`P${r}`).value, id: ws.getCell(`${ID_COL}${r}`).value });
  return out;
}

describe('employee ids (工号) across new and update', () => {
  let dir: string;
  let book: string;
  const org = async (name: string, csv: string) => { const f = path.join(dir, name); await fs.writeFile(f, csv); return f; };
  const update = async (from: string, orgCsv: string, name: string) => {
    const out = path.join(dir, `${name}.xlsx`);
    const r = await cli('update', from, '--org', await org(`${name}.csv`, orgCsv), '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    return { out, r };
  };

  beforeAll(async () => {
    dir = await tempDir('okr-ids-');
    const made = path.join(dir, 'made.xlsx');
    const r = await cli('new', '--org', await org('org.csv', ORG), '--cycle', '2026-Q4', '--out', made);
    expect(r).toMatchObject({ code: 0, err: '' });
    // What each person typed on their card: it tells the cards apart after the update.
    book = await editFile(made, path.join(dir, 'book.xlsx'), (wb) => {
      wb.getWorksheet('个人-王磊')!.getCell('B7').value = '技术部王磊的目标';
      wb.getWorksheet('个人-王磊(市场部)')!.getCell('B7').value = '市场部王磊的目标';
      wb.getWorksheet('个人-李娜')!.getCell('B7').value = '李娜的目标';
    });
  });

  it('new writes the ids into the staff list as text, and the book reads them back', async () => {
    const wb = await openXlsx(book);
    expect(wb.getWorksheet('设置')!.getCell(`${ID_COL}3`).value).toBe('工号');
    expect(staffList(wb)).toEqual([
      { name: '陈建国', department: '总经办', id: '001' },
      { name: '王磊', department: '技术部', id: '007' },
      { name: '王磊', department: '市场部', id: '008' },
      { name: '李娜', department: '技术部', id: '010' },
    ]);
    expect((wb.getWorksheet('设置')!.getColumn(ID_COL).width ?? 0)).toBeGreaterThan(8);
    const read = await readBookOf(book);
    expect(read.org.people.map((p) => [p.department, p.name, p.id])).toEqual([
      ['总经办', '陈建国', '001'], ['技术部', '王磊', '007'], ['市场部', '王磊', '008'], ['技术部', '李娜', '010'],
    ]);
    // The same organisation again: nothing to do.
    const same = await cli('update', book, '--org', path.join(dir, 'org.csv'), '--out', path.join(dir, 'same.xlsx'));
    expect(same.out).toBe('工作簿已是最新：组织架构和模板都没有变化。未写入任何文件。');
  });

  it('in English, the column is "Employee ID"', async () => {
    const out = path.join(dir, 'en.xlsx');
    const en = ORG.replace('部门,姓名,岗位,上级,负责人,工号', 'department,name,position,manager,head,employee_id');
    expect((await cli('new', '--org', await org('en.csv', en), '--cycle', '2026-Q4', '--lang', 'en-US', '--out', out)).code).toBe(0);
    expect((await openXlsx(out)).getWorksheet('Settings')!.getCell(`${ID_COL}3`).value).toBe('Employee ID');
    expect((await readBookOf(out)).org.people.map((p) => p.id)).toEqual(['001', '007', '008', '010']);
  });

  it('a rename by id: the card, its lock and the staff row follow the person', async () => {
    const locked = path.join(dir, 'locked.xlsx');
    expect((await cli('lock', book, '--out', locked, '--override', '测试：未签字'))).toMatchObject({ code: 0 });
    const { out, r } = await update(locked, ORG.replace('技术部,李娜,', '技术部,李娜娜,'), 'renamed');
    expect(r.out).toContain('按工号识别改名 1 人');
    expect(r.out).toContain('  个人-李娜\t改名（按工号识别，卡片随人保留，工作表名不变）：李娜 → 李娜娜');
    expect(r.out).toContain('  个人-李娜!B2\t表头：“李娜” → “李娜娜”');
    expect(r.out).not.toContain('新建卡片');
    expect(r.out).not.toContain('离职');
    const after = await readBookOf(out);
    const card = after.individuals.find((c) => c.owner === '李娜娜')!;
    expect([card.sheet, card.department, card.departed, card.objectives[0].text]).toEqual(['个人-李娜', '技术部', undefined, '李娜的目标']);
    expect(after.individuals.filter((c) => c.owner === '李娜')).toEqual([]);
    expect(staffList(await openXlsx(out))[3]).toEqual({ name: '李娜娜', department: '技术部', id: '010' });
    // The lock snapshot follows the card to its new name: nothing reads as removed or changed.
    expect(checkBook(after, { lang: 'zh-CN' }).filter((f) => f.rule === 'O_FROZEN' || f.rule === 'QKR_LOCKED')).toEqual([]);
  });

  it('a transfer by id: two 王磊 who swap departments each keep their own card', async () => {
    const swapped = ORG.replace(WANG_TECH, '市场部,王磊,工程师,陈建国,,007').replace(WANG_MKT, '技术部,王磊,市场专员,陈建国,,008');
    const { out, r } = await update(book, swapped, 'swapped');
    expect(r.out).toContain('调动部门 2 人');
    expect(r.out).toContain('  个人-王磊\t调动：技术部 → 市场部');
    expect(r.out).toContain('  个人-王磊(市场部)\t调动：市场部 → 技术部');
    const after = await readBookOf(out);
    const wang = after.individuals.filter((c) => c.owner === '王磊').map((c) => [c.sheet, c.department, c.objectives[0]?.text]);
    expect(wang).toEqual(expect.arrayContaining([['个人-王磊', '市场部', '技术部王磊的目标'], ['个人-王磊(市场部)', '技术部', '市场部王磊的目标']]));
    expect(wang).toHaveLength(2);
    expect(after.org.people.filter((p) => p.name === '王磊').map((p) => [p.department, p.id])).toEqual([['市场部', '007'], ['技术部', '008']]);

    // Without ids the same file is read by name and department: each card stays where it is.
    const byName = await update(book, withoutIds(swapped), 'swapped-no-ids');
    expect(byName.r.out).not.toContain('调动');
  });

  it('two people named 王磊 in one department, one after the other, are two people', async () => {
    // 王磊 (007) leaves 技术部; another 王磊 (009) joins it.
    const next = ORG.replace(WANG_TECH, '技术部,王磊,测试工程师,陈建国,,009');
    const { out, r } = await update(book, next, 'newcomer');
    expect(r.out).toContain('新增 1 人；离职 1 人（卡片保留并标记）');
    expect(r.out).toContain('  个人-王磊\t标记为离职/撤销（卡片保留）');
    expect(r.out).toContain('  个人-王磊(技术部)\t新建卡片');
    const after = await readBookOf(out);
    const tech = after.individuals.filter((c) => c.owner === '王磊' && c.department === '技术部');
    expect(tech.map((c) => [c.sheet, Boolean(c.departed), c.objectives.map((o) => o.text)])).toEqual(expect.arrayContaining([
      ['个人-王磊', true, ['技术部王磊的目标']],
      ['个人-王磊(技术部)', false, []],
    ]));
    expect(tech).toHaveLength(2);
    // Read again next month, the leaver's card is not taken for the newcomer's.
    const again = await cli('update', out, '--org', path.join(dir, 'newcomer.csv'), '--out', path.join(dir, 'newcomer-again.xlsx'));
    expect(again.out).toBe('工作簿已是最新：组织架构和模板都没有变化。未写入任何文件。');

    // Without ids it is the same person with a new position, as before.
    const byName = await update(book, withoutIds(next), 'newcomer-no-ids');
    expect(byName.r.out).toContain('  个人-王磊!H2\t表头：“工程师” → “测试工程师”');
    expect(byName.r.out).not.toContain('新建卡片');
  });

  it('a 王磊 with another id in another department is a newcomer, not a transfer', async () => {
    const next = ORG.replace(WANG_TECH, '产品部,王磊,产品经理,陈建国,,009');
    const { out, r } = await update(book, next, 'other-dept');
    expect(r.out).toContain('  个人-王磊\t标记为离职/撤销（卡片保留）');
    expect(r.out).not.toContain('调动');
    const after = await readBookOf(out);
    expect(after.individuals.filter((c) => c.owner === '王磊').map((c) => [c.department, Boolean(c.departed)])).toEqual(expect.arrayContaining([
      ['技术部', true], ['市场部', false], ['产品部', false],
    ]));
    // Without ids: the one 王磊 left unmatched by department takes the one card left with his name.
    const byName = await update(book, withoutIds(next), 'other-dept-no-ids');
    expect(byName.r.out).toContain('  个人-王磊\t调动：技术部 → 产品部');
  });

  it('a workbook from before the id column reads without ids, keeps what is beside its staff list, and gets the column with the first ids', async () => {
    const noIds = path.join(dir, 'no-ids.csv');
    await fs.writeFile(noIds, withoutIds(ORG));
    const oldBook = await editFile(book, path.join(dir, 'old.xlsx'), (wb) => {
      const ws = wb.getWorksheet('设置')!;
      for (let r = 3; r <= 8; r++) ws.getCell(`${ID_COL}${r}`).value = null;
      ws.getCell(`${ID_COL}5`).value = 'HR的备注';
    });
    const read = await readBookOf(oldBook);
    expect(read.org.people.map((p) => p.id)).toEqual([undefined, undefined, undefined, undefined]);
    // An organisation without ids leaves the column alone.
    const same = await cli('update', oldBook, '--org', noIds, '--out', path.join(dir, 'old-same.xlsx'));
    expect(same.out).toBe('工作簿已是最新：组织架构和模板都没有变化。未写入任何文件。');
    // With ids, the column comes, header first.
    const { out } = await update(oldBook, ORG, 'old-with-ids');
    const wb = await openXlsx(out);
    expect(wb.getWorksheet('设置')!.getCell(`${ID_COL}3`).value).toBe('工号');
    expect(staffList(wb).map((p) => p.id)).toEqual(['001', '007', '008', '010']);
    expect((await readBookOf(out)).org.people.map((p) => p.id)).toEqual(['001', '007', '008', '010']);
  });
});
