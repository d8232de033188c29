/**
 * Random and hostile inputs for the fuzzer and the hostile-input tests: organisation and OKR tables
 * as CSV (any encoding, delimiter, newline, quoting) or .xlsx (typed cells), and byte mutations.
 * Deterministic: everything comes from a seeded Rng (mulberry32, as test/support/synthetic.ts).
 */
import ExcelJS from 'exceljs';
import { prng } from '../../test/support/synthetic';
import { cleanText } from '../../src/io/cells';
import { encodeGbk } from './gbk';

export class Rng {
  private readonly f: () => number;
  constructor(readonly seed: number) {
    this.f = prng(seed);
  }
  next(): number {
    return this.f();
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.f() * n);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.f() < p;
  }
  /** Picks by weight: [[w, value], …]. */
  weighted<T>(items: readonly (readonly [number, T])[]): T {
    const total = items.reduce((s, [w]) => s + w, 0);
    let x = this.f() * total;
    for (const [w, v] of items) {
      if ((x -= w) < 0) return v;
    }
    return items[items.length - 1][1];
  }
}

// --- Names -------------------------------------------------------------------------------------

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '林', '何', '欧阳', '司马', '上官'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '杰', '明', '秀英', '建国', '晓燕', '志强'];
const LATIN = ['Anna', 'ANNA', 'anna', "O'Brien", 'Zoë', 'Jean-Luc', 'Mary Ann', 'ß', 'SS', 'İlker', 'ǅemal', 'Ω', 'ω'];

/** Text that must stay data, and characters that sheet names and XML cannot take. */
export const HOSTILE_TEXT = [
  '=HYPERLINK("http://x","y")', '+SUM(1)', '-1+1', '@cmd', "=cmd|' /C calc'!A0", '=1+1', '==', '=', '+', '-', '@',
  "'quoted", "quoted'", "'", "''", "''x''", 'a/b\\c?d*e[f]g:h', '[1]', ':', '*', '?', '\\', '/', '001', '1/2', '2026-12-31',
  '46387', 'TRUE', 'false', '#N/A', '#REF!', '50%', '1e5', '1E5', '１２３', '０.５', '1,234', '$5', '¥5', '(1)', ' 12 ',
  '1-Jan', 'Jan 2026', '12:30', '12:30 PM', ' leading', 'trailing ', '  ', '\t', 'tab\there', 'new\nline', 'cr\rhere',
  'History', 'history', 'HISTORY', 'Sheet1', '说明', '设置', '个人-张伟', '部门-技术部', 'P-Anna', 'D-Tech', 'Guide',
  '😀', '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀', '👨‍👩‍👧‍👦', '🇨🇳', '𠀀𠀁𪚥𰻞', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'e\u0301', '\u202Eevil', '\u200Bzw', 'ｆｕｌｌ', 'Ａ',
  'x'.repeat(31), 'y'.repeat(32), '中'.repeat(40), '𠀀'.repeat(20), 'a'.repeat(300), '长'.repeat(10000),
  '<b>&amp;</b>', ']]>', '"', '""', '"quoted"', ',', ';', 'a,b', '{}', '[]',
];
/** Characters XML 1.0 (and so an .xlsx) cannot hold, or that are invisible junk. */
export const CONTROL_CHARS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\u009f', '\ufffe', '\uffff', '\ufeff', '\ud800', '\udfff'];

export function personName(r: Rng): string {
  return r.weighted<() => string>([
    [6, () => r.pick(SURNAMES) + r.pick(GIVEN)],
    [2, () => r.pick(LATIN)],
    [3, () => r.pick(HOSTILE_TEXT)],
    [1, () => r.pick(SURNAMES) + r.pick(CONTROL_CHARS) + r.pick(GIVEN)],
    [1, () => randomUnicode(r, r.between(1, 40))],
  ])();
}

const DEPARTMENTS = ['技术部', '市场部', '人力资源部', '财务部', '总经办', 'Tech', 'TECH', 'tech', 'Sales & Marketing', "R'n'D"];

export function departmentName(r: Rng): string {
  return r.weighted<() => string>([
    [6, () => r.pick(DEPARTMENTS)],
    [3, () => r.pick(HOSTILE_TEXT)],
    [1, () => r.pick(DEPARTMENTS) + r.pick(CONTROL_CHARS)],
    [1, () => randomUnicode(r, r.between(1, 40))],
  ])();
}

/** Random code points from ranges that matter: ASCII, CJK, supplementary planes, specials. */
export function randomUnicode(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const range = r.pick<[number, number]>([
      [0x20, 0x7e], [0x20, 0x7e], [0x4e00, 0x9fff], [0x4e00, 0x9fff], [0x3000, 0x303f], [0xff00, 0xffef],
      [0x1f300, 0x1faff], [0x20000, 0x2a6df], [0x0300, 0x036f], [0x00a0, 0x024f], [0x0590, 0x06ff], [0x2000, 0x206f],
      [0xe000, 0xf8ff], [0x0000, 0x001f], [0xfff0, 0xffff], [0xd800, 0xdfff],
    ]);
    s += String.fromCodePoint(range[0] + r.int(range[1] - range[0] + 1));
  }
  return s;
}

// --- Values of the OKR columns --------------------------------------------------------------

export const NUMBER_TEXTS = [
  '0.25', '25%', '２５％', '０.５', '0.5', '.5', '1,234.5', '1,234', '1', '0', '-0.1', '1e-1', '0.3 ', '３０％', '１，２３４',
  '1,23', '12,34,567', 'NaN', 'Infinity', '-Infinity', '1e400', '99999999999999999999', '0x10', '50 %', '5０%', '−0.2', 'abc', '',
  '%', '1%%', '1.2.3', '+0.4', '١٢', '½',
];
export const DATE_TEXTS = [
  '2026-12-31', '2026/12/31', '2026.12.31', '2026年12月31日', '2026/1/5', '46387', '46387.5', '0', '-1', '3000000', '2958465',
  '2026-02-30', '2026-13-01', '2026-00-10', '0000-01-01', '9999-12-31', 'tomorrow', '2026-12-31 10:00', '2026-12-31T10:00:00Z',
  '２０２６／１２／３１', '12/31/2026', '31.12.2026', '2026-12-31 25:99', '', ' ',
];
export const SEQ_TEXTS = ['1', '2', '3', 'O1', 'KR2', '1.0', '１', '０', '0', '-1', '1.5', 'abc', '99999999999999999999', '6', '7', ''];
export const LEVEL_TEXTS = ['公司', '部门', '个人', 'company', 'department', 'individual', 'COMPANY', ' 个人 ', 'team', ''];
export const YES_NO_TEXTS = ['是', '否', 'yes', 'no', 'Y', 'n', 'TRUE', '0', '1', '√', 'maybe', ''];
export const SOURCE_TEXTS = ['自上而下', '自下而上', 'top-down', 'bottom-up', 'sideways', ''];
export const PERIOD_TEXTS = ['季度', '年度', 'quarter', 'annual', 'monthly', ''];
export const STATUS_TEXTS = ['未开始', '进行中', '有风险', '已完成', '结转下期', 'done', 'on track', 'whatever', ''];

export const ORG_HEADERS = [
  ['部门', 'department', '所属部门', 'DEPARTMENT', 'Department*', '部门 ', 'ｄｅｐａｒｔｍｅｎｔ'],
  ['姓名', 'name', '员工姓名', 'Name', 'name(必填)'],
  ['岗位', 'position', '职位'],
  ['上级', 'manager', '直属上级'],
  ['负责人', 'head', '部门负责人', 'is_head'],
];
export const OKR_HEADERS: Record<string, string[]> = {
  level: ['层级', 'level'], department: ['部门', 'department'], owner: ['负责人', 'owner'], category: ['业务类别', 'category'],
  objective_no: ['目标序号', 'objective_no'], objective: ['目标', 'objective', '目标O'], source: ['来源', 'source'],
  aligned_to: ['对齐', 'aligned_to'], objective_weight: ['目标权重', 'objective_weight', '目标权重(%)'], agreed: ['已协商', 'agreed'],
  kr_no: ['KR序号', 'kr_no'], key_result: ['关键结果', 'key_result', 'KR'], deliverable: ['产出成果', 'deliverable'],
  target: ['衡量标准', 'target'], criteria: ['评分标准', 'criteria'], deadline: ['截止日期', 'deadline'], period: ['周期', 'period'],
  kr_weight: ['KR权重', 'kr_weight'], progress: ['进度', 'progress'], self_score: ['自评分', 'self_score'],
  manager_score: ['上级评分', 'manager_score'], status: ['状态', 'status'], carry_over_reason: ['结转原因', 'carry_over_reason'],
};

/** A table of cells: header first. Cells are text, or typed values for .xlsx. */
export type Cell = string | number | boolean | Date | null | { formula: string; result?: number | string } | { richText: { text: string }[] } | { text: string; hyperlink: string } | { error: string };
export type Table = Cell[][];

export interface OrgDraft {
  table: Table;
  people: { department: string; name: string }[];
  departments: string[];
}

const importable = (s: string): boolean => cleanText(s).trim() !== '' && s.length <= 255;
const nameKey = (s: string): string => cleanText(s).normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** An organisation table: mostly sensible, with hostile names, duplicates, bad managers, blank rows. */
export function orgTable(r: Rng, maxPeople = 6, clean = false): OrgDraft {
  const depts = Array.from({ length: r.between(1, 3) }, () => departmentName(r));
  const cols = [0, 1, ...[2, 3, 4].filter(() => r.chance(0.8))];
  if (!clean && r.chance(0.1)) cols.splice(r.int(cols.length), 1); // a required column may go missing
  if (!clean && r.chance(0.05)) cols.push(r.pick(cols)); // or repeat
  if (r.chance(0.3)) cols.sort(() => r.next() - 0.5);
  const header: Cell[] = cols.map((c) => r.pick(ORG_HEADERS[c]));
  if (r.chance(0.1)) header.push(r.pick(['备注', 'notes', '', '=1+1']));
  const people: { department: string; name: string }[] = [];
  const rows: Table = [];
  const n = r.between(1, maxPeople);
  const heads = new Set<string>();
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const department = !clean && r.chance(0.03) ? '' : r.pick(depts);
    let name = !clean && r.chance(0.03) ? '' : !clean && r.chance(0.1) && people.length ? r.pick(people).name : personName(r);
    if (clean) {
      // Only names that import: not blank once cleaned, not too long, not twice in a department.
      const key = (nm: string) => `${nameKey(department)}|${nameKey(nm)}`;
      for (let t = 0; t < 5 && (!importable(name) || !importable(department) || seen.has(key(name))); t++) name = personName(r);
      if (!importable(name) || !importable(department) || seen.has(key(name))) continue;
      seen.add(key(name));
    }
    const manager = people.length && r.chance(0.5) ? r.pick(people).name : !clean && r.chance(0.05) ? personName(r) : '';
    const head = !heads.has(department) && r.chance(0.4) ? (heads.add(department), r.pick(['是', 'yes', 'Y', '√'])) : !clean && r.chance(0.05) ? r.pick(YES_NO_TEXTS) : '';
    const values: Record<number, Cell> = { 0: department, 1: name, 2: r.pick(['工程师', 'Engineer', '', '=SUM(1)', '经理']), 3: manager, 4: head };
    rows.push(cols.map((c) => values[c]));
    if (department && name) people.push({ department, name });
    if (r.chance(0.05)) rows.push(cols.map(() => (r.chance(0.5) ? '' : ' ')));
  }
  return { table: [header, ...rows], people, departments: depts };
}

/** An OKR table for an organisation: every level, values in every spelling, some wrong. */
export function okrTable(r: Rng, org: OrgDraft): Table {
  // Half the tables have only well-formed values (their text still hostile), so that they import and
  // the workbook gets built; the other half have values in every spelling, some wrong.
  const clean = r.chance(0.5);
  const num = (): string => (clean ? r.pick(['0.25', '25%', '２５％', '０.５', '1', '0', '.5', '1,000.0', '']) : r.pick(NUMBER_TEXTS));
  const date = (): string => (clean ? r.pick(['2026-12-31', '2026/12/31', '46387', '2026年12月31日', '2027/3/31', '']) : r.pick(DATE_TEXTS));
  const pickClean = (good: string[], all: string[]): string => (clean ? r.pick(good) : r.pick(all));
  const keys = Object.keys(OKR_HEADERS).filter((k) => ['level', 'objective', 'key_result'].includes(k) || r.chance(0.85));
  if (r.chance(0.05)) keys.splice(r.int(keys.length), 1);
  const header: Cell[] = keys.map((k) => r.pick(OKR_HEADERS[k]));
  const rows: Table = [];
  const nObj = r.between(1, 4);
  for (let o = 1; o <= nObj; o++) {
    const level = clean || r.chance(0.9) ? r.pick(['公司', '部门', '个人', 'company', 'department', 'individual']) : r.pick(LEVEL_TEXTS);
    const who = org.people.length ? r.pick(org.people) : { department: r.pick(org.departments), name: personName(r) };
    const department = clean || r.chance(0.9) ? who.department : departmentName(r);
    const objective = r.chance(0.8) ? `目标${o}：${r.pick(['提升收入', 'Grow', ...HOSTILE_TEXT])}` : r.pick(HOSTILE_TEXT);
    const weight = num();
    const agreed = pickClean(['是', '否', 'yes', ''], YES_NO_TEXTS);
    const source = pickClean(['自上而下', '自下而上', 'top-down', ''], SOURCE_TEXTS);
    const aligned = pickClean(['', '公司#1', 'company#2', `${department}#1`, '公司＃１'], ['', '公司#1', 'company#2', `${department}#1`, '技术部#9', '#', 'x#0', '公司＃１']);
    const picked = r.pick(['自有平台', '游戏', '', '=1']);
    // Only the company card has a category: a clean table has none elsewhere (it would be refused).
    const category = clean && !['公司', 'company'].includes(level) ? '' : picked;
    for (let k = 1; k <= r.between(1, 5); k++) {
      const v: Record<string, Cell> = {
        level, department, owner: who.name, category, objective_no: clean || r.chance(0.8) ? String(o) : r.pick(SEQ_TEXTS),
        objective, source, aligned_to: aligned, objective_weight: weight, agreed, kr_no: clean || r.chance(0.8) ? String(k) : r.pick(SEQ_TEXTS),
        key_result: r.chance(0.9) ? `KR${k} ${r.pick(['MAU≥180万', '留存率≥40%', ...HOSTILE_TEXT])}` : '',
        deliverable: r.pick(['报告', '', ...HOSTILE_TEXT]), target: r.pick(['≥100%', '', '40%']), criteria: r.pick(['完成率≥100%得1分', '', '=A1']),
        deadline: date(), period: pickClean(['季度', '年度', 'quarter', ''], PERIOD_TEXTS), kr_weight: num(), progress: num(),
        self_score: num(), manager_score: num(), status: pickClean(['进行中', '已完成', 'done', ''], STATUS_TEXTS), carry_over_reason: r.pick(['', '延期', '=x']),
      };
      rows.push(keys.map((key) => v[key]));
      if (r.chance(0.05)) rows.push(keys.map(() => ''));
    }
  }
  return [header, ...rows];
}

// --- Serialising ----------------------------------------------------------------------------

export type CsvEncoding = 'utf8' | 'utf8bom' | 'gbk' | 'utf16le' | 'utf16be';

export interface CsvStyle {
  delimiter: ',' | '\t' | ';';
  newline: '\n' | '\r\n' | '\r';
  quoteAll: boolean;
  encoding: CsvEncoding;
  blankLines: number;
}

export function csvStyle(r: Rng): CsvStyle {
  return {
    delimiter: r.weighted<CsvStyle['delimiter']>([[8, ','], [2, '\t'], [0.3, ';']]),
    newline: r.weighted<CsvStyle['newline']>([[5, '\n'], [5, '\r\n'], [0.3, '\r']]),
    quoteAll: r.chance(0.2),
    encoding: r.weighted<CsvEncoding>([[4, 'utf8'], [4, 'utf8bom'], [3, 'gbk'], [0.5, 'utf16le'], [0.3, 'utf16be']]),
    blankLines: r.chance(0.3) ? r.between(1, 3) : 0,
  };
}

function cellToText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number' || typeof c === 'boolean') return String(c);
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? 'Invalid Date' : c.toISOString().slice(0, 10);
  if ('formula' in c) return `=${c.formula}`;
  if ('richText' in c) return c.richText.map((t) => t.text).join('');
  if ('hyperlink' in c) return c.text;
  return c.error;
}

/** CSV text of a table, quoted as Excel quotes (or every cell), blank lines sprinkled in. */
export function toCsvText(table: Table, style: CsvStyle, r?: Rng): string {
  const q = (s: string) => (style.quoteAll || /[",;\t\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = table.map((row) => row.map((c) => q(cellToText(c))).join(style.delimiter));
  for (let i = 0; i < style.blankLines; i++) lines.splice(r ? r.int(lines.length + 1) : lines.length, 0, '');
  return lines.join(style.newline) + style.newline;
}

/** Encodes CSV text; GBK falls back to UTF-8 with BOM when a character has no GBK form. */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.from('\ufeff' + text, 'utf8');
    case 'gbk':
      return encodeGbk(text) ?? Buffer.from('\ufeff' + text, 'utf8');
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}

export function toCsv(table: Table, r: Rng): Buffer {
  const style = csvStyle(r);
  return encodeCsv(toCsvText(table, style, r), style.encoding);
}

/** An .xlsx whose first sheet holds the table; cells typed at random (numbers, dates, formulas, …). */
export async function toXlsx(table: Table, r: Rng): Promise<Buffer> {
  // Tame files type only numbers and dates, as Excel does when a person types them; wild ones type anything.
  const wild = r.chance(0.5);
  const wb = new ExcelJS.Workbook();
  if (r.chance(0.05)) wb.addWorksheet('Empty first');
  const ws = wb.addWorksheet(r.pick(['Sheet1', '组织架构', 'OKR', "It's"]));
  const skip = r.chance(0.2) ? r.between(1, 3) : 0;
  table.forEach((row, i) => {
    row.forEach((c, j) => {
      const cell = ws.getCell(i + 1 + skip, j + 1 + (wild && r.chance(0.02) ? 1 : 0));
      const v = i > 0 && typeof c === 'string' ? (wild ? typedCell(c, r) : tameCell(c, r)) : c;
      if (v === null) return;
      if (typeof v === 'object' && !(v instanceof Date) && 'date' in v) {
        cell.value = (v as { date: number }).date;
        cell.numFmt = 'yyyy-mm-dd';
      } else {
        cell.value = v as ExcelJS.CellValue;
      }
    });
  });
  if (r.chance(0.1) && table.length > 2) ws.mergeCells(2 + skip, 1, 3 + skip, 1);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A number typed as a number, an ISO date as a date cell; everything else stays text. */
function tameCell(s: string, r: Rng): Cell | { date: number } {
  if (/^-?\d+(\.\d+)?$/.test(s) && r.chance(0.7)) return Number(s);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && r.chance(0.7)) return new Date(`${s}T00:00:00Z`);
  return s;
}

/** What a person's .xlsx may hold for a text: the text, a number, a date serial shown as a date, a formula, … */
function typedCell(s: string, r: Rng): Cell | { date: number } {
  return r.weighted<() => Cell | { date: number }>([
    [10, () => s],
    [1, () => (Number.isFinite(Number(s)) && s.trim() !== '' ? Number(s) : s)],
    [0.5, () => ({ date: r.pick([46387, 46387.75, 0, -5, 1e7, 2958465, 3e9, 1e300]) })],
    [0.3, () => new Date(Date.UTC(2026, 11, 31))],
    [0.3, () => r.pick([true, false])],
    [0.3, () => ({ formula: r.pick(['1+1', 'A1', 'NOW()', '"x"&"y"']), result: r.pick([2, 'xy', undefined as unknown as number]) })],
    [0.3, () => ({ richText: [{ text: s.slice(0, 2) }, { text: s.slice(2) }] })],
    [0.2, () => ({ text: s, hyperlink: 'http://example.invalid/' })],
    [0.2, () => ({ error: r.pick(['#N/A', '#DIV/0!', '#REF!', '#VALUE!']) })],
    [0.2, () => r.pick([1e308, -1e308, 5e-324, 0.30000000000000004, -0])],
  ])();
}

// --- Mutations --------------------------------------------------------------------------------

/** One to four byte-level mutations: flips, cuts, insertions, duplications, truncation. */
export function mutateBytes(b: Buffer, r: Rng): Buffer {
  let out: Buffer = Buffer.from(b);
  const n = r.between(1, 4);
  for (let i = 0; i < n; i++) {
    const at = out.length ? r.int(out.length) : 0;
    out = r.weighted<() => Buffer>([
      [3, () => { const c = Buffer.from(out); if (c.length) c[at] = r.int(256); return c; }],
      [2, () => { const c = Buffer.from(out); if (c.length) c[at] ^= 1 << r.int(8); return c; }],
      [2, () => out.subarray(0, at)],
      [2, () => Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + r.between(1, 64)))])],
      [2, () => Buffer.concat([out.subarray(0, at), Buffer.from(r.pick(['"', '\n', '\r', ',', '\t', '\u0000', '""', '\ufeff', '=', "'", '\u00ff', '\\']), 'latin1'), out.subarray(at)])],
      [1, () => Buffer.concat([out.subarray(0, at), Buffer.from(Array.from({ length: r.between(1, 16) }, () => r.int(256))), out.subarray(at)])],
      [1, () => { const len = r.between(1, 200); return Buffer.concat([out.subarray(0, at), out.subarray(at, at + len), out.subarray(at)]); }],
    ])();
  }
  return out;
}

/** Random bytes, sometimes starting like a zip or an OLE (.xls) file. */
export function junkBytes(r: Rng): Buffer {
  const body = Buffer.from(Array.from({ length: r.between(0, 2000) }, () => r.int(256)));
  const prefix = r.pick([[], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x25, 0x50, 0x44, 0x46]]);
  return Buffer.concat([Buffer.from(prefix), body]);
}
