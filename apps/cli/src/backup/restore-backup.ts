import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AuditStore } from '@app/audit';
import { SqliteEventStore } from '@app/ledger';
import { BackupError } from './backup-data-dir';
import { BackupManifest, manifestShapeProblem, MANIFEST_FILE, sha256File } from './manifest';

/**
 * Checks a backup against its manifest (every listed file present with its size and
 * SHA-256, nothing unlisted, the ledger head and audit root as recorded), then copies it
 * into a new or empty data directory and checks the copies again. Refuses anything that
 * does not match before writing a byte.
 */
export async function restoreBackup(fromDir: string, dataDir: string): Promise<BackupManifest> {
  const manifest = checkBackup(fromDir);
  await checkRecordedHeads(fromDir, manifest);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(`${dataDir} is not empty: restore into a new directory`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const file of manifest.files) copyFileSync(join(fromDir, file.name), join(dataDir, file.name));
  for (const file of manifest.files) {
    if (sha256File(join(dataDir, file.name)) !== file.sha256) {
      throw new BackupError(`${file.name}: the restored copy differs from the backup`);
    }
  }
  return manifest;
}

/** The manifest, once every file it lists matches it and no other file is there. */
export function checkBackup(fromDir: string): BackupManifest {
  const path = join(fromDir, MANIFEST_FILE);
  if (!existsSync(path)) throw new BackupError(`no ${MANIFEST_FILE} in ${fromDir}: not a finished backup`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BackupError(`${MANIFEST_FILE} is not JSON: ${(error as Error).message}`);
  }
  const problem = manifestShapeProblem(manifest);
  if (problem) throw new BackupError(problem);
  const m = manifest as BackupManifest;
  const listed = new Set(m.files.map((f) => f.name));
  if (!listed.has('ledger.sqlite')) throw new BackupError('the manifest lists no ledger.sqlite');
  const unlisted = readdirSync(fromDir).filter((name) => name !== MANIFEST_FILE && !listed.has(name));
  if (unlisted.length > 0) throw new BackupError(`files not in the manifest: ${unlisted.join(', ')}`);
  for (const file of m.files) {
    const at = join(fromDir, file.name);
    if (!existsSync(at)) throw new BackupError(`${file.name} is listed in the manifest but missing`);
    const bytes = statSync(at).size;
    if (bytes !== file.bytes) throw new BackupError(`${file.name}: ${bytes} bytes, the manifest says ${file.bytes}`);
    if (sha256File(at) !== file.sha256) throw new BackupError(`${file.name}: SHA-256 differs from the manifest`);
  }
  return m;
}

async function checkRecordedHeads(fromDir: string, m: BackupManifest): Promise<void> {
  const ledger = SqliteEventStore.open({ file: join(fromDir, 'ledger.sqlite'), readonly: true });
  const head = await ledger.head().finally(() => ledger.close());
  if (head.position.toString() !== m.ledger.headPosition || head.events !== m.ledger.events) {
    throw new BackupError(
      `the ledger copy ends at position ${head.position} (${head.events} events), the manifest says ${m.ledger.headPosition}`,
    );
  }
  if (m.audit) {
    const audit = AuditStore.open(join(fromDir, 'audit.sqlite'), { readonly: true });
    try {
      const root = audit.tree.root(m.audit.size);
      if (audit.size !== m.audit.size || root !== m.audit.rootHash) {
        throw new BackupError(`the audit copy has size ${audit.size} and another root than the manifest records`);
      }
    } finally {
      audit.close();
    }
  }
}
