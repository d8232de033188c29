/** The words the generated sheets carry: sheet names, titles, labels and column headers. */

/** Readers recognise every language's spelling of these (templates/text.ts `both`). */
export interface SheetLabels {
  sheetGuide: string;
  sheetSettings: string;
  sheetMap: string;
  sheetActions: string;
  sheetReview: string;
  sheetRegister: string;
  sheetChangeLog: string;
  sheetLock: string;
  sheetChartsPrefix: string;
  deptSheetPrefix: string;
  personSheetPrefix: string;
  titleMap: string;
  titleDeptCard: string;
  titlePersonCard: string;
  titleSettings: string;
  titleActions: string;
  titleReview: string;
  titleRegister: string;
  titleChangeLog: string;
  titleLock: string;
  titleCharts: string;
  titleGuide: string;
  name: string;
  department: string;
  head: string;
  position: string;
  manager: string;
  cycle: string;
  cardStatus: string;
  company: string;
  cardScore: string;
  rating: string;
  objectiveCount: string;
  bottomUpShare: string;
  checkObjectives: string;
  checkObjWeights: string;
  checkScores: string;
  checkRows: string;
  colObjNo: string;
  colCategory: string;
  colObjective: string;
  colSource: string;
  colAlignedTo: string;
  colObjWeight: string;
  colAgreed: string;
  colKrNo: string;
  colKr: string;
  colDeliverable: string;
  colTarget: string;
  colCriteria: string;
  colDeadline: string;
  colPeriod: string;
  colKrWeight: string;
  colProgress: string;
  colSelfScore: string;
  colManagerScore: string;
  colFinalScore: string;
  colObjScore: string;
  colStatus: string;
  colCarryReason: string;
  colKrCheck: string;
  colObjCheck: string;
  signOff: string;
  employeeSign: string;
  deptHeadSign: string;
  managerSign: string;
  gmSign: string;
  date: string;
  ok: string;
}

export interface SheetsText {
  labels: SheetLabels;
}
