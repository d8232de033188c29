/**
 * Excel.ConditionalFormatCollection / ConditionalFormat and the type-specific objects
 * (custom, cellValue, dataBar, colorScale, iconSet, textComparison, topBottom, preset).
 *
 * A new conditional format goes to the top of the sheet's priority list (priority 0), as in
 * Excel. `range.conditionalFormats` lists the formats that intersect the range; `clearAll()`
 * removes the range from them. Accessing the wrong type-specific object (e.g. `.custom` on a
 * data bar) fails at sync; the *OrNullObject variants give a null object instead.
 * All changes fail with AccessDenied on a protected sheet.
 */

import { Rect, rectIntersect, rectSubtract } from './address';
import { normalizeColor } from './colors';
import {
  ApplyContext,
  defineType,
  FakeBoundItem,
  FakeClientObject,
  FakeClientResult,
  FakeCollection,
  NULL_OBJECT,
  NullObject,
  queueResult,
} from './core';
import { ErrorCodes, Messages, err, invalidArgument, invalidOperation, itemNotFound } from './errors';
import { FakeRange, RangeTarget, notImplemented, registerRangeNavs, sheetOf } from './range';
import { checkFormula } from './values';
import { deepClone } from './clone';
import { CFData, CFFormat, SheetData } from './workbook-state';

export const CF_TYPES = ['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue'] as const;

const CELL_VALUE_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqual', 'LessThanOrEqual'];

function defaultRule(type: string): Record<string, unknown> {
  switch (type) {
    case 'Custom':
      return { formula: '' };
    case 'CellValue':
      return { formula1: '', operator: 'Invalid' };
    case 'DataBar':
      return {
        barDirection: 'Context',
        showDataBarOnly: false,
        axisFormat: 'Automatic',
        axisColor: '#000000',
        lowerBoundRule: { type: 'LowestValue' },
        upperBoundRule: { type: 'HighestValue' },
        positiveFormat: { fillColor: '#638EC6', borderColor: '', gradientFill: true },
        negativeFormat: { fillColor: '#FF0000', borderColor: '', matchPositiveFillColor: false, matchPositiveBorderColor: false },
      };
    case 'ColorScale':
      return {
        criteria: {
          minimum: { type: 'LowestValue', formula: null, color: '#F8696B' },
          midpoint: { type: 'Percentile', formula: '50', color: '#FFEB84' },
          maximum: { type: 'HighestValue', formula: null, color: '#63BE7B' },
        },
      };
    case 'IconSet':
      return {
        style: 'ThreeTrafficLights1',
        reverseIconOrder: false,
        showIconOnly: false,
        criteria: [{}, { type: 'Percent', operator: 'GreaterThanOrEqual', formula: '=33' }, { type: 'Percent', operator: 'GreaterThanOrEqual', formula: '=67' }],
      };
    case 'ContainsText':
      return { operator: 'Contains', text: '' };
    case 'TopBottom':
      return { type: 'TopItems', rank: 10 };
    default:
      return { criterion: 'Invalid' };
  }
}

interface CFTarget {
  sheetId: string;
  cfId: string;
}

function cfData(ax: ApplyContext, t: CFTarget, where: string): { sheet: SheetData; cf: CFData } {
  const sheet = ax.state._sheetById(t.sheetId, where);
  const cf = sheet.cfs.find((x) => x.id === t.cfId);
  if (!cf) throw itemNotFound('the conditional format no longer exists', where);
  return { sheet, cf };
}

function editable(ax: ApplyContext, t: CFTarget, where: string): CFData {
  const { sheet, cf } = cfData(ax, t, where);
  ax.state._assertUnprotected(sheet, where);
  return cf;
}

function cfFormula(v: unknown, where: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return `=${v}`;
  if (typeof v !== 'string' || v.trim() === '') throw invalidArgument(`formula ${JSON.stringify(v)}`, where);
  const f = v.startsWith('=') ? v : `=${v}`;
  checkFormula(f, where);
  return f;
}

function color(v: unknown, where: string, allowEmpty = false): string {
  if (allowEmpty && (v === '' || v === null)) return '';
  const c = normalizeColor(v);
  if (!c) throw invalidArgument(`${JSON.stringify(v)} is not a colour`, where);
  return c;
}

function intersecting(sheet: SheetData, x: Rect): CFData[] {
  return sheet.cfs.filter((cf) => cf.rects.some((r) => rectIntersect(r, x)));
}

// ---- collection ----------------------------------------------------------------------------------

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> {
  constructor(parent: FakeRange) {
    super(parent.context, parent, 'conditionalFormats');
  }

  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }

  /** @internal */
  _cf(segment: string, lookup: (t: RangeTarget, sheet: SheetData, where: string) => CFTarget | NullObject, nullable = false): FakeConditionalFormat {
    const where = `ConditionalFormatCollection.${segment.split('(')[0]}`;
    const cf = new FakeConditionalFormat(this, segment, (ax) => {
      const t = ax.resolve<RangeTarget>(this);
      if (t === NULL_OBJECT) return NULL_OBJECT;
      return lookup(t, sheetOf(ax, t, where), where);
    });
    if (nullable) cf._queueInstantiate();
    return cf;
  }

  add(type: string): FakeConditionalFormat {
    const cf = this._cf(`add(${JSON.stringify(type)})`, () => {
      throw err(ErrorCodes.invalidObjectPath, Messages.invalidObjectPath(cf._path()), 'ConditionalFormatCollection.add');
    });
    this._queueCall<RangeTarget>('add', [type], (t, ax, where) => {
      if (!(CF_TYPES as readonly string[]).includes(type)) throw invalidArgument(`conditional format type ${JSON.stringify(type)}`, where);
      const sheet = sheetOf(ax, t, where);
      ax.state._assertUnprotected(sheet, where);
      const data: CFData = {
        id: ax.state._newId('cf'),
        type,
        rects: [{ ...t.rect }],
        stopIfTrue: ['DataBar', 'ColorScale', 'IconSet'].includes(type) ? null : false,
        rule: defaultRule(type),
        format: {},
      };
      sheet.cfs.unshift(data);
      ax.bind(cf, { sheetId: sheet.id, cfId: data.id });
    });
    return cf;
  }

  clearAll(): void {
    this._queueCall<RangeTarget>('clearAll', [], (t, ax, where) => {
      const sheet = sheetOf(ax, t, where);
      ax.state._assertUnprotected(sheet, where);
      for (const cf of sheet.cfs) cf.rects = cf.rects.flatMap((r) => rectSubtract(r, t.rect));
      sheet.cfs = sheet.cfs.filter((cf) => cf.rects.length > 0);
    });
  }

  getCount(): FakeClientResult<number> {
    return queueResult<RangeTarget, number>(this, 'getCount', [], (t, ax) => intersecting(sheetOf(ax, t, 'ConditionalFormatCollection.getCount'), t.rect).length);
  }

  getItem(id: string): FakeConditionalFormat {
    return this._cf(`getItem(${JSON.stringify(id)})`, (t, sheet, where) => {
      if (!sheet.cfs.some((c) => c.id === id)) throw itemNotFound(`no conditional format ${id}`, where);
      return { sheetId: t.sheetId, cfId: id };
    });
  }

  getItemOrNullObject(id: string): FakeConditionalFormat {
    this._api('ConditionalFormatCollection.getItemOrNullObject', '1.14');
    return this._cf(`getItemOrNullObject(${JSON.stringify(id)})`, (t, sheet) => (sheet.cfs.some((c) => c.id === id) ? { sheetId: t.sheetId, cfId: id } : NULL_OBJECT), true);
  }

  getItemAt(index: number): FakeConditionalFormat {
    return this._cf(`getItemAt(${index})`, (t, sheet, where) => {
      const list = intersecting(sheet, t.rect);
      if (!Number.isInteger(index) || index < 0 || index >= list.length) throw itemNotFound(`no conditional format at ${index}`, where);
      return { sheetId: t.sheetId, cfId: list[index].id };
    });
  }
}

defineType<RangeTarget>(FakeConditionalFormatCollection, {
  typeName: 'ConditionalFormatCollection',
  scalars: {},
  items: (t, ax, coll) =>
    intersecting(sheetOf(ax, t, 'ConditionalFormatCollection.items'), t.rect).map((cf) => {
      const p = (coll as FakeConditionalFormatCollection)._cf(`getItem(${JSON.stringify(cf.id)})`, () => ({ sheetId: t.sheetId, cfId: cf.id }));
      p._bound = { sheetId: t.sheetId, cfId: cf.id };
      return p;
    }),
});

// ---- conditional format ------------------------------------------------------------------------------

export class FakeConditionalFormat extends FakeBoundItem<CFTarget> {
  protected _checkExists(ax: ApplyContext, t: CFTarget): void {
    cfData(ax, t, 'ConditionalFormat');
  }

  delete(): void {
    this._queueCall<CFTarget>('delete', [], (t, ax, where) => {
      const { sheet } = cfData(ax, t, where);
      ax.state._assertUnprotected(sheet, where);
      sheet.cfs = sheet.cfs.filter((c) => c.id !== t.cfId);
    });
  }

  private _range(segment: string, nullable: boolean): FakeRange {
    const r = new FakeRange(this, segment, (ax) => {
      const t = ax.resolve<CFTarget>(this);
      if (t === NULL_OBJECT) return NULL_OBJECT;
      const { cf } = cfData(ax, t, 'ConditionalFormat.getRange');
      if (cf.rects.length !== 1) {
        if (nullable) return NULL_OBJECT;
        throw invalidOperation('The conditional format applies to several ranges; use getRanges().', 'ConditionalFormat.getRange');
      }
      return { sheetId: t.sheetId, rect: { ...cf.rects[0] } };
    });
    if (nullable) r._queueInstantiate();
    return r;
  }

  getRange(): FakeRange {
    return this._range('getRange()', false);
  }

  getRangeOrNullObject(): FakeRange {
    return this._range('getRangeOrNullObject()', true);
  }
}

function part(kind: string, nullable: boolean): (p: FakeClientObject) => FakeClientObject {
  return (p) => {
    const make = PART_CLASSES[kind];
    const obj = make(p, nullable ? `${kind}OrNullObject` : kind, kind, nullable);
    if (nullable) obj._queueInstantiate();
    return obj;
  };
}

const KIND_TYPE: Record<string, string> = {
  custom: 'Custom',
  cellValue: 'CellValue',
  dataBar: 'DataBar',
  colorScale: 'ColorScale',
  iconSet: 'IconSet',
  textComparison: 'ContainsText',
  topBottom: 'TopBottom',
  preset: 'PresetCriteria',
};

defineType<CFTarget>(FakeConditionalFormat, {
  typeName: 'ConditionalFormat',
  scalars: {
    id: { readOnly: true, read: (t) => t.cfId },
    type: { readOnly: true, read: (t, ax) => cfData(ax, t, 'ConditionalFormat.type').cf.type },
    priority: {
      read: (t, ax) => {
        const { sheet, cf } = cfData(ax, t, 'ConditionalFormat.priority');
        return sheet.cfs.indexOf(cf);
      },
      write: (t, v, ax, where) => {
        if (typeof v !== 'number' || !Number.isInteger(v)) throw invalidArgument('priority', where);
        const { sheet, cf } = cfData(ax, t, where);
        ax.state._assertUnprotected(sheet, where);
        sheet.cfs.splice(sheet.cfs.indexOf(cf), 1);
        const n = sheet.cfs.length;
        const idx = v < 0 ? Math.max(0, n + 1 + v) : Math.min(v, n);
        sheet.cfs.splice(idx, 0, cf);
      },
    },
    stopIfTrue: {
      read: (t, ax) => cfData(ax, t, 'ConditionalFormat.stopIfTrue').cf.stopIfTrue,
      write: (t, v, ax, where) => {
        if (typeof v !== 'boolean') throw invalidArgument('stopIfTrue', where);
        const cf = editable(ax, t, where);
        if (cf.stopIfTrue === null) throw invalidOperation(`stopIfTrue does not apply to ${cf.type}`, where);
        cf.stopIfTrue = v;
      },
    },
  },
  navs: Object.fromEntries(
    Object.keys(KIND_TYPE).flatMap((k) => [
      [k, { create: part(k, false) }],
      [`${k}OrNullObject`, { create: part(k, true) }],
    ]),
  ),
});

notImplemented(FakeConditionalFormat, 'ConditionalFormat', [
  'getRanges',
  'setRanges',
  'changeRuleToCellValue',
  'changeRuleToColorScale',
  'changeRuleToContainsText',
  'changeRuleToCustom',
  'changeRuleToDataBar',
  'changeRuleToIconSet',
  'changeRuleToPresetCriteria',
  'changeRuleToTopBottom',
]);

// ---- type-specific objects -------------------------------------------------------------------------

abstract class CFPart extends FakeClientObject {
  /** @internal */ readonly _kind: string;
  /** @internal */ readonly _nullable: boolean;
  constructor(parent: FakeClientObject, segment: string, kind: string, nullable: boolean) {
    super(parent.context, parent, segment);
    this._kind = kind;
    this._nullable = nullable;
  }
  _resolveTarget(ax: ApplyContext): CFTarget | NullObject {
    const t = this._parentTarget<CFTarget>(ax);
    if (t === NULL_OBJECT) return NULL_OBJECT;
    const { cf } = cfData(ax, t, `ConditionalFormat.${this._kind}`);
    if (cf.type !== KIND_TYPE[this._kind]) {
      if (this._nullable) return NULL_OBJECT;
      throw invalidOperation(`ConditionalFormat.${this._kind} is not available on a ${cf.type} conditional format.`, `ConditionalFormat.${this._kind}`);
    }
    return t;
  }
}

/** A child of a CF part (rule / format / fill / font / data bar formats) that shares its target. */
abstract class CFChild extends FakeClientObject {
  constructor(parent: FakeClientObject, segment: string) {
    super(parent.context, parent, segment);
  }
  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }
}

class FakeCustomConditionalFormat extends CFPart {}
class FakeCellValueConditionalFormat extends CFPart {}
class FakeTextConditionalFormat extends CFPart {}
class FakeTopBottomConditionalFormat extends CFPart {}
class FakePresetCriteriaConditionalFormat extends CFPart {}
class FakeDataBarConditionalFormat extends CFPart {}
class FakeColorScaleConditionalFormat extends CFPart {}
class FakeIconSetConditionalFormat extends CFPart {}

class FakeConditionalFormatRule extends CFChild {}
class FakeConditionalRangeFormat extends CFChild {
  clearFormat(): void {
    this._queueCall<CFTarget>('clearFormat', [], (t, ax, where) => {
      editable(ax, t, where).format = {};
    });
  }
}
class FakeConditionalRangeFill extends CFChild {
  clear(): void {
    this._queueCall<CFTarget>('clear', [], (t, ax, where) => {
      delete editable(ax, t, where).format.fillColor;
    });
  }
}
class FakeConditionalRangeFont extends CFChild {
  clear(): void {
    this._queueCall<CFTarget>('clear', [], (t, ax, where) => {
      const f = editable(ax, t, where).format;
      delete f.fontColor;
      delete f.bold;
      delete f.italic;
      delete f.strikethrough;
      delete f.underline;
    });
  }
}
class FakeConditionalDataBarPositiveFormat extends CFChild {}
class FakeConditionalDataBarNegativeFormat extends CFChild {}

const BORDER_SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
type CFBorderSide = (typeof BORDER_SIDES)[number];

class FakeConditionalRangeBorderCollection extends FakeCollection<FakeConditionalRangeBorder> {
  constructor(parent: FakeClientObject) {
    super(parent.context, parent, 'borders');
  }
  _resolveTarget(ax: ApplyContext): unknown {
    return this._parentTarget(ax);
  }
  getItem(index: string): FakeConditionalRangeBorder {
    return new FakeConditionalRangeBorder(this, index);
  }
  getItemAt(index: number): FakeConditionalRangeBorder {
    return new FakeConditionalRangeBorder(this, BORDER_SIDES[index] ?? `#${index}`);
  }
}

class FakeConditionalRangeBorder extends FakeClientObject {
  /** @internal */ readonly _side: string;
  constructor(parent: FakeClientObject, side: string) {
    super(parent.context, parent, `getItem(${JSON.stringify(side)})`);
    this._side = side;
  }
  _resolveTarget(ax: ApplyContext): unknown {
    const t = this._parentTarget<CFTarget>(ax);
    if (t === NULL_OBJECT) return NULL_OBJECT;
    if (!(BORDER_SIDES as readonly string[]).includes(this._side)) throw invalidArgument(`border ${this._side}`, 'ConditionalRangeBorderCollection.getItem');
    return { ...t, side: this._side as CFBorderSide };
  }
}

type PartFactory = (p: FakeClientObject, segment: string, kind: string, nullable: boolean) => FakeClientObject;
const PART_CLASSES: Record<string, PartFactory> = {
  custom: (p, s, k, n) => new FakeCustomConditionalFormat(p, s, k, n),
  cellValue: (p, s, k, n) => new FakeCellValueConditionalFormat(p, s, k, n),
  textComparison: (p, s, k, n) => new FakeTextConditionalFormat(p, s, k, n),
  topBottom: (p, s, k, n) => new FakeTopBottomConditionalFormat(p, s, k, n),
  preset: (p, s, k, n) => new FakePresetCriteriaConditionalFormat(p, s, k, n),
  dataBar: (p, s, k, n) => new FakeDataBarConditionalFormat(p, s, k, n),
  colorScale: (p, s, k, n) => new FakeColorScaleConditionalFormat(p, s, k, n),
  iconSet: (p, s, k, n) => new FakeIconSetConditionalFormat(p, s, k, n),
};

const formatNav = { create: (p: FakeClientObject) => new FakeConditionalRangeFormat(p, 'format') };

function ruleObject(key: string, check: (v: Record<string, unknown>, where: string) => Record<string, unknown>) {
  return {
    read: (t: CFTarget, ax: ApplyContext) => {
      const r = cfData(ax, t, key).cf.rule;
      return deepClone(r);
    },
    write: (t: CFTarget, v: unknown, ax: ApplyContext, where: string) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidArgument(`${key} must be an object`, where);
      const checked = check(v as Record<string, unknown>, where);
      const cf = editable(ax, t, where);
      cf.rule = { ...cf.rule, ...checked };
    },
  };
}

defineType<CFTarget>(FakeCustomConditionalFormat, {
  typeName: 'CustomConditionalFormat',
  scalars: {},
  navs: { rule: { create: (p) => new FakeConditionalFormatRule(p, 'rule') }, format: formatNav },
});

const customFormula = {
  read: (t: CFTarget, ax: ApplyContext) => String(cfData(ax, t, 'ConditionalFormatRule.formula').cf.rule.formula ?? ''),
  write: (t: CFTarget, v: unknown, ax: ApplyContext, where: string) => {
    const f = cfFormula(v, where);
    editable(ax, t, where).rule.formula = f;
  },
};

defineType<CFTarget>(FakeConditionalFormatRule, {
  typeName: 'ConditionalFormatRule',
  scalars: { formula: customFormula, formulaLocal: customFormula },
});

defineType<CFTarget>(FakeCellValueConditionalFormat, {
  typeName: 'CellValueConditionalFormat',
  scalars: {
    rule: ruleObject('CellValueConditionalFormat.rule', (v, where) => {
      if (typeof v.operator !== 'string' || !CELL_VALUE_OPERATORS.includes(v.operator)) throw invalidArgument(`operator ${JSON.stringify(v.operator)}`, where);
      const out: Record<string, unknown> = { operator: v.operator, formula1: cfFormula(v.formula1, where) };
      if (v.operator === 'Between' || v.operator === 'NotBetween') out.formula2 = cfFormula(v.formula2, where);
      return out;
    }),
  },
  navs: { format: formatNav },
});

defineType<CFTarget>(FakeTextConditionalFormat, {
  typeName: 'TextConditionalFormat',
  scalars: {
    rule: ruleObject('TextConditionalFormat.rule', (v, where) => {
      if (!['Contains', 'NotContains', 'BeginsWith', 'EndsWith'].includes(String(v.operator))) throw invalidArgument('operator', where);
      if (typeof v.text !== 'string') throw invalidArgument('text', where);
      return { operator: v.operator, text: v.text };
    }),
  },
  navs: { format: formatNav },
});

defineType<CFTarget>(FakeTopBottomConditionalFormat, {
  typeName: 'TopBottomConditionalFormat',
  scalars: {
    rule: ruleObject('TopBottomConditionalFormat.rule', (v, where) => {
      if (!['TopItems', 'TopPercent', 'BottomItems', 'BottomPercent'].includes(String(v.type))) throw invalidArgument('type', where);
      if (typeof v.rank !== 'number' || v.rank < 1) throw invalidArgument('rank', where);
      return { type: v.type, rank: v.rank };
    }),
  },
  navs: { format: formatNav },
});

defineType<CFTarget>(FakePresetCriteriaConditionalFormat, {
  typeName: 'PresetCriteriaConditionalFormat',
  scalars: {
    rule: ruleObject('PresetCriteriaConditionalFormat.rule', (v, where) => {
      if (typeof v.criterion !== 'string' || v.criterion === 'Invalid') throw invalidArgument('criterion', where);
      return { criterion: v.criterion };
    }),
  },
  navs: { format: formatNav },
});

function ruleField(key: string, check: (v: unknown, where: string) => unknown) {
  return {
    read: (t: CFTarget, ax: ApplyContext) => deepClone(cfData(ax, t, key).cf.rule[key]),
    write: (t: CFTarget, v: unknown, ax: ApplyContext, where: string) => {
      const checked = check(v, where);
      editable(ax, t, where).rule[key] = checked;
    },
  };
}

function subField(obj: 'positiveFormat' | 'negativeFormat', key: string, check: (v: unknown, where: string) => unknown) {
  return {
    read: (t: CFTarget, ax: ApplyContext) => (cfData(ax, t, key).cf.rule[obj] as Record<string, unknown>)[key],
    write: (t: CFTarget, v: unknown, ax: ApplyContext, where: string) => {
      const checked = check(v, where);
      (editable(ax, t, where).rule[obj] as Record<string, unknown>)[key] = checked;
    },
  };
}

const isBool = (v: unknown, where: string): boolean => {
  if (typeof v !== 'boolean') throw invalidArgument('expected a boolean', where);
  return v;
};
const enumOf =
  (values: string[]) =>
  (v: unknown, where: string): string => {
    if (typeof v !== 'string' || !values.includes(v)) throw invalidArgument(`${JSON.stringify(v)} (expected ${values.join('|')})`, where);
    return v;
  };
const boundRule = (v: unknown, where: string): unknown => {
  if (!v || typeof v !== 'object') throw invalidArgument('bound rule must be an object', where);
  const r = v as { type?: unknown; formula?: unknown };
  const types = ['Automatic', 'LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'];
  if (typeof r.type !== 'string' || !types.includes(r.type)) throw invalidArgument(`type ${JSON.stringify(r.type)}`, where);
  const out: Record<string, unknown> = { type: r.type };
  if (r.formula !== undefined) out.formula = String(r.formula);
  return out;
};

defineType<CFTarget>(FakeDataBarConditionalFormat, {
  typeName: 'DataBarConditionalFormat',
  scalars: {
    barDirection: ruleField('barDirection', enumOf(['Context', 'LeftToRight', 'RightToLeft'])),
    showDataBarOnly: ruleField('showDataBarOnly', isBool),
    axisFormat: ruleField('axisFormat', enumOf(['Automatic', 'None', 'CellMidPoint'])),
    axisColor: ruleField('axisColor', (v, w) => color(v, w, true)),
    lowerBoundRule: ruleField('lowerBoundRule', boundRule),
    upperBoundRule: ruleField('upperBoundRule', boundRule),
  },
  navs: {
    positiveFormat: { create: (p) => new FakeConditionalDataBarPositiveFormat(p, 'positiveFormat') },
    negativeFormat: { create: (p) => new FakeConditionalDataBarNegativeFormat(p, 'negativeFormat') },
  },
});

defineType<CFTarget>(FakeConditionalDataBarPositiveFormat, {
  typeName: 'ConditionalDataBarPositiveFormat',
  scalars: {
    fillColor: subField('positiveFormat', 'fillColor', (v, w) => color(v, w)),
    borderColor: subField('positiveFormat', 'borderColor', (v, w) => color(v, w, true)),
    gradientFill: subField('positiveFormat', 'gradientFill', isBool),
  },
});

defineType<CFTarget>(FakeConditionalDataBarNegativeFormat, {
  typeName: 'ConditionalDataBarNegativeFormat',
  scalars: {
    fillColor: subField('negativeFormat', 'fillColor', (v, w) => color(v, w)),
    borderColor: subField('negativeFormat', 'borderColor', (v, w) => color(v, w, true)),
    matchPositiveFillColor: subField('negativeFormat', 'matchPositiveFillColor', isBool),
    matchPositiveBorderColor: subField('negativeFormat', 'matchPositiveBorderColor', isBool),
  },
});

const criterionTypes = ['LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'];

defineType<CFTarget>(FakeColorScaleConditionalFormat, {
  typeName: 'ColorScaleConditionalFormat',
  scalars: {
    criteria: ruleField('criteria', (v, where) => {
      if (!v || typeof v !== 'object') throw invalidArgument('criteria must be an object', where);
      const c = v as Record<string, { type?: unknown; formula?: unknown; color?: unknown } | undefined>;
      const out: Record<string, unknown> = {};
      for (const k of ['minimum', 'midpoint', 'maximum']) {
        const x = c[k];
        if (x === undefined || x === null) {
          if (k === 'midpoint') continue;
          throw invalidArgument(`criteria.${k} is required`, where);
        }
        if (typeof x.type !== 'string' || !criterionTypes.includes(x.type)) throw invalidArgument(`criteria.${k}.type`, where);
        out[k] = { type: x.type, formula: x.formula === undefined ? null : String(x.formula), color: x.color === undefined ? null : color(x.color, where) };
      }
      return out;
    }),
    threeColorScale: { readOnly: true, read: (t, ax) => !!(cfData(ax, t, 'threeColorScale').cf.rule.criteria as Record<string, unknown>).midpoint },
  },
});

defineType<CFTarget>(FakeIconSetConditionalFormat, {
  typeName: 'IconSetConditionalFormat',
  scalars: {
    style: ruleField('style', (v, where) => {
      if (typeof v !== 'string' || v === 'Invalid') throw invalidArgument('style', where);
      return v;
    }),
    reverseIconOrder: ruleField('reverseIconOrder', isBool),
    showIconOnly: ruleField('showIconOnly', isBool),
    criteria: ruleField('criteria', (v, where) => {
      if (!Array.isArray(v)) throw invalidArgument('criteria must be an array', where);
      return deepClone(v);
    }),
  },
});

// ---- conditional range format ----------------------------------------------------------------------

function fmtField<K extends keyof CFFormat>(key: K, check: (v: unknown, where: string) => CFFormat[K]) {
  return {
    read: (t: CFTarget, ax: ApplyContext) => cfData(ax, t, String(key)).cf.format[key] ?? null,
    write: (t: CFTarget, v: unknown, ax: ApplyContext, where: string) => {
      const checked = v === null ? null : check(v, where);
      editable(ax, t, where).format[key] = checked as CFFormat[K];
    },
  };
}

defineType<CFTarget>(FakeConditionalRangeFormat, {
  typeName: 'ConditionalRangeFormat',
  scalars: {
    numberFormat: fmtField('numberFormat', (v, w) => {
      if (typeof v !== 'string') throw invalidArgument('numberFormat', w);
      return v;
    }),
  },
  navs: {
    fill: { create: (p) => new FakeConditionalRangeFill(p, 'fill') },
    font: { create: (p) => new FakeConditionalRangeFont(p, 'font') },
    borders: { create: (p) => new FakeConditionalRangeBorderCollection(p) },
  },
});

defineType<CFTarget>(FakeConditionalRangeFill, {
  typeName: 'ConditionalRangeFill',
  scalars: { color: fmtField('fillColor', (v, w) => color(v, w)) },
});

defineType<CFTarget>(FakeConditionalRangeFont, {
  typeName: 'ConditionalRangeFont',
  scalars: {
    color: fmtField('fontColor', (v, w) => color(v, w)),
    bold: fmtField('bold', isBool),
    italic: fmtField('italic', isBool),
    strikethrough: fmtField('strikethrough', isBool),
    underline: fmtField('underline', enumOf(['None', 'Single', 'Double'])),
  },
});

defineType<CFTarget>(FakeConditionalRangeBorderCollection, {
  typeName: 'ConditionalRangeBorderCollection',
  scalars: { count: { readOnly: true, read: () => 4 } },
  items: (_t, _ax, coll) => BORDER_SIDES.map((s) => new FakeConditionalRangeBorder(coll, s)),
});

// navigation shortcuts top/bottom/left/right
for (const [prop, side] of [
  ['top', 'EdgeTop'],
  ['bottom', 'EdgeBottom'],
  ['left', 'EdgeLeft'],
  ['right', 'EdgeRight'],
] as const) {
  Object.defineProperty(FakeConditionalRangeBorderCollection.prototype, prop, {
    configurable: true,
    get(this: FakeConditionalRangeBorderCollection) {
      return this._child(prop, () => new FakeConditionalRangeBorder(this, side));
    },
  });
}

type BorderTarget = CFTarget & { side: CFBorderSide };

defineType<BorderTarget>(FakeConditionalRangeBorder, {
  typeName: 'ConditionalRangeBorder',
  scalars: {
    sideIndex: { readOnly: true, read: (t) => t.side },
    color: {
      read: (t, ax) => cfData(ax, t, 'ConditionalRangeBorder.color').cf.format.borders?.[t.side]?.color ?? null,
      write: (t, v, ax, where) => {
        const f = editable(ax, t, where).format;
        f.borders = f.borders ?? {};
        f.borders[t.side] = { style: 'Continuous', ...(f.borders[t.side] ?? {}), color: color(v, where) };
      },
    },
    style: {
      read: (t, ax) => cfData(ax, t, 'ConditionalRangeBorder.style').cf.format.borders?.[t.side]?.style ?? 'None',
      write: (t, v, ax, where) => {
        const s = enumOf(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot'])(v, where);
        const f = editable(ax, t, where).format;
        f.borders = f.borders ?? {};
        if (s === 'None') delete f.borders[t.side];
        else f.borders[t.side] = { ...(f.borders[t.side] ?? {}), style: s };
      },
    },
  },
});

registerRangeNavs({ conditionalFormats: (r) => new FakeConditionalFormatCollection(r) });
