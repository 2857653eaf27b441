import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Position, SqliteEventStore } from '@app/ledger';
import { clockSettingsFrom, FixedClock, loadConfig } from '@app/runtime';
import { PersonalDataVault, Principal, SealedPersonalData } from '@app/security';
import { ProblemException } from '../../http/problem';
import { ReadModels } from '../../read-models/read-models.service';
import { UnitDirectory } from '../../units/unit-directory';
import { LedgerWriter } from '../../writes/ledger-writer';
import { WriteContext } from '../../writes/write-context';
import { MatterStream } from '../matter-stream';
import { OpenMatterCommand } from './open-matter.command';
import { OpenMatterDto } from './open-matter.dto';
import { OpenMatterHandler } from './open-matter.handler';

/** The key store, as far as opening a matter uses it: which keys were made, for which event. */
class FakeVault {
  readonly sealed: { petitionerId: string; eventId: string; name: string | null }[] = [];
  durableCalls = 0;
  seal(petitionerId: string, eventId: string, data: { name: string | null }): SealedPersonalData {
    this.sealed.push({ petitionerId, eventId, name: data.name });
    return { alg: 'A256GCM', keyId: petitionerId, iv: 'aXY=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' };
  }
  durable(): Promise<void> {
    this.durableCalls += 1;
    return Promise.resolve();
  }
}

/** Units known by code; an unknown one is the 422 the real directory gives. */
class FakeUnits {
  constructor(private readonly known: string[]) {}
  require(code: string, field: string): Promise<void> {
    if (this.known.includes(code)) return Promise.resolve();
    return Promise.reject(
      new ProblemException(422, 'rules/unknown-unit', 'Unknown unit', `no unit ${code}`, [{ field, message: 'x' }]),
    );
  }
}

class FakeReadModels {
  readonly positions: Position[] = [];
  written(position: Position): void {
    this.positions.push(position);
  }
}

const registrar: Principal = { id: 'reg-1', name: '登记员', role: 'registrar', units: [] };
const NOW = '2022-04-03T01:30:00.000Z';

function body(overrides: Partial<OpenMatterDto> = {}): OpenMatterDto {
  return {
    category: 'labour_social_security',
    responsibleUnit: 'town-a',
    summary: '反映拖欠农民工工资问题',
    petitioners: [{ name: '张三', idNumber: '11010119900307123X' }],
    contact: { channel: 'visit', occurredAt: '2022-04-02T09:30:00+08:00' },
    ...overrides,
  } as OpenMatterDto;
}

describe('OpenMatterHandler', () => {
  let dir: string;
  let store: SqliteEventStore;
  let vault: FakeVault;
  let sut: OpenMatterHandler;
  const ctx = (overrides: Partial<WriteContext> = {}): WriteContext => ({
    principal: registrar,
    correlationId: 'req-1',
    fingerprint: 'fp-1',
    ...overrides,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'open-matter-'));
    const config = loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_LOG_LEVEL: 'silent' });
    store = SqliteEventStore.open({ file: join(dir, 'ledger.sqlite') });
    vault = new FakeVault();
    const clock = new FixedClock(NOW, config.timeZone);
    const writer = new LedgerWriter(store, new FakeReadModels() as unknown as ReadModels);
    sut = new OpenMatterHandler(
      writer,
      new MatterStream(clock, clockSettingsFrom(config), config),
      new FakeUnits(['town-a']) as unknown as UnitDirectory,
      vault as unknown as PersonalDataVault,
      clock,
    );
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens matter-<id> with its first contact; personal data sealed for the MatterOpened event, keys made durable first', async () => {
    const result = await sut.execute(new OpenMatterCommand(ctx(), body({ id: 'XF-1' })));
    expect(result).toMatchObject({ id: 'XF-1', revision: 1 });
    const [opened, contact] = await store.readStream('matter-XF-1');
    expect([opened.type, contact.type]).toEqual(['MatterOpened', 'ContactRecorded']);
    expect(vault.sealed).toEqual([
      { petitionerId: expect.stringMatching(/^pet-/), eventId: opened.eventId, name: '张三' },
    ]);
    expect(vault.durableCalls).toBe(1);
    expect(JSON.stringify(opened.data)).not.toContain('张三');
    expect(opened.actor).toEqual({ id: 'reg-1', role: 'registrar' });
  });

  it('generates an id from the clock’s day when none is given', async () => {
    const result = await sut.execute(new OpenMatterCommand(ctx(), body()));
    expect(result.id).toMatch(/^XF20220403-[A-Za-z0-9_-]{8}$/);
  });

  it('makes no key for an id that exists (409) nor for a replay of the same request', async () => {
    const first = await sut.execute(new OpenMatterCommand(ctx({ idempotencyKey: 'k1' }), body({ id: 'XF-1' })));
    const replay = await sut.execute(new OpenMatterCommand(ctx({ idempotencyKey: 'k1' }), body({ id: 'XF-1' })));
    expect(replay).toEqual(first);
    await expect(sut.execute(new OpenMatterCommand(ctx(), body({ id: 'XF-1' })))).rejects.toMatchObject({
      slug: 'already-exists',
    });
    expect(vault.sealed).toHaveLength(1);
    expect((await store.head()).events).toBe(2);
  });

  it('refuses an unknown responsible unit (422) before sealing or appending anything', async () => {
    const refused = sut.execute(new OpenMatterCommand(ctx(), body({ id: 'XF-2', responsibleUnit: 'town-x' })));
    await expect(refused).rejects.toMatchObject({ slug: 'rules/unknown-unit' });
    expect(vault.sealed).toEqual([]);
    expect((await store.head()).events).toBe(0);
  });
});
