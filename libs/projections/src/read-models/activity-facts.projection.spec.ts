import { domainEvent } from '@app/domain';
import { at } from '@app/domain/testing';
import { activityFactsProjection } from './activity-facts.projection';
import { allRows, applyAll, envelopes, readModelDb, rowsOf } from './spec-support';

const projection = activityFactsProjection({ timeZone: 'Asia/Shanghai' });

const history = envelopes([
  [
    'reception-R1',
    domainEvent('ReceptionRecorded', at('2022-04-06'), {
      leader: '市委书记',
      batches: 3,
      persons: 12,
      resolvedOnSiteBatches: 1,
      resolvedOnSitePersons: 5,
    }),
  ], // 1
  [
    'screening-S1',
    domainEvent('ScreeningRecorded', '2022-04-30T17:00:00Z', { unit: 'town-a', found: 40, resolved: 33 }),
  ], // 2
  [
    'risk_assessment-A1',
    domainEvent('RiskAssessmentRecorded', at('2022-05-10'), { project: '城北棚改', passed: false }),
  ], // 3
  [
    'campaign-backlog',
    domainEvent('CampaignLaunched', at('2022-03-01'), {
      campaignId: 'backlog',
      name: '重复信访积案专项治理',
      targets: [
        { by: '2022-06-30', rate: 80 },
        { by: '2022-07-31', rate: 90 },
      ],
    }),
  ], // 4
  [
    'campaign-backlog',
    domainEvent('CampaignCaseAdded', at('2022-03-02'), {
      campaignId: 'backlog',
      matterId: 'M-1',
      assignedBy: 'province',
    }),
  ], // 5
  [
    'meeting-W14',
    domainEvent('MeetingHeld', at('2022-04-04'), {
      meetingId: 'W14',
      kind: 'weekly_judgment',
      chair: '市委书记',
      decisions: [
        { matterId: 'M-1', decision: '三日内入户', unit: 'town-a', dueBy: '2022-04-08' },
        { matterId: 'M-2', decision: '约见开发商', unit: 'dept-housing', dueBy: '2022-04-15' },
      ],
    }),
  ], // 6
  [
    'accountability-K1',
    domainEvent('AccountabilityActionRecorded', at('2022-05-05'), {
      kind: 'summons',
      unit: 'town-a',
      person: '镇长 王',
      grounds: { ranking: '2022-04', matters: ['M-1'] },
    }),
  ], // 7
  ['matter-M-1', domainEvent('MatterResolved', at('2022-05-06'), { note: '已化解' })], // 8: not an activity fact
]);

function built() {
  const db = readModelDb([projection]);
  applyAll(db, [projection], history);
  return db;
}

describe('activity facts: one row per event with its position and business-zone day', () => {
  it('records receptions, screenings and risk assessments', () => {
    const db = built();
    expect(rowsOf(db, 'fact_receptions')).toEqual([
      {
        position: 1,
        id: 'R1',
        occurred_at: at('2022-04-06'),
        occurred_on: '2022-04-06',
        leader: '市委书记',
        batches: 3,
        persons: 12,
        resolved_on_site_batches: 1,
        resolved_on_site_persons: 5,
      },
    ]);
    // 17:00 UTC on 30 April is 1 May in Shanghai.
    expect(rowsOf(db, 'fact_screenings')).toEqual([
      {
        position: 2,
        id: 'S1',
        occurred_at: '2022-04-30T17:00:00Z',
        occurred_on: '2022-05-01',
        unit: 'town-a',
        found: 40,
        resolved: 33,
      },
    ]);
    expect(rowsOf(db, 'fact_risk_assessments')).toEqual([
      {
        position: 3,
        id: 'A1',
        occurred_at: at('2022-05-10'),
        occurred_on: '2022-05-10',
        project: '城北棚改',
        passed: 0,
      },
    ]);
  });

  it('records a campaign with its last target and each case with the day it was added', () => {
    const db = built();
    expect(rowsOf(db, 'fact_campaigns')).toEqual([
      {
        position: 4,
        campaign_id: 'backlog',
        name: '重复信访积案专项治理',
        occurred_at: at('2022-03-01'),
        launched_on: '2022-03-01',
        last_target: '2022-07-31',
        targets: JSON.stringify([
          { by: '2022-06-30', rate: 80 },
          { by: '2022-07-31', rate: 90 },
        ]),
      },
    ]);
    expect(rowsOf(db, 'fact_campaign_cases')).toEqual([
      {
        position: 5,
        campaign_id: 'backlog',
        matter_id: 'M-1',
        assigned_by: 'province',
        occurred_at: at('2022-03-02'),
        added_on: '2022-03-02',
      },
    ]);
  });

  it('records a meeting and each of its decisions, ordered as decided', () => {
    const db = built();
    expect(rowsOf(db, 'fact_meetings')).toEqual([
      {
        position: 6,
        meeting_id: 'W14',
        kind: 'weekly_judgment',
        chair: '市委书记',
        occurred_at: at('2022-04-04'),
        occurred_on: '2022-04-04',
        decisions: 2,
      },
    ]);
    expect(rowsOf(db, 'fact_meeting_decisions')).toEqual([
      {
        position: 6,
        ord: 0,
        meeting_id: 'W14',
        matter_id: 'M-1',
        decision: '三日内入户',
        unit: 'town-a',
        due_by: '2022-04-08',
        occurred_on: '2022-04-04',
      },
      {
        position: 6,
        ord: 1,
        meeting_id: 'W14',
        matter_id: 'M-2',
        decision: '约见开发商',
        unit: 'dept-housing',
        due_by: '2022-04-15',
        occurred_on: '2022-04-04',
      },
    ]);
  });

  it('records an accountability action with its grounds', () => {
    expect(rowsOf(built(), 'fact_accountability')).toEqual([
      {
        position: 7,
        id: 'K1',
        kind: 'summons',
        unit: 'town-a',
        person: '镇长 王',
        occurred_at: at('2022-05-05'),
        occurred_on: '2022-05-05',
        ranking: '2022-04',
        bulletin: null,
        matters: '["M-1"]',
      },
    ]);
  });

  it('changes nothing when the same events are applied twice, in a later batch or back to back', () => {
    const db = built();
    const once = allRows(db);
    applyAll(db, [projection], history);
    expect(allRows(db)).toEqual(once);
    const doubled = readModelDb([projection]);
    applyAll(
      doubled,
      [projection],
      history.flatMap((e) => [e, e]),
    );
    expect(allRows(doubled)).toEqual(once);
  });
});
