/**
 * RFC 6962 / RFC 9162 hashing. The 0x00 and 0x01 prefixes separate leaves
 * from interior nodes, so a leaf can never be passed off as a node (second
 * preimage attack). Hashes are Buffers inside the library and lowercase hex
 * wherever they leave it.
 */
import * as crypto from 'node:crypto';

import { InvalidHashError } from './errors';

export const HASH_SIZE = 32;

/** Root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_TREE_ROOT_HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A hash as callers hold it: lowercase (or uppercase) hex, or raw bytes. */
export type HashInput = string | Uint8Array;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/**
 * One-shot SHA-256: crypto.hash (Node 20.12+ / 21.7+) hashes without creating a
 * Hash object, a third of the cost for inputs this small; createHash where it
 * is missing. Same digest either way.
 */
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;
export const sha256: (data: string | Uint8Array) => Buffer = oneShot
  ? (data) => oneShot('sha256', data, 'buffer')
  : (data) => crypto.createHash('sha256').update(data).digest();

// Scratch inputs for the one-shot hash: the prefix and the bytes laid out once,
// without a Buffer per call. crypto.hash is synchronous, so reuse is safe.
const NODE_INPUT = Buffer.alloc(1 + 2 * HASH_SIZE);
NODE_INPUT[0] = 0x01;
const LEAF_INPUT = Buffer.alloc(4096);
LEAF_INPUT[0] = 0x00;

export function leafHash(bytes: Uint8Array): Buffer {
  if (oneShot === undefined || bytes.length >= LEAF_INPUT.length)
    return crypto.createHash('sha256').update(LEAF_PREFIX).update(bytes).digest();
  LEAF_INPUT.set(bytes, 1);
  return oneShot('sha256', LEAF_INPUT.subarray(0, bytes.length + 1), 'buffer');
}

/**
 * The leaf hash of text given as a string: SHA-256(0x00 || UTF-8 of text), the
 * same as leafHash(Buffer.from(text)) without making that buffer. The text must
 * be well-formed (no lone surrogates; canonical JSON escapes them).
 */
export function leafHashOfText(text: string): Buffer {
  return sha256('\u0000' + text);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (oneShot === undefined || left.length !== HASH_SIZE || right.length !== HASH_SIZE)
    return crypto.createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 1 + HASH_SIZE);
  return oneShot('sha256', NODE_INPUT, 'buffer');
}

export function emptyTreeRoot(): Buffer {
  return sha256(new Uint8Array(0));
}

export function toHex(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('hex');
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Bytes of a hex string or byte array, of any length; undefined if not hex. */
export function decodeBytes(input: HashInput): Buffer | undefined {
  if (typeof input !== 'string') return Buffer.from(input);
  return HEX.test(input) ? Buffer.from(input, 'hex') : undefined;
}

/** Like decodeBytes, but a byte array is viewed, not copied: for read-only use on hot paths (verification). */
export function viewBytes(input: HashInput): Buffer | undefined {
  if (typeof input !== 'string')
    return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return decodeBytes(input);
}

/** A 32-byte hash from hex or bytes; throws InvalidHashError otherwise. */
export function toHash(input: HashInput, what = 'hash'): Buffer {
  const bytes = decodeBytes(input);
  if (bytes === undefined) throw new InvalidHashError(`${what} is not hex`);
  if (bytes.length !== HASH_SIZE) {
    throw new InvalidHashError(`${what} must be ${HASH_SIZE} bytes, got ${bytes.length}`);
  }
  return bytes;
}
