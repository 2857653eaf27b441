import { NewEvent } from './event-envelope';
import { AppendOptions, ExpectedRevision } from './event-store.port';
import { InvalidAppendError } from './errors';

const MAX_KEY_LENGTH = 128;

/** Guards the port's inputs the same way in every adapter. */
export function validateAppend(
  stream: string,
  events: NewEvent[],
  expected: ExpectedRevision,
  options: AppendOptions,
): void {
  if (typeof stream !== 'string' || stream.length === 0 || stream.length > 256) {
    throw new InvalidAppendError('stream must be a non-empty string of at most 256 characters');
  }
  if (!Array.isArray(events) || events.length === 0) throw new InvalidAppendError('append needs at least one event');
  if (!(expected === 'any' || expected === 'no_stream' || (Number.isInteger(expected) && expected >= 0))) {
    throw new InvalidAppendError(`expected revision must be a revision >= 0, 'no_stream' or 'any'`);
  }
  const key = options.idempotencyKey;
  if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH)) {
    throw new InvalidAppendError(`idempotency key must be 1..${MAX_KEY_LENGTH} characters`);
  }
  events.forEach((event, i) => {
    if (!event.type || typeof event.type !== 'string') throw new InvalidAppendError(`event ${i}: type is required`);
    if (!Number.isInteger(event.version) || event.version < 1) {
      throw new InvalidAppendError(`event ${i}: version must be an integer >= 1`);
    }
    if (typeof event.occurredAt !== 'string' || Number.isNaN(Date.parse(event.occurredAt))) {
      throw new InvalidAppendError(`event ${i}: occurredAt must be an ISO-8601 instant`);
    }
    if (!event.actor?.id || !event.actor?.role)
      throw new InvalidAppendError(`event ${i}: actor id and role are required`);
  });
}
