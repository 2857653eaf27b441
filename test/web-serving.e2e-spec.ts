import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { auth } from './support/actors';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';
import { ensureWebBuilt } from './support/web-build';

/** The headers every answer carries: pages, assets, API answers and API problems alike. */
function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = headers['content-security-policy'];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
}

describe('the web UI, served by the API at /', () => {
  let t: TestApp;
  let script: string;
  beforeAll(async () => {
    const dist = ensureWebBuilt();
    script = readdirSync(join(dist, 'assets')).find((name) => name.endsWith('.js'))!;
    t = await startTestApp();
  }, 240_000);
  afterAll(() => t?.close());

  it('answers / with the page, never cached, with the security headers', async () => {
    const res = await t.http().get('/').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain(`/assets/${script}`);
    // No inline script: every <script> has a src on this origin.
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expectSecurityHeaders(res.headers);
  });

  it('answers a page path of the app with the same page (the browser router shows it)', async () => {
    const res = await t.http().get('/matters/XF20220101-0001').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain(`/assets/${script}`);
  });

  it('serves the hashed assets for a year, immutable, with the security headers', async () => {
    const res = await t.http().get(`/assets/${script}`).expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(res.headers);
  });

  it('keeps unknown /api and asset paths RFC 9457 problems, with the security headers', async () => {
    const res = await t.http().get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404 });
    expectSecurityHeaders(res.headers);
    await t
      .http()
      .get('/assets/no-such-file.js')
      .expect(404)
      .expect('Content-Type', /problem\+json/);
    await t
      .http()
      .get('/api')
      .expect(404)
      .expect('Content-Type', /problem\+json/);
    const refused = await t.http().get('/api/v1/units').expect(401);
    expectSecurityHeaders(refused.headers);
  });

  it('leaves the API and its documents where they were', async () => {
    await t.http().get('/api/v1/units').set(auth(ADMIN_TOKEN)).expect(200);
    await t.http().get('/api/docs-json').expect(200).expect('Content-Type', /json/);
    await t.http().get('/health').expect(200);
  });

  it("tells a token's principal who it is (GET /principals/me), for the UI's navigation by role", async () => {
    await t
      .http()
      .post('/api/v1/units')
      .set(auth(ADMIN_TOKEN))
      .send({ code: 'town-a', name: '城关镇', kind: 'town' })
      .expect(201);
    const { token } = (
      await t
        .http()
        .post('/api/v1/principals')
        .set(auth(ADMIN_TOKEN))
        .send({ name: '经办人 李', role: 'handler', units: ['town-a'] })
        .expect(201)
    ).body as { token: string };
    const me = await t.http().get('/api/v1/principals/me').set(auth(token)).expect(200);
    expect(me.body).toEqual({ id: expect.any(String), name: '经办人 李', role: 'handler', units: ['town-a'] });
    expect(JSON.stringify(me.body)).not.toContain(token);
    const admin = await t.http().get('/api/v1/principals/me').set(auth(ADMIN_TOKEN)).expect(200);
    expect(admin.body.role).toBe('admin');
    await t.http().get('/api/v1/principals/me').expect(401);
    await t.http().get('/api/v1/principals/me').set(auth('not-a-token')).expect(401);
  });
});
