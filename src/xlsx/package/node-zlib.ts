/**
 * Node's zlib where there is one (the command line, jest), for the package engine's fast paths
 * (zip-package.ts); undefined in the task pane's browser bundle, where webpack resolves `zlib` to an
 * empty module (webpack.config.js, resolve.fallback) and JSZip's own JavaScript deflate and inflate
 * do the work instead — slower, the same bytes inflated.
 */
import * as zlib from 'zlib';

export type NodeZlib = Pick<typeof zlib, 'crc32' | 'deflateRaw' | 'deflateRawSync' | 'inflateRawSync'>;

export const nodeZlib: NodeZlib | undefined = typeof zlib.deflateRawSync === 'function' && typeof zlib.crc32 === 'function' ? zlib : undefined;
