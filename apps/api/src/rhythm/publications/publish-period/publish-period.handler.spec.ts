import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Period, RuleViolation } from '@app/domain';
import { canonicalJson, Position, SqliteEventStore } from '@app/ledger';
import { RankingDocument, ReportPoint } from '@app/projections';
import { AppConfig, FixedClock } from '@app/runtime';
import { Principal } from '@app/security';
import { AuditService } from '../../../audit/audit.service';
import { ProblemException } from '../../../http/problem';
import { ReadModels } from '../../../read-models/read-models.service';
import { LedgerWriter } from '../../../writes/ledger-writer';
import { WriteContext } from '../../../writes/write-context';
import { PeriodReports } from '../period-reports';
import { sha256 } from '../publication-status';
import { PublishPeriodCommand } from './publish-period.command';
import { PublishPeriodHandler } from './publish-period.handler';

/** Read models that are always caught up with what the writer wrote. */
class FakeReadModels {
  position: Position = 0n;
  written(position: Position): void {
    if (position > this.position) this.position = position;
  }
  ready(): Promise<Position> {
    return Promise.resolve(this.position);
  }
}

/** The figures of a period, as plain data that says where they were computed. */
class FakeReports {
  readonly computed: { kind: string; period: string; asOf: Position }[] = [];
  /** A figure that facts recorded later can change. */
  score = 90;
  compute(kind: 'ranking' | 'bulletin', period: Period, point: ReportPoint): RankingDocument {
    this.computed.push({ kind, period: period.id, asOf: point.asOf });
    return {
      kind: 'ranking',
      period: period.id,
      asOf: point.asOf.toString(),
      rule: { id: 'default', version: 2 },
      score: this.score,
    } as unknown as RankingDocument;
  }
}

/** An audit tree that signs a checkpoint over the ledger's head when asked. */
class FakeAudit {
  checkpoint: { position: string; rootHash: string; size: number } | null = null;
  constructor(private readonly store: SqliteEventStore) {}
  latestCheckpoint() {
    return this.checkpoint;
  }
  /** No checkpoint publications in this log: every position must be covered. */
  mustCover(position: bigint): bigint {
    return position;
  }
  considerCheckpoint(): void {
    void this.store.head().then((head) => {
      this.checkpoint = { position: head.position.toString(), rootHash: 'ab'.repeat(32), size: Number(head.position) };
    });
  }
}

const analyst = { id: 'analyst', role: 'analyst', units: [] } as unknown as Principal;
const context = (overrides: Partial<WriteContext> = {}): WriteContext => ({
  principal: analyst,
  correlationId: 'req-1',
  fingerprint: 'fp-publish',
  ...overrides,
});

describe('PublishPeriodHandler', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: FakeReadModels;
  let reports: FakeReports;
  let audit: FakeAudit;
  let clock: FixedClock;
  let sut: PublishPeriodHandler;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'publish-period-'));
    store = SqliteEventStore.open({ file: join(dir, 'ledger.sqlite') });
    readModels = new FakeReadModels();
    reports = new FakeReports();
    audit = new FakeAudit(store);
    clock = new FixedClock('2022-05-03T09:00:00+08:00', 'Asia/Shanghai');
    const writer = new LedgerWriter(store, readModels as unknown as ReadModels);
    const config = { checkpointSeconds: 1, minPositionTimeoutMs: 1000 } as AppConfig;
    sut = new PublishPeriodHandler(
      writer,
      readModels as unknown as ReadModels,
      reports as unknown as PeriodReports,
      audit as unknown as AuditService,
      store,
      clock,
      config,
    );
    // Something to publish over: one fact in the ledger.
    await writer.write(context({ fingerprint: 'fp-seed' }), {
      id: 'town-a',
      stream: 'unit-town-a',
      expect: 'new',
      noun: 'unit',
      decide: () => [
        {
          type: 'UnitRegistered',
          version: 1,
          occurredAt: '2022-04-01T08:00:00+08:00',
          data: { code: 'town-a', name: '甲镇', kind: 'town', parent: null },
        },
      ],
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes a finished month at a checkpoint covering the ledger, with the rule and the frozen figures', async () => {
    const result = await sut.execute(new PublishPeriodCommand(context(), 'ranking', '2022-04'));

    const checkpoint = { position: '1', rootHash: 'ab'.repeat(32), size: 1 };
    const content = { kind: 'ranking', period: '2022-04', asOf: '1', rule: { id: 'default', version: 2 }, score: 90 };
    expect(result).toEqual({
      id: 'ranking-2022-04',
      revision: 0,
      position: '2',
      checkpoint,
      rule: { id: 'default', version: 2 },
      contentSha256: sha256(canonicalJson(content)),
    });
    expect(reports.computed).toEqual([{ kind: 'ranking', period: '2022-04', asOf: 1n }]);
    const [event] = await store.readStream('publication-ranking-2022-04');
    expect(event).toMatchObject({
      type: 'RankingPublished',
      occurredAt: '2022-05-03T01:00:00.000Z',
      actor: { id: 'analyst', role: 'analyst' },
      data: { period: '2022-04', rule: { id: 'default', version: 2 }, checkpoint, content },
    });
  });

  it('refuses a month that has not ended before computing anything or waiting for a checkpoint', async () => {
    clock.set('2022-04-30T23:59:00+08:00');

    const refusal = sut.execute(new PublishPeriodCommand(context(), 'ranking', '2022-04'));

    await expect(refusal).rejects.toBeInstanceOf(RuleViolation);
    await expect(refusal).rejects.toMatchObject({ rule: 'period-not-ended' });
    expect(reports.computed).toEqual([]);
    expect(audit.checkpoint).toBeNull();
    expect(await store.readStream('publication-ranking-2022-04')).toEqual([]);
  });

  it('refuses a second publication of the period with 409 and the publication beside it', async () => {
    await sut.execute(new PublishPeriodCommand(context(), 'bulletin', '2022-04-H1'));
    reports.score = 80; // a back-dated fact moved the figures since

    const again = sut.execute(new PublishPeriodCommand(context({ fingerprint: 'fp-2' }), 'bulletin', '2022-04-H1'));

    await expect(again).rejects.toBeInstanceOf(ProblemException);
    const problem = (await again.catch((e: unknown) => e)) as ProblemException;
    expect({ status: problem.getStatus(), slug: problem.slug }).toEqual({ status: 409, slug: 'already-published' });
    expect(problem.extra).toMatchObject({
      published: { position: '2', restated: true, restatement: { differences: 1 } },
    });
    expect(await store.readStream('publication-bulletin-2022-04-H1')).toHaveLength(1);
  });

  it('answers a retry with the same Idempotency-Key as the first time, computing and writing nothing more', async () => {
    const first = await sut.execute(new PublishPeriodCommand(context({ idempotencyKey: 'k1' }), 'ranking', '2022-04'));

    const retry = await sut.execute(new PublishPeriodCommand(context({ idempotencyKey: 'k1' }), 'ranking', '2022-04'));

    expect(retry).toEqual(first);
    expect(reports.computed).toHaveLength(1);
    expect(await store.readStream('publication-ranking-2022-04')).toHaveLength(1);
  });

  it('refuses a malformed period as bad input', async () => {
    const refusal = sut.execute(new PublishPeriodCommand(context(), 'ranking', '2022-13'));

    await expect(refusal).rejects.toMatchObject({ slug: 'validation-failed' });
  });
});
