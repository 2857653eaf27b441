/**
 * Checkpoints (c2sp.org/tlog-checkpoint): the note text naming a tree head,
 *
 *   <origin>
 *   <size, decimal>
 *   <root hash, base64>
 *   [extension lines]
 *
 * Root hashes are hex in our API and base64 only inside the text.
 */
import { decodeBase64Strict } from './base64';
import { CheckpointFormatError, InvalidHashError } from './errors';
import { HASH_SIZE, HashInput, toHash } from './merkle-hash';
import { NoteSigner } from './note-keys';
import { signNote, verifyNote } from './signed-note';
import { isTreeNumber } from './tree-math';

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  /** Lowercase hex. */
  readonly rootHash: string;
  /** Opaque extra lines; the spec discourages them, so we never write any ourselves. */
  readonly extensions?: readonly string[];
}

export interface CheckpointInput {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: HashInput;
}

export function formatCheckpoint({ origin, size, rootHash }: CheckpointInput): string {
  // Stricter than the parser: we sign with a key named after the origin, and
  // key names may hold no spaces or '+'.
  if (origin.length === 0 || /[\s+]/u.test(origin) || /\p{Cc}/u.test(origin)) {
    throw new CheckpointFormatError('origin must be non-empty, without spaces, "+" or control characters');
  }
  if (!isTreeNumber(size)) throw new CheckpointFormatError('size must be an integer between 0 and 2^53 - 1');
  let root: Buffer;
  try {
    root = toHash(rootHash, 'root hash');
  } catch (error) {
    if (error instanceof InvalidHashError) throw new CheckpointFormatError(error.message);
    throw error;
  }
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new CheckpointFormatError('checkpoint must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new CheckpointFormatError('checkpoint needs origin, size and root hash lines');
  if (lines.some((line) => line.length === 0)) throw new CheckpointFormatError('checkpoint has an empty line');
  const [origin, sizeLine, rootLine, ...extensions] = lines;

  // No sign, no leading zeros, no exponent: one text per size.
  if (!/^(?:0|[1-9][0-9]*)$/.test(sizeLine)) throw new CheckpointFormatError('size is not a canonical decimal');
  const size = Number(sizeLine);
  if (!isTreeNumber(size)) throw new CheckpointFormatError('size exceeds 2^53 - 1');

  const root = decodeBase64Strict(rootLine);
  if (root === undefined || root.length !== HASH_SIZE) {
    throw new CheckpointFormatError(`root hash is not base64 of ${HASH_SIZE} bytes`);
  }
  return { origin, size, rootHash: root.toString('hex'), extensions };
}

/** Formats and signs a checkpoint; the result is the signed note. */
export function signCheckpoint(checkpoint: CheckpointInput, signer: NoteSigner): string {
  return signNote(formatCheckpoint(checkpoint), signer);
}

/**
 * Verifies the note's signature, then parses it. With `expectedOrigin`, a
 * checkpoint of another log is refused even if our key signed it.
 */
export function verifyCheckpointNote(
  note: string | Uint8Array,
  publicKey: Uint8Array | string,
  keyName: string,
  expectedOrigin?: string,
): Checkpoint {
  const checkpoint = parseCheckpoint(verifyNote(note, publicKey, keyName));
  if (expectedOrigin !== undefined && checkpoint.origin !== expectedOrigin) {
    throw new CheckpointFormatError(`checkpoint origin ${checkpoint.origin} is not ${expectedOrigin}`);
  }
  return checkpoint;
}
