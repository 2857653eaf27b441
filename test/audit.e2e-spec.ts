import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  AuditEventLine,
  leafHashOfLine,
  parseAuditEventLine,
  parseVerifierKey,
  toHex,
  verifyCheckpointNote,
  verifyConsistency,
  verifyInclusion,
} from '@app/audit';
import { Actors, auth, openMatterBody, PERSON, seedActors } from './support/actors';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

interface CheckpointBody {
  size: number;
  position: string;
  rootHash: string;
  signedAt: string;
  note: string;
  publicKey: string;
  verifierKey: string;
}

describe('audit endpoints: checkpoint, proofs, verify and the raw events', () => {
  let t: TestApp;
  let a: Actors;
  // One checkpoint per runner batch: the tests need checkpoints that cover every write.
  beforeAll(async () => {
    t = await startTestApp({ LEDGER_CHECKPOINT_EVENTS: '1' });
  });
  afterAll(() => t.close());

  const get = (path: string, token = ADMIN_TOKEN) => t.http().get(`/api/v1/audit${path}`).set(auth(token));

  /** The checkpoint once it covers every event in the ledger. */
  async function checkpointCoveringAll(): Promise<CheckpointBody> {
    const events = await t.eventCount();
    for (let attempt = 0; attempt < 200; attempt++) {
      const res = await get('/checkpoint');
      if (res.status === 200 && res.body.size === events) return res.body as CheckpointBody;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no checkpoint of size ${events} within 5 s`);
  }

  async function allLines(token = a.auditor): Promise<AuditEventLine[]> {
    const res = await get('/events?limit=10000', token).expect(200);
    return res.text
      .split('\n')
      .filter(Boolean)
      .map((line) => parseAuditEventLine(line));
  }

  it('has no checkpoint before the first event, and verifies the empty log', async () => {
    const none = await get('/checkpoint').expect(404);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
    await get('/proofs/inclusion?index=0').expect(404);
    const verify = await get('/verify').expect(200);
    expect(verify.body).toMatchObject({ ok: true, checked: 0 });
  });

  it('creates its signing key file on first start, readable by its owner only', () => {
    const mode = statSync(join(t.dataDir, 'audit-signing.key')).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('serves a signed checkpoint of the whole log to every role, and 401 without a token', async () => {
    a = await seedActors(t);
    await t
      .http()
      .post('/api/v1/matters')
      .set(auth(a.registrar))
      .send(openMatterBody({ id: 'AU-1' }))
      .expect(201);
    await t
      .http()
      .post('/api/v1/matters')
      .set(auth(a.registrar))
      .send(openMatterBody({ id: 'AU-2', responsibleUnit: 'town-b' }))
      .expect(201);
    const checkpoint = await checkpointCoveringAll();

    expect(checkpoint).toEqual({
      size: await t.eventCount(),
      position: expect.stringMatching(/^\d+$/),
      rootHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      signedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      note: expect.any(String),
      publicKey: expect.any(String),
      verifierKey: expect.any(String),
      origin: expect.any(String),
    });
    expect(Buffer.from(checkpoint.publicKey, 'base64')).toHaveLength(32);
    // The note is a C2SP checkpoint signed by the served key, saying what the JSON says.
    const { keyName, publicKey } = parseVerifierKey(checkpoint.verifierKey);
    expect(publicKey.toString('base64')).toBe(checkpoint.publicKey);
    const signed = verifyCheckpointNote(checkpoint.note, checkpoint.publicKey, keyName, keyName);
    expect(signed).toMatchObject({ size: checkpoint.size, rootHash: checkpoint.rootHash });
    expect(checkpoint.note.split('\n')[0]).toMatch(/^petition-ledger\//);

    for (const role of ['registrar', 'handler', 'leader', 'analyst', 'auditor'] as const) {
      const res = await get('/checkpoint', a[role]).expect(200);
      expect(res.body.rootHash).toBe(checkpoint.rootHash);
    }
    await t.http().get('/api/v1/audit/checkpoint').expect(401);
  });

  it('proves every event’s inclusion in the checkpoint, and the proofs check out against its root', async () => {
    const checkpoint = await checkpointCoveringAll();
    const lines = await allLines();
    expect(lines).toHaveLength(checkpoint.size);
    for (const line of lines) {
      const res = await get(`/proofs/inclusion?index=${line.index}&size=${checkpoint.size}`, a.analyst).expect(200);
      expect(res.body).toEqual({
        index: line.index,
        size: checkpoint.size,
        leafHash: line.hash,
        hashes: expect.any(Array),
      });
      // The leaf is the hash of the event's own canonical bytes, recomputed here from the raw line.
      expect(toHex(leafHashOfLine(line))).toBe(res.body.leafHash);
      expect(() =>
        verifyInclusion(res.body.leafHash, line.index, checkpoint.size, res.body.hashes, checkpoint.rootHash),
      ).not.toThrow();
    }
    // Without `size`, the proof is against the latest checkpoint.
    const latest = await get('/proofs/inclusion?index=3', a.handler).expect(200);
    expect(latest.body.size).toBe(checkpoint.size);
    // A proof does not carry over to another event.
    const proof = latest.body;
    expect(() => verifyInclusion(lines[4].hash, 3, proof.size, proof.hashes, checkpoint.rootHash)).toThrow();
  });

  it('proves that a later checkpoint extends an earlier one', async () => {
    const before = await checkpointCoveringAll();
    await t
      .http()
      .post('/api/v1/matters')
      .set(auth(a.registrar))
      .send(openMatterBody({ id: 'AU-3' }))
      .expect(201);
    await t
      .http()
      .post('/api/v1/matters/AU-3/assignments')
      .set(auth(a.registrar))
      .send({ unit: 'town-a', mode: 'assign' })
      .expect(201);
    const after = await checkpointCoveringAll();
    expect(after.size).toBeGreaterThan(before.size);

    const res = await get(`/proofs/consistency?from=${before.size}&to=${after.size}`, a.leader).expect(200);
    expect(res.body).toEqual({ from: before.size, to: after.size, hashes: expect.any(Array) });
    expect(() =>
      verifyConsistency(before.size, after.size, res.body.hashes, before.rootHash, after.rootHash),
    ).not.toThrow();
    // The same proof does not vouch for a different old root.
    expect(() => verifyConsistency(before.size, after.size, res.body.hashes, after.rootHash, after.rootHash)).toThrow();

    const same = await get(`/proofs/consistency?from=${after.size}&to=${after.size}`).expect(200);
    expect(same.body.hashes).toEqual([]);
    const toLatest = await get(`/proofs/consistency?from=1`).expect(200);
    expect(toLatest.body.to).toBe(after.size);
  });

  it('refuses malformed and impossible proof requests with a problem', async () => {
    const size = (await checkpointCoveringAll()).size;
    const bad = async (path: string, status: number, field?: string) => {
      const res = await get(path).expect(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      return res;
    };
    await bad('/proofs/inclusion', 400, 'index');
    await bad('/proofs/inclusion?index=abc', 400, 'index');
    await bad('/proofs/inclusion?index=-1', 400, 'index');
    await bad('/proofs/inclusion?index=1&size=1.5', 400, 'size');
    await bad(`/proofs/inclusion?index=${size}&size=${size}`, 400, 'index');
    await bad('/proofs/inclusion?index=0&size=99999999999999999', 400, 'size');
    const beyond = await bad(`/proofs/inclusion?index=0&size=${size + 1000}`, 422, 'size');
    expect(beyond.body).toMatchObject({
      type: expect.stringMatching(/audit\/size-beyond-tree$/),
      treeSize: expect.any(Number),
    });
    await bad('/proofs/consistency', 400, 'from');
    await bad('/proofs/consistency?from=x&to=2', 400, 'from');
    await bad('/proofs/consistency?from=3&to=2', 400, 'from');
    await bad('/proofs/consistency?from=0&to=2', 400, 'from');
    await bad(`/proofs/consistency?from=1&to=${size + 1000}`, 422, 'to');
    await bad('/proofs/inclusion?index=0&unknown=1', 400);
  });

  it('serves the raw log as NDJSON to auditors and admins only, with positions, hashes and ciphertext', async () => {
    const res = await get('/events?fromIndex=2&limit=3', a.auditor).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['x-ledger-position']).toMatch(/^\d+$/);
    const lines = res.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(res.text.endsWith('\n')).toBe(true);
    expect(lines.map((l) => l.index)).toEqual([2, 3, 4]);
    for (const line of lines) {
      expect(line).toMatchObject({
        index: expect.any(Number),
        position: expect.stringMatching(/^\d+$/),
        stream: expect.any(String),
        revision: expect.any(Number),
        type: expect.any(String),
        occurredAt: expect.any(String),
        recordedAt: expect.any(String),
        actor: { id: expect.any(String), role: expect.any(String) },
        data: expect.anything(),
        metadata: expect.any(Object),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
    const all = await allLines(a.admin);
    expect(all.map((l) => l.index)).toEqual(all.map((_, i) => i));
    expect(JSON.stringify(all)).not.toContain(PERSON.name);
    expect(JSON.stringify(all)).not.toContain(PERSON.phone);
    for (const line of all) expect(toHex(leafHashOfLine(line))).toBe(line.hash);

    const past = await get(`/events?fromIndex=${all.length + 10}`, a.auditor).expect(200);
    expect(past.text).toBe('');
    for (const role of ['registrar', 'handler', 'leader', 'analyst'] as const)
      await get('/events', a[role]).expect(403);
    await get('/events?limit=0', a.auditor).expect(400);
    await get('/events?limit=10001', a.auditor).expect(400);
    await get('/events?fromIndex=-1', a.auditor).expect(400);
  });

  it('lists every signed checkpoint in order', async () => {
    const latest = await checkpointCoveringAll();
    const res = await get('/checkpoints', a.auditor).expect(200);
    const sizes = res.body.map((c: { size: number }) => c.size);
    expect(sizes).toEqual([...sizes].sort((x: number, y: number) => x - y));
    expect(res.body[res.body.length - 1]).toMatchObject({
      size: latest.size,
      rootHash: latest.rootHash,
      note: latest.note,
    });
    const page = await get(`/checkpoints?afterSize=${sizes[0]}&limit=1`, a.auditor).expect(200);
    expect(page.body.map((c: { size: number }) => c.size)).toEqual([sizes[1]]);
  });

  it('verifies the whole log for every role', async () => {
    await checkpointCoveringAll();
    const res = await get('/verify', a.registrar).expect(200);
    expect(res.body).toEqual({ ok: true, checked: await t.eventCount(), checkpointsVerified: expect.any(Number) });
    expect(res.body.checkpointsVerified).toBeGreaterThan(1);
  });

  it('answers once the tree holds minPosition, and says which position it reflects', async () => {
    const written = await t
      .http()
      .post('/api/v1/matters')
      .set(auth(a.registrar))
      .send(openMatterBody({ id: 'AU-4' }))
      .expect(201);
    const res = await get(`/proofs/inclusion?index=0&size=1&minPosition=${written.body.position}`, a.auditor).expect(
      200,
    );
    expect(BigInt(res.headers['x-ledger-position'])).toBeGreaterThanOrEqual(BigInt(written.body.position));
    await get('/checkpoint?minPosition=x').expect(400);
  });

  it('reports the audit tree in readiness once it has caught up', async () => {
    await checkpointCoveringAll();
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body.details.audit).toMatchObject({ status: 'up', size: await t.eventCount() });
  });
});
