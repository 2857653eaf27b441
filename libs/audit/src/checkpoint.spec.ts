import { formatCheckpoint, parseCheckpoint, signCheckpoint, verifyCheckpointNote } from './checkpoint';
import { CheckpointFormatError, NoteVerificationError } from './errors';
import { EMPTY_TREE_ROOT_HEX } from './merkle-hash';
import { generateSigningKey, signerFromPrivateKey } from './note-keys';

const ROOT = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';
const ROOT_B64 = Buffer.from(ROOT, 'hex').toString('base64');

describe('checkpoints', () => {
  it('formats origin, decimal size and base64 root, one per line', () => {
    expect(formatCheckpoint({ origin: 'ledger.example/audit', size: 8, rootHash: ROOT })).toBe(
      `ledger.example/audit\n8\n${ROOT_B64}\n`,
    );
    expect(formatCheckpoint({ origin: 'o', size: 0, rootHash: EMPTY_TREE_ROOT_HEX })).toBe(
      'o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n',
    );
  });

  it('parses what it formats, with the root back in hex', () => {
    const text = formatCheckpoint({ origin: 'ledger.example/audit', size: 20852163, rootHash: ROOT });
    expect(parseCheckpoint(text)).toEqual({
      origin: 'ledger.example/audit',
      size: 20852163,
      rootHash: ROOT,
      extensions: [],
    });
  });

  it('parses the C2SP example and keeps extension lines', () => {
    const text = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nextra\n';
    const parsed = parseCheckpoint(text);
    expect(parsed.size).toBe(20852163);
    expect(parsed.extensions).toEqual(['extra']);
    expect(parsed.rootHash).toBe(Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64').toString('hex'));
  });

  it.each([
    ['no final newline', `o\n8\n${ROOT_B64}`],
    ['two lines', 'o\n8\n'],
    ['empty origin', `\n8\n${ROOT_B64}\n`],
    ['leading zero', `o\n08\n${ROOT_B64}\n`],
    ['sign', `o\n+8\n${ROOT_B64}\n`],
    ['exponent', `o\n8e0\n${ROOT_B64}\n`],
    ['size beyond 2^53 - 1', `o\n9007199254740992\n${ROOT_B64}\n`],
    ['unpadded base64', `o\n8\n${ROOT_B64.replace('=', '')}\n`],
    ['base64url', `o\n8\n${Buffer.from(ROOT, 'hex').toString('base64url')}=\n`],
    ['31-byte root', `o\n8\n${Buffer.alloc(31).toString('base64')}\n`],
    ['empty extension line', `o\n8\n${ROOT_B64}\n\n`],
  ])('rejects %s', (_name, text) => {
    expect(() => parseCheckpoint(text)).toThrow(CheckpointFormatError);
  });

  it('refuses to format a checkpoint it could not sign cleanly', () => {
    expect(() => formatCheckpoint({ origin: 'has space', size: 1, rootHash: ROOT })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, rootHash: ROOT })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpoint({ origin: 'o', size: -1, rootHash: ROOT })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpoint({ origin: 'o', size: 2 ** 53, rootHash: ROOT })).toThrow(CheckpointFormatError);
    expect(() => formatCheckpoint({ origin: 'o', size: 1, rootHash: ROOT.slice(2) })).toThrow(CheckpointFormatError);
  });

  describe('signed', () => {
    const key = generateSigningKey('ledger.example/audit');
    const signer = signerFromPrivateKey(key.privateKey);
    const note = signCheckpoint({ origin: 'ledger.example/audit', size: 8, rootHash: ROOT }, signer);

    it('is the checkpoint text, a blank line and the signature line', () => {
      expect(note).toMatch(
        new RegExp(
          `^ledger\\.example/audit\\n8\\n${ROOT_B64.replace(/[+/]/g, '\\$&')}\\n\\n\u2014 ledger\\.example/audit \\S+\\n$`,
        ),
      );
    });

    it('verifies and parses in one step', () => {
      expect(verifyCheckpointNote(note, key.publicKey, signer.keyName, 'ledger.example/audit')).toMatchObject({
        size: 8,
        rootHash: ROOT,
      });
    });

    it('refuses a checkpoint of another origin', () => {
      expect(() => verifyCheckpointNote(note, key.publicKey, signer.keyName, 'other.example/log')).toThrow(
        CheckpointFormatError,
      );
    });

    it('refuses a checkpoint with a bad signature before parsing it', () => {
      expect(() => verifyCheckpointNote(note.replace('\n8\n', '\n9\n'), key.publicKey, signer.keyName)).toThrow(
        NoteVerificationError,
      );
    });
  });
});
