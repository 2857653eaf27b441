import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonalDataVault, PetitionerKeyErasedError } from './personal-data-vault';

describe('the personal-data vault', () => {
  let dir: string;
  let vault: PersonalDataVault;
  const person = { name: '张三丰', idNumber: '11010119900307123X', phone: '13812345678' };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vault-'));
    vault = PersonalDataVault.open(join(dir, 'keys.sqlite'));
  });
  afterEach(() => {
    vault.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals with the petitioner key and opens only with the same event id', () => {
    const sealed = vault.seal('pet-1', 'event-1', person);
    expect(JSON.stringify(sealed)).not.toContain('张三丰');
    expect(JSON.stringify(sealed)).not.toContain('13812345678');
    expect(vault.open(sealed, 'event-1')).toEqual(person);
    expect(() => vault.open(sealed, 'event-2')).toThrow();
  });

  it('uses a fresh IV for every seal', () => {
    expect(vault.seal('pet-1', 'e', person).ciphertext).not.toBe(vault.seal('pet-1', 'e', person).ciphertext);
  });

  it('keeps no plaintext in its file', () => {
    vault.seal('pet-1', 'event-1', person);
    const bytes = readFileSync(join(dir, 'keys.sqlite'));
    expect(bytes.includes(Buffer.from('13812345678'))).toBe(false);
  });

  it('after erasure opens to null, for good, and refuses to seal again under that petitioner', () => {
    const sealed = vault.seal('pet-1', 'event-1', person);
    expect(vault.erase('pet-1')).toBe(true);
    expect(vault.erase('pet-1')).toBe(false);
    expect(vault.isErased('pet-1')).toBe(true);
    expect(vault.open(sealed, 'event-1')).toBeNull();
    expect(() => vault.seal('pet-1', 'event-9', person)).toThrow(PetitionerKeyErasedError);
  });

  it('commits the keys made in one turn together, and durable() resolves once they are on disk', async () => {
    const sealed = ['pet-1', 'pet-2', 'pet-3'].map((id) => vault.seal(id, `event-${id}`, person));
    const other = PersonalDataVault.open(join(dir, 'keys.sqlite'));
    try {
      expect(other.exists('pet-1')).toBe(false);
      await vault.durable();
      // Another connection (as after a restart) now finds every key and opens the data.
      sealed.forEach((s, i) => expect(other.open(s, `event-pet-${i + 1}`)).toEqual(person));
    } finally {
      other.close();
    }
    expect(vault.exists('pet-1')).toBe(true);
    expect(vault.open(sealed[0], 'event-pet-1')).toEqual(person);
  });

  it('erases a key that is not yet committed, for good', () => {
    const sealed = vault.seal('pet-1', 'event-1', person);
    expect(vault.erase('pet-1')).toBe(true);
    expect(vault.open(sealed, 'event-1')).toBeNull();
  });
});
