import { createHash } from 'node:crypto';
import { EventEnvelope, NewEvent, Position } from '../event-envelope';

/**
 * Everything of our envelope that is not the event's type, id or data travels in the
 * event's custom metadata, so an event read back is the event written.
 */
export interface EsdbEnvelopeMetadata {
  version: number;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string };
  causationId: string | null;
  correlationId: string | null;
  metadata: Record<string, unknown>;
}

/** Idempotency records live in streams of their own, outside the global log we expose. */
export const IDEMPOTENCY_STREAM_PREFIX = 'ledger-idempotency-';
export const IDEMPOTENCY_EVENT_TYPE = 'IdempotencyKeyRecorded';

/** The server's events ($-typed, or in $-streams) and our idempotency records are not ledger events. */
export function isLedgerEvent(stream: string, type: string): boolean {
  return !type.startsWith('$') && !stream.startsWith('$') && !stream.startsWith(IDEMPOTENCY_STREAM_PREFIX);
}

export function idempotencyStream(key: string): string {
  return IDEMPOTENCY_STREAM_PREFIX + createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40);
}

/**
 * A deterministic UUID (RFC 9562 version 8) from its parts: a retried append derives
 * the same event ids, so the server recognises the retry and does not write it twice.
 */
export function derivedEventId(...parts: string[]): string {
  const bytes = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function envelopeMetadata(event: NewEvent, recordedAt: string): EsdbEnvelopeMetadata {
  return {
    version: event.version,
    occurredAt: event.occurredAt,
    recordedAt,
    actor: { id: event.actor.id, role: event.actor.role },
    causationId: event.causationId ?? null,
    correlationId: event.correlationId ?? null,
    metadata: event.metadata ?? {},
  };
}

/** What the client hands us for a recorded event (the fields we read). */
export interface RecordedLike {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata?: unknown;
  position?: { commit: bigint; prepare: bigint };
}

/** The server answers 2^64-1 where it does not know an event's log position (old stream reads). */
const UNKNOWN_POSITION = 18446744073709551615n;

export function positionOf(event: RecordedLike): Position {
  const commit = event.position?.commit;
  return commit === undefined || commit === UNKNOWN_POSITION ? -1n : commit;
}

export function toEnvelope(event: RecordedLike): EventEnvelope {
  const meta = (event.metadata ?? {}) as Partial<EsdbEnvelopeMetadata>;
  return {
    eventId: event.id,
    type: event.type,
    version: meta.version ?? 1,
    stream: event.streamId,
    revision: Number(event.revision),
    position: positionOf(event),
    occurredAt: meta.occurredAt ?? '',
    recordedAt: meta.recordedAt ?? '',
    actor: meta.actor ?? { id: '', role: '' },
    causationId: meta.causationId ?? null,
    correlationId: meta.correlationId ?? null,
    data: event.data,
    metadata: meta.metadata ?? {},
  };
}

/** Bytes the server counts against its maximum append size: data, metadata and type of each event. */
export function appendSize(events: { type: string; data: unknown; metadata: unknown }[]): number {
  let bytes = 0;
  for (const e of events) {
    bytes += Buffer.byteLength(JSON.stringify(e.data), 'utf8');
    bytes += Buffer.byteLength(JSON.stringify(e.metadata), 'utf8');
    bytes += Buffer.byteLength(e.type, 'utf8');
  }
  return bytes;
}
