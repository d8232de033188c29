import type { Lang } from '../domain/model';
import type { IssueCollector } from './issues';
import { text } from '../i18n';
import { M } from './messages';
import type { TableInput, TableRow } from './table-input';

export interface ColumnSpec<K extends string> {
  key: K;
  en: string;
  zh: string;
  /** Other headers people write for the same column. */
  aliases?: readonly string[];
  required?: boolean;
}

export const ORG_COLUMNS = [
  { key: 'department', en: 'department', zh: '部门', aliases: ['所属部门'], required: true },
  { key: 'name', en: 'name', zh: '姓名', aliases: ['员工姓名'], required: true },
  { key: 'position', en: 'position', zh: '岗位', aliases: ['职位'] },
  { key: 'manager', en: 'manager', zh: '上级', aliases: ['直属上级'] },
  { key: 'head', en: 'head', zh: '负责人', aliases: ['部门负责人', 'is_head'] },
  // Optional: who a person is across quarters (see Person.id); without it, name and department say it.
  { key: 'id', en: 'employee_id', zh: '工号', aliases: ['员工编号', 'employee id', 'id'] },
] as const satisfies readonly ColumnSpec<string>[];
export type OrgColumn = (typeof ORG_COLUMNS)[number]['key'];

export const OKR_COLUMNS = [
  { key: 'level', en: 'level', zh: '层级', required: true },
  { key: 'department', en: 'department', zh: '部门' },
  { key: 'owner', en: 'owner', zh: '负责人' },
  { key: 'category', en: 'category', zh: '业务类别' },
  { key: 'objective_no', en: 'objective_no', zh: '目标序号' },
  { key: 'objective', en: 'objective', zh: '目标', aliases: ['目标O'], required: true },
  { key: 'source', en: 'source', zh: '来源', aliases: ['目标来源'] },
  { key: 'aligned_to', en: 'aligned_to', zh: '对齐', aliases: ['对齐目标'] },
  { key: 'objective_weight', en: 'objective_weight', zh: '目标权重' },
  { key: 'agreed', en: 'agreed', zh: '已协商' },
  { key: 'kr_no', en: 'kr_no', zh: 'KR序号' },
  { key: 'key_result', en: 'key_result', zh: '关键结果', aliases: ['KR', 'KR关键结果'], required: true },
  { key: 'deliverable', en: 'deliverable', zh: '产出成果', aliases: ['KRS产出成果'] },
  { key: 'target', en: 'target', zh: '衡量标准' },
  { key: 'criteria', en: 'criteria', zh: '评分标准' },
  { key: 'deadline', en: 'deadline', zh: '截止日期' },
  { key: 'period', en: 'period', zh: '周期' },
  { key: 'kr_weight', en: 'kr_weight', zh: 'KR权重' },
  { key: 'progress', en: 'progress', zh: '进度' },
  { key: 'self_score', en: 'self_score', zh: '自评分' },
  { key: 'manager_score', en: 'manager_score', zh: '上级评分' },
  { key: 'status', en: 'status', zh: '状态' },
  { key: 'carry_over_reason', en: 'carry_over_reason', zh: '结转原因' },
] as const satisfies readonly ColumnSpec<string>[];
export type OkrColumn = (typeof OKR_COLUMNS)[number]['key'];

/**
 * Header comparison key: full-width forms folded (NFKC), case ignored, spaces, "_" and "-" ignored,
 * a trailing "*" (required mark) and a trailing hint in parentheses ("目标权重(%)") ignored.
 */
export function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*]+/g, '')
    .replace(/\([^()]*\)$/, '');
}

/** The columns of a table found by header, with the header text as written (for messages). */
export class ColumnMap<K extends string> {
  constructor(
    private readonly index: Map<K, number>,
    private readonly specs: readonly ColumnSpec<K>[],
    private readonly header: string[],
    private readonly lang: Lang,
  ) {}

  has(key: K): boolean {
    return this.index.has(key);
  }

  cell(row: TableRow, key: K): TableRow['cells'][number] {
    const i = this.index.get(key);
    return i === undefined ? null : (row.cells[i] ?? null);
  }

  /** The header as written in the file; the canonical header (in the message language) when absent. */
  name(key: K): string {
    const i = this.index.get(key);
    if (i !== undefined) return this.header[i];
    const spec = this.specs.find((s) => s.key === key);
    return spec ? text(this.lang).io.columnName(spec) : key;
  }

  spec(key: K): ColumnSpec<K> | undefined {
    return this.specs.find((s) => s.key === key);
  }
}

/** The headers of a table that name none of the columns (blank ones left out), as written. */
export function unknownColumns<K extends string>(table: TableInput, specs: readonly ColumnSpec<K>[]): string[] {
  const known = new Set(specs.flatMap((s) => [s.en, s.zh, ...(s.aliases ?? [])]).map(headerKey));
  return table.header.filter((h) => h.trim() !== '' && !known.has(headerKey(h)));
}

/** Finds the columns; reports duplicate and missing required columns. Unknown columns are ignored (see unknownColumns). */
export function mapColumns<K extends string>(
  table: TableInput,
  specs: readonly ColumnSpec<K>[],
  issues: IssueCollector,
): ColumnMap<K> {
  const byKey = new Map<string, K>();
  for (const s of specs) for (const h of [s.en, s.zh, ...(s.aliases ?? [])]) byKey.set(headerKey(h), s.key);
  const index = new Map<K, number>();
  const headerLine = table.headerLine ?? 1;
  table.header.forEach((h, i) => {
    const key = byKey.get(headerKey(h));
    if (key === undefined) return;
    const first = index.get(key);
    if (first !== undefined) {
      issues.add('DUPLICATE_COLUMN', headerLine, h, M.duplicateColumn(issues.lang, table.header[first], first + 1));
      return;
    }
    index.set(key, i);
  });
  for (const s of specs) {
    if (s.required && !index.has(s.key)) {
      issues.add('MISSING_COLUMN', headerLine, text(issues.lang).io.columnName(s), M.missingColumn(issues.lang, s.zh, s.en));
    }
  }
  return new ColumnMap(index, specs, table.header, issues.lang);
}
