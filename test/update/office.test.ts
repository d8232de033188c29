/**
 * The organisation update through the Office.js adapter, against the in-memory Excel: what the task
 * pane's "更新组织架构" does. The workbook is shared — a colleague types while the update runs — and
 * the update must write only what it owns, in one write request.
 */
import { readFileSync } from 'fs';
import { checkBook } from '../../src/i18n/findings';
import { parseOrgTable, readCsvTable } from '../../src/io/import';
import { applyPlan } from '../../src/office/apply-plan';
import { readOpenBook } from '../../src/office/read-book';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { buildWorkbook } from '../../src/templates/build';
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { createFakeExcel, type FakeExcel, type SyncHookInfo } from '@okr-workbook/fake-excel';
import { writeRequests } from '../lifecycle/helpers';
import { CYCLE, loadExample } from '../workbook/build-fixture';
import { ORG } from '../lifecycle/helpers';

const TODAY = '2026-11-28';

/** The example org with 何静 gone, two people and a department added, 刘洋 promoted. */
function changedOrg(extra = '') {
  const csv = readFileSync(ORG, 'utf8')
    .split('\n').filter((l) => !l.startsWith('总经办,何静,')).join('\n')
    .replace('刘洋,前端开发工程师', '刘洋,高级前端工程师')
    .trimEnd() + '\n技术部,新人甲,测试工程师,王志强,\n市场部,新人乙,市场专员,陈建国,\n法务部,周律,法务总监,陈建国,是\n' + extra;
  return parseOrgTable(readCsvTable('org.csv', new TextEncoder().encode(csv), 'zh-CN'), 'zh-CN');
}

async function example(hook: { fn?: (i: SyncHookInfo) => void }): Promise<FakeExcel> {
  const ex = await loadExample('zh-CN');
  const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
  const fake = createFakeExcel({ sheets: ['Sheet1'], onBeforeSync: (i) => hook.fn?.(i) });
  await fake.run((ctx) => applyPlan(ctx, plan));
  return fake;
}

describe('更新组织架构 in the open workbook', () => {
  it('adds cards, marks the person who left, updates headers and lists — in one write request, keeping what a colleague types meanwhile', async () => {
    const hook: { fn?: (i: SyncHookInfo) => void } = {};
    const fake = await example(hook);
    const st = fake.workbookState;
    // What people typed before the update, including a formula of their own in an input cell.
    st.externalEdit('个人-刘洋', 'P7', 0.8);
    st.externalEdit('个人-刘洋', 'P8', '=0.2+0.3');
    st.externalEdit('个人-何静', 'Q7', 0.9);
    const before = st.sheet('个人-何静').formulas('A1:W40');
    let requests = 0;
    hook.fn = ({ state }) => {
      // The second request is the update's write: a colleague types just before it lands.
      if (++requests === 2) {
        state.externalEdit('个人-刘洋', 'B7', '同事刚刚输入的目标');
        state.externalEdit('个人-赵敏', 'Q7', 0.66);
      }
    };
    fake.stats.reset();
    const out = await createLifecycleActions(fake.run, () => TODAY).updateOrg({ lang: 'zh-CN', org: changedOrg(), by: '人力资源部' });

    expect(out.status).toBe('updated');
    if (out.status !== 'updated') return;
    expect(out.added.map((c) => c.sheet).sort()).toEqual(['个人-周律', '个人-新人乙', '个人-新人甲', '部门-法务部'].sort());
    expect(out.departed).toEqual([{ sheet: '个人-何静', level: 'individual', name: '何静', department: '总经办' }]);
    expect(out.headers).toEqual([{ sheet: '个人-刘洋', cell: 'H2', old: '前端开发工程师', new: '高级前端工程师' }]);
    expect(out.summary).toContain('新增 3 人');

    // One read request, one write request, Excel.run's closing sync.
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(writeRequests(fake.stats.log)).toBe(1);
    expect(fake.stats.log.every((l) => l.ok)).toBe(true);

    // Each department card's live BOTTOM_UP share lists its people after the update, the new ones and
    // the new department's card included (written with the new sheet, before it is protected).
    expect(st.sheet('部门-技术部').formulas('L3')[0][0]).toContain("N('个人-新人甲'!$H$3)");
    expect(st.sheet('部门-法务部').formulas('L3')[0][0]).toContain("N('个人-周律'!$H$3)");
    expect(st.sheet('部门-法务部').formulas('K4')).toEqual([['部门占比检查']]);
    // The colleague's typing survived, and so did everything typed before.
    expect(st.sheet('个人-刘洋').values('B7')).toEqual([['同事刚刚输入的目标']]);
    expect(st.sheet('个人-赵敏').values('Q7')).toEqual([[0.66]]);
    expect(st.sheet('个人-刘洋').formulas('P7:P8')).toEqual([[0.8], ['=0.2+0.3']]);
    expect(st.sheet('个人-刘洋').values('H2')).toEqual([['高级前端工程师']]);

    // The departed card: kept exactly, marked in N2, still protected.
    const after = st.sheet('个人-何静').formulas('A1:W40');
    expect(after[1][13]).toBe(`已离职 ${TODAY}`);
    after[1][13] = before[1][13];
    expect(after).toEqual(before);
    expect(st.sheet('个人-何静').protection.protected).toBe(true);
    expect(st.sheet('个人-何静').tabColor).toBe('#A6A6A6');

    // New cards sit with their department's cards, not behind the change log.
    const tabs = st.sheetNames();
    expect(tabs.indexOf('个人-新人甲')).toBe(tabs.indexOf('个人-郑凯') + 1);
    expect(tabs.indexOf('个人-新人乙')).toBe(tabs.indexOf('个人-曹阳') + 1);
    expect(tabs.indexOf('个人-周律')).toBe(tabs.indexOf('个人-贾思琪') + 1);
    expect(tabs.indexOf('部门-法务部')).toBe(tabs.indexOf('部门-人力资源部') + 1);
    // New cards are real cards: protected, with their validations and formats.
    const newCard = st.sheet('个人-新人甲');
    expect(newCard.protection.protected).toBe(true);
    expect(newCard.validations.length).toBeGreaterThan(5);
    expect(newCard.conditionalFormats.length).toBeGreaterThan(5);

    // The staff list and its name follow the new organisation.
    const book = await fake.run(readOpenBook);
    expect(book.org.people.map((p) => p.name)).toContain('新人甲');
    expect(book.org.people.map((p) => p.name)).not.toContain('何静');
    expect(st.name('OKR_Staff')?.formula).toMatch(/\$O\$4:\$O\$41$/);
    expect(book.individuals.find((c) => c.owner === '何静')?.departed).toBe(`已离职 ${TODAY}`);
    // Rules no longer look at the departed card; the new ones are empty, as expected.
    const findings = checkBook(book, { lang: 'zh-CN' });
    expect(findings.some((f) => f.owner === '何静')).toBe(false);
    expect(findings.some((f) => f.owner === '新人甲' && f.rule === 'O_COUNT')).toBe(true);
    // The change log says what happened.
    const log = st.sheet('变更记录').values('A5:J10').filter((r) => r.some((v) => v !== '' && v !== null));
    expect(log.at(-1)?.[1]).toBe('组织架构更新');
  });

  it('says the workbook is up to date, and writes nothing, when neither the organisation nor the templates changed', async () => {
    const fake = await example({});
    const ex = await loadExample('zh-CN');
    fake.stats.reset();
    const out = await createLifecycleActions(fake.run, () => TODAY).updateOrg({ lang: 'zh-CN', org: ex.org });
    expect(out.status).toBe('upToDate');
    expect(writeRequests(fake.stats.log)).toBe(0);
  });

  it('upgrades a card made by older templates without touching input cells', async () => {
    const fake = await example({});
    const st = fake.workbookState;
    st.externalEdit('个人-赵敏', 'B7', '把线上故障恢复时间缩短一半');
    st.externalEdit('个人-赵敏', 'P7', '=1/2');
    // Make it look like template version 1: version cell, no status cell, a formula and the rules lost.
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('个人-赵敏');
      ws.protection.unprotect();
      ws.getRange('M2:N2').clear();
      ws.getRange('R7').formulas = [['=1']];
      ws.getRange('A1:W40').dataValidation.clear();
      ws.getRange('A1:W40').conditionalFormats.clearAll();
      ws.protection.protect();
      const s = ctx.workbook.worksheets.getItem('设置');
      s.protection.unprotect();
      s.getRange('B9').values = [[1]];
      await ctx.sync();
    });
    const inputsBefore = st.sheet('个人-赵敏').formulas('B7:Q26');
    const ex = await loadExample('zh-CN');
    fake.stats.reset();
    const out = await createLifecycleActions(fake.run, () => TODAY).updateOrg({ lang: 'zh-CN', org: ex.org });
    // Every card is rewritten: several requests, each well under Excel on the web's 5 MB.
    expect(writeRequests(fake.stats.log)).toBeGreaterThan(1);
    expect(fake.stats.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(fake.stats.log.every((l) => l.ok)).toBe(true);
    expect(out.status).toBe('updated');
    if (out.status !== 'updated') return;
    expect(out.upgrade).toMatchObject({ from: 1, to: 2, skipped: [] });
    const card = st.sheet('个人-赵敏');
    expect(card.values('M2')).toEqual([['状态']]);
    expect(card.formulas('R7')[0][0]).toMatch(/^=IF\(COUNTA\(H7:Q7\)=0/);
    expect(card.validations.length).toBeGreaterThan(5);
    expect(card.conditionalFormats.length).toBeGreaterThan(5);
    expect(card.formulas('B7:Q26')).toEqual(inputsBefore);
    expect(st.sheet('设置').values('B9')).toEqual([[2]]);
    expect(card.protection.protected).toBe(true);
  });
});

describe('更新组织架构: a person who moves', () => {
  it('lists each objective still aligned to the old department, with its cell, in what the pane shows', async () => {
    const fake = await example({});
    const csv = readFileSync(ORG, 'utf8').replace('技术部,刘洋,前端开发工程师,王志强', '产品部,刘洋,前端开发工程师,陈建国');
    const org = parseOrgTable(readCsvTable('org.csv', new TextEncoder().encode(csv), 'zh-CN'), 'zh-CN');
    const out = await createLifecycleActions(fake.run, () => TODAY).updateOrg({ lang: 'zh-CN', org });
    expect(out.status).toBe('updated');
    if (out.status !== 'updated') return;
    const stale = out.lines.filter((l) => l.what.includes('仍指向原部门技术部'));
    expect(stale.map((l) => l.where)).toEqual(['个人-刘洋!D7', '个人-刘洋!D11', '个人-刘洋!D15']);
    expect(out.summary).toContain('3 个目标仍对齐原部门，需重新对齐');
  });
});

describe('更新组织架构 with employee ids (工号)', () => {
  const orgOf = (csv: string) => parseOrgTable(readCsvTable('org.csv', new TextEncoder().encode(csv), 'zh-CN'), 'zh-CN');
  const ORG_IDS = '部门,姓名,岗位,上级,负责人,工号\n总经办,陈建国,总经理,,是,001\n技术部,王磊,工程师,陈建国,,007\n市场部,王磊,市场专员,陈建国,,008\n';

  it('writes the ids as text into the open workbook, reads them back, and follows a rename by id', async () => {
    const org = orgOf(ORG_IDS);
    const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, org, company: { level: 'company', objectives: [], signOff: {} }, departments: [], individuals: [] });
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    await fake.run((ctx) => applyPlan(ctx, plan));
    const st = fake.workbookState;
    // Excel would read a written "007" as the number 7; the adapter writes it as text.
    expect(st.sheet('设置').values('T3:T6')).toEqual([['工号'], ['001'], ['007'], ['008']]);
    expect((await fake.run(readOpenBook)).org.people.map((p) => p.id)).toEqual(['001', '007', '008']);

    st.externalEdit('个人-王磊(市场部)', 'B7', '市场部王磊的目标');
    const out = await createLifecycleActions(fake.run, () => TODAY).updateOrg({ lang: 'zh-CN', org: orgOf(ORG_IDS.replace('市场部,王磊,', '市场部,王小磊,')) });
    expect(out.status).toBe('updated');
    if (out.status !== 'updated') return;
    expect(out.added).toEqual([]);
    expect(out.departed).toEqual([]);
    expect(out.lines).toContainEqual({ where: '个人-王磊(市场部)', what: '改名（按工号识别，卡片随人保留，工作表名不变）：王磊 → 王小磊' });
    const book = await fake.run(readOpenBook);
    const card = book.individuals.find((c) => c.owner === '王小磊')!;
    expect([card.sheet, card.objectives[0]?.text]).toEqual(['个人-王磊(市场部)', '市场部王磊的目标']);
    expect(book.org.people.map((p) => [p.name, p.id])).toEqual([['陈建国', '001'], ['王磊', '007'], ['王小磊', '008']]);
  });
});
