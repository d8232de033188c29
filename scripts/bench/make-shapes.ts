/**
 * Writes the shape files of #15 into a folder (argv[2]), from the OKR workbook given (argv[3]): run in a
 * process of its own, so that the benchmark's process never holds the bloat it builds — on Linux a child
 * started from a large process reports that process's peak memory as its own (maxRSS survives fork+exec).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { orgXlsx, SHAPES, sheetPartNamed, withShape } from '../../test/support/shapes';

async function make(dir: string, bookFile: string): Promise<void> {
  const book = await fs.readFile(bookFile);
  const card = await sheetPartNamed(book, '个人-李娜');
  const org = await orgXlsx();
  for (const shape of SHAPES) {
    await fs.writeFile(path.join(dir, `org-${shape}.xlsx`), await withShape(org, shape));
    await fs.writeFile(path.join(dir, `book-${shape}.xlsx`), await withShape(book, shape, card));
  }
}

make(process.argv[2] ?? '.', process.argv[3] ?? 'book.xlsx').catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
