/*
 * Bundle of the browser e2e harness (test/e2e/harness.ts): the in-memory Excel and an inspection
 * API, loaded by the e2e test server before the task pane bundle. Not part of the add-in build.
 *
 *   webpack --config webpack.e2e.config.js --output-path <dir>    → <dir>/harness.js
 */
'use strict';

const path = require('path');

module.exports = {
  mode: 'development',
  target: 'web',
  devtool: false,
  entry: { harness: './test/e2e/harness.ts' },
  output: {
    path: path.resolve(__dirname, 'test-output/e2e-harness'),
    filename: '[name].js',
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            configFile: path.resolve(__dirname, 'tsconfig.json'),
            transpileOnly: true,
            compilerOptions: { module: 'es2020', moduleResolution: 'node', sourceMap: false },
          },
        },
      },
    ],
  },
  performance: { hints: false },
};
