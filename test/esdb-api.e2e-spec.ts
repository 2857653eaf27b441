import {
  generateSigningKey,
  signCheckpoint,
  signerFromPrivateKey,
  verifyCheckpointNote,
  verifyInclusion,
} from '@app/audit';
import { Actors, auth, openMatterBody, seedActors } from './support/actors';
import { AuditService } from '../apps/api/src/audit/audit.service';
import { ReadModels } from '../apps/api/src/read-models/read-models.service';
import { EsdbTestNode } from './support/esdb-test-server';
import { API, MatterApi } from './support/matter-api';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

// The whole API with LEDGER_STORE=esdb://…: two instances that share nothing but the log
// (the wire-level test server, reached through the real client), one of them the signer.
// The signer publishes its checkpoints into the log; the other checks them against the
// trusted key (its public half only) and its own tree, and serves them.
const KEY = generateSigningKey('petition-ledger/esdb-test');
const CHECKPOINTS = 'audit-checkpoints';

describe('the API on an EventStoreDB log shared by two instances', () => {
  let node: EsdbTestNode;
  let signer: TestApp;
  let other: TestApp;
  let actors: Actors;
  beforeAll(async () => {
    node = await EsdbTestNode.start({ maxAppendSize: 4 * 1024 * 1024, systemEventEvery: 3 });
    const env = {
      LEDGER_STORE: `${node.connectionString}&maxAppendSize=4194304`,
      LEDGER_CHECKPOINT_EVENTS: '1',
    };
    signer = await startTestApp({ ...env, LEDGER_AUDIT_SIGNER: 'true', LEDGER_SIGNING_KEY: KEY.privateKey });
    other = await startTestApp({ ...env, LEDGER_AUDIT_SIGNER: 'false', LEDGER_AUDIT_TRUSTED_KEY: KEY.verifierKey });
  });
  afterAll(async () => {
    await signer.close();
    await other.close();
    await node.stop();
  });

  const eventually = async <T>(probe: () => Promise<T | undefined>): Promise<T> => {
    for (let attempt = 0; attempt < 400; attempt++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('condition not reached within 10 s');
  };

  /** The ledger's events as the server holds them: no system events, no idempotency records. */
  const ledgerEvents = () =>
    node.log.events.filter((e) => !e.stream.startsWith('$') && !e.stream.startsWith('ledger-idempotency-'));
  /** Events but the checkpoints published into the log: what requests appended. */
  const written = () => ledgerEvents().filter((e) => e.stream !== CHECKPOINTS).length;
  /** The tree size a checkpoint over everything requests appended has: up to the last such event. */
  const sizeOverWrites = () => {
    const events = ledgerEvents();
    let last = events.length - 1;
    while (last >= 0 && events[last].stream === CHECKPOINTS) last--;
    return last + 1;
  };

  it('writes on one instance and reads them on the other with minPosition; audit roots agree', async () => {
    expect(signer.config.store).toBe('eventstoredb');
    actors = await seedActors(signer);
    const m = new MatterApi(signer, actors);
    const id = await m.matterAt('replied');
    const written = await m.post('/matters', actors.registrar, openMatterBody({ id: 'ESDB-2' })).expect(201);
    expect(written.body).toMatchObject({ id: 'ESDB-2', revision: 1, position: expect.stringMatching(/^\d+$/) });

    // The other instance built its own read models from the log: the tokens and the matter.
    const seen = await other
      .http()
      .get(`${API}/matters/ESDB-2?minPosition=${written.body.position}`)
      .set(auth(actors.analyst));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: 'ESDB-2' });
    const replied = await other.http().get(`${API}/matters/${id}`).set(auth(actors.analyst)).expect(200);
    expect(replied.body).toMatchObject({ id });

    // The server's own events are in the log, but not in the ledger either instance sees.
    expect(node.log.events.some((e) => e.type.startsWith('$'))).toBe(true);
    const events = await signer.eventCount();
    expect(await eventually(async () => ((await other.eventCount()) >= events ? true : undefined))).toBe(true);
    expect(events).toBeLessThanOrEqual(ledgerEvents().length);

    // Only the signer signs, and publishes each checkpoint into the log (a leaf like any event).
    const size = sizeOverWrites();
    const checkpoint = await eventually(async () => {
      const res = await signer.http().get(`${API}/audit/checkpoint`).set(auth(ADMIN_TOKEN));
      return res.status === 200 && res.body.size >= size ? res.body : undefined;
    });
    expect(checkpoint.verifierKey).toBe(KEY.verifierKey);
    expect(ledgerEvents().some((e) => e.stream === CHECKPOINTS && e.type === 'AuditCheckpointPublished')).toBe(true);

    // The other checked it against the trusted key and its own tree, and serves the same checkpoint.
    const served = await eventually(async () => {
      const res = await other
        .http()
        .get(`${API}/audit/checkpoints?afterSize=${checkpoint.size - 1}&limit=1`)
        .set(auth(ADMIN_TOKEN));
      return res.status === 200 && res.body.length === 1 ? res.body[0] : undefined;
    });
    expect(served).toEqual({
      size: checkpoint.size,
      position: checkpoint.position,
      rootHash: checkpoint.rootHash,
      signedAt: checkpoint.signedAt,
      note: checkpoint.note,
    });
    const latest = await other.http().get(`${API}/audit/checkpoint`).set(auth(ADMIN_TOKEN)).expect(200);
    expect(latest.body).toMatchObject({ verifierKey: KEY.verifierKey, origin: 'petition-ledger/esdb-test' });
    expect(() =>
      verifyCheckpointNote(latest.body.note, Buffer.from(latest.body.publicKey, 'base64'), latest.body.origin),
    ).not.toThrow();
    // Both trees give the root the signer signed.
    const consistency = await other
      .http()
      .get(`${API}/audit/proofs/consistency?from=1&to=${checkpoint.size}`)
      .set(auth(ADMIN_TOKEN))
      .expect(200);
    expect(consistency.body.to).toBe(checkpoint.size);
    for (const index of [0, Math.floor(checkpoint.size / 2), checkpoint.size - 1]) {
      const proof = await eventually(async () => {
        const res = await other
          .http()
          .get(
            `${API}/audit/proofs/inclusion?index=${index}&size=${checkpoint.size}&minPosition=${checkpoint.position}`,
          )
          .set(auth(ADMIN_TOKEN));
        return res.status === 200 ? res.body : undefined;
      });
      expect(() =>
        verifyInclusion(proof.leafHash, index, checkpoint.size, proof.hashes, checkpoint.rootHash),
      ).not.toThrow();
    }
  });

  it('answers an idempotent retry with the first result on either instance, appending nothing', async () => {
    // Both instances know the principals from the log; the first test seeded them on the signer.
    const token = actors.registrar;
    const body = openMatterBody({ id: 'ESDB-IDEM' });
    const first = await signer
      .http()
      .post(`${API}/matters`)
      .set(auth(token))
      .set('Idempotency-Key', 'esdb-idem-1')
      .send(body);
    expect(first.status).toBe(201);
    const before = written();
    const again = await eventually(async () => {
      const res = await other
        .http()
        .post(`${API}/matters`)
        .set(auth(token))
        .set('Idempotency-Key', 'esdb-idem-1')
        .send(body);
      return res.status === 201 ? res : undefined;
    });
    expect(again.body).toEqual(first.body);
    // Nothing appended but the checkpoints the signer publishes meanwhile.
    expect(written()).toBe(before);
  });

  it('publishes a bulletin on the instance that does not sign, over a checkpoint it checked', async () => {
    // The other instance's read models first reach every write so far: the checkpoint must cover them.
    const writes = (await signer.store().readAll(0n, 100_000)).filter((e) => e.stream !== CHECKPOINTS);
    const last = writes[writes.length - 1].position;
    await other.http().get(`${API}/units?minPosition=${last}`).set(auth(actors.analyst)).expect(200);
    const res = await other.http().post(`${API}/bulletins/2022-03-H1/publish`).set(auth(actors.analyst)).send({});
    expect(res.status).toBe(201);
    const signed = await signer
      .http()
      .get(`${API}/audit/checkpoints?afterSize=${res.body.checkpoint.size - 1}&limit=1`)
      .set(auth(ADMIN_TOKEN))
      .expect(200);
    expect(signed.body[0]).toMatchObject({
      size: res.body.checkpoint.size,
      position: res.body.checkpoint.position,
      rootHash: res.body.checkpoint.rootHash,
    });
    // It covers every write the other instance had applied (publications after them need none).
    expect(BigInt(res.body.checkpoint.position)).toBeGreaterThanOrEqual(BigInt(last));
  });

  it('refuses a checkpoint in the log that the trusted key did not sign, and keeps serving the signed ones', async () => {
    const audit = other.app.get(AuditService);
    const genuine = await eventually(async () => audit.latestCheckpoint() ?? undefined);
    // The same size, root and position, signed under the same name by another key.
    const mallory = signerFromPrivateKey(generateSigningKey('petition-ledger/esdb-test').privateKey);
    const forgedNote = signCheckpoint(
      { origin: 'petition-ledger/esdb-test', size: genuine.size, rootHash: genuine.rootHash },
      mallory,
    );
    const forged = { ...genuine, note: forgedNote };
    const { publicKey: _p, verifierKey: _v, origin: _o, ...data } = forged;
    /** Appends a publication as anyone with write access to the log could, and waits until the tree has it. */
    const publishAsMallory = async (published: typeof data) => {
      const appended = await other.store().append(
        CHECKPOINTS,
        [
          {
            type: 'AuditCheckpointPublished',
            version: 1,
            occurredAt: genuine.signedAt,
            actor: { id: 'mallory', role: 'admin' },
            data: published,
          },
        ],
        'any',
      );
      await audit.ready(appended.position);
    };
    await publishAsMallory(data);
    const all = await other.http().get(`${API}/audit/checkpoints`).set(auth(ADMIN_TOKEN)).expect(200);
    expect(all.body.map((c: { note: string }) => c.note)).not.toContain(forgedNote);
    expect(all.body.map((c: { note: string }) => c.note)).toContain(genuine.note);
    const ready = await other.http().get('/health/ready');
    expect(ready.body.details.audit).toMatchObject({
      refusedCheckpoints: 1,
      lastRefusal: expect.stringMatching(/does not verify against the trusted key petition-ledger\/esdb-test/),
    });
    // A size this tree does not have is refused too, even signed by the right key.
    const signerKey = signerFromPrivateKey(KEY.privateKey);
    const beyond = audit.store.size + 100;
    const tooLarge = signCheckpoint(
      { origin: 'petition-ledger/esdb-test', size: beyond, rootHash: genuine.rootHash },
      signerKey,
    );
    await publishAsMallory({ ...data, size: beyond, note: tooLarge });
    expect(audit.store.checkpointOfSize(beyond)).toBeUndefined();
    expect((await other.http().get('/health/ready')).body.details.audit.refusedCheckpoints).toBe(2);
  });

  it('a revocation acknowledged by one instance holds on the next request to the other, whose read models stand still', async () => {
    const created = await signer
      .http()
      .post(`${API}/principals`)
      .set(auth(ADMIN_TOKEN))
      .send({ name: '经办人 两地', role: 'handler', units: ['town-a'] });
    expect(created.status).toBe(201);
    const { id, token } = created.body;
    // The other instance learns the new token from the log (it catches up on an unknown hash).
    await other.http().get(`${API}/units`).set(auth(token)).expect(200);

    // Keep the other instance's read models where they are: only the log can tell it.
    const runner = other.app.get(ReadModels).runner;
    const { catchUp, poke } = runner;
    runner.catchUp = async () => 0;
    runner.poke = () => undefined;
    try {
      const revoked = await signer
        .http()
        .post(`${API}/principals/${id}/revocation`)
        .set(auth(ADMIN_TOKEN))
        .send({ reason: '调离' });
      expect(revoked.status).toBe(201);
      const refused = await other.http().get(`${API}/units`).set(auth(token));
      expect(refused.status).toBe(401);
      expect(refused.body.detail).toMatch(/revoked/);
    } finally {
      runner.catchUp = catchUp;
      runner.poke = poke;
    }
  });
});
