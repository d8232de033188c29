import type { AppText } from '../types/app';

export const app: AppText = {
  refusal: {
    alreadyLocked: (r) => `The quarter was already locked on ${r.lockedOn || '?'}. Locking again replaces the snapshot with the current text; if that is really intended, choose "lock again" (command line: --relock).`,
    blankReason: () => 'An override needs a reason (--override "reason").',
    notAgreed: (r) => `${r.findings.length} AGREED problems (not agreed or not signed): the quarter cannot be locked. Get the sign-offs first, or lock with --override "reason" (the reason goes into the change log).`,
    NO_ROOM: (r) => `Sheet "${r.sheet}" has no free rows left to append to (row ${r.maxRows} is in use). Remove the stray content at the bottom of the sheet and try again.`,
    badMonth: (r) => `Month "${r.month}" is not valid; write it like 2026-11.`,
    noReviewSheet: () => 'The review sheet was not found.',
    blank: () => 'Fill in the new KR text and the requester.',
    notAnnual: (r) => `${r.where} is not the text of an annual KR. Only annual KRs may be adjusted; quarterly KRs and objectives never change after the lock.`,
    noSettings: () => 'The settings sheet was not found; the organisation cannot be updated.',
    newerTemplate: (r) => `This workbook was made by newer templates (template version ${r.version}; this program knows up to ${r.supported}). Update the OKR add-in or the command line first.`,
    alreadyGenerated: (r) => `The workbook already has OKR sheets (${r.sheets.slice(0, 5).join(', ')}${r.sheets.length > 5 ? ', …' : ''}); nothing was changed.`,
  },
  confirmRescore: (cycle, n) => `The score register already holds ${n} rows for ${cycle}. Scoring again replaces them (other cycles stay; what HR typed stays with each person). Score again?`,
  rescoreFromPane: (cycle, n) => `The score register already holds ${n} rows for ${cycle}; nothing was changed. To score again, open the OKR pane and confirm replacing this cycle's rows there.`,
  clauseSep: ', ',
  listSep: ', ',
  lockSummary: (c, o, k) => `Locked ${c} cards: ${o} objectives, ${k} quarterly KRs`,
  lockOverrideNote: (reason, n, who) => `Locked by override, reason: ${reason}. ${n} AGREED problems: ${who}`,
  scoreSummary: (p) => `${p.cycle}: ${p.people} people, company score ${p.company}; individual ratings: ${p.distribution}; ${p.unscored} KRs without a score (counted 0)`,
  rescored: (n) => `Scored again: replaced this cycle's ${n} rows`,
  scoreWithRating: (score, rating) => `${score}（${rating}）`,
  charts: { distTitle: 'Rating distribution', deptTitle: 'Scores by department', rating: 'Rating', people: 'People', department: 'Department', score: 'Score', company: 'Company score' },
  upgradeSkipped: {
    noHeader: 'The table header is not on row 6 (rows were inserted or deleted above it); this card was not upgraded.',
    noSignOff: 'The sign-off block or the objective numbers were not found; this card was not upgraded.',
  },
};
