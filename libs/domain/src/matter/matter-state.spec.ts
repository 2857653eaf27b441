import { domainEvent } from '../events/event-catalog';
import { at, ev, throughFinal, throughReply } from '../testing/matter-fixtures';
import { evolveMatter, foldMatter } from './matter-state';

describe('matter state', () => {
  it('is null until the matter is opened', () => {
    expect(foldMatter([])).toBeNull();
  });

  it('exposes what was registered, the first contact included', () => {
    const state = foldMatter(ev.opened(at('2022-03-01'), { headcount: 6, collective: true }))!;
    expect(state).toMatchObject({
      matterId: 'M-1',
      status: 'registered',
      category: 'labour_social_security',
      subject: '紫悦华府',
      responsibleUnit: 'town-a',
      assignedUnit: null,
      owner: null,
      resolved: false,
      petitionerIds: ['P-1'],
      contacts: [
        {
          occurredAt: at('2022-03-01'),
          channel: 'visit',
          level: 'city',
          headcount: 6,
          collective: true,
          repeat: false,
        },
      ],
    });
  });

  it('follows the statutory steps through to final', () => {
    const statuses = throughFinal
      .slice(1)
      .reduce<string[]>((list, _, i) => [...list, foldMatter(throughFinal.slice(0, i + 2))!.status], []);
    expect(statuses).toEqual([
      'registered',
      'assigned',
      'accepted',
      'replied',
      'under_review',
      'reviewed',
      'under_re_review',
      'final',
    ]);
  });

  it('gives the matter back to the bureau on a remit return, and to the next unit on reassignment', () => {
    const returned = [...ev.opened(at('2022-03-01')), ev.assigned(at('2022-03-02')), ev.returned(at('2022-03-03'))];
    expect(foldMatter(returned)).toMatchObject({ status: 'returned', assignedUnit: null });
    expect(foldMatter([...returned, ev.assigned(at('2022-03-04'), 'town-b')])).toMatchObject({
      status: 'assigned',
      assignedUnit: 'town-b',
    });
  });

  it('records a refusal to accept, ownership, resolution and corrections', () => {
    const state = foldMatter([
      ...ev.opened(at('2022-03-01')),
      ev.assigned(at('2022-03-02')),
      ev.declined(at('2022-03-03')),
      ev.owner(at('2022-03-04'), 'L-7'),
      ev.resolved(at('2022-03-05')),
      domainEvent('CorrectionRecorded', at('2022-03-06'), {
        field: 'category',
        value: 'civil_affairs',
        previous: 'labour_social_security',
        reason: 'x',
      }),
    ])!;
    expect(state).toMatchObject({
      status: 'not_accepted',
      assignedUnit: 'town-a',
      owner: 'L-7',
      resolved: true,
      resolvedAt: at('2022-03-05'),
      category: 'civil_affairs',
    });
  });

  it('keeps resolution independent of the formal reply', () => {
    expect(foldMatter([...throughReply, ev.resolved(at('2022-06-01'))])).toMatchObject({
      status: 'replied',
      resolved: true,
    });
  });

  it('ignores events of other streams and refuses a stream that does not start with MatterOpened', () => {
    const state = foldMatter(ev.opened(at('2022-03-01')));
    expect(
      evolveMatter(
        state,
        domainEvent('UnitRegistered', at('2022-03-01'), { code: 'x', name: 'x', kind: 'town', parent: null }),
      ),
    ).toBe(state);
    expect(() => evolveMatter(null, ev.resolved(at('2022-03-01')))).toThrow(/MatterOpened/);
  });
});
