import type Database from 'better-sqlite3';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { openKeysFile } from './keys-file';

/** A secret as the ledger keeps it: AES-256-GCM ciphertext under a key that never enters the log. */
export interface SealedSecret {
  readonly alg: 'A256GCM';
  /** Which key of the box sealed it (a purpose such as `reminder-channels`). */
  readonly keyId: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/**
 * Seals secrets that must be written to the ledger (a reminder channel's HMAC or
 * robot secret) so that the log, its exports and its backups never hold them in
 * plaintext. One random key per purpose, kept beside the petitioners' keys in the
 * keys file (its own table), created on first use and committed before the sealed
 * value is returned, so no appended event can refer to a key a crash could lose.
 * The associated data binds a ciphertext to what it belongs to (e.g. the channel id).
 */
export class SecretBox {
  private readonly db: Database.Database;

  static open(file: string): SecretBox {
    return new SecretBox(file);
  }

  private constructor(file: string) {
    this.db = openKeysFile(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sealing_keys (
        key_id     TEXT PRIMARY KEY,
        key        BLOB NOT NULL,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  }

  seal(keyId: string, associatedData: string, plaintext: string, now: Date): SealedSecret {
    const key = this.keyFor(keyId, now);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      alg: 'A256GCM',
      keyId,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** The plaintext; throws when the key is missing or the ciphertext or its associated data were altered. */
  open(sealed: SealedSecret, associatedData: string): string {
    const row = this.db
      .prepare<[string], { key: Buffer }>('SELECT key FROM sealing_keys WHERE key_id = ?')
      .get(sealed.keyId);
    if (!row) throw new Error(`no sealing key ${sealed.keyId} in the keys file`);
    const decipher = createDecipheriv('aes-256-gcm', row.key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }

  close(): void {
    this.db.close();
  }

  private keyFor(keyId: string, now: Date): Buffer {
    const row = this.db.prepare<[string], { key: Buffer }>('SELECT key FROM sealing_keys WHERE key_id = ?').get(keyId);
    if (row) return row.key;
    // INSERT OR IGNORE, then read back: two processes sealing at once agree on one key.
    this.db
      .prepare('INSERT OR IGNORE INTO sealing_keys (key_id, key, created_at) VALUES (?, ?, ?)')
      .run(keyId, randomBytes(32), now.toISOString());
    return this.db.prepare<[string], { key: Buffer }>('SELECT key FROM sealing_keys WHERE key_id = ?').get(keyId)!.key;
  }
}
