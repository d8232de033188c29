/**
 * What can be wrong with a package this engine refuses (only a genuinely broken file is refused):
 * the code says what, `part` names the part concerned. The command line words it through src/i18n.
 */
export type BrokenPackageCode =
  /** Not a zip archive, or a damaged one. */
  | 'notZip'
  /** No package relationship to a workbook part (an .xlsx needs /_rels/.rels → xl/workbook.xml or another name). */
  | 'noWorkbook'
  /** A part the package names (through a relationship) is not in it. */
  | 'missingPart'
  /** A part is not well-formed XML. */
  | 'malformedXml'
  /** A part's root element is not what its relationship says (e.g. a sheet that is not a worksheet). */
  | 'unexpectedXml'
  /** A shared formula the edit would break (its master is written over) cannot be moved to another cell. */
  | 'sharedFormula'
  /** A part inflates to more than the limit (src/xlsx/package/limits.ts), or more than its zip header says. */
  | 'tooLarge'
  /** The parts together inflate to more than the package limit. */
  | 'packageTooLarge'
  /** A part carries a document type declaration (DTDs and their entities are never read). */
  | 'dtd';

export class BrokenPackage extends Error {
  /** `limit`: the limit in bytes that 'tooLarge' / 'packageTooLarge' went over. */
  constructor(readonly code: BrokenPackageCode, readonly part: string, readonly detail = '', readonly limit = 0) {
    super(`broken .xlsx package (${code}): ${part}${detail ? `: ${detail}` : ''}`);
    this.name = 'BrokenPackage';
  }
}

/** The edit no longer fits the workbook: rows to append are not empty, a sheet it names is gone. */
export class EditConflict extends Error {}
