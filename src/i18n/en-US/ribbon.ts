import type { RibbonText } from '../types/ribbon';

export const ribbon: RibbonText = {
  validate: { name: 'Validate', failed: 'Validation did not complete', resultTitle: 'Validation' },
  score: {
    name: 'Quarter scoring',
    failed: 'Quarter scoring did not complete',
    tooLarge: (sheets, max) => `This workbook has ${sheets} sheets; the ribbon button scores workbooks of at most ${max} sheets (about one OKR card per person and department), because Excel stops a ribbon command after 5 minutes. Nothing was changed. Open the OKR pane (Home > OKR > Open OKR pane) and use Quarter-end scoring there: it has no time limit.`,
  },
  seePane: 'The full result could not be shown here. Open the OKR pane (Home > OKR > Open OKR pane) and repeat this step there to see it.',
  validateHead: (e, w) => `${e} errors, ${w} warnings.`,
  validateMore: 'Open the OKR pane\'s Validate step to see them all and go to each cell.',
  scoreWritten: (p) => `Wrote "${p.sheet}": scores and ratings of ${p.people} people, ${p.departments} departments and the company${p.chartSheet ? `; charts on "${p.chartSheet}"` : ''}.`,
  scoreCompany: (company, dist) => `Company score ${company}; individual ratings: ${dist}.`,
  scoreKrs: (u, t, c) => `KRs without a score: ${u} (counted as 0); KRs scored 1.0: ${t} (too easy?); unfinished KRs (carry-over candidates): ${c}.`,
  clauseSep: ', ',
  notAResult: 'The command returned no result.',
  notify: { ok: 'OK', success: 'Done', problem: 'Needs attention', appName: 'OKR Workbook' },
};
