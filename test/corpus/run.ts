/**
 * Runs one edit command of the command line in-process (src/cli/main.ts's main, or a compiled one from
 * another build, for the "before" table) and returns its exit code, messages and output bytes.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { argv, type EditCommand } from './commands';

export type Main = (argv: string[], io: { out: (s: string) => void; err: (s: string) => void }) => Promise<number>;

export interface EditRun {
  code: number;
  out: string;
  err: string;
  output?: Buffer;
  outFile: string;
}

export async function runEdit(main: Main, command: EditCommand, input: string, outDir: string): Promise<EditRun> {
  const ext = path.extname(input);
  const outFile = path.join(outDir, `${path.basename(input, ext)}.${command}${ext}`);
  await fs.rm(outFile, { force: true });
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = await main(['node', 'okr-workbook', ...argv(command, input, outFile)], { out: (s) => out.push(s), err: (s) => err.push(s) });
  } catch (e) {
    // What bin/okr-workbook.js does with an exception: the stack, exit 3.
    code = 3;
    err.push(e instanceof Error ? e.stack ?? e.message : String(e));
  }
  const output = code === 0 ? await fs.readFile(outFile).catch(() => undefined) : undefined;
  return { code, out: out.join('\n'), err: err.join('\n'), output, outFile };
}
