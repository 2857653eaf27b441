import { domainEvent, milestoneOutcome } from '@app/domain';
import { at, ev, officialCalendar } from '@app/domain/testing';
import { CONTACTS_KNOWN_AT, milestonesKnownAt } from './fact-queries';
import { scopeParams } from './fact-scope';
import { mattersProjection } from './matters.projection';
import { allRows, applyAll, envelopes, onStream, readModelDb, rowsOf } from './spec-support';

const settings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };
const projection = mattersProjection(settings);

// Positions 1..8 on matter M-1, then position 9 opens M-2 (so another stream interleaves).
const history = envelopes([
  ...onStream('matter-M-1', [
    ...ev.opened(at('2022-03-01', '09:00'), { headcount: 12, collective: true }), // 1, 2
    ev.assigned(at('2022-03-02')), // 3
    ev.accepted(at('2022-03-05')), // 4
    // 16:30 UTC on 31 March is 00:30 on 1 April in Shanghai: the business day counts.
    domainEvent('ContactRecorded', '2022-03-31T16:30:00Z', {
      channel: 'online',
      level: 'city',
      source: 'national_platform',
      headcount: 1,
      collective: false,
      repeat: true,
    }), // 5
    domainEvent('CorrectionRecorded', at('2022-04-02'), {
      field: 'category',
      value: 'urban_rural_construction',
      previous: 'labour_social_security',
      reason: '登记类别有误',
    }), // 6
    ev.replied(at('2022-04-20')), // 7
    ev.resolved(at('2022-05-01')), // 8
  ]),
  ['matter-M-2', ev.opened(at('2022-04-10'))[0]], // 9
  [
    'unit-town-a',
    domainEvent('UnitRegistered', at('2022-01-01'), { code: 'town-a', name: '城关镇', kind: 'town', parent: null }),
  ], // 10
]);

function built() {
  const db = readModelDb([projection]);
  applyAll(db, [projection], history);
  return db;
}

describe('matter facts: contacts, matter versions, milestones and resolutions, each with its ledger position', () => {
  it('keeps one row per contact with its position, its business-zone day and the category registered at the time', () => {
    expect(rowsOf(built(), 'fact_contacts')).toEqual([
      {
        position: 2,
        matter_id: 'M-1',
        occurred_at: at('2022-03-01', '09:00'),
        occurred_on: '2022-03-01',
        channel: 'visit',
        level: 'city',
        source: null,
        headcount: 12,
        is_collective: 1,
        is_repeat: 0,
        recorded_category: 'labour_social_security',
        recorded_unit: 'town-a',
        assigned_unit: null,
      },
      {
        position: 5,
        matter_id: 'M-1',
        occurred_at: '2022-03-31T16:30:00Z',
        occurred_on: '2022-04-01',
        channel: 'online',
        level: 'city',
        source: 'national_platform',
        headcount: 1,
        is_collective: 0,
        is_repeat: 1,
        recorded_category: 'labour_social_security',
        recorded_unit: 'town-a',
        assigned_unit: 'town-a',
      },
    ]);
  });

  it('versions the attributes reports group by, each valid from one position until the next', () => {
    const base = { matter_id: 'M-1', subject: '紫悦华府', responsible_unit: 'town-a' };
    expect(rowsOf(built(), 'fact_matter_versions')).toEqual([
      { ...base, position: 1, superseded: 3, category: 'labour_social_security', assigned_unit: null },
      { ...base, position: 3, superseded: 6, category: 'labour_social_security', assigned_unit: 'town-a' },
      { ...base, position: 6, superseded: null, category: 'urban_rural_construction', assigned_unit: 'town-a' },
      {
        ...base,
        matter_id: 'M-2',
        position: 9,
        superseded: null,
        category: 'labour_social_security',
        assigned_unit: null,
      },
    ]);
  });

  it('versions every statutory limit: when it appeared, when it was met, and each change between', () => {
    const rows = rowsOf(built(), 'fact_milestones').filter((r) => r.matter_id === 'M-1');
    const view = rows.map((r) => [r.key, r.position, r.superseded, r.last_day, r.met_on, r.set_at, r.met_at]);
    expect(view).toEqual([
      ['acceptance#0', 3, 4, '2022-03-17', null, 3, null],
      ['acceptance#0', 4, null, '2022-03-17', '2022-03-05', 3, 4],
      ['remit_return#0', 3, null, '2022-03-09', null, 3, null],
      // DOMAIN.md: accepted 2022-03-05, 60 days → 05-04 is 劳动节 → 2022-05-05.
      ['reply#0', 4, 7, '2022-05-05', null, 4, null],
      ['reply#0', 7, null, '2022-05-05', '2022-04-20', 4, 7],
      ['review_request#0', 7, null, '2022-05-20', null, 7, null],
      ['transfer#0', 1, 3, '2022-03-16', null, 1, null],
      ['transfer#0', 3, null, '2022-03-16', '2022-03-02', 1, 3],
    ]);
    expect(rows.find((r) => r.key === 'reply#0' && r.position === 7)).toMatchObject({
      step: 'reply',
      kind: 'duty',
      unit: 'town-a',
      from_on: '2022-03-05',
      excused: null,
      extended_by: null,
    });
  });

  it('records a resolution with its day', () => {
    expect(rowsOf(built(), 'fact_resolutions')).toEqual([
      { position: 8, matter_id: 'M-1', occurred_at: at('2022-05-01'), resolved_on: '2022-05-01' },
    ]);
  });

  it('answers "as known at P" with a filter: the category before and after the correction', () => {
    const db = built();
    const categories = (asOf: bigint) =>
      db
        .prepare(`SELECT position, category FROM (${CONTACTS_KNOWN_AT}) ORDER BY position`)
        .all(scopeParams({ from: '2022-03-01', to: '2022-04-30', asOf }));
    expect(categories(4n)).toEqual([{ position: 2, category: 'labour_social_security' }]);
    expect(categories(5n)).toEqual([
      { position: 2, category: 'labour_social_security' },
      { position: 5, category: 'labour_social_security' },
    ]);
    // After the correction, both contacts count under the corrected category.
    expect(categories(6n)).toEqual([
      { position: 2, category: 'urban_rural_construction' },
      { position: 5, category: 'urban_rural_construction' },
    ]);
    // The dates filter on the business day: 1 April is outside March.
    expect(
      db
        .prepare(`SELECT COUNT(*) AS n FROM (${CONTACTS_KNOWN_AT})`)
        .get(scopeParams({ from: '2022-03-01', to: '2022-03-31', asOf: 99n })),
    ).toEqual({ n: 1 });
  });

  it('judges a limit as it was known: the reply is pending at P=6 and on time from P=7', () => {
    const db = built();
    const reply = (asOf: bigint) =>
      milestonesKnownAt(db, { from: '2022-05-01', to: '2022-05-31', asOf }, { steps: ['reply'] });
    expect(reply(3n)).toEqual([]);
    const before = reply(6n);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({
      matterId: 'M-1',
      key: 'reply#0',
      lastDay: '2022-05-05',
      setAt: '4',
      metAt: null,
    });
    expect(milestoneOutcome(before[0], '2022-05-01')).toBe('pending');
    const after = reply(7n);
    expect(after[0]).toMatchObject({ met: '2022-04-20', metAt: '7' });
    expect(milestoneOutcome(after[0], '2022-06-01')).toBe('on_time');
    expect(
      milestonesKnownAt(
        db,
        { from: '2022-05-01', to: '2022-05-31', asOf: 7n },
        { steps: ['reply'], firstChannel: 'online' },
      ),
    ).toEqual([]);
    expect(
      milestonesKnownAt(
        db,
        { from: '2022-05-01', to: '2022-05-31', asOf: 7n },
        { steps: ['reply'], firstChannel: 'visit', units: ['town-a'] },
      ),
    ).toHaveLength(1);
  });

  it('changes nothing when the same events are applied twice, in a later batch or back to back', () => {
    const db = built();
    const once = allRows(db);
    applyAll(db, [projection], history);
    expect(allRows(db)).toEqual(once);
    expect(once.fact_contacts).toHaveLength(2);
    const doubled = readModelDb([projection]);
    applyAll(
      doubled,
      [projection],
      history.flatMap((e) => [e, e]),
    );
    expect(allRows(doubled)).toEqual(once);
  });

  it('writes the same rows whether a batch holds one event, a few, or the whole history', () => {
    // History, then a matter returned and assigned again, interleaved with another one.
    const later = envelopes(
      [
        ...onStream('matter-M-3', [...ev.opened(at('2022-03-01')), ev.assigned(at('2022-03-02'))]),
        ...onStream('matter-M-4', ev.opened(at('2022-03-02'))),
      ],
      history.length + 1,
    );
    const last = envelopes(
      onStream('matter-M-3', [
        ev.returned(at('2022-03-03')),
        ev.assigned(at('2022-03-04'), 'dept-housing'),
        ev.accepted(at('2022-03-05'), 'dept-housing'),
      ]),
      history.length + later.length + 1,
    ).map((e) => ({ ...e, revision: e.revision + 3 }));
    const more = [...history, ...later, ...last];
    const oneByOne = readModelDb([projection]);
    applyAll(oneByOne, [projection], more);
    const expected = allRows(oneByOne);
    expect(expected.fact_milestones.filter((r) => r.matter_id === 'M-3').length).toBeGreaterThan(4);
    for (const size of [2, 3, 5, more.length]) {
      const db = readModelDb([projection]);
      db.transaction(() => {
        for (let i = 0; i < more.length; i += size) projection.applyBatch!(more.slice(i, i + size), { db, index: i });
      })();
      expect(allRows(db)).toEqual(expected);
      // A batch that repeats what is applied already changes nothing.
      db.transaction(() => projection.applyBatch!([...more, ...more], { db, index: 0 }))();
      expect(allRows(db)).toEqual(expected);
    }
  });

  it('excuses the limits of an assignment the unit returned as outside its remit', () => {
    const db = readModelDb([projection]);
    applyAll(
      db,
      [projection],
      envelopes(
        onStream('matter-M-3', [
          ...ev.opened(at('2022-03-01')),
          ev.assigned(at('2022-03-02')),
          ev.returned(at('2022-03-03')),
        ]),
      ),
    );
    const current = db
      .prepare(
        "SELECT key, excused, met_on FROM fact_milestones WHERE superseded IS NULL AND key IN ('acceptance#0', 'transfer#1') ORDER BY key",
      )
      .all();
    expect(current).toEqual([
      { key: 'acceptance#0', excused: 'remit_returned', met_on: null },
      { key: 'transfer#1', excused: null, met_on: null },
    ]);
  });
});
