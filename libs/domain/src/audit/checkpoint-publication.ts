import type { AuditCheckpointPublishedData } from '../events/activity-events';
import { DomainEvent, domainEvent } from '../events/event-catalog';
import type { Decider } from '../decider';

/**
 * The signed audit checkpoints published into the log (stream `audit-checkpoints`),
 * for the instances that do not sign: each checkpoint once, in signing order.
 */
export interface CheckpointPublicationState {
  /** The size of the largest checkpoint published so far. */
  readonly size: number;
}

export interface PublishCheckpoint {
  readonly type: 'PublishCheckpoint';
  readonly checkpoint: AuditCheckpointPublishedData;
}

export function evolveCheckpointPublication(
  state: CheckpointPublicationState | null,
  event: DomainEvent,
): CheckpointPublicationState | null {
  return event.type === 'AuditCheckpointPublished' ? { size: event.data.size } : state;
}

/** A checkpoint no larger than the last one published adds nothing (it is there, or a newer one is). */
export function decideCheckpointPublication(
  command: PublishCheckpoint,
  state: CheckpointPublicationState | null,
  context: { readonly now: string },
): DomainEvent[] {
  if (state && command.checkpoint.size <= state.size) return [];
  return [domainEvent('AuditCheckpointPublished', context.now, command.checkpoint)];
}

export const checkpointPublicationDecider: Decider<
  PublishCheckpoint,
  CheckpointPublicationState | null,
  { readonly now: string }
> = {
  initialState: null,
  evolve: evolveCheckpointPublication,
  decide: decideCheckpointPublication,
};
