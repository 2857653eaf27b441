// `ledger prove`: an inclusion proof of one event against a signed checkpoint, checked before it is printed.
import {
  auditLeafBytes,
  leafHash,
  parseVerifierKey,
  toHex,
  verifyInclusion,
  AuditStore,
  META_ORIGIN,
  META_VERIFIER_KEY,
} from '@app/audit';
import type { AppConfig } from '@app/runtime';
import { EventEnvelope, EventStore, Position, START } from '@app/ledger';
import { CliError } from '../cli-errors';
import { openAuditSource } from './data-dir';

export interface InclusionProofOutput {
  index: number;
  size: number;
  position: string;
  /** The event's canonical leaf bytes as text, and exactly as hashed (base64). */
  leaf: { canonical: string; base64: string };
  leafHash: string;
  hashes: string[];
  rootHash: string;
  checkpoint: { note: string; signedAt: string; position: string };
  origin: string | null;
  verifierKey: string | null;
  publicKey: string | null;
}

/** An inclusion proof of leaf `index` against the latest checkpoint (or the one of `size`), checked before it is printed. */
export async function proveInclusion(
  dataDir: string,
  index: number,
  size?: number,
  store: Pick<AppConfig, 'store' | 'storeUrl'> = { store: 'sqlite', storeUrl: null },
): Promise<InclusionProofOutput> {
  const { ledger, audit } = openAuditSource({ dataDir, ...store });
  try {
    const checkpoint = size === undefined ? audit.latestCheckpoint() : audit.checkpointOfSize(size);
    if (!checkpoint)
      throw new CliError(
        size === undefined ? 'no checkpoint has been signed yet' : `no checkpoint of size ${size} was signed`,
      );
    if (index >= checkpoint.size) {
      throw new CliError(
        `index ${index} is not covered by the checkpoint of size ${checkpoint.size}; wait for the next checkpoint`,
      );
    }
    const event = await eventAt(ledger, audit, index);
    if (!event)
      throw new CliError(
        `the ledger has no event at index ${index}: it is shorter than its audit tree; run ledger verify`,
      );
    const bytes = auditLeafBytes(event, index);
    const hash = toHex(leafHash(bytes));
    if (hash !== audit.tree.leafHash(index)) {
      throw new CliError(`the event at index ${index} no longer matches its audit leaf; run ledger verify`, 1);
    }
    const hashes = audit.tree.inclusionProof(index, checkpoint.size);
    verifyInclusion(hash, index, checkpoint.size, hashes, checkpoint.rootHash);
    const verifierKey = audit.getMeta(META_VERIFIER_KEY) ?? null;
    return {
      index,
      size: checkpoint.size,
      position: event.position.toString(),
      leaf: { canonical: bytes.toString('utf8'), base64: bytes.toString('base64') },
      leafHash: hash,
      hashes,
      rootHash: checkpoint.rootHash,
      checkpoint: { note: checkpoint.note, signedAt: checkpoint.signedAt, position: checkpoint.position },
      origin: audit.getMeta(META_ORIGIN) ?? null,
      verifierKey,
      publicKey: verifierKey ? parseVerifierKey(verifierKey).publicKey.toString('base64') : null,
    };
  } finally {
    audit.close();
    await ledger.close();
  }
}

/** The event at audit index `index`: from the nearest position the audit store knows, skipping forward. */
async function eventAt(ledger: EventStore, audit: AuditStore, index: number): Promise<EventEnvelope | undefined> {
  const located = audit.locate(index);
  let at = located.index;
  let next: Position = located.position === 0n ? START : located.position;
  for (;;) {
    const batch = await ledger.readAll(next, 1000);
    if (batch.length === 0) return undefined;
    if (index - at < batch.length) return batch[index - at];
    at += batch.length;
    next = batch[batch.length - 1].position + 1n;
  }
}
