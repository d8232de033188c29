#!/usr/bin/env node
/*
 * Run by `npm test` before jest: the system programs the tests need.
 *
 *   LibreOffice Calc (soffice)  libreoffice-calc-nogui  recalculates generated workbooks
 *   pdftoppm                    poppler-utils           renders them to PNG
 *   CJK fonts                   fonts-noto-cjk          Chinese text in the renders
 *   Chromium (/usr/bin/chromium) chromium               the task pane's browser tests
 *   xmllint                     libxml2-utils           the manifest against its XSD by hand (shared/schemas)
 *
 * All present: prints nothing, exits 0. Something missing:
 *   - as root on Debian: `apt-get update`, then `apt-get install` of the missing packages (once
 *     retried after 15 s, as .ci/run does), checks again;
 *   - elsewhere: prints exactly what to install and exits 1.
 * OKR_TEST_PREREQS=skip skips the check (the tests needing a missing program then skip with a
 * warning outside CI, and fail under CI=true).
 *
 * `node scripts/test-prereqs.js --list` prints the Debian package names (used by .ci/run).
 */
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/** Same path as test/e2e: Debian's Chromium. */
const CHROMIUM = '/usr/bin/chromium';

function onPath(cmd) {
  if (cmd.includes(path.sep)) return isExecutable(cmd);
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && isExecutable(path.join(dir, cmd)));
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function hasCjkFont() {
  if (!onPath('fc-list')) return false;
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

const PREREQS = [
  {
    what: 'LibreOffice Calc (soffice, or $SOFFICE)',
    pkg: 'libreoffice-calc-nogui',
    present: () => onPath(process.env.SOFFICE ? process.env.SOFFICE : 'soffice'),
  },
  { what: 'pdftoppm (poppler)', pkg: 'poppler-utils', present: () => onPath('pdftoppm') },
  { what: 'CJK fonts (fc-list :lang=zh)', pkg: 'fonts-noto-cjk', present: hasCjkFont },
  { what: `Chromium at ${CHROMIUM}`, pkg: 'chromium', present: () => isExecutable(CHROMIUM) },
  { what: 'xmllint', pkg: 'libxml2-utils', present: () => onPath('xmllint') },
];

function missing() {
  return PREREQS.filter((p) => !p.present());
}

function aptInstall(pkgs) {
  // apt's output goes to stderr: stdout may be jest's (`npm test -- --json`).
  const opts = { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  const run = (args) => spawnSync('apt-get', args, opts).status === 0;
  return run(['update', '-q']) && run(['install', '-y', '-q', '--no-install-recommends', ...pkgs]);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function main() {
  if (process.argv.includes('--list')) {
    process.stdout.write(`${PREREQS.map((p) => p.pkg).join(' ')}\n`);
    return 0;
  }
  if (process.env.OKR_TEST_PREREQS === 'skip') return 0;
  let absent = missing();
  if (absent.length === 0) return 0;

  const pkgs = absent.map((p) => p.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = fs.existsSync('/etc/debian_version');
  const err = (line) => process.stderr.write(`[test-prereqs] ${line}\n`);

  if (isRoot && isDebian) {
    err(`missing: ${absent.map((p) => p.what).join(', ')}`);
    err(`apt-get install ${pkgs.join(' ')} ...`);
    if (!aptInstall(pkgs)) {
      err('apt-get failed; retrying once in 15 s');
      sleep(15_000);
      aptInstall(pkgs);
    }
    absent = missing();
    if (absent.length === 0) return 0;
    err(`still missing after apt-get: ${absent.map((p) => p.what).join(', ')}`);
    return 1;
  }

  err('the tests need programs that are not installed:');
  for (const p of absent) err(`  - ${p.what}   (Debian/Ubuntu package: ${p.pkg})`);
  err('Install them, on Debian 12 as root:');
  err(`  apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(' ')}`);
  err(`(not done here: ${isDebian ? 'not root' : 'not Debian'}). On other systems install the same programs`);
  err('(LibreOffice, poppler, Noto CJK fonts, Chromium at /usr/bin/chromium, xmllint),');
  err('or run OKR_TEST_PREREQS=skip npm test to run the tests without them (the ones needing them skip; under CI=true they fail).');
  return 1;
}

process.exitCode = main();
