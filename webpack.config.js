/*
 * Webpack 5 build of the Excel add-in.
 *
 *   webpack --mode production          dist/ for deployment; manifest URLs rewritten to $ADDIN_URL
 *   webpack serve --mode development   https://localhost:3000 with the Office dev certificates
 *
 * Pages: taskpane.html (the task pane), commands.html (function file of the ribbon buttons),
 * notify.html (the dialog in which a ribbon command shows its result).
 *
 * office.js: a production build loads it from Microsoft's CDN (OFFICE_JS_CDN), as the Marketplace
 * requires and so that every host gets Office's fixes. Development builds and the dev server copy
 * it and its companion files from @microsoft/office-js into dist/office-js/ and load
 * office-js/office.js from the add-in's own origin, so the pages load offline; the e2e test builds
 * production with `--env officeJs=local` for the same reason.
 *
 * commands.html runs its bundle as a blocking script in <head>, right after office.js (no defer):
 * the ribbon handlers are associated as the page loads, before Office runs the first click.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { DEV_URL, resolveAddinUrl, rewriteManifestUrls } = require('./scripts/manifest-url');

const DEV_PORT = 3000;
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
/** Microsoft's hosted office.js (API 1.x, always the current build). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the pages' templates load office.js from in a local build (a path relative to the page). */
const OFFICE_JS_LOCAL = 'office-js/office.js';

/** The function file: no markup, only office.js and the commands bundle (injected after it). */
const commandsHtml = (officeJs) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=edge" />
    <title>OKR Workbook commands</title>
    <script src="${officeJs}"></script>
  </head>
  <body></body>
</html>
`;

/** The copy of office.js and its companion files into dist/office-js/ (local builds only). */
function officeJsCopy() {
  return {
    from: OFFICE_JS_DIR,
    to: 'office-js',
    // Already minified by Microsoft: copy byte for byte (Terser would rewrite 13 MB for nothing).
    info: { minimized: true },
    globOptions: {
      // Keep the release scripts office.js loads for Excel (and the common ones); leave out the
      // debug builds, the IntelliSense files and the scripts of the other Office apps.
      ignore: [
        '**/*.debug.js',
        '**/*-vsdoc.js',
        '**/*.d.ts',
        '**/access-*',
        '**/onenote*',
        '**/outlook*',
        '**/powerpoint*',
        '**/project-*',
        '**/word*',
      ],
    },
  };
}

/**
 * The Office dev certificates (~/.office-addin-dev-certs). Only called when serving:
 * getHttpsServerOptions() creates them and then tries to trust their CA, which needs sudo on Linux and
 * throws without it; the certificates exist by then, so serve with them and say how to trust the CA
 * (scripts/start.js prints the steps).
 */
async function httpsServerOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const files = { ca: 'ca.crt', cert: 'localhost.crt', key: 'localhost.key' };
    const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]));
    if (!Object.values(paths).every((p) => fs.existsSync(p))) throw error;
    console.warn(
      `[okr] The development certificate's CA could not be trusted automatically (${String(error.message).trim()}).\n` +
        `[okr] Serving with ${dir} anyway; trust ${paths.ca} in your browser (see the steps npm start prints).`,
    );
    return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'production' ? 'production' : 'development';
  const dev = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  // Fails here, before building, if ADDIN_URL is not an https URL.
  const addinUrl = dev ? DEV_URL : resolveAddinUrl(process.env);
  if (env.officeJs !== undefined && env.officeJs !== 'local' && env.officeJs !== 'cdn') {
    throw new Error(`--env officeJs=${env.officeJs}: use officeJs=local or officeJs=cdn`);
  }
  const localOfficeJs = env.officeJs ? env.officeJs === 'local' : dev;
  const officeJs = localOfficeJs ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;

  const config = {
    mode,
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/entry.ts',
      notify: './src/commands/notify.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Office and browsers cache add-in files hard: hashed names in production.
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The package engine (src/xlsx/package) renders the next quarter's workbook in the pane too: its
      // Node-only fast paths (zlib) and the Node password hash (crypto) are left out of the browser
      // bundle, where JSZip's own deflate and Web Crypto (src/xlsx/web-password.ts) do that work.
      fallback: { zlib: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // Type errors are `npm run typecheck`'s job; the bundle only needs the JavaScript.
              transpileOnly: true,
              // ES modules for webpack (tree shaking of Fluent UI); tsconfig.json stays CommonJS for jest and the CLI.
              compilerOptions: { module: 'es2020', moduleResolution: 'node', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      // The CSV and XLSX readers use Node's Buffer; the browser gets the npm 'buffer' package.
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        templateParameters: { officeJs },
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        templateContent: commandsHtml(officeJs),
        chunks: ['commands'],
        // A blocking <script> at the end of <head>, after office.js: see the top of this file.
        inject: 'head',
        scriptLoading: 'blocking',
      }),
      new HtmlWebpackPlugin({
        filename: 'notify.html',
        template: './src/commands/notify.html',
        templateParameters: { officeJs },
        chunks: ['notify'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: {
              transformer: (content) => (dev ? content : Buffer.from(rewriteManifestUrls(content.toString('utf8'), addinUrl))),
              cache: { keys: { addinUrl } },
            },
          },
          ...(localOfficeJs ? [officeJsCopy()] : []),
        ],
      }),
    ],
    performance: {
      // office-js/ is copied, not bundled; only our own bundles are worth a size warning.
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith('office-js/'),
      maxAssetSize: 2 * 1024 * 1024,
      maxEntrypointSize: 2 * 1024 * 1024,
    },
    devServer: {
      port: DEV_PORT,
      static: false, // everything is served from the build (bundles, pages, copied assets)
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { warnings: false } },
    },
  };

  if (serving) {
    config.devServer.server = { type: 'https', options: await httpsServerOptions() };
  }
  return config;
};
