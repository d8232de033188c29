/**
 * The function file's entry (src/commands/entry.ts) associates every ribbon command at its top
 * level, while Office.onReady has not resolved yet: a handler associated inside onReady can be
 * missing when Office runs the first click (office-js issue #2744, the "two clicks" bug).
 */
import { COMMAND_IDS } from '../../src/commands/ids';

describe('commands entry', () => {
  const saved = (globalThis as { Office?: unknown }).Office;
  afterEach(() => {
    (globalThis as { Office?: unknown }).Office = saved;
  });

  it('associates every command id as the script runs, before Office is ready, and never reads Office.context then', () => {
    const associated: string[] = [];
    const contextReads: string[] = [];
    const office = {
      onReady: () => new Promise(() => undefined), // not ready during this test
      actions: { associate: (id: string) => associated.push(id) },
      get context(): unknown {
        contextReads.push('context');
        return undefined;
      },
    };
    (globalThis as { Office?: unknown }).Office = office;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/commands/entry');
    });
    expect(associated.sort()).toEqual(Object.values(COMMAND_IDS).sort());
    expect(contextReads).toEqual([]);
  });
});
