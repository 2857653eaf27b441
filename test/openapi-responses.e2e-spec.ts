import type { Response } from 'supertest';
import {
  JsonSchema,
  OpenApiDocument,
  operationsOf,
  schemaViolations,
  servedDocument,
} from './support/openapi-document';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

/**
 * The success schemas of the document against what the app really sends: a client generated from
 * the document must get what its types say, no member missing, mistyped or undocumented.
 */
describe('OpenAPI document: the documented success responses are what the app sends', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  beforeAll(async () => {
    // A checkpoint after every batch, so that one covers the writes below at once.
    t = await startTestApp({ LEDGER_CHECKPOINT_EVENTS: '1' });
    doc = await servedDocument(t);
  });
  afterAll(() => t.close());

  /** The body of `res` against the schema its operation documents for that status. */
  function violations(operationId: string, res: Response): string[] {
    const found = operationsOf(doc).find(({ op }) => op.operationId === operationId);
    if (!found) return [`no operation ${operationId}`];
    const schema = found.op.responses[String(res.status)]?.content?.['application/json']?.schema as
      JsonSchema | undefined;
    if (!schema) return [`${operationId} documents no JSON schema for ${res.status}`];
    return schemaViolations(doc.components.schemas as Record<string, JsonSchema>, schema, res.body);
  }

  it('writes, the units list, a matter, the matters list, a timeline and every audit read', async () => {
    const http = () => t.http();
    const checks: [string, Response][] = [];
    const unit = await http()
      .post('/api/v1/units')
      .set(admin)
      .send({ code: 'town-a', name: '城关镇', kind: 'town' })
      .expect(201);
    checks.push(['registerUnit', unit]);
    await http()
      .post('/api/v1/units')
      .set(admin)
      .send({ code: 'vil-a', name: '某村', kind: 'village', parent: 'town-a' });
    checks.push([
      'registerPrincipal',
      await http().post('/api/v1/principals').set(admin).send({ name: '登记员', role: 'registrar' }).expect(201),
    ]);
    const matter = await http()
      .post('/api/v1/matters')
      .set(admin)
      .send({
        category: 'labour_social_security',
        subject: '紫悦华府',
        responsibleUnit: 'town-a',
        summary: '反映拖欠农民工工资问题',
        petitioners: [{ name: '张三', idNumber: '11010119900307123X', phone: '13812345678' }],
        contact: { occurredAt: '2022-04-03T09:30:00+08:00', channel: 'visit', headcount: 3 },
      })
      .expect(201);
    checks.push(['openMatter', matter]);
    const id = matter.body.id as string;
    await http()
      .post(`/api/v1/matters/${id}/assignments`)
      .set(admin)
      .send({ unit: 'town-a', mode: 'transfer', occurredAt: '2022-04-04T09:00:00+08:00' })
      .expect(201);
    checks.push(['listUnits', await http().get('/api/v1/units').set(admin).expect(200)]);
    const read = (path: string) => http().get(`/api/v1/matters${path}`).set(admin).expect(200);
    const view = await read(`/${id}`);
    expect(view.body.petitioners[0].visibility).toBe('full');
    expect(view.body.deadlineDetails.length).toBeGreaterThan(0);
    checks.push(['getMatter', view]);
    checks.push(['listMatters', await read('')]);
    checks.push(['getMatterTimeline', await read(`/${id}/timeline`)]);

    const analyst = await http()
      .post('/api/v1/principals')
      .set(admin)
      .send({ name: '分析员', role: 'analyst' })
      .expect(201);
    checks.push([
      'publishRanking',
      await http()
        .post('/api/v1/rankings/2022-04/publish')
        .set({ Authorization: `Bearer ${analyst.body.token as string}` })
        .expect(201),
    ]);
    const events = await t.eventCount();
    let checkpoint: Response | undefined;
    for (let attempt = 0; attempt < 200 && checkpoint?.body?.size !== events; attempt++) {
      checkpoint = await http().get('/api/v1/audit/checkpoint').set(admin);
      if (checkpoint.body?.size !== events) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(checkpoint!.status).toBe(200);
    checks.push(['getAuditCheckpoint', checkpoint!]);
    const audit = (path: string) => http().get(`/api/v1/audit${path}`).set(admin).expect(200);
    checks.push(['listAuditCheckpoints', await audit('/checkpoints')]);
    checks.push(['getInclusionProof', await audit(`/proofs/inclusion?index=1&size=${events}`)]);
    checks.push(['getConsistencyProof', await audit(`/proofs/consistency?from=1&to=${events}`)]);
    checks.push(['verifyAudit', await audit('/verify')]);

    for (const [operationId, res] of checks) {
      expect({ operationId, status: res.status, violations: violations(operationId, res) }).toEqual({
        operationId,
        status: res.status,
        violations: [],
      });
    }
    // The check can fail: a member the document does not have is caught.
    expect(violations('registerUnit', { ...unit, body: { ...unit.body, extra: 1 } } as Response)).toEqual([
      '.extra is not documented',
    ]);
  });
});
