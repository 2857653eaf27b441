import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretBox } from './secret-box';

describe('the secret box', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secret-box-'));
  const file = join(dir, 'keys.sqlite');
  const now = new Date('2022-04-28T10:00:00Z');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seals a secret to ciphertext that opens again, also from a reopened keys file', () => {
    const box = SecretBox.open(file);
    const sealed = box.seal('reminder-channels', 'town-a-json', 'SEC-very-secret', now);
    expect(sealed).toEqual({
      alg: 'A256GCM',
      keyId: 'reminder-channels',
      iv: expect.any(String),
      ciphertext: expect.any(String),
      tag: expect.any(String),
    });
    expect(JSON.stringify(sealed)).not.toContain('SEC-very-secret');
    expect(box.open(sealed, 'town-a-json')).toBe('SEC-very-secret');
    box.close();
    const again = SecretBox.open(file);
    expect(again.open(sealed, 'town-a-json')).toBe('SEC-very-secret');
    // The same purpose keeps its key; each seal has its own IV.
    expect(again.seal('reminder-channels', 'x', 'SEC-very-secret', now).iv).not.toBe(sealed.iv);
    again.close();
  });

  it('refuses a ciphertext moved to another owner, altered, or sealed under an unknown key', () => {
    const box = SecretBox.open(file);
    const sealed = box.seal('reminder-channels', 'town-a-json', 'SEC-2', now);
    expect(() => box.open(sealed, 'town-b-json')).toThrow();
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() => box.open({ ...sealed, ciphertext: flipped.toString('base64') }, 'town-a-json')).toThrow();
    expect(() => box.open({ ...sealed, keyId: 'other' }, 'town-a-json')).toThrow(/no sealing key other/);
    box.close();
  });

  it('keeps no plaintext in the keys file', () => {
    const box = SecretBox.open(file);
    box.seal('reminder-channels', 'c', 'PLAINTEXT-MARKER', now);
    box.close();
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).includes('PLAINTEXT-MARKER')).toBe(false);
  });
});
