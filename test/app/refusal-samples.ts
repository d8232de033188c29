import type { Refusal, RefusalCode } from '../../src/domain/refusal';

const finding = { rule: 'AGREED' as const, severity: 'error' as const, level: 'individual' as const, sheet: '个人-刘洋', cell: 'B30', department: '技术部', owner: '刘洋', params: { key: 'employeeUnsigned' } };

/** One refusal of every code; the mapped type makes a code without a sample a compile error. */
export const SAMPLES: { [K in RefusalCode]: Extract<Refusal, { code: K }> } = {
  alreadyLocked: { code: 'alreadyLocked', lockedOn: '2026-10-20' },
  blankReason: { code: 'blankReason' },
  notAgreed: { code: 'notAgreed', findings: [finding, finding] },
  lockErrors: { code: 'lockErrors', findings: [finding, { ...finding, rule: 'SCORE_RANGE' as const, cell: 'P7', params: { key: 'above' } }] },
  scoreBlocked: { code: 'scoreBlocked', notLocked: true, findings: [finding, { ...finding, rule: 'SCORE_RANGE' as const, cell: 'P7', params: { key: 'above' } }] },
  NO_ROOM: { code: 'NO_ROOM', sheet: '结果运用', maxRows: 1_048_576 },
  badMonth: { code: 'badMonth', month: 'Nov' },
  badLeaveDate: { code: 'badLeaveDate', date: '2026-11-31' },
  periodOutsideCycle: { code: 'periodOutsideCycle', period: '2027-01', cycle: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
  noReviewSheet: { code: 'noReviewSheet' },
  blank: { code: 'blank' },
  notAnnual: { code: 'notAnnual', where: '个人-刘洋!H7' },
  noSettings: { code: 'noSettings' },
  newerTemplate: { code: 'newerTemplate', version: 9, supported: 2 },
  alreadyGenerated: { code: 'alreadyGenerated', sheets: ['设置', '目标体系图'] },
  notScored: { code: 'notScored', cycle: '2026-Q4' },
  cycleNotAfter: { code: 'cycleNotAfter', from: '2026-Q4', to: '2026-Q3' },
};
