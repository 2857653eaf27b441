import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/ledger';
import { loadConfig } from '@app/runtime';
import { createApp } from '../apps/api/src/create-app';
import { Actors, auth, openMatterBody, PERSON, seedActors } from './support/actors';
import { API } from './support/matter-api';
import { runCli } from './support/run-cli';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

/** Issue 13 "Backup and restore", against a server that keeps writing while the backup runs. */
describe('ledger backup and ledger restore', () => {
  let t: TestApp;
  let a: Actors;
  let scratch: string;
  beforeAll(async () => {
    t = await startTestApp();
    a = await seedActors(t);
    scratch = mkdtempSync(join(tmpdir(), 'backup-e2e-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const backupDir = () => join(scratch, 'backup');

  it('copies the data directory under concurrent writes: every write acknowledged before it began is in the copy, which verifies', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    let serial = 0;
    const writer = async () => {
      while (!stop) {
        const id = `BK-${++serial}`;
        const res = await t.http().post(`${API}/matters`).set(auth(a.registrar)).send(openMatterBody({ id }));
        if (res.status !== 201) throw new Error(`write ${id}: ${res.status} ${JSON.stringify(res.body)}`);
        acknowledged.push(id);
      }
    };
    const writers = [writer(), writer()];
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 10));
    const before = [...acknowledged];
    const run = await runCli({ LEDGER_DATA_DIR: t.dataDir }, 'backup', '--out', backupDir());
    const during = acknowledged.length - before.length;
    stop = true;
    await Promise.all(writers);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    // The server really wrote while the backup ran.
    expect(during).toBeGreaterThan(0);

    const manifest = JSON.parse(readFileSync(join(backupDir(), 'manifest.json'), 'utf8'));
    expect(JSON.parse(run.stdout)).toEqual(manifest);
    expect(manifest.files.map((f: { name: string }) => f.name).sort()).toEqual(
      [
        'audit-signing.key',
        'audit.sqlite',
        'keys.sqlite',
        'ledger.sqlite',
        'principal-usage.sqlite',
        'read-models.sqlite',
      ].sort(),
    );
    for (const f of manifest.files)
      expect(f).toEqual({
        name: f.name,
        kind: expect.any(String),
        bytes: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    expect(manifest.audit).toEqual({
      size: expect.any(Number),
      rootHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      position: expect.any(String),
    });

    const copy = SqliteEventStore.open({ file: join(backupDir(), 'ledger.sqlite'), readonly: true });
    try {
      const head = await copy.head();
      expect(head.position.toString()).toBe(manifest.ledger.headPosition);
      for (const id of before) expect(await copy.readStream(`matter-${id}`)).not.toHaveLength(0);
    } finally {
      await copy.close();
    }
    const verify = await runCli({}, 'verify', '--data-dir', backupDir());
    expect(verify.stderr).toMatch(/ledger verify: OK/);
    expect(verify.code).toBe(0);
  });

  it('restores into a new directory that verifies and that a server starts on, personal data readable', async () => {
    const restored = join(scratch, 'restored');
    const run = await runCli({}, 'restore', '--from', backupDir(), '--data-dir', restored);
    expect(run.stderr).toMatch(/restored into/);
    expect(run.code).toBe(0);
    const verify = await runCli({}, 'verify', '--data-dir', restored);
    expect(verify.stderr).toMatch(/ledger verify: OK/);
    expect(verify.code).toBe(0);

    const app = await createApp(
      loadConfig({ LEDGER_DATA_DIR: restored, LEDGER_ADMIN_TOKEN: ADMIN_TOKEN, LEDGER_LOG_LEVEL: 'silent' }),
    );
    app.useLogger(false);
    await app.init();
    try {
      const request = (await import('supertest')).default;
      const res = await request(app.getHttpServer()).get(`${API}/matters/BK-1`).set(auth(a.registrar));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).toContain(PERSON.name);
      await request(app.getHttpServer())
        .post(`${API}/matters`)
        .set(auth(a.registrar))
        .send(openMatterBody({ id: 'AFTER-RESTORE' }))
        .expect(201);
    } finally {
      await app.close();
    }
  });

  it.each([
    [
      'a changed byte in a file',
      (dir: string) => {
        const file = join(dir, 'keys.sqlite');
        const bytes = readFileSync(file);
        bytes[bytes.length - 1] ^= 0xff;
        writeFileSync(file, bytes);
      },
      /keys.sqlite: SHA-256 differs/,
    ],
    [
      'a missing file',
      (dir: string) => rmSync(join(dir, 'audit.sqlite')),
      /audit.sqlite is listed in the manifest but missing/,
    ],
    [
      'a file the manifest does not list',
      (dir: string) => writeFileSync(join(dir, 'extra.sqlite'), 'x'),
      /not in the manifest: extra.sqlite/,
    ],
    [
      'a manifest whose ledger head is not the copy’s',
      (dir: string) => {
        const path = join(dir, 'manifest.json');
        const m = JSON.parse(readFileSync(path, 'utf8'));
        writeFileSync(path, JSON.stringify({ ...m, ledger: { ...m.ledger, headPosition: '1' } }));
      },
      /the manifest says 1/,
    ],
    ['no manifest (an unfinished backup)', (dir: string) => rmSync(join(dir, 'manifest.json')), /no manifest.json/],
  ])('refuses %s and writes nothing', async (_name, spoil, reason) => {
    const spoilt = join(scratch, `spoilt-${Math.random().toString(36).slice(2)}`);
    cpSync(backupDir(), spoilt, { recursive: true });
    spoil(spoilt);
    const target = join(scratch, `never-${Math.random().toString(36).slice(2)}`);
    const run = await runCli({}, 'restore', '--from', spoilt, '--data-dir', target);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(reason);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to restore over a directory that is not empty', async () => {
    const run = await runCli({}, 'restore', '--from', backupDir(), '--data-dir', t.dataDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not empty/);
  });
});
