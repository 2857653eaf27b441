import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Position, SqliteEventStore, WrongExpectedRevisionError } from '@app/ledger';
import {
  personalDataViewingDecider,
  RegisteredState,
  registerUnit as registerUnitEvent,
  streams,
  unitRegistrationDecider,
} from '@app/domain';
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

  it('answers a replay with the id read back from the stream name, also for a kind holding a dash', async () => {
    const rule = (id: string) => ({
      id,
      stream: streams.rankingRule(id).name,
      expect: 'any' as const,
      noun: 'ranking rule',
      decide: () => [{ type: 'RankingRuleAdopted', version: 1, occurredAt: NOW.now, data: { id } }],
    });
    const first = await sut.write(context({ idempotencyKey: 'k1' }), rule('default'));
    const again = await sut.write(context({ idempotencyKey: 'k1' }), rule('other'));
    expect(first.id).toBe('default');
    expect(again).toEqual(first);
  });

  it('refuses, before reading anything, a stream name that streams.ts does not build', async () => {
    const refused = sut.write(context(), {
      id: 'x',
      stream: 'widget-x',
      expect: 'any',
      noun: 'widget',
      decide: () => [],
    });
    await expect(refused).rejects.toThrow(/not named by libs\/domain\/src\/streams.ts/);
    expect((await store.head()).events).toBe(0);
  });

  it('refuses with the expected revision a write whose stream moved on after it was read', async () => {
    await sut.decideAndWrite(context(), registerUnit('town-a'));
    const refused = sut.decideAndWrite(context(), {
      ...registerUnit('town-a'),
      expect: 'existing',
      check: async () => {
        // Another request appends between this one's read and its append.
        await store.append(
          'unit-town-a',
          [
            {
              type: 'UnitRegistered',
              version: 1,
              occurredAt: NOW.now,
              actor: { id: 'other', role: 'admin' },
              data: {},
            },
          ],
          0,
        );
      },
      decider: { ...unitRegistrationDecider, decide: (command, _state, ctx) => [registerUnitEvent(command, ctx)] },
    });
    await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.head()).events).toBe(2);
  });

  it('runs check on the one fold before deciding, and a refusal there appends nothing', async () => {
    await sut.decideAndWrite(context(), registerUnit('town-a'));
    const seen: RegisteredState[] = [];
    const refused = sut.decideAndWrite(context(), {
      ...registerUnit('town-a'),
      expect: 'existing',
      check: (state) => {
        seen.push(state);
        throw new Error('not for you');
      },
    });
    await expect(refused).rejects.toThrow('not for you');
    expect(seen).toEqual([{ registered: true }]);
    expect((await store.head()).events).toBe(1);
  });

  it('prepares the command only when the write goes ahead: not for a refused stream, not for a replay', async () => {
    let prepared = 0;
    const { command, ...rest } = registerUnit('town-a');
    const lazily = { ...rest, prepare: () => Promise.resolve((prepared++, command)) };
    await sut.decideAndWrite(context({ idempotencyKey: 'k1' }), lazily);
    await sut.decideAndWrite(context({ idempotencyKey: 'k1' }), lazily);
    await expect(sut.decideAndWrite(context(), lazily)).rejects.toMatchObject({ slug: 'already-exists' });
    expect(prepared).toBe(1);
  });

  it('gives decided events the ids asked for by type', async () => {
    await sut.decideAndWrite(context(), { ...registerUnit('town-a'), eventIds: { UnitRegistered: 'evt-chosen' } });
    const [event] = await store.readStream('unit-town-a');
    expect(event.eventId).toBe('evt-chosen');
  });

  it('appends to an append-only record without reading it, at any revision, and If-Match does not apply', async () => {
    const viewing = (petitionerIds: string[]) => ({
      stream: streams.personalDataAccess('M-1'),
      expect: 'append' as const,
      noun: 'personal data access record',
      decider: personalDataViewingDecider,
      command: { type: 'RecordPersonalDataViewing' as const, matterId: 'M-1', petitionerIds },
      context: NOW,
    });
    const reads = jest.spyOn(store, 'readStream');
    const [a, b] = await Promise.all([
      sut.decideAndWrite(context(), viewing(['pet-1'])),
      sut.decideAndWrite(context({ ifMatch: 7 }), viewing(['pet-2'])),
    ]);
    expect(reads).not.toHaveBeenCalled();
    expect([a.revision, b.revision].sort()).toEqual([0, 1]);
    expect(a.id).toBe('M-1');
    const events = await store.readStream('pd-access-M-1');
    expect(events.map((e) => e.type)).toEqual(['PersonalDataViewed', 'PersonalDataViewed']);
    expect(readModels.positions).toHaveLength(2);
  });
});
