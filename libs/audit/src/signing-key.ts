import { dataFiles, AppConfig } from '@app/runtime';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { SigningKeyError } from './errors';
import {
  formatVerifierKey,
  generateSigningKey,
  noteKeyId,
  NoteSigner,
  parseVerifierKey,
  signerFromPrivateKey,
} from './note-keys';

export interface LoadedSigningKey {
  readonly signer: NoteSigner;
  /** The checkpoint origin: the key's name, so one setting names both. */
  readonly origin: string;
  /** `<name>+<key ID>+<base64(0x01 || public key)>`: what auditors pin. */
  readonly verifierKey: string;
  readonly source: 'LEDGER_SIGNING_KEY' | 'key file' | 'new key file';
  readonly file?: string;
  /** Set when the key file can be read by others than its owner. */
  readonly warning?: string;
}

/** `petition-ledger/<host>`: a key name (no spaces, no '+') naming this log. */
export function defaultOrigin(): string {
  const host = hostname().replace(/[^A-Za-z0-9._-]/g, '-') || 'localhost';
  return `petition-ledger/${host}`;
}

const SEED = /^[A-Za-z0-9+/]{43}=$/;
// DER header of a PKCS#8 Ed25519 private key around its 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Accepts the signing key in either form LEDGER_SIGNING_KEY allows:
 * - `PRIVATE+KEY+<name>+<key ID>+<base64(0x01 || seed)>` (golang.org/x/mod/sumdb/note; the name is the origin);
 * - a bare base64 Ed25519 seed of 32 bytes, named after `fallbackName`.
 * Throws SigningKeyError otherwise.
 */
export function parseSigningKey(text: string, fallbackName: string = defaultOrigin()): NoteSigner {
  const key = text.trim();
  if (key.startsWith('PRIVATE+KEY+')) return signerFromPrivateKey(key);
  if (!SEED.test(key)) {
    throw new SigningKeyError('expected PRIVATE+KEY+<name>+<key ID>+<base64 key> or a base64 Ed25519 seed of 32 bytes');
  }
  const seed = Buffer.from(key, 'base64');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKey = Buffer.from(jwk.x as string, 'base64url');
  const encoded = Buffer.concat([Buffer.from([0x01]), seed]).toString('base64');
  return signerFromPrivateKey(`PRIVATE+KEY+${fallbackName}+${noteKeyId(fallbackName, publicKey)}+${encoded}`);
}

/**
 * The server's signing key: LEDGER_SIGNING_KEY, else the key file in the data
 * directory, created on first start with mode 0600 when `create` is set.
 */
export function loadSigningKey(
  config: Pick<AppConfig, 'signingKey' | 'dataDir'>,
  options: { create: boolean },
): LoadedSigningKey | null {
  if (config.signingKey !== null) return loaded(parseSigningKey(config.signingKey), 'LEDGER_SIGNING_KEY');
  const file = dataFiles(config).signingKey;
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777;
    const warning = mode & 0o077 ? `${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it` : undefined;
    return { ...loaded(parseSigningKey(readFileSync(file, 'utf8')), 'key file', file), warning };
  }
  if (!options.create) return null;
  const generated = generateSigningKey(defaultOrigin());
  try {
    // 'wx': two processes starting at once cannot overwrite each other's key.
    writeFileSync(file, `${generated.privateKey}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // The other one won: use its key.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadSigningKey(config, { create: false });
    throw error;
  }
  return loaded(signerFromPrivateKey(generated.privateKey), 'new key file', file);
}

function loaded(signer: NoteSigner, source: LoadedSigningKey['source'], file?: string): LoadedSigningKey {
  return {
    signer,
    origin: signer.keyName,
    verifierKey: formatVerifierKey(signer.keyName, signer.publicKey),
    source,
    file,
  };
}

/** A public key an auditor pins: a verifier key, or a raw Ed25519 key in base64 (its name then comes from the notes). */
export interface TrustedKey {
  readonly publicKey: Buffer;
  /** Unknown for a bare public key. */
  readonly keyName?: string;
}

export function parseTrustedKey(text: string): TrustedKey {
  const key = text.trim();
  if (key.includes('+') && !SEED.test(key)) {
    const parsed = parseVerifierKey(key);
    return { publicKey: parsed.publicKey, keyName: parsed.keyName };
  }
  const raw = SEED.test(key) ? Buffer.from(key, 'base64') : undefined;
  if (raw === undefined || raw.length !== 32) {
    throw new SigningKeyError(
      'expected a verifier key <name>+<key ID>+<base64> or a base64 Ed25519 public key of 32 bytes',
    );
  }
  return { publicKey: raw };
}
