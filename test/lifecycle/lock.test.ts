import { promises as fs } from 'fs';
import * as path from 'path';
import { checkBook } from '../../src/i18n/findings';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { createPaneActions } from '../../src/office/pane-actions';
import { readOpenBook } from '../../src/office/read-book';
import { tempDir } from '../workbook/build-fixture';
import { cli, editFile, exists, fakeExample, lockedFake, newExample, openXlsx, readBookOf, signAll, writeRequests } from './helpers';

const LOCK_RULES = ['O_FROZEN', 'QKR_LOCKED', 'AKR_APPROVAL'];
type JsonFinding = { rule: string; severity: string; level: string; department: string; owner: string; sheet: string; cell: string; message: string };

async function checkJson(file: string): Promise<{ code: number; findings: JsonFinding[] }> {
  const r = await cli('check', file, '--json');
  return { code: r.code, findings: (JSON.parse(r.out) as { findings: JsonFinding[] }).findings };
}
const lockFindings = (fs_: JsonFinding[]) => fs_.filter((f) => LOCK_RULES.includes(f.rule));

const CARD = '个人-刘洋';
// 刘洋's card: objective 1 at B7 with quarterly KR 1 at H7 (target J7, criteria K7); annual KR 3.1 at H15.

describe('okr-workbook lock: freeze, snapshot, change log (file adapter)', () => {
  let dir: string;
  let signed: string;
  let locked: string;
  beforeAll(async () => {
    dir = await tempDir('lock');
    const book = await newExample(dir);
    signed = await editFile(book, path.join(dir, 'signed.xlsx'), signAll);
    locked = path.join(dir, 'locked.xlsx');
    const r = await cli('lock', signed, '--out', locked, '--by', '人力资源部');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^已锁定 2026-Q4，写入 .*locked\.xlsx：20 张卡片的 \d+ 个目标和 \d+ 个季度KR已冻结/);
  });

  it('locks objective text and quarterly KR text, target and criteria; annual KRs and other inputs stay open', async () => {
    const wb = await openXlsx(locked);
    const ws = wb.getWorksheet(CARD)!;
    const locked_ = (a: string) => ws.getCell(a).style.protection?.locked !== false;
    expect(['B7', 'H7', 'J7', 'K7', 'B11', 'H11'].map(locked_)).toEqual([true, true, true, true, true, true]);
    // deliverable, deadline, weights, progress and scores stay inputs; the annual KR stays editable.
    expect(['I7', 'L7', 'N7', 'O7', 'P7', 'Q7', 'H15', 'J15', 'K15'].map(locked_)).toEqual(Array(9).fill(false));
    expect(ws.getCell('B7').fill).toMatchObject({ fgColor: { argb: 'FFE7E6E6' } });
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    // An empty card gets nothing frozen.
    expect(wb.getWorksheet('个人-陈建国')!.getCell('B7').style.protection?.locked).toBe(false);

    const snap = wb.worksheets.find((w) => w.getCell('A1').value === 'OKR锁定快照')!;
    expect(snap.name).toBe('OKR_锁定');
    expect(snap.state).toBe('veryHidden');
    expect(snap.getCell('B2').value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(snap.getCell('D2').value).toBe('人力资源部');
    expect(String(snap.getCell('H2').value)).toMatch(/^[0-9a-f]{64}$/);

    const log = wb.getWorksheet('变更记录')!;
    expect(log.getCell('B5').value).toBe('锁定');
    expect(log.getCell('F5').value).toMatch(/^2026-Q4：锁定 20 张卡片/);
    expect(log.getCell('G5').value).toBe('人力资源部');
    expect(log.getCell('F5').style.protection?.locked).not.toBe(false); // the add-in's record is locked on the protected sheet
    expect(log.getCell('F6').style.protection?.locked).toBe(false); // the rows below stay open for people
    expect(typeof log.getCell('A5').value === 'number' || log.getCell('A5').value instanceof Date).toBe(true);
  });

  it('the reader finds the snapshot: every objective and KR with its period, and each quarterly KR\'s target and criteria', async () => {
    const book = await readBookOf(locked);
    expect(book.lock).toBeDefined();
    const entries = book.lock!.entries.filter((e) => e.card === 'individual:技术部:刘洋');
    const liu = book.individuals.find((c) => c.owner === '刘洋')!;
    expect(entries).toEqual(liu.objectives.flatMap((o) => [
      { card: 'individual:技术部:刘洋', objectiveNo: o.no, text: o.text },
      ...o.krs.map((k) => ({
        card: 'individual:技术部:刘洋', objectiveNo: o.no, krNo: k.no, period: k.period, text: k.text,
        ...(k.period === 'quarter' ? { target: k.target, criteria: k.criteria } : {}),
      })),
    ]));
    expect(entries.filter((e) => e.target).length).toBeGreaterThan(2);
    expect(book.lock!.altered).toBeUndefined();
    expect(checkBook(book, { lang: 'zh-CN' }).filter((f) => LOCK_RULES.includes(f.rule))).toEqual([]);
  });

  it('a frozen objective and quarterly KR edited after unprotecting the sheet: O_FROZEN / QKR_LOCKED with old and new text', async () => {
    const before = (await readBookOf(locked)).individuals.find((c) => c.owner === '刘洋')!;
    const oldObjective = before.objectives[0].text;
    const oldKr = before.objectives[0].krs[0].text;
    const edited = await editFile(locked, path.join(dir, 'edited.xlsx'), (wb) => {
      const ws = wb.getWorksheet(CARD)!;
      ws.unprotect();
      ws.getCell('B7').value = '把前端性能做到行业第一';
      ws.getCell('H7').value = '首屏加载时间降到0.8秒';
    });
    const { code, findings } = await checkJson(edited);
    expect(code).toBe(1);
    const lock = lockFindings(findings);
    expect(lock.map((f) => [f.rule, f.severity, f.level, f.department, f.owner, f.sheet, f.cell])).toEqual([
      ['O_FROZEN', 'error', 'individual', '技术部', '刘洋', CARD, 'B7'],
      ['QKR_LOCKED', 'error', 'individual', '技术部', '刘洋', CARD, 'H7'],
    ]);
    expect(lock[0].message).toContain(`原为“${oldObjective}”，现为“把前端性能做到行业第一”`);
    expect(lock[1].message).toContain(`原为“${oldKr}”，现为“首屏加载时间降到0.8秒”`);
  });

  it('an annual KR changed without an approved change-log row: AKR_APPROVAL; with one: no finding', async () => {
    const before = (await readBookOf(locked)).individuals.find((c) => c.owner === '刘洋')!;
    const annual = before.objectives[2].krs[0];
    expect(annual).toMatchObject({ period: 'annual', ref: { text: 'H15' } });
    const changed = await editFile(locked, path.join(dir, 'annual.xlsx'), (wb) => {
      wb.getWorksheet(CARD)!.getCell('H15').value = '全年完成三次大版本发布'; // annual KRs are not locked: no unprotect needed
    });
    const without = lockFindings((await checkJson(changed)).findings);
    expect(without.map((f) => [f.rule, f.cell])).toEqual([['AKR_APPROVAL', 'H15']]);
    expect(without[0].message).toContain(`原为“${annual.text}”，现为“全年完成三次大版本发布”`);

    // A change-log row that is not approved yet (no approver) does not count.
    const requested = await editFile(changed, path.join(dir, 'requested.xlsx'), (wb) => {
      const log = wb.getWorksheet('变更记录')!;
      log.getRow(6).values = [new Date(Date.UTC(2026, 10, 2)), '年度KR调整', CARD, 'H15', annual.text, '全年完成三次大版本发布', '刘洋'];
    });
    expect(lockFindings((await checkJson(requested)).findings).map((f) => f.rule)).toEqual(['AKR_APPROVAL']);

    const approved = await editFile(requested, path.join(dir, 'approved.xlsx'), (wb) => {
      const log = wb.getWorksheet('变更记录')!;
      log.getCell('H6').value = '王志强';
      log.getCell('I6').value = new Date(Date.UTC(2026, 10, 3));
    });
    expect(lockFindings((await checkJson(approved)).findings)).toEqual([]);
  });

  it('an edit of the hidden snapshot itself is caught by its fingerprints', async () => {
    const rowOf = (snap: import('exceljs').Worksheet) => {
      let row = 0;
      snap.eachRow((r, i) => { if (!row && r.getCell(1).value === 'individual:技术部:刘洋' && r.getCell(3).value === null) row = i; });
      return row;
    };
    // Someone rewrites a snapshot row to match an edited card: the row's fingerprint no longer fits.
    const tampered = await editFile(locked, path.join(dir, 'tampered.xlsx'), (wb) => {
      const snap = wb.getWorksheet('OKR_锁定')!;
      snap.getCell(`E${rowOf(snap)}`).value = '改过的内容';
    });
    const f = (await checkJson(tampered)).findings.filter((x) => x.sheet === 'OKR_锁定');
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([['O_FROZEN', 'error', expect.stringMatching(/^H\d+$/)]]);
    expect(f[0].message).toMatch(/^锁定快照（隐藏工作表“OKR_锁定”第\d+行）在锁定后被改动，指纹不符/);
    // Someone deletes a snapshot row (fingerprint and all): the snapshot's own fingerprint no longer fits.
    const removed = await editFile(locked, path.join(dir, 'removed.xlsx'), (wb) => {
      const snap = wb.getWorksheet('OKR_锁定')!;
      snap.spliceRows(rowOf(snap), 1);
    });
    const g = (await checkJson(removed)).findings.filter((x) => x.sheet === 'OKR_锁定');
    expect(g.map((x) => [x.rule, x.cell])).toEqual([['O_FROZEN', 'H2']]);
  });

  it('refuses unagreed cards (exit 2, listing them) unless --override, whose reason goes into the change log', async () => {
    const unsigned = await newExample(dir, 'unsigned.xlsx');
    const out = path.join(dir, 'never.xlsx');
    const r = await cli('lock', unsigned, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不能锁定/);
    expect(r.err).toMatch(/个人-刘洋\t.*尚未签字/);
    expect(await exists(out)).toBe(false);

    const over = path.join(dir, 'override.xlsx');
    const o = await cli('lock', unsigned, '--out', over, '--override', '总经理批准先锁定，签字下周补齐', '--by', '周丽华');
    expect(o.code).toBe(0);
    expect(o.out).toMatch(/例外锁定（原因已写入变更记录：总经理批准先锁定，签字下周补齐）/);
    const log = (await openXlsx(over)).getWorksheet('变更记录')!;
    expect(log.getCell('B5').value).toBe('锁定（例外）');
    expect(String(log.getCell('J5').value)).toMatch(/^例外锁定，原因：总经理批准先锁定，签字下周补齐。未协商一致\/未签字 \d+ 处：.*技术部\/刘洋/);
    expect((await readBookOf(over)).changeLog.map((e) => e.kind)).toEqual(['lock-override']);
    expect((await cli('lock', unsigned, '--out', path.join(dir, 'blank.xlsx'), '--override', '  ')).code).toBe(2);
  });

  it('a locked quarter is not locked again without --relock; --out is never overwritten without --force', async () => {
    const again = path.join(dir, 'again.xlsx');
    const r = await cli('lock', locked, '--out', again);
    expect(r).toMatchObject({ code: 2, err: expect.stringMatching(/已于 \d{4}-\d{2}-\d{2} 锁定/) });
    expect(await exists(again)).toBe(false);
    expect((await cli('lock', locked, '--out', again, '--relock')).code).toBe(0);
    const wb = await openXlsx(again);
    expect(wb.worksheets.filter((w) => w.getCell('A1').value === 'OKR锁定快照')).toHaveLength(1);
    expect(wb.getWorksheet('变更记录')!.getCell('B6').value).toBe('锁定');

    // A target changed after the lock: the relock takes it up, logs it old → new and archives the old snapshot.
    const oldTarget = (await readBookOf(locked)).individuals.find((c) => c.owner === '刘洋')!.objectives[0].krs[0].target;
    const changed = await editFile(locked, path.join(dir, 'target.xlsx'), (w) => {
      const ws = w.getWorksheet(CARD)!;
      ws.unprotect();
      ws.getCell('J7').value = '首屏≤1.2秒';
    });
    expect(lockFindings((await checkJson(changed)).findings).map((f) => [f.rule, f.cell])).toEqual([['QKR_LOCKED', 'J7']]);
    const relocked = path.join(dir, 'relocked.xlsx');
    const rr = await cli('lock', changed, '--out', relocked, '--relock');
    expect(rr).toMatchObject({ code: 0, err: '' });
    expect(rr.out).toContain('快照中 1 处内容被替换，逐条记入变更记录（原内容 → 新内容），其中 1 处未经批准；原快照存档于隐藏工作表“OKR_锁定存档_');
    const book = await readBookOf(relocked);
    expect(book.changeLog.at(-1)).toMatchObject({ kind: 'relock-change', cell: '技术部/刘洋 O1 KR1 衡量标准', oldText: oldTarget, newText: '首屏≤1.2秒' });
    expect(book.changeLog.at(-2)?.note).toMatch(/^重新锁定：快照中 1 处内容被替换/);
    expect(lockFindings((await checkJson(relocked)).findings)).toEqual([]);
    const rw = await openXlsx(relocked);
    const archive = rw.worksheets.find((w) => w.getCell('A1').value === 'OKR锁定快照（已存档）')!;
    expect(archive.state).toBe('veryHidden');
    expect(archive.name).toMatch(/^OKR_锁定存档_\d{4}-\d{2}-\d{2}$/);
    const archived: string[] = [];
    archive.eachRow((row) => archived.push(String(row.getCell(6).value ?? '')));
    expect(archived).toContain(oldTarget);

    const bytes = await fs.readFile(signed);
    const same = await cli('lock', signed, '--out', signed);
    expect(same).toMatchObject({ code: 2, err: expect.stringMatching(/已存在，未覆盖/) });
    expect(await fs.readFile(signed)).toEqual(bytes);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('locking in the open workbook (in-memory Excel)', () => {
  it('locks with one write request (at most 3 round trips); a frozen cell refuses writes; after unprotecting, an edit is reported', async () => {
    const fake = await fakeExample();
    const st = fake.workbookState;
    for (const name of st.sheetNames()) {
      const a = st.sheet(name).values('A1:A80').map((r) => r[0]);
      a.forEach((label, i) => {
        if (['员工签字', '部门负责人签字', '上级签字', '总经理签字'].includes(String(label))) st.externalEdit(name, `B${i + 1}`, '签字人');
      });
    }
    const before = (await fake.run(readOpenBook)).individuals.find((c) => c.owner === '刘洋')!;
    fake.stats.reset();
    const r = await createLifecycleActions(fake.run, () => '2026-10-20').lock({ lang: 'zh-CN', by: 'HR' });
    expect(r).toMatchObject({ status: 'locked', cards: 20, snapshotSheet: 'OKR_锁定' });
    // Reads (one or two round trips, src/office/read-book.ts) and ONE write request.
    expect(fake.stats.requests).toBeLessThanOrEqual(3);
    expect(fake.stats.log.every((l) => l.ok)).toBe(true);
    expect(writeRequests(fake.stats.log)).toBe(1);

    const card = st.sheet(CARD);
    expect(card.protection.protected).toBe(true);
    expect([card.cell('B7').locked, card.cell('H7').locked, card.cell('J7').locked, card.cell('K7').locked]).toEqual([true, true, true, true]);
    expect([card.cell('I7').locked, card.cell('P7').locked, card.cell('H15').locked]).toEqual([false, false, false]);
    expect(card.cell('B7').fillColor).toBe('#E7E6E6');
    expect(st.sheet('OKR_锁定').visibility).toBe('VeryHidden');
    expect(st.sheet('OKR_锁定').protection.protected).toBe(true);
    expect(st.sheet('变更记录').values('A5:G5')[0]).toEqual([46315, '锁定', '', '', '', expect.stringMatching(/^2026-Q4：锁定 20 张卡片/), 'HR']);

    // The add-in itself cannot write into a frozen cell any more.
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(CARD).getRange('B7').values = [['改掉目标']];
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'AccessDenied' });

    // Someone unprotects the sheet and edits: validation reports it with old and new text.
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(CARD).protection.unprotect();
      await ctx.sync();
    });
    st.externalEdit(CARD, 'B7', '新目标：做到行业第一');
    st.externalEdit(CARD, 'J7', '改过的衡量标准');
    st.externalEdit(CARD, 'H7', '新的季度KR');
    st.externalEdit(CARD, 'K11', '改过的评分标准');
    const findings = (await createPaneActions(fake.run).validate('zh-CN')).filter((f) => LOCK_RULES.includes(f.rule));
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['O_FROZEN', CARD, 'B7'], ['QKR_LOCKED', CARD, 'H7'], ['QKR_LOCKED', CARD, 'J7'], ['QKR_LOCKED', CARD, 'K11'],
    ]);
    expect(findings[0].message).toContain(`原为“${before.objectives[0].text}”，现为“新目标：做到行业第一”`);
    expect(findings[1].message).toContain(`原为“${before.objectives[0].krs[0].text}”，现为“新的季度KR”`);
    expect(findings[2].message).toContain(`季度KR1的衡量标准在锁定后被修改：原为“${before.objectives[0].krs[0].target}”，现为“改过的衡量标准”`);
    expect(findings[3].message).toContain(`的评分标准在锁定后被修改：原为“${before.objectives[1].krs[0].criteria}”，现为“改过的评分标准”`);
  });

  it('locking again needs relock; the relock archives the old snapshot and logs every replaced text old → new', async () => {
    const fake = await fakeExample('en-US');
    const actions = createLifecycleActions(fake.run, () => '2026-10-20');
    expect(await actions.lock({ lang: 'en-US', override: 'signatures follow' })).toMatchObject({ status: 'locked' });
    expect(await actions.lock({ lang: 'en-US', override: 'again' })).toMatchObject({ status: 'refused', code: 'alreadyLocked' });
    const old = (await fake.run(readOpenBook)).individuals.find((c) => c.owner === '刘洋')!;
    fake.workbookState.externalEdit('P-刘洋', 'H15', 'an approved annual change');
    const r = await actions.lock({ lang: 'en-US', override: 'new hires', relock: true });
    expect(r).toMatchObject({ status: 'locked', snapshotSheet: 'OKR_lock', late: false, relocked: { replaced: 1, unapproved: 1, archive: 'OKR_lock_archive_2026-10-20' } });
    const st = fake.workbookState;
    expect(st.sheetNames().filter((n) => n.startsWith('OKR_lock'))).toEqual(['OKR_lock', 'OKR_lock_archive_2026-10-20']);
    expect(st.sheet('OKR_lock').visibility).toBe('VeryHidden');
    expect(st.sheet('OKR_lock_archive_2026-10-20').visibility).toBe('VeryHidden');
    const book = await fake.run(readOpenBook);
    expect(book.lock?.entries.some((e) => e.text === 'an approved annual change')).toBe(true);
    // The archive keeps the old text (and is not taken for the live snapshot).
    expect(st.sheet('OKR_lock_archive_2026-10-20').values('A1:A1')[0][0]).toBe('OKR lock snapshot (archived)');
    expect(book.changeLog.map((e) => [e.kind, e.note?.split('.')[0]])).toEqual([
      ['lock-override', 'Locked by override, reason: signatures follow'],
      ['lock-override', expect.stringMatching(/^Locked again: 1 text of the snapshot replaced .*, 1 of them not approved; the previous snapshot is archived in the hidden sheet "OKR_lock_archive_2026-10-20", Locked by override, reason: new hires/)],
      ['relock-change', 'Replaced at relock (changed after the lock, not approved)'],
    ]);
    expect(book.changeLog[2]).toMatchObject({ oldText: old.objectives[2].krs[0].text, newText: 'an approved annual change' });
  });

  it('a card that was empty at the lock stays open; once filled and signed, lock freezes it alone', async () => {
    const fake = await lockedFake('zh-CN');
    const st = fake.workbookState;
    const [from, to] = ['个人-刘洋', '个人-陈建国'];
    const signCells = () => st.sheet(to).values('A1:A60').flatMap((row, i) => (['员工签字', '上级签字', '总经理签字'].includes(String(row[0])) ? [`B${i + 1}`] : []));
    for (const a of signCells()) st.externalEdit(to, a, ''); // the helper signed every card; this one is signed later
    for (let r = 7; r <= 30; r++) {
      const label = String(st.sheet(from).values(`A${r}`)[0][0] ?? '');
      if (label === '员工签字') break;
      for (let c = 2; c <= 18; c++) {
        const a = `${String.fromCharCode(64 + c)}${r}`;
        const f = st.sheet(from).formulas(a)[0][0];
        const v = st.sheet(from).values(a)[0][0];
        if ((typeof f === 'string' && f.startsWith('=')) || v === null || v === '') continue;
        st.externalEdit(to, a, v);
      }
    }
    const validate = async () => (await createPaneActions(fake.run).validate('zh-CN')).filter((f) => LOCK_RULES.includes(f.rule));
    expect(await validate()).toEqual([]);
    const actions = createLifecycleActions(fake.run, () => '2026-11-05');
    expect(await actions.lock({ lang: 'zh-CN' })).toMatchObject({ status: 'refused', code: 'notAgreed', findings: [expect.objectContaining({ owner: '陈建国' }), expect.objectContaining({ owner: '陈建国' })] });
    for (const a of signCells()) st.externalEdit(to, a, '签字人');
    expect(await actions.lock({ lang: 'zh-CN' })).toMatchObject({ status: 'locked', late: true, cards: 1 });
    expect(st.sheet(to).protection.protected).toBe(true);
    expect(st.sheet(to).cell('B7').locked).toBe(true);
    const book = await fake.run(readOpenBook);
    expect(book.lock?.lockedOn).toBe('2026-10-20');
    expect(book.changeLog.at(-1)?.newText).toMatch(/^2026-Q4：补充锁定 1 张锁定后签字的卡片（总经办\/陈建国）/);
    await fake.run(async (ctx) => { ctx.workbook.worksheets.getItem(to).protection.unprotect(); await ctx.sync(); });
    st.externalEdit(to, 'B7', '改过的目标');
    expect((await validate()).map((f) => [f.rule, f.sheet, f.cell])).toEqual([['O_FROZEN', to, 'B7']]);
  });

  it('refuses to lock unagreed cards and says why, without writing anything', async () => {
    const fake = await fakeExample('en-US');
    fake.stats.reset();
    const r = await createLifecycleActions(fake.run).lock({ lang: 'en-US' });
    expect(r).toMatchObject({ status: 'refused', code: 'notAgreed', message: expect.stringMatching(/AGREED problems .* cannot be locked/) });
    expect(writeRequests(fake.stats.log)).toBe(0); // reads only
    expect(fake.workbookState.sheetNames()).not.toContain('OKR_lock');
  });
});

