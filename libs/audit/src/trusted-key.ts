import type { AppConfig } from '@app/runtime';
import { parseVerifierKey } from './note-keys';
import { parseSignedNote } from './signed-note';
import { loadSigningKey, parseSigningKey, parseTrustedKey } from './signing-key';
import { AuditStore, META_VERIFIER_KEY } from './sqlite/audit-store';

/** The key checkpoints are checked against, and where it came from (for the report). */
export interface TrustedKeyChoice {
  readonly publicKey: Buffer;
  /** Unknown only for a bare public key before the first note names it. */
  readonly keyName?: string;
  /** Where the key came from, for the report. */
  readonly source: string;
}

/** No key: nothing was ever signed, so there is nothing to check signatures against. */
export const NO_TRUSTED_KEY: TrustedKeyChoice = { publicKey: Buffer.alloc(0), source: 'none (no checkpoints)' };

/**
 * The key checkpoints of a data directory must be signed with: `pinned` (what an
 * auditor should pass: the published verifier key), else the server's own signing key
 * (LEDGER_SIGNING_KEY, or the key file in the data directory), else the key the audit
 * store names. The last two sit beside the data they vouch for, so using them is
 * announced through `warn`. Null when checkpoints exist but no key is known.
 */
export function trustedKeyForAuditStore(
  config: Pick<AppConfig, 'signingKey' | 'dataDir'>,
  audit: AuditStore,
  pinned: string | undefined,
  warn: (message: string) => void,
): TrustedKeyChoice | null {
  if (pinned !== undefined) return { ...parseTrustedKey(pinned), source: '--key' };
  const own = loadSigningKey(config, { create: false });
  if (own) {
    if (own.source === 'key file')
      warn(`trusting the key file beside the data (${own.file}); pin the published key with --key`);
    return { publicKey: own.signer.publicKey, keyName: own.signer.keyName, source: own.source };
  }
  const stored = audit.getMeta(META_VERIFIER_KEY);
  if (stored) {
    warn('trusting the verifier key recorded in the audit store itself; pin the published key with --key');
    const parsed = parseVerifierKey(stored);
    return { publicKey: parsed.publicKey, keyName: parsed.keyName, source: 'audit store' };
  }
  if (audit.checkpointCount() === 0) return NO_TRUSTED_KEY;
  return null;
}

/** A bare public key takes its name from the notes it signed (the key ID in each signature binds name and key). */
export function completeTrustedKey(key: TrustedKeyChoice, note: string | undefined): TrustedKeyChoice {
  if (key.keyName !== undefined || note === undefined) return key;
  try {
    return { ...key, keyName: parseSignedNote(note).signatures[0]?.keyName };
  } catch {
    return key;
  }
}

/**
 * The verifier options for a chosen key. Signatures are skipped only when there is
 * no key because nothing was ever signed; a key whose name could not be found still
 * checks (and fails).
 */
export function signatureCheck(key: TrustedKeyChoice): {
  trustedKey: { publicKey: Buffer; keyName: string } | null;
  origin?: string;
} {
  if (key.publicKey.length === 0) return { trustedKey: null };
  const keyName = key.keyName ?? '(unnamed key)';
  return { trustedKey: { publicKey: key.publicKey, keyName }, origin: key.keyName };
}

/** `<name> <base64 key> (<source>)` for the report, or null without a key. */
export function describeTrustedKey(key: TrustedKeyChoice): string | null {
  if (key.publicKey.length === 0) return null;
  return `${key.keyName ?? '(unnamed)'} ${key.publicKey.toString('base64')} (${key.source})`;
}

/**
 * The key the checkpoints an instance serves must carry: the signer's own key, or, on an
 * instance that does not sign, LEDGER_AUDIT_TRUSTED_KEY, else the public half of a
 * LEDGER_SIGNING_KEY shared by every instance (a key file in this data directory would be
 * this instance's own). Null: none (no checkpoint of another instance is kept).
 */
export function checkpointKeyOf(
  config: Pick<AppConfig, 'auditSigner' | 'auditTrustedKey' | 'signingKey' | 'dataDir'>,
): TrustedKeyChoice | null {
  if (config.auditSigner) {
    const own = loadSigningKey(config, { create: false });
    return own ? { publicKey: own.signer.publicKey, keyName: own.signer.keyName, source: own.source } : null;
  }
  if (config.auditTrustedKey) return { ...parseTrustedKey(config.auditTrustedKey), source: 'LEDGER_AUDIT_TRUSTED_KEY' };
  if (config.signingKey === null) return null;
  const { publicKey, keyName } = parseSigningKey(config.signingKey);
  // A bare seed is named after each host: the name then comes from the notes, as for a bare public key.
  const named = config.signingKey.startsWith('PRIVATE+KEY+');
  return { publicKey, ...(named ? { keyName } : {}), source: 'LEDGER_SIGNING_KEY' };
}
