/** Who did it: every event records the principal and the role it acted in. */
export interface Actor {
  id: string;
  role: string;
}

/** A global ledger position. Adapters differ in how they number, so it is opaque but ordered. */
export type Position = bigint;

/** The ledger's start: reading or subscribing from here yields every event. */
export const START: Position = 0n;

/** An event as stored: the envelope around the domain fact. */
export interface EventEnvelope<D = unknown> {
  eventId: string;
  type: string;
  version: number;
  stream: string;
  /** 0-based revision of the event within its stream. */
  revision: number;
  position: Position;
  /** When the fact happened in the world (ISO-8601 with offset; may be back-dated). */
  occurredAt: string;
  /** When the ledger learned it (server clock, UTC ISO-8601). */
  recordedAt: string;
  actor: Actor;
  causationId: string | null;
  correlationId: string | null;
  data: D;
  metadata: Record<string, unknown>;
}

/** What a writer hands to `append`; the store assigns revision, position and recordedAt. */
export interface NewEvent<D = unknown> {
  eventId?: string;
  type: string;
  version: number;
  occurredAt: string;
  actor: Actor;
  causationId?: string | null;
  correlationId?: string | null;
  data: D;
  metadata?: Record<string, unknown>;
}
