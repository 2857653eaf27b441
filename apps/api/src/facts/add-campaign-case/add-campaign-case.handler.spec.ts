import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Position, SqliteEventStore } from '@app/ledger';
import { FixedClock } from '@app/runtime';
import { Principal } from '@app/security';
import { ProblemException } from '../../http/problem';
import { ReadModels } from '../../read-models/read-models.service';
import { LedgerWriter } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { FactStream } from '../fact-stream';
import { LaunchCampaignCommand } from '../launch-campaign/launch-campaign.command';
import { LaunchCampaignHandler } from '../launch-campaign/launch-campaign.handler';
import { MatterDirectory } from '../matter-directory';
import { AddCampaignCaseCommand } from './add-campaign-case.command';
import { AddCampaignCaseHandler } from './add-campaign-case.handler';

/** Matters known by id; records which were looked up, to show when the look-up happens. */
class FakeMatters {
  readonly asked: string[] = [];
  constructor(private readonly known: string[]) {}
  require(matterId: string, field: string): Promise<void> {
    this.asked.push(matterId);
    if (this.known.includes(matterId)) return Promise.resolve();
    return Promise.reject(
      new ProblemException(422, 'rules/unknown-matter', 'Unknown matter', `no matter ${matterId}`, [
        { field, message: `no matter ${matterId}` },
      ]),
    );
  }
}

class FakeReadModels {
  written(_position: Position): void {}
}

const leader: Principal = { id: 'leader-1', name: '副市长', role: 'leader', units: [] };
const ctx: WriteContext = { principal: leader, correlationId: 'req-1', fingerprint: 'fp-1' };
const LAUNCHED = '2022-03-01T09:00:00+08:00';

describe('AddCampaignCaseHandler', () => {
  let dir: string;
  let store: SqliteEventStore;
  let matters: FakeMatters;
  let sut: AddCampaignCaseHandler;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'campaign-case-'));
    store = SqliteEventStore.open({ file: join(dir, 'ledger.sqlite') });
    const facts = new FactStream(new FixedClock('2022-03-10T01:00:00Z', 'Asia/Shanghai'));
    const writer = new LedgerWriter(store, new FakeReadModels() as unknown as ReadModels);
    matters = new FakeMatters(['XF-1']);
    sut = new AddCampaignCaseHandler(writer, facts, matters as unknown as MatterDirectory);
    const launch = new LaunchCampaignHandler(writer, facts);
    await launch.execute(
      new LaunchCampaignCommand(ctx, {
        id: 'backlog-2022',
        name: '积案化解',
        targets: [{ by: '2022-06-30', rate: 80 }],
        occurredAt: LAUNCHED,
      }),
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const add = (body: { matterId: string; occurredAt?: string }, campaignId = 'backlog-2022') =>
    sut.execute(new AddCampaignCaseCommand(ctx, campaignId, { assignedBy: 'province', ...body }));

  it('adds the case to campaign-<id>, dated as given (back-dated) or now', async () => {
    const result = await add({ matterId: 'XF-1', occurredAt: '2022-03-05T10:00:00+08:00' });
    expect(result).toMatchObject({ id: 'backlog-2022', revision: 1 });
    const [, added] = await store.readStream('campaign-backlog-2022');
    expect(added).toMatchObject({
      type: 'CampaignCaseAdded',
      occurredAt: '2022-03-05T10:00:00+08:00',
      data: { campaignId: 'backlog-2022', matterId: 'XF-1', assignedBy: 'province' },
    });
  });

  it('refuses a case dated before the launch before looking the matter up, and appends nothing', async () => {
    const refused = add({ matterId: 'XF-NONE', occurredAt: '2022-02-28T10:00:00+08:00' });
    await expect(refused).rejects.toMatchObject({
      rule: 'occurred-before-previous-fact',
      message: `occurredAt 2022-02-28T10:00:00+08:00 is before the campaign was launched (${LAUNCHED})`,
    });
    expect(matters.asked).toEqual([]);
    expect((await store.head()).events).toBe(1);
  });

  it('refuses a future instant (400) even for a campaign that does not exist', async () => {
    await expect(add({ matterId: 'XF-1', occurredAt: '2022-03-11T10:00:00+08:00' }, 'nope')).rejects.toMatchObject({
      rule: 'occurred-in-future',
    });
  });

  it('answers 404 for an unknown campaign and 422 for an unknown matter; neither appends', async () => {
    await expect(add({ matterId: 'XF-1' }, 'nope')).rejects.toMatchObject({ slug: 'not-found' });
    await expect(add({ matterId: 'XF-NONE' })).rejects.toMatchObject({ slug: 'rules/unknown-matter' });
    expect((await store.head()).events).toBe(1);
  });

  it('takes a matter into a campaign once', async () => {
    await add({ matterId: 'XF-1' });
    await expect(add({ matterId: 'XF-1' })).rejects.toMatchObject({ rule: 'case-already-added' });
  });
});
