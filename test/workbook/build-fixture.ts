import { readTableFile } from '../../src/xlsx/table';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCycle } from '../../src/domain/cycle';
import { DEFAULT_SETTINGS, type Card, type Lang, type Organisation } from '../../src/domain/model';
import { parseOkrTable, parseOrgTable } from '../../src/io/import';
import { buildWorkbook, type BuiltWorkbook } from '../../src/templates/build';
import { planBytes } from '../support/plan-file';

export const ROOT = path.resolve(__dirname, '../..');
export const CYCLE = parseCycle('2026-Q4')!;

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `okr-${prefix}-`));
}

export async function loadExample(lang: Lang = 'zh-CN'): Promise<{ org: Organisation; company: Card; departments: Card[]; individuals: Card[] }> {
  const orgFile = path.join(ROOT, 'examples/org.csv');
  const okrFile = path.join(ROOT, 'examples/okrs.csv');
  const org = parseOrgTable(await readTableFile(orgFile, await fs.readFile(orgFile), lang), lang);
  const cards = parseOkrTable(await readTableFile(okrFile, await fs.readFile(okrFile), lang), org, lang);
  return { org, ...cards };
}

/** Builds and writes the example workbook; returns the plan and the file. */
export async function writeExample(dir: string, lang: Lang = 'zh-CN'): Promise<{ built: BuiltWorkbook; file: string }> {
  const ex = await loadExample(lang);
  const built = buildWorkbook({ lang, cycle: CYCLE, settings: DEFAULT_SETTINGS, ...ex });
  const file = path.join(dir, `example-${lang}.xlsx`);
  await fs.writeFile(file, await planBytes(built.plan));
  return { built, file };
}
