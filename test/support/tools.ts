/**
 * Gating for tests that need a system program (LibreOffice, pdftoppm, Chromium).
 *
 * - The program is there: the test runs.
 * - It is missing under CI (CI=true, as .ci/run sets): the test FAILS, saying what to install. It never
 *   skips there: a skipped engine test on CI would hide that nothing was proved.
 * - It is missing elsewhere: the test is skipped, with a loud warning once per program and test file.
 *
 * `npm test` runs scripts/test-prereqs.js first, which installs the programs (root on Debian) or says
 * what to install, so a skip here only happens with OKR_TEST_PREREQS=skip or a direct `jest` run.
 */
import * as path from 'path';
import { isExecutable } from './executable';

export { isExecutable };

export type Tool = 'soffice' | 'pdftoppm' | 'chromium';

/** Debian's Chromium, the one test/e2e drives. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** CI=true (or any value but "", "0", "false"). */
export const onCI = ((v) => v !== '' && v !== '0' && v !== 'false')((process.env.CI ?? '').trim().toLowerCase());

const INSTALL: Record<Tool, string> = {
  soffice: 'LibreOffice Calc (soffice on PATH or $SOFFICE): apt-get install libreoffice-calc-nogui',
  pdftoppm: 'pdftoppm: apt-get install poppler-utils',
  chromium: `Chromium at ${CHROMIUM_PATH}: apt-get install chromium`,
};

function onPath(cmd: string): boolean {
  if (cmd.includes(path.sep)) return isExecutable(cmd);
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir.length > 0 && isExecutable(path.join(dir, cmd)));
}

export function toolPresent(tool: Tool): boolean {
  switch (tool) {
    case 'soffice':
      return onPath(process.env.SOFFICE && process.env.SOFFICE.length > 0 ? process.env.SOFFICE : 'soffice');
    case 'pdftoppm':
      return onPath('pdftoppm');
    case 'chromium':
      return isExecutable(CHROMIUM_PATH);
  }
}

export function missingMessage(tool: Tool): string {
  return `${INSTALL[tool]} is missing${onCI ? ' and CI=true: the tests that need it FAIL, they never skip on CI' : ''}`;
}

const warned = new Set<Tool>();
function warnSkipped(tool: Tool): void {
  if (warned.has(tool)) return;
  warned.add(tool);
  console.warn(`\n!!! ${missingMessage(tool)}: the tests that need it are SKIPPED (outside CI only) !!!\n`);
}

/**
 * Whether code that needs `tool` should run: true when it is present, and under CI also when it is
 * missing (the code then fails on the missing program). Outside CI a missing tool warns and gives false.
 */
export function runWith(tool: Tool): boolean {
  if (toolPresent(tool) || onCI) return true;
  warnSkipped(tool);
  return false;
}

/** `it` for a test that needs `tool`: runs, fails on CI when missing, or skips loudly elsewhere. */
export function itWith(tool: Tool): jest.It {
  if (toolPresent(tool)) return it;
  if (!onCI) {
    warnSkipped(tool);
    return it.skip;
  }
  const failing = (name: string, _fn?: jest.ProvidesCallback, timeout?: number): void => {
    it(name, () => {
      throw new Error(missingMessage(tool));
    }, timeout);
  };
  return failing as unknown as jest.It;
}

/** `describe` for a block whose tests need `tool`: as itWith, for every test in the block. */
export function describeWith(tool: Tool): jest.Describe {
  if (toolPresent(tool)) return describe;
  if (!onCI) {
    warnSkipped(tool);
    return describe.skip;
  }
  const failing = (name: string, fn: () => void): void => {
    describe(name, () => {
      beforeAll(() => {
        throw new Error(missingMessage(tool));
      });
      fn();
    });
  };
  return failing as unknown as jest.Describe;
}
