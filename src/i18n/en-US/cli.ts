import type { CliText } from '../types/cli';

export const cli: CliText = {
  badCycle: (v) => `Cycle "${v}" is not valid; write it like 2026-Q4.`,
  badLang: (v) => `Language "${v}" is not valid; use zh-CN or en-US.`,
  exists: (f) => `${f} already exists and was not overwritten (people may have typed into it). Choose another name, or add --force.`,
  cannotRead: (f, why) => `Cannot read ${f}: ${why}`,
  cannotWrite: (f, why) => `Cannot write ${f}: ${why} (no file was written)`,
  notOkr: (f, why) => `${f} is not an OKR workbook (${why}).`,
  notOkrWhy: { noSettings: 'no settings sheet', noCycle: 'the settings sheet has no cycle' },
  written: (f, sheets, people, depts, kb, ms) => `Wrote ${f}: ${sheets} sheets (${depts} department cards, ${people} individual cards), ${kb} KB in ${ms} ms.`,
  noFindings: 'No findings.',
  summary: (e, w) => `${e} errors, ${w} warnings.`,
  error: 'error',
  warning: 'warning',
  failed: 'failed',
  outExists: (f) => `${f} already exists and was not overwritten. Choose another --out, or add --force.`,
  lockedLate: (f, cycle, cards, o, k) => `${cycle} was already locked; locked ${cards} ${cards === 1 ? 'card' : 'cards'} signed since (${o} objectives, ${k} quarterly KRs) and wrote ${f}. Every other card's lock is unchanged; the change log records it.`,
  relocked: (n, u, archive) => `${n} ${n === 1 ? 'text' : 'texts'} of the snapshot replaced, each logged old → new in the change log${u ? `, ${u} of them not approved` : ''}; the previous snapshot is archived in the hidden sheet "${archive}".`,
  locked: (f, cycle, cards, o, k, sheet) => `Locked ${cycle} and wrote ${f}: ${o} objectives and ${k} quarterly KRs of ${cards} cards are frozen (protected, shown grey); the snapshot is in the hidden sheet "${sheet}" and the lock is in the change log.`,
  overridden: (n, reason) => `Locked by override (the reason is in the change log: ${reason}). ${n} open problems:`,
  scoreOverridden: (notLocked, n, reason) => `Scored by override (the reason is in the change log: ${reason}).${notLocked ? ' The quarter is not locked.' : ''}${n ? ` ${n} open errors:` : ''}`,
  keptLeavers: (n) => `${n} register rows of people who left are kept in the score register, marked.`,
  scoredAgain: (cycle, n) => `The score register already holds ${n} rows for ${cycle}; nothing was written. Add --force to score again: only this cycle's rows are replaced, other cycles stay, and what HR typed stays with each person.`,
  scored: (f, cycle, people, depts, replaced) => `Wrote ${f}: ${cycle} scores of ${people} people, ${depts} departments and the company (values, not formulas)${replaced ? `, replacing this cycle's ${replaced} rows` : ''}.`,
  companyScore: (s) => `Company score: ${s}`,
  distribution: (s) => `Individual ratings: ${s}`,
  departments: (s) => `Department scores: ${s}`,
  tooEasy: (n) => `KRs scored 1.0: ${n} — too easy? (O_SPECIFIC)`,
  unscored: (n) => `KRs without any score: ${n} (counted as 0)`,
  carryOver: (n, good) => `KRs below GOOD (score < ${good}, carry-over candidates; carry one over only when truly necessary, with a reason): ${n}`,
  reviewPeriodNeeded: 'Give the review period with --month (e.g. 2026-11) or --week (e.g. 2026-W45), one of the two.',
  reviewAdded: (f, period, n, filled, skipped, sheet) =>
    `Wrote ${f}: ${[n ? `added ${n} ${n === 1 ? 'row' : 'rows'} for ${period} at the end of "${sheet}"` : '', filled ? `filled in the blank ${period} ${filled === 1 ? 'row' : 'rows'} of ${filled} ${filled === 1 ? 'person' : 'people'}` : ''].filter(Boolean).join(' and ')} (current progress and deviation rate)${skipped ? `; ${skipped} people already had a row for that period and were left alone` : ''}.`,
  reviewNothing: (month) => `Everyone already has a review row for ${month}; nothing was written.`,
  updated: (f, what) => `Wrote ${f}: ${what}.`,
  upToDate: (what) => `${what} No file was written.`,  whyNotWritten: (code, detail) => {
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'its folder does not exist';
    if (code === 'EISDIR') return 'it is a folder';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'no permission to write there';
    if (code === 'ENOSPC') return 'the disk is full';
    return detail;
  },
  noSuchFile: 'no such file',
  company: 'company',
  krName: (o, kr) => `O${o} KR${kr}`,
  membersMean: (s) => ` (members' mean ${s})`,
  clauseSep: ', ',
  passwordMissing: (file, first, n) => `${file} is password-protected (sheet "${first}"${n > 1 ? ` and ${n - 1} more` : ''}); nothing was written. Give the sheet-protection password with --password or the OKR_PASSWORD environment variable.`,
  passwordWrong: (first) => `The password is not correct (it does not open the protection of sheet "${first}"); nothing was written.`,
  passwordUnsupported: (first) => `The protection password of sheet "${first}" uses an algorithm that cannot be checked; nothing was written. Unprotect the sheet in Excel and protect it again with a password, then try again.`,
  passwordUnused: (file) => `Note: ${file} has no password-protected sheets; the password given was not used.`,
  protectedWith: 'The protected sheets have a password (only its hash is stored in the workbook).',
  usage: {
    missingOption: (o) => `The option ${o} is required.`,
    optionNeedsValue: (o) => `The option ${o} needs a value after it.`,
    unknownOption: (o) => `There is no option ${o}.`,
    missingArgument: (a) => `The argument ${a} (the workbook file to work on) is missing.`,
    unknownCommand: (c, all) => `There is no command "${c}". The commands are: ${all.join(', ')}.`,
    tooManyArguments: (c) => `The command ${c} got more arguments than it takes (quote a file name with spaces in it).`,
    invalidValue: (d) => `An option's value is not valid: ${d}`,
    seeHelp: (c) => `For usage, see: okr-workbook ${c ? c + ' ' : ''}--help`,
  },
};
