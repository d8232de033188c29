import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * Writes a package's bytes so that a failed run leaves nothing behind: they go to a temporary file
 * beside the target, which is renamed over it only once complete.
 */
export async function writeBytesAtomic(buffer: Buffer, out: string): Promise<number> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, buffer);
    await fs.rename(tmp, out);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  return buffer.length;
}
