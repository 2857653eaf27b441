import { generateKeyPairSync } from 'node:crypto';

import { SigningKeyError } from './errors';
import {
  formatVerifierKey,
  generateSigningKey,
  noteKeyId,
  parseVerifierKey,
  rawPublicKeyBase64,
  signerFromPrivateKey,
} from './note-keys';

// golang.org/x/mod/sumdb/note test key, so our key strings interoperate with Go's.
const GO_PRIVATE_KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';

describe('note keys', () => {
  it('loads the Go reference private key and derives its verifier key', () => {
    const signer = signerFromPrivateKey(GO_PRIVATE_KEY);
    expect(signer.keyName).toBe('PeterNeumann');
    expect(signer.keyId).toBe('c74f20a3');
    expect(formatVerifierKey(signer.keyName, signer.publicKey)).toBe(GO_VERIFIER_KEY);
  });

  it('parses a verifier key into name, ID and raw key', () => {
    const key = parseVerifierKey(GO_VERIFIER_KEY);
    expect(key.keyName).toBe('PeterNeumann');
    expect(key.keyId).toBe('c74f20a3');
    expect(key.publicKey).toHaveLength(32);
    expect(noteKeyId(key.keyName, key.publicKey)).toBe('c74f20a3');
  });

  it('generates a key whose three forms agree', () => {
    const generated = generateSigningKey('petition-ledger.example/city');
    const signer = signerFromPrivateKey(generated.privateKey);
    expect(generated.privateKey).toMatch(/^PRIVATE\+KEY\+petition-ledger\.example\/city\+[0-9a-f]{8}\+/);
    expect(parseVerifierKey(generated.verifierKey).publicKey.equals(signer.publicKey)).toBe(true);
    expect(rawPublicKeyBase64(signer)).toBe(generated.publicKey);
    expect(Buffer.from(generated.publicKey, 'base64')).toHaveLength(32);
  });

  it('gives the raw public key of a node KeyObject', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
    expect(rawPublicKeyBase64(privateKey)).toBe(raw);
    expect(rawPublicKeyBase64(publicKey)).toBe(raw);
    expect(() => rawPublicKeyBase64(generateKeyPairSync('x25519').publicKey)).toThrow(SigningKeyError);
  });

  it('refuses keys whose ID does not match, or that are mangled', () => {
    expect(() => signerFromPrivateKey(GO_PRIVATE_KEY.replace('c74f20a3', 'c74f20a4'))).toThrow(SigningKeyError);
    expect(() => signerFromPrivateKey(GO_PRIVATE_KEY.replace('PeterNeumann', 'Peter'))).toThrow(SigningKeyError);
    expect(() => signerFromPrivateKey(GO_PRIVATE_KEY.slice('PRIVATE+KEY+'.length))).toThrow(SigningKeyError);
    expect(() => signerFromPrivateKey(GO_PRIVATE_KEY.slice(0, -4))).toThrow(SigningKeyError);
    expect(() => parseVerifierKey(GO_VERIFIER_KEY.replace('+ARpc', '+AhpC'))).toThrow(SigningKeyError);
    expect(() => parseVerifierKey(GO_VERIFIER_KEY.replace('c74f20a3', 'C74F20A3'))).toThrow(SigningKeyError);
    expect(() => parseVerifierKey('PeterNeumann+c74f20a3')).toThrow(SigningKeyError);
  });

  it('refuses key names the signed-note spec forbids', () => {
    for (const name of ['', 'with space', 'a+b', 'tab\there', 'nbsp\u00a0here']) {
      expect(() => generateSigningKey(name)).toThrow(SigningKeyError);
    }
  });
});
