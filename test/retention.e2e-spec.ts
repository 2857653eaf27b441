import { Actors, PERSON, seedActors } from './support/actors';
import { MatterApi } from './support/matter-api';
import { runCli } from './support/run-cli';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 13 "Retention": `ledger retention` against the data directory of a running server.
 * The matters' facts are of 2022 (support/matter-api), so with 3 years their petitioners are
 * due whenever this runs, and with 50 years none is.
 */
describe('ledger retention', () => {
  let t: TestApp;
  let a: Actors;
  let m: MatterApi;
  let ended: string;
  let open: string;
  let endedPetitioner: string;
  let openPetitioner: string;
  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
    m = new MatterApi(t, a);
    ended = await m.matterAt('replied');
    open = await m.matterAt('accepted');
    endedPetitioner = await m.petitionerOf(ended);
    openPetitioner = await m.petitionerOf(open);
  });
  afterAll(() => t.close());

  const retention = (years: string | null, ...args: string[]) =>
    runCli(
      { LEDGER_DATA_DIR: t.dataDir, ...(years === null ? {} : { LEDGER_RETENTION_YEARS: years }) },
      'retention',
      ...args,
    );
  const view = async (id: string, minPosition?: string) =>
    (await m.get(`/matters/${id}${minPosition ? `?minPosition=${minPosition}` : ''}`, a.registrar).expect(200)).body;

  it('does nothing without LEDGER_RETENTION_YEARS (unset: keep)', async () => {
    const before = await t.eventCount();
    const run = await retention(null);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/LEDGER_RETENTION_YEARS is not set/);
    expect(await t.eventCount()).toBe(before);
  });

  it('--dry-run prints who would be erased and changes nothing; a long period erases nobody', async () => {
    const before = await t.eventCount();
    const dry = await retention('3', '--dry-run');
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout);
    expect(plan).toMatchObject({ retentionYears: 3, dryRun: true });
    expect(plan.due).toEqual([{ petitionerId: endedPetitioner, matterIds: [ended], lastEnded: '2022-04-20' }]);
    expect(dry.stderr).toMatch(/would erase 1 petitioner/);
    expect(dry.stdout + dry.stderr).not.toContain(PERSON.name);
    expect(await t.eventCount()).toBe(before);
    expect((await view(ended)).petitioners[0].name).toBe(PERSON.name);

    // (Reading the personal data above is itself recorded: count from here.)
    const beforeLong = await t.eventCount();
    const long = await retention('50');
    expect(long.code).toBe(0);
    expect(JSON.parse(long.stdout).due).toEqual([]);
    expect(await t.eventCount()).toBe(beforeLong);
  });

  it('erases through the erasure path (event, then key), keeps the open matter’s petitioner, and is idempotent', async () => {
    const before = await t.eventCount();
    const run = await retention('3');
    expect(run.code).toBe(0);
    const done = JSON.parse(run.stdout);
    expect(done.due.map((d: { petitionerId: string }) => d.petitionerId)).toEqual([endedPetitioner]);
    expect(await t.eventCount()).toBe(before + 1);
    const [event] = await t.store().readStream(`petitioner-${endedPetitioner}`);
    expect(event).toMatchObject({
      type: 'PetitionerErased',
      actor: { id: 'retention', role: 'admin' },
      data: { petitionerId: endedPetitioner, reason: expect.stringContaining('LEDGER_RETENTION_YEARS=3') },
    });
    // The running server sees the erasure (its key is gone) and keeps the other petitioner.
    expect((await view(ended, done.position)).petitioners[0]).toMatchObject({
      id: endedPetitioner,
      name: null,
      visibility: 'erased',
    });
    expect((await view(open)).petitioners[0]).toMatchObject({ id: openPetitioner, name: PERSON.name });
    // The same path as the API's: an erasure of the same petitioner there is refused as done.
    const again = await m.post(`/petitioners/${endedPetitioner}/erasure`, a.admin, { reason: '再次' });
    expect(again.status).toBe(409);

    const beforeSecond = await t.eventCount();
    const second = await retention('3');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ due: [], completed: [] });
    expect(await t.eventCount()).toBe(beforeSecond);
  });

  it('leaves the audit tree verifiable', async () => {
    const verify = await runCli({ LEDGER_DATA_DIR: t.dataDir }, 'verify', '--data-dir', t.dataDir);
    expect(verify.stderr).toMatch(/ledger verify: OK/);
    expect(verify.code).toBe(0);
  });
});
