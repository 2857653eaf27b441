import type { CheckpointRecord } from '@app/audit';
import {
  checkpointPublicationDecider,
  CheckpointPublicationState,
  DomainEvent,
  streams,
  upcastEvent,
} from '@app/domain';
import type { Actor, EventStore } from '@app/ledger';

/** Who appends the publications: the signing instance itself, not a person. */
const PUBLISHER: Actor = { id: 'audit-signer', role: 'admin' };

/**
 * Publishes the checkpoints this instance signs into the log (stream
 * `audit-checkpoints`), so that every instance on the same log can check them
 * against its own tree and serve them. Decided by the domain
 * (`checkpointPublicationDecider`: each checkpoint once, in signing order) on the
 * stream as last read, appended with its revision as expected; like the reminder
 * outbox, a system record no request causes. Calls must not overlap (the audit
 * service chains them).
 */
export class CheckpointPublisher {
  readonly stream = streams.auditCheckpoints().name;
  private state: CheckpointPublicationState | null = checkpointPublicationDecider.initialState;
  private revision: number | 'no_stream' = 'no_stream';

  constructor(private readonly store: EventStore) {}

  async publish(checkpoint: CheckpointRecord): Promise<boolean> {
    // Only what was appended since the last call is read: the stream grows by one event per checkpoint.
    const from = this.revision === 'no_stream' ? 0 : this.revision + 1;
    for (const event of await this.store.readStream(this.stream, from)) {
      this.state = checkpointPublicationDecider.evolve(this.state, upcastEvent(event));
      this.revision = event.revision;
    }
    const { size, position, rootHash, signedAt, note } = checkpoint;
    const events: DomainEvent[] = checkpointPublicationDecider.decide(
      { type: 'PublishCheckpoint', checkpoint: { size, position, rootHash, signedAt, note } },
      this.state,
      { now: signedAt },
    );
    if (events.length === 0) return false;
    try {
      const result = await this.store.append(
        this.stream,
        events.map((e) => ({
          type: e.type,
          version: e.version,
          occurredAt: e.occurredAt,
          actor: PUBLISHER,
          data: e.data,
        })),
        this.revision,
      );
      for (const event of events) this.state = checkpointPublicationDecider.evolve(this.state, event);
      this.revision = result.revision;
      return true;
    } catch (error) {
      // Read the stream again next time (someone else appended: a second signer on the log).
      this.state = checkpointPublicationDecider.initialState;
      this.revision = 'no_stream';
      throw error;
    }
  }
}
