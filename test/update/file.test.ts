/**
 * `okr-workbook update book.xlsx --org org.csv --out updated.xlsx` — the organisation update and the
 * template upgrade through the file adapter, on a workbook people have typed into. The strongest
 * check: every input cell of every sheet reads back exactly as typed, and LibreOffice computes on the
 * updated cards exactly what the TypeScript scoring computes.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { cardShows, scoreCard } from '../../src/domain/scoring';
import { departmentBottomUpShare } from '../../src/domain/rules';
import { checkBook } from '../../src/i18n/findings';
import { TEMPLATE_VERSION } from '../../src/templates/plan';
import { readValues, recalcXlsx } from '../support/libreoffice';
import { itWith } from '../support/tools';
import { cli, editFile, exists, newExample, openXlsx, ORG, readBookOf, signAll } from '../lifecycle/helpers';
import { ROOT, tempDir } from '../workbook/build-fixture';

const FIXTURE = path.join(ROOT, 'test/fixtures/template-v1.xlsx');
const FIXTURE_ORG = path.join(ROOT, 'test/fixtures/template-v1-org.csv');

/** Every unlocked (input) cell of every sheet: sheet → address → JSON of what it holds. */
function inputCells(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.style.protection?.locked === false) out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
    }));
  }
  return out;
}

async function writeOrg(dir: string, name: string, edit: (csv: string) => string, from = ORG): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, edit(await fs.readFile(from, 'utf8')));
  return file;
}

describe('okr-workbook update on a workbook made by template version 1', () => {
  let dir: string;
  let typed: string;
  let updated: string;
  let stdout: string;
  let before: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = await tempDir('okr-update-v1-');
    // People typed into the old workbook: scores, progress, a formula of their own, sign-offs, a limit.
    typed = await editFile(FIXTURE, path.join(dir, 'typed.xlsx'), (wb) => {
      const liu = wb.getWorksheet('个人-刘洋')!;
      liu.getCell('P7').value = 0.8;
      liu.getCell('Q7').value = 0.75;
      liu.getCell('P8').value = { formula: '0.2+0.3', date1904: false } as ExcelJS.CellFormulaValue;
      liu.getCell('Q9').value = 1.2;
      liu.getCell('U9').value = '=HYPERLINK("http://x","y")';
      // A row inserted inside objective 1 of 王志强's card (ExcelJS shifts the cells, not the formulas or
      // rules, so only the upgrade's rewrite on the card's actual rows makes it count), with a KR in it.
      const wang = wb.getWorksheet('个人-王志强')!;
      wang.spliceRows(9, 0, []);
      wang.getCell('A9').value = null;
      wang.getCell('H9').value = '插入的KR：压测峰值并发提升到2万';
      wang.getCell('P9').value = 0.5;
      const zhou = wb.getWorksheet('个人-周明')!;
      zhou.getCell('P7').value = 0.4;
      wb.getWorksheet('设置')!.getCell('B12').value = 2;
    });
    before = await openXlsx(typed);
    const org = await writeOrg(dir, 'org2.csv', (csv) => csv
      .split('\n').filter((l) => !l.startsWith('总经办,何静,')).join('\n')
      .replace('刘洋,前端开发工程师', '刘洋,高级前端工程师')
      .trimEnd() + '\n技术部,新人甲,测试工程师,王志强,\n市场部,李明,市场总监,陈建国,是\n', FIXTURE_ORG);
    updated = path.join(dir, 'updated.xlsx');
    const r = await cli('update', typed, '--org', org, '--out', updated, '--by', '人力资源部');
    expect(r).toMatchObject({ code: 0, err: '' });
    stdout = r.out;
  });

  it('says what it did, card by card', () => {
    expect(stdout).toMatch(/^已写入 .*updated\.xlsx：新增 2 人；新增 1 个部门；离职 1 人（卡片保留并标记）；更新表头 1 处；模板从版本 1 升级到 2（11 张卡片）。/);
    expect(stdout).toContain('  个人-新人甲\t新建卡片');
    expect(stdout).toContain('  部门-市场部\t新建卡片');
    expect(stdout).toContain('  个人-何静\t标记为离职/撤销（卡片保留）');
    expect(stdout).toContain('  个人-刘洋!H2\t表头：“前端开发工程师” → “高级前端工程师”');
  });

  it('puts new cards with their department\'s cards, not behind the change log', async () => {
    const tabs = (await openXlsx(updated)).worksheets.map((w) => w.name);
    expect(tabs.indexOf('个人-新人甲')).toBe(tabs.indexOf('个人-刘洋') + 1);
    expect(tabs.indexOf('部门-市场部')).toBe(tabs.indexOf('部门-技术部') + 1);
    expect(tabs.at(-1)).toBe('变更记录');
  });

  it('keeps every input cell of every sheet exactly as typed, formulas of people\'s own included', async () => {
    const after = await openXlsx(updated);
    const was = inputCells(before);
    const now = inputCells(after);
    expect(was.size).toBeGreaterThan(500);
    for (const [where, value] of was) expect({ where, value: now.get(where) }).toEqual({ where, value });
    expect(after.getWorksheet('个人-刘洋')!.getCell('P8').value).toMatchObject({ formula: '0.2+0.3' });
    // Text that looks like a formula stays text.
    expect(after.getWorksheet('个人-刘洋')!.getCell('U9').value).toBe('=HYPERLINK("http://x","y")');
  });

  it('records the new template version and gives every card the status cell, its rules and formats', async () => {
    const after = await openXlsx(updated);
    expect(after.getWorksheet('设置')!.getCell('B9').value).toBe(TEMPLATE_VERSION);
    const book = await readBookOf(updated);
    for (const c of [...book.departments, ...book.individuals]) {
      const ws = after.getWorksheet(c.sheet!)!;
      expect({ sheet: c.sheet, label: ws.getCell('M2').value }).toEqual({ sheet: c.sheet, label: '状态' });
    }
    const card = after.getWorksheet('个人-刘洋')! as unknown as { dataValidations: { model: Record<string, unknown> }; conditionalFormattings: unknown[] };
    expect(Object.keys(card.dataValidations.model).length).toBeGreaterThan(5);
    expect(card.conditionalFormattings.length).toBeGreaterThan(5);
    // Not doubled: the upgrade replaced the old rules.
    const fresh = after.getWorksheet('个人-新人甲')! as unknown as { conditionalFormattings: unknown[] };
    expect(card.conditionalFormattings.length).toBe(fresh.conditionalFormattings.length);
    expect(after.getWorksheet('个人-刘洋')!.getCell('H2').value).toBe('高级前端工程师');
    expect(after.getWorksheet('个人-何静')!.getCell('N2').value).toMatch(/^已离职 \d{4}-\d{2}-\d{2}$/);
  });

  it('reads back as the new organisation: new cards, the departed card kept and left out of the rules', async () => {
    const book = await readBookOf(updated);
    expect(book.org.people.map((p) => p.name)).toEqual(expect.arrayContaining(['新人甲', '李明']));
    expect(book.org.people.map((p) => p.name)).not.toContain('何静');
    const he = book.individuals.find((c) => c.owner === '何静')!;
    expect(he.departed).toMatch(/^已离职/);
    // 何静 never filled her card in; the mark is all that changed on it (input cells: see above).
    expect(he.objectives).toEqual([]);
    const findings = checkBook(book, { lang: 'zh-CN' });
    expect(findings.filter((f) => f.owner === '何静')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'PUBLIC')).toEqual([]);
    // The change log has the update.
    const log = book.changeLog.at(-1)!;
    expect(log).toMatchObject({ kind: 'org-update', requester: '人力资源部' });
  });

  itWith('soffice')('the upgraded cards compute in LibreOffice exactly what the TypeScript scoring computes', async () => {
    const [recalculated] = await recalcXlsx([updated], path.join(dir, 'lo'));
    const values = await readValues(recalculated);
    const book = await readBookOf(updated);
    let compared = 0;
    for (const card of [book.company, ...book.departments, ...book.individuals]) {
      const v = values.get(card.sheet!)!;
      const ts = cardShows(scoreCard(card, book.settings.bands));
      const lo = v.get('B3');
      if (ts.score === undefined) expect({ sheet: card.sheet, lo }).toEqual({ sheet: card.sheet, lo: '' });
      else expect({ sheet: card.sheet, lo }).toEqual({ sheet: card.sheet, lo: expect.closeTo(ts.score, 12) });
      compared++;
    }
    expect(compared).toBe(14);
    // Each department card's live BOTTOM_UP check, written by the update over its people after the update.
    const findings = checkBook(book, { lang: 'zh-CN' });
    const marks = book.departments.map((d) => {
      const v = values.get(d.sheet!)!;
      const share = departmentBottomUpShare(book, d.department!);
      const low = findings.some((f) => f.rule === 'BOTTOM_UP' && f.level === 'department' && f.department === d.department);
      expect({ sheet: d.sheet, share: v.get('L3') ?? '' }).toEqual({ sheet: d.sheet, share: share.share === undefined ? '' : expect.closeTo(share.share, 12) });
      expect({ sheet: d.sheet, mark: String(v.get('L4') ?? '').slice(0, 1) }).toEqual({ sheet: d.sheet, mark: share.share === undefined ? '' : low ? '✗' : '✓' });
      return String(v.get('L4') ?? '').slice(0, 1);
    });
    expect(marks).toEqual(expect.arrayContaining(['✗', '✓'])); // the example has a department below 60% and one above
    // The KR with 1.2 typed as a self score is clamped by the (rewritten) formula.
    expect(values.get('个人-刘洋')!.get('R9')).toBe(1);
    // The row inserted into 王志强's card got the formulas of a KR row and counts in the score.
    const wang = book.individuals.find((c) => c.owner === '王志强')!;
    expect(wang.objectives[0].krs.map((k) => k.text)).toContain('插入的KR：压测峰值并发提升到2万');
    expect(values.get('个人-王志强')!.get('R9')).toBe(0.5);
  });
});

describe('okr-workbook update on a live workbook', () => {
  let dir: string;
  let book: string;

  beforeAll(async () => {
    dir = await tempDir('okr-update-');
    book = await newExample(dir);
  });

  it('finds cards by what they are: a renamed card moved to the first tab is updated; a deleted card is reported and created again; a hidden card is reported', async () => {
    const edited = await editFile(book, path.join(dir, 'edited.xlsx'), (wb) => {
      wb.getWorksheet('个人-孙浩')!.name = '孙浩的OKR';
      // …and moved to the front of the tabs.
      (wb.getWorksheet('孙浩的OKR') as unknown as { orderNo: number }).orderNo = -1;
      wb.getWorksheet('个人-刘洋')!.state = 'hidden';
      wb.getWorksheet('个人-赵敏')!.getCell('B7').value = 'will be lost with the sheet';
      wb.removeWorksheet(wb.getWorksheet('个人-赵敏')!.id);
    });
    const check = await cli('check', edited);
    expect(check.out).toContain('人员名单中的赵敏（技术部）没有个人OKR卡片（工作表可能被删除）');
    expect(check.out).toMatch(/个人-刘洋\t提醒\tPUBLIC\t本卡所在的工作表被隐藏了/);

    // 孙浩 moves to 运营部: his renamed card is found by what it holds and follows him.
    const org = await writeOrg(dir, 'moved.csv', (csv) => csv.replace('技术部,孙浩,运维工程师', '运营部,孙浩,运维工程师'));
    const out = path.join(dir, 'moved.xlsx');
    const r = await cli('update', edited, '--org', org, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('  个人-赵敏\t重建（原卡片已被删除）');
    expect(r.out).toContain('  个人-刘洋\t此卡片工作表被隐藏（未改动；OKR应公开）');
    const after = await openXlsx(out);
    expect(after.worksheets[0].name).toBe('孙浩的OKR');
    expect(after.getWorksheet('个人-刘洋')!.state).toBe('hidden');
    expect(after.worksheets.filter((w) => /孙浩/.test(w.name)).map((w) => w.name)).toEqual(['孙浩的OKR']);
    const moved = await readBookOf(out);
    const sun = moved.individuals.filter((c) => c.owner === '孙浩');
    expect(sun.map((c) => [c.sheet, c.department])).toEqual([['孙浩的OKR', '运营部']]);
    expect(r.out).toContain('孙浩的OKR!D2\t表头：“技术部” → “运营部”');
    // The moved card keeps everything its owner typed.
    const was = (await readBookOf(edited)).individuals.find((c) => c.owner === '孙浩')!;
    const strip = (c: typeof was) => JSON.stringify(c.objectives, (k, v: unknown) => (k === 'ref' ? undefined : v));
    expect(strip(sun[0])).toBe(strip(was));
    expect(checkBook(moved, { lang: 'zh-CN' }).some((f) => f.rule === 'PUBLIC' && f.params.key === 'missing')).toBe(false);
  });

  it('a person who moves: each objective still aligned to the old department is flagged on its cell, and the change log says so', async () => {
    const org = await writeOrg(dir, 'liu-moves.csv', (csv) => csv.replace('技术部,刘洋,前端开发工程师,王志强', '产品部,刘洋,前端开发工程师,陈建国'));
    const out = path.join(dir, 'liu-moved.xlsx');
    const r = await cli('update', book, '--org', org, '--out', out);
    expect(r).toMatchObject({ code: 0, err: '' });
    const liu = (await readBookOf(book)).individuals.find((c) => c.owner === '刘洋')!;
    const stale = liu.objectives.filter((o) => o.alignedTo?.startsWith('技术部#'));
    expect(stale.length).toBe(3);
    for (const o of stale) {
      expect(r.out).toContain(`  个人-刘洋!${o.ref!.alignedTo}\t对齐目标“${o.alignedTo}”仍指向原部门技术部的目标；调到产品部后请改为对齐产品部的目标（确需保留时可不改）`);
    }
    expect(r.out).toMatch(/调动部门 1 人；3 个目标仍对齐原部门，需重新对齐；/);
    expect((await readBookOf(out)).changeLog.at(-1)?.note).toContain('3 个目标仍对齐原部门，需重新对齐');

    // Nobody moved: no alignment is flagged, cross-department ones included.
    const same = await cli('update', book, '--org', ORG, '--out', path.join(dir, 'same.xlsx'));
    expect(same.out).not.toContain('仍指向原部门');
  });

  it('a person who leaves keeps their card, marked; when they come back the mark is cleared', async () => {
    const left = await writeOrg(dir, 'left.csv', (csv) => csv.split('\n').filter((l) => !l.includes(',赵敏,')).join('\n'));
    const out1 = path.join(dir, 'left.xlsx');
    expect((await cli('update', book, '--org', left, '--out', out1)).code).toBe(0);
    const b1 = await readBookOf(out1);
    expect(b1.individuals.find((c) => c.owner === '赵敏')!.departed).toMatch(/^已离职/);
    expect((await openXlsx(out1)).getWorksheet('个人-赵敏')!.properties.tabColor).toEqual({ argb: 'FFA6A6A6' });
    // Scoring leaves her out of the register (her card stays as it was).
    const scored = await cli('score', out1, '--out', path.join(dir, 'left-scored.json.xlsx'), '--json', '--override', '测试：有意留下的错误');
    expect(scored.code).toBe(0);
    const people = (JSON.parse(scored.out) as { people: { name: string }[] }).people.map((p) => p.name);
    expect(people).toHaveLength(35);
    expect(people).not.toContain('赵敏');

    const out2 = path.join(dir, 'back.xlsx');
    const r = await cli('update', out1, '--org', ORG, '--out', out2);
    expect(r.code).toBe(0);
    expect(r.out).toContain('  个人-赵敏\t取消离职/撤销标记');
    expect((await openXlsx(out2)).getWorksheet('个人-赵敏')!.properties.tabColor).toBeUndefined();
    const b2 = await readBookOf(out2);
    expect(b2.individuals.find((c) => c.owner === '赵敏')!.departed).toBeUndefined();
    expect(b2.individuals.filter((c) => c.owner === '赵敏')).toHaveLength(1);
  });

  it('writes nothing when the workbook is up to date', async () => {
    const out = path.join(dir, 'same.xlsx');
    const r = await cli('update', book, '--org', ORG, '--out', out);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toBe('工作簿已是最新：组织架构和模板都没有变化。未写入任何文件。');
    expect(await exists(out)).toBe(false);
    // The same organisation in another order is the same organisation.
    const reordered = await writeOrg(dir, 'reordered.csv', (csv) => { const [head, ...rows] = csv.trimEnd().split('\n'); return [head, ...rows.reverse()].join('\n'); });
    const r2 = await cli('update', book, '--org', reordered, '--out', out);
    expect(r2.out).toBe('工作簿已是最新：组织架构和模板都没有变化。未写入任何文件。');
  });

  it('refuses a workbook made by newer templates, and a broken org table, with exit code 2 and no file', async () => {
    const newer = await editFile(book, path.join(dir, 'newer.xlsx'), (wb) => { wb.getWorksheet('设置')!.getCell('B9').value = TEMPLATE_VERSION + 1; });
    const out = path.join(dir, 'x.xlsx');
    const r1 = await cli('update', newer, '--org', ORG, '--out', out);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain(`模板版本 ${TEMPLATE_VERSION + 1}`);
    const bad = await writeOrg(dir, 'bad.csv', (csv) => csv + '技术部,无名氏,工程师,不存在的人,\n');
    const r2 = await cli('update', book, '--org', bad, '--out', out);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('找不到“不存在的人”');
    expect(await exists(out)).toBe(false);
  });

  it('locked cells stay locked, and the card stays protected, through an update with a template upgrade and through scoring', async () => {
    const signed = await editFile(book, path.join(dir, 'signed.xlsx'), signAll);
    const locked = path.join(dir, 'locked.xlsx');
    expect((await cli('lock', signed, '--out', locked)).code).toBe(0);
    // Pretend the workbook is from template version 1, so the update rewrites every card's template cells.
    const old = await editFile(locked, path.join(dir, 'locked-v1.xlsx'), (wb) => { wb.getWorksheet('设置')!.getCell('B9').value = 1; });
    // A new person, and 刘洋 — whose objectives are locked — moves to 产品部: the snapshot follows him.
    const org = await writeOrg(dir, 'plus.csv', (csv) => csv.replace('技术部,刘洋,', '产品部,刘洋,').trimEnd() + '\n技术部,新人丙,工程师,王志强,\n');
    const updatedFile = path.join(dir, 'locked-updated.xlsx');
    const r = await cli('update', old, '--org', org, '--out', updatedFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain('模板从版本 1 升级到 2');
    expect(r.out).toContain('个人-刘洋!D2\t表头：“技术部” → “产品部”');
    const scored = path.join(dir, 'locked-scored.xlsx');
    expect((await cli('score', updatedFile, '--out', scored, '--override', '测试：有意留下的错误')).code).toBe(0);
    for (const file of [updatedFile, scored]) {
      const wb = await openXlsx(file);
      const ws = wb.getWorksheet('个人-刘洋')!;
      const isLocked = (a: string) => ws.getCell(a).style.protection?.locked !== false;
      expect({ file, frozen: ['B7', 'H7', 'J7', 'K7', 'B11', 'H11'].map(isLocked) }).toEqual({ file, frozen: Array(6).fill(true) });
      expect({ file, open: ['I7', 'L7', 'N7', 'O7', 'P7', 'Q7', 'H15'].map(isLocked) }).toEqual({ file, open: Array(7).fill(false) });
      expect(ws.getCell('B7').fill).toMatchObject({ fgColor: { argb: 'FFE7E6E6' } });
      for (const w of wb.worksheets.filter((x) => /^(个人|部门)-/.test(x.name))) {
        expect({ sheet: w.name, protected: (w as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet }).toEqual({ sheet: w.name, protected: true });
      }
    }
    // The lock still holds: nothing reported as changed or removed.
    const b = await readBookOf(scored);
    expect(checkBook(b, { lang: 'zh-CN' }).filter((f) => f.rule === 'O_FROZEN' || f.rule === 'QKR_LOCKED')).toEqual([]);
  });
});
