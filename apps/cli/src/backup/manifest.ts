import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'petition-ledger-backup';

/** One copied file: its name in the data directory, how it was copied, its size and SHA-256. */
export interface BackupFile {
  readonly name: string;
  /** `sqlite`: copied with SQLite's online backup API (a consistent snapshot); `file`: copied as is. */
  readonly kind: 'sqlite' | 'file';
  readonly bytes: number;
  readonly sha256: string;
}

/** What a backup holds, written last: a directory without it is an unfinished backup. */
export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: 1;
  readonly createdAt: string;
  readonly source: string;
  readonly ledger: { readonly headPosition: string; readonly events: number; readonly streams: number };
  /** The audit tree as copied (it may be behind the ledger; the server catches it up on start). */
  readonly audit: { readonly size: number; readonly rootHash: string; readonly position: string } | null;
  readonly files: readonly BackupFile[];
  /** Entries of the data directory not copied, and why (SQLite's -wal/-shm are inside the snapshots). */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

export function sha256File(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

export function describeFile(path: string, name: string, kind: BackupFile['kind']): BackupFile {
  return { name, kind, bytes: statSync(path).size, sha256: sha256File(path) };
}

/** Why a manifest does not describe what it claims to, or null when it matches (shape only). */
export function manifestShapeProblem(value: unknown): string | null {
  const m = value as Partial<BackupManifest> | null;
  if (!m || typeof m !== 'object') return 'the manifest is not a JSON object';
  if (m.format !== BACKUP_FORMAT || m.version !== 1) return `not a ${BACKUP_FORMAT} version 1 manifest`;
  if (!Array.isArray(m.files) || m.files.length === 0) return 'the manifest lists no files';
  if (!m.ledger || typeof m.ledger.headPosition !== 'string') return 'the manifest has no ledger head';
  for (const f of m.files) {
    if (!f || typeof f.name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(f.name) || f.name === MANIFEST_FILE) {
      return `the manifest names a file that cannot be in a data directory: ${JSON.stringify(f?.name)}`;
    }
    if (!Number.isSafeInteger(f.bytes) || typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) {
      return `the manifest entry of ${f.name} has no size or SHA-256`;
    }
  }
  return null;
}
