/**
 * `ledger replay`: a published ranking or bulletin recomputed from the log
 * prefix its checkpoint names, in fresh read models, and compared with what
 * was published.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, clockSettingsFrom } from '@app/runtime';
import { replay, ReplayOptions } from '../apps/cli/src/commands/replay';
import { auth } from './support/actors';
import { API, day, RhythmFixture } from './support/rhythm-fixture';
import { startTestApp, TestApp } from './support/test-app';

describe('ledger replay', () => {
  let t: TestApp;
  let f: RhythmFixture;
  let undecided: string;
  let published: {
    ranking: { position: string; checkpoint: { size: number; rootHash: string } };
    bulletin: { position: string };
  };
  const work = mkdtempSync(join(tmpdir(), 'petition-ledger-replay-'));

  const config = () => loadConfig({ LEDGER_DATA_DIR: t.dataDir, LEDGER_LOG_LEVEL: 'silent' });
  const run = (options: ReplayOptions) => replay(config(), clockSettingsFrom(config()), options);

  beforeAll(async () => {
    t = await startTestApp({ LEDGER_CHECKPOINT_SECONDS: '1' });
    f = new RhythmFixture(t);
    await f.setUp([
      { code: 'town-a', name: '城关镇', kind: 'town' },
      { code: 'town-b', name: '城北镇', kind: 'town' },
    ]);
    for (const unit of ['town-a', 'town-b']) {
      for (const plan of ['on_time', 'on_time', 'late'] as const) await f.acceptanceMatter(unit, plan);
      await f.replyMatter(unit, { reply: 'on_time', resolved: true, evaluation: 'satisfied', repeats: 1 });
      await f.replyMatter(unit, { reply: 'late', evaluation: 'dissatisfied' });
    }
    undecided = await f.acceptanceMatter('town-b', 'none');
    const publish = async (path: string) =>
      (await t.http().post(`${API}${path}`).set(auth(f.analyst)).send({}).expect(201)).body;
    published = {
      ranking: await publish('/rankings/2022-04/publish'),
      bulletin: await publish('/bulletins/2022-04-H1/publish'),
    };
    // A fact back-dated into April arrives after publication, and a checkpoint covers it.
    await f.accept(undecided, 'town-b', day('04-16'));
    const events = await t.eventCount();
    for (let attempt = 0; attempt < 200; attempt++) {
      const res = await t.http().get(`${API}/audit/checkpoint`).set(auth(f.leader));
      if (res.status === 200 && res.body.size === events) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('recomputes the published ranking from exactly the signed prefix, and finds it equal', async () => {
    const outcome = await run({ report: 'ranking', period: '2022-04' });
    expect(outcome).toMatchObject({
      report: 'ranking',
      period: '2022-04',
      asOf: {
        size: published.ranking.checkpoint.size,
        rootHash: published.ranking.checkpoint.rootHash,
        rootCheckedAgainst: 'publication',
      },
      published: { position: published.ranking.position },
      equal: true,
      restatement: null,
    });
    expect(outcome.contentSha256).toBe(outcome.published!.contentSha256);
    expect(outcome.figure).toMatchObject({ kind: 'ranking' });
  });

  it('recomputes the published bulletin too', async () => {
    expect(await run({ report: 'bulletin', period: '2022-04-H1' })).toMatchObject({
      equal: true,
      published: { position: published.bulletin.position },
    });
  });

  it('shows what a back-dated fact changed when replayed at the latest checkpoint instead', async () => {
    const outcome = await run({ report: 'ranking', period: '2022-04', asOf: 'latest' });
    expect(outcome.asOf).toMatchObject({ size: await t.eventCount(), rootCheckedAgainst: 'checkpoint' });
    expect(outcome.equal).toBe(false);
    // town-b's undecided matter now counts as accepted in time: 2 of 4 became 3 of 4, and nothing is overdue.
    expect(outcome.restatement!.changes).toEqual(
      expect.arrayContaining([
        { path: 'rows[town-b].indicators.timelyAcceptance.numerator', published: 2, current: 3 },
        { path: 'rows[town-b].volumes.overdue', published: 1, current: 0 },
        { path: 'rows[town-b].rank', published: 2, current: 1 },
      ]),
    );
  });

  it('computes an unpublished overview from a prefix, equal to what the server answers as of that position', async () => {
    const outcome = await run({ report: 'overview', period: '2022-04-01..2022-04-30', asOf: 'latest' });
    expect(outcome.equal).toBeNull();
    const live = await t
      .http()
      .get(`${API}/reports/overview?from=2022-04-01&to=2022-04-30&asOf=${outcome.asOf.position}`)
      .set(auth(f.leader))
      .expect(200);
    expect(outcome.figure).toEqual(live.body);
  });

  it('refuses bad arguments and periods never published', async () => {
    await expect(run({ report: 'ranking', period: '2022-4' })).rejects.toThrow(/--period/);
    await expect(run({ report: 'ranking', period: '2022-03' })).rejects.toThrow(/has not been published/);
    await expect(run({ report: 'overview', period: '2022-04' })).rejects.toThrow(/FROM\.\.TO/);
    await expect(run({ report: 'ranking', period: '2022-04', asOf: 'yesterday' })).rejects.toThrow(/--as-of/);
  });

  it('will not replay over a log that is not the one signed, and runs as a command', async () => {
    const dir = join(work, 'copy');
    await t.app.close();
    cpSync(t.dataDir, dir, { recursive: true });
    t = { ...t, close: async () => rmSync(t.dataDir, { recursive: true, force: true }) };

    const cli = (args: string[]) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(
          process.execPath,
          ['-r', './test/support/register-ts.js', 'apps/cli/src/main.ts', ...args],
          {
            cwd: resolve(__dirname, '..'),
            env: { ...process.env, LEDGER_LOG_LEVEL: 'silent' },
          },
        );
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => done({ code, stderr }));
      });
    const equal = await cli(['replay', '--report', 'ranking', '--period', '2022-04', '--data-dir', dir]);
    expect(equal.stderr).toMatch(/EQUAL to the publication/);
    expect(equal.code).toBe(0);

    // Someone rewrites an April contact inside the signed prefix.
    const db = new Database(join(dir, 'ledger.sqlite'));
    db.exec('DROP TRIGGER events_are_immutable_update');
    const row = db
      .prepare<[], { position: number; body: string }>(
        "SELECT position, body FROM events WHERE type = 'AcceptanceDecided' ORDER BY position LIMIT 1",
      )
      .get()!;
    db.prepare('UPDATE events SET body = ? WHERE position = ?').run(
      row.body.replace('2022-04-15', '2022-04-25'),
      row.position,
    );
    db.close();
    const altered = await cli(['replay', '--report', 'ranking', '--period', '2022-04', '--data-dir', dir]);
    expect(altered.code).toBe(1);
    expect(altered.stderr).toMatch(/do not have the audit root the publication recorded/);
  });
});
