/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519 signatures:
 *
 *   <text, ending in "\n">
 *   <blank line>
 *   — <key name> <base64(4-byte key ID || 64-byte signature)>
 *   ...one line per signature
 */
import { verify } from 'node:crypto';

import { decodeBase64Strict } from './base64';
import { NoteVerificationError } from './errors';
import { ed25519PublicKeyObject, isValidKeyName, NoteSigner, noteKeyId } from './note-keys';

const SIGNATURE_PREFIX = '\u2014 ';
const ED25519_SIGNATURE_SIZE = 64;
/** The spec asks verifiers to cap signatures but to accept at least 16. */
const MAX_SIGNATURES = 64;

export interface NoteSignatureLine {
  readonly keyName: string;
  /** 8 lowercase hex characters. */
  readonly keyId: string;
  readonly signature: Buffer;
}

/** Signs `text` (which must end in a newline) and returns the note. */
export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith('\n')) throw malformed('note text must end with a newline');
  if (hasForbiddenCharacter(text)) throw malformed('note text has a control character other than newline');
  if (!isValidKeyName(signer.keyName)) throw malformed('signer has an invalid key name');
  const signature = signer.sign(Buffer.from(text, 'utf8'));
  const blob = Buffer.concat([Buffer.from(signer.keyId, 'hex'), signature]).toString('base64');
  return `${text}\n${SIGNATURE_PREFIX}${signer.keyName} ${blob}\n`;
}

/**
 * Verifies `note` against one trusted Ed25519 key and returns its text.
 *
 * As the spec requires: signatures by other keys (other name, or same name
 * with another key ID) are ignored; a signature by the trusted key that does
 * not verify rejects the whole note; a note with no valid signature by the
 * trusted key is rejected.
 *
 * @param publicKey raw 32-byte Ed25519 key, or its base64 (as GET /audit/checkpoint serves it)
 */
export function verifyNote(note: string | Uint8Array, publicKey: Uint8Array | string, keyName: string): string {
  const key = typeof publicKey === 'string' ? decodeBase64Strict(publicKey) : Buffer.from(publicKey);
  if (key === undefined || key.length !== 32) {
    throw new NoteVerificationError('NO_TRUSTED_SIGNATURE', 'trusted public key is not a 32-byte Ed25519 key');
  }
  const { text, signatures } = parseSignedNote(note);
  const keyId = noteKeyId(keyName, key);
  const message = Buffer.from(text, 'utf8');
  const keyObject = ed25519PublicKeyObject(key);

  let verified = false;
  for (const line of signatures) {
    if (line.keyName !== keyName || line.keyId !== keyId) continue;
    const ok = line.signature.length === ED25519_SIGNATURE_SIZE && verify(null, message, keyObject, line.signature);
    if (!ok) throw new NoteVerificationError('BAD_SIGNATURE', `signature by ${keyName} does not verify`);
    verified = true;
  }
  if (!verified) throw new NoteVerificationError('NO_TRUSTED_SIGNATURE', `note is not signed by ${keyName}`);
  return text;
}

/**
 * Splits a note into text and signature lines without checking any
 * signature. The text of an unverified note must not be trusted.
 */
export function parseSignedNote(note: string | Uint8Array): { text: string; signatures: NoteSignatureLine[] } {
  const decoded = typeof note === 'string' ? note : decodeUtf8(note);
  if (hasForbiddenCharacter(decoded)) throw malformed('note has a control character other than newline');
  // The text may contain blank lines; the last one separates the signatures.
  const split = decoded.lastIndexOf('\n\n');
  if (split < 0) throw malformed('note has no blank line before its signatures');
  const text = decoded.slice(0, split + 1);
  const block = decoded.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) throw malformed('note signatures must end with a newline');

  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`note has more than ${MAX_SIGNATURES} signatures`);
  return { text, signatures: lines.map(parseSignatureLine) };
}

function parseSignatureLine(line: string): NoteSignatureLine {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw malformed('signature line must start with an em dash and a space');
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.lastIndexOf(' ');
  const keyName = rest.slice(0, Math.max(space, 0));
  if (space < 0 || !isValidKeyName(keyName)) throw malformed('signature line has no valid key name');
  const blob = decodeBase64Strict(rest.slice(space + 1));
  if (blob === undefined || blob.length < 5) throw malformed('signature is not base64 of key ID and signature');
  return { keyName, keyId: blob.subarray(0, 4).toString('hex'), signature: blob.subarray(4) };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw malformed('note is not valid UTF-8');
  }
}

/** ASCII control characters other than newline (U+0000..U+001F except U+000A). */
function hasForbiddenCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return false;
}

function malformed(message: string): NoteVerificationError {
  return new NoteVerificationError('MALFORMED', message);
}
