import { CURRENT_VERSION, DomainEvent, EventDataMap, EventType, isEventType, StoredEvent } from './event-catalog';
import type { ContactRecordedData, ContactRecordedDataV1 } from './matter-events';

/** Turns the data of version `v` into the data of version `v + 1`. */
type Upcaster = (data: never) => unknown;

/**
 * Old events are never rewritten (their hashes are in the audit tree); they
 * are read through these functions instead. Key: type, then the version an
 * upcaster reads.
 */
export const UPCASTERS: { readonly [T in EventType]?: Readonly<Record<number, Upcaster>> } = {
  ContactRecorded: {
    // v1 had no level: until skip-level contacts were recorded, every contact was lodged in the city.
    1: (data: ContactRecordedDataV1): ContactRecordedData => ({ ...data, level: 'city' }),
  },
};

export type UpcastErrorCode = 'unknown-type' | 'unknown-version' | 'missing-upcaster';

export class UpcastError extends Error {
  constructor(
    readonly code: UpcastErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UpcastError';
  }
}

/** The data of an event of any stored version, brought to the current version. */
export function upcast<T extends EventType>(type: T, version: number, data: unknown): EventDataMap[T];
export function upcast(type: string, version: number, data: unknown): unknown;
export function upcast(type: string, version: number, data: unknown): unknown {
  if (!isEventType(type)) throw new UpcastError('unknown-type', `unknown event type "${type}"`);
  const current = CURRENT_VERSION[type];
  if (!Number.isInteger(version) || version < 1 || version > current) {
    throw new UpcastError('unknown-version', `${type} has versions 1..${current}, not ${version}`);
  }
  let result = data;
  for (let v = version; v < current; v++) {
    const step = UPCASTERS[type]?.[v];
    if (!step) throw new UpcastError('missing-upcaster', `no upcaster for ${type} v${v} → v${v + 1}`);
    result = step(result as never);
  }
  return result;
}

/** A stored event as a current domain event. */
export function upcastEvent(event: StoredEvent): DomainEvent {
  const data = upcast(event.type, event.version, event.data);
  return {
    type: event.type,
    version: CURRENT_VERSION[event.type as EventType],
    occurredAt: event.occurredAt,
    data,
  } as DomainEvent;
}
