/**
 * Size limits of every read of an .xlsx package (#15): a part or a whole package over its limit is
 * refused (BrokenPackage 'tooLarge' / 'packageTooLarge', naming the part) before it is inflated, from the
 * sizes the zip declares, and again while inflating, since a zip's headers can lie. No Node module here:
 * the task pane's import in the browser uses it too.
 */
import type JSZip from 'jszip';
import type { Pacer } from '../../io/pace';
import { BrokenPackage } from './errors';

/** Largest part, uncompressed (the 1,000-person workbook's largest sheet is under 1 MB; its whole XML 150 MB). */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
/** Largest package, all parts uncompressed together. */
export const MAX_PACKAGE_BYTES = 400 * 1024 * 1024;

/** JSZip's record of a loaded entry (its `_data`, a CompressedObject), which its typings omit. */
interface Declared {
  uncompressedSize?: number;
}

/** The uncompressed size the zip declares for an entry (undefined for one added in memory). */
export function declaredSize(file: JSZip.JSZipObject): number | undefined {
  const d = (file as unknown as { _data?: Declared })._data;
  return typeof d?.uncompressedSize === 'number' ? d.uncompressedSize : undefined;
}

/** Refuses a package whose declared sizes are over the limits, before anything is inflated. */
export function checkDeclaredSizes(zip: JSZip): void {
  let total = 0;
  for (const [name, f] of Object.entries(zip.files)) {
    if (f.dir) continue;
    const n = declaredSize(f) ?? 0;
    if (n > MAX_PART_BYTES) throw new BrokenPackage('tooLarge', name, `${n} bytes`, MAX_PART_BYTES);
    total += n;
    if (total > MAX_PACKAGE_BYTES) throw new BrokenPackage('packageTooLarge', '', `${total} bytes`, MAX_PACKAGE_BYTES);
  }
}

/** The most bytes a part may inflate to: what it declares (a part that gives more lies), never over the limit. */
export function inflateBound(file: JSZip.JSZipObject): number {
  return Math.min(declaredSize(file) ?? MAX_PART_BYTES, MAX_PART_BYTES);
}

/**
 * Streams a part's inflated bytes to `onChunk` (JSZip's own inflate, in chunks), stopping as soon as
 * `onChunk` returns false, and refusing the part ('tooLarge') once more than inflateBound bytes came out.
 * With a `pacer`, `onChunk` gets at most pacer.chunk bytes at a time and the pacer yields between them
 * (one compressed block inflates to up to 1,000 times its size in one go: its output is queued, the
 * stream paused, and the queue parsed a budget at a time); `onBytes` hears how many bytes were handed
 * to `onChunk` so far, out of the most the part may hold.
 */
export function streamPart(file: JSZip.JSZipObject, part: string, onChunk: (chunk: Uint8Array) => boolean, pacer?: Pacer, onBytes?: (seen: number, bound: number) => void): Promise<void> {
  const bound = inflateBound(file);
  return new Promise<void>((resolve, reject) => {
    let seen = 0;
    let fed = 0;
    let done = false;
    let ended = false;
    let draining = false;
    const queue: Uint8Array[] = [];
    // internalStream is JSZip's documented streaming read (ZipObject#internalStream), missing from its typings.
    const stream = (file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    const finish = (e?: Error) => {
      if (done) return;
      done = true;
      stream.pause();
      if (e) reject(e);
      else resolve();
    };
    const feed = (chunk: Uint8Array) => {
      try {
        if (!onChunk(chunk)) return finish();
        fed += chunk.length;
        onBytes?.(fed, bound);
      } catch (e) {
        finish(e as Error);
      }
    };
    const drain = async (p: Pacer) => {
      draining = true;
      stream.pause();
      try {
        for (let c = queue.shift(); c && !done; c = queue.shift()) {
          for (let at = 0; at < c.length && !done; at += p.chunk) {
            const slice = c.subarray(at, at + p.chunk);
            feed(slice);
            await p.step(slice.length);
          }
        }
      } catch (e) {
        finish(e as Error);
      }
      draining = false;
      if (done) return;
      if (ended) finish();
      else stream.resume();
    };
    stream.on('data', (chunk: Uint8Array) => {
      if (done) return;
      seen += chunk.length;
      if (seen > bound) return finish(new BrokenPackage('tooLarge', part, `more than ${bound} bytes inflated`, MAX_PART_BYTES));
      if (!pacer) return feed(chunk);
      queue.push(chunk);
      if (!draining) void drain(pacer);
    });
    stream.on('error', (e: Error) => finish(new BrokenPackage('notZip', part, e.message)));
    stream.on('end', () => {
      ended = true;
      if (!draining) finish();
    });
    stream.resume();
  });
}

/** A whole part as text, within the bounds. */
export async function boundedText(file: JSZip.JSZipObject, part: string, pacer?: Pacer): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let out = '';
  await streamPart(file, part, (c) => {
    out += decoder.decode(c, { stream: true });
    return true;
  }, pacer);
  return out + decoder.decode();
}
