import { domainEvent } from '../events/event-catalog';
import { specFor } from '../testing/given-when-then';
import { personalDataViewingDecider, receptionDecider } from './fact-deciders';

const ctx = { now: '2022-04-03T09:30:00+08:00' };

describe('a fact recorded once on its own stream (a reception)', () => {
  const given = specFor(receptionDecider, ctx);
  const command = {
    type: 'RecordReception' as const,
    leader: '市委书记',
    batches: 2,
    persons: 5,
    resolvedOnSiteBatches: 1,
    resolvedOnSitePersons: 2,
  };
  const recorded = domainEvent('ReceptionRecorded', ctx.now, {
    leader: '市委书记',
    batches: 2,
    persons: 5,
    resolvedOnSiteBatches: 1,
    resolvedOnSitePersons: 2,
  });

  it('given an empty stream, when recorded, then the one event dated now', () => {
    given([]).when(command).then([recorded]);
  });

  it('given the stream holds it, when recorded again, then refused', () => {
    given([recorded]).when(command).thenThrows('already-recorded');
  });

  it('given the stream holds it, when malformed, then refused as input first', () => {
    given([recorded])
      .when({ ...command, persons: 1 })
      .thenThrows('value-invalid', /persons \(1\) cannot be fewer than batches/);
  });
});

describe('a reading of personal data', () => {
  const given = specFor(personalDataViewingDecider, ctx);

  it('given earlier readings, when read again, then one more PersonalDataViewed naming the petitioners', () => {
    const earlier = domainEvent('PersonalDataViewed', ctx.now, { matterId: 'M-1', petitionerIds: ['pet-1'] });
    given([earlier])
      .when({ type: 'RecordPersonalDataViewing', matterId: 'M-1', petitionerIds: ['pet-1', 'pet-2'] })
      .then([domainEvent('PersonalDataViewed', ctx.now, { matterId: 'M-1', petitionerIds: ['pet-1', 'pet-2'] })]);
  });

  it('given nothing, when no petitioner was shown, then refused', () => {
    given([])
      .when({ type: 'RecordPersonalDataViewing', matterId: 'M-1', petitionerIds: [] })
      .thenThrows('value-required');
  });
});
