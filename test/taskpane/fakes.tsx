import { render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { FindingView, PaneActions, QuarterInfo } from '../../src/taskpane/actions';
import type { Organisation } from '../../src/domain/model';

export type FakeActions = { [K in keyof PaneActions]: jest.Mock<ReturnType<PaneActions[K]>, Parameters<PaneActions[K]>> };

/** Fake actions: every one a jest.fn with a harmless default answer. */
export function fakeActions(overrides: Partial<FakeActions> = {}): FakeActions {
  return {
    listSheets: jest.fn<Promise<string[]>, []>().mockResolvedValue(['Sheet1', '组织架构']),
    existingOkrSheets: jest.fn<Promise<string[]>, []>().mockResolvedValue([]),
    readOrg: jest.fn().mockResolvedValue({ issues: [] }),
    generate: jest.fn().mockResolvedValue({ created: [], skipped: false, ms: 0 }),
    updateOrg: jest.fn().mockResolvedValue({ status: 'upToDate', message: '工作簿已是最新', lines: [] }),
    validate: jest.fn().mockResolvedValue([]),
    selectCell: jest.fn().mockResolvedValue(undefined),
    quarterInfo: jest.fn().mockResolvedValue(QUARTER),
    lock: jest.fn().mockResolvedValue({ status: 'locked', cards: 1, objectives: 1, quarterlyKrs: 1, overridden: [] }),
    score: jest.fn().mockResolvedValue({ status: 'refused', code: 'none', message: 'not set up' }),
    addReviewMonth: jest.fn().mockResolvedValue({ status: 'added', sheet: '月（季）绩效回顾表', month: '2026-11', added: 0, filled: 0, skipped: 0, expected: 0 }),
    requestAnnualKrChange: jest.fn().mockResolvedValue({ status: 'logged', oldText: '', newText: '', approved: false }),
    nextQuarter: jest.fn().mockResolvedValue({ status: 'refused', code: 'none', message: 'not set up' }),
    yearResults: jest.fn().mockResolvedValue({ status: 'year', year: 2026, fromSheet: true, people: [], departments: [], labels: { BAD: '差', FAIR: '待改进', GOOD: '良好', EXCELLENT: '优秀' } }),
    ...overrides,
  };
}

/**
 * A user-event session. The CSS pointer-events check is off because it walks getComputedStyle up the
 * tree over hundreds of Griffel rules (seconds per click in jsdom); disabled controls are still refused.
 */
export function setupUser() {
  return userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
}

/** Renders a pane inside a FluentProvider (as App does) with a user-event session. */
export function renderInFluent(ui: ReactElement) {
  const user = setupUser();
  const result = render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
  return { user, ...result };
}

export const ORG: Organisation = {
  departments: [
    { name: '销售部', head: '王芳' },
    { name: '技术部' },
  ],
  people: [
    { name: '王芳', department: '销售部', position: '经理', head: true },
    { name: '李雷', department: '销售部', position: '销售', manager: '王芳', head: false },
    { name: '张伟', department: '技术部', position: '工程师', head: true },
    { name: '赵敏', department: '技术部', position: '工程师', manager: '张伟', head: false },
    { name: '陈晨', department: '技术部', position: '测试', manager: '张伟', head: false },
  ],
};

/** The quarter of the workbook the fakes pretend to hold: 2026-Q4, not locked, two annual KRs. */
export const QUARTER: QuarterInfo = {
  cycle: '2026-Q4',
  firstMonth: '2026-10',
  lastMonth: '2026-12',
  locked: false,
  annualKrs: [
    { sheet: '个人-刘洋', cell: 'H15', level: 'individual', department: '技术部', owner: '刘洋', objectiveNo: 2, krNo: 1, text: '全年发布 4 个大版本' },
    { sheet: '部门-技术部', cell: 'H9', level: 'department', department: '技术部', owner: '', objectiveNo: 1, krNo: 3, text: '全年故障时长少于 10 小时' },
  ],
};

export function finding(partial: Partial<FindingView>): FindingView {
  return {
    rule: 'O_COUNT',
    ruleTitle: '目标数量',
    severity: 'error',
    level: 'individual',
    department: '销售部',
    owner: '李雷',
    sheet: '个人-李雷',
    cell: 'B5',
    message: '目标多于 5 个',
    ...partial,
  };
}
