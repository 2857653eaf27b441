import { domainEvent } from '../events/event-catalog';
import { at, ctx, ev, firstContact, given, openedData, sealed, throughFinal } from '../testing/matter-fixtures';
import type { OpenMatter } from './matter-commands';

const open = (overrides: Partial<OpenMatter> = {}, contact: Partial<OpenMatter['contact']> = {}): OpenMatter => ({
  type: 'OpenMatter',
  matterId: 'M-1',
  category: 'labour_social_security',
  subject: '紫悦华府',
  responsibleUnit: 'town-a',
  summary: '拖欠工资',
  petitioners: [{ petitionerId: 'P-1', sealed }],
  ...overrides,
  contact: { channel: 'visit', occurredAt: at('2022-03-01', '09:00'), ...contact },
});

describe('opening a matter with its first contact', () => {
  it('records the matter and its first contact, which is not a repeat, at the contact time', () => {
    given([])
      .when(open())
      .then(ev.opened(at('2022-03-01', '09:00')));
  });

  it('defaults the contact to now, lodged in the city, by one person', () => {
    given([])
      .when(open({}, { occurredAt: undefined }))
      .then([domainEvent('MatterOpened', ctx.now, openedData), domainEvent('ContactRecorded', ctx.now, firstContact)]);
  });

  it('marks a contact collective from the threshold on, and the threshold is configurable', () => {
    given([])
      .when(open({}, { headcount: 5 }))
      .then(ev.opened(at('2022-03-01', '09:00'), { headcount: 5, collective: true }));
    given([])
      .when(open({}, { headcount: 4 }))
      .then(ev.opened(at('2022-03-01', '09:00'), { headcount: 4, collective: false }));
    given([])
      .when(open({}, { headcount: 5 }), { collectiveThreshold: 10 })
      .then(ev.opened(at('2022-03-01', '09:00'), { headcount: 5, collective: false }));
  });

  it('records a skip-level visit with its level', () => {
    given([])
      .when(open({}, { level: 'national' }))
      .then(ev.opened(at('2022-03-01', '09:00'), { level: 'national' }));
  });

  it('carries sealed petitioner data untouched, whatever it is', () => {
    const opaque = { anything: ['goes', 1, null] };
    const [opened] = given([])
      .when(open({ petitioners: [{ petitionerId: 'P-9', sealed: opaque }] }))
      .then([
        domainEvent('MatterOpened', at('2022-03-01', '09:00'), {
          ...openedData,
          petitioners: [{ petitionerId: 'P-9', sealed: opaque }],
        }),
        domainEvent('ContactRecorded', at('2022-03-01', '09:00'), firstContact),
      ]);
    expect(opened.type === 'MatterOpened' && opened.data.petitioners[0].sealed).toBe(opaque);
  });

  it('accepts an anonymous matter and a matter without subject', () => {
    given([])
      .when(open({ petitioners: [], subject: undefined }))
      .then([
        domainEvent('MatterOpened', at('2022-03-01', '09:00'), { ...openedData, petitioners: [], subject: null }),
        domainEvent('ContactRecorded', at('2022-03-01', '09:00'), firstContact),
      ]);
  });

  it('refuses to open a matter twice', () => {
    given(ev.opened(at('2022-03-01')))
      .when(open())
      .thenThrows('already-opened');
  });

  it('requires the platform source of an online contact, and refuses one for other channels', () => {
    given([])
      .when(open({}, { channel: 'online' }))
      .thenThrows('source-required-for-online');
    given([])
      .when(open({}, { channel: 'letter', source: 'city_platform' }))
      .thenThrows('source-only-for-online');
    given([])
      .when(open({}, { channel: 'online', source: 'national_platform' }))
      .then(ev.opened(at('2022-03-01', '09:00'), { channel: 'online', source: 'national_platform' }));
  });

  it('requires a whole headcount of at least one', () => {
    given([])
      .when(open({}, { headcount: 0 }))
      .thenThrows('headcount-invalid');
    given([])
      .when(open({}, { headcount: 1.5 }))
      .thenThrows('headcount-invalid');
  });

  it('requires an instant with an offset, not in the future', () => {
    const violation = given([])
      .when(open({}, { occurredAt: '2022-04-03T09:30:00' }))
      .thenThrows('occurred-at-invalid');
    expect(violation).toMatchObject({ kind: 'input', field: 'contact.occurredAt' });
    given([])
      .when(open({}, { occurredAt: '2023-06-30T12:00:01+08:00' }))
      .thenThrows('occurred-in-future');
    given([])
      .when(open({}, { occurredAt: '2023-06-30T04:00:00Z' }))
      .then(ev.opened('2023-06-30T04:00:00Z'));
  });

  it('validates the code lists and required fields', () => {
    given([])
      .when(open({ category: 'weather' as never }))
      .thenThrows('value-invalid');
    given([])
      .when(open({}, { channel: 'fax' as never }))
      .thenThrows('value-invalid');
    given([])
      .when(open({}, { level: 'county' as never }))
      .thenThrows('value-invalid');
    given([])
      .when(open({ summary: '  ' }))
      .thenThrows('value-required');
    given([])
      .when(open({ summary: '字'.repeat(4001) }))
      .thenThrows('value-invalid');
    given([])
      .when(open({ responsibleUnit: '' }))
      .thenThrows('value-required');
    given([])
      .when(open({ matterId: 'M 1' }))
      .thenThrows('value-invalid');
    given([])
      .when(
        open({
          petitioners: [
            { petitionerId: 'P-1', sealed },
            { petitionerId: 'P-1', sealed },
          ],
        }),
      )
      .thenThrows('value-invalid');
  });
});

describe('further contacts', () => {
  const contact = (occurredAt: string, extra = {}) => ({
    type: 'RecordContact' as const,
    contact: { channel: 'visit' as const, occurredAt, ...extra },
  });

  it('records every contact after the first as a repeat', () => {
    given(ev.opened(at('2022-03-01')))
      .when(contact(at('2022-03-10'), { headcount: 12 }))
      .then([ev.contact(at('2022-03-10'), { headcount: 12, collective: true })]);
  });

  it('records an online repeat with its platform', () => {
    given(ev.opened(at('2022-03-01')))
      .when(contact(at('2022-03-10'), { channel: 'online', source: 'provincial_platform' }))
      .then([ev.contact(at('2022-03-10'), { channel: 'online', source: 'provincial_platform' })]);
  });

  it('accepts a back-dated contact placed before later facts of the matter', () => {
    given([...ev.opened(at('2022-03-01')), ev.assigned(at('2022-03-05')), ev.action(at('2022-03-08'))])
      .when(contact(at('2022-03-03'), { level: 'province' }))
      .then([ev.contact(at('2022-03-03'), { level: 'province' })]);
  });

  it('refuses a contact before the first contact, or on a matter not opened', () => {
    given(ev.opened(at('2022-03-01')))
      .when(contact(at('2022-02-28')))
      .thenThrows('occurred-before-previous-fact');
    given([])
      .when(contact(at('2022-03-10')))
      .thenThrows('not-opened');
  });

  it('still records contacts on a final matter (they count as repeats)', () => {
    given(throughFinal)
      .when(contact(at('2022-09-01')))
      .then([ev.contact(at('2022-09-01'))]);
  });
});

describe('assignment (转送 / 交办)', () => {
  const assign = (occurredAt?: string, unit = 'town-a', mode: 'transfer' | 'assign' = 'transfer') => ({
    type: 'AssignMatter' as const,
    unit,
    mode,
    occurredAt,
  });

  it('sends the matter to a unit', () => {
    given(ev.opened(at('2022-03-01')))
      .when(assign(at('2022-03-02')))
      .then([ev.assigned(at('2022-03-02'))]);
    given(ev.opened(at('2022-03-01')))
      .when(assign(at('2022-03-02'), 'dept-hr', 'assign'))
      .then([ev.assigned(at('2022-03-02'), 'dept-hr', 'assign')]);
  });

  it('refuses a second assignment while a unit holds the matter', () => {
    given([...ev.opened(at('2022-03-01')), ev.assigned(at('2022-03-02'))])
      .when(assign(at('2022-03-03'), 'town-b'))
      .thenThrows('already-assigned');
  });

  it('reassigns after a remit return, not before the return', () => {
    const returned = [...ev.opened(at('2022-03-01')), ev.assigned(at('2022-03-02')), ev.returned(at('2022-03-04'))];
    given(returned)
      .when(assign(at('2022-03-05'), 'town-b'))
      .then([ev.assigned(at('2022-03-05'), 'town-b')]);
    given(returned)
      .when(assign(at('2022-03-03'), 'town-b'))
      .thenThrows('occurred-before-previous-fact');
  });

  it('refuses an assignment before receipt, or a malformed one', () => {
    given(ev.opened(at('2022-03-01')))
      .when(assign(at('2022-02-27')))
      .thenThrows('occurred-before-previous-fact');
    given(ev.opened(at('2022-03-01')))
      .when(assign(at('2022-03-02'), 'town-a', 'forward' as never))
      .thenThrows('value-invalid');
    given(ev.opened(at('2022-03-01')))
      .when(assign(at('2022-03-02'), ''))
      .thenThrows('value-required');
  });
});

describe('resolution (化解)', () => {
  const resolve = (occurredAt?: string) => ({ type: 'ResolveMatter' as const, note: '已化解', occurredAt });

  it('may be recorded any time after opening, even before assignment', () => {
    given(ev.opened(at('2022-03-01')))
      .when(resolve(at('2022-03-01', '11:00')))
      .then([ev.resolved(at('2022-03-01', '11:00'))]);
  });

  it('is recorded once', () => {
    given([...ev.opened(at('2022-03-01')), ev.resolved(at('2022-03-02'))])
      .when(resolve(at('2022-03-03')))
      .thenThrows('already-resolved');
  });

  it('cannot precede the receipt', () => {
    given(ev.opened(at('2022-03-01')))
      .when(resolve(at('2022-02-01')))
      .thenThrows('occurred-before-previous-fact');
  });
});

describe('case ownership (包案)', () => {
  const own = (leader: string, occurredAt?: string) => ({ type: 'AssignOwner' as const, leader, occurredAt });

  it('names the owning leader, and may hand over to another', () => {
    given(ev.opened(at('2022-03-01')))
      .when(own('L-1', at('2022-03-02')))
      .then([ev.owner(at('2022-03-02'))]);
    given([...ev.opened(at('2022-03-01')), ev.owner(at('2022-03-02'))])
      .when(own('L-2', at('2022-03-05')))
      .then([ev.owner(at('2022-03-05'), 'L-2')]);
  });

  it('refuses a no-op and a handover dated before the current ownership', () => {
    const owned = [...ev.opened(at('2022-03-01')), ev.owner(at('2022-03-05'))];
    given(owned)
      .when(own('L-1', at('2022-03-06')))
      .thenThrows('owner-unchanged');
    given(owned)
      .when(own('L-2', at('2022-03-04')))
      .thenThrows('occurred-before-previous-fact');
  });
});

describe('corrections', () => {
  const correct = (
    field: 'category' | 'subject' | 'responsibleUnit' | 'summary',
    value: string | null,
    reason = '登记错误',
  ) => ({
    type: 'CorrectMatter' as const,
    field,
    value,
    reason,
  });

  it('records the new value beside the previous one, dated now', () => {
    given(ev.opened(at('2022-03-01')))
      .when(correct('category', 'urban_rural_construction'))
      .then([
        domainEvent('CorrectionRecorded', ctx.now, {
          field: 'category',
          value: 'urban_rural_construction',
          previous: 'labour_social_security',
          reason: '登记错误',
        }),
      ]);
  });

  it('may clear the subject', () => {
    given(ev.opened(at('2022-03-01')))
      .when(correct('subject', null))
      .then([
        domainEvent('CorrectionRecorded', ctx.now, {
          field: 'subject',
          value: null,
          previous: '紫悦华府',
          reason: '登记错误',
        }),
      ]);
  });

  it('refuses a correction that changes nothing, an invalid value, or one without a reason', () => {
    given(ev.opened(at('2022-03-01')))
      .when(correct('responsibleUnit', 'town-a'))
      .thenThrows('correction-unchanged');
    given(ev.opened(at('2022-03-01')))
      .when(correct('category', 'weather'))
      .thenThrows('value-invalid');
    given(ev.opened(at('2022-03-01')))
      .when(correct('summary', null))
      .thenThrows('value-required');
    given(ev.opened(at('2022-03-01')))
      .when(correct('summary', '新摘要', ''))
      .thenThrows('value-required');
    given(ev.opened(at('2022-03-01')))
      .when({ ...correct('summary', 'x'), field: 'petitioners' as never })
      .thenThrows('value-invalid');
  });
});

describe('any command', () => {
  it('is refused on a matter that was not opened', () => {
    given([]).when({ type: 'ResolveMatter', note: 'x' }).thenThrows('not-opened');
  });

  it('of an unknown type is refused as input', () => {
    const violation = given(ev.opened(at('2022-03-01')))
      .when({ type: 'DeleteMatter' } as never)
      .thenThrows('value-invalid');
    expect(violation.kind).toBe('input');
  });
});
