import { spawnSync } from 'child_process';
import * as path from 'path';

/**
 * The layering rules of eslint.config.js (boundaries()) really fail: ESLint runs on a small src/ tree
 * under test/lint/fixtures/ holding one of each mistake — a run-time cycle, a cycle closed by a type-only
 * import, imports against the direction (a type import among them), office importing xlsx, a task pane
 * component importing src/office, exceljs outside src/xlsx, the Excel global in templates — next to
 * allowed imports of each kind, which must stay silent. ESLint runs as its own process, as in
 * eslint.test.ts.
 */
const root = path.resolve(__dirname, '../..');
const fixtures = path.join(__dirname, 'fixtures');

interface Message {
  line: number;
  ruleId: string | null;
  message: string;
  severity: number;
}

let found: { where: string; message: string }[] = [];

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), 'src', '--format', 'json'], {
    cwd: fixtures,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (!r.stdout) throw new Error(`eslint printed nothing (exit ${r.status}): ${r.stderr}`);
  const results = JSON.parse(r.stdout) as { filePath: string; messages: Message[] }[];
  found = results.flatMap((f) =>
    f.messages.map((m) => ({
      where: `${path.relative(fixtures, f.filePath)}:${m.line} ${m.ruleId ?? '(fatal)'}${m.severity === 2 ? '' : ' (warning)'}`,
      message: m.message,
    })),
  );
}, 300_000);

it('reports exactly the deliberate mistakes, and nothing in the allowed files', () => {
  expect(found.map((f) => f.where).sort()).toEqual(
    [
      'src/domain/a.ts:2 import-x/no-cycle',
      'src/domain/b.ts:1 import-x/no-cycle',
      'src/domain/messages.ts:2 layers/no-type-import-cycle',
      'src/domain/rules/types.ts:1 layers/no-type-import-cycle',
      'src/domain/upward.ts:2 import-x/no-restricted-paths',
      'src/domain/upward.ts:3 import-x/no-restricted-paths',
      'src/app/port.ts:2 no-restricted-imports',
      'src/office/run.ts:3 import-x/no-restricted-paths',
      'src/taskpane/Pane.tsx:2 import-x/no-restricted-paths',
      'src/templates/sheet.ts:2 no-restricted-globals',
    ].sort(),
  );
});

it('names the cycle and the broken direction', () => {
  const at = (where: string): string => found.find((f) => f.where.startsWith(where))?.message ?? '(none)';
  expect(at('src/domain/messages.ts:2')).toBe('Import cycle through type-only imports: domain/messages.ts → domain/rules/types.ts → domain/messages.ts');
  expect(at('src/domain/upward.ts:3')).toContain('"../app/port"'); // an `import type` counts
  expect(at('src/domain/upward.ts:3')).toContain('src/domain may import only from src/domain');
  expect(at('src/office/run.ts:3')).toContain('"../xlsx/file"');
  expect(at('src/taskpane/Pane.tsx:2')).toContain('only src/taskpane/index.tsx wires src/office in');
  expect(at('src/app/port.ts:2')).toContain('only src/xlsx imports exceljs');
});
