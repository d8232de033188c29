/**
 * The add-in's pages as webpack.config.js builds them (html-webpack-plugin run for real, on stub
 * bundles so the build takes seconds):
 * - office.js from Microsoft's CDN in a production build, the copy from @microsoft/office-js in a
 *   development build and with `--env officeJs=local` (the e2e test), and copied only then;
 * - commands.html runs its bundle as a blocking script in <head>, after office.js, so the ribbon
 *   handlers are associated before Office runs the first click (office-js issue #2744).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '../..');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PAGES = ['taskpane.html', 'commands.html', 'notify.html'];

interface Config extends webpack.Configuration {
  plugins: (webpack.WebpackPluginInstance & { patterns?: { from: string; to?: string }[] })[];
}
type MakeConfig = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Config>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../../webpack.config.js') as MakeConfig;

async function configOf(mode: 'production' | 'development', env: Record<string, unknown> = {}): Promise<Config> {
  const saved = process.env.ADDIN_URL;
  process.env.ADDIN_URL = 'https://okr.example.com/addin/';
  try {
    return await makeConfig(env, { mode });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
}

function copiesOfficeJs(config: Config): boolean {
  return config.plugins.flatMap((p) => p.patterns ?? []).some((p) => p.to === 'office-js');
}

/** The pages of `config`, built with stub entries (the pages, not our bundles, are under test). */
async function buildPages(config: Config): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-pages-'));
  try {
    const stub = path.join(dir, 'stub.js');
    fs.writeFileSync(stub, 'window.stubRan = true;\n');
    const out = path.join(dir, 'dist');
    const entry = Object.fromEntries(Object.keys(config.entry as Record<string, string>).map((k) => [k, stub]));
    const htmlOnly = config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin');
    expect(htmlOnly).toHaveLength(PAGES.length);
    // The dev server's options are not webpack's own: leave them out of the in-process build.
    const { devServer: _devServer, ...rest } = config as Config & { devServer?: unknown };
    const build: webpack.Configuration = { ...rest, context: ROOT, entry, plugins: htmlOnly, output: { ...config.output, path: out } };
    const stats = await new Promise<webpack.Stats>((resolve, reject) => {
      webpack(build, (err, s) => {
        if (err || !s) reject(err ?? new Error('no stats'));
        else resolve(s);
      });
    });
    expect(stats.hasErrors() ? stats.toString('errors-only') : '').toBe('');
    return Object.fromEntries(PAGES.map((p) => [p, fs.readFileSync(path.join(out, p), 'utf8')]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every <script> tag in document order, with where it sits. */
function scripts(html: string): { tag: string; src: string; inHead: boolean }[] {
  const headEnd = html.search(/<\/head>/i);
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => ({
    tag: m[0],
    src: /\bsrc=["']?([^"'\s>]+)/i.exec(m[1] ?? '')?.[1] ?? '',
    inHead: (m.index ?? 0) < headEnd,
  }));
}

describe('the pages webpack builds', () => {
  let production: Record<string, string>;
  let development: Record<string, string>;
  let productionLocal: Record<string, string>;
  beforeAll(async () => {
    production = await buildPages(await configOf('production'));
    development = await buildPages(await configOf('development'));
    productionLocal = await buildPages(await configOf('production', { officeJs: 'local' }));
  }, 120000);

  it('load office.js from Microsoft\'s CDN in a production build, and do not ship a copy', async () => {
    for (const page of PAGES) {
      const officeJs = scripts(production[page] ?? '').filter((s) => /office\.js$/.test(s.src));
      expect({ page, officeJs: officeJs.map((s) => s.src) }).toEqual({ page, officeJs: [CDN] });
      expect(officeJs[0]?.inHead).toBe(true);
    }
    expect(copiesOfficeJs(await configOf('production'))).toBe(false);
  });

  it('load the local copy in development and with --env officeJs=local (tests, offline), and copy it then', async () => {
    for (const pages of [development, productionLocal]) {
      for (const page of PAGES) {
        const officeJs = scripts(pages[page] ?? '').filter((s) => /office\.js$/.test(s.src));
        expect({ page, officeJs: officeJs.map((s) => s.src) }).toEqual({ page, officeJs: ['office-js/office.js'] });
      }
    }
    expect(copiesOfficeJs(await configOf('development'))).toBe(true);
    expect(copiesOfficeJs(await configOf('production', { officeJs: 'local' }))).toBe(true);
    await expect(configOf('production', { officeJs: 'nearby' })).rejects.toThrow(/officeJs=local or officeJs=cdn/);
  });

  it('commands.html runs its bundle blocking, in <head>, right after office.js', () => {
    for (const html of [production['commands.html'] ?? '', development['commands.html'] ?? '']) {
      const tags = scripts(html);
      expect(tags.map((s) => s.src.replace(/\.[0-9a-f]{8}\.js$/, '.js'))).toEqual([expect.stringMatching(/office\.js$/), 'commands.js']);
      const bundle = tags[1]!;
      expect(bundle.inHead).toBe(true);
      expect(bundle.tag).not.toMatch(/\b(defer|async)\b|type=["']?module/i);
    }
  });

  it('the task pane and the dialog page load office.js before their own bundle', () => {
    for (const page of ['taskpane.html', 'notify.html']) {
      const srcs = scripts(production[page] ?? '').map((s) => s.src);
      expect(srcs[0]).toBe(CDN);
      expect(srcs.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${page.replace('.html', '')}\\.[0-9a-f]{8}\\.js$`))]);
    }
  });
});
