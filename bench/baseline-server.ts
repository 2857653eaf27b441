import Database from 'better-sqlite3';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/**
 * The HTTP writes baseline: the least a durable write server can do. node:http, the
 * JSON body parsed, one INSERT per request in its own commit (WAL, synchronous=FULL,
 * so the fsync happens before the 201), no checks, no envelope, no read models.
 */
export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

/** The file both benchmark servers write: one row per request, in WAL mode. */
export function openWritesFile(
  file: string,
  synchronous: 'FULL' | 'NORMAL',
): { db: Database.Database; insert: Database.Statement } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE IF NOT EXISTS writes (id INTEGER PRIMARY KEY, key TEXT NOT NULL, body TEXT NOT NULL)');
  return { db, insert: db.prepare('INSERT INTO writes (key, body) VALUES (?, ?)') };
}

export async function startBaselineServer(file: string): Promise<BaselineServer> {
  const { db, insert } = openWritesFile(file, 'FULL');
  const server: Server = createServer((req, res) => {
    void readBody(req).then(
      (text) => {
        try {
          const body = JSON.parse(text) as unknown;
          const id = randomUUID();
          insert.run(id, JSON.stringify(body));
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id }));
        } catch {
          res.writeHead(400).end();
        }
      },
      () => res.writeHead(400).end(),
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/matters`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
