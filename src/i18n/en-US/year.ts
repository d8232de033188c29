import type { YearText } from '../types/year';

export const year: YearText = {
  sheetName: 'Annual results',
  title: 'Annual results',
  note: 'Each quarter\'s scores are filled in (as values) when the quarter is scored. The annual score is the mean of the scored quarters, weighted by the quarter weights in Settings; the annual rating follows the bands, and the bonus coefficient and suggestions follow the year rules in Settings (formulas: they follow Settings). The yellow columns on the right are HR\'s: no command ever writes them.',
  columns: {
    level: 'Level', department: 'Department', name: 'Name', id: 'Employee ID',
    quarterScore: (q) => `${q} score`, quarterRating: (q) => `${q} rating`,
    score: 'Annual score', rating: 'Annual rating', bonus: 'Bonus coefficient (bonus allocation)',
    position: 'Position (suggested)', salary: 'Salary adjustment (suggested)', training: 'Training (suggested)',
    hrPosition: 'Position (decided)', hrSalary: 'Salary adjustment (decided)', hrTraining: 'Training (decided)', hrBonus: 'Bonus allocation (decided)', hrNotes: 'Notes',
  },
  settings: {
    block: 'Annual results',
    quarter: 'Quarter',
    weight: 'Weight',
    weightPrompt: 'The quarter\'s weight in the annual score (≥ 0). A quarter without a score does not count.',
    rules: 'Suggested result application (by annual rating)',
    salary: 'Salary adjustment',
    training: 'Training',
    positionAfterBad: 'Quarters rated Bad in the year reach (0 = never)',
    positionText: 'Position suggestion',
  },
  defaults: {
    training: { BAD: 'Performance improvement training', FAIR: 'Skills development training', GOOD: '', EXCELLENT: 'Leadership development programme' },
    position: 'Position review',
  },
  carriedFrom: (p) => `Carried from ${p.cycle} ${p.sheet} O${p.objective} KR${p.kr} (progress ${p.progress}): ${p.reason}`,
  nextLog: (p) => `${p.to} started from ${p.from}: ${p.carried} KRs carried over, ${p.annual} annual KRs`,
  nextOverride: (reason) => `${reason} (the last quarter was not scored)`,
  carriedLog: (p) => `${p.cycle} ${p.sheet} O${p.objective} KR${p.kr}`,
  next: {
    written: (p) => `Wrote ${p.out}: ${p.to} (from ${p.from}), ${p.people} people, ${p.carried} KRs carried over, ${p.annual} annual KRs, ${p.history} history rows. The new quarter is not locked.`,
    notCarried: (where) => `Not carried: ${where} is marked carried over but has no reason.`,
    annualDropped: (n) => `A new year: last year's ${n} annual KRs were not brought in (add --carry-annual to bring them as drafts to sign again).`,
    moved: (name, from, to) => `${name} moved from ${from} to ${to}: the carried KRs follow the person.`,
    left: (name, department) => `${name} (${department}) is not in the new organisation: no card any more; the history is kept.`,
    sameFile: (f) => `--out cannot be the current quarter's workbook ${f}: the next quarter goes into a new file and this one stays as it is.`,
  },
  print: {
    title: (y) => `${y} annual results`,
    header: ['Level', 'Department', 'Name', 'Q1', 'Q2', 'Q3', 'Q4', 'Score', 'Rating', 'Bonus'],
    none: '—',
    noSheet: 'The workbook has no Annual results sheet: computed from this year\'s rows of the score register.',
  },
};
