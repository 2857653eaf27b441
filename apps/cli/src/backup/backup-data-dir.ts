import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AuditStore } from '@app/audit';
import { SqliteEventStore } from '@app/ledger';
import { realReadModelFile } from '@app/projections';
import { dataFiles, DataFiles } from '@app/runtime';
import { fsyncPath } from '../fsync-path';
import { BACKUP_FORMAT, BackupFile, BackupManifest, describeFile, MANIFEST_FILE } from './manifest';

export interface BackupOptions {
  readonly now: Date;
  /** Leave the signing key file out (keep it with your secrets instead). */
  readonly withoutSigningKey?: boolean;
}

type Entry = { key: keyof Omit<DataFiles, 'dir'>; kind: BackupFile['kind'] };

/**
 * The order of the copies is what makes the set consistent while a server writes:
 * - the read models and the audit tree are derived from the ledger and only ever behind
 *   it, so they are copied first: their copies can only be behind the ledger's copy, and
 *   the server catches them up on start (a copy ahead of its ledger would be wrong);
 * - the ledger next: every write acknowledged before the backup began is in it;
 * - the key vault after the ledger: a key is committed before its event is appended, so
 *   every event in the ledger copy finds its key (an erasure made meanwhile may already
 *   be missing its key: the data stays erased, which is the safe side);
 * - plain files (signing key, demo tokens) last.
 */
const ORDER: Entry[] = [
  { key: 'readModels', kind: 'sqlite' },
  { key: 'audit', kind: 'sqlite' },
  { key: 'principalUsage', kind: 'sqlite' },
  { key: 'ledger', kind: 'sqlite' },
  { key: 'keys', kind: 'sqlite' },
  { key: 'signingKey', kind: 'file' },
  { key: 'demoTokens', kind: 'file' },
];

/**
 * Copies every file of the data directory into `outDir` (new or empty) while a server may
 * be writing, and writes the manifest last. Each SQLite file is copied with the online
 * backup API in one step (a read transaction: a consistent snapshot that writers in WAL
 * mode do not wait for, and that a write cannot force to restart).
 */
export async function backupDataDir(dataDir: string, outDir: string, options: BackupOptions): Promise<BackupManifest> {
  const files = dataFiles({ dataDir });
  if (!existsSync(files.ledger)) throw new BackupError(`no ledger at ${files.ledger}`);
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new BackupError(`${outDir} is not empty`);
  mkdirSync(outDir, { recursive: true });

  const copied: BackupFile[] = [];
  const names = new Set<string>();
  for (const { key, kind } of ORDER) {
    if (key === 'signingKey' && options.withoutSigningKey) continue;
    const source = key === 'readModels' ? realReadModelFile(files.readModels) : files[key];
    if (source === null || !existsSync(source)) continue;
    const name = basename(files[key]);
    const target = join(outDir, name);
    if (kind === 'sqlite') await snapshot(source, target);
    else copyFileSync(source, target);
    fsyncPath(target);
    copied.push(describeFile(target, name, kind));
    names.add(name);
  }

  const ledger = SqliteEventStore.open({ file: join(outDir, basename(files.ledger)), readonly: true });
  const head = await ledger.head();
  await ledger.close();
  let audit: BackupManifest['audit'] = null;
  if (names.has(basename(files.audit))) {
    const store = AuditStore.open(join(outDir, basename(files.audit)), { readonly: true });
    const { size, position } = store.head();
    audit = { size, rootHash: store.tree.root(size), position };
    store.close();
    if (size > head.events) {
      throw new BackupError(`the audit copy (${size} leaves) is ahead of the ledger copy (${head.events} events)`);
    }
  }

  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: options.now.toISOString(),
    source: dataDir,
    ledger: { headPosition: head.position.toString(), events: head.events, streams: head.streams },
    audit,
    files: copied,
    skipped: skippedEntries(dataDir, names, options),
  };
  const temporary = join(outDir, `${MANIFEST_FILE}.partial`);
  writeFileSync(temporary, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  fsyncPath(temporary);
  renameSync(temporary, join(outDir, MANIFEST_FILE));
  fsyncPath(outDir);
  return manifest;
}

export class BackupError extends Error {}

async function snapshot(source: string, target: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // All remaining pages in one step (better-sqlite3 clamps a negative count to 0, which copies
    // nothing): one read transaction, so a write by the server meanwhile cannot restart it.
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  // The copy leaves WAL mode: opened read-only (ledger verify, restore's checks) it then grows no
  // -wal/-shm files beside it, so the backup stays exactly the files of its manifest. A server
  // started on the restored directory switches each file back to WAL when it opens it.
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function skippedEntries(dataDir: string, copied: Set<string>, options: BackupOptions): BackupManifest['skipped'] {
  const signingKey = basename(dataFiles({ dataDir }).signingKey);
  return readdirSync(dataDir)
    .filter((name) => !copied.has(name))
    .map((name) => ({
      name,
      reason:
        name === signingKey && options.withoutSigningKey
          ? 'the signing key: left out on request (--without-signing-key); keep it with your secrets'
          : /-(wal|shm|journal)$/.test(name)
            ? 'SQLite sidecar: its content is inside the snapshot of its database'
            : /\.rebuild-/.test(name)
              ? 'a read-model generation: the live one is copied as read-models.sqlite'
              : 'not a file of the data directory (dataFiles)',
    }));
}
