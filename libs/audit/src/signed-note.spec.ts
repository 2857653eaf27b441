import { NoteFailure, NoteVerificationError } from './errors';
import { generateSigningKey, parseVerifierKey, signerFromPrivateKey } from './note-keys';
import { parseSignedNote, signNote, verifyNote } from './signed-note';

// Known-answer vector of golang.org/x/mod/sumdb/note: Ed25519 is deterministic,
// so signing must reproduce it byte for byte.
const GO_PRIVATE_KEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VERIFIER_KEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

function failure(run: () => unknown): NoteFailure | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof NoteVerificationError) return error.reason;
    throw error;
  }
}

describe('signed notes', () => {
  const peter = parseVerifierKey(GO_VERIFIER_KEY);
  const ours = generateSigningKey('ledger.example/audit');
  const signer = signerFromPrivateKey(ours.privateKey);
  const text = 'ledger.example/audit\n42\nq1Zx7CuFQ8yUSm6gXqrmH5Yq6UK+XZ5bRFx0gM7qgLE=\n';

  it('signs exactly as the Go reference implementation', () => {
    expect(signNote(GO_TEXT, signerFromPrivateKey(GO_PRIVATE_KEY))).toBe(GO_NOTE);
  });

  it('verifies the Go reference note and returns its text', () => {
    expect(verifyNote(GO_NOTE, peter.publicKey, peter.keyName)).toBe(GO_TEXT);
    expect(verifyNote(Buffer.from(GO_NOTE, 'utf8'), peter.publicKey.toString('base64'), 'PeterNeumann')).toBe(GO_TEXT);
  });

  it('round-trips a note signed with a generated key', () => {
    const note = signNote(text, signer);
    expect(note.startsWith(`${text}\n\u2014 ledger.example/audit `)).toBe(true);
    expect(verifyNote(note, ours.publicKey, 'ledger.example/audit')).toBe(text);
  });

  it('rejects a note whose text was changed', () => {
    const note = signNote(text, signer);
    expect(failure(() => verifyNote(note.replace('\n42\n', '\n43\n'), ours.publicKey, signer.keyName))).toBe(
      'BAD_SIGNATURE',
    );
    expect(
      failure(() => verifyNote(GO_NOTE.replace('cryptography', 'cryptographY'), peter.publicKey, 'PeterNeumann')),
    ).toBe('BAD_SIGNATURE');
  });

  it('rejects a note whose signature bytes were changed', () => {
    const note = signNote(text, signer);
    const [body, line] = [note.slice(0, note.lastIndexOf('\u2014')), note.slice(note.lastIndexOf('\u2014'))];
    const blob = Buffer.from(line.trim().split(' ')[2], 'base64');
    blob[10] ^= 1;
    const forged = `${body}\u2014 ${signer.keyName} ${blob.toString('base64')}\n`;
    expect(failure(() => verifyNote(forged, ours.publicKey, signer.keyName))).toBe('BAD_SIGNATURE');
  });

  it('rejects a note signed with another key, even under the same name', () => {
    const impostor = signerFromPrivateKey(generateSigningKey('ledger.example/audit').privateKey);
    const note = signNote(text, impostor);
    // Same name, other key ID: the spec says ignore it, leaving no trusted signature.
    expect(failure(() => verifyNote(note, ours.publicKey, 'ledger.example/audit'))).toBe('NO_TRUSTED_SIGNATURE');
  });

  it('ignores signatures by unknown keys next to a valid one', () => {
    const witness = signerFromPrivateKey(generateSigningKey('witness.example').privateKey);
    const cosigned = signNote(text, signer) + signNote(text, witness).slice(text.length + 1);
    expect(parseSignedNote(cosigned).signatures.map((s) => s.keyName)).toEqual([
      'ledger.example/audit',
      'witness.example',
    ]);
    expect(verifyNote(cosigned, ours.publicKey, signer.keyName)).toBe(text);
  });

  it('fails when only unknown keys signed', () => {
    expect(failure(() => verifyNote(GO_NOTE, ours.publicKey, signer.keyName))).toBe('NO_TRUSTED_SIGNATURE');
    expect(failure(() => verifyNote(GO_NOTE, peter.publicKey, 'PeterNeumann2'))).toBe('NO_TRUSTED_SIGNATURE');
  });

  it('separates text from signatures at the last blank line', () => {
    const withBlank = 'line one\n\nline three\n';
    const note = signNote(withBlank, signer);
    expect(verifyNote(note, ours.publicKey, signer.keyName)).toBe(withBlank);
  });

  it('rejects malformed notes', () => {
    const note = signNote(text, signer);
    const cases: string[] = [
      note.replace('\n\n', '\n'), // no blank line
      note.slice(0, -1), // signature line without newline
      note.replace('\u2014 ', '- '), // not an em dash
      note.replace('\u2014 ledger.example/audit ', '\u2014 ledger.example/audit  '), // empty name part
      note.replace(/ [A-Za-z0-9+/=]+\n$/, ' not!base64\n'),
      note.replace(/ [A-Za-z0-9+/=]+\n$/, ' AAAA\n'), // shorter than a key ID
      note.replace('42', '4\r2'), // control character
      `${note}\n`, // trailing blank line: nothing after the last one
    ];
    for (const bad of cases) expect(failure(() => verifyNote(bad, ours.publicKey, signer.keyName))).toBe('MALFORMED');
    const invalidUtf8 = Buffer.concat([Buffer.from([0xff]), Buffer.from(note)]);
    expect(failure(() => verifyNote(invalidUtf8, ours.publicKey, signer.keyName))).toBe('MALFORMED');
  });

  it('refuses to sign text that is not a valid note text', () => {
    expect(() => signNote('no newline', signer)).toThrow(NoteVerificationError);
    expect(() => signNote('bell\u0007\n', signer)).toThrow(NoteVerificationError);
  });

  it('refuses a trusted key that is not 32 bytes', () => {
    expect(failure(() => verifyNote(GO_NOTE, Buffer.alloc(31), 'PeterNeumann'))).toBe('NO_TRUSTED_SIGNATURE');
  });
});
