import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type Projection } from '@app/ledger';
import { ProjectionRunner } from './projection-runner';
import { openReadModelDb } from './read-model-db';

/** Records every event it is given with a plain INSERT: applying one twice fails on the primary key. */
const strict: Projection = {
  name: 'strict',
  version: 1,
  schema:
    'CREATE TABLE IF NOT EXISTS seen (position INTEGER PRIMARY KEY, idx INTEGER NOT NULL UNIQUE, stream TEXT NOT NULL);',
  apply(event, { db, index }) {
    db.prepare('INSERT INTO seen (position, idx, stream) VALUES (?, ?, ?)').run(
      Number(event.position),
      index,
      event.stream,
    );
  },
};

describe('ProjectionRunner', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'runner-spec-'));
    store = SqliteEventStore.open({ file: join(dir, 'ledger.sqlite') });
    for (let i = 0; i < 57; i++) {
      await store.append(
        `s-${i % 5}`,
        [
          {
            type: 'Tick',
            version: 1,
            occurredAt: '2022-04-03T09:30:00+08:00',
            actor: { id: 'a', role: 'admin' },
            data: { i },
          },
        ],
        'any',
      );
    }
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the log in batches, each event once with its audit index, and keeps the checkpoint at the head', async () => {
    const { db } = openReadModelDb(join(dir, 'rm.sqlite'), [strict]);
    const batches: number[] = [];
    const runner = new ProjectionRunner(store, db, [strict], {
      batchSize: 10,
      onBatch: ({ applied }) => batches.push(applied),
    });
    expect(await runner.catchUp()).toBe(57);
    expect(batches).toEqual([10, 10, 10, 10, 10, 7]);
    expect(runner.position).toBe(57n);
    expect(runner.applied).toBe(57);
    expect(db.prepare('SELECT COUNT(*) AS n, MIN(idx) AS lo, MAX(idx) AS hi FROM seen').get()).toEqual({
      n: 57,
      lo: 0,
      hi: 56,
    });
    expect(db.prepare('SELECT position, next_index FROM runner_state').get()).toEqual({
      position: '57',
      next_index: 57,
    });
    expect(await runner.catchUp()).toBe(0);
    db.close();
  });

  it('gives a projection with applyBatch each batch’s new events once, with the first one’s index, after the per-event ones', async () => {
    const { db } = openReadModelDb(join(dir, 'rm.sqlite'), [strict]);
    const calls: Array<{ positions: number[]; index: number; seenBefore: number }> = [];
    const bulk: Projection = {
      name: 'bulk',
      version: 1,
      schema: '',
      apply() {
        throw new Error('apply is not called when applyBatch is there');
      },
      applyBatch(events, ctx) {
        const { n } = ctx.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM seen').get()!;
        calls.push({ positions: events.map((e) => Number(e.position)), index: ctx.index, seenBefore: n });
      },
    };
    const runner = new ProjectionRunner(store, db, [bulk, strict], { batchSize: 25 });
    expect(await runner.catchUp()).toBe(57);
    expect(calls.map((c) => [c.index, c.positions.length, c.positions[0], c.seenBefore])).toEqual([
      [0, 25, 1, 25],
      [25, 25, 26, 50],
      [50, 7, 51, 57],
    ]);
    expect(await runner.catchUp()).toBe(0);
    expect(calls).toHaveLength(3);
    db.close();
  });

  it('tells onApplied each committed batch’s new events once, after the position moved, and survives a failing listener', async () => {
    const { db } = openReadModelDb(join(dir, 'rm.sqlite'), [strict]);
    const told: Array<{ positions: number[]; runnerAt: bigint; seen: number }> = [];
    const errors: unknown[] = [];
    let runner: ProjectionRunner | null = null;
    runner = new ProjectionRunner(store, db, [strict], {
      batchSize: 20,
      onApplied: (events) => {
        const { n } = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM seen').get()!;
        told.push({ positions: events.map((e) => Number(e.position)), runnerAt: runner!.position, seen: n });
        if (told.length === 1) throw new Error('listener bug');
      },
      onError: (error) => errors.push(error),
    });
    expect(await runner.catchUp()).toBe(57);
    // A read made from the listener sees the batch: it is told after the commit.
    expect(told.map((t) => [t.positions.length, t.positions[0], t.runnerAt, t.seen])).toEqual([
      [20, 1, 20n, 20],
      [20, 21, 40n, 40],
      [17, 41, 57n, 57],
    ]);
    expect(told.flatMap((t) => t.positions)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    expect(errors).toEqual([new Error('listener bug')]);
    expect(await runner.catchUp()).toBe(0);
    expect(told).toHaveLength(3);
    db.close();
  });

  it('tells onApplied nothing of events another runner on the same file applied first', async () => {
    const file = join(dir, 'rm.sqlite');
    const a = openReadModelDb(file, [strict]).db;
    const b = openReadModelDb(file, [strict]).db;
    const toldA: number[] = [];
    const toldB: number[] = [];
    const first = new ProjectionRunner(store, a, [strict], {
      batchSize: 7,
      onApplied: (events) => toldA.push(...events.map((e) => Number(e.position))),
    });
    const second = new ProjectionRunner(store, b, [strict], {
      batchSize: 5,
      onApplied: (events) => toldB.push(...events.map((e) => Number(e.position))),
    });
    await Promise.all([first.catchUp(), second.catchUp()]);
    expect([...toldA, ...toldB].sort((x, y) => x - y)).toEqual(Array.from({ length: 57 }, (_, i) => i + 1));
    a.close();
    b.close();
  });

  it('lets two runners share one file: each event is applied exactly once between them', async () => {
    const file = join(dir, 'rm.sqlite');
    const a = openReadModelDb(file, [strict]).db;
    const b = openReadModelDb(file, [strict]).db;
    const first = new ProjectionRunner(store, a, [strict], { batchSize: 7 });
    const second = new ProjectionRunner(store, b, [strict], { batchSize: 5 });
    // Both start from the same checkpoint and race; the plain INSERT would throw on a second application.
    const [x, y] = await Promise.all([first.catchUp(), second.catchUp()]);
    expect(x + y).toBe(57);
    expect(a.prepare('SELECT COUNT(*) AS n FROM seen').get()).toEqual({ n: 57 });
    expect(a.prepare('SELECT COUNT(DISTINCT idx) AS n, MAX(idx) AS hi FROM seen').get()).toEqual({ n: 57, hi: 56 });
    expect([first.position, second.position]).toEqual([57n, 57n]);
    a.close();
    b.close();
  });

  it('commits nothing of a batch whose projection fails, and resumes from the same event', async () => {
    const { db } = openReadModelDb(join(dir, 'rm.sqlite'), [strict]);
    let failAt: number | null = 23;
    const flaky: Projection = {
      name: 'flaky',
      version: 1,
      schema: '',
      apply(event) {
        if (Number(event.position) === failAt) throw new Error('projection bug');
      },
    };
    const runner = new ProjectionRunner(store, db, [strict, flaky], { batchSize: 10 });
    await expect(runner.catchUp()).rejects.toThrow('projection bug');
    expect(runner.position).toBe(20n);
    expect(db.prepare('SELECT COUNT(*) AS n FROM seen').get()).toEqual({ n: 20 });
    failAt = null;
    expect(await runner.catchUp()).toBe(37);
    expect(db.prepare('SELECT COUNT(*) AS n FROM seen').get()).toEqual({ n: 57 });
    db.close();
  });
});
