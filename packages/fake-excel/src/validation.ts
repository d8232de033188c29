/**
 * Excel.DataValidation on a range.
 *
 * The model keeps a list of validations per sheet, each covering rectangles. Setting `rule`,
 * `prompt`, `errorAlert` or `ignoreBlanks` on a range splits existing validations at the range's
 * edges and updates the part inside (so a prompt set before the rule survives), and creates a new
 * validation for cells that had none. Reading returns "Inconsistent"/null when the range is not
 * covered by exactly one validation. `clear()` removes validation from the range.
 * Limits Excel enforces and the fake checks: a literal list source of at most 255 characters,
 * prompt title 32 / message 255, error title 32 / message 225, exactly one rule type.
 */

import { Rect, qualifiedAddress, rectContainsCell, rectIntersect, rectSubtract } from './address';
import { ApplyContext, FakeClientObject, NULL_OBJECT, defineType } from './core';
import { invalidArgument } from './errors';
import { FakeRange, RangeTarget, notImplemented, registerRangeNavs, sheetOf } from './range';
import { checkFormula, dateToSerial } from './values';
import { deepClone } from './clone';
import { DVData, DVRule, SheetData, WorkbookState } from './workbook-state';

const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
const RULE_KEYS: Record<string, DVRule['type']> = {
  list: 'List',
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
};

const DEFAULT_PROMPT = { showPrompt: true, title: '', message: '' };
const DEFAULT_ALERT = { showAlert: true, style: 'Stop', title: '', message: '' };

function rangeFormula(ax: ApplyContext, r: FakeRange, where: string): string {
  const t = ax.resolve<RangeTarget>(r);
  if (t === NULL_OBJECT) throw invalidArgument('null range', where);
  return `=${qualifiedAddress(ax.state._sheetById(t.sheetId, where).name, t.rect, true)}`;
}

function formulaArg(ax: ApplyContext, v: unknown, where: string, dates: boolean): string {
  if (v instanceof FakeRange) return rangeFormula(ax, v, where);
  if (typeof v === 'number' && Number.isFinite(v)) return `=${v}`;
  if (v instanceof Date && dates) {
    return `=${dateToSerial(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) + (v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds()) / 86400}`;
  }
  if (typeof v === 'string' && v.trim() !== '') {
    if (dates) {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(v);
      if (m) {
        const frac = m[4] ? (+m[4] * 3600 + +m[5] * 60 + (m[6] ? +m[6] : 0)) / 86400 : 0;
        return `=${dateToSerial(+m[1], +m[2], +m[3]) + frac}`;
      }
    }
    const f = v.startsWith('=') ? v : `=${v}`;
    checkFormula(f, where);
    return f;
  }
  throw invalidArgument(`formula ${JSON.stringify(v)}`, where);
}

/** Validates an Office.js DataValidationRule and normalizes it. */
function normalizeRule(ax: ApplyContext, rule: unknown, where: string): DVRule {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw invalidArgument('rule must be an object', where);
  const keys = Object.keys(rule as object).filter((k) => (rule as Record<string, unknown>)[k] !== undefined && (rule as Record<string, unknown>)[k] !== null);
  if (keys.length !== 1) throw invalidArgument(`a DataValidationRule must set exactly one of ${Object.keys(RULE_KEYS).join(', ')} (got ${keys.join(', ') || 'none'})`, where);
  const key = keys[0];
  const type = RULE_KEYS[key];
  if (!type) throw invalidArgument(`unknown rule type ${key}`, where);
  const body = (rule as Record<string, unknown>)[key] as Record<string, unknown>;
  if (!body || typeof body !== 'object') throw invalidArgument(`rule.${key}`, where);
  if (type === 'List') {
    const src = body.source;
    let source: string;
    if (src instanceof FakeRange) source = rangeFormula(ax, src, where);
    else if (typeof src === 'string' && src.startsWith('=')) {
      checkFormula(src, where);
      source = src;
    } else if (typeof src === 'string' && src.length > 0) {
      if (src.length > 255) throw invalidArgument(`a list source typed as text is limited to 255 characters (got ${src.length}); use a range`, where);
      source = src;
    } else throw invalidArgument('rule.list.source', where);
    if (body.inCellDropDown !== undefined && typeof body.inCellDropDown !== 'boolean') throw invalidArgument('inCellDropDown', where);
    return { type, source, inCellDropDown: body.inCellDropDown !== false };
  }
  if (type === 'Custom') {
    if (typeof body.formula !== 'string' || body.formula.trim() === '') throw invalidArgument('rule.custom.formula', where);
    const f = body.formula.startsWith('=') ? body.formula : `=${body.formula}`;
    checkFormula(f, where);
    return { type, formula: f };
  }
  const op = body.operator;
  if (typeof op !== 'string' || !OPERATORS.includes(op)) throw invalidArgument(`operator ${JSON.stringify(op)}`, where);
  const dates = type === 'Date' || type === 'Time';
  const formula1 = formulaArg(ax, body.formula1, where, dates);
  const needs2 = op === 'Between' || op === 'NotBetween';
  if (needs2 && (body.formula2 === undefined || body.formula2 === null)) throw invalidArgument(`operator ${op} needs formula2`, where);
  const out: DVRule = { type, operator: op, formula1 };
  if (needs2) out.formula2 = formulaArg(ax, body.formula2, where, dates);
  return out;
}

/** Office.js shape of a stored rule. */
function ruleToOffice(rule: DVRule | null): Record<string, unknown> {
  if (!rule) return {};
  switch (rule.type) {
    case 'List':
      return { list: { inCellDropDown: rule.inCellDropDown !== false, source: rule.source } };
    case 'Custom':
      return { custom: { formula: rule.formula } };
    default: {
      const key = Object.keys(RULE_KEYS).find((k) => RULE_KEYS[k] === rule.type) as string;
      const b: Record<string, unknown> = { formula1: rule.formula1, operator: rule.operator };
      if (rule.formula2 !== undefined) b.formula2 = rule.formula2;
      return { [key]: b };
    }
  }
}

/** Split validations at x's edges, update the part inside x, create one for uncovered cells. */
export function updateValidation(state: WorkbookState, sheet: SheetData, x: Rect, mutate: (dv: DVData) => void): void {
  const next: DVData[] = [];
  const covered: Rect[] = [];
  for (const dv of sheet.validations) {
    const inside: Rect[] = [];
    const outside: Rect[] = [];
    for (const r of dv.rects) {
      const i = rectIntersect(r, x);
      if (!i) {
        outside.push(r);
        continue;
      }
      inside.push(i);
      outside.push(...rectSubtract(r, x));
    }
    if (inside.length === 0) {
      next.push(dv);
      continue;
    }
    if (outside.length) next.push({ ...deepClone(dv), rects: outside });
    const updated: DVData = { ...deepClone(dv), id: state._newId('dv'), rects: inside };
    mutate(updated);
    next.push(updated);
    covered.push(...inside);
  }
  let uncovered: Rect[] = [x];
  for (const c of covered) uncovered = uncovered.flatMap((u) => rectSubtract(u, c));
  if (uncovered.length) {
    const fresh: DVData = {
      id: state._newId('dv'),
      rects: uncovered,
      rule: null,
      prompt: { ...DEFAULT_PROMPT },
      errorAlert: { ...DEFAULT_ALERT },
      ignoreBlanks: true,
    };
    mutate(fresh);
    next.push(fresh);
  }
  sheet.validations = next;
}

export function clearValidation(sheet: SheetData, x: Rect): void {
  sheet.validations = sheet.validations
    .map((dv) => ({ ...dv, rects: dv.rects.flatMap((r) => rectSubtract(r, x)) }))
    .filter((dv) => dv.rects.length > 0);
}

/** The single validation covering all of x, 'none', or 'mixed'. */
function coverage(sheet: SheetData, x: Rect): DVData | 'none' | 'mixed' {
  const touching = sheet.validations.filter((dv) => dv.rects.some((r) => rectIntersect(r, x)));
  if (touching.length === 0) return 'none';
  if (touching.length > 1) return 'mixed';
  const dv = touching[0];
  let rest: Rect[] = [x];
  for (const r of dv.rects) rest = rest.flatMap((u) => rectSubtract(u, r));
  return rest.length ? 'mixed' : dv;
}

function numericFormula(f: string | undefined): number | null {
  if (!f) return null;
  const body = f.replace(/^=/, '');
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body) ? Number(body) : null;
}

/** Best-effort `valid`: constants against list literals and constant bounds; null when unknown. */
function cellValid(state: WorkbookState, sheet: SheetData, dv: DVData, r: number, c: number): boolean | null {
  const rule = dv.rule;
  if (!rule) return true;
  const v = state._value(sheet, r, c);
  if (v === '' || v === null) return dv.ignoreBlanks ? true : null;
  if (rule.type === 'List') {
    if (rule.source?.startsWith('=')) return null;
    const items = (rule.source ?? '').split(',').map((s) => s.trim().toLowerCase());
    return items.includes(String(v).toLowerCase());
  }
  if (rule.type === 'Custom') return null;
  const a = numericFormula(rule.formula1);
  const b = numericFormula(rule.formula2);
  if (a === null || (rule.formula2 !== undefined && b === null)) return null;
  const n = rule.type === 'TextLength' ? String(v).length : typeof v === 'number' ? v : NaN;
  if (Number.isNaN(n)) return false;
  if (rule.type === 'WholeNumber' && !Number.isInteger(n)) return false;
  switch (rule.operator) {
    case 'Between':
      return n >= a && n <= (b as number);
    case 'NotBetween':
      return n < a || n > (b as number);
    case 'EqualTo':
      return n === a;
    case 'NotEqualTo':
      return n !== a;
    case 'GreaterThan':
      return n > a;
    case 'LessThan':
      return n < a;
    case 'GreaterThanOrEqualTo':
      return n >= a;
    case 'LessThanOrEqualTo':
      return n <= a;
    default:
      return null;
  }
}

export class FakeDataValidation extends FakeClientObject {
  constructor(parent: FakeRange) {
    super(parent.context, parent, 'dataValidation');
  }

  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }

  clear(): void {
    this._queueCall<RangeTarget>('clear', [], (t, ax, where) => {
      const sheet = sheetOf(ax, t, where);
      ax.state._assertUnprotected(sheet, where);
      clearValidation(sheet, t.rect);
    });
  }
}

function write(ax: ApplyContext, t: RangeTarget, where: string, mutate: (dv: DVData) => void): void {
  const sheet = sheetOf(ax, t, where);
  ax.state._assertUnprotected(sheet, where);
  updateValidation(ax.state, sheet, t.rect, mutate);
}

function str(v: unknown, max: number, what: string, where: string): string {
  if (v === undefined) return '';
  if (typeof v !== 'string') throw invalidArgument(`${what} must be a string`, where);
  if (v.length > max) throw invalidArgument(`${what} is limited to ${max} characters (got ${v.length})`, where);
  return v;
}

defineType<RangeTarget>(FakeDataValidation, {
  typeName: 'DataValidation',
  scalars: {
    type: {
      readOnly: true,
      read: (t, ax) => {
        const cov = coverage(sheetOf(ax, t, 'DataValidation.type'), t.rect);
        if (cov === 'none') return 'None';
        if (cov === 'mixed') return 'Inconsistent';
        return cov.rule ? cov.rule.type : 'None';
      },
    },
    rule: {
      read: (t, ax) => {
        const cov = coverage(sheetOf(ax, t, 'DataValidation.rule'), t.rect);
        return cov === 'mixed' ? null : cov === 'none' ? {} : ruleToOffice(cov.rule);
      },
      write: (t, v, ax, where) => {
        const rule = normalizeRule(ax, v, where);
        write(ax, t, where, (dv) => {
          dv.rule = { ...rule };
        });
      },
    },
    prompt: {
      read: (t, ax) => {
        const cov = coverage(sheetOf(ax, t, 'DataValidation.prompt'), t.rect);
        return cov === 'mixed' ? null : cov === 'none' ? { ...DEFAULT_PROMPT } : { ...cov.prompt };
      },
      write: (t, v, ax, where) => {
        if (!v || typeof v !== 'object') throw invalidArgument('prompt must be an object', where);
        const p = v as { showPrompt?: unknown; title?: unknown; message?: unknown };
        const title = p.title === undefined ? undefined : str(p.title, 32, 'prompt.title', where);
        const message = p.message === undefined ? undefined : str(p.message, 255, 'prompt.message', where);
        if (p.showPrompt !== undefined && typeof p.showPrompt !== 'boolean') throw invalidArgument('prompt.showPrompt', where);
        write(ax, t, where, (dv) => {
          if (p.showPrompt !== undefined) dv.prompt.showPrompt = p.showPrompt as boolean;
          if (title !== undefined) dv.prompt.title = title;
          if (message !== undefined) dv.prompt.message = message;
        });
      },
    },
    errorAlert: {
      read: (t, ax) => {
        const cov = coverage(sheetOf(ax, t, 'DataValidation.errorAlert'), t.rect);
        return cov === 'mixed' ? null : cov === 'none' ? { ...DEFAULT_ALERT } : { ...cov.errorAlert };
      },
      write: (t, v, ax, where) => {
        if (!v || typeof v !== 'object') throw invalidArgument('errorAlert must be an object', where);
        const a = v as { showAlert?: unknown; style?: unknown; title?: unknown; message?: unknown };
        const title = a.title === undefined ? undefined : str(a.title, 32, 'errorAlert.title', where);
        const message = a.message === undefined ? undefined : str(a.message, 225, 'errorAlert.message', where);
        if (a.style !== undefined && !['Stop', 'Warning', 'Information'].includes(String(a.style))) throw invalidArgument('errorAlert.style', where);
        if (a.showAlert !== undefined && typeof a.showAlert !== 'boolean') throw invalidArgument('errorAlert.showAlert', where);
        write(ax, t, where, (dv) => {
          if (a.showAlert !== undefined) dv.errorAlert.showAlert = a.showAlert as boolean;
          if (a.style !== undefined) dv.errorAlert.style = String(a.style);
          if (title !== undefined) dv.errorAlert.title = title;
          if (message !== undefined) dv.errorAlert.message = message;
        });
      },
    },
    ignoreBlanks: {
      read: (t, ax) => {
        const cov = coverage(sheetOf(ax, t, 'DataValidation.ignoreBlanks'), t.rect);
        return cov === 'mixed' ? null : cov === 'none' ? true : cov.ignoreBlanks;
      },
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('ignoreBlanks', where);
        write(ax, t, where, (dv) => {
          dv.ignoreBlanks = v;
        });
      },
    },
    valid: {
      readOnly: true,
      read: (t, ax) => {
        const sheet = sheetOf(ax, t, 'DataValidation.valid');
        let all: boolean | null | undefined;
        const n = Math.min(t.rect.rows * t.rect.cols, 100000);
        let seen = 0;
        for (let r = t.rect.r; r < t.rect.r + t.rect.rows && seen < n; r++) {
          for (let c = t.rect.c; c < t.rect.c + t.rect.cols && seen < n; c++, seen++) {
            const dv = sheet.validations.find((d) => d.rects.some((x) => rectContainsCell(x, r, c)));
            const ok = dv ? cellValid(ax.state, sheet, dv, r, c) : true;
            if (ok === null) return null;
            if (all === undefined) all = ok;
            else if (all !== ok) return null;
          }
        }
        return all ?? true;
      },
    },
  },
});

notImplemented(FakeDataValidation, 'DataValidation', ['getInvalidCells', 'getInvalidCellsOrNullObject']);

registerRangeNavs({ dataValidation: (r) => new FakeDataValidation(r) });
