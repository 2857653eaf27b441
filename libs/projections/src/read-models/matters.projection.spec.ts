import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadlines, domainEvent, DomainEvent, MatterState } from '@app/domain';
import { at, ev, firstContact, openedData, sealed, officialCalendar } from '@app/domain/testing';
import { dumpReadModels } from '../read-model-dump';
import { apply, modelDb, on, stored } from '../testing/projection-spec';
import { findMatter, listMatters, mattersProjection } from './matters.projection';

const settings = { timeZone: 'Asia/Shanghai', calendar: officialCalendar, rollForward: true };
const projection = mattersProjection(settings);

/** DOMAIN.md's worked example: accepted 2022-03-05, reply due 05-05; extended by 30 days, due 06-06. */
const m1: DomainEvent[] = [
  // 23:30 in Shanghai is still 2022-03-01 there, though 15:30 UTC.
  ...ev.opened('2022-03-01T23:30:00+08:00'),
  ev.assigned(at('2022-03-02')),
  ev.accepted(at('2022-03-05')),
  ev.contact(at('2022-03-20'), { channel: 'online', source: 'national_platform' }),
  ev.action(at('2022-03-25')),
  ev.owner(at('2022-03-26')),
  ev.extended(at('2022-04-20')),
];
const m2: DomainEvent[] = [
  domainEvent('MatterOpened', at('2022-03-03'), {
    ...openedData,
    matterId: 'M-2',
    petitioners: [{ petitionerId: 'P-2', sealed }],
  }),
  domainEvent('ContactRecorded', at('2022-03-03'), firstContact),
  ev.assigned(at('2022-03-04'), 'dept-housing'),
];

const history = stored([
  ...on('matter-M-1', m1.slice(0, 4)),
  ...on('matter-M-2', m2),
  ...on('matter-M-1', m1.slice(4)),
]);

function row(db: Database.Database, id: string) {
  return db
    .prepare(
      'SELECT id, revision, position, status, category, subject, responsible_unit, assigned_unit, opened_on, next_due FROM matters WHERE id = ?',
    )
    .get(id);
}

describe('matters read model', () => {
  it("holds each matter's state as the domain folds it, with the columns GET /matters filters on", () => {
    const db = modelDb([projection]);
    apply(db, [projection], history);
    expect(row(db, 'M-1')).toEqual({
      id: 'M-1',
      revision: 7,
      position: '11',
      status: 'accepted',
      category: 'labour_social_security',
      subject: '紫悦华府',
      responsible_unit: 'town-a',
      assigned_unit: 'town-a',
      opened_on: '2022-03-01',
      next_due: '2022-06-06',
    });
    expect(row(db, 'M-2')).toMatchObject({
      revision: 2,
      status: 'assigned',
      assigned_unit: 'dept-housing',
      opened_on: '2022-03-03',
      next_due: '2022-03-21',
    });
    const found = findMatter(db, 'M-1')!;
    expect(found.state.contacts.map((c) => [c.channel, c.repeat])).toEqual([
      ['visit', false],
      ['online', true],
    ]);
    expect(found.state.owner).toBe('L-1');
    // The sealed personal data stays bound to the event it was sealed for (the AEAD's associated data).
    expect(found.petitioners).toEqual([{ petitionerId: 'P-1', eventId: 'e-1', sealed }]);
  });

  it('answers the filters of GET /matters, overdue included', () => {
    const db = modelDb([projection]);
    apply(db, [projection], history);
    const ids = (filter: Partial<Parameters<typeof listMatters>[1]>) =>
      listMatters(db, { limit: 10, ...filter }).map((m) => m.state.matterId);
    expect(ids({})).toEqual(['M-1', 'M-2']);
    expect(ids({ unit: 'dept-housing' })).toEqual(['M-2']);
    expect(ids({ status: 'accepted' })).toEqual(['M-1']);
    expect(ids({ from: '2022-03-02', to: '2022-03-31' })).toEqual(['M-2']);
    expect(ids({ overdueOn: { date: '2022-03-22', overdue: true } })).toEqual(['M-2']);
    expect(ids({ overdueOn: { date: '2022-03-21', overdue: true } })).toEqual([]);
    expect(ids({ after: 'M-1' })).toEqual(['M-2']);
  });

  it('keeps next_due equal to a full recomputation after every event, including those that skip it', () => {
    const db = modelDb([projection]);
    const life = stored(
      on('matter-M-1', [
        ...m1,
        ev.contact(at('2022-05-01')),
        ev.replied(at('2022-05-10')),
        ev.evaluated(at('2022-05-11')),
        ev.reviewRequested(at('2022-05-20')),
        ev.contact(at('2022-05-21'), { level: 'province' }),
        ev.resolved(at('2022-05-22')),
        ev.reviewDecided(at('2022-06-10')),
      ]),
    );
    for (const event of life) {
      apply(db, [projection], [event]);
      const { next_due } = db.prepare('SELECT next_due FROM matters WHERE id = ?').get('M-1') as {
        next_due: string | null;
      };
      const state = JSON.parse(
        (db.prepare('SELECT state FROM matters WHERE id = ?').get('M-1') as { state: string }).state,
      ) as MatterState;
      const due =
        deadlines(state, settings)
          .filter((d) => d.kind === 'duty' && d.met === undefined)
          .map((d) => d.lastDay)
          .sort()[0] ?? null;
      expect([event.type, next_due]).toEqual([event.type, due]);
    }
    // Once the review is decided only the petitioner's re-review window runs: no duty is due.
    expect(row(db, 'M-1')).toMatchObject({ status: 'reviewed', next_due: null });
  });

  it('changes nothing when the same events are applied twice: no contact is counted twice', () => {
    const db = modelDb([projection]);
    apply(db, [projection], history);
    const once = dumpReadModels(db);
    apply(db, [projection], history);
    expect(dumpReadModels(db)).toEqual(once);
    expect(findMatter(db, 'M-1')!.state.contacts).toHaveLength(2);
  });

  it('folds on from a state it did not fold itself (another connection wrote it) the same way', () => {
    const warm = modelDb([projection]);
    apply(warm, [projection], history);
    const dir = mkdtempSync(join(tmpdir(), 'matters-spec-'));
    try {
      const first = new Database(join(dir, 'rm.sqlite'));
      first.exec(projection.schema);
      apply(first, [projection], history.slice(0, 5));
      first.close();
      const second = new Database(join(dir, 'rm.sqlite'));
      apply(second, [projection], history.slice(5));
      expect(dumpReadModels(second)).toEqual(dumpReadModels(warm));
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
