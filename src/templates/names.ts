/** Defined names that formulas and drop-downs use. They live on the settings sheet. */
export const N = {
  year: 'OKR_Year',
  quarter: 'OKR_Quarter',
  cycleStart: 'OKR_CycleStart',
  cycleEnd: 'OKR_CycleEnd',
  lang: 'OKR_Lang',
  templateVersion: 'OKR_TemplateVersion',
  minObjectives: 'OKR_MinObjectives',
  maxObjectives: 'OKR_MaxObjectives',
  maxKrs: 'OKR_MaxKRs',
  bottomUpMin: 'OKR_BottomUpMin',
  fairFrom: 'OKR_FairFrom',
  goodFrom: 'OKR_GoodFrom',
  goodTo: 'OKR_GoodTo',
  ratingCodes: 'OKR_RatingCodes',
  ratingLabels: 'OKR_RatingLabels',
  bonus: 'OKR_Bonus',
  categories: 'OKR_Categories',
  sources: 'OKR_Sources',
  periods: 'OKR_Periods',
  statuses: 'OKR_Statuses',
  yesNo: 'OKR_YesNo',
  alignTargets: 'OKR_AlignTargets',
  staff: 'OKR_Staff',
  departments: 'OKR_Departments',
  quarterWeights: 'OKR_QuarterWeights',
  salaryAdjust: 'OKR_SalaryAdjust',
  training: 'OKR_Training',
  positionAfterBad: 'OKR_PositionAfterBad',
  positionText: 'OKR_PositionText',
} as const;

/** Rating colours: BAD red, FAIR amber, GOOD green, EXCELLENT blue (fill, font). */
export const RATING_COLOURS = {
  BAD: { fill: 'FFC7CE', font: '9C0006' },
  FAIR: { fill: 'FFEB9C', font: '9C5700' },
  GOOD: { fill: 'C6EFCE', font: '006100' },
  EXCELLENT: { fill: 'BDD7EE', font: '1F4E79' },
} as const;

export const CHECK_COLOURS = {
  error: { fill: 'FFC7CE', font: '9C0006' },
  warning: { fill: 'FFEB9C', font: '9C5700' },
} as const;

/** Check cells start with one of these marks, so formatting and readers can tell the outcome. */
export const MARK = { ok: '✓', warning: '⚠', error: '✗' } as const;
