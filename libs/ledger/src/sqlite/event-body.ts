import { canonicalJson, quote } from '../canonical-json';
import { Actor } from '../event-envelope';

/** The part of the envelope kept as canonical JSON in the `body` column. */
export interface EventBody {
  version: number;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  causationId: string | null;
  correlationId: string | null;
  data: unknown;
  metadata: Record<string, unknown>;
}

const nullable = (text: string | null) => (text === null ? 'null' : quote(text));

/**
 * canonicalJson(body), written out by hand because it runs once per appended event:
 * the envelope's keys are fixed, so they are emitted already sorted and only `data`
 * and `metadata` go through the general encoder. A spec holds it equal to canonicalJson.
 */
export function encodeEventBody(body: EventBody): string {
  return (
    '{"actor":{"id":' +
    quote(body.actor.id) +
    ',"role":' +
    quote(body.actor.role) +
    '},"causationId":' +
    nullable(body.causationId) +
    ',"correlationId":' +
    nullable(body.correlationId) +
    ',"data":' +
    canonicalJson(body.data) +
    ',"metadata":' +
    canonicalJson(body.metadata) +
    ',"occurredAt":' +
    quote(body.occurredAt) +
    ',"recordedAt":' +
    quote(body.recordedAt) +
    ',"version":' +
    canonicalJson(body.version) +
    '}'
  );
}
