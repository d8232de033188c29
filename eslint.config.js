// Lint: typescript-eslint (type-aware for src/) and Microsoft's Office add-in rules on the code that
// talks to Excel, so a read before load/sync or a sync inside a loop fails the build; and the layers
// of src/ (see boundaries() below), so an import cycle or an import against the direction fails too.
const path = require('path');
const ts = require('typescript');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const importX = require('eslint-plugin-import-x');

// ---- layers ---------------------------------------------------------------------------------------
//
// Lowest first; a file may import from its own layer and the ones listed for it, type imports included.
//   domain <- i18n <- io, templates <- app <- xlsx, office (adapters) <- cli, taskpane, commands (front ends)
// io and templates do not import each other (neither does today). Only src/xlsx imports exceljs and
// jszip; src/office never imports src/xlsx; React components in src/taskpane get their actions as props
// and do not import src/office (only the entry, src/taskpane/index.tsx, wires them).
const LAYERS = {
  domain: [],
  i18n: ['domain'],
  io: ['domain', 'i18n'],
  templates: ['domain', 'i18n'],
  app: ['domain', 'i18n', 'io', 'templates'],
  xlsx: ['domain', 'i18n', 'io', 'templates', 'app'],
  office: ['domain', 'i18n', 'io', 'templates', 'app'],
  cli: ['domain', 'i18n', 'io', 'templates', 'app', 'xlsx', 'office', 'taskpane', 'commands'],
  taskpane: ['domain', 'i18n', 'io', 'templates', 'app', 'xlsx', 'office', 'cli', 'commands'],
  commands: ['domain', 'i18n', 'io', 'templates', 'app', 'xlsx', 'office', 'cli', 'taskpane'],
};
/** Folders whose code must not touch the Office.js globals (src/office and the front ends may). */
const NO_OFFICE_GLOBALS = ['domain', 'i18n', 'io', 'templates', 'app', 'xlsx', 'cli'];
/** No network calls anywhere in src/: the rule as the main block sets it; the pure layers add Office's globals to it. */
const NO_NETWORK = {
  'no-restricted-globals': ['error',
    { name: 'fetch', message: 'No network calls: the workbook is the single source of truth.' },
    { name: 'XMLHttpRequest', message: 'No network calls.' },
  ],
};
const NETWORK_GLOBALS = NO_NETWORK['no-restricted-globals'].slice(1);
const OFFICE_GLOBALS = ['Excel', 'Office', 'OfficeExtension'].map((name) => ({
  name,
  message: 'Office.js is used in src/office (and by the front ends that start it) only: pass what is needed in, through src/app.',
}));

/**
 * The import cycles that exist only through type-only imports (`import type`, `import { type X }`,
 * `export type … from`): import-x/no-cycle skips those on purpose (they vanish at run time), but a
 * cycle is a cycle for the layering, so they are reported here. The module graph is TypeScript's own
 * (its resolver, its syntax tree of the program typescript-eslint already built), kept per program.
 */
const typeCycleRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow import cycles closed by type-only imports (import-x/no-cycle ignores those).' },
    schema: [{ type: 'object', properties: { under: { type: 'string' } }, required: ['under'], additionalProperties: false }],
    messages: { cycle: 'Import cycle through type-only imports: {{route}}' },
  },
  create(context) {
    const program = context.sourceCode.parserServices && context.sourceCode.parserServices.program;
    if (!program) return {};
    const under = path.resolve(context.options[0].under);
    const graph = moduleGraph(program, under);
    const file = path.resolve(context.physicalFilename);
    const own = graph.edges.get(file);
    if (!own) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      for (const edge of own) {
        if (edge.spec !== node.source.value) continue;
        const route = graph.typeClosed(file, edge.to);
        if (route) context.report({ node, messageId: 'cycle', data: { route: route.map((f) => path.relative(under, f)).join(' → ') } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const graphs = new WeakMap();
function moduleGraph(program, under) {
  const cached = graphs.get(program);
  if (cached && cached.under === under) return cached;
  const options = program.getCompilerOptions();
  const cache = ts.createModuleResolutionCache(program.getCurrentDirectory(), (f) => f, options);
  const inside = (f) => !path.relative(under, f).startsWith('..');
  /** file -> [{ spec, to, typeOnly }] */
  const edges = new Map();
  for (const sf of program.getSourceFiles()) {
    const from = path.resolve(sf.fileName);
    if (sf.isDeclarationFile || !inside(from)) continue;
    const out = [];
    for (const st of sf.statements) {
      const spec = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : null;
      if (spec === null) continue;
      let typeOnly;
      if (ts.isImportDeclaration(st)) {
        const clause = st.importClause;
        const named = clause && clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
        typeOnly = Boolean(clause) && (clause.isTypeOnly || (!clause.name && named !== null && named.length > 0 && named.every((e) => e.isTypeOnly)));
      } else if (ts.isExportDeclaration(st)) {
        const named = st.exportClause && ts.isNamedExports(st.exportClause) ? st.exportClause.elements : null;
        typeOnly = st.isTypeOnly || (named !== null && named.length > 0 && named.every((e) => e.isTypeOnly));
      } else continue;
      const resolved = ts.resolveModuleName(spec, sf.fileName, options, ts.sys, cache).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const to = path.resolve(resolved.resolvedFileName);
      if (inside(to)) out.push({ spec, to, typeOnly });
    }
    edges.set(from, out);
  }
  const all = components(edges, () => true);
  const values = components(edges, (e) => !e.typeOnly);
  const graph = {
    under,
    edges,
    /** For an edge from -> to that closes a cycle only with type imports: the cycle, else null. */
    typeClosed(from, to) {
      if (all.get(from) !== all.get(to)) return null;
      if (from !== to && values.get(from) === values.get(to)) return null; // a run-time cycle: import-x/no-cycle's
      return shortestPath(edges, to, from, (f) => all.get(f) === all.get(from), [from]);
    },
  };
  graphs.set(program, graph);
  return graph;
}

/** Strongly connected components (Tarjan), over the edges that `keep`: file -> component id. */
function components(edges, keep) {
  const index = new Map();
  const low = new Map();
  const comp = new Map();
  const stack = [];
  const onStack = new Set();
  let counter = 0;
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const e of edges.get(v) || []) {
      if (!keep(e) || !edges.has(e.to)) continue;
      if (!index.has(e.to)) {
        visit(e.to);
        low.set(v, Math.min(low.get(v), low.get(e.to)));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v), index.get(e.to)));
    }
    if (low.get(v) === index.get(v)) {
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        comp.set(w, v);
      } while (w !== v);
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return comp;
}

/** Breadth-first path start -> goal over files that `allowed`, prefixed with `prefix`. */
function shortestPath(edges, start, goal, allowed, prefix) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    if (v === goal) {
      const route = [];
      for (let f = v; f !== null; f = previous.get(f)) route.unshift(f);
      return [...prefix, ...route];
    }
    for (const e of edges.get(v) || []) {
      if (!previous.has(e.to) && allowed(e.to)) {
        previous.set(e.to, v);
        queue.push(e.to);
      }
    }
  }
  return null;
}

/**
 * The layering of `<root>/src` as ESLint config objects (also used by test/lint/boundaries.test.ts on
 * its fixture tree): import-x/no-restricted-paths for the direction, import-x/no-cycle and
 * layers/no-type-import-cycle for cycles, no-restricted-imports for exceljs/jszip, and
 * no-restricted-globals for the Office.js globals.
 */
function boundaries(root) {
  const src = (folder) => `./src/${folder}`;
  const zones = Object.entries(LAYERS).map(([layer, allowed]) => ({
    target: src(layer),
    from: './src',
    except: [layer, ...allowed].map((f) => `./${f}`),
    message: `src/${layer} may import only from ${[layer, ...allowed].map((f) => `src/${f}`).join(', ')} (layers: domain <- i18n <- io, templates <- app <- xlsx, office <- cli, taskpane, commands).`,
  }));
  zones.push(
    {
      target: `${src('taskpane')}/**/!(index.tsx)`,
      from: src('office'),
      message: 'task pane components get their Office actions as props; only src/taskpane/index.tsx wires src/office in.',
    },
  );
  const files = ['src/**/*.ts', 'src/**/*.tsx'];
  return [
    {
      files,
      plugins: { 'import-x': importX, layers: { rules: { 'no-type-import-cycle': typeCycleRule } } },
      settings: {
        'import-x/extensions': ['.ts', '.tsx', '.js'],
        'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
        'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      },
      rules: {
        'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
        'import-x/no-cycle': 'error',
        'layers/no-type-import-cycle': ['error', { under: path.join(root, 'src') }],
        'no-restricted-imports': ['error', {
          paths: ['exceljs', 'jszip', 'saxes'].map((name) => ({ name, message: `only src/xlsx imports ${name} (the file adapter).` })),
          patterns: [{ group: ['exceljs/*', 'jszip/*', 'saxes/*'], message: 'only src/xlsx imports exceljs, jszip and saxes.' }],
        }],
      },
    },
    { files: ['src/xlsx/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
    {
      files: [
        ...NO_OFFICE_GLOBALS.flatMap((f) => [`src/${f}/**/*.ts`, `src/${f}/**/*.tsx`]),
        'src/taskpane/**/*.ts',
        'src/taskpane/**/!(index).tsx',
      ],
      rules: { 'no-restricted-globals': ['error', ...NETWORK_GLOBALS, ...OFFICE_GLOBALS] },
    },
  ];
}

module.exports = tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'scripts/**', '*.config.js', 'bin/**', 'test/lint/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: __dirname } },
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': ['error', ...NETWORK_GLOBALS],
    },
  },
  ...boundaries(__dirname),
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
module.exports.boundaries = boundaries;
