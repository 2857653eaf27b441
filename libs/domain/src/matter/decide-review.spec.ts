import { at, ev, given, throughFinal, throughReply, throughReviewDecision } from '../testing/matter-fixtures';

const request = (stage: 'review' | 're_review', occurredAt: string) => ({
  type: 'RequestReview' as const,
  stage,
  occurredAt,
});
const decide = (stage: 'review' | 're_review', occurredAt: string) => ({
  type: 'DecideReview' as const,
  stage,
  outcome: 'upheld',
  note: '维持',
  occurredAt,
});
const evaluate = (occurredAt: string, result = 'satisfied') => ({
  type: 'EvaluateSatisfaction' as const,
  result: result as 'satisfied',
  occurredAt,
});

describe('review request (复查, within 30 days of the reply)', () => {
  // Replied 2022-04-20: the window ends 2022-05-20 (a Friday).
  it('is accepted on the last day of the window', () => {
    given(throughReply)
      .when(request('review', at('2022-05-20', '23:59')))
      .then([ev.reviewRequested(at('2022-05-20', '23:59'))]);
  });

  it('is refused from the next day on, even at 00:00 in the business zone (16:00Z)', () => {
    given(throughReply)
      .when(request('review', '2022-05-20T16:00:00Z'))
      .thenThrows('review-window-closed', /2022-05-20/);
    given(throughReply)
      .when(request('review', '2022-05-20T15:59:59Z'))
      .then([ev.reviewRequested('2022-05-20T15:59:59Z')]);
  });

  it('is placed on the clock by its occurredAt when recorded late', () => {
    // Recorded in 2023 (ctx.now) but it happened within the window.
    given(throughReply)
      .when(request('review', at('2022-05-01')))
      .then([ev.reviewRequested(at('2022-05-01'))]);
  });

  it('needs a reply', () => {
    given(throughReply.slice(0, -1))
      .when(request('review', at('2022-04-21')))
      .thenThrows('review-before-reply');
  });

  it('is asked once', () => {
    given([...throughReply, ev.reviewRequested(at('2022-05-01'))])
      .when(request('review', at('2022-05-02')))
      .thenThrows('review-already-requested');
  });

  it('cannot precede the reply', () => {
    given(throughReply)
      .when(request('review', at('2022-04-19')))
      .thenThrows('occurred-before-previous-fact');
  });
});

describe('review decision', () => {
  it('needs a pending request of its stage', () => {
    given(throughReply)
      .when(decide('review', at('2022-05-01')))
      .thenThrows('review-decision-without-request');
    given(throughReviewDecision)
      .when(decide('review', at('2022-06-11')))
      .thenThrows('review-decision-without-request');
    given([...throughReply, ev.reviewRequested(at('2022-05-01'))])
      .when(decide('re_review', at('2022-05-10')))
      .thenThrows('review-decision-without-request');
  });

  it('decides a pending review, after the request', () => {
    const requested = [...throughReply, ev.reviewRequested(at('2022-05-20'))];
    given(requested)
      .when(decide('review', at('2022-06-10')))
      .then([ev.reviewDecided(at('2022-06-10'))]);
    given(requested)
      .when(decide('review', at('2022-05-19')))
      .thenThrows('occurred-before-previous-fact');
  });

  it('needs an outcome and a note', () => {
    const requested = [...throughReply, ev.reviewRequested(at('2022-05-20'))];
    given(requested)
      .when({ ...decide('review', at('2022-06-10')), outcome: '' })
      .thenThrows('value-required');
    given(requested)
      .when({ ...decide('review', at('2022-06-10')), note: '' })
      .thenThrows('value-required');
  });
});

describe('re-review (复核, within 30 days of the review decision)', () => {
  // Review decided 2022-06-10: day 30 is Sunday 2022-07-10, so the window ends Monday 2022-07-11.
  it('is accepted until the rolled-forward last day', () => {
    given(throughReviewDecision)
      .when(request('re_review', at('2022-07-11')))
      .then([ev.reviewRequested(at('2022-07-11'), 're_review')]);
  });

  it('is refused after it', () => {
    given(throughReviewDecision)
      .when(request('re_review', at('2022-07-12')))
      .thenThrows('review-window-closed', /2022-07-11/);
  });

  it('is refused without the roll-forward when that is switched off', () => {
    given(throughReviewDecision)
      .when(request('re_review', at('2022-07-11')), { rollForward: false })
      .thenThrows('review-window-closed');
  });

  it('needs a review decision', () => {
    given(throughReply)
      .when(request('re_review', at('2022-05-01')))
      .thenThrows('re-review-before-review-decision');
    given([...throughReply, ev.reviewRequested(at('2022-05-01'))])
      .when(request('re_review', at('2022-05-02')))
      .thenThrows('re-review-before-review-decision');
  });

  it('makes the matter final once decided: no further review of any stage', () => {
    given(throughFinal)
      .when(request('re_review', at('2022-08-02')))
      .thenThrows('matter-final');
    given(throughFinal)
      .when(request('review', at('2022-08-02')))
      .thenThrows('matter-final');
    given(throughFinal)
      .when(decide('re_review', at('2022-08-02')))
      .thenThrows('matter-final');
  });
});

describe('satisfaction evaluation', () => {
  it('needs a reply', () => {
    given(throughReply.slice(0, -1))
      .when(evaluate(at('2022-04-21')))
      .thenThrows('evaluation-before-reply');
  });

  it('evaluates the reply once', () => {
    given(throughReply)
      .when(evaluate(at('2022-04-21')))
      .then([ev.evaluated(at('2022-04-21'))]);
    given([...throughReply, ev.evaluated(at('2022-04-21'))])
      .when(evaluate(at('2022-04-22')))
      .thenThrows('already-evaluated');
  });

  it('evaluates the latest decision after a review', () => {
    given([...throughReviewDecision, ev.evaluated(at('2022-04-21'))])
      .when(evaluate(at('2022-06-11'), 'dissatisfied'))
      .then([{ ...ev.evaluated(at('2022-06-11'), 'review'), data: { result: 'dissatisfied', of: 'review' } }]);
    given(throughFinal)
      .when(evaluate(at('2022-08-02')))
      .then([ev.evaluated(at('2022-08-02'), 're_review')]);
  });

  it('cannot precede what it evaluates, and has a listed result', () => {
    given(throughReply)
      .when(evaluate(at('2022-04-19')))
      .thenThrows('occurred-before-previous-fact');
    given(throughReply)
      .when(evaluate(at('2022-04-21'), 'meh'))
      .thenThrows('value-invalid');
  });
});
