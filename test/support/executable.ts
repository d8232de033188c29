/**
 * Whether a file is a program that can be run. Kept apart from tools.ts (which uses jest's globals)
 * so that `npm run bench`, outside jest, can find LibreOffice too.
 */
import * as fs from 'fs';

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
