/**
 * An OPC package (the .xlsx/.xlsm zip) opened with JSZip. Parts are read only when asked for; a part
 * the edit does not write is never re-encoded: JSZip passes its entry through, so its bytes are the
 * input's. Relationships and content types are kept as located documents and written back only when
 * they changed.
 */
import JSZip from 'jszip';
import { BrokenPackage } from './errors';
import { boundedText, checkDeclaredSizes, inflateBound, MAX_PART_BYTES, streamPart } from './limits';
import { CONTENT_TYPES, ContentTypes } from './content-types';
import { relsPartOf } from './names';
import { nodeZlib, type NodeZlib } from './node-zlib';
import { Rels } from './rels';

export class ZipPackage {
  private readonly byLower = new Map<string, string>();
  private readonly rels = new Map<string, Rels>();
  private readonly written = new Set<string>();
  private types?: ContentTypes;
  private deflated?: CompressedData | null;
  /** Written parts being deflated off the main thread; save() waits for them. */
  private readonly deflating: Promise<void>[] = [];
  private inFlight = 0;

  private constructor(private readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) this.byLower.set(name.toLowerCase(), name);
  }

  static async load(bytes: Buffer | Uint8Array): Promise<ZipPackage> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (e) {
      throw new BrokenPackage('notZip', '', (e as Error).message);
    }
    // Sizes over the limits are refused before anything is inflated (#15).
    checkDeclaredSizes(zip);
    const pkg = new ZipPackage(zip);
    if (!pkg.has(CONTENT_TYPES)) throw new BrokenPackage('missingPart', CONTENT_TYPES);
    return pkg;
  }

  /** The zip entry of a part (names compare case-insensitively, as OPC says). */
  private entry(part: string): string | undefined {
    return this.zip.files[part] && !this.zip.files[part].dir ? part : this.byLower.get(part.toLowerCase());
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  /** Every part's name. */
  parts(): string[] {
    return [...this.byLower.values()];
  }

  async text(part: string): Promise<string> {
    const name = this.entry(part);
    if (!name) throw new BrokenPackage('missingPart', part);
    const file = this.zip.file(name)!;
    try {
      return fastText(file, name) ?? (await boundedText(file, name));
    } catch (e) {
      if (e instanceof BrokenPackage) throw e;
      throw new BrokenPackage('notZip', part, (e as Error).message);
    }
  }

  async bytes(part: string): Promise<Uint8Array> {
    const name = this.entry(part);
    if (!name) throw new BrokenPackage('missingPart', part);
    // Bounded as text is: a part over its limit, or over what its header says, is refused while inflating.
    const chunks: Uint8Array[] = [];
    await streamPartBytes(this.zip.file(name)!, name, chunks);
    return concat(chunks);
  }

  write(part: string, text: string): void {
    const name = this.entry(part) ?? part;
    // No folder entries: Excel writes none, and a package should not gain any it did not have.
    this.zip.file(name, text, { createFolders: false });
    this.deflated ??= deflatedTemplate(this.zip);
    // Without Node's zlib (the browser) JSZip deflates the part itself when the package is generated.
    const z = nodeZlib;
    if (this.deflated && z && this.inFlight >= MAX_IN_FLIGHT) precompressNow(z, this.zip.file(name)!, new TextEncoder().encode(text), this.deflated);
    else if (this.deflated && z) {
      this.inFlight++;
      const job = precompress(z, this.zip, name, new TextEncoder().encode(text), this.deflated).finally(() => { this.inFlight--; });
      // Marked handled here so that a failure does not end the process before save() reports it;
      // save() awaits the job itself and rejects with its error.
      job.catch(() => undefined);
      this.deflating.push(job);
    }
    this.byLower.set(name.toLowerCase(), name);
    this.written.add(name);
  }

  /**
   * Lets the event loop run once, so that parts deflated off the main thread are taken in and more
   * can be sent there (an edit writing many parts calls this between them; see MAX_IN_FLIGHT).
   */
  async yieldToDeflate(): Promise<void> {
    if (this.inFlight) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  remove(part: string): void {
    const name = this.entry(part);
    if (!name) return;
    this.zip.remove(name);
    this.byLower.delete(name.toLowerCase());
  }

  /** Whether the edit has written (or added) this part. */
  isWritten(part: string): boolean {
    const name = this.entry(part);
    return name !== undefined && this.written.has(name);
  }

  /** Names of the parts written (or added) by the edit. */
  writtenParts(): string[] {
    return [...this.written];
  }

  async contentTypes(): Promise<ContentTypes> {
    this.types ??= new ContentTypes(await this.text(CONTENT_TYPES));
    return this.types;
  }

  /** The relationships of a part ('' for the package's own). */
  async relsOf(part: string): Promise<Rels> {
    let r = this.rels.get(part);
    if (!r) {
      const name = relsPartOf(part);
      r = new Rels(part, name, this.has(name) ? await this.text(name) : undefined);
      this.rels.set(part, r);
    }
    return r;
  }

  /** Drops a part's relationships part along with it. */
  removeWithRels(part: string): void {
    this.remove(part);
    this.remove(relsPartOf(part));
    this.rels.delete(part);
  }

  /** The package's bytes, with every changed relationships part and the content types written. */
  async save(): Promise<Buffer> {
    for (const [part, r] of this.rels) if (r.changed) this.write(relsPartOf(part), r.text());
    if (this.types?.changed) this.write(CONTENT_TYPES, this.types.text());
    await Promise.all(this.deflating);
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  /** The package's bytes as save() has them, as a Uint8Array: where there is no Node Buffer (the browser). */
  async saveBytes(): Promise<Uint8Array> {
    for (const [part, r] of this.rels) if (r.changed) this.write(relsPartOf(part), r.text());
    if (this.types?.changed) this.write(CONTENT_TYPES, this.types.text());
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

/** JSZip's record of a loaded entry's compressed bytes (its `_data`, a CompressedObject), which its typings omit. */
interface CompressedData {
  compressedContent?: Uint8Array;
  compression?: { magic?: string };
  uncompressedSize?: number;
}

const DEFLATE_MAGIC = '\x08\x00';

const dataOf = (file: JSZip.JSZipObject): CompressedData | undefined => (file as unknown as { _data?: CompressedData })._data;

/** A deflated entry as loaded, to make more like it (its constructor and compression); null when there is none. */
function deflatedTemplate(zip: JSZip): CompressedData | null {
  for (const f of Object.values(zip.files)) {
    const d = dataOf(f);
    if (d?.compressedContent && d.compression?.magic === DEFLATE_MAGIC) return d;
  }
  return null;
}

/**
 * Parts deflated off the main thread at once; a part written while that many are, is deflated at
 * once on the main thread. Bounds what waits in memory (unbounded, lock peaked at 715 MB instead of
 * 443 MB on a loaded machine) while one core deflates beside the edit.
 */
const MAX_IN_FLIGHT = 4;

/**
 * A written part deflated once with Node's zlib (JSZip's JavaScript deflate takes seconds for a
 * thousand sheets): the entry is given the compressed bytes as a loaded entry has them, so JSZip
 * writes them as they are, as it does for every untouched entry. Deflated in zlib's thread pool
 * while the edit goes on (#12: 0.9–1.4 s of lock's main thread at 1,000 people); until then the
 * entry holds the text, so reading it back meanwhile gives the text written.
 */
async function precompress(z: NodeZlib, zip: JSZip, name: string, raw: Uint8Array, like: CompressedData): Promise<void> {
  const file = zip.file(name);
  const packed = await new Promise<Buffer>((resolve, reject) => z.deflateRaw(raw, { level: 6 }, (e, out) => (e ? reject(e) : resolve(out))));
  // Written again meanwhile: the later text has its own job.
  if (file && zip.files[name] === file) setCompressed(z, file, raw, packed, like);
}

function precompressNow(z: NodeZlib, file: JSZip.JSZipObject, raw: Uint8Array, like: CompressedData): void {
  setCompressed(z, file, raw, z.deflateRawSync(raw, { level: 6 }), like);
}

function setCompressed(z: NodeZlib, file: JSZip.JSZipObject, raw: Uint8Array, packed: Buffer, like: CompressedData): void {
  // An object of the same prototype (JSZip checks `instanceof CompressedObject`), with its fields.
  const data = Object.assign(Object.create(Object.getPrototypeOf(like) as object) as CompressedData, {
    compressedSize: packed.length, uncompressedSize: raw.length, crc32: z.crc32(raw), compression: like.compression, compressedContent: packed,
  });
  const holder = file as unknown as { _data: CompressedData; _dataBinary: boolean };
  holder._data = data;
  holder._dataBinary = true;
}

/**
 * A deflated entry that JSZip holds as loaded, inflated with Node's zlib (several times faster than
 * JSZip's JavaScript inflate on a 70 MB workbook); undefined for anything else (then JSZip reads it).
 * JSZip keeps a loaded entry's compressed bytes in `_data` (a CompressedObject), which its typings omit.
 */
function fastText(file: JSZip.JSZipObject, part: string): string | undefined {
  const data = dataOf(file);
  if (!nodeZlib || !data?.compressedContent || data.compression?.magic !== DEFLATE_MAGIC) return undefined;
  const bound = inflateBound(file);
  let out: Buffer;
  try {
    // Inflating stops one byte past what the header declares (at most the part limit): a lying header
    // cannot make it inflate more (#15).
    out = nodeZlib.inflateRawSync(data.compressedContent, { maxOutputLength: bound + 1 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new BrokenPackage('tooLarge', part, `more than ${bound} bytes inflated`, MAX_PART_BYTES);
    // Other inflate errors: JSZip reads it and says what is wrong.
    return undefined;
  }
  if (out.length > bound) throw new BrokenPackage('tooLarge', part, `more than ${bound} bytes inflated`, MAX_PART_BYTES);
  if (data.uncompressedSize !== undefined && out.length !== data.uncompressedSize) return undefined;
  return out.toString('utf8');
}

async function streamPartBytes(file: JSZip.JSZipObject, part: string, into: Uint8Array[]): Promise<void> {
  await streamPart(file, part, (c) => {
    into.push(c);
    return true;
  });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
