import { auditLeafHash } from '@app/audit';
import { domainEvent } from '@app/domain';
import { at, ev } from '@app/domain/testing';
import { dumpReadModels } from '../read-model-dump';
import { apply, modelDb, on, stored } from '../testing/projection-spec';
import { timelineOf, timelineProjection } from './timeline.projection';

const history = stored([
  ...on('matter-M-1', ev.opened(at('2022-03-01', '09:00'))),
  [
    'unit-town-a',
    domainEvent('UnitRegistered', at('2022-03-01'), { code: 'town-a', name: '城关街道', kind: 'town', parent: null }),
  ],
  ...on('matter-M-2', ev.opened(at('2022-03-01', '11:00'))),
  ...on('matter-M-1', [ev.assigned(at('2022-03-02')), ev.accepted(at('2022-03-05'))]),
]);

describe('timeline read model', () => {
  it("lists each matter's events in global order with their audit leaf hash, and nothing of other streams", () => {
    const db = modelDb([timelineProjection]);
    apply(db, [timelineProjection], history);
    const m1 = timelineOf(db, 'M-1');
    expect(m1.map((e) => [e.index, e.position, e.revision, e.type])).toEqual([
      [0, '1', 0, 'MatterOpened'],
      [1, '2', 1, 'ContactRecorded'],
      [5, '6', 2, 'MatterAssigned'],
      [6, '7', 3, 'AcceptanceDecided'],
    ]);
    const accepted = history[6];
    expect(m1[3]).toEqual({
      index: 6,
      position: '7',
      stream: 'matter-M-1',
      revision: 3,
      type: 'AcceptanceDecided',
      occurredAt: accepted.occurredAt,
      recordedAt: accepted.recordedAt,
      actor: accepted.actor,
      data: accepted.data,
      hash: auditLeafHash(accepted, 6),
    });
    expect(timelineOf(db, 'M-2').map((e) => e.type)).toEqual(['MatterOpened', 'ContactRecorded']);
    expect(timelineOf(db, 'town-a')).toEqual([]);
  });

  it('changes nothing when the same events are applied twice', () => {
    const db = modelDb([timelineProjection]);
    apply(db, [timelineProjection], history);
    const once = dumpReadModels(db);
    apply(db, [timelineProjection], history);
    expect(dumpReadModels(db)).toEqual(once);
  });
});
