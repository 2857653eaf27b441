import { domainEvent } from '@app/domain';
import { dumpReadModels } from '../read-model-dump';
import { apply, modelDb, stored } from '../testing/projection-spec';
import { listUnits, unitsProjection } from './units.projection';

const history = stored([
  [
    'unit-town-a',
    domainEvent('UnitRegistered', '2022-01-04T09:00:00+08:00', {
      code: 'town-a',
      name: '城关街道',
      kind: 'town',
      parent: null,
    }),
  ],
  ['matter-M-1', domainEvent('MatterResolved', '2022-01-05T09:00:00+08:00', { note: '不是单位的事件' })],
  [
    'unit-village-1',
    domainEvent('UnitRegistered', '2022-01-04T09:05:00+08:00', {
      code: 'village-1',
      name: '王庄村',
      kind: 'village',
      parent: 'town-a',
    }),
  ],
  [
    'unit-dept-housing',
    domainEvent('UnitRegistered', '2022-01-04T09:10:00+08:00', {
      code: 'dept-housing',
      name: '住建局',
      kind: 'department',
      parent: null,
    }),
  ],
]);

describe('units read model', () => {
  it('lists every registered unit by code, with its kind and parent', () => {
    const db = modelDb([unitsProjection]);
    apply(db, [unitsProjection], history);
    expect(listUnits(db)).toEqual([
      { code: 'dept-housing', name: '住建局', kind: 'department', parent: null },
      { code: 'town-a', name: '城关街道', kind: 'town', parent: null },
      { code: 'village-1', name: '王庄村', kind: 'village', parent: 'town-a' },
    ]);
    expect(db.prepare('SELECT code, position FROM units ORDER BY code').all()).toEqual([
      { code: 'dept-housing', position: '4' },
      { code: 'town-a', position: '1' },
      { code: 'village-1', position: '3' },
    ]);
  });

  it('changes nothing when the same events are applied twice', () => {
    const db = modelDb([unitsProjection]);
    apply(db, [unitsProjection], history);
    const once = dumpReadModels(db);
    apply(db, [unitsProjection], history);
    expect(dumpReadModels(db)).toEqual(once);
  });
});
