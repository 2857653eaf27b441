import { InvalidHashError } from './errors';
import { EMPTY_TREE_ROOT_HEX, emptyTreeRoot, leafHash, nodeHash, toHash, toHex } from './merkle-hash';

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
});
