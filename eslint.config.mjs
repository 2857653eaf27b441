import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

// The layer rules of docs/architecture.md. test/layer-rules.spec.ts lints deliberate
// wrong imports against this file, so a rule that stops biting fails a test.

/** Which library may import which: one order, so there can be no cycle between libraries. */
const LIBRARY_IMPORTS = {
  domain: [],
  runtime: ['domain'],
  ledger: ['domain', 'runtime'],
  security: ['domain', 'runtime'],
  audit: ['domain', 'runtime', 'ledger'],
  projections: ['domain', 'runtime', 'ledger', 'audit', 'security'],
};
const LIBRARIES = Object.keys(LIBRARY_IMPORTS);

// What no library imports: the framework is the apps' business.
const FRAMEWORK = ['@nestjs/*', 'nest-commander', 'nestjs-pino', 'pino-http', 'express'];
// What the pure domain does not import either: storage, the cluster client, gRPC, the file system.
const IO = ['better-sqlite3', '@eventstore/*', '@grpc/*', 'node:fs', 'fs', 'node:fs/*', 'fs/*', 'node:child_process'];
// A library's inside is its own: others take its index (and the designated sub-entry points).
const DEEP = {
  group: ['@app/*/*', '!@app/*/testing', '!@app/ledger/eventstoredb'],
  message:
    'import the library through its index (@app/<lib>); only @app/<lib>/testing and @app/ledger/eventstoredb are sub-entry points (docs/architecture.md)',
};
const TESTING = { group: ['@app/*/testing'], message: 'testing helpers are for specs, fixtures and test/ only' };
const SPECS = [
  '**/*.spec.ts',
  '**/*.e2e-spec.ts',
  '**/*.fixture.ts',
  '**/testing/**',
  '**/*-fixture.ts',
  '**/*spec-support.ts',
];

/** One no-restricted-imports rule per kind of file: flat config replaces a rule's options, it does not merge them. */
function restricted(paths, patterns) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.flatMap((p) => (p.includes('*') ? [] : [{ name: p, message: `${p} is not for this layer` }])),
        patterns: [
          ...patterns,
          ...paths.filter((p) => p.includes('*')).map((p) => ({ group: [p], message: `${p} is not for this layer` })),
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'test/support/*.js',
      'bin/**',
      '*.js',
      '*.mjs',
      'test/layer-rules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // No deep imports anywhere; no testing helpers in production code; no framework in libraries; no I/O in the domain.
  { files: ['**/*.ts'], rules: restricted([], [DEEP]) },
  { files: ['apps/**/*.ts'], ignores: SPECS, rules: restricted([], [DEEP, TESTING]) },
  { files: ['libs/**/*.ts'], rules: restricted(FRAMEWORK, [DEEP]) },
  { files: ['libs/**/*.ts'], ignores: SPECS, rules: restricted(FRAMEWORK, [DEEP, TESTING]) },
  { files: ['libs/domain/**/*.ts'], rules: restricted([...FRAMEWORK, ...IO], [DEEP]) },
  { files: ['libs/domain/**/*.ts'], ignores: SPECS, rules: restricted([...FRAMEWORK, ...IO], [DEEP, TESTING]) },
  // Which part may import which (resolved through tsconfig's paths).
  {
    files: ['**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'boundaries/include': ['apps/**/*', 'libs/**/*', 'test/**/*', 'bench/**/*'],
      'boundaries/elements': [
        ...LIBRARIES.map((lib) => ({ type: lib, pattern: `libs/${lib}/src`, mode: 'folder' })),
        { type: 'api-start', pattern: 'apps/api/src/create-app.ts', mode: 'full' },
        { type: 'api', pattern: 'apps/api', mode: 'folder' },
        { type: 'cli', pattern: 'apps/cli', mode: 'folder' },
        { type: 'web', pattern: 'apps/web', mode: 'folder' },
        { type: 'test', pattern: 'test', mode: 'folder' },
        { type: 'bench', pattern: 'bench', mode: 'folder' },
      ],
    },
    rules: {
      // Into a library only through its index or a designated sub-entry point, by any path.
      'boundaries/entry-point': [
        'error',
        {
          default: 'disallow',
          message: 'import ${dependency.type} through its index.ts (docs/architecture.md)',
          rules: [
            { target: LIBRARIES, allow: ['index.ts', 'testing/index.ts'] },
            { target: 'ledger', allow: ['index.ts', 'testing/index.ts', 'eventstoredb/index.ts'] },
            { target: ['api', 'api-start', 'cli', 'web', 'test', 'bench'], allow: '**' },
          ],
        },
      ],
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} may not import ${dependency.type} (docs/architecture.md, the import rules)',
          rules: [
            ...LIBRARIES.map((lib) => ({ from: lib, allow: [lib, ...LIBRARY_IMPORTS[lib]] })),
            { from: ['api', 'api-start'], allow: ['api', 'api-start', ...LIBRARIES] },
            { from: 'cli', allow: ['cli', 'api-start', ...LIBRARIES] },
            { from: 'web', allow: ['web', ...LIBRARIES] },
            { from: ['test', 'bench'], allow: ['test', 'bench', 'api', 'api-start', 'cli', 'web', ...LIBRARIES] },
          ],
        },
      ],
    },
  },
);
