import { spawnSync } from 'child_process';
import * as path from 'path';

/**
 * The shipped code passes the lint: Microsoft's Office add-in rules (load before read, sync before
 * read, no sync in a loop, isNullObject checks), type-aware promise rules, no `any`, no network calls.
 * ESLint runs as its own process (its config loader needs ES modules, which jest's VM lacks).
 */
it('src/ has no lint errors', () => {
  const root = path.resolve(__dirname, '../..');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), 'src', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const results = JSON.parse(r.stdout) as { filePath: string; messages: { severity: number; line: number; ruleId: string; message: string }[] }[];
  const problems = results.flatMap((f) => f.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(root, f.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
  expect(results.length).toBeGreaterThan(50);
  expect(problems).toEqual([]);
}, 300_000);
