import { isSigningKeySetting } from './signing-key-setting';

// A key made by libs/audit's generateSigningKey('petition-ledger/a'); that test vector is all this
// library may know of audit (apps/api/src/audit/signing-key.spec.ts checks freshly made keys too).
const KEY = 'PRIVATE+KEY+petition-ledger/a+be0a9f5e+AXapjhBDfAPjR6gmShF4r3Xc7lbkOi0ALz+DAdgewoKR';
describe('the LEDGER_SIGNING_KEY form check', () => {
  it('accepts a signed-note private key and a bare base64 seed', () => {
    expect(isSigningKeySetting(KEY)).toBe(true);
    expect(isSigningKeySetting(Buffer.alloc(32, 1).toString('base64'))).toBe(true);
  });

  it('refuses a key whose ID does not match its name and seed', () => {
    const [, , name, id, ...rest] = KEY.split('+');
    const material = rest.join('+');
    const otherId = id === '00000000' ? '00000001' : '00000000';
    expect(isSigningKeySetting(`PRIVATE+KEY+${name}+${otherId}+${material}`)).toBe(false);
    // The same seed under another name has another ID.
    expect(isSigningKeySetting(`PRIVATE+KEY+petition-ledger/b+${id}+${material}`)).toBe(false);
  });

  it('refuses malformed keys', () => {
    for (const bad of [
      'short',
      'PRIVATE+KEY+name+00000000+AQ==',
      Buffer.alloc(31).toString('base64'),
      'PRIVATE+KEY++00000000+' + Buffer.alloc(33, 1).toString('base64'),
      'PRIVATE+KEY+name+XYZ+' + Buffer.alloc(33, 1).toString('base64'),
    ]) {
      expect(isSigningKeySetting(bad)).toBe(false);
    }
  });
});
