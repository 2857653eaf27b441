import Database from 'better-sqlite3';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DomainEvent, domainEvent } from '@app/domain';
import { at, ev, firstContact, openedData, officialCalendar } from '@app/domain/testing';
import { SqliteEventStore, type Projection } from '@app/ledger';
import { LiveReadModels } from './live-read-models';
import { ProjectionRunner } from './projection-runner';
import { openReadModelDb } from './read-model-db';
import { dumpReadModels, firstDifference } from './read-model-dump';
import { generationOf, realReadModelFile } from './read-model-files';
import { rebuildReadModels, RebuildInProgressError } from './rebuild';
import { mattersProjection } from './read-models/matters.projection';
import { principalsProjection } from './read-models/principals.projection';
import { timelineProjection } from './read-models/timeline.projection';
import { unitsProjection } from './read-models/units.projection';

const settings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };
const projections: Projection[] = [
  unitsProjection,
  principalsProjection,
  mattersProjection(settings),
  timelineProjection,
];
const actor = { id: 'registrar-1', role: 'registrar' };

function matter(n: number): DomainEvent[] {
  const id = `M-${n}`;
  const day = `2022-03-${String(1 + (n % 20)).padStart(2, '0')}`;
  return [
    domainEvent('MatterOpened', at(day, '09:00'), { ...openedData, matterId: id, petitioners: [] }),
    domainEvent('ContactRecorded', at(day, '09:00'), firstContact),
    ev.assigned(at(day, '15:00'), n % 3 ? 'town-a' : 'dept-housing'),
    ev.accepted(at(day, '16:00'), n % 3 ? 'town-a' : 'dept-housing'),
    ev.contact(at(day, '17:00'), { channel: 'online', source: 'national_platform' }),
    ...(n % 2 ? [ev.replied(at('2022-04-20'), n % 3 ? 'town-a' : 'dept-housing')] : []),
  ];
}

async function fill(
  store: SqliteEventStore,
  from: number,
  to: number,
  afterEach?: () => Promise<unknown>,
): Promise<void> {
  for (let n = from; n < to; n++) {
    if (n % 10 === 0) {
      await store.append(
        `unit-u-${n}`,
        [
          {
            ...domainEvent('UnitRegistered', at('2022-01-04'), {
              code: `u-${n}`,
              name: `单位${n}`,
              kind: 'town',
              parent: null,
            }),
            actor,
          },
        ],
        'no_stream',
      );
    }
    // A matter's events arrive over several appends, interleaved with other matters'.
    const events = matter(n).map((e) => ({ ...e, actor }));
    await store.append(`matter-M-${n}`, events.slice(0, 2), 'no_stream');
    if (afterEach) await afterEach();
    await store.append(`matter-M-${n}`, events.slice(2), 1);
    if (afterEach) await afterEach();
  }
}

describe('rebuilding the read models beside the live ones', () => {
  let dir: string;
  let store: SqliteEventStore;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-spec-'));
    store = SqliteEventStore.open({ file: join(dir, 'ledger.sqlite') });
    file = join(dir, 'read-models.sqlite');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `matters` matters appended and projected as they come, in small batches: the dump of what that built. */
  async function builtIncrementally(matters: number, batchSize: number) {
    const live = openReadModelDb(file, projections).db;
    const runner = new ProjectionRunner(store, live, projections, { batchSize });
    await fill(store, 0, matters, () => runner.catchUp());
    const incremental = dumpReadModels(live);
    live.close();
    return incremental;
  }

  it('builds every model identical, table by table and row by row, to the one built incrementally as events came', async () => {
    const incremental = await builtIncrementally(60, 3);
    const progress: number[] = [];
    const result = await rebuildReadModels({
      store,
      file,
      projections,
      batchSize: 50,
      swap: false,
      onProgress: (p) => progress.push(p.applied),
    });
    const rebuilt = new Database(result.built, { readonly: true });
    expect(firstDifference(dumpReadModels(rebuilt), incremental)).toBeNull();
    expect(dumpReadModels(rebuilt)).toEqual(incremental);
    expect(Object.keys(incremental).sort()).toEqual([
      'agg_contact_days',
      'agg_online_replies',
      'agg_unit_contact_days',
      'agg_unit_evaluations',
      'agg_unit_limits',
      'fact_contacts',
      'fact_matter_versions',
      'fact_milestones',
      'fact_recategorised',
      'fact_resolutions',
      'matter_petitioners',
      'matters',
      'principals',
      'runner_state',
      'timeline',
      'units',
    ]);
    expect(incremental.matters.rows).toHaveLength(60);
    rebuilt.close();
    expect(result.events).toBe((await store.head()).events);
    expect(progress[progress.length - 1]).toBe(result.events);
  });

  it('builds the same models when the matters it holds back leave its cache of recent matters', async () => {
    const incremental = await builtIncrementally(40, 7);
    // A cache of 3 matters: most rows of the bulk build are written on eviction, some again later.
    const forgetful = projections.map((p) =>
      p.name === 'matters' ? mattersProjection(settings, { recentMatters: 3 }) : p,
    );
    const result = await rebuildReadModels({ store, file, projections: forgetful, batchSize: 11, swap: false });
    const rebuilt = new Database(result.built, { readonly: true });
    expect(firstDifference(dumpReadModels(rebuilt), incremental)).toBeNull();
    expect(dumpReadModels(rebuilt)).toEqual(incremental);
    expect(incremental.matters.rows).toHaveLength(40);
    rebuilt.close();
  });

  it('swaps the new generation in with a link, and deletes the file it replaced', async () => {
    await fill(store, 0, 5);
    const first = openReadModelDb(file, projections).db;
    await new ProjectionRunner(store, first, projections).catchUp();
    first.close();
    expect(lstatSync(file).isSymbolicLink()).toBe(false);

    const one = await rebuildReadModels({ store, file, projections });
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readlinkSync(file)).toBe(basename(one.built));
    expect(one.replaced).toBe(file);
    expect(realReadModelFile(file)).toBe(one.built);

    await fill(store, 5, 8);
    const two = await rebuildReadModels({ store, file, projections });
    expect(two.replaced).toBe(one.built);
    expect(existsSync(one.built)).toBe(false);
    // What is left: the ledger, the link and the one generation it points to.
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('read-models'))
        .sort(),
    ).toEqual(['read-models.sqlite', basename(two.built)]);
    const db = openReadModelDb(file, projections).db;
    expect(db.prepare('SELECT COUNT(*) AS n FROM matters').get()).toEqual({ n: 8 });
    db.close();
  });

  it('refuses to run beside another rebuild, takes over a dead one’s lock, and clears what it left', async () => {
    await fill(store, 0, 2);
    writeFileSync(`${file}.rebuild.lock`, String(process.ppid));
    await expect(rebuildReadModels({ store, file, projections })).rejects.toBeInstanceOf(RebuildInProgressError);
    writeFileSync(`${file}.rebuild.lock`, '999999999');
    writeFileSync(`${file}.rebuild-20220101T000000000Z`, 'a half-built generation');
    writeFileSync(`${file}.rebuild-20220101T000000000Z-wal`, '');
    const result = await rebuildReadModels({ store, file, projections });
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('read-models'))
        .sort(),
    ).toEqual(['read-models.sqlite', basename(result.built)]);
  });

  it('recreates a linked generation built by other projection versions, removing what the link pointed to', async () => {
    await fill(store, 0, 3);
    const result = await rebuildReadModels({ store, file, projections });
    const bumped = projections.map((p) => (p.name === 'units' ? { ...p, version: p.version + 1 } : p));
    const { db, fresh } = openReadModelDb(file, bumped);
    expect(fresh).toBe(true);
    expect(existsSync(result.built)).toBe(false);
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    db.close();
  });
});

describe('LiveReadModels', () => {
  let dir: string;
  let store: SqliteEventStore;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'live-spec-'));
    store = SqliteEventStore.open({ file: join(dir, 'ledger.sqlite') });
    file = join(dir, 'read-models.sqlite');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps serving the old generation during a rebuild, then switches to the new one and catches it up', async () => {
    await fill(store, 0, 10);
    const swaps: string[] = [];
    const live = new LiveReadModels(store, file, projections, {
      retireAfterMs: 50,
      onSwap: ({ generation }) => swaps.push(generation),
    });
    await live.catchUp();
    const before = live.generation;
    const oldDb = live.db;
    expect(live.position).toBe((await store.head()).position);

    const rebuilt = await rebuildReadModels({ store, file, projections });
    // Appended after the rebuild: the new generation must catch up with it.
    await fill(store, 10, 12);
    // The old handle still answers although its file is gone.
    expect(oldDb.prepare('SELECT COUNT(*) AS n FROM matters').get()).toEqual({ n: 10 });

    await live.catchUp();
    expect(swaps).toEqual([generationOf(file)]);
    expect(live.generation).not.toBe(before);
    expect(live.db).not.toBe(oldDb);
    expect(live.db.prepare('SELECT COUNT(*) AS n FROM matters').get()).toEqual({ n: 12 });
    expect(live.position).toBe((await store.head()).position);
    expect(realReadModelFile(file)).toBe(rebuilt.built);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(oldDb.open).toBe(false);
    await live.close();
  });

  it('tells onApplied every event once, in order, across a swap, each once the generation served reflects it', async () => {
    await fill(store, 0, 10);
    const told: bigint[] = [];
    const late: bigint[] = [];
    const live = new LiveReadModels(store, file, projections, {
      retireAfterMs: 10,
      onApplied: (events) => {
        for (const event of events) {
          told.push(event.position);
          if (live.position < event.position) late.push(event.position);
        }
      },
    });
    await live.catchUp();
    await rebuildReadModels({ store, file, projections });
    // Applied by the rebuilt generation while it catches up beside the current one: told once it is current.
    await fill(store, 10, 12);
    await live.catchUp();
    await fill(store, 12, 13);
    await live.catchUp();
    const all = (await store.readAll(1n, 10_000)).map((event) => event.position);
    expect(told).toEqual(all);
    expect(late).toEqual([]);
    await live.close();
  });

  it('answers waitFor across a swap, and times out when the position never comes', async () => {
    await fill(store, 0, 3);
    const live = new LiveReadModels(store, file, projections, { pollIntervalMs: 10, retireAfterMs: 10 });
    live.start();
    const head = (await store.head()).position;
    expect(await live.waitFor(head, 2000)).toBe(true);
    await rebuildReadModels({ store, file, projections });
    await fill(store, 3, 4);
    expect(await live.waitFor((await store.head()).position, 2000)).toBe(true);
    expect(live.db.prepare('SELECT COUNT(*) AS n FROM matters').get()).toEqual({ n: 4 });
    expect(await live.waitFor(head + 1000n, 50)).toBe(false);
    await live.close();
  });
});
