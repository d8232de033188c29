#!/usr/bin/env node
// Renders every visible sheet of the example workbook, in zh-CN and en-US, through LibreOffice to
// test-output/render-<lang>/page-NN.png (as each sheet prints: A4 landscape, one page wide), to look at.
// Usage: npm run build:cli && node scripts/render-sheets.js
const path = require('path');
const fs = require('fs');
const os = require('os');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
for (const lang of ['zh-CN', 'en-US']) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `okr-sheets-${lang}-`));
  const book = path.join(tmp, 'example.xlsx');
  execFileSync('node', [path.join(root, 'bin/okr-workbook.js'), 'new', '--org', 'examples/org.csv', '--okrs', 'examples/okrs.csv', '--cycle', '2026-Q4', '--lang', lang, '--out', book], { cwd: root, stdio: 'ignore' });
  execFileSync('soffice', [`-env:UserInstallation=file://${tmp}/profile`, '--headless', '--norestore', '--convert-to', 'pdf:calc_pdf_Export', '--outdir', tmp, book], { stdio: 'ignore' });
  const out = path.join(root, 'test-output', `render-${lang}`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  execFileSync('pdftoppm', ['-r', '60', '-png', path.join(tmp, 'example.pdf'), path.join(out, 'page')]);
  const info = execFileSync('pdfinfo', [path.join(tmp, 'example.pdf')]).toString();
  process.stdout.write(`${out}: ${/Pages:\s+(\d+)/.exec(info)[1]} pages\n`);
}
