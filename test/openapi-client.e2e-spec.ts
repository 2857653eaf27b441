import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { documentDir, NO_TELEMETRY, servedDocument } from './support/openapi-document';
import { startTestApp } from './support/test-app';

const OPENAPI_TS = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');

/**
 * A client's code against the generated types. Each `@ts-expect-error` must be an error: were a
 * type lost (`unknown`, `any`, a missing schema), the directive itself would fail the compile.
 */
const USAGE = `
import type { components, operations, paths } from './petition-ledger';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Problem = components['schemas']['Problem'];

// POST /api/v1/units answers 201 with a write result; position is a string of digits.
type Written = Json<paths['/api/v1/units']['post']['responses'][201]>;
const written: Written = { id: 'town-a', revision: 0, position: '42' };
const position: string = written.position;
const revision: number = written.revision;
// @ts-expect-error position is a string, not a number
const wrongPosition: Written = { id: 'town-a', revision: 0, position: 42 };

// GET /api/v1/units answers 200 with the units; kind is one of API.md's code list.
type Units = Json<operations['listUnits']['responses'][200]>;
const units: Units = [{ code: 'town-a', name: '城关镇', kind: 'town', parent: null }];
const parent: string | null = units[0].parent;
// @ts-expect-error not a unit kind
const wrongKind: Units[number]['kind'] = 'castle';

// The request body of POST /api/v1/matters: level and headcount have defaults, so a client may leave them out.
type OpenMatter = NonNullable<operations['openMatter']['requestBody']>['content']['application/json'];
const open: OpenMatter = {
  category: 'labour_social_security',
  responsibleUnit: 'town-a',
  summary: '反映拖欠农民工工资问题',
  contact: { occurredAt: '2022-04-03T09:30:00+08:00', channel: 'visit' },
};
// @ts-expect-error not a channel
const wrongChannel: OpenMatter['contact']['channel'] = 'pigeon';
// @ts-expect-error summary is required
const noSummary: OpenMatter = { category: 'other', responsibleUnit: 'town-a', contact: open.contact };

// Every documented problem is the one Problem shape.
type NotFound = operations['getMatter']['responses'][404]['content']['application/problem+json'];
const notFound: NotFound = {
  type: 'https://petition-ledger.org/problems/not-found',
  title: 'Not found',
  status: 404,
  detail: 'no matter XF-1',
  errors: [],
};
const problem: Problem = notFound;
const field: string | undefined = problem.errors[0]?.field;
// @ts-expect-error status is a number
const wrongStatus: Problem = { ...notFound, status: '404' };
type Conflict = operations['recordContact']['responses'][409]['content']['application/problem+json'];
const conflict: Conflict = { ...notFound, status: 409, currentRevision: 3 };

// An auditor's tool: GET /api/v1/audit/proofs/inclusion gives the audit path as hex strings.
type Inclusion = Json<operations['getInclusionProof']['responses'][200]>;
const proof: Inclusion = { index: 2, size: 42, leafHash: 'ab', hashes: ['cd'] };
const path: string[] = proof.hashes;
// @ts-expect-error size is a number
const wrongSize: Inclusion = { ...proof, size: '42' };

// GET /api/v1/matters/{id}: petitioners carry how much of their identity the caller sees.
type Matter = Json<operations['getMatter']['responses'][200]>;
const visibility: Matter['petitioners'][number]['visibility'] = 'masked';
const lastDay: string | undefined = ({} as Matter).deadlines.reply;
// @ts-expect-error not a visibility
const wrongVisibility: Matter['petitioners'][number]['visibility'] = 'hidden';

export const used = [visibility, lastDay, wrongVisibility, path, wrongSize, position, revision, wrongPosition, parent, wrongKind, wrongChannel, noSummary, field, wrongStatus, conflict];
`;

describe('a TypeScript client generated from the OpenAPI document (openapi-typescript)', () => {
  let dir: string;
  beforeAll(async () => {
    const t = await startTestApp();
    try {
      dir = documentDir(await servedDocument(t));
    } finally {
      await t.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Compiles a file against the generated types with the project's TypeScript, strict. */
  function compile(source: string): string[] {
    const file = join(dir, 'usage.ts');
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      types: [],
    });
    return ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }

  it('generates with `openapi-typescript openapi.json --default-non-nullable=false -o petition-ledger.d.ts`', () => {
    const run = spawnSync(
      process.execPath,
      [OPENAPI_TS, 'openapi.json', '--default-non-nullable=false', '-o', 'petition-ledger.d.ts'],
      {
        cwd: dir,
        env: { ...process.env, ...NO_TELEMETRY },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(existsSync(join(dir, 'petition-ledger.d.ts'))).toBe(true);
  });

  it('a typed usage of real operations compiles (tsc --noEmit, strict)', () => {
    expect(compile(USAGE)).toEqual([]);
  });

  it('and a wrong one does not: the types carry the documented shapes', () => {
    const wrong = `import type { operations } from './petition-ledger';
type Written = operations['registerUnit']['responses'][201]['content']['application/json'];
export const w: Written = { id: 'town-a', revision: '0', position: '42' };`;
    expect(compile(wrong)).toEqual([expect.stringContaining("Type 'string' is not assignable to type 'number'")]);
  });
});
