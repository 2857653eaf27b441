import { canonicalBytes, EventEnvelope } from '@app/ledger';
import { leafHash, toHex } from './merkle-hash';

/**
 * The bytes an audit leaf commits to: the event's index in the global order (not
 * the adapter's position, which differs between adapters), where it sits, what it
 * is, both clocks, who did it and its data (personal data only as ciphertext, so
 * erasing a key changes no hash).
 */
export function auditLeafBytes(event: EventEnvelope, index: number): Buffer {
  return canonicalBytes({
    index,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    data: event.data,
  });
}

/** RFC 6962 leaf hash of an event: SHA-256(0x00 || canonical bytes), lowercase hex. */
export function auditLeafHash(event: EventEnvelope, index: number): string {
  return toHex(leafHash(auditLeafBytes(event, index)));
}
