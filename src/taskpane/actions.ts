/**
 * The contract between the task pane and the workbook. The React components receive a PaneActions
 * object as a prop and never touch Office.js; src/office/pane-actions.ts implements it with Excel.run.
 * Tests pass fakes.
 */
import type { Cycle, Lang, Organisation, Settings } from '../domain/model';

/** What the Setup step decides: the cycle (year/quarter), the workbook language, rating bands and limits. */
export interface SetupState {
  cycle: Cycle;
  lang: Lang;
  settings: Settings;
}

/** Where the organisation is read from. */
export type OrgSource =
  /** A CSV or XLSX file the user picked; `bytes` is the whole file. */
  | { kind: 'file'; name: string; bytes: Uint8Array }
  /** An existing sheet of the open workbook (a name returned by listSheets). */
  | { kind: 'sheet'; sheetName: string }
  /** CSV text pasted into the pane (first line = column names). */
  | { kind: 'paste'; text: string };

/** One problem found while reading the organisation. `line` is 1-based (the header is line 1); 0 = the whole source. */
export interface ImportIssueView {
  /** File name, sheet name, or "" for pasted text. */
  file: string;
  line: number;
  /** Column name as written in the source, e.g. "上级"; "" when the issue is not about one column. */
  column: string;
  /** Already in the language passed to readOrg. */
  message: string;
}

/**
 * The result of reading an organisation. `org` is absent when the source could not be used at all;
 * when `org` is present the issues are non-blocking (the org can be generated).
 */
export interface OrgPreview {
  org?: Organisation;
  /** Number of OKR rows found in the source, when it holds any (e.g. a workbook with objectives). */
  okrCount?: number;
  issues: ImportIssueView[];
}

/**
 * Sheet kinds the pane knows how to label (see strings.ts `sheetKinds`). `GenerateSummary.created[].kind`
 * should be one of these; an unknown kind is shown as written.
 */
export const SHEET_KINDS = [
  'guide',
  'settings',
  'map',
  'plan',
  'department',
  'individual',
  'review',
  'scores',
  'changelog',
] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

export interface GenerateSummary {
  /** Sheets created, in creation order. `kind` is a SheetKind. */
  created: { sheet: string; kind: string }[];
  /** True when nothing was generated (e.g. OKR sheets appeared meanwhile); `reason` says why, in the setup language. */
  skipped: boolean;
  reason?: string;
  /** Wall-clock milliseconds the generation took. */
  ms: number;
}

/** One rule finding, ready to show. Texts are in the language passed to validate. */
export interface FindingView {
  /** Rule id, e.g. "O_COUNT". */
  rule: string;
  ruleTitle: string;
  severity: 'error' | 'warning';
  /** Card level: "company" | "department" | "individual". */
  level: string;
  /** "" for company-level findings. */
  department: string;
  /** Card owner (person), "" for department and company cards. */
  owner: string;
  sheet: string;
  /** A1 address on `sheet`, e.g. "C12". */
  cell: string;
  message: string;
}

export interface PaneActions {
  /** Names of the workbook's worksheets, in tab order (for "import from a sheet"). */
  listSheets(): Promise<string[]>;
  /** OKR sheets this add-in generated earlier. Non-empty → the pane does not offer to generate. */
  existingOkrSheets(): Promise<string[]>;
  /** Reads and checks an organisation; never writes to the workbook. Rejects only on unexpected failures. */
  readOrg(source: OrgSource, lang: Lang): Promise<OrgPreview>;
  /**
   * Creates the OKR workbook from templates. Must re-check that no OKR sheets exist and return
   * `skipped: true` instead of touching them. Calls onProgress(done, total) as sheets are written.
   */
  generate(setup: SetupState, org: Organisation, onProgress: (done: number, total: number) => void): Promise<GenerateSummary>;
  /** Reads the workbook back and runs every rule. */
  validate(lang: Lang): Promise<FindingView[]>;
  /** Activates `sheet` and selects `cell` so the user sees the offending value. */
  selectCell(sheet: string, cell: string): Promise<void>;
}

/** Built once at start-up from Office's display language and theme (see index.tsx / host.ts). */
export interface HostInfo {
  lang: Lang;
  theme: 'light' | 'dark';
  /** Set when the Excel host lacks a required API set; generation is then disabled. */
  unsupportedMessage?: string;
}
