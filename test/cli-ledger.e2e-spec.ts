import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/ledger';
import { newEvent } from '@app/ledger/testing';
import { runCli } from './support/run-cli';

describe('the ledger command: events, stats and start-up checks', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cli-ledger-'));
    const store = SqliteEventStore.open({ file: join(dataDir, 'ledger.sqlite') });
    await store.append('matter-1', [newEvent('A', { n: 1, text: '紫悦华府' }), newEvent('B', { n: 2 })], 'no_stream');
    await store.append('unit-x', [newEvent('C', { n: 3 })], 'no_stream');
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the log as NDJSON, one canonical event per line, from a position and up to a limit', async () => {
    const all = await runCli({ LEDGER_DATA_DIR: dataDir }, 'events');
    expect(all.code).toBe(0);
    const lines = all.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((e) => [e.position, e.stream, e.revision, e.type])).toEqual([
      ['1', 'matter-1', 0, 'A'],
      ['2', 'matter-1', 1, 'B'],
      ['3', 'unit-x', 0, 'C'],
    ]);
    expect(lines[0].data).toEqual({ n: 1, text: '紫悦华府' });
    const page = await runCli({ LEDGER_DATA_DIR: dataDir }, 'events', '--from', '2', '--limit', '1');
    expect(
      page.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).type),
    ).toEqual(['B']);
  });

  it('refuses a malformed --from with a clear message', async () => {
    const bad = await runCli({ LEDGER_DATA_DIR: dataDir }, 'events', '--from', 'abc');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--from expects a position/);
  });

  it('shows streams, events, head position and file size', async () => {
    const stats = await runCli({ LEDGER_DATA_DIR: dataDir }, 'stats');
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({
      streams: 2,
      events: 3,
      headPosition: '3',
      bytes: expect.any(Number),
    });
  });

  it('says where no ledger is, rather than creating one', async () => {
    const missing = await runCli({ LEDGER_DATA_DIR: join(dataDir, 'nothing-here') }, 'stats');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no ledger at .*nothing-here/);
  });

  it('stops a start with a bad variable, naming it and the form it expects', async () => {
    const serve = await runCli({ LEDGER_DATA_DIR: dataDir, PORT: 'eighty', LEDGER_TIMEZONE: 'Mars/Base' }, 'serve');
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/PORT="eighty": expected an integer from 0 to 65535/);
    expect(serve.stderr).toMatch(/LEDGER_TIMEZONE="Mars\/Base": expected an IANA time zone/);
  });
});
