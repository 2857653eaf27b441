import { bulletinRow, Ratio, UnitFigures, UnitKind } from '@app/domain';
import type { BulletinDocument } from '../rhythm/rhythm-reports';

const r = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

/** A unit's half-month with `n` contacts, of which `repeats` repeat, and `overdue` matters overdue. */
export function halfMonth(n: number, repeats: number, onTime: Ratio, overdue: number, skipLevel = 0): UnitFigures {
  return {
    contacts: n,
    persons: n + repeats,
    skipLevel,
    collective: 0,
    overdue,
    repeat: r(repeats, n),
    skipLevelShare: r(skipLevel, n),
    timelyAcceptance: r(n, n),
    onTime,
    resolution: r(onTime.numerator, onTime.denominator),
    satisfaction: r(0, 0),
  };
}

/** A bulletin by hand, with a unit whose name is a spreadsheet formula (a hostile name must print as text). */
export function sampleBulletin(units = 14): BulletinDocument {
  const list: { code: string; name: string; kind: UnitKind; now: UnitFigures; before: UnitFigures }[] = [
    {
      code: 'town-evil',
      name: '=HYPERLINK("http://x","点我")',
      kind: 'town',
      now: halfMonth(12, 6, r(3, 4), 2),
      before: halfMonth(10, 2, r(4, 4), 0),
    },
    {
      code: 'town-chengguan',
      name: '城关镇',
      kind: 'town',
      now: halfMonth(40, 4, r(18, 20), 0, 2),
      before: halfMonth(50, 5, r(20, 20), 1),
    },
    {
      code: 'dept-housing',
      name: '住房和城乡建设局',
      kind: 'department',
      now: halfMonth(60, 30, r(10, 16), 5, 3),
      before: halfMonth(45, 20, r(12, 16), 3, 1),
    },
    {
      code: 'dept-water',
      name: '水利局',
      kind: 'department',
      now: halfMonth(0, 0, r(0, 0), 0),
      before: halfMonth(0, 0, r(0, 0), 0),
    },
  ];
  for (let i = list.length; i < units; i++) {
    list.push({
      code: `town-${String(i).padStart(2, '0')}`,
      name: `第${i}街道办事处`,
      kind: i % 2 ? 'town' : 'department',
      now: halfMonth(10 + i, i % 4, r(i % 5, 5), i % 3),
      before: halfMonth(9 + i, i % 3, r(4, 5), 0),
    });
  }
  const order = (k: UnitKind) => (k === 'town' ? 0 : 1);
  list.sort((a, b) => order(a.kind) - order(b.kind) || (a.code < b.code ? -1 : 1));
  const sum = (pick: (u: (typeof list)[number]) => UnitFigures): UnitFigures => {
    const f = list.map(pick);
    const add = (key: 'repeat' | 'skipLevelShare' | 'timelyAcceptance' | 'onTime' | 'resolution' | 'satisfaction') =>
      r(
        f.reduce((s, x) => s + x[key].numerator, 0),
        f.reduce((s, x) => s + x[key].denominator, 0),
      );
    return {
      contacts: f.reduce((s, x) => s + x.contacts, 0),
      persons: f.reduce((s, x) => s + x.persons, 0),
      skipLevel: f.reduce((s, x) => s + x.skipLevel, 0),
      collective: 0,
      overdue: f.reduce((s, x) => s + x.overdue, 0),
      repeat: add('repeat'),
      skipLevelShare: add('skipLevelShare'),
      timelyAcceptance: add('timelyAcceptance'),
      onTime: add('onTime'),
      resolution: add('resolution'),
      satisfaction: add('satisfaction'),
    };
  };
  return {
    kind: 'bulletin',
    period: '2022-04-H1',
    from: '2022-04-01',
    to: '2022-04-15',
    evaluatedOn: '2022-04-15',
    asOf: '4242',
    previous: { period: '2022-03-H2', from: '2022-03-16', to: '2022-03-31', evaluatedOn: '2022-03-31' },
    rows: list.map((u) => bulletinRow(u, u.now, u.before)),
    total: bulletinRow(
      { code: '', name: '全市合计', kind: null },
      sum((u) => u.now),
      sum((u) => u.before),
    ),
  };
}
