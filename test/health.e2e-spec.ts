import { startTestApp, TestApp } from './support/test-app';

describe('health and problem responses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness at /health', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('is ready once the ledger is open, and says where the ledger stands', async () => {
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body.details.ledger).toMatchObject({ status: 'up', position: '0', events: 0 });
  });

  it('answers an unknown route with an RFC 9457 problem', async () => {
    const res = await t.http().get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not found', type: expect.stringMatching(/not-found$/) });
  });

  it('echoes a well-formed X-Request-Id as the correlation id and makes one up otherwise', async () => {
    const given = await t.http().get('/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123');
    const made = await t.http().get('/health').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI description', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
  });
});
