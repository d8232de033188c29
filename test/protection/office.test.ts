/**
 * The sheet-protection password through the Office.js adapter, against the in-memory Excel: generate
 * with a password, lock and score with the right one, and with none or a wrong one a clear message
 * and an untouched workbook.
 */
import { DEFAULT_SETTINGS } from '../../src/domain/model';
import { applyPlan } from '../../src/office/apply-plan';
import { applyEditOffice } from '../../src/office/edit';
import { describeError, OfficeActionError } from '../../src/office/errors';
import { createLifecycleActions } from '../../src/office/lifecycle';
import { createPaneActions } from '../../src/office/pane-actions';
import { readOpenWorkbook } from '../../src/office/read-book';
import { planScore } from '../../src/templates/lifecycle';
import { readBook } from '../../src/templates/read-book';
import { buildWorkbook } from '../../src/templates/build';
import { createFakeExcel, FakeOfficeError, type FakeExcel, type FakeExcelOptions } from '@okr-workbook/fake-excel';
import { writeRequests } from '../lifecycle/helpers';
import { CYCLE, loadExample } from '../workbook/build-fixture';

const PASSWORD = 'Zq9-人力资源-Pw!';
const REG = '结果运用';
const LOG = '变更记录';
const CARD = '个人-刘洋';
const today = () => '2026-12-31';

/** The example (with its OKRs) generated into the in-memory Excel, its protected sheets with `password`. */
async function example(password: string | undefined, options: FakeExcelOptions = {}): Promise<FakeExcel> {
  const ex = await loadExample('zh-CN');
  const { plan } = buildWorkbook({ lang: 'zh-CN', cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
  const fake = createFakeExcel({ sheets: ['Sheet1'], ...options });
  await fake.run((ctx) => applyPlan(ctx, plan, { password }));
  return fake;
}

const okrSheets = (fake: FakeExcel) => fake.workbookState.sheetNames().filter((n) => n !== 'Sheet1');

describe('sheet-protection password in the add-in (in-memory Excel)', () => {
  it('generate with a password: every generated sheet is protected with it, options unchanged; the password is in no request log', async () => {
    const ex = await loadExample('zh-CN');
    const fake = createFakeExcel({ sheets: ['Sheet1'] });
    const summary = await createPaneActions(fake.run).generate({ cycle: CYCLE, lang: 'zh-CN', settings: DEFAULT_SETTINGS }, ex.org, () => undefined, { password: PASSWORD });
    expect(summary.skipped).toBe(false);
    const plain = await example(undefined);
    for (const name of okrSheets(fake)) {
      const p = fake.workbookState.sheet(name).protection;
      expect([name, p.protected, p.hasPassword, p.password]).toEqual([name, true, true, PASSWORD]);
      // Same options as without a password.
      if (plain.workbookState.hasSheet(name)) expect(p.options).toEqual(plain.workbookState.sheet(name).protection.options);
    }
    expect(summary.created).toHaveLength(okrSheets(fake).length);
    // What went over the wire is logged without the password (the fake writes *** as office.js's logs would be kept clean).
    expect(JSON.stringify(fake.stats.log)).not.toContain(PASSWORD);
  });

  it('generate without a password protects without one, as before', async () => {
    const fake = await example(undefined);
    for (const name of okrSheets(fake)) expect(fake.workbookState.sheet(name).protection).toMatchObject({ protected: true, hasPassword: false });
  });

  it('lock and score with the right password: one write request each; touched and added sheets end up protected with the password; frozen cells locked', async () => {
    const fake = await example(PASSWORD);
    const actions = createLifecycleActions(fake.run, today);
    const optionsBefore = fake.workbookState.sheet(CARD).protection.options;

    fake.stats.reset();
    const locked = await actions.lock({ lang: 'zh-CN', override: '测试：未签字也锁定', password: PASSWORD });
    expect(locked.status).toBe('locked');
    expect(writeRequests(fake.stats.log)).toBe(1);
    const st = fake.workbookState;
    expect(st.sheet(CARD).cell('B7').locked).toBe(true);
    expect(st.sheet(CARD).cell('H7').locked).toBe(true);
    expect(st.sheet(CARD).cell('P7').locked).toBe(false);
    expect(st.sheet(CARD).protection).toMatchObject({ protected: true, password: PASSWORD, options: optionsBefore });
    expect(st.sheet('OKR_锁定')).toMatchObject({ visibility: 'VeryHidden' });
    expect(st.sheet('OKR_锁定').protection).toMatchObject({ protected: true, password: PASSWORD });

    fake.stats.reset();
    const scored = await actions.score({ lang: 'zh-CN', password: PASSWORD, override: '测试' });
    expect(scored.status).toBe('scored');
    expect(writeRequests(fake.stats.log)).toBe(1);
    expect(st.sheet(REG).values('A5:A5')).toEqual([['2026-Q4']]);
    expect(st.sheet(LOG).values('B6:B6')).toEqual([['季度评分（例外）']]);
    for (const name of okrSheets(fake).filter((n) => !n.startsWith('评分图表'))) {
      expect([name, st.sheet(name).protection.protected, st.sheet(name).protection.password]).toEqual([name, true, PASSWORD]);
    }
    expect(st.sheet(CARD).cell('B7').locked).toBe(true);
    expect(JSON.stringify(fake.stats.log)).not.toContain(PASSWORD);
  });

  it.each([
    ['no password', undefined, 'zh-CN', /^工作表受密码保护，未提供保护密码或密码不正确，未做任何修改。请在任务窗格的“保护密码”框中输入/],
    ['a wrong password', 'wrong', 'zh-CN', /^工作表受密码保护/],
    ['a wrong password (en-US)', 'wrong', 'en-US', /^The sheet is password-protected and no password, or not the right one, was given; nothing was changed\./],
  ] as const)('score with %s: a clear message, and the workbook exactly as it was', async (_, password, lang, message) => {
    const fake = await example(PASSWORD);
    const before = JSON.stringify(fake.workbookState.dump());
    fake.stats.reset();
    const run = createLifecycleActions(fake.run, today).score({ lang, password, override: '测试' });
    await expect(run).rejects.toBeInstanceOf(OfficeActionError);
    await expect(run).rejects.toMatchObject({ code: 'SheetPassword', message: expect.stringMatching(message) });
    expect(JSON.stringify(fake.workbookState.dump())).toBe(before);
    // The failed write was the first unprotect of the request: nothing before it changes the workbook.
    const failed = fake.stats.log.find((l) => !l.ok)!;
    expect(failed.errorCode).toBe('BadPassword');
    const firstChange = failed.summary.find((x) => /^(set|call) /.test(x) && !x.includes('suspendApiCalculationUntilNextSync'));
    expect(firstChange).toMatch(/^call WorksheetProtection\.unprotect/);
  });

  it('the pane\'s lock with a wrong password: the same message, no snapshot sheet, nothing written', async () => {
    const fake = await example(PASSWORD);
    const before = JSON.stringify(fake.workbookState.dump());
    await expect(createPaneActions(fake.run, 'zh-CN', today).lock({ lang: 'zh-CN', override: '原因', password: 'nope' })).rejects.toThrow(/工作表受密码保护/);
    expect(fake.workbookState.hasSheet('OKR_锁定')).toBe(false);
    expect(JSON.stringify(fake.workbookState.dump())).toBe(before);
  });

  it('a password given for a workbook without one: the edit goes ahead and the sheets written keep their protection without a password (office-js #762)', async () => {
    const fake = await example(undefined);
    const r = await createLifecycleActions(fake.run, today).score({ lang: 'zh-CN', password: PASSWORD, override: '测试' });
    expect(r.status).toBe('scored');
    expect(fake.workbookState.sheet(REG).protection).toMatchObject({ protected: true, password: null });
    expect(fake.workbookState.sheet(CARD).protection).toMatchObject({ protected: true, hasPassword: false });
  });

  it('when Excel stops half-way (earlier unprotects applied), the sheets left unprotected are protected again as they were', async () => {
    // Real Excel applies a failed request's operations up to the failing one; the in-memory Excel rolls
    // the whole request back. The hook plays Excel's part: the register's unprotect (first in the
    // request) "went through" before the change log's unprotect fails on its password.
    let armed = false;
    const fake = await example(undefined, {
      onBeforeSync: (info) => {
        if (!armed) return;
        armed = false;
        const reg = info.state._findSheet(REG)!;
        reg.protection = { ...reg.protection, protected: false, password: null };
      },
    });
    fake.workbookState.protectSheet(LOG, fake.workbookState.sheet(LOG).protection.options, 'someone else\'s');
    const regOptions = fake.workbookState.sheet(REG).protection.options;
    const failure = fake.run(async (ctx) => {
      const { sheets, states } = await readOpenWorkbook(ctx);
      const plan = planScore({ sheets, book: readBook(sheets), lang: 'zh-CN', today: today(), replace: false, charts: true, override: '测试' });
      if (plan.status !== 'planned') throw new Error('nothing to score');
      armed = true;
      await applyEditOffice(ctx, plan.edit, states);
    });
    await expect(failure).rejects.toMatchObject({ code: 'BadPassword' });
    expect(fake.workbookState.sheet(REG).protection).toEqual({ protected: true, options: regOptions, hasPassword: false, password: null });
    expect(fake.workbookState.sheet(REG).values('A5:A5')).toEqual([['']]);
  });
});

describe('describeError: a failed unprotect is the password sentence, other errors are not', () => {
  const at = (code: string, location: string) => new FakeOfficeError(code, 'x', { errorLocation: location });

  it('maps InvalidArgument at WorksheetProtection.unprotect to the password sentence in both languages', () => {
    expect(describeError(at('InvalidArgument', 'WorksheetProtection.unprotect'), 'zh-CN').message).toMatch(/^工作表受密码保护.*请在任务窗格的“保护密码”框中输入工作表的保护密码后重试。$/);
    expect(describeError(at('InvalidArgument', 'WorksheetProtection.unprotect'), 'en-US').message).toMatch(/^The sheet is password-protected/);
  });

  it('leaves an InvalidArgument elsewhere (a bad formula) alone', () => {
    expect(describeError(at('InvalidArgument', 'Range.formulas'), 'zh-CN').message).not.toMatch(/密码/);
    expect(describeError(at('AccessDenied', 'Range.values'), 'zh-CN').message).toMatch(/^工作表受保护，无法写入/);
  });
});
