#!/usr/bin/env node
/*
 * npm start: builds in development mode and serves the add-in on https://localhost:3000
 * (webpack serve), then
 *   - Windows / macOS: sideloads manifest.xml into desktop Excel with office-addin-debugging
 *     (and removes it again on Ctrl+C);
 *     office-addin-debugging is NOT a dependency of the project: through office-addin-dev-settings and
 *     @microsoft/m365agentstoolkit-cli it pulls in keytar, a native module that needs libsecret and a
 *     compiler on Linux, where `npm ci` would then fail. It is used from node_modules if someone
 *     installed it there (`npm install --no-save office-addin-debugging@<pin>`), otherwise fetched and
 *     run, pinned, with `npm exec` (once; npm caches it) -- only on Windows/macOS, only by `npm start`;
 *   - Linux (no desktop Excel), or with --web: keeps serving and prints, step by step, how to trust
 *     the development certificate and upload manifest.xml into Excel on the web.
 *
 * Options: --web (do not sideload into desktop Excel; print the Excel-on-the-web steps).
 */
'use strict';

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const https = require('https');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const PORT = 3000;
const PANE_URL = `https://localhost:${PORT}/taskpane.html`;
const CA_PATH = path.join(os.homedir(), '.office-addin-dev-certs', 'ca.crt');
const READY_TIMEOUT_MS = 5 * 60 * 1000;
/** The office-addin-debugging that `npm start` uses when node_modules has none (see the header). */
const ADDIN_DEBUGGING = 'office-addin-debugging@6.1.2';

const webOnly = process.argv.includes('--web');
const desktop = !webOnly && (process.platform === 'win32' || process.platform === 'darwin');

function binOf(pkg, bin) {
  // node <the package's CLI file>: no shell, same on every platform.
  const pkgJsonPath = require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
  const pkgJson = require(pkgJsonPath);
  const rel = typeof pkgJson.bin === 'string' ? pkgJson.bin : pkgJson.bin[bin];
  return path.join(path.dirname(pkgJsonPath), rel);
}

/** npm's own CLI file: npm sets npm_execpath for `npm start`; else the npm shipped beside node. */
function npmCli() {
  const candidates = [
    process.env.npm_execpath,
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js'), // Windows
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'), // Unix
  ];
  return candidates.find((p) => p && /npm-cli\.js$/.test(p) && fs.existsSync(p)) ?? null;
}

/**
 * How to run office-addin-debugging with `args`: [file, argv] for spawnSync, or null (with the reason
 * logged) when it is neither installed nor fetchable with npm exec.
 */
function addinDebugging(args) {
  try {
    return [process.execPath, [binOf('office-addin-debugging', 'office-addin-debugging'), ...args]];
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
  }
  const npm = npmCli();
  if (!npm) {
    log(`office-addin-debugging is not installed and npm was not found to fetch it: npm install --no-save ${ADDIN_DEBUGGING}`);
    return null;
  }
  log(`office-addin-debugging is not in node_modules (not a dependency: see scripts/start.js); running ${ADDIN_DEBUGGING} with npm exec (the first time it downloads it) ...`);
  return [process.execPath, [npm, 'exec', '--yes', `--package=${ADDIN_DEBUGGING}`, '--', 'office-addin-debugging', ...args]];
}

function log(line) {
  process.stdout.write(`[okr] ${line}\n`);
}

/** Resolves once the dev server answers PANE_URL with 200 (certificate not checked: it may not be trusted yet). */
function waitForServer(deadline) {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = https.get(PANE_URL, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry(new Error(`HTTP ${res.statusCode}`));
      });
      req.on('error', retry);
      req.on('timeout', () => req.destroy(new Error('timeout')));
    };
    const retry = (error) => {
      if (Date.now() > deadline) reject(new Error(`${PANE_URL} did not answer: ${error.message}`));
      else setTimeout(attempt, 1000);
    };
    attempt();
  });
}

function webInstructions() {
  const manifest = MANIFEST;
  return `
================================================================================
 OKR Workbook is being served at ${PANE_URL}
 Manifest: ${manifest}
================================================================================
${desktop ? '' : `Desktop Excel does not run on ${process.platform === 'linux' ? 'Linux' : 'this system'}: use Excel on the web.\n`}
1. Trust the development certificate (once per machine and browser)
   Its certificate authority is ${CA_PATH}
   (created by office-addin-dev-certs when the server started).
   - Chrome, Edge or Chromium on Linux (they read the NSS database, not the system store):
       sudo apt-get install libnss3-tools     # provides certutil
       certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Developer CA for Microsoft Office Add-ins" -i ${CA_PATH}
     or: Settings > Privacy and security > Security > Manage certificates > Authorities > Import,
         choose ca.crt, tick "Trust this certificate for identifying websites".
   - Firefox: Settings > Privacy & Security > Certificates > View Certificates... > Authorities >
     Import..., choose ca.crt, tick "Trust this CA to identify websites".
   - Windows: double-click ca.crt > Install Certificate > Current User >
     "Trusted Root Certification Authorities".  macOS: open ca.crt in Keychain Access, set "Always Trust".
   Restart the browser, then open ${PANE_URL} :
   it must open WITHOUT a certificate warning (otherwise the add-in stays blank in Excel).

2. Open Excel on the web: https://www.office.com > Excel, and open or create a workbook
   (it lives in OneDrive or SharePoint).

3. Upload the manifest:
   Home > Add-ins > More Add-ins (or Advanced...) > MY ADD-INS > Upload My Add-in
   (older ribbon: Insert > Add-ins > Office Add-ins > MY ADD-INS > Manage My Add-ins > Upload My Add-in)
   > Browse... > choose ${manifest} > Upload.

4. The Home tab now has an "OKR" group: Open OKR pane, Validate, Quarter scoring.
   Code changes reload by themselves. After changing manifest.xml, clear the browser's cache and
   upload the manifest again.

中文步骤
1. 信任开发证书（每台电脑、每个浏览器一次）：证书颁发机构文件是 ${CA_PATH}
   - Linux 上的 Chrome / Edge / Chromium：用上面的 certutil 命令导入，或
     设置 > 隐私和安全 > 安全 > 管理证书 > 授权机构 > 导入，勾选“信任该证书，以标识网站”。
   - Firefox：设置 > 隐私与安全 > 证书 > 查看证书 > 证书颁发机构 > 导入，勾选“信任由此证书颁发机构来标识网站”。
   重启浏览器，打开 ${PANE_URL} ，不应再出现证书警告。
2. 打开 Excel 网页版（https://www.office.com > Excel），打开或新建一个工作簿（保存在 OneDrive 或 SharePoint）。
3. 上传清单：开始 > 加载项 > 更多加载项（或“高级”）> 我的加载项 > 上传我的加载项
   （旧版功能区：插入 > 加载项 > Office 加载项 > 我的加载项 > 管理我的加载项 > 上传我的加载项）
   > 浏览 > 选择 ${manifest} > 上传。
4. “开始”选项卡上出现“OKR”组：打开OKR面板、校验、季度评分。
   修改 manifest.xml 后，请清除浏览器缓存并重新上传清单。

Press Ctrl+C to stop the server.  按 Ctrl+C 停止服务。
`;
}

function main() {
  log(`building (development) and serving on https://localhost:${PORT} ...`);
  const server = spawn(
    process.execPath,
    [binOf('webpack-cli', 'webpack-cli'), 'serve', '--mode', 'development', '--config', path.join(ROOT, 'webpack.config.js')],
    { cwd: ROOT, stdio: 'inherit' },
  );

  let sideloaded = false;
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    if (sideloaded) {
      log('removing the sideloaded add-in (office-addin-debugging stop) ...');
      const command = addinDebugging(['stop', MANIFEST]);
      if (command) spawnSync(command[0], command[1], { cwd: ROOT, stdio: 'inherit' });
    }
    if (server.exitCode === null) server.kill('SIGTERM');
    process.exitCode = code;
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  server.on('exit', (code, signal) => {
    if (!stopping) {
      log(`the dev server stopped (${signal ?? `exit code ${code}`}).`);
      stop(code ?? 1);
    }
  });

  waitForServer(Date.now() + READY_TIMEOUT_MS).then(
    () => {
      if (stopping) return;
      log(`serving ${PANE_URL}`);
      if (!desktop) {
        process.stdout.write(webInstructions());
        return;
      }
      log('sideloading manifest.xml into desktop Excel (office-addin-debugging start) ...');
      const command = addinDebugging(['start', MANIFEST, 'desktop', '--app', 'excel', '--dev-server-port', String(PORT)]);
      const result = command ? spawnSync(command[0], command[1], { cwd: ROOT, stdio: 'inherit' }) : { status: null };
      if (result.status === 0) {
        sideloaded = true;
        log('Excel should open with the add-in (Home > OKR). Ctrl+C stops the server and removes the add-in.');
      } else {
        log(`sideloading into desktop Excel failed; the server keeps running. To install the tool once: npm install --no-save ${ADDIN_DEBUGGING}. Or use Excel on the web:`);
        process.stdout.write(webInstructions());
      }
    },
    (error) => {
      log(error.message);
      stop(1);
    },
  );
}

if (require.main === module) main();
else module.exports = { addinDebugging, ADDIN_DEBUGGING };
