import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { EventEnvelope, SqliteEventStore } from '@app/ledger';
import { dataFiles } from '@app/runtime';
import { openMatterBody } from './support/actors';

const register = resolve(__dirname, 'support/register-ts.js');
const child = resolve(__dirname, 'support/api-server-child.ts');
const ADMIN_TOKEN = 'kill-test-admin-token-0123456789';
const WRITERS = 16;
const ROUNDS = 3;

interface Server {
  proc: ChildProcess;
  api: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

/** The real app in its own process on `dataDir`; resolves once it listens. */
function startServer(dataDir: string): Promise<Server> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, ['-r', register, child, dataDir, ADMIN_TOKEN], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | number | null>((settle) =>
      proc.on('exit', (code, signal) => settle(signal ?? code)),
    );
    let out = '';
    let err = '';
    proc.stdout!.on('data', (chunk) => {
      out += chunk;
      const listening = /listening (\d+)/.exec(out);
      if (listening) done({ proc, api: `http://127.0.0.1:${listening[1]}/api/v1`, exited });
    });
    proc.stderr!.on('data', (chunk) => (err += chunk));
    void exited.then((how) => fail(new Error(`server child exited (${how}) before listening: ${err}`)));
  });
}

async function call(
  api: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: Answer }> {
  const res = await fetch(api + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Answer };
}

/** A JSON answer: a write's result, a principal's token, a matter, or a problem. */
interface Answer {
  id: string;
  revision: number;
  position: string;
  token: string;
  petitioners: { name: string | null }[];
}

interface Acknowledged {
  id: string;
  revision: number;
  position: string;
}

describe('group commit under SIGKILL', () => {
  it('with 16 concurrent writers, every acknowledged write survives a kill of the server, and nothing is half-written', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'group-commit-kill-'));
    const acknowledged: Acknowledged[] = [];
    let registrar = '';
    let analyst = '';
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const server = await startServer(dataDir);
        if (round === 0) {
          expect(
            (await call(server.api, 'POST', '/units', ADMIN_TOKEN, { code: 'town-a', name: '城关镇', kind: 'town' }))
              .status,
          ).toBe(201);
          registrar = (
            await call(server.api, 'POST', '/principals', ADMIN_TOKEN, { name: '登记员 王', role: 'registrar' })
          ).body.token;
          analyst = (await call(server.api, 'POST', '/principals', ADMIN_TOKEN, { name: '分析员 孙', role: 'analyst' }))
            .body.token;
        }
        const before = acknowledged.length;
        let killed = false;
        const kill = () => {
          killed = true;
          server.proc.kill('SIGKILL');
        };
        // Even rounds kill the moment an acknowledgement arrives (its commit must already be on disk),
        // odd rounds at a random moment once writes are flowing, while requests are in every stage.
        const killOnAck = round % 2 === 0;
        const writer = async () => {
          while (!killed) {
            try {
              const res = await call(server.api, 'POST', '/matters', registrar, openMatterBody());
              // A 201 that arrived is an acknowledgement, even if the kill came just after it.
              if (res.status === 201) {
                acknowledged.push({ id: res.body.id, revision: res.body.revision, position: res.body.position });
                if (killOnAck && !killed && acknowledged.length - before >= 40) kill();
              } else if (!killed) throw new Error(`POST /matters answered ${res.status}: ${JSON.stringify(res.body)}`);
            } catch (error) {
              if (!killed) throw error;
            }
          }
        };
        const writers = Array.from({ length: WRITERS }, writer);
        while (acknowledged.length - before < 40) await new Promise((r) => setTimeout(r, 5));
        if (!killed) {
          await new Promise((r) => setTimeout(r, Math.random() * 300));
          kill();
        }
        expect(await server.exited).toBe('SIGKILL');
        await Promise.all(writers);
      }
      expect(acknowledged.length).toBeGreaterThan(ROUNDS * 40);

      // Restarted: the server recovers the files and serves every acknowledged write.
      const server = await startServer(dataDir);
      try {
        const file = dataFiles({ dataDir }).ledger;
        const raw = new Database(file, { readonly: true });
        try {
          expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        } finally {
          raw.close();
        }
        const store = SqliteEventStore.open({ file, readonly: true });
        try {
          // Every acknowledged write is there, at the revision and position it was acknowledged with.
          for (const ack of acknowledged) {
            const events = await store.readStream(`matter-${ack.id}`);
            expect(events.length).toBe(ack.revision + 1);
            expect(events[ack.revision].position.toString()).toBe(ack.position);
          }
          // Nothing half-written: every matter stream in the log, acknowledged or not, holds what one
          // whole POST /matters writes, in one request (one correlation id), with no gap in its revisions.
          const complete = (await store.readStream(`matter-${acknowledged[0].id}`)).map((e) => e.type);
          const streams = new Map<string, EventEnvelope[]>();
          for (let from = 1n; ;) {
            const batch = await store.readAll(from, 1000);
            if (batch.length === 0) break;
            for (const event of batch) {
              if (event.stream.startsWith('matter-'))
                streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
            }
            from = batch[batch.length - 1].position + 1n;
          }
          expect(streams.size).toBeGreaterThanOrEqual(acknowledged.length);
          for (const events of streams.values()) {
            expect(events.map((e) => e.type)).toEqual(complete);
            expect(events.map((e) => e.revision)).toEqual(complete.map((_, i) => i));
            expect(new Set(events.map((e) => e.correlationId)).size).toBe(1);
          }
        } finally {
          await store.close();
        }
        // Through the API: each acknowledged matter is served, its petitioner's key durable with it.
        const head = acknowledged.map((a) => BigInt(a.position)).reduce((a, b) => (a > b ? a : b));
        for (const ack of acknowledged) {
          const res = await call(server.api, 'GET', `/matters/${ack.id}?minPosition=${head}`, analyst);
          expect(res.status).toBe(200);
          expect(res.body.petitioners[0].name).toBe('张**');
        }
      } finally {
        server.proc.kill('SIGKILL');
        await server.exited;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
