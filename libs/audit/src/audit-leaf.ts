import { canonicalJson, EventEnvelope } from '@app/ledger';
import { leafHashOfText, toHex } from './merkle-hash';

/** What of an event its audit leaf commits to (a stored copy of these fields hashes the same). */
export type AuditLeafFields = Pick<
  EventEnvelope,
  'stream' | 'revision' | 'type' | 'occurredAt' | 'recordedAt' | 'actor' | 'data'
>;

/** The canonical JSON an audit leaf commits to (auditLeafBytes is its UTF-8). */
export function auditLeafText(event: AuditLeafFields, index: number): string {
  return canonicalJson({
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

/**
 * The bytes an audit leaf commits to: the event's index in the global order (not
 * the adapter's position, which differs between adapters), where it sits, what it
 * is, both clocks, who did it and its data (personal data only as ciphertext, so
 * erasing a key changes no hash).
 */
export function auditLeafBytes(event: AuditLeafFields, index: number): Buffer {
  return Buffer.from(auditLeafText(event, index), 'utf8');
}

/**
 * RFC 6962 leaf hash of an event, SHA-256(0x00 || auditLeafBytes), as bytes: the
 * same as leafHash(auditLeafBytes(event, index)) without making the bytes (the
 * tree and verification call it once per event).
 */
export function auditLeafHashBytes(event: AuditLeafFields, index: number): Buffer {
  return leafHashOfText(auditLeafText(event, index));
}

/** RFC 6962 leaf hash of an event: SHA-256(0x00 || canonical bytes), lowercase hex. */
export function auditLeafHash(event: AuditLeafFields, index: number): string {
  return toHex(auditLeafHashBytes(event, index));
}
