#!/usr/bin/env node
/**
 * Regenerates enums.ts and real-members.ts from node_modules/@types/office-js, so the fake's
 * enum values and its list of real member names follow the installed typings.
 *
 *   npm run generate -w @okr-workbook/fake-excel     (or: node packages/fake-excel/generate-from-types.js)
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script */

const fs = require('fs');
const path = require('path');

const typings = require.resolve('@types/office-js/index.d.ts', { paths: [__dirname] });
const src = fs.readFileSync(typings, 'utf8').split('\n');
const start = src.findIndex((l) => /^declare namespace Excel \{/.test(l));
const end = src.findIndex((l, i) => i > start && /^\}/.test(l));

const ENUMS = [
  'BorderIndex', 'BorderLineStyle', 'BorderWeight', 'CalculationMode', 'CalculationState', 'CalculationType', 'ClearApplyTo',
  'ConditionalCellValueOperator', 'ConditionalDataBarAxisFormat', 'ConditionalDataBarDirection', 'ConditionalFormatColorCriterionType',
  'ConditionalFormatDirection', 'ConditionalFormatIconRuleType', 'ConditionalFormatPresetCriterion', 'ConditionalFormatRuleType',
  'ConditionalFormatType', 'ConditionalIconCriterionOperator', 'ConditionalRangeBorderIndex', 'ConditionalRangeBorderLineStyle',
  'ConditionalRangeFontUnderlineStyle', 'ConditionalTextOperator', 'ConditionalTopBottomCriterionType', 'DataValidationAlertStyle',
  'DataValidationOperator', 'DataValidationType', 'DeleteShiftDirection', 'ErrorCodes', 'FillPattern', 'HorizontalAlignment', 'IconSet',
  'InsertShiftDirection', 'NamedItemScope', 'NamedItemType', 'ProtectionSelectionMode', 'RangeUnderlineStyle', 'RangeValueType',
  'SheetVisibility', 'VerticalAlignment', 'WorksheetPositionType', 'DocumentPropertyType',
];

const CLASSES = [
  'Range', 'RangeFormat', 'RangeFill', 'RangeFont', 'FormatProtection', 'RangeBorderCollection', 'RangeBorder', 'Worksheet',
  'WorksheetCollection', 'WorksheetProtection', 'WorksheetFreezePanes', 'Workbook', 'Application', 'WorkbookProtection',
  'DocumentProperties', 'CustomPropertyCollection', 'CustomProperty', 'SettingCollection', 'Setting', 'NamedItemCollection',
  'NamedItem', 'DataValidation', 'ConditionalFormatCollection', 'ConditionalFormat', 'CustomConditionalFormat', 'ConditionalFormatRule',
  'CellValueConditionalFormat', 'TextConditionalFormat', 'TopBottomConditionalFormat', 'PresetCriteriaConditionalFormat',
  'DataBarConditionalFormat', 'ConditionalDataBarPositiveFormat', 'ConditionalDataBarNegativeFormat', 'ColorScaleConditionalFormat',
  'IconSetConditionalFormat', 'ConditionalRangeFormat', 'ConditionalRangeFill', 'ConditionalRangeFont', 'ConditionalRangeBorderCollection',
  'ConditionalRangeBorder', 'TableCollection', 'Table',
];

function enums() {
  const out = {};
  for (let i = start; i < end; i++) {
    const m = src[i].match(/^ {4}enum (\w+) \{/);
    if (!m || !ENUMS.includes(m[1]) || out[m[1]]) continue;
    const members = {};
    for (let j = i + 1; j < end && !/^ {4}\}/.test(src[j]); j++) {
      const mm = src[j].match(/^\s+(\w+) = "([^"]*)",?/);
      if (mm) members[mm[1]] = mm[2];
    }
    out[m[1]] = members;
  }
  let ts =
    '/**\n * Excel enum values (string-valued, as Office.js accepts them).\n * Generated from @types/office-js (declare namespace Excel { enum ... }) so the names and\n * values are the real ones; regenerate rather than edit by hand.\n */\nexport const excelEnums = {\n';
  for (const k of ENUMS) {
    if (!out[k]) throw new Error(`enum ${k} not found`);
    ts += `  ${k}: {\n${Object.entries(out[k]).map(([a, b]) => `    ${a}: ${JSON.stringify(b)},`).join('\n')}\n  },\n`;
  }
  return `${ts}} as const;\n`;
}

function members() {
  const out = {};
  for (let i = start; i < end; i++) {
    const m = src[i].match(/^ {4}class (\w+) extends OfficeExtension\.ClientObject \{/);
    if (!m || !CLASSES.includes(m[1]) || out[m[1]]) continue;
    const names = new Set();
    for (let j = i + 1; j < end && !/^ {4}\}/.test(src[j]); j++) {
      const mm = src[j].match(/^ {8}(?:readonly )?([a-zA-Z]\w*)(\??:|\()/);
      if (mm && !['context', 'load', 'set', 'toJSON', 'track', 'untrack'].includes(mm[1])) names.add(mm[1]);
    }
    out[m[1]] = [...names];
  }
  let ts =
    '/**\n * Member names of the real Excel classes the fake models, generated from @types/office-js\n * (declare namespace Excel { class X extends OfficeExtension.ClientObject }). A member listed here\n * that the fake does not implement throws FakeNotImplementedError instead of being undefined.\n */\nexport const REAL_MEMBERS: Record<string, readonly string[]> = {\n';
  for (const k of CLASSES) {
    if (!out[k]) throw new Error(`class ${k} not found`);
    ts += `  ${k}: [${out[k].map((n) => `'${n}'`).join(', ')}],\n`;
  }
  return `${ts}};\n`;
}

fs.writeFileSync(path.join(__dirname, 'src', 'enums.ts'), enums());
fs.writeFileSync(path.join(__dirname, 'src', 'real-members.ts'), members());
console.log('wrote enums.ts and real-members.ts');
