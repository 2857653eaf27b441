import { UPPER_LEVELS } from '../code-lists';
import type { UpperAssignmentRecordedData } from '../events/activity-events';
import { DomainEvent, domainEvent } from '../events/event-catalog';
import { assertInTime, factInstant, oneOf, refuse, requiredText } from '../matter/command-checks';
import { compareDates, parseLocalDate } from '../time/local-date';
import { localDateOf } from '../time/time-zone';
import type { RecordUpperAssignment } from './fact-commands';
import type { FactContext } from './record-facts';

/** The one upper-level assignment of a matter (stream `upper-assignment-<matterId>`), once recorded. */
export type UpperAssignmentState = (UpperAssignmentRecordedData & { readonly receivedAt: string }) | null;

export interface UpperAssignmentContext extends FactContext {
  /** The business time zone: the assigner's due date is compared with the local day the assignment arrived. */
  readonly timeZone: string;
}

export function evolveUpperAssignment(state: UpperAssignmentState, event: DomainEvent): UpperAssignmentState {
  if (event.type !== 'UpperAssignmentRecorded') return state;
  return { ...event.data, receivedAt: event.occurredAt };
}

/**
 * 上三级交办: records that the centre, the province or the prefecture assigned
 * the matter, with the document and the assigner's due date. A matter is
 * assigned from above once; a wrong record is corrected, not repeated.
 * (Whether the matter exists is the caller's check: it lives in another stream.)
 */
export function decideUpperAssignment(
  command: RecordUpperAssignment,
  state: UpperAssignmentState,
  ctx: UpperAssignmentContext,
): DomainEvent[] {
  const matterId = requiredText(command.matterId, 'matterId');
  const level = oneOf(UPPER_LEVELS, command.level, 'level');
  const documentRef = requiredText(command.documentRef, 'documentRef');
  const parsed = typeof command.dueBy === 'string' ? parseLocalDate(command.dueBy) : null;
  if (!parsed?.ok) refuse('value-invalid', 'dueBy must be a date YYYY-MM-DD', 'dueBy');
  const at = factInstant(command.occurredAt, ctx);
  assertInTime(at, ctx);
  if (compareDates(parsed.value, localDateOf(at.iso, ctx.timeZone)) < 0) {
    refuse('due-before-assignment', `dueBy ${parsed.value} is before the day the assignment arrived`, 'dueBy');
  }
  if (state) refuse('already-upper-assigned', `matter ${state.matterId} was assigned by the ${state.level} already`);
  return [domainEvent('UpperAssignmentRecorded', at.iso, { matterId, level, documentRef, dueBy: parsed.value })];
}

export const upperAssignmentDecider = {
  decide: decideUpperAssignment,
  evolve: evolveUpperAssignment,
  initialState: null as UpperAssignmentState,
};
