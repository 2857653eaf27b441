/**
 * Proof verification per RFC 9162 2.1.3.2 and 2.1.4.2. Pure: needs only the
 * proof, sizes and roots, so an auditor can run it offline.
 *
 * Both functions return nothing and throw ProofVerificationError naming the
 * failed check (the same convention as verifyNote), so callers can report
 * why and not just whether.
 *
 * Hashes that get hashed (leaf hash, proof elements) must be 32 bytes. Roots
 * are only compared, so a root of any other length simply does not match.
 */
import { ProofVerificationError } from './errors';
import { decodeBytes, HASH_SIZE, HashInput, nodeHash } from './merkle-hash';
import { exactLog2, half, isOdd, isTreeNumber } from './tree-math';

export function verifyInclusion(
  leafHash: HashInput,
  index: number,
  size: number,
  proof: readonly HashInput[],
  root: HashInput,
): void {
  requireTreeNumber(index, 'index');
  requireTreeNumber(size, 'size');
  if (index >= size) {
    throw new ProofVerificationError('INDEX_OUT_OF_RANGE', `index ${index} is not below size ${size}`);
  }
  const path = proof.map((p, i) => hashToChain(p, `proof[${i}]`));
  const expected = rootBytes(root);

  let fn = index;
  let sn = size - 1;
  let r = hashToChain(leafHash, 'leaf hash');
  for (const p of path) {
    if (sn === 0) throw tooLong(proof.length);
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      // Skip the levels where this node has no right sibling (right border).
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw tooShort(proof.length);
  if (!r.equals(expected)) {
    throw new ProofVerificationError('ROOT_MISMATCH', 'inclusion proof does not lead to the given root');
  }
}

export function verifyConsistency(
  from: number,
  to: number,
  proof: readonly HashInput[],
  rootFrom: HashInput,
  rootTo: HashInput,
): void {
  requireTreeNumber(from, 'from');
  requireTreeNumber(to, 'to');
  if (from > to) {
    throw new ProofVerificationError('SIZE_DECREASED', `tree size went down from ${from} to ${to}`);
  }
  const first = rootBytes(rootFrom);
  const second = rootBytes(rootTo);
  if (from === to) {
    // Equal sizes: the only consistent claim is "same root", with nothing to prove it.
    if (proof.length !== 0) throw tooLong(proof.length);
    if (!first.equals(second)) {
      throw new ProofVerificationError('ROOT_MISMATCH', `two different roots for size ${from}`);
    }
    return;
  }
  if (from === 0) {
    // Every tree extends the empty one; a "proof" of it proves nothing and
    // RFC 9162 defines none, so accepting one would only hide caller bugs.
    throw new ProofVerificationError('FROM_EMPTY_TREE', 'no consistency proof exists from the empty tree');
  }
  if (proof.length === 0) throw tooShort(0);

  const path = proof.map((p, i) => hashToChain(p, `proof[${i}]`));
  // When the old tree is a complete subtree the proof omits its hash: the verifier has it.
  if (exactLog2(from) !== undefined) path.unshift(hashToChain(rootFrom, 'old root'));

  let fn = from - 1;
  let sn = to - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) throw tooLong(proof.length);
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw tooShort(proof.length);
  if (!fr.equals(first)) {
    throw new ProofVerificationError('ROOT_MISMATCH', `proof does not lead to the root of size ${from}`);
  }
  if (!sr.equals(second)) {
    throw new ProofVerificationError('ROOT_MISMATCH', `proof does not lead to the root of size ${to}`);
  }
}

function requireTreeNumber(value: number, what: string): void {
  if (!isTreeNumber(value)) {
    throw new ProofVerificationError('INVALID_NUMBER', `${what} must be an integer between 0 and 2^53 - 1`);
  }
}

function hashToChain(input: HashInput, what: string): Buffer {
  const bytes = decodeBytes(input);
  if (bytes === undefined || bytes.length !== HASH_SIZE) {
    throw new ProofVerificationError('MALFORMED_HASH', `${what} is not a ${HASH_SIZE}-byte hash`);
  }
  return bytes;
}

function rootBytes(input: HashInput): Buffer {
  const bytes = decodeBytes(input);
  if (bytes === undefined) throw new ProofVerificationError('MALFORMED_HASH', 'root is not hex');
  return bytes;
}

function tooLong(length: number): ProofVerificationError {
  return new ProofVerificationError('WRONG_PROOF_LENGTH', `proof has too many hashes (${length})`);
}

function tooShort(length: number): ProofVerificationError {
  return new ProofVerificationError('WRONG_PROOF_LENGTH', `proof has too few hashes (${length})`);
}
