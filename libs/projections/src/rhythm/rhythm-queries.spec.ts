import { addDays } from '@app/domain';
import { at, ev, opened, settings } from '@app/domain/testing';
import { mattersProjection } from '../read-models/matters.projection';
import { applyAll, envelopes, onStream, readModelDb } from '../read-models/spec-support';
import { dutiesOpenOn } from './rhythm-queries';

const projection = mattersProjection(settings);

// Duties met on time, met late, never met, excused by a remit return, and extended, over three months.
const history = envelopes([
  ...onStream('matter-A', [...opened('A', '2022-03-01', 'town-a'), ev.assigned(at('2022-03-02'))]),
  ...onStream('matter-B', [...opened('B', '2022-03-01', 'town-b'), ev.assigned(at('2022-03-20'), 'town-b')]),
  ...onStream('matter-C', opened('C', '2022-03-03', 'town-a')),
  ['matter-A', ev.accepted(at('2022-03-04'))],
  ...onStream('matter-D', [...opened('D', '2022-03-05', 'town-a'), ev.assigned(at('2022-03-06'))]),
  ['matter-D', ev.returned(at('2022-03-07'))],
  ['matter-B', ev.accepted(at('2022-04-15'), 'town-b')],
  ['matter-A', ev.extended(at('2022-04-20'))],
  ['matter-C', ev.assigned(at('2022-04-25'))],
  ['matter-A', ev.replied(at('2022-06-20'))],
  ['matter-B', ev.replied(at('2022-05-30'), 'town-b')],
]);

describe('duties open on a day, as known at a position', () => {
  it('are the same through the index of open and late duties as through the versioned rows, at every position', () => {
    const db = readModelDb([projection]);
    applyAll(db, [projection], history);
    db.exec(`CREATE TABLE runner_state (id INTEGER PRIMARY KEY, position TEXT NOT NULL, next_index INTEGER NOT NULL,
      schema_signature TEXT NOT NULL); INSERT INTO runner_state VALUES (1, '0', 0, 'spec')`);
    const at = db.prepare('UPDATE runner_state SET position = ?');
    let found = 0;
    for (let asOf = 0n; asOf <= BigInt(history.length); asOf++)
      for (let day = '2022-03-01'; day <= '2022-08-31'; day = addDays(day, 4)) {
        at.run(String(asOf)); // the read models' own position: the index's two ranges
        const fast = dutiesOpenOn(db, asOf, day);
        at.run('-1'); // any other: the versioned rows
        expect(fast).toEqual(dutiesOpenOn(db, asOf, day));
        found += fast.length;
      }
    expect(found).toBeGreaterThan(100);
  });
});
