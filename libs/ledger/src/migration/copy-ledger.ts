import { EventEnvelope, START } from '../event-envelope';
import { AppendResult, EventStore, ExpectedRevision, IdempotencyRecord } from '../event-store.port';

/** Where a ledger is copied from: any store, plus its idempotency records. */
export interface CopySource extends Pick<EventStore, 'readAll' | 'head'> {
  idempotencyRecords(): AsyncIterable<IdempotencyRecord> | Iterable<IdempotencyRecord>;
}

/** Where it is copied to: a store that takes events as they were recorded (ids, recordedAt). */
export interface CopyTarget extends Pick<EventStore, 'readAll' | 'head' | 'readStream'> {
  appendRecorded(stream: string, events: EventEnvelope[], expected: ExpectedRevision): Promise<AppendResult>;
  recordIdempotency(record: IdempotencyRecord): Promise<void>;
}

export interface CopyProgress {
  phase: 'events' | 'idempotency';
  done: number;
  total: number;
}

export interface CopyOptions {
  /** Events read from the source per page. */
  pageSize?: number;
  /** Most events and bytes (data + metadata) in one append to the target. */
  maxEventsPerAppend?: number;
  maxBytesPerAppend?: number;
  onProgress?(progress: CopyProgress): void;
  signal?: AbortSignal;
}

export interface CopyReport {
  /** Events the target already held from an earlier, interrupted run. */
  alreadyCopied: number;
  copied: number;
  idempotencyRecords: number;
}

export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefusedError';
  }
}

/**
 * Copies a ledger event by event in global order, keeping each event's stream,
 * revision, id and clocks, so the audit tree over the copy is the same tree.
 *
 * Resumable: the target's own log says how far an earlier run got (every append is
 * atomic, and consecutive events of one stream go in one append with the exact
 * expected revision), so a rerun continues after the last event the target holds:
 * no duplicate, no gap. A target holding anything else is refused.
 */
export async function copyLedger(
  source: CopySource,
  target: CopyTarget,
  options: CopyOptions = {},
): Promise<CopyReport> {
  const pageSize = options.pageSize ?? 500;
  const maxEvents = options.maxEventsPerAppend ?? 100;
  const maxBytes = options.maxBytesPerAppend ?? 512 * 1024;
  const total = (await source.head()).events;
  const alreadyCopied = await checkTargetIsPrefix(source, target, pageSize);
  let done = alreadyCopied;
  options.onProgress?.({ phase: 'events', done, total });

  let next = START;
  let skip = alreadyCopied;
  let batch: EventEnvelope[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const first = batch[0];
    await target.appendRecorded(first.stream, batch, first.revision === 0 ? 'no_stream' : first.revision - 1);
    done += batch.length;
    batch = [];
    batchBytes = 0;
    options.onProgress?.({ phase: 'events', done, total });
  };
  for (;;) {
    if (options.signal?.aborted) throw new CopyRefusedError('copy interrupted');
    const page = await source.readAll(next, pageSize);
    if (page.length === 0) break;
    for (const event of page) {
      if (skip > 0) {
        skip--;
        continue;
      }
      const bytes = Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata));
      const joins =
        batch.length > 0 &&
        batch[0].stream === event.stream &&
        batch.length < maxEvents &&
        batchBytes + bytes <= maxBytes;
      if (!joins) await flush();
      batch.push(event);
      batchBytes += bytes;
    }
    next = page[page.length - 1].position + 1n;
  }
  await flush();

  // Records point at the target's positions, found by stream and revision.
  let records = 0;
  for await (const record of source.idempotencyRecords()) {
    const [event] = await target.readStream(record.stream, record.revision);
    if (!event || event.revision !== record.revision) {
      throw new CopyRefusedError(
        `idempotency key ${record.key}: ${record.stream}@${record.revision} is not in the target`,
      );
    }
    await target.recordIdempotency({ ...record, position: event.position });
    records++;
    options.onProgress?.({ phase: 'idempotency', done: records, total: records });
  }
  return { alreadyCopied, copied: done - alreadyCopied, idempotencyRecords: records };
}

/** How many events the target holds, after checking they are the source's first ones. */
async function checkTargetIsPrefix(source: CopySource, target: CopyTarget, pageSize: number): Promise<number> {
  let held = 0;
  let fromSource = START;
  let fromTarget = START;
  for (;;) {
    const theirs = await target.readAll(fromTarget, pageSize);
    if (theirs.length === 0) return held;
    const ours = await source.readAll(fromSource, theirs.length);
    theirs.forEach((event, i) => {
      const expected = ours[i];
      if (!expected || expected.eventId !== event.eventId || expected.stream !== event.stream) {
        throw new CopyRefusedError(
          `the target's event ${held + i} (${event.stream}@${event.revision}) is not the source's: ` +
            'copy only into an empty store or one this copy was writing',
        );
      }
    });
    held += theirs.length;
    fromTarget = theirs[theirs.length - 1].position + 1n;
    fromSource = ours[ours.length - 1].position + 1n;
  }
}
