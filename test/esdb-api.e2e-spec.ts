import { verifyInclusion } from '@app/audit';
import { Actors, auth, openMatterBody, seedActors } from './support/actors';
import { ReadModels } from '../apps/api/src/read-models/read-models.service';
import { EsdbTestNode } from './support/esdb-test-server';
import { API, MatterApi } from './support/matter-api';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

// The whole API with LEDGER_STORE=esdb://…: two instances that share nothing but the log
// (the wire-level test server, reached through the real client), one of them the signer.
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
    signer = await startTestApp({ ...env, LEDGER_AUDIT_SIGNER: 'true' });
    other = await startTestApp({ ...env, LEDGER_AUDIT_SIGNER: 'false' });
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
    expect(await other.eventCount()).toBe(events);
    expect(events).toBe(
      node.log.events.filter((e) => !e.stream.startsWith('$') && !e.stream.startsWith('ledger-idempotency-')).length,
    );

    // Only the signer signs; the other serves proofs from its own tree, against the same root.
    const checkpoint = await eventually(async () => {
      const res = await signer.http().get(`${API}/audit/checkpoint`).set(auth(ADMIN_TOKEN));
      return res.status === 200 && res.body.size === events ? res.body : undefined;
    });
    const none = await other.http().get(`${API}/audit/checkpoint`).set(auth(ADMIN_TOKEN));
    expect(none.status).not.toBe(200);
    for (const index of [0, Math.floor(events / 2), events - 1]) {
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
    const before = await signer.eventCount();
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
    expect(await signer.eventCount()).toBe(before);
    expect(await other.eventCount()).toBe(before);
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
