/**
 * What an attacker with access to the files can do, and what `ledger verify`
 * says about it. Every scenario works on a copy of one ledger, with the
 * server closed, as an attacker with the files (but not the signing key,
 * which lives in LEDGER_SIGNING_KEY) would.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import {
  generateSigningKey,
  GeneratedSigningKey,
  leafHashOfLine,
  toHex,
  openAuditDb,
  resetAuditTree,
} from '@app/audit';
import { loadConfig } from '@app/runtime';
import { createApp } from '../apps/api/src/create-app';
import { ReadinessRegistry } from '../apps/api/src/health/readiness';
import { proveInclusion } from '../apps/cli/src/audit/prove-inclusion';
import { verifyDataDir } from '../apps/cli/src/audit/verify-data-dir';
import { verifyExport } from '../apps/cli/src/audit/verify-export';
import { verifyUrl } from '../apps/cli/src/audit/verify-url';
import { writeExportFile } from '../apps/cli/src/audit/export-log';
import { auth, openMatterBody, seedActors } from './support/actors';
import { ADMIN_TOKEN, startTestApp } from './support/test-app';

const ROOT = resolve(__dirname, '..');
const ORIGIN = 'petition-ledger/tamper-test';
/** The attacker rewrites what the petitioners complained about. */
const SUMMARY = openMatterBody().summary;
const EDITED_SUMMARY = '咨询政策，无需处理';

interface Server {
  app: INestApplication;
  http(): ReturnType<typeof request>;
}

/** The real app on an existing data directory (startTestApp always makes a new one). */
async function serve(dataDir: string, key: GeneratedSigningKey): Promise<Server> {
  const config = loadConfig({
    LEDGER_DATA_DIR: dataDir,
    LEDGER_ADMIN_TOKEN: ADMIN_TOKEN,
    LEDGER_LOG_LEVEL: 'silent',
    LEDGER_SIGNING_KEY: key.privateKey,
    LEDGER_CHECKPOINT_EVENTS: '1',
  });
  const app = await createApp(config);
  app.useLogger(false);
  await app.init();
  return { app, http: () => request(app.getHttpServer()) };
}

/** The readiness check's own answer (GET /health/ready only says 503 when a check is down). */
function auditReadiness(server: Server) {
  return server.app
    .get(ReadinessRegistry)
    .all()
    .find((check) => check.name === 'audit')!
    .probe();
}

async function checkpointOfSize(
  http: () => ReturnType<typeof request>,
  size: number,
): Promise<{ size: number; rootHash: string }> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const res = await http().get('/api/v1/audit/checkpoint').set(auth(ADMIN_TOKEN));
    if (res.status === 200 && res.body.size === size) return res.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no checkpoint of size ${size}`);
}

/** `ledger <args>` from the sources, as a user would run it. */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { LEDGER_SIGNING_KEY: _key, ...inherited } = process.env;
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, ['-r', './test/support/register-ts.js', 'apps/cli/src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...inherited, LEDGER_LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const noWarnings = { warn: () => undefined };

describe('tampering with the files is caught by ledger verify', () => {
  const work = mkdtempSync(join(tmpdir(), 'petition-ledger-tamper-'));
  const key = generateSigningKey(ORIGIN);
  const baseConfig = (dataDir: string) => loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_LOG_LEVEL: 'silent' });
  let baseDir: string;
  let events: number;
  /** Audit index of the MatterOpened event of matter T-2, the one the attacker edits. */
  let target: number;
  let verifiedAfterErasure: { ok: boolean; checked: number };
  let inclusionAfterErasure: { leafHash: string; hashes: string[] };
  let rootAfterErasure: string;

  beforeAll(async () => {
    const t = await startTestApp({ LEDGER_SIGNING_KEY: key.privateKey, LEDGER_CHECKPOINT_EVENTS: '1' });
    baseDir = t.dataDir;
    const a = await seedActors(t);
    // A first checkpoint before the matters, so the log always has more than one to check
    // (under load, the runner may otherwise take every event in one batch and sign once).
    await checkpointOfSize(t.http, await t.eventCount());
    for (const id of ['T-1', 'T-2', 'T-3']) {
      await t.http().post('/api/v1/matters').set(auth(a.registrar)).send(openMatterBody({ id })).expect(201);
    }
    const matter = await t.http().get('/api/v1/matters/T-1').set(auth(a.registrar)).expect(200);
    await t
      .http()
      .post(`/api/v1/petitioners/${matter.body.petitioners[0].id}/erasure`)
      .set(auth(a.admin))
      .send({ reason: '保存期限届满' })
      .expect(201);
    events = await t.eventCount();
    const checkpoint = await checkpointOfSize(t.http, events);
    rootAfterErasure = checkpoint.rootHash;
    verifiedAfterErasure = (await t.http().get('/api/v1/audit/verify').set(auth(a.auditor)).expect(200)).body;
    const lines = (await t.http().get('/api/v1/audit/events?limit=10000').set(auth(a.auditor)).expect(200)).text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    target = lines.findIndex((l) => l.type === 'MatterOpened' && l.stream === 'matter-T-2');
    const opened = lines.find((l) => l.type === 'MatterOpened' && l.stream === 'matter-T-1');
    inclusionAfterErasure = (
      await t.http().get(`/api/v1/audit/proofs/inclusion?index=${opened.index}`).set(auth(a.auditor)).expect(200)
    ).body;
    // Close the server but keep its files.
    await t.app.close();
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(baseDir, { recursive: true, force: true });
  });

  let copies = 0;
  const copy = (): string => {
    const dir = join(work, `copy-${++copies}`);
    cpSync(baseDir, dir, { recursive: true });
    return dir;
  };

  /** What an attacker with the file does: drop the immutability triggers, then change the log. */
  function tamperLedger(dataDir: string, sql: (db: Database.Database) => void): void {
    const db = new Database(join(dataDir, 'ledger.sqlite'));
    db.exec('DROP TRIGGER events_are_immutable_update; DROP TRIGGER events_are_immutable_delete;');
    sql(db);
    db.close();
  }

  function editEventAt(dataDir: string, index: number): void {
    tamperLedger(dataDir, (db) => {
      const row = db
        .prepare<[number], { position: number; body: string }>(
          'SELECT position, body FROM events ORDER BY position LIMIT 1 OFFSET ?',
        )
        .get(index)!;
      const edited = row.body.replace(SUMMARY, EDITED_SUMMARY);
      expect(edited).not.toBe(row.body);
      db.prepare('UPDATE events SET body = ? WHERE position = ?').run(edited, row.position);
    });
  }

  it('stays green after a petitioner’s key is erased: hashes cover ciphertext, not the key', async () => {
    expect(verifiedAfterErasure).toMatchObject({ ok: true, checked: events });
    expect(inclusionAfterErasure.hashes.length).toBeGreaterThan(0);
    const offline = await verifyDataDir(baseConfig(copy()), { key: key.verifierKey, ...noWarnings });
    expect(offline.report).toMatchObject({ ok: true, checked: events });
    expect(offline.report.checkpointsVerified).toBeGreaterThan(1);
    const proof = await proveInclusion(copy(), 0);
    expect(proof).toMatchObject({ index: 0, size: events, rootHash: rootAfterErasure, verifierKey: key.verifierKey });

    const run = await cli(['verify', '--data-dir', copy(), '--key', key.verifierKey]);
    expect(run.stderr).toContain('OK');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, checked: events });
  });

  it('names exactly the index of an event whose bytes were edited in ledger.sqlite', async () => {
    const dir = copy();
    editEventAt(dir, target);
    const { report } = await verifyDataDir(baseConfig(dir), { key: key.verifierKey, ...noWarnings });
    expect(report).toMatchObject({ ok: false, firstBadIndex: target, checked: target, fault: 'LEAF_HASH_MISMATCH' });

    const run = await cli(['verify', '--data-dir', dir, '--key', key.verifierKey]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`FAILED at index ${target}`);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, firstBadIndex: target });

    // `ledger prove` will not vouch for it either.
    await expect(proveInclusion(dir, target)).rejects.toThrow(/no longer matches/);
    // And the server, restarted on the edited files, says the same.
    const server = await serve(dir, key);
    try {
      const res = await server.http().get('/api/v1/audit/verify').set(auth(ADMIN_TOKEN)).expect(200);
      expect(res.body).toMatchObject({ ok: false, firstBadIndex: target, fault: 'LEAF_HASH_MISMATCH' });
    } finally {
      await server.app.close();
    }
  });

  it('notices that the last event was deleted: a checkpoint covers more than the log holds', async () => {
    const dir = copy();
    tamperLedger(dir, (db) =>
      db.prepare('DELETE FROM events WHERE position = (SELECT MAX(position) FROM events)').run(),
    );
    const { report } = await verifyDataDir(baseConfig(dir), { key: key.verifierKey, ...noWarnings });
    expect(report).toMatchObject({
      ok: false,
      fault: 'CHECKPOINT_BEYOND_LOG',
      firstBadIndex: events - 1,
      checked: events - 1,
    });
  });

  it('will not sign a rebuilt tree that does not extend the checkpoints already signed', async () => {
    const dir = copy();
    editEventAt(dir, target);
    // The tree is rebuilt from the edited log, but the signed checkpoints stay, and the server has the genuine key.
    const db = openAuditDb(join(dir, 'audit.sqlite'));
    resetAuditTree(db);
    db.close();
    const server = await serve(dir, key);
    try {
      await server
        .http()
        .post('/api/v1/units')
        .set(auth(ADMIN_TOKEN))
        .send({ code: 'town-new', name: '新镇', kind: 'town' })
        .expect(201);
      let audit = await auditReadiness(server);
      for (let attempt = 0; attempt < 200 && audit.details?.size !== events + 1; attempt++) {
        await new Promise((r) => setTimeout(r, 25));
        audit = await auditReadiness(server);
      }
      expect(audit).toEqual({
        ok: false,
        details: expect.objectContaining({ size: events + 1, signing: expect.stringMatching(/not consistent/) }),
      });
      await server.http().get('/health/ready').expect(503);
      const latest = await server.http().get('/api/v1/audit/checkpoint').set(auth(ADMIN_TOKEN)).expect(200);
      expect(latest.body).toMatchObject({ size: events, rootHash: rootAfterErasure });
    } finally {
      await server.app.close();
    }
  });

  it('reports the audit tree ahead of a ledger that lost events', async () => {
    const dir = copy();
    tamperLedger(dir, (db) =>
      db.prepare('DELETE FROM events WHERE position = (SELECT MAX(position) FROM events)').run(),
    );
    const server = await serve(dir, key);
    try {
      await server.http().get('/health/ready').expect(503);
      expect(await auditReadiness(server)).toEqual({
        ok: false,
        details: expect.objectContaining({ problem: expect.stringMatching(/no longer has/) }),
      });
    } finally {
      await server.app.close();
    }
  });

  it('rejects a tree rebuilt over an edited log and signed with another key', async () => {
    const dir = copy();
    editEventAt(dir, target);
    // The attacker throws the audit store away and lets a server rebuild and sign it with a key of their own.
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `audit.sqlite${suffix}`), { force: true });
    const forged = generateSigningKey(ORIGIN);
    const server = await serve(dir, forged);
    try {
      await checkpointOfSize(server.http, events);
    } finally {
      await server.app.close();
    }
    // Every hash now agrees with the edited events: only the signature betrays it.
    const selfConsistent = await verifyDataDir(baseConfig(dir), { key: forged.verifierKey, ...noWarnings });
    expect(selfConsistent.report).toMatchObject({ ok: true, checked: events });

    const { report } = await verifyDataDir(baseConfig(dir), { key: key.verifierKey, ...noWarnings });
    expect(report).toMatchObject({ ok: false, fault: 'CHECKPOINT_SIGNATURE_INVALID' });
    expect(report.reason).toMatch(/not signed by/);
    // The same with the genuine key from the environment, as the bureau's own check runs.
    const fromEnv = await verifyDataDir(
      loadConfig({ LEDGER_DATA_DIR: dir, LEDGER_SIGNING_KEY: key.privateKey }),
      noWarnings,
    );
    expect(fromEnv.report).toMatchObject({ ok: false, fault: 'CHECKPOINT_SIGNATURE_INVALID' });
  });

  it('exports the log with its checkpoints and key, and verifies the export offline', async () => {
    const dir = copy();
    const file = join(work, 'ledger.export.ndjson');
    const exported = await cli(['export', '--data-dir', dir, '--out', file]);
    expect(exported.code).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      kind: 'header',
      verifierKey: key.verifierKey,
      publicKey: key.publicKey,
      origin: ORIGIN,
    });
    expect(lines.filter((l) => l.kind === 'event')).toHaveLength(events);
    expect(lines[lines.length - 1]).toMatchObject({ kind: 'end', events });

    const run = await cli(['verify', '--export', file, '--key', key.publicKey]);
    expect(run.stderr).toContain('OK');
    expect(run.code).toBe(0);
    // Without --key it trusts the key in the file, and says so.
    const unpinned = await cli(['verify', '--export', file]);
    expect(unpinned.code).toBe(0);
    expect(unpinned.stderr).toMatch(/warning: trusting the key named in the export/);
  });

  it('names the edited, missing or truncated part of a doctored export', async () => {
    const file = join(work, 'doctored.ndjson');
    await writeExportFile(baseConfig(copy()), file);
    const original = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const firstEvent = original.findIndex((l) => JSON.parse(l).kind === 'event');
    const check = async (lines: string[]) => {
      const doctored = join(work, `doctored-${++copies}.ndjson`);
      writeFileSync(doctored, lines.join('\n') + '\n');
      return (await verifyExport(doctored, { key: key.verifierKey, ...noWarnings })).report;
    };

    expect(await check(original)).toMatchObject({ ok: true, checked: events });
    const edited = [...original];
    edited[firstEvent + target] = edited[firstEvent + target].replace(SUMMARY, EDITED_SUMMARY);
    expect(await check(edited)).toMatchObject({ ok: false, firstBadIndex: target, fault: 'LEAF_HASH_MISMATCH' });
    // Editing the claimed hash too does not help: the checkpoint root then disagrees.
    const line = JSON.parse(edited[firstEvent + target]);
    edited[firstEvent + target] = JSON.stringify({ ...line, hash: toHex(leafHashOfLine(line)) });
    expect(await check(edited)).toMatchObject({ ok: false, fault: 'CHECKPOINT_ROOT_MISMATCH' });
    const removed = original.filter((_, i) => i !== firstEvent + target);
    expect(await check(removed)).toMatchObject({ ok: false, firstBadIndex: target, fault: 'INDEX_OUT_OF_ORDER' });
    const truncated = original.slice(0, -1);
    expect(await check(truncated)).toMatchObject({ ok: false, firstBadIndex: events, fault: 'EVENT_UNREADABLE' });
    const withoutTail = [
      ...original.slice(0, -2),
      JSON.stringify({ kind: 'end', events: events - 1, checkpoints: firstEvent - 1 }),
    ];
    expect(await check(withoutTail)).toMatchObject({
      ok: false,
      fault: 'CHECKPOINT_BEYOND_LOG',
      firstBadIndex: events - 1,
    });
  });

  it('verifies a running server over HTTP, paging through its events', async () => {
    const server = await serve(copy(), key);
    try {
      await server.app.listen(0, '127.0.0.1');
      const url = await server.app.getUrl();
      const outcome = await verifyUrl(url, { key: key.verifierKey, token: ADMIN_TOKEN, pageSize: 7, ...noWarnings });
      expect(outcome.report).toMatchObject({ ok: true, checked: events });
      expect(outcome.report.checkpointsVerified).toBeGreaterThan(1);
      const other = generateSigningKey(ORIGIN);
      const wrongKey = await verifyUrl(url, { key: other.verifierKey, token: ADMIN_TOKEN, ...noWarnings });
      expect(wrongKey.report).toMatchObject({ ok: false, fault: 'CHECKPOINT_SIGNATURE_INVALID' });
      await expect(verifyUrl(url, { key: key.verifierKey, ...noWarnings })).rejects.toThrow(/401/);
    } finally {
      await server.app.close();
    }
  });
});
