#!/usr/bin/env node
// Renders one card of the example workbook to assets/card-example.png through LibreOffice, for the
// README. Usage: npm run build:cli && node scripts/render-card.js [sheet name]
const path = require('path');
const fs = require('fs');
const os = require('os');
const { execFileSync } = require('child_process');
const ExcelJS = require('exceljs');

async function main() {
  const root = path.resolve(__dirname, '..');
  const sheet = process.argv[2] || '个人-刘洋';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-render-'));
  const book = path.join(tmp, 'example.xlsx');
  execFileSync('node', [path.join(root, 'bin/okr-workbook.js'), 'new', '--org', 'examples/org.csv', '--okrs', 'examples/okrs.csv', '--cycle', '2026-Q4', '--out', book], { cwd: root, stdio: 'inherit' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  // Only the chosen card prints: every other sheet is hidden (the settings sheet must stay for the names).
  for (const ws of wb.worksheets) if (ws.name !== sheet) ws.state = 'hidden';
  const idx = wb.worksheets.findIndex((ws) => ws.name === sheet);
  wb.views = [{ activeTab: idx, firstSheet: idx, visibility: 'visible', x: 0, y: 0, width: 20000, height: 12000 }];
  await wb.xlsx.writeFile(book);
  const profile = path.join(tmp, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user/registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`);
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf:calc_pdf_Export', '--outdir', tmp, book], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-r', '250', '-x', '170', '-y', '215', '-W', '2540', '-H', '560', '-png', '-f', '1', '-l', '1', '-singlefile', path.join(tmp, 'example.pdf'), path.join(root, 'assets/card-example')]);
  process.stdout.write(`assets/card-example.png (${sheet})\n`);
}
main().catch((e) => { process.stderr.write(`${e.stack || e}\n`); process.exit(1); });
