/**
 * Ed25519 keys for C2SP signed notes (c2sp.org/signed-note).
 *
 * Stored form of the private key: the one-line string of
 * golang.org/x/mod/sumdb/note,
 *
 *   PRIVATE+KEY+<key name>+<8 hex key ID>+<base64(0x01 || 32-byte seed)>
 *
 * It carries the key name and ID with the seed, so a key cannot be loaded
 * under the wrong name, it fits in one environment variable or secret file,
 * and Go tooling (note.NewSigner) reads the same string.
 *
 * The matching public form is the verifier key
 *
 *   <key name>+<8 hex key ID>+<base64(0x01 || 32-byte public key)>
 *
 * where the key ID is SHA-256(key name || 0x0A || 0x01 || public key)[:4].
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';

import { decodeBase64Strict } from './base64';
import { SigningKeyError } from './errors';

const ED25519_TYPE = 0x01;
const PRIVATE_KEY_PREFIX = 'PRIVATE+KEY+';
// DER headers that wrap a raw 32-byte Ed25519 seed / public key (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface NoteSigner {
  readonly keyName: string;
  /** 4-byte key ID, 8 lowercase hex characters. */
  readonly keyId: string;
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Buffer;
  sign(message: Uint8Array): Buffer;
}

export interface NoteVerifierKey {
  readonly keyName: string;
  readonly keyId: string;
  readonly publicKey: Buffer;
}

export interface GeneratedSigningKey {
  /** Secret; the stored form described above. */
  readonly privateKey: string;
  /** Public; give it to auditors. */
  readonly verifierKey: string;
  /** Raw public key, base64, as served by GET /audit/checkpoint. */
  readonly publicKey: string;
}

export function generateSigningKey(keyName: string): GeneratedSigningKey {
  assertKeyName(keyName);
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_ED25519_PREFIX.length);
  const signer = signerFromSeed(keyName, seed);
  return {
    privateKey: `${PRIVATE_KEY_PREFIX}${keyName}+${signer.keyId}+${withType(seed)}`,
    verifierKey: formatVerifierKey(keyName, signer.publicKey),
    publicKey: signer.publicKey.toString('base64'),
  };
}

/** Loads a signer from the stored private key string. */
export function signerFromPrivateKey(privateKey: string): NoteSigner {
  if (!privateKey.startsWith(PRIVATE_KEY_PREFIX)) {
    throw new SigningKeyError(`private key must start with ${PRIVATE_KEY_PREFIX}`);
  }
  const { keyName, keyId, material } = splitKey(privateKey.slice(PRIVATE_KEY_PREFIX.length), 'private key');
  const signer = signerFromSeed(keyName, material);
  if (signer.keyId !== keyId) throw new SigningKeyError('private key ID does not match its name and key');
  return signer;
}

export function formatVerifierKey(keyName: string, publicKey: Uint8Array): string {
  assertKeyName(keyName);
  const raw = rawPublicKey(publicKey);
  return `${keyName}+${noteKeyId(keyName, raw)}+${withType(raw)}`;
}

export function parseVerifierKey(verifierKey: string): NoteVerifierKey {
  const { keyName, keyId, material } = splitKey(verifierKey, 'verifier key');
  const publicKey = rawPublicKey(material);
  if (noteKeyId(keyName, publicKey) !== keyId) {
    throw new SigningKeyError('verifier key ID does not match its name and key');
  }
  return { keyName, keyId, publicKey };
}

/** Raw 32-byte Ed25519 public key, base64: the `publicKey` of GET /audit/checkpoint. */
export function rawPublicKeyBase64(key: NoteSigner | KeyObject): string {
  if (key instanceof KeyObject) {
    const publicKey = key.type === 'private' ? createPublicKey(key) : key;
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new SigningKeyError('not an Ed25519 key');
    return Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('base64');
  }
  return key.publicKey.toString('base64');
}

/** SHA-256(key name || 0x0A || 0x01 || public key)[:4], as 8 hex characters. */
export function noteKeyId(keyName: string, publicKey: Uint8Array): string {
  return createHash('sha256')
    .update(`${keyName}\n`, 'utf8')
    .update(Buffer.from([ED25519_TYPE]))
    .update(publicKey)
    .digest()
    .subarray(0, 4)
    .toString('hex');
}

/** Key names: non-empty, no Unicode spaces, no '+' (c2sp.org/signed-note). */
export function isValidKeyName(keyName: string): boolean {
  return keyName.length > 0 && !/[\s+]/u.test(keyName) && !/\p{Cc}/u.test(keyName);
}

export function ed25519PublicKeyObject(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

function signerFromSeed(keyName: string, seed: Uint8Array): NoteSigner {
  assertKeyName(keyName);
  if (seed.length !== 32) throw new SigningKeyError('Ed25519 seed must be 32 bytes');
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = Buffer.from(rawPublicKeyBase64(key), 'base64');
  return {
    keyName,
    keyId: noteKeyId(keyName, publicKey),
    publicKey,
    sign: (message) => sign(null, message, key),
  };
}

/** "<name>+<hex id>+<base64(0x01 || key)>"; the base64 part may itself contain '+'. */
function splitKey(text: string, what: string): { keyName: string; keyId: string; material: Buffer } {
  const [keyName, keyId, ...rest] = text.split('+');
  if (keyName === undefined || !isValidKeyName(keyName)) throw new SigningKeyError(`${what} has no valid key name`);
  if (keyId === undefined || !/^[0-9a-f]{8}$/.test(keyId)) throw new SigningKeyError(`${what} has no valid key ID`);
  const decoded = decodeBase64Strict(rest.join('+'));
  if (decoded === undefined || decoded.length !== 33 || decoded[0] !== ED25519_TYPE) {
    throw new SigningKeyError(`${what} is not an Ed25519 key (0x01 || 32 bytes, base64)`);
  }
  return { keyName, keyId, material: decoded.subarray(1) };
}

function rawPublicKey(publicKey: Uint8Array): Buffer {
  if (publicKey.length !== 32) throw new SigningKeyError('Ed25519 public key must be 32 bytes');
  return Buffer.from(publicKey);
}

function assertKeyName(keyName: string): void {
  if (!isValidKeyName(keyName)) {
    throw new SigningKeyError(`invalid key name ${JSON.stringify(keyName)}: empty, or has a space or '+'`);
  }
}

/** base64(0x01 || key): the type byte keeps the string unambiguous if other algorithms appear. */
function withType(key: Uint8Array): string {
  return Buffer.concat([Buffer.from([ED25519_TYPE]), key]).toString('base64');
}
