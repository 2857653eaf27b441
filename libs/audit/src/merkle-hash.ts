/**
 * RFC 6962 / RFC 9162 hashing. The 0x00 and 0x01 prefixes separate leaves
 * from interior nodes, so a leaf can never be passed off as a node (second
 * preimage attack). Hashes are Buffers inside the library and lowercase hex
 * wherever they leave it.
 */
import { createHash } from 'node:crypto';

import { InvalidHashError } from './errors';

export const HASH_SIZE = 32;

/** Root of the empty tree: SHA-256 of the empty string. */
export const EMPTY_TREE_ROOT_HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A hash as callers hold it: lowercase (or uppercase) hex, or raw bytes. */
export type HashInput = string | Uint8Array;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function leafHash(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(bytes).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

export function emptyTreeRoot(): Buffer {
  return createHash('sha256').digest();
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
