import { join } from 'node:path';

/**
 * Every file of the data directory, named once. The CLI and the server open
 * the same files through this, so the directory's layout cannot drift apart.
 */
export interface DataFiles {
  readonly dir: string;
  /** The event log (libs/ledger, SQLite adapter). */
  readonly ledger: string;
  /** The read models; a link to the current blue/green build (libs/projections). */
  readonly readModels: string;
  /** The Merkle tree and the signed checkpoints (libs/audit). */
  readonly audit: string;
  /** The per-petitioner keys of the personal-data vault (libs/security). */
  readonly keys: string;
  /** The checkpoint signing key when LEDGER_SIGNING_KEY is not set (mode 0600). */
  readonly signingKey: string;
  /** The demo's bearer tokens, written by `ledger demo`. */
  readonly demoTokens: string;
  /**
   * When each principal last called the API (libs/security PrincipalUsage): a side store,
   * not the ledger, so that a request does not append an event. Losing it loses only that.
   */
  readonly principalUsage: string;
}

export function dataFiles(config: { readonly dataDir: string }): DataFiles {
  const dir = config.dataDir;
  return {
    dir,
    ledger: join(dir, 'ledger.sqlite'),
    readModels: join(dir, 'read-models.sqlite'),
    audit: join(dir, 'audit.sqlite'),
    keys: join(dir, 'keys.sqlite'),
    signingKey: join(dir, 'audit-signing.key'),
    demoTokens: join(dir, 'demo-tokens.txt'),
    principalUsage: join(dir, 'principal-usage.sqlite'),
  };
}
