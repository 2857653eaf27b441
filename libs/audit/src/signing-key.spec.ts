import { dataFiles, ConfigError, loadConfig } from '@app/runtime';
import { mkdtempSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCheckpoint, verifyCheckpointNote } from './checkpoint';
import { EMPTY_TREE_ROOT_HEX } from './merkle-hash';
import { generateSigningKey } from './note-keys';
import { loadSigningKey, parseSigningKey, parseTrustedKey } from './signing-key';

describe('the audit signing key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'signing-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is created on first start with mode 0600, then read back unchanged', () => {
    const created = loadSigningKey({ dataDir, signingKey: null }, { create: true })!;
    expect(created.source).toBe('new key file');
    expect(statSync(dataFiles({ dataDir }).signingKey).mode & 0o777).toBe(0o600);
    expect(readFileSync(dataFiles({ dataDir }).signingKey, 'utf8')).toMatch(
      /^PRIVATE\+KEY\+petition-ledger\/\S+\+[0-9a-f]{8}\+\S+\n$/,
    );
    const again = loadSigningKey({ dataDir, signingKey: null }, { create: true })!;
    expect(again).toMatchObject({ source: 'key file', verifierKey: created.verifierKey, origin: created.origin });
    expect(again.warning).toBeUndefined();
  });

  it('warns about a key file others can read, and is not created when not asked to', () => {
    expect(loadSigningKey({ dataDir, signingKey: null }, { create: false })).toBeNull();
    loadSigningKey({ dataDir, signingKey: null }, { create: true });
    chmodSync(dataFiles({ dataDir }).signingKey, 0o644);
    expect(loadSigningKey({ dataDir, signingKey: null }, { create: false })!.warning).toMatch(/readable by others/);
  });

  it('takes LEDGER_SIGNING_KEY as a signed-note key, whose name is the origin', () => {
    const key = generateSigningKey('petition-ledger/xinfang.example.gov.cn');
    const loaded = loadSigningKey({ dataDir, signingKey: key.privateKey }, { create: true })!;
    expect(loaded).toMatchObject({
      source: 'LEDGER_SIGNING_KEY',
      origin: 'petition-ledger/xinfang.example.gov.cn',
      verifierKey: key.verifierKey,
    });
    const note = signCheckpoint({ origin: loaded.origin, size: 0, rootHash: EMPTY_TREE_ROOT_HEX }, loaded.signer);
    expect(verifyCheckpointNote(note, key.publicKey, loaded.origin).size).toBe(0);
  });

  it('takes LEDGER_SIGNING_KEY as a bare base64 seed, named after the host unless told otherwise', () => {
    const seed = Buffer.alloc(32, 7).toString('base64');
    const signer = parseSigningKey(seed, 'petition-ledger/test');
    expect(signer.keyName).toBe('petition-ledger/test');
    // The same seed is the same key whatever its name.
    expect(parseSigningKey(seed, 'other').publicKey).toEqual(signer.publicKey);
    expect(parseSigningKey(seed).keyName).toMatch(/^petition-ledger\//);
  });

  it('is validated at start-up in both forms', () => {
    const env = (LEDGER_SIGNING_KEY: string) => ({ LEDGER_DATA_DIR: dataDir, LEDGER_SIGNING_KEY });
    expect(loadConfig(env(generateSigningKey('petition-ledger/a').privateKey)).signingKey).toMatch(/^PRIVATE\+KEY\+/);
    expect(loadConfig(env(Buffer.alloc(32, 1).toString('base64'))).signingKey).toHaveLength(44);
    for (const bad of ['short', 'PRIVATE+KEY+name+00000000+AQ==', Buffer.alloc(31).toString('base64')]) {
      expect(() => loadConfig(env(bad))).toThrow(ConfigError);
    }
  });

  it('is pinned by auditors as a verifier key or a raw public key', () => {
    const key = generateSigningKey('petition-ledger/a');
    expect(parseTrustedKey(key.verifierKey)).toEqual({
      publicKey: Buffer.from(key.publicKey, 'base64'),
      keyName: 'petition-ledger/a',
    });
    expect(parseTrustedKey(key.publicKey)).toEqual({ publicKey: Buffer.from(key.publicKey, 'base64') });
    expect(() => parseTrustedKey('petition-ledger/a+00000000+AAAA')).toThrow();
    expect(() => parseTrustedKey('not a key')).toThrow(/verifier key/);
  });
});
