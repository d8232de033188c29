import type { IoText, WhatKey } from '../types/io';

const WHAT: Record<WhatKey, string> = { level: 'level', source: 'source', period: 'period' };

export const io: IoText = {
  sentences: {
    notUtf8: () =>
      'the file\'s encoding is not recognised: it is neither UTF-8 nor GBK (Excel\'s Chinese "CSV (Comma delimited)"). In Excel, use "Save As → CSV UTF-8 (Comma delimited) (*.csv)" and import it again',
    readAsGbk: () =>
      'read as GBK (Excel\'s Chinese "CSV (Comma delimited)"); if any text looks garbled, save it as "CSV UTF-8 (Comma delimited)"',
    ignoredColumns: (columns, known) =>
      `these columns are not recognised and were ignored: ${columns.map((c) => `"${c}"`).join(', ')} (the columns read: ${known.join(', ')})`,
    cellTooLong: (length, max) =>
      `the text is too long (${length} characters); an Excel cell holds at most ${max}`,
    nameTooLong: (length, max) =>
      `the name is too long (${length} characters); department and person names have at most ${max}`,
    xlsxUnreadable: (why) =>
      `cannot read this .xlsx file: ${why}`,
    xlsxEmpty: () =>
      'the file is empty (0 bytes)',
    xlsxOle: () =>
      'it is a password-protected workbook or an old Excel 97-2003 (.xls) file. Remove the password in Excel and save it as .xlsx',
    xlsxIsText: () =>
      'it is a text file (perhaps a CSV), not an Excel workbook; if it is a CSV, name it .csv',
    xlsxIsCsv: () =>
      'This is a CSV text file, not an Excel workbook. An OKR workbook (.xlsx) written by okr-workbook new is needed here; import an organisation or OKR CSV with okr-workbook new --org / --okrs',
    xlsxNotZip: () =>
      'it is not an Excel workbook (not in the .xlsx format)',
    xlsxDamaged: () =>
      'the file is damaged or incomplete (perhaps cut short in a download or copy). Open it in Excel and save a copy, or get the file again',
    xlsxBrokenPart: (what, part, detail) => ({
      noWorkbook: 'the package names no workbook part (_rels/.rels has no officeDocument relationship)',
      missingPart: `the part ${part} that the workbook refers to is missing`,
      malformedXml: `the part ${part} is not well-formed XML`,
      unexpectedXml: `the part ${part} is not what the workbook says it is`,
      sharedFormula: `in ${part}, the shared formula of cell ${detail} would be written over, and it cannot be moved to the other cells that use it`,
    })[what] + '. Open it in Excel and save a copy, or get the file again',
    xlsxTooLarge: (part, limitMb) => (part
      ? `the part ${part} inflates to more than the ${limitMb} MB limit (or more than the file itself declares), so it was not read. This is not an ordinary workbook: open it in Excel and save a copy, or remove what is not needed`
      : `the file's parts inflate to more than the ${limitMb} MB limit together, so it was not read. Remove what is not needed in Excel and save a copy`),
    xlsxDtd: (part) =>
      `the part ${part} carries a document type declaration (DTD), which is never read for safety. Open it in Excel and save a copy`,
    xlsxTooFar: (cell, maxRows, maxColumns) =>
      `cell ${cell} holds something, but an import reads at most ${maxRows} rows and ${maxColumns} columns. Remove what is far away, or move the table to the top left`,
    oldXls: () =>
      'this is an old Excel 97-2003 (.xls) file or a password-protected workbook, which cannot be imported. In Excel, (remove the password and) save it as .xlsx or "CSV UTF-8 (Comma delimited)"',
    noSheet: () =>
      'the workbook has no worksheet',
    emptyFile: () =>
      'the file is empty (no header row)',
    missingColumn: (zhName, enName) =>
      `the required column "${enName}" (or "${zhName}") is missing`,
    duplicateColumn: (other, index) =>
      `this column repeats column ${index} ("${other}"); keep only one of them`,
    required: () =>
      'must not be empty',
    requiredFor: (level) =>
      `must not be empty when the level is "${level}"`,
    badNumber: (raw) =>
      `"${raw}" is not a valid number (write 0.25 or 25%)`,
    badInteger: (raw) =>
      `"${raw}" is not a valid number (write a whole number such as 1, 2, 3)`,
    badDate: (raw) =>
      `"${raw}" is not a valid date (write YYYY-MM-DD, e.g. 2026-12-31; 2026/12/31 also works)`,
    badWord: (raw, what, allowed) =>
      `"${raw}" is not a valid ${WHAT[what]} (allowed: ${allowed.join(', ')})`,
    badYesNo: (raw) =>
      `"${raw}" is not understood (write yes or no)`,
    badAlignment: (raw) =>
      `"${raw}" is not a valid alignment (write company#N or <department>#N, e.g. company#2, 技术部#1)`,
    unknownDepartment: (name) =>
      `the department "${name}" is not in the organisation`,
    unknownPerson: (name) =>
      `"${name}" is not in the organisation`,
    personNotInDepartment: (name, dept, actual) =>
      `"${name}" is not in "${dept}" (the organisation has them in ${actual.join(', ')})`,
    ambiguousPerson: (name, depts, hint) =>
      `the organisation has more than one "${name}" (${depts.join(', ')}), so it is unclear which one is meant${hint ? `; ${hint}` : ''}`,
    fillDepartmentHint: () =>
      'fill in the "department" column',
    selfManager: (name) =>
      `"${name}" is given as their own manager; write their direct manager, or leave it empty for the person at the top`,
    managerLoop: (chain) =>
      `the managers go round in a loop: ${chain.join(' → ')}; check these people's "manager" column (the person at the top has no manager)`,
    notOnCard: (level, column) =>
      `a "${level}" card has no "${column}" column, so what is written here would be lost; leave it empty (the category is for company objectives only)`,
    noPeople: () =>
      'the file has a header but no people; write one person per row below it',
    duplicatePerson: (name, dept, firstLine) =>
      `"${dept}" already has a person named "${name}" (line ${firstLine}); names must be unique within a department (add a suffix, e.g. "${name}A")`,
    duplicateId: (id, first, firstLine) =>
      `employee ID "${id}" is already used for "${first}" on line ${firstLine}; an employee ID belongs to one person only`,
    twoHeads: (dept, other, firstLine) =>
      `"${dept}" already has a head, "${other}" (line ${firstLine}); a department has only one head`,
    conflict: (now, before, firstLine) =>
      `disagrees with line ${firstLine}: "${now}" here, "${before}" on line ${firstLine} (the rows of one objective must repeat the same values)`,
    duplicateKr: (objNo, krNo, firstLine) =>
      `KR number ${krNo} of objective "${objNo}" is used twice (already on line ${firstLine})`,
    krWithoutObjective: () =>
      'this row has a key result but no objective (fill in "objective" or "objective_no")',
    csvSyntax: (code, detail) => {
      if (code === 'CSV_QUOTE_NOT_CLOSED') return 'CSV syntax error: a quote is not closed (the quoted cell starting here has no closing quote)';
      if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') return 'CSV syntax error: there are characters after a closing quote';
      return `CSV syntax error (check the quotes and commas): ${detail}`;
    },
  },
  located: (file, line, column, text) => {
    if (line > 0 && column) return `${file} line ${line}, column "${column}": ${text}`;
    if (line > 0) return `${file} line ${line}: ${text}`;
    return `${file}: ${text}`;
  },
  tooManyIssues: (shown, omitted) => `… and ${omitted} more issues not listed (first ${shown} shown)`,
  columnName: (c) => c.en,
  nthColumn: (n) => `column ${n}`,
};
