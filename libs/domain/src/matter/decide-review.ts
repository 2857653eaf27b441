import { EVALUATION_RESULTS, REVIEW_STAGES } from '../code-lists';
import { isInTime, lastDayAfterInstant } from '../clock/statutory-clock';
import { STATUTORY_LIMITS } from '../clock/statutory-limits';
import { DomainEvent, domainEvent } from '../events/event-catalog';
import type { EvaluatedAnswer } from '../events/matter-events';
import { localDateOf } from '../time/time-zone';
import { assertInTime, factInstant, oneOf, refuse, requiredText } from './command-checks';
import type { DecisionContext } from './decision-context';
import type { DecideReview, EvaluateSatisfaction, RequestReview } from './matter-commands';
import type { MatterState } from './matter-state';

/** The latest answer the petitioner has had: the reply, or a review or re-review decision. */
function latestAnswer(state: MatterState): { of: EvaluatedAnswer; at: string } | null {
  if (state.reReview?.decidedAt) return { of: 're_review', at: state.reReview.decidedAt };
  if (state.review?.decidedAt) return { of: 'review', at: state.review.decidedAt };
  if (state.reply?.repliedAt) return { of: 'reply', at: state.reply.repliedAt };
  return null;
}

/** The petitioner's evaluation (群众满意度) of the latest answer, once per answer. */
export function evaluateSatisfaction(
  command: EvaluateSatisfaction,
  state: MatterState,
  ctx: DecisionContext,
): DomainEvent[] {
  const result = oneOf(EVALUATION_RESULTS, command.result, 'result');
  const at = factInstant(command.occurredAt, ctx);
  const answer = latestAnswer(state);
  if (!answer) refuse('evaluation-before-reply', 'there is no reply to evaluate yet');
  if (state.evaluations.some((e) => e.of === answer.of)) {
    refuse(
      'already-evaluated',
      `the ${answer.of === 'reply' ? 'reply' : `${answer.of} decision`} has already been evaluated`,
    );
  }
  assertInTime(at, ctx, { at: answer.at, what: answer.of === 'reply' ? 'reply' : `${answer.of} decision` });
  return [domainEvent('SatisfactionEvaluated', at.iso, { result, of: answer.of })];
}

function refuseIfFinal(state: MatterState): void {
  if (state.status === 'final') {
    refuse('matter-final', 'the re-review decision made the matter final; the same facts are not accepted again');
  }
}

/** 复查 within 30 days of the reply; 复核 within 30 days of the review decision. */
export function requestReview(command: RequestReview, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  const stage = oneOf(REVIEW_STAGES, command.stage, 'stage');
  const at = factInstant(command.occurredAt, ctx);
  refuseIfFinal(state);
  let from: { at: string; what: string };
  if (stage === 'review') {
    if (state.review) refuse('review-already-requested', `review was already requested at ${state.review.requestedAt}`);
    if (!state.reply?.repliedAt) refuse('review-before-reply', 'a review can be asked for only after the reply');
    from = { at: state.reply.repliedAt, what: 'reply' };
  } else {
    if (state.reReview)
      refuse('review-already-requested', `re-review was already requested at ${state.reReview.requestedAt}`);
    if (!state.review?.decidedAt) {
      refuse('re-review-before-review-decision', 'a re-review can be asked for only after the review decision');
    }
    from = { at: state.review.decidedAt, what: 'review decision' };
  }
  assertInTime(at, ctx, from);
  const limit = stage === 'review' ? STATUTORY_LIMITS.review_request : STATUTORY_LIMITS.re_review_request;
  const { lastDay } = lastDayAfterInstant(limit, from.at, ctx);
  if (!isInTime(localDateOf(at, ctx.timeZone), lastDay)) {
    refuse(
      'review-window-closed',
      `a ${stage.replace('_', '-')} could be asked for until ${lastDay}, 30 days after the ${from.what}`,
      'occurredAt',
    );
  }
  return [domainEvent('ReviewRequested', at.iso, { stage })];
}

export function decideReview(command: DecideReview, state: MatterState, ctx: DecisionContext): DomainEvent[] {
  const stage = oneOf(REVIEW_STAGES, command.stage, 'stage');
  const outcome = requiredText(command.outcome, 'outcome');
  const note = requiredText(command.note, 'note');
  const at = factInstant(command.occurredAt, ctx);
  refuseIfFinal(state);
  const track = stage === 'review' ? state.review : state.reReview;
  if (!track || track.decidedAt) {
    refuse(
      'review-decision-without-request',
      `there is no pending ${stage.replace('_', '-')} request to decide`,
      'stage',
    );
  }
  assertInTime(at, ctx, { at: track.requestedAt, what: `${stage.replace('_', '-')} request` });
  return [domainEvent('ReviewDecided', at.iso, { stage, outcome, note })];
}
