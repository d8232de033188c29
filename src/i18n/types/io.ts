/** Import problems (src/io): one sentence per problem, after the location `located` puts in front. */

/** The things a word column holds, named in messages. */
export type WhatKey = 'level' | 'source' | 'period';

/** A column as the import knows it: its Chinese and English header. */
export interface ColumnNames {
  zh: string;
  en: string;
}

/** What can be wrong with a part of a package that opened as a zip. */
export type BrokenPartWhat = 'noWorkbook' | 'missingPart' | 'malformedXml' | 'unexpectedXml' | 'sharedFormula';

/** Every argument a person wrote arrives already shortened (see io/messages.ts). */
export interface IoSentences {
  notUtf8(): string;
  readAsGbk(): string;
  ignoredColumns(columns: string[], known: string[]): string;
  cellTooLong(length: number, max: number): string;
  nameTooLong(length: number, max: number): string;
  xlsxUnreadable(why: string): string;
  xlsxEmpty(): string;
  xlsxOle(): string;
  xlsxIsText(): string;
  /** A .csv given where an OKR workbook (.xlsx) is needed: the whole sentence. */
  xlsxIsCsv(): string;
  xlsxNotZip(): string;
  xlsxDamaged(): string;
  /** A package a valid writer would not produce: `what` is wrong with `part`. */
  xlsxBrokenPart(what: BrokenPartWhat, part: string, detail: string): string;
  /** A part (or, with part '', the whole package) inflates to more than `limitMb` MB: refused unread (#15). */
  xlsxTooLarge(part: string, limitMb: number): string;
  /** A part carries a DTD (document type declaration): never read, whatever it declares. */
  xlsxDtd(part: string): string;
  /** A cell of an import sheet outside the rows and columns an import reads. */
  xlsxTooFar(cell: string, maxRows: number, maxColumns: number): string;
  oldXls(): string;
  noSheet(): string;
  emptyFile(): string;
  missingColumn(zhName: string, enName: string): string;
  duplicateColumn(other: string, index: number): string;
  required(): string;
  requiredFor(level: string): string;
  badNumber(raw: string): string;
  badInteger(raw: string): string;
  badDate(raw: string): string;
  badWord(raw: string, what: WhatKey, allowed: string[]): string;
  badYesNo(raw: string): string;
  badAlignment(raw: string): string;
  unknownDepartment(name: string): string;
  unknownPerson(name: string): string;
  personNotInDepartment(name: string, dept: string, actual: string[]): string;
  ambiguousPerson(name: string, depts: string[], hint: string): string;
  fillDepartmentHint(): string;
  duplicatePerson(name: string, dept: string, firstLine: number): string;
  /** An employee id (工号) given on two rows; `first` is the name on the first of them. */
  duplicateId(id: string, first: string, firstLine: number): string;
  twoHeads(dept: string, other: string, firstLine: number): string;
  selfManager(name: string): string;
  managerLoop(chain: string[]): string;
  noPeople(): string;
  notOnCard(level: string, column: string): string;
  conflict(now: string, before: string, firstLine: number): string;
  duplicateKr(objNo: string, krNo: number, firstLine: number): string;
  krWithoutObjective(): string;
  csvSyntax(code: string | undefined, detail: string): string;
}

export interface IoText {
  sentences: IoSentences;
  /** File, line and column in front of a sentence; line 0 means the whole file, '' no column. */
  located(file: string, line: number, column: string, text: string): string;
  tooManyIssues(shown: number, omitted: number): string;
  /** A column's header in this language. */
  columnName(c: ColumnNames): string;
  /** A column without a header, by its 1-based number. */
  nthColumn(n: number): string;
}
