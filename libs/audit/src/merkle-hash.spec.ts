import { createHash } from 'node:crypto';
import type { EventEnvelope } from '@app/ledger';
import { auditLeafBytes, auditLeafHashBytes } from './audit-leaf';
import { InvalidHashError } from './errors';
import { EMPTY_TREE_ROOT_HEX, emptyTreeRoot, leafHash, leafHashOfText, nodeHash, toHash, toHex } from './merkle-hash';

/** SHA-256 over the parts, the plain streaming way: what the one-shot paths must equal. */
const reference = (...parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

describe('RFC 6962 hashing', () => {
  it('hashes a leaf as SHA-256(0x00 || bytes)', () => {
    // The first reference leaf (empty) of the RFC 6962 test tree.
    expect(toHex(leafHash(Buffer.alloc(0)))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    expect(toHex(leafHash(Buffer.from('00', 'hex')))).toBe(
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    );
  });

  it('hashes a node as SHA-256(0x01 || left || right), so order matters', () => {
    const a = leafHash(Buffer.alloc(0));
    const b = leafHash(Buffer.from('00', 'hex'));
    expect(toHex(nodeHash(a, b))).toBe('fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125');
    expect(nodeHash(b, a).equals(nodeHash(a, b))).toBe(false);
  });

  it('separates leaves from nodes: a leaf over 64 bytes is not the node over them', () => {
    const a = leafHash(Buffer.from('a'));
    const b = leafHash(Buffer.from('b'));
    expect(leafHash(Buffer.concat([a, b])).equals(nodeHash(a, b))).toBe(false);
  });

  it('roots the empty tree at SHA-256 of nothing', () => {
    expect(toHex(emptyTreeRoot())).toBe(EMPTY_TREE_ROOT_HEX);
  });

  it('accepts hashes as hex (any case) or bytes and rejects anything else', () => {
    const hex = EMPTY_TREE_ROOT_HEX;
    expect(toHex(toHash(hex))).toBe(hex);
    expect(toHex(toHash(hex.toUpperCase()))).toBe(hex);
    expect(toHex(toHash(Buffer.from(hex, 'hex')))).toBe(hex);
    expect(() => toHash(hex.slice(2))).toThrow(InvalidHashError);
    expect(() => toHash(`${hex.slice(1)}g`)).toThrow(InvalidHashError);
    expect(() => toHash(`${hex}0`)).toThrow(InvalidHashError);
    expect(() => toHash(Buffer.alloc(31))).toThrow(InvalidHashError);
  });

  it('gives the streaming SHA-256 on every path: scratch input, long input, odd-sized node inputs', () => {
    for (const length of [0, 1, 31, 32, 300, 4094, 4095, 4096, 10_000]) {
      const bytes = Buffer.alloc(length, length % 251);
      expect(leafHash(bytes).equals(reference(Buffer.from([0]), bytes))).toBe(true);
    }
    const a = leafHash(Buffer.from('a'));
    const b = leafHash(Buffer.from('b'));
    expect(nodeHash(a, b).equals(reference(Buffer.from([1]), a, b))).toBe(true);
    // A node over inputs that are not 32 bytes still hashes what it is given (no truncation).
    expect(nodeHash(a.subarray(0, 5), b).equals(reference(Buffer.from([1]), a.subarray(0, 5), b))).toBe(true);
    // A result is never a view of a buffer that the next call overwrites.
    const first = nodeHash(a, b);
    const copy = Buffer.from(first);
    nodeHash(b, a);
    leafHash(Buffer.from('other'));
    expect(first.equals(copy)).toBe(true);
  });

  it('hashes text as its UTF-8 bytes: leafHashOfText(t) = leafHash(Buffer.from(t))', () => {
    for (const text of [
      '',
      'abc',
      '群众反映紫悦华府逾期交房问题',
      'emoji 😀 pair',
      '\\"\\u0000"',
      'nul \u0000 inside',
      'x'.repeat(5000),
    ]) {
      expect(leafHashOfText(text).equals(leafHash(Buffer.from(text, 'utf8')))).toBe(true);
    }
  });

  it('gives an event the same leaf hash from its text as from its bytes', () => {
    const event = {
      stream: 'matter-1',
      revision: 3,
      type: 'ContactRecorded',
      occurredAt: '2022-04-03T09:30:00+08:00',
      recordedAt: '2022-04-03T01:30:00.000Z',
      actor: { id: 'u-1', role: 'registrar' },
      data: { summary: '逾期交房 😀 "quoted" \\ \u0001', lone: '\ud800', n: 1.5 },
    } as unknown as EventEnvelope;
    expect(auditLeafHashBytes(event, 7).equals(leafHash(auditLeafBytes(event, 7)))).toBe(true);
  });
});
