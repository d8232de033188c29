/**
 * The use cases, each written once against the workbook port (./port.ts). The command line, the
 * task pane and the ribbon only present their results.
 */
export { addReviewMonth, type ReviewRequest, type ReviewResult } from './review';
export { checkWorkbook, type CheckResult } from './check';
export { generateWorkbook, type GenerateRequest, type GenerateResult } from './generate';
export { lockQuarter, type LockRequest, type LockResult } from './lock';
export { requestAnnualKrChange, type AnnualChangeRequest, type AnnualChangeResult } from './annual-change';
export { nextQuarter, type NextRequest, type NextResult } from './next';
export { yearResults, type YearResults } from './year';
export { scoreQuarter, type ScoreRequest, type ScoreResult } from './score';
export { updateOrganisation, type UpdateRequest, type UpdateResult, type UpdateView } from './update';
export type { ApplyOptions, ApplyReport, GenerationPort, WorkbookPort } from './port';
export { refused, refusalMessage, type AppRefused } from './refused';
export type { Request } from './request';
