import { EventEnvelope, Position } from './event-envelope';

export interface FollowLogSource {
  fromPosition: Position;
  batchSize: number;
  signal?: AbortSignal;
  read(from: Position, limit: number): Promise<EventEnvelope[]>;
  /** Resolves when more events may be there (a notification or a poll tick). */
  waitForMore(signal?: AbortSignal): Promise<void>;
  isClosed(): boolean;
}

/**
 * Catch-up then live, as one pull-based iterator: the same read serves both phases,
 * so there is no switch-over where an event could be skipped or repeated: the next
 * read always starts just after the last event handed out.
 */
export async function* followLog(source: FollowLogSource): AsyncGenerator<EventEnvelope> {
  let next = source.fromPosition;
  while (!source.signal?.aborted && !source.isClosed()) {
    const batch = await source.read(next, source.batchSize);
    for (const event of batch) {
      if (source.signal?.aborted) return;
      yield event;
      next = event.position + 1n;
    }
    if (batch.length < source.batchSize) await source.waitForMore(source.signal);
  }
}
