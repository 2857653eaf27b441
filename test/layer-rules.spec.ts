import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layer rules of docs/architecture.md are lint rules (eslint.config.mjs). Each case
 * lints a small file placed where the import would be wrong, through the project's own
 * ESLint configuration (the Node API, in a child process: the config is an ES module,
 * which jest's CommonJS runtime cannot load), and expects the rule that forbids it; the
 * allowed imports prove the rules do not simply refuse everything.
 */
const root = join(__dirname, '..');

const LINT_CASES = `
import { ESLint } from 'eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [file, source] of cases) {
  const [result] = await eslint.lintText(source + '\\nexport const used = x;\\n', { filePath: file });
  out.push(result.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message));
}
process.stdout.write(JSON.stringify(out));
`;

const wrong: Array<[string, string, string, string]> = [
  [
    'the domain imports Nest',
    'libs/domain/src/wrong.ts',
    "import { Injectable as x } from '@nestjs/common';",
    'no-restricted-imports',
  ],
  ['the domain imports SQLite', 'libs/domain/src/wrong.ts', "import x from 'better-sqlite3';", 'no-restricted-imports'],
  [
    'the domain imports gRPC',
    'libs/domain/src/wrong.ts',
    "import { credentials as x } from '@grpc/grpc-js';",
    'no-restricted-imports',
  ],
  [
    'the domain imports a library',
    'libs/domain/src/wrong.ts',
    "import { canonicalJson as x } from '@app/ledger';",
    'boundaries/element-types',
  ],
  [
    'a library imports Nest',
    'libs/projections/src/wrong.ts',
    "import { Injectable as x } from '@nestjs/common';",
    'no-restricted-imports',
  ],
  [
    'the log imports a reader (projections)',
    'libs/ledger/src/wrong.ts',
    "import { ProjectionRunner as x } from '@app/projections';",
    'boundaries/element-types',
  ],
  [
    'the log imports a reader (audit)',
    'libs/ledger/src/wrong.ts',
    "import { leafHash as x } from '@app/audit';",
    'boundaries/element-types',
  ],
  [
    'a cycle: audit imports projections',
    'libs/audit/src/wrong.ts',
    "import { ProjectionRunner as x } from '@app/projections';",
    'boundaries/element-types',
  ],
  [
    'a library imports an app',
    'libs/projections/src/wrong.ts',
    "import { API_PREFIX as x } from '../../../apps/api/src/create-app';",
    'boundaries/element-types',
  ],
  [
    'the CLI imports the API beyond create-app',
    'apps/cli/src/commands/wrong.ts',
    "import { ReadModels as x } from '../../../api/src/read-models/read-models.service';",
    'boundaries/element-types',
  ],
  [
    'a deep import past an index',
    'apps/api/src/wrong.ts',
    "import { mattersProjection as x } from '@app/projections/read-models/matters.projection';",
    'no-restricted-imports',
  ],
  [
    'a relative path into a library',
    'test/wrong.e2e-spec.ts',
    "import { mattersProjection as x } from '../libs/projections/src/read-models/matters.projection';",
    'boundaries/entry-point',
  ],
  [
    'production code imports testing helpers',
    'apps/api/src/wrong.ts',
    "import { officialCalendar as x } from '@app/domain/testing';",
    'no-restricted-imports',
  ],
];
const right: Array<[string, string, string]> = [
  [
    'projections import the audit library',
    'libs/projections/src/right.ts',
    "import { auditLeafHash as x } from '@app/audit';",
  ],
  ['the log imports the runtime', 'libs/ledger/src/right.ts', "import { systemNow as x } from '@app/runtime';"],
  [
    'the CLI starts the server through create-app',
    'apps/cli/src/commands/right.ts',
    "import { createApp as x } from '../../../api/src/create-app';",
  ],
  [
    'the API takes the EventStoreDB adapter entry',
    'apps/api/src/right.ts',
    "import { EsdbEventStore as x } from '@app/ledger/eventstoredb';",
  ],
  [
    'a spec takes testing helpers',
    'libs/projections/src/right.spec.ts',
    "import { officialCalendar as x } from '@app/domain/testing';",
  ],
];

let results: string[][];
beforeAll(() => {
  const cases = [
    ...wrong.map(([, file, source]) => [file, source]),
    ...right.map(([, file, source]) => [file, source]),
  ];
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_CASES, JSON.stringify(cases)], {
    cwd: root,
    encoding: 'utf8',
  });
  results = JSON.parse(stdout) as string[][];
}, 120_000);

describe('the layer rules', () => {
  it.each(wrong.map(([name, , , rule], i) => [name, rule, i] as const))('fails lint when %s (%s)', (_name, rule, i) => {
    expect(results[i]).toContain(rule);
  });

  it.each(right.map(([name], i) => [name, wrong.length + i] as const))('passes lint when %s', (_name, i) => {
    expect(results[i]).toEqual([]);
  });
});
