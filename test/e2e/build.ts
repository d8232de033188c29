/**
 * Builds what the e2e test serves: the production build of the add-in (webpack.config.js,
 * --mode production, into a temporary directory instead of dist/) and the harness bundle
 * (webpack.e2e.config.js), each as a child process (the test starts them in parallel).
 */
import { spawn } from 'child_process';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../..');
const WEBPACK = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');

function webpack(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WEBPACK, ...args], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`webpack ${args.join(' ')} exited with ${code}:\n${out.slice(-4000)}`));
    });
  });
}

/** The add-in's production build (webpack.config.js, --mode production, office.js local) into `distDir`. */
export function buildProduction(distDir: string): Promise<void> {
  // office.js from the package, as development builds have it: the test runs offline (webpack.config.js).
  return webpack(['--mode', 'production', '--env', 'officeJs=local', '--output-path', distDir]);
}

/** The harness bundle (webpack.e2e.config.js) into `harnessDir`; returns the path of harness.js. */
export async function buildHarness(harnessDir: string): Promise<{ harnessFile: string }> {
  await webpack(['--config', path.join(ROOT, 'webpack.e2e.config.js'), '--output-path', harnessDir]);
  return { harnessFile: path.join(harnessDir, 'harness.js') };
}
