/**
 * The ONE list of ribbon command ids. manifest.xml refers to these by name: every
 * `<FunctionName>` is a value of COMMAND_IDS, and every value has a button
 * (test/addin/manifest.test.ts holds the two together).
 *
 * Renaming an id is a breaking change for people who pinned the button to the Quick Access
 * Toolbar; change it in manifest.xml in the same commit.
 */
export const COMMAND_IDS = {
  /** 校验 / Validate: runs the rule checks on the open workbook. */
  validate: 'okrValidate',
  /** 季度评分 / Quarter scoring: computes the scores and writes the score register. */
  score: 'okrScore',
} as const;

export type CommandKey = keyof typeof COMMAND_IDS;
export type CommandId = (typeof COMMAND_IDS)[CommandKey];

/** The `<TaskpaneId>` of the "Open OKR pane" button (ShowTaskpane). */
export const TASKPANE_ID = 'ButtonId1';

/** Control ids of the ribbon buttons in manifest.xml (not function names). */
export const RIBBON_CONTROL_IDS = {
  group: 'OkrGroup',
  pane: 'OkrPaneButton',
  validate: 'OkrValidateButton',
  score: 'OkrScoreButton',
} as const;
