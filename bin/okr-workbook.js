#!/usr/bin/env node
// The command line runs the compiled TypeScript in build/ (made by `npm ci` through the prepare script).
const { main, endQuietlyOnClosedPipe } = require('../build/cli/main.js');
endQuietlyOnClosedPipe();
main(process.argv).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`${(e && e.stack) || e}\n`); process.exitCode = 3; },
);
