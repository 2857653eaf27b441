import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Position, SqliteEventStore } from '@app/ledger';
import { streams, unitRegistrationDecider } from '@app/domain';
import { Principal } from '@app/security';
import { ProblemException } from '../http/problem';
import { ReadModels } from '../read-models/read-models.service';
import { LedgerWriter } from './ledger-writer';
import { WriteContext } from './write-context';

/** The read models are a boundary here: the writer only tells them what it wrote. */
class FakeReadModels {
  readonly positions: Position[] = [];
  written(position: Position): void {
    this.positions.push(position);
  }
}

const admin = { id: 'admin', role: 'admin', units: [] } as unknown as Principal;
const NOW = { now: '2022-04-03T09:30:00+08:00' };

function context(overrides: Partial<WriteContext> = {}): WriteContext {
  return { principal: admin, correlationId: 'req-1', fingerprint: 'fp-1', ...overrides };
}

function registerUnit(code: string, name = '甲镇') {
  return {
    stream: streams.unit(code),
    expect: 'new' as const,
    noun: 'unit',
    decider: unitRegistrationDecider,
    command: { type: 'RegisterUnit' as const, code, name, kind: 'town' as const },
    context: NOW,
  };
}

describe('LedgerWriter', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: FakeReadModels;
  let sut: LedgerWriter;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-writer-'));
    store = SqliteEventStore.open({ file: join(dir, 'ledger.sqlite') });
    readModels = new FakeReadModels();
    sut = new LedgerWriter(store, readModels as unknown as ReadModels);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds the stream with the decider and appends what it decides, with the actor and correlation', async () => {
    const result = await sut.decideAndWrite(context(), registerUnit('town-a'));
    expect(result).toEqual({ id: 'town-a', revision: 0, position: expect.stringMatching(/^\d+$/) });
    const [event] = await store.readStream('unit-town-a');
    expect(event).toMatchObject({
      type: 'UnitRegistered',
      actor: { id: 'admin', role: 'admin' },
      correlationId: 'req-1',
      data: { code: 'town-a', name: '甲镇', kind: 'town', parent: null },
    });
    expect(readModels.positions.map(String)).toEqual([result.position]);
  });

  it('replays an idempotent write: same key and fingerprint return the first result and append nothing', async () => {
    const first = await sut.decideAndWrite(context({ idempotencyKey: 'k1' }), registerUnit('town-a'));
    const again = await sut.decideAndWrite(context({ idempotencyKey: 'k1' }), registerUnit('town-a'));
    expect(again).toEqual(first);
    expect((await store.head()).events).toBe(1);
  });

  it('refuses a reused idempotency key with a different request (409) and appends nothing', async () => {
    await sut.decideAndWrite(context({ idempotencyKey: 'k1' }), registerUnit('town-a'));
    const refused = sut.decideAndWrite(context({ idempotencyKey: 'k1', fingerprint: 'fp-2' }), registerUnit('town-b'));
    await expect(refused).rejects.toMatchObject({ slug: 'idempotency-key-reused' });
    expect((await store.head()).events).toBe(1);
  });

  it('refuses a new stream that exists (409 with its current revision)', async () => {
    await sut.decideAndWrite(context(), registerUnit('town-a'));
    const refused = sut.decideAndWrite(context(), registerUnit('town-a', '乙镇'));
    await expect(refused).rejects.toBeInstanceOf(ProblemException);
    await expect(refused).rejects.toMatchObject({ slug: 'already-exists' });
  });

  it('refuses If-Match against a stream that has moved on, naming the current revision', async () => {
    await sut.decideAndWrite(context(), registerUnit('town-a'));
    const refused = sut.write(context({ ifMatch: 5 }), {
      id: 'town-a',
      stream: 'unit-town-a',
      expect: 'existing',
      noun: 'unit',
      decide: () => [],
    });
    await expect(refused).rejects.toMatchObject({ slug: 'revision-mismatch' });
    expect((await store.head()).events).toBe(1);
  });

  it('answers 404 for a write on a stream that must exist and does not', async () => {
    const refused = sut.write(context(), {
      id: 'nobody',
      stream: 'unit-nobody',
      expect: 'existing',
      noun: 'unit',
      decide: () => [],
    });
    await expect(refused).rejects.toMatchObject({ status: 404 });
  });

  it('hands the decider the state folded from the stream (a second registration is refused by the rule)', async () => {
    await sut.decideAndWrite(context(), registerUnit('town-a'));
    const refused = sut.decideAndWrite(context(), { ...registerUnit('town-a'), expect: 'any' });
    await expect(refused).rejects.toMatchObject({ rule: 'already-registered' });
    expect((await store.head()).events).toBe(1);
  });
});
