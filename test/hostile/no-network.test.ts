/**
 * No network calls from the add-in or the command line: nothing in src/ (the code that ships; the
 * development server lives in scripts/) fetches, opens a socket, sends a beacon, makes an HTTP(S)
 * request or loads a page or script from elsewhere. The only thing loaded is the add-in itself and
 * office.js: a production build loads that from Microsoft's CDN, as the Marketplace requires
 * (webpack.config.js fills in the pages' office.js tag; test/addin/pages.test.ts), every other build
 * from the add-in's own origin. ESLint forbids fetch and XMLHttpRequest as well.
 */
import { promises as fs } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');

/** What makes a network call, in code (comments are stripped first). */
const NETWORK_CODE: [string, RegExp][] = [
  ['fetch', /(^|[^\w.$])fetch\s*\(|\b(window|self|globalThis|global)\s*\.\s*fetch\b|\bfetch\s*\.\s*(call|apply|bind)\b/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['WebTransport / RTCPeerConnection', /\b(WebTransport|RTCPeerConnection)\b/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['Node network module', /(require\s*\(|from\s+|import\s*\()\s*['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]/],
  ['HTTP client library', /(require\s*\(|from\s+|import\s*\()\s*['"](axios|node-fetch|undici|got|superagent|request|cross-fetch|isomorphic-fetch|ws)['"]/],
  ['Office.js HTTP', /\bOffice\s*\.\s*context\s*\.\s*(mailbox\s*\.\s*)?makeEwsRequestAsync\b/],
];

/** What loads something from elsewhere, in HTML. */
const NETWORK_HTML: [string, RegExp][] = [
  ['external script/link/img/iframe', /<(script|link|img|iframe|source|embed|object)\b[^>]*\b(src|href|data)\s*=\s*["']?(https?:)?\/\//i],
  ['external form', /<form\b[^>]*\baction\s*=\s*["']?(https?:)?\/\//i],
  ['meta refresh', /http-equiv\s*=\s*["']?refresh/i],
];

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}

/** Code without comments (a URL's // after a colon or quote is kept). */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function findings(src: string, rules: [string, RegExp][], file: string): string[] {
  const out: string[] = [];
  src.split('\n').forEach((line, i) => {
    for (const [what, re] of rules) if (re.test(line)) out.push(`${path.relative(ROOT, file)}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
  });
  return out;
}

describe('no network calls', () => {
  it('src/ makes no fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon or HTTP(S) request, and its pages load nothing from elsewhere', async () => {
    const all = await files(SRC);
    const code = all.filter((f) => /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(f));
    const html = all.filter((f) => /\.html?$/.test(f));
    expect(code.length).toBeGreaterThan(50);
    expect(html.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const f of code) found.push(...findings(stripComments(await fs.readFile(f, 'utf8')), NETWORK_CODE, f));
    for (const f of html) found.push(...findings(await fs.readFile(f, 'utf8'), NETWORK_HTML, f));
    expect(found).toEqual([]);
  });

  it('the scan would catch each kind of call (so an empty result means something)', () => {
    const samples = [
      "await fetch('https://x')", 'const r = new XMLHttpRequest()', "new WebSocket('wss://x')", "new EventSource('/s')",
      "navigator.sendBeacon('/b', data)", "import https from 'https'", "const http = require('node:http')", "import axios from 'axios'",
      'window.fetch(url)', "importScripts('https://x/y.js')",
    ];
    for (const s of samples) expect({ s, caught: findings(s, NETWORK_CODE, path.join(SRC, 'x.ts')).length > 0 }).toEqual({ s, caught: true });
    for (const s of ['<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>', '<link href="//cdn.example/x.css" rel="stylesheet">']) {
      expect(findings(s, NETWORK_HTML, path.join(SRC, 'x.html')).length).toBe(1);
    }
    // Not calls: words in prose, a method of our own, our own page in a dialog.
    for (const s of ['prefetch(rows)', 'const fetched = 1', "new URL('notify.html', here)", 'this.fetchRows()']) {
      expect({ s, caught: findings(s, NETWORK_CODE, path.join(SRC, 'x.ts')) }).toEqual({ s, caught: [] });
    }
  });

  it('ESLint forbids fetch and XMLHttpRequest in src/', async () => {
    const config = await fs.readFile(path.join(ROOT, 'eslint.config.js'), 'utf8');
    expect(config).toMatch(/'no-restricted-globals'[\s\S]*name: 'fetch'[\s\S]*name: 'XMLHttpRequest'/);
  });
});
