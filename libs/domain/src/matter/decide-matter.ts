import type { Decider } from '../decider';
import type { DomainEvent } from '../events/event-catalog';
import { instantOf } from '../time/time-zone';
import { refuse, requireOpened } from './command-checks';
import type { DecisionContext } from './decision-context';
import {
  decideAcceptance,
  extendDeadline,
  issueReply,
  recordHandlingAction,
  returnOutsideRemit,
} from './decide-handling';
import {
  assignMatter,
  assignOwner,
  correctMatter,
  openMatter,
  recordContact,
  resolveMatter,
} from './decide-registration';
import { decideReview, evaluateSatisfaction, requestReview } from './decide-review';
import type { MatterCommand } from './matter-commands';
import { evolveMatter, initialMatterState, MatterStateOrNone } from './matter-state';

/**
 * decide(command, state) → events. Pure: the same command, state and context
 * always give the same events. Refusals throw RuleViolation; nothing else is
 * thrown for a command, however malformed (a bad context is a bug and throws plainly).
 */
export function decideMatter(command: MatterCommand, state: MatterStateOrNone, ctx: DecisionContext): DomainEvent[] {
  instantOf(ctx.now);
  if (!command || typeof command !== 'object') return refuse('value-required', 'a command is required');
  if (command.type === 'OpenMatter') return openMatter(command, state, ctx);
  const opened = () => requireOpened(state);
  switch (command.type) {
    case 'RecordContact':
      return recordContact(command, opened(), ctx);
    case 'AssignMatter':
      return assignMatter(command, opened(), ctx);
    case 'DecideAcceptance':
      return decideAcceptance(command, opened(), ctx);
    case 'ReturnOutsideRemit':
      return returnOutsideRemit(command, opened(), ctx);
    case 'RecordHandlingAction':
      return recordHandlingAction(command, opened(), ctx);
    case 'ExtendDeadline':
      return extendDeadline(command, opened(), ctx);
    case 'IssueReply':
      return issueReply(command, opened(), ctx);
    case 'EvaluateSatisfaction':
      return evaluateSatisfaction(command, opened(), ctx);
    case 'RequestReview':
      return requestReview(command, opened(), ctx);
    case 'DecideReview':
      return decideReview(command, opened(), ctx);
    case 'ResolveMatter':
      return resolveMatter(command, opened(), ctx);
    case 'AssignOwner':
      return assignOwner(command, opened(), ctx);
    case 'CorrectMatter':
      return correctMatter(command, opened(), ctx);
    default:
      return refuse(
        'value-invalid',
        `unknown matter command ${JSON.stringify((command as { type?: unknown }).type)}`,
        'type',
      );
  }
}

/** A matter stream's rules as one decider: the writer folds `matter-<id>` with it once. */
export const matterDecider: Decider<MatterCommand, MatterStateOrNone, DecisionContext> = {
  initialState: initialMatterState,
  evolve: evolveMatter,
  decide: decideMatter,
};
