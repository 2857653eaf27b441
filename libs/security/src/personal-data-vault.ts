import { pooledRandomBytes, systemNow, WalSync } from '@app/runtime';
import type Database from 'better-sqlite3';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { openKeysFile } from './keys-file';

/** A petitioner's personal data as the registrar gives it. */
export interface PersonalData {
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  address?: string | null;
}

/** What the ledger keeps: ciphertext under the petitioner's own key, bound to one event. */
export interface SealedPersonalData {
  alg: 'A256GCM';
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export class PetitionerKeyErasedError extends Error {
  constructor(readonly petitionerId: string) {
    super(`the key of petitioner ${petitionerId} has been erased`);
    this.name = 'PetitionerKeyErasedError';
  }
}

/**
 * Per-petitioner AES-256-GCM keys, kept outside the log (its own SQLite file) so
 * that destroying a key erases the personal data (crypto-shredding) while the log,
 * its hashes and every figure stay intact. The event id is the associated data, so
 * ciphertext cannot be moved to another event unnoticed.
 *
 * New keys are written in groups: seal() keeps a new key in memory and the keys made
 * in one turn of the event loop are committed together (one fsync, on the thread pool:
 * WalSync). A caller must await durable() before the sealed data is acknowledged
 * anywhere (before its event is appended), so that no acknowledged event refers to a
 * key that a crash could lose. An erasure is synced before erase() returns.
 */
export class PersonalDataVault {
  private readonly db: Database.Database;
  /** Keys made but not yet committed, by petitioner id. */
  private readonly unsynced = new Map<string, { key: Buffer; createdAt: string }>();
  private waiters: Array<{ resolve(): void; reject(error: unknown): void }> = [];
  private flushScheduled = false;
  private readonly insertKeys: (keys: Array<[string, { key: Buffer; createdAt: string }]>) => void;
  private readonly walSync: WalSync;
  private readonly keyOf: Database.Statement<[string], { key: Buffer | null }>;
  private readonly hasKey: Database.Statement<[string]>;

  /** `now` stamps key creation and erasure: the injected Clock's, in the server. */
  static open(file: string, now: () => Date = systemNow): PersonalDataVault {
    return new PersonalDataVault(file, now);
  }

  private constructor(
    readonly file: string,
    private readonly now: () => Date,
  ) {
    this.db = openKeysFile(file);
    // COMMIT does not fsync; durable() waits for WalSync's fsync of the WAL instead.
    this.db.pragma('synchronous = NORMAL');
    this.walSync = new WalSync(`${file}-wal`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS petitioner_keys (
        petitioner_id TEXT PRIMARY KEY,
        key           BLOB,
        created_at    TEXT NOT NULL,
        erased_at     TEXT
      ) WITHOUT ROWID;
    `);
    this.keyOf = this.db.prepare('SELECT key FROM petitioner_keys WHERE petitioner_id = ?');
    this.hasKey = this.db.prepare('SELECT 1 FROM petitioner_keys WHERE petitioner_id = ?');
    const insert = this.db.prepare('INSERT INTO petitioner_keys (petitioner_id, key, created_at) VALUES (?, ?, ?)');
    this.insertKeys = this.db.transaction((keys: Array<[string, { key: Buffer; createdAt: string }]>) => {
      for (const [id, { key, createdAt }] of keys) insert.run(id, key, createdAt);
    });
  }

  /** Resolves once every key made so far is committed to disk. */
  durable(): Promise<void> {
    // Nothing to commit: what was committed (perhaps by a flush no one awaited) must still be synced.
    if (this.unsynced.size === 0 && this.waiters.length === 0) return this.walSync.settled();
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const waiters = this.waiters;
      this.waiters = [];
      let synced: Promise<void>;
      try {
        synced = this.flushKeys() ? this.walSync.afterCommit() : this.walSync.settled();
      } catch (error) {
        synced = Promise.reject(error);
      }
      synced.then(
        () => waiters.forEach((w) => w.resolve()),
        (error: unknown) => waiters.forEach((w) => w.reject(error)),
      );
    });
  }

  /** Commits the keys made so far, in one transaction (not yet synced); false when there were none. */
  private flushKeys(): boolean {
    if (this.unsynced.size === 0) return false;
    const keys = [...this.unsynced.entries()];
    this.insertKeys(keys);
    keys.forEach(([id]) => this.unsynced.delete(id));
    return true;
  }

  /**
   * `newId` says the petitioner id was just drawn at random (72 bits): no key can exist for
   * it, so none is looked up. A collision would fail the keys' INSERT, never share a key.
   */
  seal(petitionerId: string, eventId: string, data: PersonalData, newId = false): SealedPersonalData {
    const key = newId ? this.newKey(petitionerId) : this.keyFor(petitionerId, true);
    const iv = pooledRandomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(eventId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return {
      alg: 'A256GCM',
      keyId: petitionerId,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** The plaintext, or null when the petitioner's key has been erased. */
  open(sealed: SealedPersonalData, eventId: string): PersonalData | null {
    let key: Buffer;
    try {
      key = this.keyFor(sealed.keyId, false);
    } catch (error) {
      if (error instanceof PetitionerKeyErasedError) return null;
      throw error;
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(eventId, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as PersonalData;
  }

  /** Destroys the key for good; idempotent. Returns false when there was no key. */
  erase(petitionerId: string, at: Date = this.now()): boolean {
    this.flushKeys();
    const info = this.db
      .prepare('UPDATE petitioner_keys SET key = NULL, erased_at = ? WHERE petitioner_id = ? AND key IS NOT NULL')
      .run(at.toISOString(), petitionerId);
    this.walSync.syncNow();
    return info.changes > 0;
  }

  isErased(petitionerId: string): boolean {
    if (this.unsynced.has(petitionerId)) return false;
    const row = this.keyOf.get(petitionerId);
    return row !== undefined && row.key === null;
  }

  exists(petitionerId: string): boolean {
    if (this.unsynced.has(petitionerId)) return true;
    return this.hasKey.get(petitionerId) !== undefined;
  }

  close(): void {
    if (this.flushKeys()) this.walSync.syncNow();
    this.walSync.close();
    this.db.close();
  }

  private keyFor(petitionerId: string, create: boolean): Buffer {
    const made = this.unsynced.get(petitionerId);
    if (made) return made.key;
    const row = this.keyOf.get(petitionerId);
    if (row) {
      if (row.key === null) throw new PetitionerKeyErasedError(petitionerId);
      return row.key;
    }
    if (!create) throw new PetitionerKeyErasedError(petitionerId);
    return this.newKey(petitionerId);
  }

  private newKey(petitionerId: string): Buffer {
    const key = pooledRandomBytes(32);
    this.unsynced.set(petitionerId, { key, createdAt: this.now().toISOString() });
    // Committed soon even if no one awaits durable() (e.g. the demo); the API awaits it.
    this.scheduleFlush();
    return key;
  }
}
