'use strict';
/**
 * require('@okr-workbook/fake-excel'). The package is its TypeScript sources (src/), compiled by
 * whoever uses it: ts-jest in the root jest run, tsc (tsconfig.json type-checks src/ and test/ here),
 * webpack's ts-loader for the browser entry (@okr-workbook/fake-excel/browser → src/browser.ts).
 * Plain Node cannot load .ts (the compiled bench, build-bench/, requires this package by name), so
 * there this package's .ts files are transpiled on require with the TypeScript compiler: types
 * erased, no type check. Under jest `require.extensions` is empty and jest compiles them itself.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node entry */

const path = require('path');

function registerTypeScript() {
  const fs = require('fs');
  const ts = require('typescript');
  const own = __dirname + path.sep;
  const js = require.extensions['.js'];
  require.extensions['.ts'] = (module, filename) => {
    if (!filename.startsWith(own)) return js(module, filename);
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
        esModuleInterop: true,
        inlineSourceMap: true,
      },
    });
    module._compile(outputText, filename);
  };
}

if (require.extensions && require.extensions['.js'] && !require.extensions['.ts']) registerTypeScript();

module.exports = require('./src/index');
