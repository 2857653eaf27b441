/**
 * The form check of LEDGER_SIGNING_KEY, done while the configuration is read so
 * a bad key stops the start with the other bad variables. libs/audit turns the
 * same text into a signer; this library sits below it (the log and the audit
 * use the Clock from here), so the check is written with node:crypto alone:
 * it accepts exactly the two forms audit's parseSigningKey accepts.
 *
 *   PRIVATE+KEY+<key name>+<8 hex key ID>+<base64(0x01 || 32-byte seed)>
 *   <base64 of a 32-byte Ed25519 seed> (44 characters)
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';

const SEED = /^[A-Za-z0-9+/]{43}=$/;
const PRIVATE_KEY_PREFIX = 'PRIVATE+KEY+';
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// DER header of a PKCS#8 Ed25519 private key around its 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function isSigningKeySetting(key: string): boolean {
  if (SEED.test(key)) return true;
  return key.startsWith(PRIVATE_KEY_PREFIX) && isKeyLine(key.slice(PRIVATE_KEY_PREFIX.length), keyIdOf);
}

/** `<key name>+<8 hex key ID>+<base64(0x01 || 32 bytes)>` whose key ID is `keyIdFor(name, the 32 bytes)`. */
function isKeyLine(line: string, keyIdFor: (keyName: string, key: Buffer) => string): boolean {
  const [keyName, keyId, ...rest] = line.split('+');
  if (keyName === undefined || keyName === '' || /\s/u.test(keyName) || /\p{Cc}/u.test(keyName)) return false;
  if (keyId === undefined || !/^[0-9a-f]{8}$/.test(keyId)) return false;
  const material = rest.join('+');
  if (!STRICT_BASE64.test(material)) return false;
  const decoded = Buffer.from(material, 'base64');
  if (decoded.toString('base64') !== material || decoded.length !== 33 || decoded[0] !== 0x01) return false;
  return keyIdFor(keyName, decoded.subarray(1)) === keyId;
}

/** SHA-256(key name || 0x0A || 0x01 || public key)[:4] of the key the seed makes (c2sp.org/signed-note). */
function keyIdOf(keyName: string, seed: Buffer): string {
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x as string, 'base64url');
  return keyIdOfPublic(keyName, publicKey);
}

/**
 * The form check of LEDGER_AUDIT_TRUSTED_KEY: a verifier key
 * `<key name>+<8 hex key ID>+<base64(0x01 || 32-byte public key)>` or a bare base64
 * Ed25519 public key of 32 bytes (the two forms audit's parseTrustedKey accepts).
 */
export function isTrustedKeySetting(key: string): boolean {
  return SEED.test(key) || isKeyLine(key, keyIdOfPublic);
}

/** SHA-256(key name || 0x0A || 0x01 || public key)[:4]. */
function keyIdOfPublic(keyName: string, publicKey: Buffer): string {
  return createHash('sha256')
    .update(`${keyName}\n`, 'utf8')
    .update(Buffer.from([0x01]))
    .update(publicKey)
    .digest()
    .subarray(0, 4)
    .toString('hex');
}
