#!/usr/bin/env node
/*
 * Online validation of manifest.xml (or the file given) with Microsoft's service, through
 * `office-addin-manifest validate`. Needs network access: not part of CI. The offline check against
 * the XSD is test/addin/manifest.test.ts.
 *
 *   node scripts/validate-manifest.js [path/to/manifest.xml]
 */
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const manifest = path.resolve(process.argv[2] || path.join(ROOT, 'manifest.xml'));
const pkgJsonPath = require.resolve('office-addin-manifest/package.json', { paths: [ROOT] });
const pkg = require(pkgJsonPath);
const cli = path.join(path.dirname(pkgJsonPath), typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['office-addin-manifest']);

const result = spawnSync(process.execPath, [cli, 'validate', manifest], { cwd: ROOT, stdio: 'inherit' });
if (result.error) {
  console.error(`could not run office-addin-manifest: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error('\nThe online validation failed or could not reach the service (it needs network access).');
  console.error('Offline, the manifest is checked against the XSD by: npx jest test/addin/manifest.test.ts');
}
process.exit(result.status ?? 1);
