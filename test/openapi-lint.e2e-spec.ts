import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  documentDir,
  JsonSchema,
  NO_TELEMETRY,
  OpenApiDocument,
  operationsOf,
  schemaViolations,
  servedDocument,
} from './support/openapi-document';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

const REDOCLY = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const PROBLEM_REF = '#/components/schemas/Problem';

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint openapi.json` as a developer runs it in the repository root (redocly.yaml, recommended rules). */
function redoclyLint(document: OpenApiDocument): LintReport {
  const dir = documentDir(document);
  try {
    const run = spawnSync(process.execPath, [REDOCLY, 'lint', 'openapi.json', '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, ...NO_TELEMETRY },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (!run.stdout) throw new Error(`redocly lint printed nothing: ${run.stderr}`);
    return JSON.parse(run.stdout) as LintReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('OpenAPI document: lint clean, every operation named and its problems documented', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await startTestApp();
    doc = await servedDocument(t);
  });
  afterAll(() => t.close());

  /** The operation called with every path parameter `x-1`, no query and no body. */
  const bare = (method: string, path: string) => {
    const url = path.replace(/\{[^}]+\}/g, 'x-1');
    const http = t.http();
    switch (method) {
      case 'get':
        return streams(path) ? untilStreaming(http.get(url)) : http.get(url);
      case 'post':
        return http.post(url);
      case 'put':
        return http.put(url);
      case 'patch':
        return http.patch(url);
      case 'delete':
        return http.delete(url);
      default:
        throw new Error(`no bare call for ${method} ${path}`);
    }
  };

  /** An operation answering with server-sent events (GET /live): its stream never ends by itself. */
  const streams = (path: string) =>
    doc.paths[path]?.get?.responses?.['200']?.content?.['text/event-stream'] !== undefined;

  /** Resolves once a stream has begun (then hangs up), or with the parsed problem when it is refused. */
  const untilStreaming = (req: ReturnType<ReturnType<TestApp['http']>['get']>) =>
    req.buffer(false).parse(((
      res: import('node:http').IncomingMessage,
      done: (e: Error | null, body: unknown) => void,
    ) => {
      if (/^text\/event-stream/.test(res.headers['content-type'] ?? '')) {
        done(null, null);
        res.destroy();
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text === '' ? {} : JSON.parse(text)));
    }) as never);

  it('redocly lint (recommended rules, redocly.yaml) reports no error and no warning', () => {
    const report = redoclyLint(doc);
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 2 });
  });

  it('the lint fails a document with an undocumented operation (the check can fail)', () => {
    const broken: OpenApiDocument = JSON.parse(JSON.stringify(doc));
    broken.paths['/api/v1/units'].get = {
      operationId: 'UnitsController_list',
      responses: { 200: { description: '' } },
    };
    const rules = redoclyLint(broken).problems.map((p) => p.ruleId);
    expect(rules).toEqual(
      expect.arrayContaining([
        'operation-summary',
        'operation-4xx-response',
        'security-defined',
        'rule/operation-id-camel-case',
      ]),
    );
  });

  it('names each operation: a summary and a unique camelCase operationId', () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(40);
    for (const { method, path, op } of ops) {
      expect({ at: `${method} ${path}`, summary: typeof op.summary === 'string' && op.summary.length > 0 }).toEqual({
        at: `${method} ${path}`,
        summary: true,
      });
      expect({ at: `${method} ${path}`, operationId: op.operationId }).toEqual({
        at: `${method} ${path}`,
        operationId: expect.stringMatching(/^[a-z][A-Za-z0-9]*$/),
      });
    }
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every 4xx/5xx as application/problem+json with the one Problem schema', () => {
    for (const { method, path, op } of operationsOf(doc)) {
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400)) {
        expect({ at: `${method} ${path} ${status}`, content: response.content }).toEqual({
          at: `${method} ${path} ${status}`,
          content: { 'application/problem+json': { schema: { $ref: PROBLEM_REF } } },
        });
      }
    }
  });

  it('a bearer scheme, servers, and every operation either secured (documenting 401) or explicitly public', () => {
    expect(doc.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    for (const { method, path, op } of operationsOf(doc)) {
      const at = `${method} ${path}`;
      if (path.startsWith('/health')) expect({ at, security: op.security }).toEqual({ at, security: [] });
      else {
        expect({ at, security: op.security }).toEqual({ at, security: [{ bearer: [] }] });
        expect({ at, has401: '401' in op.responses }).toEqual({ at, has401: true });
      }
    }
  });

  it('the app agrees: every secured operation refuses a request without a token with a 401 problem, the public ones answer', async () => {
    const problem = doc.components.schemas.Problem as JsonSchema;
    const schemas = doc.components.schemas as Record<string, JsonSchema>;
    for (const { method, path, op } of operationsOf(doc)) {
      const res = await bare(method, path);
      const at = `${method} ${path}`;
      if (op.security?.length === 0) {
        expect({ at, answered: [200, 503].includes(res.status) }).toEqual({ at, answered: true });
        continue;
      }
      expect({ at, status: res.status, type: res.headers['content-type'] }).toEqual({
        at,
        status: 401,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(schemaViolations(schemas, problem, res.body)).toEqual([]);
    }
  });

  it('documents every write’s 201 as the JSON it returns', () => {
    for (const { method, path, op } of operationsOf(doc).filter(({ method }) => method === 'post')) {
      const at = `${method} ${path}`;
      expect({ at, schema: op.responses['201']?.content?.['application/json']?.schema }).toEqual({
        at,
        schema: expect.objectContaining({ $ref: expect.stringMatching(/^#\/components\/schemas\//) }),
      });
    }
  });

  it('every status the app answers a bare request with, as admin, registrar, handler and auditor, is documented', async () => {
    const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    await t.http().post('/api/v1/units').set(admin).send({ code: 'town-h', name: '河镇', kind: 'town' });
    const tokens: Record<string, string> = { admin: ADMIN_TOKEN };
    for (const [role, units] of [['registrar'], ['handler', ['town-h']], ['auditor']] as [string, string[]?][]) {
      const res = await t.http().post('/api/v1/principals').set(admin).send({ name: role, role, units }).expect(201);
      tokens[role] = res.body.token as string;
    }
    const undocumented: string[] = [];
    for (const { method, path, op } of operationsOf(doc)) {
      for (const [role, token] of Object.entries(tokens)) {
        const res = await bare(method, path).set({ Authorization: `Bearer ${token}` });
        if (res.status >= 300 && !(String(res.status) in op.responses))
          undocumented.push(`${method} ${path} as ${role}: ${res.status} ${res.body?.detail ?? ''}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('the Problem schema describes the bodies the ProblemFilter sends for 400, 403, 404, 409 and 422', async () => {
    const problem = doc.components.schemas.Problem as JsonSchema;
    const schemas = doc.components.schemas as Record<string, JsonSchema>;
    const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    const unit = { code: 'town-a', name: '城关镇', kind: 'town' };
    await t.http().post('/api/v1/units').set(admin).send(unit).expect(201);
    const registrar = await t
      .http()
      .post('/api/v1/principals')
      .set(admin)
      .send({ name: '登记员', role: 'registrar' })
      .expect(201);
    const bodies = [
      await t.http().post('/api/v1/units').set(admin).send({ code: '', kind: 'nonsense' }).expect(400),
      await t
        .http()
        .post('/api/v1/units')
        .set({ Authorization: `Bearer ${registrar.body.token as string}` })
        .send({ ...unit, code: 'town-b' })
        .expect(403),
      await t.http().get('/api/v1/matters/no-such-matter').set(admin).expect(404),
      await t.http().post('/api/v1/units').set(admin).send(unit).expect(409),
      await t
        .http()
        .post('/api/v1/units')
        .set(admin)
        .send({ ...unit, code: 'town-c', parent: 'nowhere' })
        .expect(422),
    ];
    for (const res of bodies) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect({ status: res.status, violations: schemaViolations(schemas, problem, res.body) }).toEqual({
        status: res.status,
        violations: [],
      });
    }
    expect(bodies[0].body.errors.length).toBeGreaterThan(0);
  });
});
