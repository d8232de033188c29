import { DEFAULT_SETTINGS, type Settings } from '../domain/model';
import { text } from '../i18n';
import { buildWorkbook, type BuildInput } from '../templates/build';
import type { SheetKind } from '../templates/plan';
import type { GenerationPort } from './port';
import { refused, type AppRefused } from './refused';

export interface GenerateRequest extends BuildInput {
  /** Protect the generated sheets with this password. */
  password?: string;
  onProgress?: (done: number, total: number) => void;
}

export type GenerateResult =
  | { status: 'generated'; sheets: { name: string; kind: SheetKind }[]; people: number; departments: number }
  | AppRefused;

/**
 * Generates the OKR workbook of a cycle and organisation. A workbook that already holds OKR sheets,
 * or sheets of the names the templates need, is never generated into: nothing there is touched.
 */
export async function generateWorkbook(port: GenerationPort, req: GenerateRequest): Promise<GenerateResult> {
  const { password, onProgress, ...input } = req;
  const { okr, all } = await port.sheetNames();
  const { plan } = buildWorkbook({ ...input, settings: startingSettings(input) });
  const taken = new Set(all.map((n) => n.toLowerCase()));
  const clash = plan.sheets.map((s) => s.name).filter((n) => taken.has(n.toLowerCase()));
  if (okr.length || clash.length) return refused({ code: 'alreadyGenerated', sheets: okr.length ? okr : clash }, req.lang);
  await port.create(plan, { password, onProgress });
  return {
    status: 'generated', sheets: plan.sheets.map((s) => ({ name: s.name, kind: s.kind })),
    people: req.org.people.length, departments: req.org.departments.length,
  };
}

/**
 * The settings a new workbook starts with. Untouched default categories are given in the workbook's
 * language, and a category the imported company objectives already use is kept in the list, so the
 * category validation does not warn on what HR imported. Categories HR chose are left as they are.
 */
export function startingSettings(input: BuildInput): Settings {
  const s = input.settings;
  const asDefault = s.categories.length === DEFAULT_SETTINGS.categories.length && s.categories.every((c, i) => c === DEFAULT_SETTINGS.categories[i]);
  if (!asDefault) return s;
  const categories = [...text(input.lang).sheets.settings.defaultCategories];
  for (const o of input.company?.objectives ?? []) {
    const c = o.category?.trim();
    if (c && !categories.includes(c)) categories.push(c);
  }
  return { ...s, categories };
}
