/**
 * The corpus table: every corpus workbook × every edit command through one build of the command line,
 * checked with test/corpus/invariants.ts and LibreOffice, written as Markdown.
 *
 *   npx tsc -p scripts/corpus/tsconfig.json
 *   node build/corpus-report/scripts/corpus/report.js --build /tmp/wt-before/build --title "before (ee3519f)" --out test/fixtures/corpus/BEFORE.md
 *
 * A run that ends without an output (a crash or a refusal) is run again on the same workbook with its
 * table parts taken out (the ExcelJS crash), so the table also says what else that command loses.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CORPUS_DIR, CORPUS_FILES, EDIT_COMMANDS, ownership, REFERENCE, type EditCommand } from '../../test/corpus/commands';
import { checkEdit, snapshot, type Problem, type Snapshot } from '../../test/corpus/invariants';
import { loSummary } from '../../test/corpus/lo-summary';
import { findPart, readParts, readRels, readSheets, relType, relsPartOf, writeParts } from '../../test/corpus/opc';
import { runEdit, type EditRun, type Main } from '../../test/corpus/run';
import { recalcXlsx } from '../../test/support/libreoffice';
import { child, elements, NS, parseXml, serializeXml } from '../../test/corpus/xml';

const KIND: Record<string, string> = {
  chart: 'chart', pivotTable: 'pivot table', pivotCacheDefinition: 'pivot cache', pivotCacheRecords: 'pivot records', comments: 'notes',
  threadedComment: 'threaded comment', person: 'persons', vmlDrawing: 'VML (notes)', drawing: 'drawing', image: 'image', table: 'table',
  printerSettings: 'printer settings', calcChain: 'calcChain', 'custom-properties': 'custom properties', vbaProject: 'VBA project',
};
const EXT: Record<string, string> = { '{05C60535-1F16-4fd2-B633-F4F36F0B64E0}': 'sparklines', '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}': 'x14 list validation' };

/** One line of what was lost or altered, from the problems. */
export function summarise(ps: Problem[]): string[] {
  const out = new Set<string>();
  let removed = 0;
  let changed = 0;
  for (const { check, what } of ps) {
    if (check === 'links') {
      const m = what.match(/(worksheet|chartsheet) “([^”]+)”.*→ ([\w-]+):[0-9a-f]+$/) ?? what.match(/: (workbook|package)()(?:.*)→ ([\w-]+):/);
      if (m) out.add(`${KIND[m[3]] ?? m[3]} ${what.startsWith('still linked') ? 'altered' : 'lost'}${m[2] ? ` (${m[2]})` : ''}`);
      else if (what.endsWith('gone')) out.add(what.replace('worksheet', 'sheet'));
      else out.add(what);
    } else if (check === 'names') {
      if (what.includes('rescoped')) out.add(`name ${what.split(' @ ')[0]} rescoped`);
      else if (what.includes(' lost ')) out.add(`name ${what.split(' @ ')[0]} lost`);
      else out.add(`name ${what.split(' @ ')[0]} altered`);
    } else if (check === 'owned-xml') {
      const m = what.match(/: ext (\{[^}]+\})/);
      if (m) out.add(`${EXT[m[1]] ?? m[1]} lost`);
      else out.add(what.replace(/^[^:]+: /, '').replace(' lost', ' lost in an edited sheet').replace(' altered', ' altered in an edited sheet'));
    } else if (check === 'protection') {
      const m = what.match(/^(?:new sheet )?([^:]+): (.*)$/);
      const d = m ? m[2] : what;
      if (d.startsWith('protection removed')) out.add('sheet protection removed');
      else if (d.startsWith('locked ')) out.add('input cells locked');
      else if (d.startsWith('unlocked ')) out.add('cells unlocked');
      else if (d.startsWith('the edit should have made')) out.add('the edit\'s own protection/lock not applied');
      else out.add('protection flags changed');
    } else if (check === 'parts') {
      const m = what.match(/^(removed|changed): (.*)$/)!;
      if (m[1] === 'removed') removed++;
      else changed++;
    } else out.add(`${check}: ${what}`);
  }
  const partsLine = [changed ? `${changed} rewritten` : '', removed ? `${removed} removed` : ''].filter(Boolean).join(', ');
  return [...(partsLine ? [`parts it does not own: ${partsLine}`] : []), ...out];
}

async function withoutTables(bytes: Buffer): Promise<Buffer> {
  const parts = await readParts(bytes);
  const info = readSheets(parts)!;
  for (const s of info.sheets) {
    if (!s.part) continue;
    const tables = readRels(parts, s.part).filter((r) => relType(r) === 'table');
    if (!tables.length) continue;
    const doc = parseXml(parts.get(s.part)!);
    const tp = child(doc.root, NS.main, 'tableParts');
    if (tp) doc.root.children.splice(doc.root.children.indexOf(tp), 1);
    parts.set(s.part, Buffer.from(serializeXml(doc)));
    const relsName = findPart(parts, relsPartOf(s.part))!;
    const rdoc = parseXml(parts.get(relsName)!);
    rdoc.root.children = rdoc.root.children.filter((c) => !(c.kind === 'element' && tables.some((t) => t.id === c.attrs.find((a) => a.local === 'Id')?.value)));
    parts.set(relsName, Buffer.from(serializeXml(rdoc)));
    for (const t of tables) parts.delete(findPart(parts, t.part!)!);
  }
  const ct = parseXml(parts.get('[Content_Types].xml')!);
  ct.root.children = ct.root.children.filter((c) => !(c.kind === 'element' && c.local === 'Override' && !findPart(parts, c.attrs.find((a) => a.local === 'PartName')!.value)));
  parts.set('[Content_Types].xml', Buffer.from(serializeXml(ct)));
  void elements;
  return writeParts(parts);
}

interface Row {
  file: string;
  command: EditCommand;
  run: EditRun;
  problems?: Problem[];
  lo?: string[];
  note?: string;
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 160) ?? '';
}

export async function report(main: Main, title: string): Promise<string> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'okr-corpus-report-'));
  const refIn = await snapshot(await fs.readFile(path.join(CORPUS_DIR, REFERENCE)));
  const refs = new Map<EditCommand, { before: Snapshot; after: Snapshot }>();
  for (const c of EDIT_COMMANDS) {
    const r = await runEdit(main, c, path.join(CORPUS_DIR, REFERENCE), await fs.mkdtemp(path.join(work, 'ref-')));
    if (r.output) refs.set(c, { before: refIn, after: await snapshot(r.output) });
  }
  const rows: Row[] = [];
  const loInputs: string[] = [];
  for (const file of CORPUS_FILES) {
    const input = path.join(CORPUS_DIR, file);
    const before = await snapshot(await fs.readFile(input));
    const dir = await fs.mkdtemp(path.join(work, 'run-'));
    for (const command of EDIT_COMMANDS) {
      let run = await runEdit(main, command, input, dir);
      const row: Row = { file, command, run };
      let base = before;
      if (!run.output) {
        // Again without the table parts, to see what else is lost.
        const stripped = path.join(dir, `notables-${command}${path.extname(file)}`);
        await fs.writeFile(stripped, await withoutTables(await fs.readFile(input)));
        const again = await runEdit(main, command, stripped, dir);
        if (again.output) {
          row.note = `without its table parts: exit ${again.code}`;
          base = await snapshot(await fs.readFile(stripped));
          run = again;
          row.run = { ...row.run, output: undefined };
          row.problems = checkEdit({ before: base, after: await snapshot(again.output!), own: ownership(command), reference: refs.get(command) });
          loInputs.push(stripped, again.outFile);
          (row as Row & { loPair?: [string, string] }).loPair = [stripped, again.outFile];
        } else row.note = `without its table parts: exit ${again.code} ${firstLine(again.err)}`;
      } else {
        try {
          row.problems = checkEdit({ before, after: await snapshot(run.output), own: ownership(command), reference: refs.get(command) });
        } catch (e) {
          row.problems = [{ check: 'rels', what: `the output cannot be read: ${(e as Error).message}` }];
        }
        loInputs.push(input, run.outFile);
        (row as Row & { loPair?: [string, string] }).loPair = [input, run.outFile];
      }
      rows.push(row);
    }
  }
  // LibreOffice: its export of the input against its export of the output.
  const loDir = path.join(work, 'lo');
  const uniq = [...new Set(loInputs)];
  const staged: string[] = [];
  for (const [i, f] of uniq.entries()) {
    const s = path.join(work, 'lo-in', `${i}${path.extname(f)}`);
    await fs.mkdir(path.dirname(s), { recursive: true });
    await fs.copyFile(f, s);
    staged.push(s);
  }
  let converted: (string | Error)[];
  try {
    converted = staged.length ? await recalcXlsx(staged, loDir) : [];
  } catch {
    // One file LibreOffice cannot load fails the whole call: then one call per file.
    converted = [];
    for (const [i, f] of staged.entries()) converted.push(await recalcXlsx([f], `${loDir}-${i}`).then((x) => x[0], (e: Error) => e));
  }
  const summaryOf = new Map<string, Awaited<ReturnType<typeof loSummary>> | undefined>();
  for (const [i, f] of uniq.entries()) {
    const c = converted[i];
    summaryOf.set(f, c instanceof Error ? undefined : await loSummary(await fs.readFile(c)));
  }
  for (const row of rows) {
    const pair = (row as Row & { loPair?: [string, string] }).loPair;
    if (!pair) continue;
    const a = summaryOf.get(pair[0]) ?? {};
    const b = summaryOf.get(pair[1]);
    if (!b) {
      row.lo = ['LibreOffice cannot load the output'];
      continue;
    }
    const lo: string[] = [];
    for (const [sheet, e] of Object.entries(a)) {
      const f = b[sheet];
      for (const k of Object.keys(e) as (keyof typeof e)[]) if ((f?.[k] ?? 0) < e[k]) lo.push(`${sheet}: ${k} ${e[k]} → ${f?.[k] ?? 0}`);
    }
    row.lo = lo;
  }
  const md: string[] = [];
  md.push(`# Corpus × edit commands: ${title}`, '');
  md.push('Made by `scripts/corpus/report.ts` (see its header) with the invariant checks of `test/corpus/invariants.ts`; LibreOffice column: what LibreOffice shows (charts, pivots, notes, tables, images per sheet) of the output against the input, both exported by LibreOffice 7.4.', '');
  md.push('| file | command | exit | lost or altered | LibreOffice shows less |', '|---|---|---|---|---|');
  for (const r of rows) {
    const exit = r.note ? `${r.run.code}: ${firstLine(r.run.err).replace(/\|/g, '\\|')}<br>(${r.note})` : String(r.run.code);
    const lost = r.problems ? (summarise(r.problems).join('; ') || 'nothing') : '—';
    const lo = r.lo ? (r.lo.join('; ') || 'nothing') : '—';
    md.push(`| ${r.file} | ${r.command} | ${exit} | ${lost.replace(/\|/g, '\\|')} | ${lo.replace(/\|/g, '\\|')} |`);
  }
  md.push('', '## Details (first problems of each run)', '');
  for (const r of rows) {
    if (!r.problems?.length) continue;
    md.push(`### ${r.file} · ${r.command}`, '', '```');
    for (const p of r.problems.slice(0, 40)) md.push(`${p.check}: ${p.what.slice(0, 240)}`);
    if (r.problems.length > 40) md.push(`… ${r.problems.length - 40} more`);
    md.push('```', '');
  }
  await fs.rm(work, { recursive: true, force: true });
  return md.join('\n');
}

async function cli(): Promise<void> {
  const a = process.argv.slice(2);
  const get = (n: string): string | undefined => (a.indexOf(n) >= 0 ? a[a.indexOf(n) + 1] : undefined);
  const build = path.resolve(get('--build') ?? 'build');
  const { main } = require(path.join(build, 'cli/main.js')) as { main: Main };
  const md = await report(main, get('--title') ?? build);
  const out = get('--out');
  if (out) await fs.writeFile(out, md + '\n');
  else console.log(md);
}

if (require.main === module) {
  cli().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exitCode = 1;
  });
}
