import type { Finding } from '../../domain/rules/types';
import type { AppText } from '../types/app';
import { countByRule } from '../count-by-rule';
import { rules } from './rules';

const byRule = (fs: Finding[]): string => countByRule(fs, rules.titles, ', ');

export const app: AppText = {
  refusal: {
    alreadyLocked: (r) => `The quarter was already locked on ${r.lockedOn || '?'}. Locking again replaces the snapshot with the current text; if that is really intended, choose "lock again" (command line: --relock).`,
    blankReason: () => 'An override needs a reason (--override "reason").',
    lockErrors: (r) => `${r.findings.length} rule ${r.findings.length === 1 ? 'error stops' : 'errors stop'} the lock: ${byRule(r.findings)}. Fix them first (Validate lists each one), or lock anyway with --override "reason" (the reason and these problems go into the change log).`,
    scoreBlocked: (r) => `Scoring refused: ${[r.notLocked ? 'the quarter is not locked' : '', r.findings.length ? `${r.findings.length} rule ${r.findings.length === 1 ? 'error' : 'errors'} (${byRule(r.findings)})` : ''].filter(Boolean).join('; ')}. Lock the quarter and fix these first, or score anyway with --override "reason" (the reason and these problems go into the change log).`,
    notAgreed: (r) => `${r.findings.length} AGREED problems (not agreed or not signed): the quarter cannot be locked. Get the sign-offs first, or lock with --override "reason" (the reason goes into the change log).`,
    NO_ROOM: (r) => `Sheet "${r.sheet}" has no free rows left to append to (row ${r.maxRows} is in use). Remove the stray content at the bottom of the sheet and try again.`,
    badMonth: (r) => `The review period "${r.month}" is not valid: write a month like 2026-11 or an ISO week like 2026-W45.`,
    periodOutsideCycle: (r) => `The review period ${r.period} is outside this cycle, ${r.cycle} (${r.start} to ${r.end}); nothing was changed. Choose a month or week of the cycle.`,
    badLeaveDate: (r) => `Leave date "${r.date}" is not valid; write it like 2026-11-30.`,
    noReviewSheet: () => 'The review sheet was not found.',
    blank: () => 'Fill in the new KR text and the requester.',
    notAnnual: (r) => `${r.where} is not the text of an annual KR. Only annual KRs may be adjusted; quarterly KRs and objectives never change after the lock.`,
    noSettings: () => 'The settings sheet was not found; the organisation cannot be updated.',
    notScored: (r) => `${r.cycle} has not been scored. Score it first, or give the reason to start the next quarter without scoring (an override); the reason goes into the new quarter's change log.`,
    cycleNotAfter: (r) => `${r.to} is not after ${r.from}. The next quarter must come after the workbook's quarter.`,
    newerTemplate: (r) => `This workbook was made by newer templates (template version ${r.version}; this program knows up to ${r.supported}). Update the OKR add-in or the command line first.`,
    alreadyGenerated: (r) => `The workbook already has OKR sheets (${r.sheets.slice(0, 5).join(', ')}${r.sheets.length > 5 ? ', …' : ''}); nothing was changed.`,
  },
  confirmRescore: (cycle, n) => `The score register already holds ${n} rows for ${cycle}. Scoring again replaces them (other cycles stay; what HR typed stays with each person). Score again?`,
  blockedFromPane: (notLocked, n) => `${[notLocked ? 'The quarter is not locked' : '', n ? `${n} ${n === 1 ? 'error remains' : 'errors remain'}` : ''].filter(Boolean).join('; ')}: nothing was scored or changed. Use Validate to see and fix them; if it cannot wait, open the OKR pane and score by override there, with a reason.`,
  rescoreFromPane: (cycle, n) => `The score register already holds ${n} rows for ${cycle}; nothing was changed. To score again, open the OKR pane and confirm replacing this cycle's rows there.`,
  clauseSep: ', ',
  listSep: ', ',
  lockSummary: (c, o, k) => `Locked ${c} cards: ${o} objectives, ${k} quarterly KRs`,
  lockLateSummary: (c, o, k, who) => `Locked ${c} ${c === 1 ? 'card' : 'cards'} signed after the quarter was locked (${who}): ${o} objectives, ${k} quarterly KRs`,
  lockOverrideNote: (reason, n, who) => `Locked by override, reason: ${reason}. ${n} AGREED problems: ${who}`,
  openFindings: (n, list) => `${n} open ${n === 1 ? 'error' : 'errors'}: ${list}`,
  findingAt: (where, rule) => `${where} (${rule})`,
  scoreOverrideNote: (reason, notLocked) => `Scored by override, reason: ${reason}.${notLocked ? ' The quarter is not locked.' : ''}`,
  relockNote: (n, u, archive) => `Locked again: ${n} ${n === 1 ? 'text' : 'texts'} of the snapshot replaced (one row each below)${u ? `, ${u} of them not approved` : ''}; the previous snapshot is archived in the hidden sheet "${archive}"`,
  relockReplaced: (approved) => (approved ? 'Replaced at relock (an approved annual KR change)' : 'Replaced at relock (changed after the lock, not approved)'),
  registerLeft: (level, mark) => `${level} (${mark})`,
  scoreSummary: (p) => `${p.cycle}: ${p.people} people, company score ${p.company}; individual ratings: ${p.distribution}; ${p.unscored} KRs without a score (counted 0)`,
  rescored: (n) => `Scored again: replaced this cycle's ${n} rows`,
  scoreWithRating: (score, rating) => `${score}（${rating}）`,
  charts: { distTitle: 'Rating distribution', deptTitle: 'Scores by department', rating: 'Rating', people: 'People', department: 'Department', score: 'Score', company: 'Company score' },
  upgradeSkipped: {
    noHeader: 'The table header is not on row 6 (rows were inserted or deleted above it); this card was not upgraded.',
    noSignOff: 'The sign-off block or the objective numbers were not found; this card was not upgraded.',
  },
};
