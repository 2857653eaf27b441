import { domainEvent } from '../events/event-catalog';
import { at, ev, given } from '../testing/matter-fixtures';

const opened = ev.opened(at('2022-03-01', '09:00'));
const assigned = [...opened, ev.assigned(at('2022-03-02'))];
const accepted = [...assigned, ev.accepted(at('2022-03-05'))];

describe('acceptance (受理)', () => {
  const decide = (accepted: boolean, occurredAt?: string, reason?: string) => ({
    type: 'DecideAcceptance' as const,
    accepted,
    reason,
    occurredAt,
  });

  it('records the assigned unit accepting the matter', () => {
    given(assigned)
      .when(decide(true, at('2022-03-05')))
      .then([ev.accepted(at('2022-03-05'))]);
  });

  it('records a refusal with its reason, and requires the reason', () => {
    given(assigned)
      .when(decide(false, at('2022-03-05'), '已进入诉讼程序'))
      .then([ev.declined(at('2022-03-05'))]);
    given(assigned)
      .when(decide(false, at('2022-03-05')))
      .thenThrows('value-required');
  });

  it('needs a unit holding the matter', () => {
    given(opened)
      .when(decide(true, at('2022-03-05')))
      .thenThrows('not-assigned');
    given([...assigned, ev.returned(at('2022-03-03'))])
      .when(decide(true, at('2022-03-05')))
      .thenThrows('not-assigned');
  });

  it('is decided once', () => {
    given(accepted)
      .when(decide(false, at('2022-03-06'), '重复'))
      .thenThrows('acceptance-already-decided');
  });

  it('cannot precede the assignment it follows', () => {
    given(assigned)
      .when(decide(true, at('2022-03-02', '09:59')))
      .thenThrows('occurred-before-previous-fact');
  });
});

describe('remit return (异议, within 5 working days of the transfer)', () => {
  // Transfer 2022-04-29: May 5, 6, 7 (make-up day), 9, 10 → last day 2022-05-10.
  const transferred = [...ev.opened(at('2022-04-28')), ev.assigned(at('2022-04-29'))];
  const returnIt = (occurredAt: string) => ({
    type: 'ReturnOutsideRemit' as const,
    reason: '不属本单位职责',
    occurredAt,
  });

  it('sends the matter back to the bureau on the last day of the window', () => {
    given(transferred)
      .when(returnIt(at('2022-05-10', '23:59')))
      .then([ev.returned(at('2022-05-10', '23:59'))]);
  });

  it('is refused from the next day on', () => {
    given(transferred)
      .when(returnIt(at('2022-05-11', '00:00')))
      .thenThrows('remit-return-window-closed', /2022-05-10/);
  });

  it('is refused once the unit has decided on acceptance', () => {
    given([...transferred, ev.accepted(at('2022-05-05'))])
      .when(returnIt(at('2022-05-06')))
      .thenThrows('acceptance-already-decided');
  });

  it('needs a reason and a unit holding the matter', () => {
    given(transferred)
      .when({ ...returnIt(at('2022-05-06')), reason: '' })
      .thenThrows('value-required');
    given(ev.opened(at('2022-04-28')))
      .when(returnIt(at('2022-05-06')))
      .thenThrows('not-assigned');
  });

  it('leaves the next unit to accept afresh', () => {
    const reassigned = [...transferred, ev.returned(at('2022-05-06')), ev.assigned(at('2022-05-07'), 'town-b')];
    given(reassigned)
      .when({ type: 'DecideAcceptance', accepted: true, occurredAt: at('2022-05-09') })
      .then([ev.accepted(at('2022-05-09'), 'town-b')]);
  });
});

describe('handling actions', () => {
  const act = (occurredAt: string) => ({
    type: 'RecordHandlingAction' as const,
    kind: 'visit',
    note: '走访',
    occurredAt,
  });

  it('are recorded for the unit holding the matter, before or after acceptance', () => {
    given(assigned)
      .when(act(at('2022-03-03')))
      .then([ev.action(at('2022-03-03'))]);
    given(accepted)
      .when(act(at('2022-03-10')))
      .then([ev.action(at('2022-03-10'))]);
  });

  it('need a unit that holds, and has not declined, the matter', () => {
    given(opened)
      .when(act(at('2022-03-03')))
      .thenThrows('not-assigned');
    given([...assigned, ev.declined(at('2022-03-04'))])
      .when(act(at('2022-03-05')))
      .thenThrows('matter-not-accepted');
  });

  it('need a kind and a note', () => {
    given(assigned)
      .when({ ...act(at('2022-03-03')), kind: '' })
      .thenThrows('value-required');
    given(assigned)
      .when({ ...act(at('2022-03-03')), note: undefined as never })
      .thenThrows('value-required');
  });
});

describe('extension of the reply period', () => {
  const extend = (days: number, occurredAt = at('2022-04-01'), more = {}) => ({
    type: 'ExtendDeadline' as const,
    days,
    reason: '情况复杂',
    approvedBy: '局长',
    occurredAt,
    ...more,
  });

  it('grants up to 30 days, approved and with a reason, while the reply is pending', () => {
    given(accepted)
      .when(extend(30))
      .then([ev.extended(at('2022-04-01'))]);
    given(accepted)
      .when(extend(1))
      .then([ev.extended(at('2022-04-01'), 1)]);
  });

  it('is granted at most once', () => {
    given([...accepted, ev.extended(at('2022-04-01'), 10)])
      .when(extend(10, at('2022-04-02')))
      .thenThrows('extension-already-granted');
  });

  it('is at most 30 days, and a whole number of at least one day', () => {
    given(accepted).when(extend(31)).thenThrows('extension-too-long');
    given(accepted).when(extend(0)).thenThrows('extension-days-invalid');
    given(accepted).when(extend(2.5)).thenThrows('extension-days-invalid');
  });

  it('needs a reason and an approver', () => {
    given(accepted)
      .when(extend(10, at('2022-04-01'), { reason: ' ' }))
      .thenThrows('value-required');
    given(accepted)
      .when(extend(10, at('2022-04-01'), { approvedBy: undefined }))
      .thenThrows('value-required');
  });

  it('needs a pending reply: not before acceptance, not after the reply, not on a declined matter', () => {
    given(assigned).when(extend(10)).thenThrows('extension-not-pending');
    given([...accepted, ev.replied(at('2022-03-20'))])
      .when(extend(10))
      .thenThrows('extension-not-pending');
    given([...assigned, ev.declined(at('2022-03-04'))])
      .when(extend(10))
      .thenThrows('extension-not-pending');
  });

  it('must be granted by the last day of the reply period (2022-05-05)', () => {
    given(accepted)
      .when(extend(30, at('2022-05-05', '23:00')))
      .then([ev.extended(at('2022-05-05', '23:00'))]);
    given(accepted)
      .when(extend(30, at('2022-05-06', '09:00')))
      .thenThrows('extension-after-deadline');
  });

  it('cannot precede the acceptance', () => {
    given(accepted)
      .when(extend(30, at('2022-03-04')))
      .thenThrows('occurred-before-previous-fact');
  });
});

describe('reply (答复 / 办结)', () => {
  const reply = (occurredAt: string, outcome = 'supported') => ({
    type: 'IssueReply' as const,
    outcome: outcome as 'supported',
    note: '已答复',
    occurredAt,
  });

  it('completes an accepted matter', () => {
    given(accepted)
      .when(reply(at('2022-04-20')))
      .then([ev.replied(at('2022-04-20'))]);
  });

  it('may be late: the clock measures it, the rules do not refuse it', () => {
    given(accepted)
      .when(reply(at('2022-06-01')))
      .then([ev.replied(at('2022-06-01'))]);
  });

  it('is refused before acceptance and on a matter that was not accepted', () => {
    given(assigned)
      .when(reply(at('2022-04-20')))
      .thenThrows('reply-before-acceptance');
    given(opened)
      .when(reply(at('2022-04-20')))
      .thenThrows('reply-before-acceptance');
    given([...assigned, ev.declined(at('2022-03-04'))])
      .when(reply(at('2022-04-20')))
      .thenThrows('matter-not-accepted');
  });

  it('is given once', () => {
    given([...accepted, ev.replied(at('2022-04-20'))])
      .when(reply(at('2022-04-21')))
      .thenThrows('already-replied');
  });

  it('cannot precede the acceptance or the extension it follows', () => {
    given(accepted)
      .when(reply(at('2022-03-04')))
      .thenThrows('occurred-before-previous-fact');
    given([...accepted, ev.extended(at('2022-04-01'))])
      .when(reply(at('2022-03-20')))
      .thenThrows('occurred-before-previous-fact', /extension/);
  });

  it('has one of the listed outcomes', () => {
    given(accepted)
      .when(reply(at('2022-04-20'), 'maybe'))
      .thenThrows('value-invalid');
    given(accepted)
      .when(reply(at('2022-04-20'), 'explained'))
      .then([domainEvent('ReplyIssued', at('2022-04-20'), { unit: 'town-a', outcome: 'explained', note: '已答复' })]);
  });
});
