import { checkpointPublicationDecider } from './checkpoint-publication';
import type { DomainEvent } from '../events/event-catalog';

const checkpoint = (size: number) => ({
  size,
  position: String(size * 3),
  rootHash: 'ab'.repeat(32),
  signedAt: '2026-12-03T10:00:00.000Z',
  note: `note ${size}`,
});
const publish = (size: number) => ({ type: 'PublishCheckpoint' as const, checkpoint: checkpoint(size) });
const fold = (events: DomainEvent[]) =>
  events.reduce(checkpointPublicationDecider.evolve, checkpointPublicationDecider.initialState);
const decide = (history: DomainEvent[], size: number) =>
  checkpointPublicationDecider.decide(publish(size), fold(history), { now: '2026-12-03T10:00:01.000Z' });

describe('the publication of signed checkpoints into the log', () => {
  it('publishes the first checkpoint, dated as the context says', () => {
    expect(decide([], 4)).toEqual([
      { type: 'AuditCheckpointPublished', version: 1, occurredAt: '2026-12-03T10:00:01.000Z', data: checkpoint(4) },
    ]);
  });

  it('publishes each checkpoint once, in signing order: one no larger than the last adds nothing', () => {
    const history = decide([], 4);
    expect(decide(history, 4)).toEqual([]);
    expect(decide(history, 3)).toEqual([]);
    expect(decide(history, 9)).toEqual([expect.objectContaining({ data: checkpoint(9) })]);
  });
});
