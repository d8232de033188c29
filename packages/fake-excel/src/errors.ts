/**
 * Errors shaped like OfficeExtension.Error (name "RichApi.Error", code, message, debugInfo,
 * traceMessages, innerError, httpStatusCode), so adapter code that branches on `error.code`
 * behaves the same against the fake as against Excel.
 *
 * Client-side messages (PropertyNotLoaded, ValueNotLoaded, InvalidObjectPath, ApiNotFound,
 * payload limits, RunMustReturnPromise) are copied from office.js's own en-us strings
 * (node_modules/@microsoft/office-js/dist/en-us/office_strings.debug.js). Messages of errors that
 * Excel itself returns (ItemNotFound, AccessDenied, …) are not published verbatim; the fake uses
 * plausible wording and tests should assert on `code`, never on `message`.
 */

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  badPassword: 'BadPassword',
  formulaLengthExceedsLimit: 'FormulaLengthExceedsLimit',
  generalException: 'GeneralException',
  inactiveWorkbook: 'InactiveWorkbook',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidObjectPath: 'InvalidObjectPath',
  invalidRequestContext: 'InvalidRequestContext',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  valueNotLoaded: 'ValueNotLoaded',
  cannotUpdateReadOnlyProperty: 'CannotUpdateReadOnlyProperty',
  mergedRangeConflict: 'MergedRangeConflict',
  unsupportedOperation: 'UnsupportedOperation',
} as const;

export type FakeErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
  toString(): string;
}

const HTTP_STATUS: Record<string, number> = {
  AccessDenied: 401,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidRequestContext: 400,
  ValueNotLoaded: 400,
  PropertyNotLoaded: 400,
  ItemNotFound: 404,
  ApiNotFound: 404,
  ItemAlreadyExists: 409,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

/** Same observable shape as OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  override name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: FakeOfficeError | null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, debug?: { errorLocation?: string; statement?: string }) {
    super(message);
    Object.setPrototypeOf(this, FakeOfficeError.prototype);
    this.code = code;
    this.httpStatusCode = HTTP_STATUS[code] ?? 500;
    const info: FakeDebugInfo = {
      code,
      message,
      ...(debug?.errorLocation !== undefined ? { errorLocation: debug.errorLocation } : {}),
      ...(debug?.statement !== undefined
        ? { statement: debug.statement, surroundingStatements: [debug.statement], fullStatements: [debug.statement] }
        : {}),
      toString(): string {
        return JSON.stringify(this);
      },
    };
    this.debugInfo = info;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }

  /** A copy carrying the location of the failing queued operation (set by the sync engine). */
  withLocation(errorLocation: string, statement: string): FakeOfficeError {
    const e = new FakeOfficeError(this.code, this.message, {
      errorLocation: this.debugInfo.errorLocation ?? errorLocation,
      statement,
    });
    return e;
  }
}

export function isFakeOfficeError(e: unknown): e is FakeOfficeError {
  return e instanceof FakeOfficeError;
}

// ---- factories -------------------------------------------------------------------------------

export const Messages = {
  propertyNotLoaded: (p: string) =>
    `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  valueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  invalidObjectPath: (p: string) =>
    `The object path '${p}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
  invalidRequestContext: 'Cannot use the object across different request contexts.',
  apiNotFound: (member: string, set: string) =>
    `The method or property ${member} is part of the ${set} requirement set, which is not available in your version of Excel.`,
  requestPayload:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  responsePayload:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  runMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  propertyDoesNotExist: (p: string) => `Property '${p}' does not exist on the object.`,
  cannotApplyThroughSet: (p: string) => `Changes to property '${p}' cannot be applied through an "object.set" method.`,
  invalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  itemNotFound: "The requested resource doesn't exist.",
  generalException: 'There was an internal error while processing the request.',
  itemAlreadyExists: 'A resource with the same name or identifier already exists.',
  inactiveWorkbook: 'The workbook is not active: another workbook has the focus.',
  badPassword: 'The password you supplied is not correct.',
  protectedSheet:
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
  protectedWorkbook: 'The workbook structure is protected. To make this change, unprotect the workbook.',
  shapeMismatch: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
} as const;

export function err(code: string, message: string, errorLocation?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, errorLocation !== undefined ? { errorLocation } : undefined);
}

export function invalidArgument(detail?: string, errorLocation?: string): FakeOfficeError {
  return err(ErrorCodes.invalidArgument, detail ? `${Messages.invalidArgument} (${detail})` : Messages.invalidArgument, errorLocation);
}

export function itemNotFound(detail?: string, errorLocation?: string): FakeOfficeError {
  return err(ErrorCodes.itemNotFound, detail ? `${Messages.itemNotFound} (${detail})` : Messages.itemNotFound, errorLocation);
}

export function invalidOperation(message: string, errorLocation?: string): FakeOfficeError {
  return err(ErrorCodes.invalidOperation, message, errorLocation);
}

export function accessDeniedProtectedSheet(errorLocation?: string): FakeOfficeError {
  return err(ErrorCodes.accessDenied, Messages.protectedSheet, errorLocation);
}

export function propertyNotLoaded(typeName: string, prop: string): FakeOfficeError {
  return err(ErrorCodes.propertyNotLoaded, Messages.propertyNotLoaded(prop), `${typeName}.${prop}`);
}

/**
 * Thrown (synchronously) when a test drives a member the fake does not model. It is NOT an
 * Office error: the message says so, so nobody mistakes a gap in the fake for an Excel failure.
 */
export class FakeNotImplementedError extends Error {
  override name = 'FakeNotImplementedError';
  constructor(member: string) {
    super(`The fake Excel object model does not implement ${member}. Add it under packages/fake-excel/src/ (real Office.js has it).`);
    Object.setPrototypeOf(this, FakeNotImplementedError.prototype);
  }
}
