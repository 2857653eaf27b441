import { REPLY_OUTCOMES } from '../code-lists';
import { isInTime, lastDayAfterInstant } from '../clock/statutory-clock';
import { MAX_REPLY_EXTENSION_DAYS, STATUTORY_LIMITS } from '../clock/statutory-limits';
import { DomainEvent, domainEvent } from '../events/event-catalog';
import { localDateOf } from '../time/time-zone';
import { assertInTime, factInstant, laterOf, oneOf, optionalText, refuse, requiredText } from './command-checks';
import type { DecisionContext } from './decision-context';
import type {
  DecideAcceptance,
  ExtendDeadline,
  IssueReply,
  RecordHandlingAction,
  ReturnOutsideRemit,
} from './matter-commands';
import { Assignment, currentAssignment, MatterState, ReplyTrack } from './matter-state';

function requireAssignment(state: MatterState): Assignment {
  const assignment = currentAssignment(state);
  if (!assignment) {
    refuse(
      'not-assigned',
      state.status === 'returned'
        ? 'the matter was returned and awaits reassignment'
        : 'the matter has not been assigned to a unit',
    );
  }
  return assignment;
}

function requirePendingAcceptance(assignment: Assignment): void {
  if (assignment.decidedAt !== null) {
    refuse('acceptance-already-decided', `${assignment.unit} already decided on acceptance at ${assignment.decidedAt}`);
  }
}

export function decideAcceptance(command: DecideAcceptance, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  if (typeof command.accepted !== 'boolean') refuse('value-required', 'accepted must be true or false', 'accepted');
  const reason = command.accepted ? optionalText(command.reason, 'reason') : requiredText(command.reason, 'reason');
  const at = factInstant(command.occurredAt, ctx);
  const assignment = requireAssignment(state);
  requirePendingAcceptance(assignment);
  assertInTime(at, ctx, { at: assignment.assignedAt, what: 'assignment' });
  return [domainEvent('AcceptanceDecided', at.iso, { unit: assignment.unit, accepted: command.accepted, reason })];
}

/** 异议: within 5 working days of the transfer, before deciding on acceptance. */
export function returnOutsideRemit(
  command: ReturnOutsideRemit,
  state: MatterState,
  ctx: DecisionContext,
): DomainEvent[] {
  const reason = requiredText(command.reason, 'reason');
  const at = factInstant(command.occurredAt, ctx);
  const assignment = requireAssignment(state);
  requirePendingAcceptance(assignment);
  assertInTime(at, ctx, { at: assignment.assignedAt, what: 'assignment' });
  const { lastDay } = lastDayAfterInstant(STATUTORY_LIMITS.remit_return, assignment.assignedAt, ctx);
  if (!isInTime(localDateOf(at, ctx.timeZone), lastDay)) {
    refuse('remit-return-window-closed', `a return as outside the remit was possible until ${lastDay}`, 'occurredAt');
  }
  return [domainEvent('RemitReturned', at.iso, { unit: assignment.unit, reason })];
}

export function recordHandlingAction(
  command: RecordHandlingAction,
  state: MatterState,
  ctx: DecisionContext,
): DomainEvent[] {
  const kind = requiredText(command.kind, 'kind');
  const note = requiredText(command.note, 'note');
  const at = factInstant(command.occurredAt, ctx);
  const assignment = requireAssignment(state);
  if (assignment.accepted === false) refuse('matter-not-accepted', `${assignment.unit} did not accept the matter`);
  assertInTime(at, ctx, { at: assignment.assignedAt, what: 'assignment' });
  return [domainEvent('HandlingActionRecorded', at.iso, { unit: assignment.unit, kind, note })];
}

/** The reply track of an accepted matter; a matter not (yet) accepted has none. */
function requireAccepted(state: MatterState, what: string): ReplyTrack {
  if (state.status === 'not_accepted')
    refuse('matter-not-accepted', `the matter was not accepted, so it has no ${what}`);
  if (!state.reply) refuse('reply-before-acceptance', `a ${what} needs the matter to be accepted first`);
  return state.reply;
}

export function extendDeadline(command: ExtendDeadline, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  const { days } = command;
  if (!Number.isSafeInteger(days) || days < 1) {
    refuse('extension-days-invalid', `days must be a whole number of at least 1; got ${days}`, 'days');
  }
  const reason = requiredText(command.reason, 'reason');
  const approvedBy = requiredText(command.approvedBy, 'approvedBy');
  const at = factInstant(command.occurredAt, ctx);
  if (days > MAX_REPLY_EXTENSION_DAYS) {
    refuse('extension-too-long', `an extension is at most ${MAX_REPLY_EXTENSION_DAYS} days; asked for ${days}`, 'days');
  }
  const reply = state.status === 'not_accepted' || !state.reply ? null : state.reply;
  if (!reply || reply.repliedAt) {
    refuse('extension-not-pending', 'only a pending reply can be extended');
  }
  if (reply.extension)
    refuse('extension-already-granted', `the reply period was already extended at ${reply.extension.at}`);
  assertInTime(at, ctx, { at: reply.acceptedAt, what: 'acceptance' });
  const { lastDay } = lastDayAfterInstant(STATUTORY_LIMITS.reply, reply.acceptedAt, ctx);
  if (!isInTime(localDateOf(at, ctx.timeZone), lastDay)) {
    refuse(
      'extension-after-deadline',
      `the reply period ended on ${lastDay}; it can no longer be extended`,
      'occurredAt',
    );
  }
  return [domainEvent('DeadlineExtended', at.iso, { unit: reply.unit, days, reason, approvedBy })];
}

export function issueReply(command: IssueReply, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  const outcome = oneOf(REPLY_OUTCOMES, command.outcome, 'outcome');
  const note = requiredText(command.note, 'note');
  const at = factInstant(command.occurredAt, ctx);
  const reply = requireAccepted(state, 'reply');
  if (reply.repliedAt) refuse('already-replied', `the matter was replied to at ${reply.repliedAt}`);
  const follows = reply.extension
    ? { at: laterOf(reply.acceptedAt, reply.extension.at), what: 'extension' }
    : { at: reply.acceptedAt, what: 'acceptance' };
  assertInTime(at, ctx, follows);
  return [domainEvent('ReplyIssued', at.iso, { unit: reply.unit, outcome, note })];
}
