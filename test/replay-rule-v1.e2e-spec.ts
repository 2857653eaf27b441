/**
 * A month published under version 1 of the default rule, before version 2 (the
 * funnel rule) shipped, keeps version 1: the server serves the same bytes at
 * the publication's checkpoint, and `ledger replay` recomputes them byte for
 * byte from the signed prefix alone.
 *
 * No server of this build publishes under version 1 (the rule in force is
 * version 2), so the publication is appended to the ledger as the build before
 * it wrote one: a `RankingPublished` naming `default` v1, at a signed
 * checkpoint, whose content is that month ranked by version 1 there.
 */
import { CURRENT_VERSION, PublicationData, streams, unwrap, parseMonth } from '@app/domain';
import { canonicalJson, EVENT_STORE, EventStore } from '@app/ledger';
import { computeRanking } from '@app/projections';
import { AuditService } from '../apps/api/src/audit/audit.service';
import { ReadModels } from '../apps/api/src/read-models/read-models.service';
import { auth } from './support/actors';
import { API, RhythmFixture } from './support/rhythm-fixture';
import { runCli } from './support/run-cli';
import { startTestApp, TestApp } from './support/test-app';

const april = unwrap(parseMonth('2022-04'));

describe('a month published under rule version 1 keeps it, and ledger replay reproduces it byte for byte', () => {
  let t: TestApp;
  let f: RhythmFixture;
  let bytes: string;
  let checkpoint: PublicationData['checkpoint'];

  beforeAll(async () => {
    t = await startTestApp({ LEDGER_CHECKPOINT_SECONDS: '1' });
    f = new RhythmFixture(t);
    // Three towns, none with 5 cases on every indicator: version 1 ranks none of them, version 2 ranks them.
    await f.setUp([
      { code: 'town-east', name: '东关镇', kind: 'town' },
      { code: 'town-west', name: '西关镇', kind: 'town' },
      { code: 'town-south', name: '南关镇', kind: 'town' },
    ]);
    const late = new Map([
      ['town-east', 0],
      ['town-west', 1],
      ['town-south', 2],
    ]);
    for (const [unit, lateOnes] of late) {
      for (let n = 0; n < 4; n++) await f.acceptanceMatter(unit, n < lateOnes ? 'late' : 'on_time');
      await f.replyMatter(unit, { reply: 'on_time', resolved: true, evaluation: 'satisfied' });
      await f.replyMatter(unit, { reply: lateOnes > 1 ? 'late' : 'on_time', evaluation: 'basically_satisfied' });
      await f.replyMatter(unit, { reply: 'on_time', repeats: lateOnes });
    }
    // A signed checkpoint over everything so far, as a publication waits for.
    const audit = t.app.get(AuditService);
    const events = await t.eventCount();
    for (let attempt = 0; attempt < 200 && audit.latestCheckpoint()?.size !== events; attempt++) {
      audit.considerCheckpoint({ onDemand: true });
      await new Promise((r) => setTimeout(r, 50));
    }
    const latest = audit.latestCheckpoint()!;
    expect(latest.size).toBe(events);
    checkpoint = { position: latest.position, rootHash: latest.rootHash, size: latest.size };

    // What the build before version 2 published: April ranked by version 1 at that checkpoint.
    const readModels = t.app.get(ReadModels);
    const point = { asOf: BigInt(checkpoint.position), today: '2022-05-02' };
    const content = computeRanking(readModels.db, april, point, { rule: { id: 'default', version: 1 } }).document;
    bytes = canonicalJson(content);
    const data: PublicationData = { period: '2022-04', rule: { id: 'default', version: 1 }, checkpoint, content };
    const store = t.app.get<EventStore>(EVENT_STORE);
    const written = await store.append(
      streams.publication('ranking', '2022-04').name,
      [
        {
          type: 'RankingPublished',
          version: CURRENT_VERSION.RankingPublished,
          occurredAt: '2022-05-02T09:00:00+08:00',
          actor: { id: 'analyst-2022', role: 'analyst' },
          correlationId: null,
          causationId: null,
          data,
        },
      ],
      'no_stream',
    );
    readModels.written(written.position);
    await readModels.ready(written.position);
  });
  afterAll(() => t.close());

  it('differs from what version 2 gives the same prefix (so the rule version is what keeps the bytes)', () => {
    const point = { asOf: BigInt(checkpoint.position), today: '2022-05-02' };
    const v2 = computeRanking(t.app.get(ReadModels).db, april, point, { rule: { id: 'default', version: 2 } });
    expect(v2.document.rule.version).toBe(2);
    expect(canonicalJson(v2.document)).not.toBe(bytes);
    const v1 = JSON.parse(bytes) as { rows: unknown[]; tooFewToRank: unknown[] };
    expect({ v1: v1.rows.length, v2: v2.document.rows.length }).toEqual({ v1: 0, v2: 3 });
  });

  it('serves the published bytes, and the same bytes computed again at the checkpoint, by version 1', async () => {
    const published = await t.http().get(`${API}/rankings/2022-04/published`).set(auth(f.leader)).expect(200);
    expect(published.text).toBe(bytes);
    const again = await t
      .http()
      .get(`${API}/rankings/2022-04?asOf=${checkpoint.position}`)
      .set(auth(f.leader))
      .expect(200);
    expect(again.text).toBe(bytes);
    const now = await t.http().get(`${API}/rankings/2022-04`).set(auth(f.leader)).expect(200);
    expect(now.body.rule).toMatchObject({ id: 'default', version: 1, flagBottom: 1 });
    expect(now.body.published).toMatchObject({ rule: { id: 'default', version: 1 }, restated: false });
  });

  it('is reproduced by `ledger replay` from the signed prefix alone: EQUAL, the same bytes, version 1', async () => {
    const run = await runCli({}, 'replay', '--report', 'ranking', '--period', '2022-04', '--data-dir', t.dataDir);
    expect(run.stderr).toMatch(/EQUAL to the publication/);
    expect(run.code).toBe(0);
    const outcome = JSON.parse(run.stdout) as {
      asOf: { size: number; rootHash: string; rootCheckedAgainst: string };
      equal: boolean;
      figure: { rule: { id: string; version: number } };
    };
    expect(outcome.asOf).toMatchObject({
      size: checkpoint.size,
      rootHash: checkpoint.rootHash,
      rootCheckedAgainst: 'publication',
    });
    expect(outcome.equal).toBe(true);
    expect(outcome.figure.rule).toMatchObject({ id: 'default', version: 1 });
    expect(canonicalJson(outcome.figure)).toBe(bytes);
  });
});
