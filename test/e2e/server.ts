/**
 * The e2e test's web server: serves a production build (dist/) on 127.0.0.1 with Node's http
 * module, and the harness bundle at /e2e/harness.js. taskpane.html is served with one change:
 * `<script src="/e2e/harness.js"></script>` right after the office.js script tag, so the page
 * loads the real office.js, then the in-memory Excel, then the task pane bundle. The build on disk
 * is not modified. Every request is recorded.
 */
import { promises as fs } from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

export const HARNESS_PATH = '/e2e/harness.js';

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface E2EServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  requests: ServedRequest[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The office.js tag as html-webpack-plugin writes it (minified: quotes may be dropped). */
const OFFICE_JS_TAG = /<script\b[^>]*\bsrc=["']?office-js\/office\.js["']?[^>]*>\s*<\/script>/i;

/** taskpane.html with the harness inserted right after office.js; throws if the tag is not there. */
export function injectHarness(html: string): string {
  const m = OFFICE_JS_TAG.exec(html);
  if (!m) throw new Error(`taskpane.html has no <script src="office-js/office.js"> tag:\n${html}`);
  const at = m.index + m[0].length;
  return `${html.slice(0, at)}<script src="${HARNESS_PATH}"></script>${html.slice(at)}`;
}

export async function startServer(distDir: string, harnessFile: string): Promise<E2EServer> {
  const root = path.resolve(distDir);
  const requests: ServedRequest[] = [];

  const respond = async (req: http.IncomingMessage): Promise<{ status: number; type?: string; body?: Buffer | string }> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return { status: 405 };
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (urlPath === '/favicon.ico') return { status: 204 };
    if (urlPath === HARNESS_PATH) return { status: 200, type: TYPES['.js'], body: await fs.readFile(harnessFile) };
    const file = path.resolve(root, `.${urlPath}`);
    if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return { status: 404, type: TYPES['.txt'], body: 'not found' };
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (urlPath === '/taskpane.html') return { status: 200, type, body: injectHarness(body.toString('utf8')) };
    return { status: 200, type, body };
  };

  const server = http.createServer((req, res) => {
    respond(req)
      .catch((e: unknown) => ({ status: 500, type: TYPES['.txt'], body: String(e) }))
      .then(({ status, type, body }) => {
        requests.push({ method: req.method ?? '', path: req.url ?? '', status });
        res.writeHead(status, { 'Cache-Control': 'no-store', ...(type ? { 'Content-Type': type } : {}) });
        res.end(req.method === 'HEAD' ? undefined : body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
