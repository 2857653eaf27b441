import { domainEvent } from '../events/event-catalog';
import { specFor } from '../testing/given-when-then';
import { campaignDecider, CampaignState, decideCampaign, evolveCampaign } from './campaign';
import type { CampaignCommand } from './fact-commands';

const now = '2022-03-01T09:00:00+08:00';
const given = specFor<CampaignCommand, CampaignState | null, { now: string }>(
  { decide: decideCampaign, evolve: evolveCampaign, initialState: null },
  { now },
);
const targets = [
  { by: '2022-06-30', rate: 80 },
  { by: '2022-07-31', rate: 90 },
];
const launched = domainEvent('CampaignLaunched', now, { campaignId: 'backlog-2022', name: '积案化解', targets });
const launch = { type: 'LaunchCampaign' as const, campaignId: 'backlog-2022', name: '积案化解', targets };

describe('backlog campaigns (积案化解)', () => {
  it('are launched with dated resolution targets', () => {
    given([]).when(launch).then([launched]);
  });

  it('are launched once', () => {
    given([launched]).when(launch).thenThrows('already-opened');
  });

  it('need targets with increasing dates and rates within (0, 100]', () => {
    given([])
      .when({ ...launch, targets: [...targets].reverse() })
      .thenThrows('value-invalid');
    given([])
      .when({ ...launch, targets: [{ by: '2022-06-30', rate: 120 }] })
      .thenThrows('value-invalid');
    given([])
      .when({ ...launch, targets: [{ by: '30/06/2022', rate: 80 }] })
      .thenThrows('value-invalid');
  });

  it('take each matter once, from a named level', () => {
    const add = { type: 'AddCampaignCase' as const, matterId: 'M-1', assignedBy: 'province' as const };
    const added = domainEvent('CampaignCaseAdded', now, {
      campaignId: 'backlog-2022',
      matterId: 'M-1',
      assignedBy: 'province',
    });
    given([launched]).when(add).then([added]);
    given([launched, added]).when(add).thenThrows('case-already-added');
    given([]).when(add).thenThrows('not-opened');
    given([launched])
      .when({ ...add, assignedBy: 'county' as never })
      .thenThrows('value-invalid');
  });

  it('may be back-dated, never into the future, and take no case dated before the launch', () => {
    const spec = specFor(campaignDecider, { now: '2022-03-10T09:00:00+08:00' });
    spec([])
      .when({ ...launch, occurredAt: now })
      .then([launched]);
    spec([])
      .when({ ...launch, occurredAt: '2022-03-11T09:00:00+08:00' })
      .thenThrows('occurred-in-future', /later than now/);
    const add = { type: 'AddCampaignCase' as const, matterId: 'M-1', assignedBy: 'province' as const };
    spec([launched])
      .when({ ...add, occurredAt: '2022-02-28T09:00:00+08:00' })
      .thenThrows('occurred-before-previous-fact', /before the campaign was launched \(2022-03-01T09:00:00\+08:00\)/);
    spec([launched])
      .when({ ...add, occurredAt: '2022-03-02T09:00:00+08:00' })
      .then([
        domainEvent('CampaignCaseAdded', '2022-03-02T09:00:00+08:00', {
          campaignId: 'backlog-2022',
          matterId: 'M-1',
          assignedBy: 'province',
        }),
      ]);
  });
});
